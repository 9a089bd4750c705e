// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/RecipientWarnings.h"

#include "tracking/DomainTypos.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace Mailtrail::Tracking {

QString warningKindName(RecipientWarning::Kind kind)
{
    return kind == RecipientWarning::Kind::FailedBefore ? QStringLiteral("failed-before")
                                                        : QStringLiteral("domain-typo");
}

QJsonObject warningToJson(const RecipientWarning &warning)
{
    QJsonObject o;
    o[QLatin1String("address")] = warning.address;
    o[QLatin1String("kind")] = warningKindName(warning.kind);
    o[QLatin1String("status")] = warning.status.isEmpty() ? QJsonValue() : QJsonValue(warning.status);
    o[QLatin1String("at")] = warning.at.isValid()
        ? QJsonValue(warning.at.toUTC().toString(Qt::ISODate))
        : QJsonValue();
    o[QLatin1String("suggestion")] = warning.suggestion.isEmpty() ? QJsonValue()
                                                                  : QJsonValue(warning.suggestion);
    return o;
}

QList<RecipientWarning> recipientWarnings(const QList<AddressHistory> &histories,
                                          const QStringList &deliveredDomains)
{
    QList<RecipientWarning> warnings;
    for (const AddressHistory &history : histories) {
        if (history.knownBad) {
            RecipientWarning w;
            w.address = history.address;
            w.kind = RecipientWarning::Kind::FailedBefore;
            w.status = !history.knownBad->status.isEmpty()
                ? history.knownBad->status
                : (history.knownBad->replyCode > 0 ? QString::number(history.knownBad->replyCode)
                                                   : QString());
            w.at = history.knownBad->time;
            w.description = describeKnownBad(*history.knownBad);
            warnings.append(w);
        }
        // An address delivered to before is no typo, whatever its domain looks like.
        if (history.delivered > 0)
            continue;
        if (const auto suggestion = suggestAddress(history.address, deliveredDomains)) {
            RecipientWarning w;
            w.address = history.address;
            w.kind = RecipientWarning::Kind::DomainTypo;
            w.suggestion = *suggestion;
            w.description = QCoreApplication::translate("Mailtrail::Tracking", "Did you mean %1?")
                                .arg(*suggestion);
            warnings.append(w);
        }
    }
    return warnings;
}

QList<RecipientWarning> recipientWarnings(const DeliveryRecords &store, const QStringList &addresses)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<AddressHistory> histories;
    for (const QString &address : addresses)
        histories.append(addressHistory(store, address, now));
    return recipientWarnings(histories, store.deliveredDomains());
}

} // namespace Mailtrail::Tracking

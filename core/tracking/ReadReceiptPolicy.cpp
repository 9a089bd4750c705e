// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/ReadReceiptPolicy.h"

#include "tracking/Correlator.h"
#include "NameTable_p.h"

#include <array>
#include <utility>

namespace Mailtrail::Tracking {

namespace {

constexpr std::array<std::pair<ReceiptMode, const char *>, 3> kModes{{
    {ReceiptMode::Never, "never"},
    {ReceiptMode::Ask, "ask"},
    {ReceiptMode::Always, "always"},
}};

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).toLower();
}

bool containsAddress(const QStringList &list, const QStringList &mine)
{
    for (const QString &a : list) {
        const QString n = normalizeAddress(a);
        for (const QString &m : mine) {
            if (n == normalizeAddress(m))
                return true;
        }
    }
    return false;
}

/// RFC 8098 §2.2: options are "attribute=importance,value" separated by ';'. We
/// understand none, so any "required" one forbids an MDN.
bool hasRequiredOption(const QString &options)
{
    const QStringList parameters = options.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &parameter : parameters) {
        const qsizetype equals = parameter.indexOf(QLatin1Char('='));
        if (equals < 0)
            continue;
        const QString importance = parameter.mid(equals + 1).section(QLatin1Char(','), 0, 0);
        if (importance.trimmed().compare(QLatin1String("required"), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

ReceiptDecision decision(ReceiptAction action, const QString &reason, const QString &sendTo = {})
{
    return {action, reason, sendTo};
}

} // namespace

QString receiptModeName(ReceiptMode mode)
{
    return Detail::nameOf(kModes, mode);
}

bool receiptModeFromName(const QString &name, ReceiptMode *mode)
{
    return Detail::valueOf(kModes, name, mode);
}

ReceiptDecision decideReadReceipt(const ReceiptRequest &request, const ReadReceiptPolicy &policy,
                                  const ReceiptIdentity &me)
{
    if (request.notificationTo.isEmpty())
        return decision(ReceiptAction::None, QStringLiteral("No read receipt was requested."));
    if (request.isReport)
        return decision(ReceiptAction::None,
                        QStringLiteral("The message is itself a report; reports are never "
                                       "answered with a report."));
    if (request.mdnSent)
        return decision(ReceiptAction::None,
                        QStringLiteral("A read receipt was already sent for this message."));
    if (hasRequiredOption(request.options))
        return decision(ReceiptAction::None,
                        QStringLiteral("The request has a required option Mailtrail does not "
                                       "support, so no receipt can be sent."));

    // Which of the policy's cases apply; the most cautious mode wins.
    ReceiptMode mode = policy.mode;
    const QString requester = normalizeAddress(request.notificationTo.constFirst());
    QStringList myDomains = me.domains;
    if (myDomains.isEmpty()) {
        for (const QString &address : me.addresses)
            myDomains.append(domainOf(address));
    }
    for (QString &domain : myDomains)
        domain = domain.toLower();
    if (!myDomains.contains(domainOf(requester)))
        mode = std::min(mode, policy.outsideDomain);
    if (!containsAddress(request.to, me.addresses) && !containsAddress(request.cc, me.addresses))
        mode = std::min(mode, policy.notAddressed);

    if (mode == ReceiptMode::Never)
        return decision(ReceiptAction::None,
                        QStringLiteral("The account's policy is never to send read receipts "
                                       "in this case."));

    // RFC 8098 §2.1: only ask, never send automatically, in these cases.
    QString askReason;
    if (request.notificationTo.size() > 1)
        askReason = QStringLiteral("The sender asks for receipts to several addresses.");
    else if (request.returnPath.trimmed().isEmpty())
        askReason = QStringLiteral("The message has no Return-Path, so the request cannot be "
                                   "checked.");
    else if (normalizeAddress(request.returnPath) != requester)
        askReason = QStringLiteral("The receipt would go to %1, which is not the message's "
                                   "return address %2.")
                        .arg(requester, normalizeAddress(request.returnPath));

    if (mode == ReceiptMode::Ask || !askReason.isEmpty()) {
        return decision(ReceiptAction::Ask,
                        askReason.isEmpty()
                            ? QStringLiteral("The sender asks for a read receipt.")
                            : askReason,
                        requester);
    }
    return decision(ReceiptAction::SendAutomatic,
                    QStringLiteral("Read receipts are sent automatically for this account."),
                    requester);
}

} // namespace Mailtrail::Tracking

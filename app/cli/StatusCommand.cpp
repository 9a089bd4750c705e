// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHelp.h"
#include "Commands.h"

#include "store/Database.h"
#include "tracking/BehaviourSettings.h"
#include "tracking/Explanation.h"
#include "tracking/NeedsAttention.h"
#include "tracking/StatusJson.h"
#include "tracking/TrackingStore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Mailtrail::Cli {

using namespace Mailtrail::Tracking;

namespace {

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

} // namespace

/// `mailtrail-cli status [--account A] [--message-id ID] [--state S] [--unmatched] [--json]
/// [--confirm EVENT_ID] [--needs-attention] [--dismiss ID]`: sent messages with the state of
/// each recipient and the evidence behind it, possible evidence (a guess) listed apart. With
/// --json, one JSON object per message per line (Tracking::messageToJson; with
/// --needs-attention also "attention", the reasons). --confirm makes a possible event decide,
/// then shows its message.
int runStatus(Context &context)
{
    const QStringList usage = {QStringLiteral("mailtrail-cli [--profile DIR] status [options]")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show what happened to sent mail, per recipient, with the evidence for it."));
    parser.addOption(helpOption());
    const QCommandLineOption accountOption(QStringLiteral("account"),
                                           QStringLiteral("Only messages sent from account <name>."),
                                           QStringLiteral("name"));
    const QCommandLineOption messageIdOption(QStringLiteral("message-id"),
                                             QStringLiteral("Only the message with this Message-ID."),
                                             QStringLiteral("id"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QStringLiteral("Only messages with a recipient in <state> (queued, rejected, accepted, "
                       "delayed, relayed, expanded, delivered, failed, displayed, deleted, "
                       "dispatched, processed, replied, overdue)."),
        QStringLiteral("state"));
    const QCommandLineOption unmatchedOption(
        QStringLiteral("unmatched"), QStringLiteral("List the reports that match no sent message."));
    const QCommandLineOption attentionOption(
        QStringLiteral("needs-attention"),
        QStringLiteral("Only messages that need attention: a recipient failed, rejected, overdue\n"
                       "or delayed for more than a day, not dismissed."));
    const QCommandLineOption dismissOption(
        QStringLiteral("dismiss"),
        QStringLiteral("Remove the message with tracking id <id> from those that need attention."),
        QStringLiteral("id"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("One JSON object per message per line."));
    const QCommandLineOption confirmOption(
        QStringLiteral("confirm"),
        QStringLiteral("Confirm the possible event <id> (a report matched by a guess) so that it "
                       "decides the recipient's state, then show its message."),
        QStringLiteral("id"));
    parser.addOptions({accountOption, messageIdOption, stateOption, unmatchedOption,
                       attentionOption, dismissOption, jsonOption, confirmOption});
    if (!parser.parse(context.arguments))
        return usageError(context, QStringLiteral("status"), parser.errorText(), usage);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usage);
        return 0;
    }
    DeliveryState wanted = DeliveryState::Queued;
    const bool filterState = parser.isSet(stateOption);
    if (filterState && !stateFromName(parser.value(stateOption), &wanted)) {
        context.err << "mailtrail-cli status: unknown state '" << parser.value(stateOption) << "'\n";
        return 2;
    }

    const QString path = context.profile.databasePath();
    if (!QFileInfo::exists(path)) {
        context.err << "mailtrail-cli status: no Mailtrail data in " << context.profile.directory()
                    << " (nothing sent yet)\n";
        return 1;
    }
    Store::Database database;
    if (const QString error = database.open(path); !error.isEmpty()) {
        context.err << "mailtrail-cli status: " << error << "\n";
        return 1;
    }
    if (const QString error = SettingsStore(database.connection()).importIniOnce(context.profile.filePath(QStringLiteral("settings.ini")));
        !error.isEmpty())
        context.err << "mailtrail-cli status: " << error << "\n";
    TrackingStore store(database.connection());
    // The user's deadlines (settings in the profile, `mailtrail-cli config`), as in the GUI.
    const DeadlinePolicy deadlines = SettingsStore(database.connection()).load().deadlines;
    const bool json = parser.isSet(jsonOption);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (parser.isSet(dismissOption)) {
        bool ok = false;
        const qint64 id = parser.value(dismissOption).toLongLong(&ok);
        NeedsAttention attention(database.connection());
        if (!ok || !attention.dismiss(id, now)) {
            context.err << "mailtrail-cli status: cannot dismiss '" << parser.value(dismissOption)
                        << "': " << (ok ? attention.lastError() : QStringLiteral("not a tracking id"))
                        << "\n";
            return 1;
        }
        context.out << "Dismissed " << id << " from the messages that need attention.\n";
        return 0;
    }

    if (parser.isSet(unmatchedOption)) {
        for (const StoredReport &report : store.unmatchedReports()) {
            if (json) {
                QJsonObject o;
                o[QLatin1String("report_id")] = report.id;
                o[QLatin1String("kind")] = report.kind;
                o[QLatin1String("subject")] = report.subject;
                o[QLatin1String("from")] = report.from;
                o[QLatin1String("received")] = report.receivedAt.toUTC().toString(Qt::ISODate);
                o[QLatin1String("origin")] = report.origin;
                context.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            } else {
                context.out << localTime(report.receivedAt) << "  " << report.kind << "  "
                            << report.subject << "  (" << report.origin << ")\n";
            }
        }
        return 0;
    }

    QList<TrackedMessage> messages;
    QHash<qint64, QList<AttentionReason>> attention;
    if (parser.isSet(confirmOption)) {
        bool ok = false;
        const qint64 eventId = parser.value(confirmOption).toLongLong(&ok);
        if (!ok || eventId <= 0) {
            context.err << "mailtrail-cli status: --confirm needs an event id (a number), not '"
                        << parser.value(confirmOption) << "'\n";
            return 2;
        }
        const auto sentMessageId = store.confirmEvidence(eventId, now);
        if (!sentMessageId) {
            context.err << "mailtrail-cli status: " << store.lastError() << "\n";
            return 1;
        }
        if (const auto message = store.message(*sentMessageId))
            messages.append(*message);
    } else if (parser.isSet(attentionOption)) {
        for (const AttentionItem &item : NeedsAttention(database.connection()).items(now, deadlines)) {
            if (parser.isSet(messageIdOption)
                && item.message.messageId != normalizeMessageId(parser.value(messageIdOption)))
                continue;
            messages.append(item.message);
            attention.insert(item.message.id, item.reasons);
        }
    } else if (parser.isSet(messageIdOption)) {
        const auto id = store.messageIdForHeader(parser.value(messageIdOption));
        if (!id) {
            context.err << "mailtrail-cli status: no sent message with Message-ID "
                        << parser.value(messageIdOption) << "\n";
            return 1;
        }
        if (const auto message = store.message(*id))
            messages.append(*message);
    } else {
        messages = store.messages(parser.value(accountOption));
    }

    for (const TrackedMessage &message : std::as_const(messages)) {
        if (parser.isSet(accountOption) && message.account != parser.value(accountOption))
            continue;
        QList<DerivedState> states;
        for (const RecipientTimeline &timeline : message.recipients)
            states.append(timeline.derive(now, deadlines));
        if (filterState
            && std::none_of(states.cbegin(), states.cend(),
                            [&](const DerivedState &s) { return s.state == wanted; }))
            continue;
        const auto reasons = attention.constFind(message.id);
        if (json) {
            QJsonObject o = messageToJson(message, now, deadlines);
            if (reasons != attention.cend()) {
                QJsonArray list;
                for (const AttentionReason &r : *reasons) {
                    QJsonObject reason;
                    reason[QLatin1String("address")] = r.address;
                    reason[QLatin1String("state")] = stateName(r.state);
                    reason[QLatin1String("since")] = r.since.isValid()
                        ? QJsonValue(r.since.toUTC().toString(Qt::ISODate)) : QJsonValue();
                    reason[QLatin1String("status")] = r.status;
                    list.append(reason);
                }
                o[QLatin1String("attention")] = list;
            }
            context.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            continue;
        }
        context.out << localTime(message.submittedAt.isValid() ? message.submittedAt
                                                               : message.createdAt)
                    << "  " << (message.subject.isEmpty() ? QStringLiteral("(no subject)") : message.subject)
                    << "  <" << message.messageId << ">"
                    << (message.origin == kOriginElsewhere ? "  (sent from another program)" : "")
                    << "\n";
        if (reasons != attention.cend())
            context.out << "  Needs attention (tracking id " << message.id
                        << "): " << describeReasons(*reasons) << '\n';
        if (!message.dsnSupported)
            context.out << "  ! The server did not support delivery reports (DSN) for this message.\n";
        for (qsizetype i = 0; i < message.recipients.size(); ++i) {
            const RecipientTimeline &t = message.recipients.at(i);
            const DerivedState &d = states.at(i);
            const QString detail = d.decidingEvent >= 0 && d.state != DeliveryState::Overdue
                ? describeEvidence(t.events().at(d.decidingEvent))
                : describeState(d.state);
            context.out << "  " << t.address().leftJustified(30) << ' '
                        << stateName(d.state).leftJustified(10) << ' '
                        << localTime(t.updated()) << "  " << detail << '\n';
            if (d.conflictingEvent >= 0)
                context.out << "      ! but also: " << describeEvidence(t.events().at(d.conflictingEvent))
                            << '\n';
            for (int index : d.possibleEvents) {
                const Evidence &e = t.events().at(index);
                context.out << "      ? possible (event " << e.id << "): " << describeEvidence(e)
                            << '\n';
                if (!e.matchReason.isEmpty())
                    context.out << "        why: " << e.matchReason << '\n';
                context.out << "        confirm: mailtrail-cli status --confirm " << e.id << '\n';
            }
        }
    }
    return 0;
}

} // namespace Mailtrail::Cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "store/Database.h"
#include "tracking/BehaviourSettings.h"

namespace Mailtrail::Cli {

QString openProfileDatabase(const Profile &profile, Store::Database &database)
{
    if (QString error = profile.ensureExists(); !error.isEmpty())
        return error;
    if (QString error = database.open(profile.databasePath()); !error.isEmpty())
        return error;
    // Behaviour settings an older GUI kept in settings.ini move to the database once.
    return Tracking::SettingsStore(database.connection()).importIniOnce(profile.filePath(QStringLiteral("settings.ini")));
}

const QList<Command> &commands()
{
    static const QList<Command> all = {
        {"report", "Read delivery reports (DSN/MDN/bounces) as JSON lines", runReport},
        {"status", "Show per-recipient delivery states of sent mail", runStatus},
        {"account", "Add, list, change or remove mail accounts", &runAccount},
        {"sync", "Bring the local cache of IMAP folders up to date", &runSync},
        {"show", "Display a message (marks it read; read receipts as the policy says)", &runShow},
        {"send", "Compose a message, queue it in the outbox and send it", &runSend},
        {"outbox", "List the outbox, send what is due, decide about uncertain messages", &runOutbox},
        {"config", "Show or change behaviour settings (deadlines, read receipts, reports)", &runConfig},
    };
    return all;
}

} // namespace Mailtrail::Cli

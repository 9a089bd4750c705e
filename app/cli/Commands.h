// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Profile.h"

#include <QStringList>
#include <QTextStream>

namespace Mailtrail::Store {
class Database;
}

namespace Mailtrail::Cli {

/// What every sub-command gets: the profile chosen by the global options, its own
/// arguments (argument 0 is the command name) and the output streams.
struct Context
{
    Profile profile;
    QStringList arguments;
    QTextStream &out;
    QTextStream &err;
};

/// One sub-command of mailtrail-cli. run() returns the process exit code.
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(Context &context);
};

/// Creates the profile directory if needed and opens (and migrates) its database.
/// Returns an error text, empty on success.
[[nodiscard]] QString openProfileDatabase(const Profile &profile, Store::Database &database);

/// All sub-commands, in the order `--help` lists them.
const QList<Command> &commands();

// Sub-commands, one file each (ReportCommand.cpp, …), registered in Commands.cpp.
int runReport(Context &context);
int runStatus(Context &context);
int runAccount(Context &context);
int runSync(Context &context);
int runSend(Context &context);
int runOutbox(Context &context);
int runShow(Context &context);
int runConfig(Context &context);

} // namespace Mailtrail::Cli

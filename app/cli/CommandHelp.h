// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Commands.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace Mailtrail::Cli {

/// The -h/--help option of mailtrail-cli and of every sub-command.
QCommandLineOption helpOption();

/// The --help text of a command, in the one shape every command shares (and the man page
/// packaging/man/mailtrail-cli.1 mirrors):
///
///     Usage: mailtrail-cli [--profile DIR] status [options]
///            (more usage lines)
///     <description>
///
///     Options:
///       -h, --help  …
///
///     Arguments:
///       …
///
/// @p usage lines start with "mailtrail-cli"; the rest comes from @p parser.
[[nodiscard]] QString commandHelp(const QCommandLineParser &parser, const QStringList &usage);

/// A usage error: "mailtrail-cli <command>: <error>", the usage lines and a pointer to
/// --help on context.err. Returns the exit code for usage errors, 2.
int usageError(Context &context, const QString &command, const QString &error,
               const QStringList &usage);

} // namespace Mailtrail::Cli

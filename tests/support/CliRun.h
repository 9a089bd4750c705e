// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace Mailtrail::Test {

/// What one run of the built mailtrail-cli printed.
struct CliRun
{
    int exitCode = -1; ///< -1 when it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const;
    /// Exit code, stdout and stderr, for a failure message.
    [[nodiscard]] QByteArray describe() const;
};

/// Runs build/app/mailtrail-cli with @p arguments, @p stdinData on its standard input. The
/// event loop keeps running meanwhile (servers in the test process go on answering).
[[nodiscard]] CliRun runCli(const QStringList &arguments, const QByteArray &stdinData = {}, int timeoutMs = 120000);

} // namespace Mailtrail::Test

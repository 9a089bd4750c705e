// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRun.h"

#include "TestPaths.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

namespace Mailtrail::Test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QByteArray CliRun::describe() const
{
    return "exit " + QByteArray::number(exitCode) + "\n" + out + "\n" + err;
}

CliRun runCli(const QStringList &arguments, const QByteArray &stdinData, int timeoutMs)
{
    QProcess p;
    p.start(binaryDir() + QStringLiteral("/app/mailtrail-cli"), arguments);
    p.write(stdinData);
    p.closeWriteChannel();
    QSignalSpy finished(&p, &QProcess::finished);
    if (p.state() != QProcess::NotRunning)
        finished.wait(timeoutMs);
    return {p.state() == QProcess::NotRunning && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace Mailtrail::Test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Poppler.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Mailtrail::Test {

PopplerRun runPoppler(const QString &tool, const QStringList &arguments)
{
    PopplerRun run;
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        run.failure = QStringLiteral("%1 not found: install poppler-utils (scripts/setup-deps)").arg(tool);
        return run;
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60'000)) {
        run.failure = QStringLiteral("%1 did not finish: %2").arg(tool, process.errorString());
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString pdfText(const QString &pdfPath, QString *error)
{
    const PopplerRun run = runPoppler(QStringLiteral("pdftotext"),
                                      {QStringLiteral("-layout"), pdfPath, QStringLiteral("-")});
    if (!run.failure.isEmpty() || run.exitCode != 0 || !run.err.isEmpty()) {
        *error = run.failure.isEmpty() ? QString::fromUtf8("pdftotext: " + run.err) : run.failure;
        return {};
    }
    return QString::fromUtf8(run.out);
}

QMap<QString, QByteArray> pdfAttachments(const QString &pdfPath, QString *error)
{
    const PopplerRun list = runPoppler(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), pdfPath});
    if (!list.failure.isEmpty() || list.exitCode != 0 || !list.err.isEmpty()) {
        *error = list.failure.isEmpty() ? QString::fromUtf8("pdfdetach -list: " + list.err) : list.failure;
        return {};
    }
    // "2 embedded files\n1: name\n2: name\n"
    const QStringList lines = QString::fromUtf8(list.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QMap<QString, QByteArray> files;
    QTemporaryDir dir;
    static const QRegularExpression line(QStringLiteral("^(\\d+): (.*)$"));
    for (const QString &l : lines) {
        const auto match = line.match(l);
        if (!match.hasMatch())
            continue;
        const QString target = dir.filePath(QStringLiteral("file-%1").arg(match.captured(1)));
        const PopplerRun save = runPoppler(QStringLiteral("pdfdetach"),
                                           {QStringLiteral("-save"), match.captured(1), QStringLiteral("-o"),
                                            target, pdfPath});
        QFile file(target);
        if (save.exitCode != 0 || !save.err.isEmpty() || !file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("pdfdetach -save %1: %2").arg(match.captured(1), QString::fromUtf8(save.err));
            return {};
        }
        files.insert(match.captured(2), file.readAll());
    }
    if (files.size() != lines.size() - 1)
        *error = QStringLiteral("pdfdetach -list: unexpected output: %1").arg(QString::fromUtf8(list.out));
    return files;
}

} // namespace Mailtrail::Test

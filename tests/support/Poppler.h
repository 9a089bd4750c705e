// SPDX-License-Identifier: GPL-3.0-or-later
// poppler-utils (pdftotext, pdfdetach, pdfinfo) as the independent reader of the PDFs
// Mailtrail writes: what a user's viewer will see.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Mailtrail::Test {

struct PopplerRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString failure; ///< the tool is missing or did not finish; empty otherwise
};

/// Runs poppler tool @p tool (e.g. "pdfdetach") with @p arguments.
PopplerRun runPoppler(const QString &tool, const QStringList &arguments);
/// `pdftotext -layout FILE -`: the text of every page, or empty with @p error set.
QString pdfText(const QString &pdfPath, QString *error);
/// The embedded files as `pdfdetach -list` names them, with their bytes (`pdfdetach -save`).
/// Empty map with @p error set when poppler failed or complained on stderr.
QMap<QString, QByteArray> pdfAttachments(const QString &pdfPath, QString *error);

} // namespace Mailtrail::Test

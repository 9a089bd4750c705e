// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Mailtrail::Pdf {

/// A file to embed in a PDF (ISO 32000-1 §7.11.4 "Embedded file streams").
struct EmbeddedFile
{
    QString fileName;    ///< shown by viewers and used by `pdfdetach -save`; any Unicode
    QString description; ///< the file specification's /Desc, shown beside the name
    QString mimeType;    ///< the stream's /Subtype, e.g. "message/rfc822"; empty: none
    QDateTime modified;  ///< /Params /ModDate; invalid: none
    QByteArray data;
};

/// The outcome of attach(): the new PDF, or why none could be made.
struct AttachResult
{
    QByteArray pdf;
    QString error; ///< empty on success
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Adds @p files to @p pdf as embedded files, by an incremental update (ISO 32000-1 §7.5.6):
/// the original bytes are kept as they are, and appended are one embedded file stream and
/// one file specification per file, the EmbeddedFiles name tree (§7.7.4, §7.9.6) in the
/// catalog's name dictionary, a new version of the catalog (which also asks viewers to show
/// the attachments, /PageMode /UseAttachments), a cross-reference section for these objects
/// and a trailer chained to the previous one with /Prev.
///
/// Reads PDFs with classic cross-reference tables (as QPdfWriter writes them), following
/// /Prev through earlier updates. Refused with an error, the input unchanged: not a PDF, a
/// damaged or missing cross-reference table or trailer, cross-reference streams (PDF 1.5
/// compressed), encrypted documents, and a catalog that already has a name dictionary.
[[nodiscard]] AttachResult attach(const QByteArray &pdf, const QList<EmbeddedFile> &files);

/// A PDF text string (§7.9.2.2) as a hex string token: `<...>` in PDFDocEncoding when
/// @p text is printable ASCII, else UTF-16BE with a byte order mark.
[[nodiscard]] QByteArray textStringToken(const QString &text);
/// A PDF date (§7.9.4): `(D:YYYYMMDDHHmmSS+HH'mm')`, or `Z` for UTC.
[[nodiscard]] QByteArray dateToken(const QDateTime &time);

} // namespace Mailtrail::Pdf

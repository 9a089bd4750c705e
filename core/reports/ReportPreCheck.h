// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace Mailtrail::Reports {

/// The header fields the message cache keeps for every mail (decoded, as UTF-8), which is
/// all the pre-check may look at: the body is not fetched yet.
struct CachedHeaders
{
    QByteArrayView contentType;   ///< top-level media type, lower case ("multipart/report")
    QByteArrayView autoSubmitted; ///< Auto-Submitted value (RFC 3834 §5)
    QByteArrayView returnPath;    ///< "<>" for the null reverse path
    QByteArrayView fromAddress;   ///< the From addr-spec
    QByteArrayView subject;       ///< decoded Subject
};

/// Why mightBeReport() said yes (for tests and the log); None: it said no.
enum class PreCheckReason {
    None,
    ReportMediaType,  ///< multipart/report (RFC 6522)
    AutoSubmitted,    ///< Auto-Submitted other than "no" (RFC 3834)
    NullReturnPath,   ///< Return-Path <> (RFC 5321 §4.5.5: notifications use the null path)
    SystemSender,     ///< MAILER-DAEMON, postmaster, list-admin/owner, notification services
    NoSender,         ///< no From at all: not written by a person's mail program
    ReportSubject,    ///< a bounce, delay, receipt or auto-reply subject (several languages)
    Forwarded,        ///< a forward ("Fwd:", "WG:", …) with attachments: may carry a report
};

/// THE header-only pre-check of the tracking scan (issue #15 §3): could this cached mail be a
/// delivery report, read receipt, feedback report or auto-reply, so that its body must be
/// fetched and given to parseDeliveryReport()? Errs on the side of yes — a needless fetch
/// costs one IMAP round trip, a missed report loses evidence — and is scored on the whole
/// training corpus by ReportCorpusTest::preCheckMissesNoReport (no report may be missed).
/// Pure and cheap (no allocation for ASCII headers); runs for every cached message.
[[nodiscard]] PreCheckReason preCheck(const CachedHeaders &headers);
[[nodiscard]] inline bool mightBeReport(const CachedHeaders &headers)
{
    return preCheck(headers) != PreCheckReason::None;
}

} // namespace Mailtrail::Reports

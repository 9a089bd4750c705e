// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/TransportError.h"
#include "smtp/Envelope.h"
#include "smtp/Reply.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Mailtrail::Smtp {

/// What the submission server said about one envelope recipient. These are the keys the
/// tracker stores (DESIGN.md, "Matching keys recorded at send time").
struct RecipientResult
{
    QString address;
    /// True only when RCPT was accepted *and* the server accepted the message data.
    bool accepted = false;
    /// True when the RCPT command got a 2xx reply.
    bool rcptAccepted = false;
    /// The deciding reply: the RCPT reply if it was refused there, else the final data reply
    /// (0 when the session ended before one arrived).
    int replyCode = 0;
    EnhancedStatus enhanced;
    QString text;
    /// What was requested: NOTIFY (empty if no DSN parameters were sent) and ORCPT.
    QByteArray notify;
    QByteArray orcpt;

    bool operator==(const RecipientResult &) const = default;
};

/// Timings of one submission, for the evidence log and the benchmark.
struct SubmissionTimings
{
    QDateTime started;     ///< UTC
    QDateTime finished;    ///< UTC
    qint64 connectMs = -1; ///< until the transport was usable
    qint64 readyMs = -1;   ///< until greeting, EHLO, STARTTLS, AUTH were done
    qint64 dataMs = -1;    ///< from the first data byte to the final reply
    qint64 totalMs = -1;
    bool operator==(const SubmissionTimings &) const = default;
};

/// The typed outcome of one SubmissionJob, filled also when it failed.
struct SubmissionResult
{
    /// ENVID as sent in MAIL FROM (plain, before xtext); set even if DSN was not supported.
    QByteArray envid;
    bool dsnRequested = false;
    /// The server advertised DSN (RFC 3461 §4) and the parameters were sent.
    bool dsnSupported = false;
    bool smtpUtf8Used = false;
    bool chunkingUsed = false;
    bool pipeliningUsed = false;
    /// The reply to the end of data ("." or BDAT LAST); invalid if none came.
    Reply finalReply;
    /// e.g. "4XYZ" from "250 2.0.0 Ok: queued as 4XYZ"; empty if the server named none.
    QString queueId;
    QList<RecipientResult> recipients;
    SubmissionTimings timings;

    /// DSN was requested but the server does not offer it: warn that no reports will come.
    [[nodiscard]] bool dsnUnsupported() const { return dsnRequested && !dsnSupported; }
    /// The server took responsibility for the message (final 2xx) for at least one recipient.
    [[nodiscard]] bool sent() const;
    [[nodiscard]] QList<RecipientResult> refusedRecipients() const;
};

/// Why a SubmissionJob failed (STYLE.md §7: category, reply code, enhanced status, text).
struct SubmissionError
{
    enum class Category {
        None,
        /// Network, timeout, TLS, certificate: see `transport`.
        Connection,
        /// STARTTLS configured but not offered, or credentials would go unencrypted.
        Security,
        /// The greeting was not 220 (e.g. 554), or the server said 421 (closing).
        ServiceUnavailable,
        /// 535 (wrong user name or password), no usable mechanism, or another AUTH failure.
        Authentication,
        /// MAIL FROM was refused.
        SenderRejected,
        /// Every RCPT was refused (see SubmissionResult::recipients); RSET, no DATA.
        AllRecipientsRejected,
        /// Larger than the server's SIZE (checked before sending) or refused with 552.
        MessageTooLarge,
        /// Non-ASCII addresses or header fields (RFC 6532) but the server has no SMTPUTF8;
        /// checked before MAIL, nothing was sent.
        Utf8Unsupported,
        /// An 8-bit body but the server has neither 8BITMIME (RFC 6152) nor SMTPUTF8;
        /// checked before MAIL, nothing was sent. Re-encoding the body to 7 bits helps.
        EightBitUnsupported,
        /// The data was refused (DATA, the final reply, or BDAT).
        MessageRejected,
        /// A reply that could not be parsed, or one that makes no sense at that point.
        Protocol,
        /// abort() was called.
        Aborted,
    };
    Q_GADGET
public:
    Q_ENUM(Category)

    Category category = Category::None;
    int replyCode = 0;
    EnhancedStatus enhanced;
    QString serverText;
    Net::TransportError transport;
    /// Our own explanation (e.g. "wrong user name or password").
    QString detail;

    [[nodiscard]] bool isError() const { return category != Category::None; }
    /// 4xx replies and most connection problems: trying again later may work.
    [[nodiscard]] bool isTemporary() const;
    /// A sentence for the user: detail, server reply (code, enhanced status, text), transport.
    [[nodiscard]] QString message() const;
};

/// The queue id in a final reply text: Postfix "queued as X", Exim "id=X", Sendmail
/// "X Message accepted for delivery"; empty if none is recognised.
[[nodiscard]] QString parseQueueId(const QString &text);

} // namespace Mailtrail::Smtp

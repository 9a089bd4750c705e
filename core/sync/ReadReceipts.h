// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/ReadReceiptPolicy.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Mailtrail::Store {
struct Account;
struct MessageRecord;
}

namespace Mailtrail::Sync {

Q_DECLARE_LOGGING_CATEGORY(lcReadReceipts)

/// The IMAP keyword that says "a read receipt was sent (or deliberately not sent) for this
/// message" (RFC 3503 §3.1), so no client asks again.
inline constexpr char mdnSentKeyword[] = "$MDNSent";

/// What is remembered about one message's read-receipt request (table `read_receipts`,
/// resources/sql/120-read-receipts.sql). Keyed by account and Message-ID, so a copy of the
/// message in another folder, or the same message after a cache rebuild, is answered once.
enum class ReceiptState {
    Asked,   ///< a headless check left it for the user (policy "ask" or an RFC 8098 §2.1 case)
    NotSent, ///< a headless check decided "none" (e.g. $MDNSent already set, policy "never")
    Sent,    ///< an MDN was put into the outbox (final)
    Ignored, ///< the user said Ignore (final; nothing goes on the wire, RFC 8098 §2.1)
};
[[nodiscard]] QString receiptStateName(ReceiptState state);

/// What an automatic pass over newly cached messages did (MailCheck).
struct AutomaticReceiptsReport
{
    int sent = 0;    ///< MDNs queued automatically (policy "always")
    int asked = 0;   ///< requests left for the user to answer
    int skipped = 0; ///< requests not to be answered (report, $MDNSent, policy "never", …)
    QList<qint64> outboxIds; ///< the queued MDNs
    QStringList errors;
};

/// One message with a request for a pending `UID STORE +FLAGS ($MDNSent)`.
struct PendingKeywordStore
{
    qint64 messageRowId = 0;
    qint64 folderId = 0;
    quint32 uid = 0;
};

/// Read receipts we send (RFC 8098), for messages in the local cache. Everything the
/// decision needs is cached by sync (Disposition-Notification-To, -Options, Return-Path,
/// Original-Recipient, flags) plus the account's policy and identity.
///
/// Sending puts the MDN into the outbox (null reverse path MAIL FROM:<>, no DSN request,
/// not tracked itself), marks the message `$MDNSent` locally at once and remembers a
/// keyword store for the server, pushed by pushPendingKeywords() at the next connection.
/// At most one MDN per message, ever: `$MDNSent` set by any client, or a Sent/Ignored
/// record in `read_receipts` (which survives restarts and cache rebuilds) means "none".
class ReadReceipts
{
public:
    explicit ReadReceipts(QSqlDatabase db);

    /// Overrides the policy derived from the account (Store::Account::readReceipts as the
    /// ordinary mode; the "not addressed to me" and "outside my domain" cases at most
    /// "ask"). The GUI sets its own special-case settings here.
    void setPolicy(const Tracking::ReadReceiptPolicy &policy) { m_policyOverride = policy; }

    /// What the viewer's receipt bar shows for a cached message (rowid of `messages`).
    /// action None with a reason when there is no request, or it must not or need not be
    /// answered (already answered / ignored, a report, our own message, policy "never").
    [[nodiscard]] Tracking::ReceiptDecision decisionFor(qint64 messageRowId) const;

    /// Sends a read receipt (disposition "displayed") for the message: builds the MDN
    /// (Mime::buildMdn; @p automatic: automatic-action/MDN-sent-automatically, else
    /// manual-action/MDN-sent-manually, RFC 8098 §3.2.6.1), enqueues it in the outbox, marks
    /// the message `$MDNSent` locally and remembers the server keyword store — all in one
    /// transaction. Refused (false, @p error) when decisionFor() says None, or when
    /// @p automatic and the decision is not SendAutomatic.
    bool send(qint64 messageRowId, bool automatic, QString *error = nullptr);

    /// The user chose Ignore: never ask again for this message. Nothing goes on the wire
    /// (RFC 8098 allows sending "denied" or nothing); `$MDNSent` is set locally and on the
    /// server like after a send, so other clients do not ask either (RFC 3503 §3.1). False
    /// (lastError()) for an unknown message or one without a request.
    bool ignore(qint64 messageRowId);

    /// Headless pass (MailCheck): every cached message of @p accountId with a request and no
    /// record in `read_receipts` yet, unread, not in a Sent/Drafts/Trash/Junk folder, is
    /// decided once: SendAutomatic → send(…, true); Ask → recorded as Asked; None → NotSent.
    /// Policy "ask" therefore never sends from a headless check. The first pass of an account
    /// only takes stock (everything found is old mail: NotSent), so adding an account with
    /// policy "always" never answers old mail.
    AutomaticReceiptsReport processNew(qint64 accountId);

    /// The message's state, if a decision was recorded.
    [[nodiscard]] std::optional<ReceiptState> state(qint64 messageRowId) const;

    /// Server keyword stores still to be done for @p accountId, by folder and UID.
    [[nodiscard]] QList<PendingKeywordStore> pendingKeywordStores(qint64 accountId) const;
    /// The store was done (or the message no longer exists on the server).
    bool keywordStored(qint64 messageRowId);

    /// Message-IDs (with angle brackets) of the MDNs we sent from @p accountName, so the
    /// tracking scan does not take their Sent copies for unmatched reports.
    [[nodiscard]] bool isOwnReport(const QString &accountName, const QString &messageIdHeader) const;

    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// Builds the RFC 8098 §2.1 request from a cached message (exposed for tests).
    [[nodiscard]] static Tracking::ReceiptRequest requestFrom(const Store::MessageRecord &record);
    /// The policy used for @p account when none was set with setPolicy().
    [[nodiscard]] static Tracking::ReadReceiptPolicy policyFor(const Store::Account &account);
    /// The one mapping of an account's setting and the user's two cautious cases (sender not
    /// in To/Cc, sender outside my domain) to a policy, for the GUI, the CLI and the check:
    /// the cautious cases never get more automatic than the ordinary one.
    [[nodiscard]] static Tracking::ReadReceiptPolicy policyFor(const Store::Account &account,
        Tracking::ReceiptMode notAddressed, Tracking::ReceiptMode outsideDomain);

private:
    struct Context;
    [[nodiscard]] std::optional<Context> load(qint64 messageRowId) const;
    [[nodiscard]] Tracking::ReceiptDecision decide(const Context &context) const;
    bool record(const Context &context, ReceiptState state, const QString &reason,
                qint64 outboxId, const QByteArray &mdnMessageId, bool markKeyword);
    bool fail(const QString &error, QString *out = nullptr) const;

    QSqlDatabase m_db;
    std::optional<Tracking::ReadReceiptPolicy> m_policyOverride;
    mutable QString m_lastError;
};

} // namespace Mailtrail::Sync

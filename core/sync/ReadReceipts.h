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
    Asked,   ///< displayed and left for the user (policy "ask" or an RFC 8098 §2.1 case)
    NotSent, ///< decided "none" (kept for records of earlier versions)
    Sent,    ///< an MDN was put into the outbox (final)
    Ignored, ///< the user said Ignore (final; nothing goes on the wire, RFC 8098 §2.1)
};
[[nodiscard]] QString receiptStateName(ReceiptState state);

/// What displaying a message did about its read-receipt request (RFC 8098): the value of
/// `mailtrail-cli show --json`'s `receipt` field (displayReceiptName()).
enum class DisplayReceipt {
    Sent,         ///< an MDN was queued now (policy "always", or the user asked for it)
    Asked,        ///< left for the user to answer (policy "ask" or an RFC 8098 §2.1 case)
    None,         ///< requested, but none is sent (policy "never", a report, our own mail …)
    AlreadySent,  ///< a receipt was sent before ($MDNSent, by us or another client)
    NotRequested, ///< the message asks for no receipt
};
[[nodiscard]] QString displayReceiptName(DisplayReceipt receipt);

/// What the person who displays a message chose about its receipt.
enum class DisplayChoice {
    Policy,      ///< as the account's policy says (the viewer, `show`)
    NoReceipt,   ///< consider no receipt now (`show --no-receipt`)
    SendReceipt, ///< send one if it may be sent at all (`show --send-receipt`, the bar's Send)
};

/// The outcome of ReadReceipts::displayed().
struct DisplayOutcome
{
    DisplayReceipt receipt = DisplayReceipt::NotRequested;
    QString reason;      ///< why, in words
    qint64 outboxId = 0; ///< the queued MDN when receipt is Sent
};

/// One message with a request for a pending `UID STORE +FLAGS ($MDNSent)`.
struct PendingKeywordStore
{
    qint64 messageRowId = 0;
    qint64 folderId = 0;
    quint32 uid = 0;
};

/// Read receipts we send (RFC 8098), for messages in the local cache, considered only when a
/// message is displayed (displayed()). Everything the
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

    /// The message was displayed to a person (the GUI viewer showed it, `mailtrail-cli show`
    /// printed it): the only moment a read receipt is considered (RFC 8098 §2.1: "displayed"
    /// means shown to the user; a sync, a delete or a move never sends one). With
    /// DisplayChoice::Policy: SendAutomatic → send(…, true) (automatic-action/
    /// MDN-sent-automatically); Ask → recorded as Asked; None → nothing is recorded, so a later
    /// display under another policy decides again. SendReceipt sends what the user may send
    /// (manual-action). Never touches another account's messages.
    DisplayOutcome displayed(qint64 messageRowId, DisplayChoice choice = DisplayChoice::Policy);

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

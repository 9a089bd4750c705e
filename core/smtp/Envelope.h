// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Mailtrail::Smtp {

/// Which delivery status notifications a recipient's servers should send (RFC 3461 §4.1).
struct DsnNotify
{
    bool success = true;
    bool failure = true;
    bool delay = true;

    /// NOTIFY=NEVER (all three false).
    [[nodiscard]] static DsnNotify never() { return {false, false, false}; }
    [[nodiscard]] bool isNever() const { return !success && !failure && !delay; }
    /// "SUCCESS,FAILURE,DELAY", "NEVER", …
    [[nodiscard]] QByteArray parameterValue() const;
    bool operator==(const DsnNotify &) const = default;
};

/// What a failure DSN should return of the message (RFC 3461 §4.3).
enum class DsnReturn { Headers, Full };

/// One envelope recipient with its DSN options.
struct EnvelopeRecipient
{
    QString address;
    DsnNotify notify;
    /// The address for ORCPT; empty means `address` (RFC 3461 §4.2).
    QString originalRecipient;

    bool operator==(const EnvelopeRecipient &) const = default;
};

/// The SMTP envelope of one message: MAIL FROM, RCPT TOs and the DSN request.
struct Envelope
{
    QString from;
    QList<EnvelopeRecipient> recipients;
    /// Ask for DSNs (RET, ENVID, NOTIFY, ORCPT), when the server offers DSN.
    bool requestDsn = true;
    DsnReturn ret = DsnReturn::Headers;
    /// ENVID as plain text (printable ASCII); empty: SubmissionJob generates a random one.
    QByteArray envid;

    /// Convenience: recipients with the default NOTIFY=SUCCESS,FAILURE,DELAY.
    [[nodiscard]] static Envelope simple(const QString &from, const QStringList &to);
    bool operator==(const Envelope &) const = default;
};

/// True if the string has any non-ASCII character (needs SMTPUTF8, RFC 6531).
[[nodiscard]] bool needsUtf8(const QString &address);

} // namespace Mailtrail::Smtp

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailtrail::Store {

/// An address an account sends as (issue 19): the account's own address (always first) and
/// any others the user added, each with its name, Reply-To, signature and tracking defaults.
struct Identity
{
    qint64 accountId = 0;
    QString account;     ///< the account's name
    QString address;     ///< alice@example.test
    QString displayName; ///< "Alice Example"; empty: none
    QString replyTo;     ///< an address, or empty
    QString signature;   ///< plain text without the "-- " separator line; empty: none
    /// Unset: the application's default.
    std::optional<bool> requestDeliveryReport;
    std::optional<bool> requestReadReceipt;
    bool primary = false; ///< the account's own address (cannot be removed)

    bool operator==(const Identity &) const = default;
};

/// Whether @p text looks like an addr-spec (local@domain, no spaces or angle brackets).
[[nodiscard]] bool isPlausibleAddress(const QString &text);

/// The number of lines of a signature (0: none), for listings.
[[nodiscard]] int signatureLineCount(const QString &signature);

/// The index in @p identities of the one a message was addressed to: the first of
/// @p addressedTo (To, then Cc, then Delivered-To …) that is an identity's address
/// (case-insensitively; of @p accountId when two accounts have it); else the first identity
/// of @p accountId (the account whose folder holds the message); else 0. -1 when
/// @p identities is empty.
[[nodiscard]] qsizetype identityAddressed(const QList<Identity> &identities, const QStringList &addressedTo,
                                          qint64 accountId = 0);

/// The identities of accounts in the `identities` table (migration 190). Errors come back
/// as text (empty = ok).
class IdentityRepository
{
public:
    explicit IdentityRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The account's own address first (its name and email from @p account, overlaid with
    /// its identity row if there is one), then the other identities in the order added.
    [[nodiscard]] QList<Identity> list(const Account &account) const;
    /// Every identity of every account, accounts by name.
    [[nodiscard]] QList<Identity> listAll() const;
    /// The identity of @p account with @p address (case-insensitive).
    [[nodiscard]] std::optional<Identity> find(const Account &account, const QString &address) const;
    /// Adds an identity to @p account, or, when @p identity.address is the account's own
    /// address or an identity it has, replaces that identity's settings.
    [[nodiscard]] QString save(const Account &account, const Identity &identity);
    /// Removes the identity with @p address; the account's own address cannot be removed.
    [[nodiscard]] QString remove(const Account &account, const QString &address);

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Store

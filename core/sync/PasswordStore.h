// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Mailtrail::Sync {

/// Account passwords in the desktop keychain (Secret Service / KWallet through QtKeychain),
/// never in a file (QtKeychain's insecure fallback stays off). When no keychain is reachable
/// the password is kept in memory for this session only and the caller is told so.
/// Asynchronous: every request answers with one signal.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);
    /// @p service namespaces the entries (tests use their own).
    explicit PasswordStore(const QString &service, QObject *parent = nullptr);

    void read(const QString &account);
    void write(const QString &account, const QString &password);
    void remove(const QString &account);

    [[nodiscard]] QString service() const { return m_service; }

Q_SIGNALS:
    /// @p error is empty on success; @p sessionOnly when the password came from memory.
    void passwordRead(const QString &account, const QString &password, const QString &error);
    /// @p warning is non-empty when the keychain was unreachable and the password is
    /// kept for this session only.
    void passwordWritten(const QString &account, bool persisted, const QString &warning);
    void passwordRemoved(const QString &account, const QString &error);

private:
    QString m_service;
    QHash<QString, QString> m_sessionOnly;
};

/// The sentence shown when the keyring is locked (and was not unlocked): "The keyring is
/// locked, …" — never "no password stored".
[[nodiscard]] QString keyringLockedMessage();
/// The sentence shown when no keychain could be used.
[[nodiscard]] QString noKeychainWarning(const QString &detail);

} // namespace Mailtrail::Sync

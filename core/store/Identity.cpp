// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Identity.h"

#include "store/AccountRepository.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Store {

namespace {

std::optional<bool> optionalBool(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt() != 0;
}

QVariant toVariant(const std::optional<bool> &value)
{
    return value ? QVariant(int(*value)) : QVariant(QMetaType::fromType<int>());
}

Identity primaryOf(const Account &account)
{
    Identity own;
    own.accountId = account.id;
    own.account = account.name;
    own.address = account.email;
    own.displayName = account.displayName;
    own.primary = true;
    return own;
}

} // namespace

bool isPlausibleAddress(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == text.size() - 1)
        return false;
    for (const QChar c : text) {
        if (c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char(',')
            || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

int signatureLineCount(const QString &signature)
{
    const QString text = signature.trimmed();
    return text.isEmpty() ? 0 : int(text.count(QLatin1Char('\n'))) + 1;
}

qsizetype identityAddressed(const QList<Identity> &identities, const QStringList &addressedTo, qint64 accountId)
{
    if (identities.isEmpty())
        return -1;
    for (const QString &address : addressedTo) {
        qsizetype found = -1;
        for (qsizetype i = 0; i < identities.size(); ++i) {
            if (identities.at(i).address.compare(address.trimmed(), Qt::CaseInsensitive) != 0)
                continue;
            // Two accounts with the address: the one whose folder the message is in.
            if (found < 0 || identities.at(i).accountId == accountId)
                found = i;
            if (accountId == 0 || identities.at(i).accountId == accountId)
                break;
        }
        if (found >= 0)
            return found;
    }
    for (qsizetype i = 0; i < identities.size(); ++i) {
        if (accountId != 0 && identities.at(i).accountId == accountId)
            return i;
    }
    return 0;
}

QList<Identity> IdentityRepository::list(const Account &account) const
{
    QList<Identity> out{primaryOf(account)};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT address, display_name, reply_to, signature, request_delivery_report, "
                             "request_read_receipt FROM identities WHERE account_id = ? ORDER BY id"));
    q.addBindValue(account.id);
    if (!q.exec())
        return out;
    while (q.next()) {
        Identity identity;
        identity.accountId = account.id;
        identity.account = account.name;
        identity.address = q.value(0).toString();
        identity.displayName = q.value(1).toString();
        identity.replyTo = q.value(2).toString();
        identity.signature = q.value(3).toString();
        identity.requestDeliveryReport = optionalBool(q.value(4));
        identity.requestReadReceipt = optionalBool(q.value(5));
        if (identity.address.compare(account.email, Qt::CaseInsensitive) == 0) {
            // The account's own address: its row only adds to the account's settings.
            Identity &own = out.first();
            if (!identity.displayName.isEmpty())
                own.displayName = identity.displayName;
            own.replyTo = identity.replyTo;
            own.signature = identity.signature;
            own.requestDeliveryReport = identity.requestDeliveryReport;
            own.requestReadReceipt = identity.requestReadReceipt;
            continue;
        }
        out.append(identity);
    }
    return out;
}

QList<Identity> IdentityRepository::listAll() const
{
    QList<Identity> out;
    for (const Account &account : AccountRepository(m_db).list())
        out += list(account);
    return out;
}

std::optional<Identity> IdentityRepository::find(const Account &account, const QString &address) const
{
    for (const Identity &identity : list(account)) {
        if (identity.address.compare(address.trimmed(), Qt::CaseInsensitive) == 0)
            return identity;
    }
    return std::nullopt;
}

QString IdentityRepository::save(const Account &account, const Identity &identity)
{
    if (account.id == 0)
        return QStringLiteral("the account '%1' is not saved").arg(account.name);
    const QString address = identity.address.trimmed();
    if (!isPlausibleAddress(address))
        return QStringLiteral("'%1' is not a mail address").arg(identity.address);
    if (!identity.replyTo.isEmpty() && !isPlausibleAddress(identity.replyTo.trimmed()))
        return QStringLiteral("'%1' is not a mail address").arg(identity.replyTo);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO identities(account_id, address, display_name, reply_to, signature, request_delivery_report, "
        "request_read_receipt) VALUES(:account, :address, :name, :reply_to, :signature, :dsn, :mdn) "
        "ON CONFLICT(account_id, address COLLATE NOCASE) DO UPDATE SET address = excluded.address, "
        "display_name = excluded.display_name, reply_to = excluded.reply_to, signature = excluded.signature, "
        "request_delivery_report = excluded.request_delivery_report, "
        "request_read_receipt = excluded.request_read_receipt"));
    q.bindValue(QStringLiteral(":account"), account.id);
    q.bindValue(QStringLiteral(":address"), address);
    // The account's own name stays in the account; its row keeps a different one only.
    const bool own = address.compare(account.email, Qt::CaseInsensitive) == 0;
    q.bindValue(QStringLiteral(":name"),
                notNull(own && identity.displayName == account.displayName ? QString() : identity.displayName));
    q.bindValue(QStringLiteral(":reply_to"), notNull(identity.replyTo.trimmed()));
    q.bindValue(QStringLiteral(":signature"), notNull(identity.signature));
    q.bindValue(QStringLiteral(":dsn"), toVariant(identity.requestDeliveryReport));
    q.bindValue(QStringLiteral(":mdn"), toVariant(identity.requestReadReceipt));
    if (!q.exec())
        return QStringLiteral("cannot save the identity %1: %2").arg(address, q.lastError().text());
    return {};
}

QString IdentityRepository::remove(const Account &account, const QString &address)
{
    if (address.trimmed().compare(account.email, Qt::CaseInsensitive) == 0)
        return QStringLiteral("%1 is the account's own address; it cannot be removed").arg(account.email);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM identities WHERE account_id = ? AND address = ? COLLATE NOCASE"));
    q.addBindValue(account.id);
    q.addBindValue(address.trimmed());
    if (!q.exec())
        return QStringLiteral("cannot remove the identity %1: %2").arg(address, q.lastError().text());
    if (q.numRowsAffected() != 1)
        return QStringLiteral("the account '%1' has no identity %2").arg(account.name, address);
    return {};
}

} // namespace Mailtrail::Store

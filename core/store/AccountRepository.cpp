// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AccountRepository.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Store {

namespace {

const char *const columns =
    "id, name, display_name, email, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
    "smtp_security, user_name, ca_file, pinned_fingerprints, read_receipts, receipts_folder, "
    "sign_in, oauth_provider, oauth_tenant, oauth_client_id, oauth_client_secret, oauth_scopes";

Account fromQuery(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.email = q.value(3).toString();
    a.imap = Endpoint{q.value(4).toString(), quint16(q.value(5).toUInt()),
                      securityFromName(q.value(6).toString()).value_or(Security::Tls)};
    a.smtp = Endpoint{q.value(7).toString(), quint16(q.value(8).toUInt()),
                      securityFromName(q.value(9).toString()).value_or(Security::Tls)};
    a.userName = q.value(10).toString();
    a.caFile = q.value(11).toString();
    a.pinnedFingerprints = q.value(12).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    a.readReceipts = readReceiptsFromName(q.value(13).toString()).value_or(ReadReceipts::Ask);
    a.receiptsFolder = q.value(14).toString();
    a.signIn = signInFromName(q.value(15).toString()).value_or(SignIn::Password);
    a.oauthProvider = q.value(16).toString();
    a.oauthTenant = q.value(17).toString();
    a.oauthClientId = q.value(18).toString();
    a.oauthClientSecret = q.value(19).toString();
    a.oauthScopes = q.value(20).toString();
    return a;
}

void bindSettings(QSqlQuery &q, const Account &a)
{
    q.bindValue(QStringLiteral(":name"), notNull(a.name));
    q.bindValue(QStringLiteral(":display_name"), notNull(a.displayName));
    q.bindValue(QStringLiteral(":email"), notNull(a.email));
    q.bindValue(QStringLiteral(":imap_host"), notNull(a.imap.host));
    q.bindValue(QStringLiteral(":imap_port"), a.imap.port);
    q.bindValue(QStringLiteral(":imap_security"), securityName(a.imap.security));
    q.bindValue(QStringLiteral(":smtp_host"), notNull(a.smtp.host));
    q.bindValue(QStringLiteral(":smtp_port"), a.smtp.port);
    q.bindValue(QStringLiteral(":smtp_security"), securityName(a.smtp.security));
    q.bindValue(QStringLiteral(":user_name"), notNull(a.userName));
    q.bindValue(QStringLiteral(":ca_file"), notNull(a.caFile));
    q.bindValue(QStringLiteral(":pinned"), notNull(a.pinnedFingerprints.join(QLatin1Char(' '))));
    q.bindValue(QStringLiteral(":read_receipts"), readReceiptsName(a.readReceipts));
    q.bindValue(QStringLiteral(":receipts_folder"), notNull(a.receiptsFolder));
    q.bindValue(QStringLiteral(":sign_in"), signInName(a.signIn));
    q.bindValue(QStringLiteral(":oauth_provider"), notNull(a.oauthProvider));
    q.bindValue(QStringLiteral(":oauth_tenant"), notNull(a.oauthTenant));
    q.bindValue(QStringLiteral(":oauth_client_id"), notNull(a.oauthClientId));
    q.bindValue(QStringLiteral(":oauth_client_secret"), notNull(a.oauthClientSecret));
    q.bindValue(QStringLiteral(":oauth_scopes"), notNull(a.oauthScopes));
}

} // namespace

QString AccountRepository::add(Account &account)
{
    if (account.name.isEmpty())
        return QStringLiteral("an account needs a name");
    if (find(account.name))
        return QStringLiteral("an account named '%1' already exists").arg(account.name);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO accounts(name, display_name, email, imap_host, imap_port, imap_security, "
        "smtp_host, smtp_port, smtp_security, user_name, ca_file, pinned_fingerprints, read_receipts, "
        "receipts_folder, sign_in, oauth_provider, oauth_tenant, oauth_client_id, oauth_client_secret, oauth_scopes) "
        "VALUES(:name, :display_name, :email, :imap_host, :imap_port, :imap_security, "
        ":smtp_host, :smtp_port, :smtp_security, :user_name, :ca_file, :pinned, :read_receipts, :receipts_folder, "
        ":sign_in, :oauth_provider, :oauth_tenant, :oauth_client_id, :oauth_client_secret, :oauth_scopes)"));
    bindSettings(q, account);
    if (!q.exec())
        return QStringLiteral("cannot save account '%1': %2").arg(account.name, q.lastError().text());
    account.id = q.lastInsertId().toLongLong();
    return {};
}

QString AccountRepository::update(const Account &account)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE accounts SET name=:name, display_name=:display_name, email=:email, "
        "imap_host=:imap_host, imap_port=:imap_port, imap_security=:imap_security, "
        "smtp_host=:smtp_host, smtp_port=:smtp_port, smtp_security=:smtp_security, "
        "user_name=:user_name, ca_file=:ca_file, pinned_fingerprints=:pinned, "
        "read_receipts=:read_receipts, receipts_folder=:receipts_folder, sign_in=:sign_in, "
        "oauth_provider=:oauth_provider, oauth_tenant=:oauth_tenant, oauth_client_id=:oauth_client_id, "
        "oauth_client_secret=:oauth_client_secret, oauth_scopes=:oauth_scopes WHERE id=:id"));
    bindSettings(q, account);
    q.bindValue(QStringLiteral(":id"), account.id);
    if (!q.exec())
        return QStringLiteral("cannot update account '%1': %2").arg(account.name, q.lastError().text());
    if (q.numRowsAffected() != 1)
        return QStringLiteral("no account with id %1").arg(account.id);
    return {};
}

QString AccountRepository::remove(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM accounts WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return QStringLiteral("cannot remove account '%1': %2").arg(name, q.lastError().text());
    if (q.numRowsAffected() != 1)
        return QStringLiteral("no account named '%1'").arg(name);
    return {};
}

QList<Account> AccountRepository::list() const
{
    QList<Account> out;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT %1 FROM accounts ORDER BY name").arg(QLatin1String(columns)))) {
        while (q.next())
            out.append(fromQuery(q));
    }
    return out;
}

std::optional<Account> AccountRepository::find(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE name = ?").arg(QLatin1String(columns)));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

std::optional<Account> AccountRepository::findById(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE id = ?").arg(QLatin1String(columns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

} // namespace Mailtrail::Store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace Mailtrail::Ui {

/// A complete guess of an account's server settings and where it came from.
struct ServerSettings
{
    QString source; ///< shown to the user: "autoconfig", "DNS SRV", "guess"
    Store::Endpoint imap;
    Store::Endpoint smtp;
    QString userName;

    friend bool operator==(const ServerSettings &, const ServerSettings &) = default;
};

/// One DNS SRV answer (RFC 2782).
struct SrvRecord
{
    QString service; ///< "_imaps._tcp", "_submissions._tcp", …
    QString target;  ///< "." means "not offered" (RFC 6186 §4)
    quint16 port = 0;
    quint16 priority = 0;
    quint16 weight = 0;
};

/// Host-name guesses for @p address: imap./smtp., mail. with implicit TLS (993/465), then
/// STARTTLS (143/587). The user name is the whole address.
[[nodiscard]] QList<ServerSettings> guessSettings(const QString &address);
/// Settings from a Mozilla autoconfig document (clientConfig v1.1): the first IMAP incoming
/// and SMTP outgoing server, with %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN%
/// substituted. Empty when the document has neither or is not XML.
[[nodiscard]] QList<ServerSettings> parseAutoconfig(const QByteArray &xml, const QString &address);
/// Settings from RFC 6186 SRV records (with RFC 8314 _submissions): implicit TLS preferred,
/// lowest priority first; a "." target means the service is not offered.
[[nodiscard]] QList<ServerSettings> settingsFromSrv(const QList<SrvRecord> &records, const QString &address);

/// Finds candidate settings for an address. Implementations: NetworkServerDiscovery (real
/// autoconfig + SRV lookups), and test doubles that answer from tables.
class ServerDiscovery : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// Starts looking; emits finished once, best candidates first (guesses always last).
    virtual void discover(const QString &address) = 0;

Q_SIGNALS:
    void finished(const QList<Mailtrail::Ui::ServerSettings> &candidates);
};

/// Asks https://autoconfig.<domain>/mail/config-v1.1.xml, the domain's
/// /.well-known/autoconfig/mail/config-v1.1.xml and the RFC 6186 SRV records, then adds
/// host-name guesses. Each lookup has a timeout; failures only mean fewer candidates.
class NetworkServerDiscovery : public ServerDiscovery
{
    Q_OBJECT
public:
    explicit NetworkServerDiscovery(QObject *parent = nullptr);
    void discover(const QString &address) override;

private:
    void oneDone();

    QNetworkAccessManager *m_network;
    QString m_address;
    int m_pending = 0;
    QList<ServerSettings> m_autoconfig;
    QList<SrvRecord> m_srv;
};

} // namespace Mailtrail::Ui

Q_DECLARE_METATYPE(Mailtrail::Ui::ServerSettings)

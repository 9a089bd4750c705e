// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerDiscovery.h"

#include <QDnsLookup>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QXmlStreamReader>

#include <algorithm>

namespace Mailtrail::Ui {

namespace {

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).trimmed().toLower();
}

struct ParsedServer
{
    QString type;
    Store::Endpoint endpoint;
    QString userName;
    bool complete = false;
};

} // namespace

QList<ServerSettings> guessSettings(const QString &address)
{
    const QString domain = domainOf(address);
    if (domain.isEmpty())
        return {};
    QList<ServerSettings> out;
    const auto add = [&](const QString &imapHost, const QString &smtpHost, bool implicitTls) {
        ServerSettings s;
        s.source = QStringLiteral("guess");
        s.imap = {imapHost, quint16(implicitTls ? 993 : 143), implicitTls ? Store::Security::Tls : Store::Security::StartTls};
        s.smtp = {smtpHost, quint16(implicitTls ? 465 : 587), implicitTls ? Store::Security::Tls : Store::Security::StartTls};
        s.userName = address.trimmed();
        out.append(s);
    };
    add(QStringLiteral("imap.") + domain, QStringLiteral("smtp.") + domain, true);
    add(QStringLiteral("mail.") + domain, QStringLiteral("mail.") + domain, true);
    add(QStringLiteral("imap.") + domain, QStringLiteral("smtp.") + domain, false);
    add(QStringLiteral("mail.") + domain, QStringLiteral("mail.") + domain, false);
    return out;
}

QList<ServerSettings> parseAutoconfig(const QByteArray &xml, const QString &address)
{
    const QString domain = domainOf(address);
    const QString local = address.left(address.lastIndexOf(QLatin1Char('@')));
    auto substitute = [&](QString text) {
        return text.replace(QLatin1String("%EMAILADDRESS%"), address)
            .replace(QLatin1String("%EMAILLOCALPART%"), local)
            .replace(QLatin1String("%EMAILDOMAIN%"), domain)
            .trimmed();
    };
    QXmlStreamReader reader(xml);
    QList<ParsedServer> incoming;
    QList<ParsedServer> outgoing;
    ParsedServer *current = nullptr;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const auto name = reader.name();
            if (name == QLatin1String("incomingServer") || name == QLatin1String("outgoingServer")) {
                auto &list = name == QLatin1String("incomingServer") ? incoming : outgoing;
                list.append(ParsedServer());
                current = &list.last();
                current->type = reader.attributes().value(QLatin1String("type")).toString().toLower();
            } else if (current) {
                const QString text = reader.readElementText(QXmlStreamReader::SkipChildElements);
                if (name == QLatin1String("hostname"))
                    current->endpoint.host = substitute(text).toLower();
                else if (name == QLatin1String("port"))
                    current->endpoint.port = quint16(text.trimmed().toUInt());
                else if (name == QLatin1String("socketType")) {
                    const QString t = text.trimmed().toUpper();
                    current->endpoint.security = t == QLatin1String("STARTTLS") ? Store::Security::StartTls
                                                                                 : Store::Security::Tls;
                    current->complete = t == QLatin1String("SSL") || t == QLatin1String("STARTTLS");
                } else if (name == QLatin1String("username"))
                    current->userName = substitute(text);
            }
        } else if (reader.isEndElement()
                   && (reader.name() == QLatin1String("incomingServer") || reader.name() == QLatin1String("outgoingServer"))) {
            current = nullptr;
        }
    }
    if (reader.hasError())
        return {};
    // Plain-text servers (socketType "plain") are never offered.
    const auto usable = [](const ParsedServer &s, const char *type) {
        return s.type == QLatin1String(type) && s.complete && !s.endpoint.host.isEmpty() && s.endpoint.port != 0;
    };
    const auto in = std::find_if(incoming.cbegin(), incoming.cend(), [&](const ParsedServer &s) { return usable(s, "imap"); });
    const auto out = std::find_if(outgoing.cbegin(), outgoing.cend(), [&](const ParsedServer &s) { return usable(s, "smtp"); });
    if (in == incoming.cend() || out == outgoing.cend())
        return {};
    ServerSettings s;
    s.source = QStringLiteral("autoconfig");
    s.imap = in->endpoint;
    s.smtp = out->endpoint;
    s.userName = in->userName.isEmpty() ? address : in->userName;
    return {s};
}

QList<ServerSettings> settingsFromSrv(const QList<SrvRecord> &records, const QString &address)
{
    auto best = [&](const char *service) -> std::optional<SrvRecord> {
        std::optional<SrvRecord> found;
        for (const SrvRecord &r : records) {
            if (r.service != QLatin1String(service))
                continue;
            if (!found || r.priority < found->priority || (r.priority == found->priority && r.weight > found->weight))
                found = r;
        }
        if (found && (found->target.isEmpty() || found->target == QLatin1String(".") || found->port == 0))
            return std::nullopt; // RFC 6186 §4: the service is decidedly not available
        return found;
    };
    const auto endpoint = [](const SrvRecord &r, Store::Security security) {
        QString host = r.target.toLower();
        if (host.endsWith(QLatin1Char('.')))
            host.chop(1);
        return Store::Endpoint{host, r.port, security};
    };
    std::optional<Store::Endpoint> imap;
    if (const auto r = best("_imaps._tcp"))
        imap = endpoint(*r, Store::Security::Tls);
    else if (const auto r2 = best("_imap._tcp"))
        imap = endpoint(*r2, Store::Security::StartTls);
    std::optional<Store::Endpoint> smtp;
    if (const auto r = best("_submissions._tcp"))
        smtp = endpoint(*r, Store::Security::Tls);
    else if (const auto r2 = best("_submission._tcp"))
        smtp = endpoint(*r2, Store::Security::StartTls);
    if (!imap || !smtp)
        return {};
    return {ServerSettings{QStringLiteral("DNS SRV"), *imap, *smtp, address}};
}

NetworkServerDiscovery::NetworkServerDiscovery(QObject *parent)
    : ServerDiscovery(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

void NetworkServerDiscovery::discover(const QString &address)
{
    m_address = address.trimmed();
    m_autoconfig.clear();
    m_srv.clear();
    const QString domain = domainOf(m_address);
    if (domain.isEmpty()) {
        Q_EMIT finished({});
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("emailaddress"), m_address);
    QUrl first(QStringLiteral("https://autoconfig.%1/mail/config-v1.1.xml").arg(domain));
    first.setQuery(query);
    const QUrl second(QStringLiteral("https://%1/.well-known/autoconfig/mail/config-v1.1.xml").arg(domain));
    for (const QUrl &url : {first, second}) {
        QNetworkRequest request(url);
        request.setTransferTimeout(10000);
        QNetworkReply *reply = m_network->get(request);
        ++m_pending;
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (reply->error() == QNetworkReply::NoError && m_autoconfig.isEmpty())
                m_autoconfig = parseAutoconfig(reply->read(256 * 1024), m_address);
            oneDone();
        });
    }
    for (const char *service : {"_imaps._tcp", "_imap._tcp", "_submissions._tcp", "_submission._tcp"}) {
        auto *lookup = new QDnsLookup(QDnsLookup::SRV, QLatin1String(service) + QLatin1Char('.') + domain, this);
        ++m_pending;
        connect(lookup, &QDnsLookup::finished, this, [this, lookup, service] {
            lookup->deleteLater();
            for (const QDnsServiceRecord &r : lookup->serviceRecords())
                m_srv.append({QLatin1String(service), r.target(), r.port(), r.priority(), r.weight()});
            oneDone();
        });
        lookup->lookup();
    }
}

void NetworkServerDiscovery::oneDone()
{
    if (--m_pending > 0)
        return;
    QList<ServerSettings> all = m_autoconfig;
    all += settingsFromSrv(m_srv, m_address);
    all += guessSettings(m_address);
    Q_EMIT finished(all);
}

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailStack.h"

#include "SmtpTestClient.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

namespace Mailtrail::Test {

bool parseEnvLine(const QString &line, QString *key, QString *value)
{
    static const QRegularExpression assignment(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$"));
    const QRegularExpressionMatch match = assignment.match(line.trimmed());
    if (!match.hasMatch())
        return false;
    *key = match.captured(1);
    const QString raw = match.captured(2);
    QString result;
    bool quoted = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (c == QLatin1Char('\\') && !quoted && i + 1 < raw.size())
            result += raw.at(++i);
        else
            result += c;
    }
    if (quoted)
        return false;
    *value = result;
    return true;
}

MailStack MailStack::fromEnvironment()
{
    const QString file = qEnvironmentVariable("MAILSTACK_ENV_FILE");
    if (file.isEmpty()) {
        MailStack stack{QString()};
        stack.m_error = QStringLiteral("MAILSTACK_ENV_FILE is not set: run this test through ctest "
                                       "(fixture Mailstack) or set it to <root>/env of a running "
                                       "scripts/mailstack");
        return stack;
    }
    return MailStack(file);
}

MailStack::MailStack(const QString &envFile)
{
    if (envFile.isEmpty())
        return;
    QFile file(envFile);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_error = QStringLiteral("cannot read mailstack env file %1: %2").arg(envFile, file.errorString());
        return;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        QString key;
        QString value;
        if (parseEnvLine(line, &key, &value) && key.startsWith(QLatin1String("MAILSTACK_")))
            m_values.insert(key.mid(10), value);
    }
    const char *required[] = {"ROOT", "HOST", "SUBMISSION_PORT", "SUBMISSIONS_PORT", "IMAP_PORT",
                              "IMAPS_PORT", "CA_FILE", "USERS"};
    for (const char *key : required) {
        if (value(QLatin1String(key)).isEmpty()) {
            m_error = QStringLiteral("mailstack env file %1 lacks MAILSTACK_%2").arg(envFile, QLatin1String(key));
            return;
        }
    }
}

bool MailStack::imapOffers(QByteArrayView capability) const
{
    const QStringList listed = value(QStringLiteral("IMAP_CAPABILITY")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return listed.isEmpty() || listed.contains(QString::fromLatin1(capability), Qt::CaseInsensitive);
}

QString MailStack::value(const QString &key) const
{
    return m_values.value(key);
}

quint16 MailStack::port(const char *key) const
{
    return value(QLatin1String(key)).toUShort();
}

QList<QSslCertificate> MailStack::caCertificates() const
{
    return QSslCertificate::fromPath(caFile(), QSsl::Pem);
}

QSslConfiguration MailStack::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(caCertificates());
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

QStringList MailStack::users() const
{
    return value(QStringLiteral("USERS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString MailStack::address(const QString &user) const
{
    const QString explicitAddress = value(QStringLiteral("ADDRESS_") + user.toUpper());
    return explicitAddress.isEmpty() ? user + QLatin1Char('@') + domain() : explicitAddress;
}

Store::Account MailStack::account(const QString &user, const QString &name) const
{
    Store::Account a;
    a.name = name;
    a.email = address(user);
    a.userName = a.email;
    a.imap = {host(), imapsPort(), Store::Security::Tls};
    a.smtp = {host(), submissionPort(), Store::Security::StartTls};
    a.caFile = caFile();
    return a;
}

QString MailStack::password(const QString &user) const
{
    return value(QStringLiteral("PASSWORD_") + user.toUpper());
}

QString MailStack::maildir(const QString &user) const
{
    return value(QStringLiteral("MAILDIR_") + user.toUpper());
}

bool MailStack::control(const QStringList &arguments)
{
    m_controlError.clear();
    const QString script = QDir(sourceDir()).filePath(QStringLiteral("scripts/mailstack"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(script, arguments + QStringList{QStringLiteral("--root"), root()});
    if (!process.waitForFinished(30000)) {
        m_controlError = QStringLiteral("%1 %2: %3").arg(script, arguments.join(QLatin1Char(' ')), process.errorString());
        process.kill();
        process.waitForFinished(1000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_controlError = QStringLiteral("mailstack %1 failed (%2): %3")
                             .arg(arguments.join(QLatin1Char(' ')))
                             .arg(process.exitCode())
                             .arg(QString::fromUtf8(process.readAll()).trimmed());
        return false;
    }
    return true;
}

QString MailStack::submit(const QString &user, const QList<QByteArray> &recipients, const QByteArray &message,
                          const QByteArray &mailParameters, const QByteArray &rcptParameters) const
{
    SmtpTestClient client;
    if (!client.connectToHost(host(), submissionPort(), SmtpTestClient::Security::StartTls, sslConfiguration(),
                              tlsName())
        || !client.authenticatePlain(address(user), password(user)))
        return client.errorString();
    SmtpTestReply reply = client.mailFrom(address(user).toUtf8(), mailParameters);
    if (reply.code != 250)
        return QStringLiteral("MAIL refused: ") + QString::fromUtf8(reply.text());
    for (const QByteArray &recipient : recipients) {
        reply = client.rcptTo(recipient, rcptParameters);
        if (reply.code != 250)
            return QStringLiteral("RCPT %1 refused: %2").arg(QString::fromUtf8(recipient), QString::fromUtf8(reply.text()));
    }
    reply = client.data(message);
    if (reply.code != 250)
        return QStringLiteral("DATA refused: ") + QString::fromUtf8(reply.text());
    client.quit();
    return {};
}

QStringList MailStack::messageFiles(const QString &user) const
{
    QStringList files;
    const QDir dir(maildir(user));
    for (const QString &sub : {QStringLiteral("new"), QStringLiteral("cur")}) {
        const QDir subDir(dir.filePath(sub));
        const QStringList names = subDir.entryList(QDir::Files, QDir::Name);
        for (const QString &name : names)
            files.append(subDir.filePath(name));
    }
    // Maildir names start with the delivery time, so the file name orders by arrival.
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return QFileInfo(a).fileName() < QFileInfo(b).fileName();
    });
    return files;
}

QList<QByteArray> MailStack::messages(const QString &user) const
{
    QList<QByteArray> result;
    const QStringList files = messageFiles(user);
    for (const QString &path : files) {
        QFile file(path);
        // A message may move from new/ to cur/ between listing and reading: skip it then.
        if (file.open(QIODevice::ReadOnly))
            result.append(file.readAll());
    }
    return result;
}

QByteArray MailStack::waitForMessage(const QString &user, const std::function<bool(const QByteArray &)> &match,
                                     int timeoutMs) const
{
    QByteArray found;
    const auto look = [&] {
        const QList<QByteArray> all = messages(user);
        for (const QByteArray &message : all) {
            if (match(message)) {
                found = message;
                return true;
            }
        }
        return false;
    };
    if (!QTest::qWaitFor(look, timeoutMs))
        return {};
    return found;
}

QByteArray MailStack::waitForMessageContaining(const QString &user, const QList<QByteArray> &needles,
                                               int timeoutMs) const
{
    return waitForMessage(
        user,
        [&needles](const QByteArray &message) {
            return std::all_of(needles.begin(), needles.end(),
                               [&message](const QByteArray &needle) { return message.contains(needle); });
        },
        timeoutMs);
}

} // namespace Mailtrail::Test

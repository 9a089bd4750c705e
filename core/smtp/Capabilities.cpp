// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/Capabilities.h"

namespace Mailtrail::Smtp {

Capabilities Capabilities::fromEhloReply(const Reply &reply)
{
    Capabilities caps;
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        const QByteArray line = reply.lines.at(i).trimmed();
        QList<QByteArray> words = line.split(' ');
        words.removeAll(QByteArray());
        if (words.isEmpty())
            continue;
        QByteArray keyword = words.takeFirst().toUpper();
        if (keyword.startsWith("AUTH=")) { // old Outlook/qmail form "AUTH=LOGIN PLAIN"
            words.prepend(keyword.mid(5));
            keyword = "AUTH";
        }
        if (keyword == "STARTTLS") {
            caps.startTls = true;
        } else if (keyword == "PIPELINING") {
            caps.pipelining = true;
        } else if (keyword == "8BITMIME") {
            caps.eightBitMime = true;
        } else if (keyword == "SMTPUTF8") {
            caps.smtpUtf8 = true;
        } else if (keyword == "DSN") {
            caps.dsn = true;
        } else if (keyword == "ENHANCEDSTATUSCODES") {
            caps.enhancedStatusCodes = true;
        } else if (keyword == "CHUNKING") {
            caps.chunking = true;
        } else if (keyword == "BINARYMIME") {
            caps.binaryMime = true;
        } else if (keyword == "SIZE") {
            bool ok = false;
            const qint64 limit = words.isEmpty() ? 0 : words.constFirst().toLongLong(&ok);
            caps.size = (ok && limit > 0) ? limit : 0;
        } else if (keyword == "AUTH") {
            for (const QByteArray &word : std::as_const(words)) {
                const QString mechanism = QString::fromLatin1(word.toUpper());
                if (!caps.authMechanisms.contains(mechanism))
                    caps.authMechanisms.append(mechanism);
            }
        }
    }
    return caps;
}

} // namespace Mailtrail::Smtp

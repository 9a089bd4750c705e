// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "smtp/Reply.h"

#include <QTest>

namespace Mailtrail::Smtp {

/// QTest::toString for SMTP values, found by argument-dependent lookup.
inline char *toString(const Reply &reply)
{
    QByteArray out = QByteArray::number(reply.code);
    if (reply.enhanced.isValid())
        out += " [" + reply.enhanced.toString().toLatin1() + ']';
    for (const QByteArray &line : reply.lines)
        out += " |" + line;
    return qstrdup(out.constData());
}

inline char *toString(const EnhancedStatus &status)
{
    return qstrdup(status.isValid() ? status.toString().toLatin1().constData() : "(none)");
}

inline char *toString(const ReplyParseResult &result)
{
    QByteArray out;
    switch (result.status) {
    case ReplyParseResult::Status::Incomplete: out = "Incomplete"; break;
    case ReplyParseResult::Status::Complete: {
        char *reply = toString(result.reply);
        out = "Complete " + QByteArray(reply);
        delete[] reply;
        break;
    }
    case ReplyParseResult::Status::Error:
        out = "Error " + QByteArray::number(int(result.error.kind)) + " \"" + result.error.line + '"';
        break;
    }
    return qstrdup(out.constData());
}

} // namespace Mailtrail::Smtp

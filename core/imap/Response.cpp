// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/Response.h"

namespace Mailtrail::Imap {

QByteArray BodyStructure::parameter(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : parameters) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QByteArray statusName(Status status)
{
    switch (status) {
    case Status::Ok: return "OK";
    case Status::No: return "NO";
    case Status::Bad: return "BAD";
    case Status::Bye: return "BYE";
    case Status::Preauth: return "PREAUTH";
    }
    return "?";
}

namespace {

QByteArray quote(const QByteArray &s)
{
    return '"' + s + '"';
}

QByteArray joined(const QByteArrayList &list)
{
    return '(' + list.join(' ') + ')';
}

QByteArray describeAddresses(const QList<Address> &list)
{
    QByteArrayList parts;
    for (const Address &a : list)
        parts << quote(a.name) + " <" + a.mailbox + '@' + a.host + (a.adl.isEmpty() ? QByteArray() : QByteArray(" adl=" + a.adl)) + '>';
    return '[' + parts.join(", ") + ']';
}

QByteArray describeParams(const QList<std::pair<QByteArray, QByteArray>> &params)
{
    QByteArrayList parts;
    for (const auto &[name, value] : params)
        parts << name + '=' + quote(value);
    return '{' + parts.join(' ') + '}';
}

} // namespace

QByteArray describe(const ResponseCode &code)
{
    if (code.kind == ResponseCode::Kind::None)
        return "[]";
    QByteArray out = '[' + code.name;
    if (code.number)
        out += " n=" + QByteArray::number(code.number);
    if (!code.list.isEmpty())
        out += ' ' + joined(code.list);
    if (!code.source.isEmpty())
        out += " src=" + code.source.toByteArray();
    if (!code.destination.isEmpty())
        out += " dst=" + code.destination.toByteArray();
    if (!code.text.isEmpty())
        out += " text=" + quote(code.text);
    return out + ']';
}

QByteArray describe(const Envelope &e)
{
    return "ENVELOPE(date=" + quote(e.date) + " subject=" + quote(e.subject)
        + " from=" + describeAddresses(e.from) + " sender=" + describeAddresses(e.sender)
        + " reply-to=" + describeAddresses(e.replyTo) + " to=" + describeAddresses(e.to)
        + " cc=" + describeAddresses(e.cc) + " bcc=" + describeAddresses(e.bcc)
        + " in-reply-to=" + quote(e.inReplyTo) + " message-id=" + quote(e.messageId) + ')';
}

QByteArray describe(const BodyStructure &b)
{
    QByteArray out = b.type + '/' + b.subtype + describeParams(b.parameters);
    if (!b.id.isEmpty())
        out += " id=" + b.id;
    if (!b.description.isEmpty())
        out += " desc=" + quote(b.description);
    if (!b.encoding.isEmpty())
        out += " enc=" + b.encoding;
    if (b.size)
        out += " size=" + QByteArray::number(b.size);
    if (b.lines)
        out += " lines=" + QByteArray::number(b.lines);
    if (!b.disposition.isEmpty())
        out += " disp=" + b.disposition + describeParams(b.dispositionParameters);
    if (b.envelope)
        out += ' ' + describe(*b.envelope);
    if (!b.parts.isEmpty()) {
        QByteArrayList parts;
        for (const BodyStructure &p : b.parts)
            parts << describe(p);
        out += " [" + parts.join(", ") + ']';
    }
    return out;
}

QByteArray describe(const FetchData &f)
{
    QByteArray out = "FETCH " + QByteArray::number(f.sequence) + " (";
    if (f.uid)
        out += " UID=" + QByteArray::number(f.uid);
    if (f.hasFlags)
        out += " FLAGS=" + joined(f.flags);
    if (f.size)
        out += " SIZE=" + QByteArray::number(*f.size);
    if (!f.internalDate.isEmpty())
        out += " INTERNALDATE=" + quote(f.internalDate);
    if (f.modseq)
        out += " MODSEQ=" + QByteArray::number(f.modseq);
    if (f.envelope)
        out += ' ' + describe(*f.envelope);
    if (f.bodyStructure)
        out += " BODYSTRUCTURE=" + describe(*f.bodyStructure);
    for (auto it = f.sections.cbegin(); it != f.sections.cend(); ++it)
        out += ' ' + it.key() + '=' + quote(it.value());
    return out + " )";
}

QByteArray describe(const Response &response)
{
    struct Visitor
    {
        QByteArray operator()(const TaggedResponse &r) const
        {
            return "TAGGED " + r.tag + ' ' + statusName(r.status) + ' ' + describe(r.code) + ' ' + quote(r.text);
        }
        QByteArray operator()(const StatusResponse &r) const
        {
            return "STATUS " + statusName(r.status) + ' ' + describe(r.code) + ' ' + quote(r.text);
        }
        QByteArray operator()(const ContinuationRequest &r) const { return "CONTINUE " + quote(r.text); }
        QByteArray operator()(const CapabilityData &r) const { return "CAPABILITY " + joined(r.capabilities); }
        QByteArray operator()(const EnabledData &r) const { return "ENABLED " + joined(r.capabilities); }
        QByteArray operator()(const ExistsData &r) const { return "EXISTS " + QByteArray::number(r.count); }
        QByteArray operator()(const RecentData &r) const { return "RECENT " + QByteArray::number(r.count); }
        QByteArray operator()(const ExpungeData &r) const { return "EXPUNGE " + QByteArray::number(r.sequence); }
        QByteArray operator()(const VanishedData &r) const
        {
            return QByteArray("VANISHED ") + (r.earlier ? "(EARLIER) " : "") + r.uids.toByteArray();
        }
        QByteArray operator()(const FlagsData &r) const { return "FLAGS " + joined(r.flags); }
        QByteArray operator()(const ListData &r) const
        {
            return (r.lsub ? "LSUB " : "LIST ") + joined(r.attributes) + " delim="
                + (r.delimiter ? QByteArray(1, r.delimiter) : QByteArray("NIL")) + ' ' + quote(r.name);
        }
        QByteArray operator()(const SearchData &r) const
        {
            QByteArrayList n;
            for (quint32 v : r.numbers)
                n << QByteArray::number(v);
            return "SEARCH " + joined(n) + " modseq=" + QByteArray::number(r.modseq);
        }
        QByteArray operator()(const ESearchData &r) const
        {
            const auto opt = [](const std::optional<quint32> &v) {
                return v ? QByteArray::number(*v) : QByteArray("-");
            };
            return "ESEARCH tag=" + quote(r.tag) + (r.uid ? " UID" : "") + " min=" + opt(r.min)
                + " max=" + opt(r.max) + " count=" + opt(r.count) + " all=" + r.all.toByteArray()
                + " modseq=" + QByteArray::number(r.modseq);
        }
        QByteArray operator()(const MailboxStatusData &r) const
        {
            QByteArray out = "MAILBOX-STATUS " + quote(r.mailbox);
            for (auto it = r.items.cbegin(); it != r.items.cend(); ++it)
                out += ' ' + it.key() + '=' + QByteArray::number(it.value());
            return out;
        }
        QByteArray operator()(const FetchData &r) const { return describe(r); }
        QByteArray operator()(const UnknownData &r) const { return "UNKNOWN " + quote(r.raw); }
    };
    return std::visit(Visitor{}, response);
}

} // namespace Mailtrail::Imap

namespace QTest {
char *toString(const Mailtrail::Imap::Response &response)
{
    return qstrdup(Mailtrail::Imap::describe(response).constData());
}
char *toString(const Mailtrail::Imap::FetchData &fetch)
{
    return qstrdup(Mailtrail::Imap::describe(fetch).constData());
}
char *toString(const Mailtrail::Imap::Envelope &envelope)
{
    return qstrdup(Mailtrail::Imap::describe(envelope).constData());
}
char *toString(const Mailtrail::Imap::BodyStructure &body)
{
    return qstrdup(Mailtrail::Imap::describe(body).constData());
}
char *toString(const Mailtrail::Imap::ResponseCode &code)
{
    return qstrdup(Mailtrail::Imap::describe(code).constData());
}
} // namespace QTest

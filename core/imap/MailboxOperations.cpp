// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/MailboxOperations.h"

#include "imap/Session.h"

#include <algorithm>

namespace Mailtrail::Imap::Operations {

namespace {
ImapError errorFrom(const TaggedResponse &r)
{
    if (r.status == Status::Ok)
        return {};
    return ImapError{r.status == Status::No ? ImapError::Kind::No : ImapError::Kind::Bad, r.code,
                     QString::fromUtf8(r.text), {}};
}

QByteArray mailboxArgument(const QByteArray &mailbox)
{
    const QByteArray q = Session::quoted(mailbox);
    return q.isEmpty() ? QByteArray("\"\"") : q;
}
} // namespace

void storeFlags(Session &session, const SequenceSet &uids, bool add, const QByteArrayList &flags,
                std::function<void(const ImapError &)> done)
{
    Session::Handlers h;
    h.done = [done = std::move(done)](const TaggedResponse &r) { done(errorFrom(r)); };
    session.command("UID STORE " + uids.toByteArray() + (add ? " +FLAGS.SILENT (" : " -FLAGS.SILENT (")
                        + flags.join(' ') + ')',
                    h);
}

void fetchMessage(Session &session, quint32 uid, std::function<void(const ImapError &, const QByteArray &)> done)
{
    auto body = std::make_shared<QByteArray>();
    Session::Handlers h;
    h.untagged = [uid, body](const Response &r) {
        if (const auto *f = std::get_if<FetchData>(&r); f && f->uid == uid) {
            const auto it = f->sections.constFind("BODY[]");
            if (it != f->sections.cend())
                *body = *it;
        }
    };
    h.done = [body, done = std::move(done)](const TaggedResponse &r) { done(errorFrom(r), *body); };
    session.command("UID FETCH " + QByteArray::number(uid) + " (UID BODY.PEEK[])", h);
}

void search(Session &session, const QByteArray &criteria, std::function<void(const ImapError &, const QList<quint32> &)> done)
{
    auto found = std::make_shared<QList<quint32>>();
    Session::Handlers h;
    h.untagged = [found](const Response &r) {
        if (const auto *s = std::get_if<SearchData>(&r))
            found->append(s->numbers);
        else if (const auto *e = std::get_if<ESearchData>(&r))
            found->append(e->all.values());
    };
    h.done = [found, done = std::move(done)](const TaggedResponse &r) {
        std::sort(found->begin(), found->end());
        done(errorFrom(r), *found);
    };
    session.command("UID SEARCH " + criteria, h);
}

void append(Session &session, const QByteArray &mailbox, const QByteArray &message, const QByteArrayList &flags,
            std::function<void(const AppendResult &)> done)
{
    const bool nonSync = session.hasCapability("LITERAL+")
        || (session.hasCapability("LITERAL-") && message.size() <= 4096);
    QByteArray command = "APPEND " + mailboxArgument(mailbox);
    if (!flags.isEmpty())
        command += " (" + flags.join(' ') + ')';
    command += " {" + QByteArray::number(message.size()) + (nonSync ? "+}" : "}");
    Session::Handlers h;
    auto sent = std::make_shared<bool>(nonSync);
    if (!nonSync) {
        h.continuation = [&session, message, sent](const ContinuationRequest &) {
            if (!*sent) {
                *sent = true;
                session.sendContinuation(message + "\r\n");
            }
        };
    }
    h.done = [done = std::move(done)](const TaggedResponse &r) {
        AppendResult result;
        result.error = errorFrom(r);
        if (r.code.kind == ResponseCode::Kind::AppendUid) {
            result.uidValidity = quint32(r.code.number);
            const QList<quint32> uids = r.code.destination.values();
            result.uid = uids.isEmpty() ? 0 : uids.first();
        }
        done(result);
    };
    // The command line and the literal go out together with LITERAL+ (RFC 7888 §3).
    if (nonSync) {
        session.command(command + "\r\n" + message, h);
    } else {
        session.command(command, h);
    }
}

void move(Session &session, const SequenceSet &uids, const QByteArray &destination,
          std::function<void(const MoveResult &)> done)
{
    auto result = std::make_shared<MoveResult>();
    result->sourceUids = uids;
    const auto takeCopyUid = [result](const ResponseCode &code) {
        if (code.kind == ResponseCode::Kind::CopyUid) {
            result->uidValidity = quint32(code.number);
            result->sourceUids = code.source;
            result->destinationUids = code.destination;
        }
    };
    if (session.hasCapability("MOVE")) {
        Session::Handlers h;
        // RFC 6851 §4.3: COPYUID arrives in an untagged OK before the EXPUNGEs.
        h.untagged = [takeCopyUid](const Response &r) {
            if (const auto *s = std::get_if<StatusResponse>(&r))
                takeCopyUid(s->code);
        };
        h.done = [result, takeCopyUid, done = std::move(done)](const TaggedResponse &r) {
            takeCopyUid(r.code);
            result->error = errorFrom(r);
            done(*result);
        };
        session.command("UID MOVE " + uids.toByteArray() + ' ' + mailboxArgument(destination), h);
        return;
    }
    // Strictly one after the other: a failed COPY must never be followed by the EXPUNGE.
    auto sharedDone = std::make_shared<std::function<void(const MoveResult &)>>(std::move(done));
    const QByteArray set = uids.toByteArray();
    Session *s = &session;
    Session::Handlers copy;
    copy.done = [s, set, uids, result, takeCopyUid, sharedDone](const TaggedResponse &r) {
        if (r.status != Status::Ok) {
            result->error = errorFrom(r);
            (*sharedDone)(*result);
            return;
        }
        takeCopyUid(r.code);
        Session::Handlers store;
        store.done = [s, uids, result, sharedDone](const TaggedResponse &r2) {
            if (r2.status != Status::Ok) {
                result->error = errorFrom(r2);
                (*sharedDone)(*result);
                return;
            }
            expungeUids(*s, uids, [result, sharedDone](const ImapError &error) {
                result->error = error;
                (*sharedDone)(*result);
            });
        };
        s->command("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", store);
    };
    session.command("UID COPY " + set + ' ' + mailboxArgument(destination), copy);
}

void expungeUids(Session &session, const SequenceSet &uids, std::function<void(const ImapError &)> done)
{
    if (session.hasCapability("UIDPLUS")) {
        Session::Handlers h;
        h.done = [done = std::move(done)](const TaggedResponse &r) { done(errorFrom(r)); };
        session.command("UID EXPUNGE " + uids.toByteArray(), h);
        return;
    }
    Session *s = &session;
    auto sharedDone = std::make_shared<std::function<void(const ImapError &)>>(std::move(done));
    search(session, "DELETED", [s, uids, sharedDone](const ImapError &error, const QList<quint32> &deleted) {
        if (error.isError()) {
            (*sharedDone)(error);
            return;
        }
        QList<quint32> others;
        for (const quint32 uid : deleted) {
            if (!uids.contains(uid))
                others.append(uid);
        }
        const auto expunge = [s](std::function<void(const ImapError &)> then) {
            Session::Handlers h;
            h.done = [then = std::move(then)](const TaggedResponse &r) { then(errorFrom(r)); };
            s->command("EXPUNGE", h);
        };
        if (others.isEmpty()) {
            expunge(*sharedDone);
            return;
        }
        const SequenceSet keep = SequenceSet::fromValues(others);
        storeFlags(*s, keep, false, {"\\Deleted"}, [s, keep, expunge, sharedDone](const ImapError &cleared) {
            if (cleared.isError()) {
                (*sharedDone)(cleared);
                return;
            }
            expunge([s, keep, sharedDone](const ImapError &expunged) {
                // The other messages get their \Deleted back whatever EXPUNGE answered.
                storeFlags(*s, keep, true, {"\\Deleted"}, [expunged, sharedDone](const ImapError &restored) {
                    (*sharedDone)(expunged.isError() ? expunged : restored);
                });
            });
        });
    });
}

void copy(Session &session, const SequenceSet &uids, const QByteArray &destination,
          std::function<void(const MoveResult &)> done)
{
    auto result = std::make_shared<MoveResult>();
    result->sourceUids = uids;
    Session::Handlers h;
    h.done = [result, done = std::move(done)](const TaggedResponse &r) {
        if (r.status == Status::Ok && r.code.kind == ResponseCode::Kind::CopyUid) {
            result->uidValidity = quint32(r.code.number);
            result->sourceUids = r.code.source;
            result->destinationUids = r.code.destination;
        }
        result->error = errorFrom(r);
        done(*result);
    };
    session.command("UID COPY " + uids.toByteArray() + ' ' + mailboxArgument(destination), h);
}

namespace {
void simple(Session &session, const QByteArray &command, std::function<void(const ImapError &)> done)
{
    Session::Handlers h;
    h.done = [done = std::move(done)](const TaggedResponse &r) { done(errorFrom(r)); };
    session.command(command, h);
}
} // namespace

void createMailbox(Session &session, const QByteArray &mailbox, std::function<void(const ImapError &)> done)
{
    simple(session, "CREATE " + mailboxArgument(mailbox), std::move(done));
}

void renameMailbox(Session &session, const QByteArray &from, const QByteArray &to,
                   std::function<void(const ImapError &)> done)
{
    simple(session, "RENAME " + mailboxArgument(from) + ' ' + mailboxArgument(to), std::move(done));
}

void deleteMailbox(Session &session, const QByteArray &mailbox, std::function<void(const ImapError &)> done)
{
    simple(session, "DELETE " + mailboxArgument(mailbox), std::move(done));
}

} // namespace Mailtrail::Imap::Operations

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ImapAppend.h"

#include "imap/Session.h"

#include <QPointer>

namespace Mailtrail::Sync {

namespace {

void append(QPointer<Imap::Session> session, const QByteArray &mailbox, const QByteArray &flags,
    const QByteArray &message, bool created, std::function<void(const AppendResult &)> done)
{
    QByteArray name = Imap::Session::quoted(mailbox);
    if (name.isEmpty()) {
        done({ false, 0, 0,
            QStringLiteral("The folder name %1 cannot be used").arg(QString::fromUtf8(mailbox)) });
        return;
    }
    Imap::Session::Handlers handlers;
    handlers.continuation = [session, message](const Imap::ContinuationRequest &) {
        if (session)
            session->sendContinuation(
                message + "\r\n"); // the literal, then the end of the command line
    };
    handlers.done = [session, mailbox, flags, message, name, created, done](
                        const Imap::TaggedResponse &response) {
        if (response.status == Imap::Status::Ok) {
            AppendResult result { true, 0, 0, {} };
            if (response.code.kind == Imap::ResponseCode::Kind::AppendUid) {
                result.uidValidity = quint32(response.code.number);
                const auto uids = response.code.destination.values();
                if (uids.size() == 1)
                    result.uid = uids.first();
            }
            done(result);
            return;
        }
        if (response.code.kind == Imap::ResponseCode::Kind::TryCreate && !created && session) {
            Imap::Session::Handlers create;
            create.done = [session, mailbox, flags, message, done](const Imap::TaggedResponse &) {
                if (session)
                    append(session, mailbox, flags, message, true, done);
            };
            session->command("CREATE " + name, create);
            return;
        }
        done({ false, 0, 0,
            QStringLiteral("The IMAP server refused to store the message in %1: %2")
                .arg(QString::fromUtf8(mailbox), QString::fromUtf8(response.text)) });
    };
    const QByteArray flagList = flags.isEmpty() ? QByteArray() : " (" + flags + ")";
    session->command(
        "APPEND " + name + flagList + " {" + QByteArray::number(message.size()) + "}", handlers);
}

} // namespace

void appendMessage(Imap::Session *session, const QByteArray &mailbox, const QByteArray &flags,
    const QByteArray &message, std::function<void(const AppendResult &)> done)
{
    append(session, mailbox, flags, message, false, std::move(done));
}

} // namespace Mailtrail::Sync

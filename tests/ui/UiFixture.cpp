// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiFixture.h"

#include "MainWindow.h"

#include <QTest>

#include "TestPaths.h"
#include "store/AccountRepository.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "tracking/ReportIngest.h"

#include <QFile>

namespace Mailtrail::Test {

using namespace Tracking;

namespace {

QByteArray trackingFixture(const char *name)
{
    QFile file(testData(QStringLiteral("data/tracking/") + QLatin1String(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

struct Mail
{
    quint32 uid;
    QByteArray raw;
    QByteArrayList flags;
};

QString addMails(Store::MessageRepository &repository, qint64 folderId, const QList<Mail> &mails,
                 QList<qint64> *ids)
{
    QList<Store::MessageRecord> records;
    for (const Mail &mail : mails) {
        Store::MessageRecord r;
        r.folderId = folderId;
        r.uid = mail.uid;
        r.flags = mail.flags;
        r.size = quint32(mail.raw.size());
        const qsizetype end = mail.raw.indexOf("\r\n\r\n");
        Store::fillFromHeaders(r, QByteArrayView(mail.raw).first(end + 2));
        records.append(r);
    }
    if (QString error = repository.upsert(folderId, records); !error.isEmpty())
        return error;
    for (const Mail &mail : mails) {
        const auto record = repository.find(folderId, mail.uid);
        if (!record)
            return QStringLiteral("message %1 not stored").arg(mail.uid);
        if (QString error = repository.storeBody(record->id, mail.raw); !error.isEmpty())
            return error;
        ids->append(record->id);
    }
    return {};
}

Evidence event(EvidenceKind kind, EvidenceSource source, const QDateTime &time, const QString &status = {},
               const QString &diagnostic = {})
{
    Evidence e;
    e.kind = kind;
    e.source = source;
    e.time = time;
    e.status = status;
    e.diagnostic = diagnostic;
    e.replyCode = status.startsWith(QLatin1Char('2')) ? 250 : 0;
    e.dedupKey = kindName(kind) + time.toString(Qt::ISODate) + status;
    return e;
}

} // namespace

QString fillUiFixture(Ui::AppContext &context, UiFixture &f)
{
    f.now = QDateTime(QDate(2026, 3, 2), QTime(11, 30), Qt::UTC);
    const QDateTime now = f.now;
    if (QString error = context.open(QStringLiteral(":memory:"), [now] { return now; }); !error.isEmpty())
        return error;
    const QSqlDatabase db = context.database().connection();

    Store::Account account;
    account.name = QStringLiteral("alice");
    account.displayName = QStringLiteral("Alice Example");
    account.email = QStringLiteral("alice@example.test");
    account.imap = {QStringLiteral("mail.example.test"), 993, Store::Security::Tls};
    account.smtp = {QStringLiteral("mail.example.test"), 465, Store::Security::Tls};
    account.userName = QStringLiteral("alice");
    if (QString error = Store::AccountRepository(db).add(account); !error.isEmpty())
        return error;
    f.accountId = account.id;

    Store::FolderRepository folders(db);
    auto folder = [&](const char *name, const char *specialUse, qint64 *id) -> QString {
        Store::Folder folder;
        folder.accountId = account.id;
        folder.name = QLatin1String(name);
        folder.wireName = name;
        folder.delimiter = QStringLiteral("/");
        folder.specialUse = QLatin1String(specialUse);
        QString error = folders.upsert(folder);
        if (id)
            *id = folder.id;
        return error;
    };
    for (const auto &[name, use, id] : {std::tuple{"INBOX", "", &f.inbox}, std::tuple{"Sent", "\\Sent", &f.sent},
                                       std::tuple{"Drafts", "\\Drafts", (qint64 *)nullptr},
                                       std::tuple{"Archive", "\\Archive", &f.archive},
                                       std::tuple{"Archive/2025", "", (qint64 *)nullptr},
                                       std::tuple{"Junk", "\\Junk", (qint64 *)nullptr},
                                       std::tuple{"Trash", "\\Trash", (qint64 *)nullptr}}) {
        if (QString error = folder(name, use, id); !error.isEmpty())
            return error;
    }

    Store::MessageRepository messages(db);
    QList<qint64> inboxIds;
    const QList<Mail> inbox = {
        {1, crlf("Return-Path: <carol@example.test>\nFrom: Carol Jones <carol@example.test>\nTo: Alice Example <alice@example.test>\n"
                 "Subject: Lunch on Thursday?\nDate: Mon, 02 Mar 2026 09:12:00 +0000\nMessage-ID: <lunch@example.test>\n"
                 "Disposition-Notification-To: carol@example.test\nContent-Type: text/plain; charset=utf-8\n\n"
                 "Hi Alice,\n\nare you free for lunch on Thursday? The new place near the station.\n\nCarol\n"),
         {"\\Seen"}},
        {2, crlf("From: Newsletter <news@shop.example>\nTo: alice@example.test\nSubject: Spring offers\n"
                 "Date: Mon, 02 Mar 2026 08:00:00 +0000\nMessage-ID: <news-42@shop.example>\nMIME-Version: 1.0\n"
                 "Content-Type: text/html; charset=utf-8\n\n"
                 "<html><body><h2>Spring offers</h2><p>Look at <a href=\"https://shop.example/spring\">our spring range</a>.</p>"
                 "<img src=\"https://tracker.shop.example/pixel.gif?u=alice\" width=1 height=1>"
                 "<img src=\"https://shop.example/banner.png\"><script>alert(1)</script></body></html>\n"),
         {}},
        {3, crlf("From: Dave Miller <dave@example.test>\nTo: alice@example.test\nSubject: Minutes of the board meeting\n"
                 "Date: Sun, 01 Mar 2026 17:45:00 +0000\nMessage-ID: <minutes@example.test>\nMIME-Version: 1.0\n"
                 "Content-Type: multipart/mixed; boundary=\"XX\"\n\n--XX\nContent-Type: text/plain; charset=utf-8\n\n"
                 "Attached are the minutes.\n--XX\nContent-Type: text/csv; name=\"minutes.csv\"\n"
                 "Content-Disposition: attachment; filename=\"minutes.csv\"\n\nitem,owner\nbudget,dave\n--XX--\n"),
         {}},
        {4, crlf("From: Bob Smith <bob@example.test>\nTo: alice@example.test\nSubject: Re: Three outcomes\n"
                 "Date: Mon, 02 Mar 2026 11:06:00 +0000\nMessage-ID: <re-three@example.test>\nIn-Reply-To: <three@example.test>\n"
                 "Content-Type: text/plain; charset=utf-8\n\nGot it, thanks!\n"),
         {"\\Seen"}},
    };
    if (QString error = addMails(messages, f.inbox, inbox, &inboxIds); !error.isEmpty())
        return error;
    f.receiptRequestMessage = inboxIds.at(0);
    f.htmlMessage = inboxIds.at(1);
    f.attachmentMessage = inboxIds.at(2);

    // Sent mail, tracked: the three-outcomes message goes through the real report ingest.
    TrackingStore &store = context.trackingStore();
    const QDateTime t0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    auto addSent = [&](const QString &messageId, const QString &subject, const QStringList &to,
                       const QDateTime &at, bool dsn, const QString &envid, qint64 *id) -> QString {
        NewSentMessage m;
        m.account = QStringLiteral("alice");
        m.messageId = messageId;
        m.envid = envid;
        m.subject = subject;
        m.sender = QStringLiteral("alice@example.test");
        m.readReceiptRequested = true;
        m.createdAt = at;
        for (const QString &a : to)
            m.recipients.append({a, a, dsn ? QStringLiteral("SUCCESS,FAILURE,DELAY") : QString()});
        const auto sentId = store.addSentMessage(m);
        if (!sentId)
            return store.lastError();
        *id = *sentId;
        QList<Evidence> accepted;
        for (int i = 0; i < to.size(); ++i)
            accepted.append(event(EvidenceKind::SubmissionAccepted, EvidenceSource::Smtp, at.addSecs(2),
                                  QStringLiteral("2.0.0"), QStringLiteral("250 2.0.0 Ok: queued")));
        if (!store.recordSubmission(*id, at.addSecs(2), dsn, QStringLiteral("4XYZ"), {}, accepted))
            return store.lastError();
        return {};
    };
    const QString tld = QStringLiteral("@example.test");
    if (QString e = addSent(QStringLiteral("three@example.test"), QStringLiteral("Three outcomes"),
                            {QStringLiteral("bob") + tld, QStringLiteral("carol") + tld, QStringLiteral("ghost") + tld},
                            t0, true, QStringLiteral("ENV+1"), &f.threeOutcomes); !e.isEmpty())
        return e;
    ReportIngest ingest(store);
    IncomingMail dsn;
    dsn.raw = trackingFixture("postfix-three-outcomes.eml");
    dsn.date = t0.addSecs(300);
    if (const IngestResult r = ingest.ingest(dsn); r.outcome != IngestResult::Matched)
        return QStringLiteral("three-outcomes DSN did not match: %1 %2 (%3 bytes)").arg(int(r.outcome)).arg(r.error).arg(dsn.raw.size());
    IncomingMail mdn;
    mdn.raw = trackingFixture("mdn-displayed.eml");
    mdn.date = t0.addSecs(3900);
    if (ingest.ingest(mdn).outcome != IngestResult::Matched)
        return QStringLiteral("MDN did not match");
    IncomingMail unrelated;
    unrelated.raw = trackingFixture("unrelated-dsn.eml");
    unrelated.date = t0.addSecs(600);
    (void)ingest.ingest(unrelated);

    if (QString e = addSent(QStringLiteral("slow@example.test"), QStringLiteral("Offer for the new office"),
                            {QStringLiteral("erin@slow.example")}, t0.addSecs(-7200), true, QStringLiteral("ENV+2"), &f.delayed);
        !e.isEmpty())
        return e;
    Evidence delay = event(EvidenceKind::Delayed, EvidenceSource::Dsn, t0.addSecs(-3600), QStringLiteral("4.4.1"),
                           QStringLiteral("connect to mx.slow.example[192.0.2.7]:25: Connection timed out"));
    delay.reportingMta = QStringLiteral("mail.example.test");
    delay.willRetryUntil = t0.addDays(5);
    (void)store.appendEvidence(store.message(f.delayed)->recipientIds.first(), delay);

    if (QString e = addSent(QStringLiteral("agenda@example.test"), QStringLiteral("Agenda for Friday"),
                            {QStringLiteral("frank") + tld, QStringLiteral("grace") + tld}, t0.addSecs(4800), true,
                            QStringLiteral("ENV+3"), &f.awaiting);
        !e.isEmpty())
        return e;
    Evidence delivered = event(EvidenceKind::Delivered, EvidenceSource::Dsn, t0.addSecs(4860), QStringLiteral("2.0.0"),
                               QStringLiteral("250 2.0.0 Ok: delivered to mailbox"));
    delivered.remoteMta = QStringLiteral("mx.example.test");
    (void)store.appendEvidence(store.message(f.awaiting)->recipientIds.first(), delivered);

    if (QString e = addSent(QStringLiteral("nodsn@example.test"), QStringLiteral("Invoice 2026-031"),
                            {QStringLiteral("accounts@customer.example")}, t0.addSecs(-86400), false, {}, &f.noDsn);
        !e.isEmpty())
        return e;

    // The Sent folder holds copies of two of them.
    QList<qint64> sentIds;
    const QList<Mail> sent = {
        {1, crlf("From: Alice Example <alice@example.test>\nTo: bob@example.test, carol@example.test, ghost@example.test\n"
                 "Subject: Three outcomes\nDate: Mon, 02 Mar 2026 10:00:00 +0000\nMessage-ID: <three@example.test>\n"
                 "Disposition-Notification-To: alice@example.test\nContent-Type: text/plain; charset=utf-8\n\n"
                 "Hello all,\n\nthe plan for March is attached to the wiki page.\n\nAlice\n"),
         {"\\Seen"}},
        {2, crlf("From: Alice Example <alice@example.test>\nTo: erin@slow.example\nSubject: Offer for the new office\n"
                 "Date: Mon, 02 Mar 2026 08:00:00 +0000\nMessage-ID: <slow@example.test>\n"
                 "Content-Type: text/plain; charset=utf-8\n\nDear Erin,\n\nplease find our offer below.\n"),
         {"\\Seen"}},
        {3, crlf("From: Alice Example <alice@example.test>\nTo: someone@example.test\nSubject: Untracked note\n"
                 "Date: Sun, 01 Mar 2026 08:00:00 +0000\nMessage-ID: <untracked@example.test>\n"
                 "Content-Type: text/plain; charset=utf-8\n\nJust a note.\n"),
         {"\\Seen"}},
    };
    if (QString error = addMails(messages, f.sent, sent, &sentIds); !error.isEmpty())
        return error;
    f.sentThreeOutcomes = sentIds.at(0);

    // The three-outcomes DSN, filed (read) in Archive: the viewer links it to its tracking.
    QList<qint64> archiveIds;
    if (QString error = addMails(messages, f.archive, {{1, dsn.raw, {"\\Seen"}}}, &archiveIds); !error.isEmpty())
        return error;
    f.filedReport = archiveIds.at(0);

    context.trackingModel().reload();
    if (!context.folderModel().refresh())
        return context.folderModel().lastError();
    return {};
}

QString openFixtureWindow(UiFixture &fixture, std::unique_ptr<Ui::AppContext> &context,
                          std::unique_ptr<Ui::MainWindow> &window)
{
    window.reset();
    context = std::make_unique<Ui::AppContext>();
    if (QString error = fillUiFixture(*context, fixture); !error.isEmpty())
        return error;
    window = std::make_unique<Ui::MainWindow>(*context);
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return QStringLiteral("the main window was not shown");
    return {};
}

} // namespace Mailtrail::Test

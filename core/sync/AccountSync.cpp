// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AccountSync.h"

#include "imap/MailboxName.h"
#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/CacheWriter.h"
#include "store/FolderRepository.h"

#include <QLoggingCategory>
#include <QMetaMethod>

#include <utility>

#include <algorithm>
#include <optional>

namespace Mailtrail::Sync {

namespace {
Net::Endpoint endpointFor(const Store::Account &account, const Store::Endpoint &e)
{
    Net::Endpoint out;
    out.host = e.host;
    out.port = e.port;
    out.security = e.security == Store::Security::Tls ? Net::Security::ImplicitTls : Net::Security::StartTls;
    out.certificates.extraCaFile = account.caFile;
    for (const QString &hex : account.pinnedFingerprints)
        out.certificates.pinnedSha256.append(QByteArray::fromHex(hex.toLatin1()));
    return out;
}

const QByteArrayList specialUseAttributes = {"\\All", "\\Archive", "\\Drafts", "\\Flagged",
                                             "\\Junk", "\\Sent", "\\Trash"};
} // namespace

void guessSpecialUse(QList<Store::Folder> &folders)
{
    // The names servers and other clients create when nobody set SPECIAL-USE (RFC 6154 §1):
    // Dovecot's and Courier's defaults, Thunderbird's, Outlook's, Apple Mail's; top level or
    // below INBOX (Courier's "INBOX.Sent").
    static const std::pair<const char *, QStringList> wellKnown[] = {
        {"\\Sent", {QStringLiteral("Sent"), QStringLiteral("Sent Messages"), QStringLiteral("Sent Items"),
                    QStringLiteral("Sent Mail")}},
        {"\\Drafts", {QStringLiteral("Drafts"), QStringLiteral("Draft")}},
        {"\\Trash", {QStringLiteral("Trash"), QStringLiteral("Deleted Messages"), QStringLiteral("Deleted Items")}},
        {"\\Junk", {QStringLiteral("Junk"), QStringLiteral("Spam"), QStringLiteral("Junk E-mail")}},
        {"\\Archive", {QStringLiteral("Archive"), QStringLiteral("Archives")}},
    };
    const auto leafName = [](const Store::Folder &f) {
        if (f.delimiter.isEmpty() || !f.name.startsWith(QLatin1String("INBOX") + f.delimiter, Qt::CaseInsensitive))
            return f.name;
        return f.name.mid(5 + f.delimiter.size());
    };
    for (const auto &[attribute, names] : wellKnown) {
        const QString use = QString::fromLatin1(attribute);
        const bool announced = std::any_of(folders.cbegin(), folders.cend(), [&](const Store::Folder &f) {
            return f.specialUse.compare(use, Qt::CaseInsensitive) == 0;
        });
        if (announced)
            continue;
        // The first well-known name present wins, in the order above.
        for (const QString &name : names) {
            const auto it = std::find_if(folders.begin(), folders.end(), [&](const Store::Folder &f) {
                return f.specialUse.isEmpty() && f.selectable && leafName(f).compare(name, Qt::CaseInsensitive) == 0;
            });
            if (it != folders.end()) {
                it->specialUse = use;
                break;
            }
        }
    }
}

Net::Endpoint imapEndpoint(const Store::Account &account)
{
    return endpointFor(account, account.imap);
}

Net::Endpoint smtpEndpoint(const Store::Account &account)
{
    return endpointFor(account, account.smtp);
}

bool AccountSyncReport::ok() const
{
    if (error.isError() || !storeError.isEmpty())
        return false;
    for (const FolderSyncResult &f : folders) {
        if (!f.ok())
            return false;
    }
    return true;
}

QString AccountSyncReport::errorMessage() const
{
    if (error.isError())
        return error.message();
    if (!storeError.isEmpty())
        return storeError;
    for (const FolderSyncResult &f : folders) {
        if (!f.ok())
            return QStringLiteral("%1: %2").arg(f.folderName, f.errorMessage());
    }
    return {};
}

AccountSync::AccountSync(Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent), m_account(std::move(account)), m_credentials(std::move(credentials)), m_db(std::move(db))
{
    qRegisterMetaType<AccountSyncReport>();
    m_report.account = m_account.name;
}

void AccountSync::start()
{
    m_timer.start();
    if (m_lent) {
        m_session = m_lent;
        connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
            if (m_current || m_finished)
                return;
            m_report.error = error;
            finish();
        });
        QMetaObject::invokeMethod(this, &AccountSync::onReady, Qt::QueuedConnection);
        return;
    }
    m_transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(m_transport, &Net::Transport::certificateProblem, this, [this](const Net::CertificateProblem &problem) {
        if (isSignalConnected(QMetaMethod::fromSignal(&AccountSync::certificateProblem)))
            Q_EMIT certificateProblem(problem);
        else
            m_transport->answerCertificate(Net::CertificateDecision::Reject);
    });
    m_session = new Imap::Session(m_transport, this);
    connect(m_session, &Imap::Session::ready, this, &AccountSync::onReady);
    connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
        if (m_current)
            return; // the running FolderSync reports it
        if (!m_finished) {
            m_report.error = error;
            finish();
        }
    });
    m_session->open(imapEndpoint(m_account), m_credentials.forImap(m_account));
}

void AccountSync::answerCertificate(Net::CertificateDecision decision)
{
    if (m_transport)
        m_transport->answerCertificate(decision);
}

void AccountSync::onReady()
{
    // Sync the folder the user most likely looks at before LIST: on Dovecot a SELECT right
    // after LIST waits ~0.5 s for the index lock of a big mailbox.
    Store::FolderRepository repo(m_db);
    std::optional<Store::Folder> first;
    if (m_folderFilter.isEmpty() || m_folderFilter.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0) {
        first = repo.find(m_account.id, QStringLiteral("INBOX"));
        if (!first) {
            Store::Folder inbox;
            inbox.accountId = m_account.id;
            inbox.name = QStringLiteral("INBOX");
            inbox.wireName = "INBOX"; // RFC 9051 §5.1: INBOX always exists
            const QString error = repo.upsert(inbox);
            if (!error.isEmpty()) {
                m_report.storeError = error;
                finish();
                return;
            }
            first = inbox;
        }
    } else {
        first = repo.find(m_account.id, m_folderFilter);
        if (!first) {
            // A folder asked for by name and not cached yet (the first `sync --folder`):
            // tried under the wire name its name encodes to before LIST, for the same reason
            // as INBOX above (a 100,000-message folder's SELECT after LIST took 140 ms more).
            // When the server does not know that name (another hierarchy delimiter, say),
            // the attempt is dropped without a word and LIST finds the folder.
            Store::Folder requested;
            requested.accountId = m_account.id;
            requested.name = m_folderFilter;
            requested.wireName = Imap::encodeMailboxName(m_folderFilter);
            if (repo.upsert(requested).isEmpty()) {
                m_tryingUnlisted = requested.id;
                first = requested;
            }
        }
    }
    if (first && first->selectable) {
        m_listAfterwards = true;
        m_queue = {*first};
        syncNext();
        return;
    }
    listFolders();
}

void AccountSync::listFolders()
{
    m_listed = true;
    const bool extended = m_session->hasCapability("SPECIAL-USE") && m_session->hasCapability("LIST-EXTENDED");
    auto folders = std::make_shared<QList<Store::Folder>>();
    Imap::Session::Handlers h;
    h.untagged = [this, folders](const Imap::Response &r) {
        const auto *list = std::get_if<Imap::ListData>(&r);
        if (!list || list->lsub)
            return;
        Store::Folder f;
        f.accountId = m_account.id;
        f.wireName = list->name;
        f.name = Imap::decodeMailboxName(list->name);
        f.delimiter = list->delimiter ? QString(QLatin1Char(list->delimiter)) : QString();
        for (const QByteArray &attribute : list->attributes) {
            for (const QByteArray &special : specialUseAttributes) {
                if (attribute.compare(special, Qt::CaseInsensitive) == 0)
                    f.specialUse = QString::fromLatin1(special);
            }
            if (attribute.compare("\\Noselect", Qt::CaseInsensitive) == 0
                || attribute.compare("\\NonExistent", Qt::CaseInsensitive) == 0)
                f.selectable = false;
        }
        folders->append(f);
    };
    h.done = [this, folders](const Imap::TaggedResponse &r) {
        if (r.status != Imap::Status::Ok) {
            m_report.error = Imap::ImapError{Imap::ImapError::Kind::No, r.code, QString::fromUtf8(r.text), {}};
            finish();
            return;
        }
        Store::FolderRepository repo(m_db);
        QList<QByteArray> keep;
        guessSpecialUse(*folders);
        for (Store::Folder &f : *folders) {
            const QString error = repo.upsert(f);
            if (!error.isEmpty()) {
                m_report.storeError = error;
                finish();
                return;
            }
            keep << f.wireName;
        }
        const QString error = repo.removeOthers(m_account.id, keep);
        if (!error.isEmpty()) {
            m_report.storeError = error;
            finish();
            return;
        }
        for (const Store::Folder &f : repo.list(m_account.id)) {
            if (!f.selectable || m_synced.contains(f.id))
                continue;
            if (!m_folderFilter.isEmpty() && f.name != m_folderFilter)
                continue;
            m_queue.append(f);
        }
        if (!m_folderFilter.isEmpty() && m_queue.isEmpty() && m_synced.isEmpty()) {
            m_report.storeError = QStringLiteral("no folder named '%1' on the server").arg(m_folderFilter);
            finish();
            return;
        }
        // INBOX first: it is what the user looks at.
        std::stable_partition(m_queue.begin(), m_queue.end(), [](const Store::Folder &f) {
            return f.name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
        });
        syncNext();
    };
    m_session->command(extended ? QByteArray("LIST \"\" \"*\" RETURN (SPECIAL-USE)") : QByteArray("LIST \"\" \"*\""), h);
}

void AccountSync::syncNext()
{
    if (m_queue.isEmpty()) {
        if (m_listAfterwards && !m_listed)
            listFolders();
        else
            finish();
        return;
    }
    const Store::Folder folder = m_queue.takeFirst();
    Q_EMIT folderStarted(folder.name);
    auto *sync = new FolderSync(m_session, m_db, folder, this);
    const QString path = m_db.databaseName();
    if (!m_writer && !path.isEmpty() && path != QLatin1String(":memory:"))
        m_writer = new Store::CacheWriter(path, this);
    sync->setCacheWriter(m_writer);
    m_current = sync;
    sync->setBatchSize(m_batchSize);
    connect(sync, &FolderSync::finished, this, [this, sync](const FolderSyncResult &result) {
        sync->deleteLater();
        m_current = nullptr;
        if (std::exchange(m_tryingUnlisted, 0) == result.folderId
            && (result.imapError.kind == Imap::ImapError::Kind::No || result.imapError.kind == Imap::ImapError::Kind::Bad)
            && result.added == 0 && m_session && m_session->state() == Imap::Session::State::Ready) {
            // Not under that name: LIST tells (listFolders() removes the guess).
            QMetaObject::invokeMethod(this, &AccountSync::syncNext, Qt::QueuedConnection);
            return;
        }
        m_synced.insert(result.folderId);
        m_report.folders.append(result);
        Q_EMIT folderFinished(result);
        if (!result.ok() && m_session && m_session->state() != Imap::Session::State::Ready) {
            m_queue.clear(); // the connection is gone
            finish();
            return;
        }
        QMetaObject::invokeMethod(this, &AccountSync::syncNext, Qt::QueuedConnection);
    });
    sync->start();
}

void AccountSync::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_report.seconds = double(m_timer.nsecsElapsed()) / 1e9;
    if (!m_keepOpen && !m_lent && m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(m_report);
}

} // namespace Mailtrail::Sync

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScriptedTransport.h"
#include "store/Account.h"
#include "store/Database.h"
#include "store/FolderRepository.h"

#include <QByteArray>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

#include <memory>

namespace Mailtrail::Test {

/// The greeting and the AUTHENTICATE PLAIN login (tag a1) of a scripted IMAP conversation
/// (ScriptedTransport), the server offering @p capabilities once logged in.
[[nodiscard]] QByteArray scriptedImapLogin(const QByteArray &capabilities);

/// Opens a fresh profile database at @p path (a file left by a test before is removed) with
/// the account "alice" (localAccount()) and its INBOX: the cache-only fixture of the tests
/// that run a job over a scripted conversation. The error text, empty on success.
[[nodiscard]] QString openAliceProfile(const QString &path, std::unique_ptr<Store::Database> *db,
                                       Store::Account *account, Store::Folder *inbox);

/// Runs @p job — one that connects through setTransportFactory(), starts with start() and
/// ends with one @p finished(Result) — over @p script. *mismatches: where the client's
/// commands differed from the script; *connected: whether it connected at all; *remaining:
/// the script the job never reached (empty when it went through all of it). A default
/// Result when it did not finish within 10 s.
template<typename Job, typename Result>
Result runScripted(Job &job, void (Job::*finished)(const Result &), const QByteArray &script, QStringList *mismatches,
                   bool *connected = nullptr, QString *remaining = nullptr)
{
    ScriptedTransport *transport = nullptr;
    job.setTransportFactory([&](QObject *parent) -> Net::Transport * {
        transport = new ScriptedTransport(script, parent);
        return transport;
    });
    QSignalSpy done(&job, finished);
    job.start();
    if (!done.wait(10000))
        return {};
    if (transport)
        *mismatches = transport->mismatches();
    if (connected)
        *connected = transport != nullptr;
    if (remaining && transport)
        *remaining = transport->remainingScript();
    return done.first().first().template value<Result>();
}

} // namespace Mailtrail::Test

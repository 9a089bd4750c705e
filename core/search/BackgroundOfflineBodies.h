// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/OfflineBodies.h"

#include <QObject>
#include <QThread>

namespace Mailtrail::Search {

/// Search::OfflineBodies on a thread of its own with its own connection to the profile
/// database at @p databasePath, so that neither the IMAP parsing of big bodies nor storing
/// and indexing them (GMime, FTS5) runs on the GUI thread (bench_search_gui: stalls of up
/// to 94 ms there). Certificate problems are rejected (a background job never asks).
/// One finished() per start(); the thread ends after it.
class BackgroundOfflineBodies : public QObject
{
    Q_OBJECT
public:
    BackgroundOfflineBodies(Store::Account account, Sync::Credentials credentials, QString databasePath,
                            QObject *parent = nullptr);
    ~BackgroundOfflineBodies() override;

    /// Messages per FETCH (default 20); before start().
    void setBatchSize(int size) { m_batchSize = std::max(1, size); }

    void start();
    void pause();
    void resume();

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const Mailtrail::Search::OfflineBodiesResult &result);

private:
    Store::Account m_account;
    Sync::Credentials m_credentials;
    QString m_databasePath;
    int m_batchSize = 20;
    QThread m_thread;
    QObject *m_worker = nullptr;
};

} // namespace Mailtrail::Search

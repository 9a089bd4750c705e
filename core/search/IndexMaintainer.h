// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/IndexMaintenance.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <functional>

class QThread;

namespace Mailtrail::Search {

/// Merges the search index in the background while the profile is idle (the GUI's side of
/// IndexMaintenance): after indexChanged(), once nothing was indexed for the quiet period
/// and busy() says nothing runs, it runs IndexMaintenance::step() on a thread of its own
/// with its own connection, one short transaction per step and a pause between steps, until
/// nothing is left to merge. A change or a busy profile meanwhile stops it after the
/// running step; it resumes once quiet again. Never blocks the calling thread, except
/// that the destructor waits for a running step.
class IndexMaintainer : public QObject
{
    Q_OBJECT
public:
    explicit IndexMaintainer(QString databasePath, QObject *parent = nullptr);
    ~IndexMaintainer() override;

    /// Milliseconds without a change before merging starts (default 3,000).
    void setQuietPeriod(int ms) { m_quietMs = std::max(0, ms); }
    /// Milliseconds between steps (default 20): other writers get the database between them.
    void setPause(int ms) { m_pauseMs = std::max(0, ms); }
    /// Leaf pages per step (default IndexMaintenance::kStepPages).
    void setStepPages(int pages) { m_stepPages = std::max(1, pages); }
    /// While this says true (a sync or a download runs), no step starts.
    void setBusy(std::function<bool()> busy) { m_busy = std::move(busy); }

    /// Something was indexed (a sync's batch, bodies): merge once the profile is idle.
    void indexChanged();

    /// Between indexChanged() and idle(): merging or waiting to.
    [[nodiscard]] bool isPending() const { return m_pending; }
    /// Steps run since construction (tests).
    [[nodiscard]] int steps() const { return m_steps; }

Q_SIGNALS:
    /// Nothing is left to merge for now (or a step failed: @p error); @p segments: what
    /// the index is made of now.
    void idle(const Mailtrail::Search::IndexSegments &segments, const QString &error);

private:
    void tryStep();
    void stepDone(bool worked, const Mailtrail::Search::IndexSegments &segments, const QString &error);

    QString m_path;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; ///< lives on m_thread
    QTimer m_timer;
    std::function<bool()> m_busy;
    int m_quietMs = 3000;
    int m_pauseMs = 20;
    int m_stepPages = IndexMaintenance::kStepPages;
    int m_steps = 0;
    bool m_pending = false;
    bool m_stepRunning = false;
    bool m_changedDuringStep = false;
};

} // namespace Mailtrail::Search

Q_DECLARE_METATYPE(Mailtrail::Search::IndexSegments)

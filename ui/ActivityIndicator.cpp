// SPDX-License-Identifier: GPL-3.0-or-later
#include "ActivityIndicator.h"

#include "sync/AccountSessions.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

namespace Mailtrail::Ui {

ActivityIndicator::ActivityIndicator(
    Sync::AccountSessions &sessions, QStatusBar &statusBar, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_progress(new QProgressBar(&statusBar))
    , m_activity(new QLabel(&statusBar))
{
    m_progress->setObjectName(QStringLiteral("activityProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_activity->setObjectName(QStringLiteral("activityLabel"));
    statusBar.addPermanentWidget(m_activity);
    statusBar.addPermanentWidget(m_progress);

    using Sync::AccountSessions;
    connect(&sessions, &AccountSessions::busyChanged, this, &ActivityIndicator::update);
    connect(&sessions, &AccountSessions::checkStarted, this, [this](const QString &name) {
        m_progress->setRange(0, 0); // busy: the number of folders is known only after LIST
        m_activity->setText(tr("Checking %1…").arg(name));
    });
    connect(&sessions, &AccountSessions::folderStarted, this,
        [this](const QString &name, const QString &folder) {
            m_activity->setText(tr("Checking %1: %2…").arg(name, folder));
        });
    connect(&sessions, &AccountSessions::flushStarted, this, [this](const QString &, int due) {
        m_sendTotal += due;
        if (due > 0)
            showSending();
    });
    connect(&sessions, &AccountSessions::messageSent, this, [this] {
        ++m_sendDone;
        showSending();
    });
}

bool ActivityIndicator::isBusy() const
{
    return m_sessions.isSending() || m_sessions.isFetching() || m_sessions.isCheckingAny();
}

void ActivityIndicator::showSending()
{
    m_progress->setRange(0, std::max(1, m_sendTotal));
    m_progress->setValue(m_sendDone);
    if (m_sendDone < m_sendTotal)
        m_activity->setText(tr("Sending %1 of %2…").arg(m_sendDone + 1).arg(m_sendTotal));
}

void ActivityIndicator::update()
{
    const bool busy = isBusy();
    m_progress->setVisible(busy);
    if (!busy) {
        m_activity->clear();
        m_sendTotal = m_sendDone = 0;
    } else if (m_sessions.isFetching() && !m_sessions.isSending() && !m_sessions.isCheckingAny()) {
        m_activity->setText(tr("Downloading a message…"));
        m_progress->setRange(0, 0);
    }
}

} // namespace Mailtrail::Ui

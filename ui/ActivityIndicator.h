// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace Mailtrail::Sync {
class AccountSessions;
}

namespace Mailtrail::Ui {

/// What the sessions are doing, in the status bar: "Checking alice: INBOX…", "Sending 2 of
/// 3…", "Downloading a message…", with a progress bar while anything runs.
class ActivityIndicator : public QObject
{
    Q_OBJECT
public:
    ActivityIndicator(
        Sync::AccountSessions &sessions, QStatusBar &statusBar, QObject *parent = nullptr);

    /// A check, a send or a download is running.
    [[nodiscard]] bool isBusy() const;

private:
    void update();
    void showSending();

    Sync::AccountSessions &m_sessions;
    QProgressBar *m_progress;
    QLabel *m_activity;
    int m_sendTotal = 0;
    int m_sendDone = 0;
};

} // namespace Mailtrail::Ui

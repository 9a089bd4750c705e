// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;

namespace Mailtrail::Ui {

/// One running window per profile. A second `mailtrail` started on the same profile (a
/// mailto: link clicked while Mailtrail runs, another launch from the menu) hands its
/// arguments to the running one over a local socket and exits, instead of opening a second
/// window that would check, sync and send from the same database.
///
/// The primary holds a lock file in the profile (QLockFile: a crashed primary's lock is
/// taken over once its process is gone) and listens on a socket inside the profile
/// directory, which only its owner can reach (mode 0700); where that cannot be, on a name
/// in the temporary directory that only the same user can connect to.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role {
        Primary,   ///< this process runs the window; activated() brings later starts' arguments
        Forwarded, ///< the arguments went to the running instance: exit
        Failed,    ///< another instance holds the profile but does not answer: errorString()
    };

    explicit SingleInstance(const QString &profileDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Becomes the primary, or forwards @p arguments to it (waiting up to @p timeoutMs for
    /// a primary that is still starting).
    Role start(const QStringList &arguments, int timeoutMs = 5000);
    [[nodiscard]] QString errorString() const { return m_error; }
    /// The local socket this primary listens on (empty when it could not listen).
    [[nodiscard]] QString serverName() const;

Q_SIGNALS:
    /// In the primary: the arguments of a later start (mailto: URLs; empty: just show).
    void activated(const QStringList &arguments);

private:
    bool listen();
    bool forward(const QStringList &arguments, int timeoutMs);

    QString m_profileDirectory;
    QStringList m_serverNames; ///< where a primary may listen, in order of preference
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
    QString m_error;
};

} // namespace Mailtrail::Ui

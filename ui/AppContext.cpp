// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppContext.h"

#include "tracking/BehaviourSettings.h"

#include <QCoreApplication>
#include <QDir>

namespace Mailtrail::Ui {

QString AppContext::open(const QString &path, Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
    if (const QString error = m_database.open(path); !error.isEmpty())
        return QCoreApplication::translate("AppContext", "Cannot open the mail database %1: %2")
            .arg(path, error);
    // The connection goes to core's stores and models only; nothing here runs SQL.
    const auto db = m_database.connection();
    Tracking::SettingsStore behaviour(db);
    if (!m_profileDirectory.isEmpty()) {
        if (const QString error = behaviour.importIniOnce(QDir(m_profileDirectory).filePath(QStringLiteral("settings.ini")));
            !error.isEmpty())
            return error;
    }
    m_settings.setBehaviour(behaviour.load());
    m_tracking = std::make_unique<Tracking::TrackingStore>(db);
    m_mailbox = std::make_unique<Store::Mailbox>(db);
    m_accounts = std::make_unique<Sync::Accounts>(db);
    m_outbox = std::make_unique<Sync::OutboxQueue>(db);
    m_folders = std::make_unique<Models::FolderModel>(db);
    m_messages = std::make_unique<Models::MessageListModel>(db);
    m_trackingModel = std::make_unique<Models::TrackingModel>(*m_tracking, [this] { return m_clock(); });
    m_trackingModel->setDeadlinePolicy(m_settings.deadlines);
    m_trackingModel->reload();
    if (!m_folders->refresh())
        return QCoreApplication::translate("AppContext", "Cannot read the folders: %1")
            .arg(m_folders->lastError());
    return {};
}

} // namespace Mailtrail::Ui

namespace Mailtrail::Ui {

void AppContext::setProfileDirectory(const QString &dir)
{
    m_profileDirectory = dir;
    if (!dir.isEmpty()) {
        const Tracking::BehaviourSettings behaviour = m_settings.behaviour();
        m_settings = AppSettings::load(QDir(dir).filePath(QStringLiteral("settings.ini")));
        m_settings.setBehaviour(behaviour);
    }
}

QString AppContext::setSettings(const AppSettings &settings)
{
    m_settings = settings;
    if (m_trackingModel) {
        m_trackingModel->setDeadlinePolicy(settings.deadlines);
        m_trackingModel->reload();
    }
    if (m_database.isOpen()) {
        if (const QString error = Tracking::SettingsStore(m_database.connection()).save(settings.behaviour());
            !error.isEmpty())
            return error;
    }
    if (m_profileDirectory.isEmpty())
        return {};
    return settings.save(QDir(m_profileDirectory).filePath(QStringLiteral("settings.ini")));
}

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AppSettings.h"
#include "models/FolderModel.h"
#include "models/MessageListModel.h"
#include "models/TrackingModel.h"
#include "store/Database.h"
#include "store/Mailbox.h"
#include "sync/Accounts.h"
#include "sync/OutboxQueue.h"
#include "tracking/TrackingStore.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace Mailtrail::Ui {

/// Everything the main window shows, built once over one open database: the store, the
/// tracking store and the models. Tests build it over ":memory:" or a temporary file
/// filled with fixture data; the application over Profile::databasePath().
class AppContext
{
public:
    using Clock = std::function<QDateTime()>;

    AppContext() = default;
    AppContext(const AppContext &) = delete;
    AppContext &operator=(const AppContext &) = delete;

    /// Opens (and migrates) the database at @p path and creates the models. Returns an
    /// error in words, empty on success. @p clock defaults to the system clock (UTC).
    [[nodiscard]] QString open(const QString &path, Clock clock = {});

    [[nodiscard]] QString profileDirectory() const { return m_profileDirectory; }
    /// Where settings.ini is read from and written to (empty: settings are not kept).
    void setProfileDirectory(const QString &dir);
    [[nodiscard]] const AppSettings &settings() const { return m_settings; }
    /// Applies @p settings to the models and saves them. Returns an error in words.
    QString setSettings(const AppSettings &settings);

    [[nodiscard]] Store::Database &database() { return m_database; }
    /// The tracking store, for the models and the tests' fixtures; widgets read through
    /// deliveryRecords().
    [[nodiscard]] Tracking::TrackingStore &trackingStore() { return *m_tracking; }
    /// What was sent and what came back, read-only: what the panels and tips ask.
    [[nodiscard]] const Tracking::DeliveryRecords &deliveryRecords() const { return *m_tracking; }
    /// What the window reads of the cache: messages with their folder and account, identities.
    [[nodiscard]] const Store::Mailbox &mailbox() const { return *m_mailbox; }
    /// The accounts as settings: add, edit, remove.
    [[nodiscard]] Sync::Accounts &accounts() { return *m_accounts; }
    /// The outbox as the user sees it: what waits, resend, mark as sent, discard.
    [[nodiscard]] Sync::OutboxQueue &outbox() { return *m_outbox; }
    [[nodiscard]] Models::FolderModel &folderModel() { return *m_folders; }
    [[nodiscard]] Models::MessageListModel &messageModel() { return *m_messages; }
    [[nodiscard]] Models::TrackingModel &trackingModel() { return *m_trackingModel; }
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    [[nodiscard]] bool isOpen() const { return m_trackingModel != nullptr; }

private:
    QString m_profileDirectory;
    AppSettings m_settings;
    Clock m_clock;
    Store::Database m_database;
    std::unique_ptr<Tracking::TrackingStore> m_tracking;
    std::unique_ptr<Store::Mailbox> m_mailbox;
    std::unique_ptr<Sync::Accounts> m_accounts;
    std::unique_ptr<Sync::OutboxQueue> m_outbox;
    std::unique_ptr<Models::FolderModel> m_folders;
    std::unique_ptr<Models::MessageListModel> m_messages;
    std::unique_ptr<Models::TrackingModel> m_trackingModel;
};

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SentElsewhere.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace Mailtrail::Ui {

/// Settings → Accounts, per account: whether mail that another program (a phone, webmail) put
/// into the Sent folder is tracked, and how many days back (issue #18; Sync::SentElsewhere,
/// the same setting as `mailtrail-cli account set --track-sent-elsewhere`). Edits are kept
/// per account until apply().
class SentElsewhereSettingsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit SentElsewhereSettingsEditor(Sync::SentElsewhere store, QWidget *parent = nullptr);

    /// The form label to put before it.
    [[nodiscard]] static QString labelText();
    /// Shows the setting of the account @p name (as edited, or as stored); empty: none.
    void showAccount(const QString &name);
    /// Writes the edited settings that differ from the stored ones. Returns an error in
    /// words, empty on success.
    [[nodiscard]] QString apply();
    /// Drops the edits of a removed account.
    void forget(const QString &name);

    // For tests.
    [[nodiscard]] QCheckBox *enabledBox() const { return m_enabled; }
    [[nodiscard]] QSpinBox *daysBox() const { return m_days; }

private:
    void edited();

    Sync::SentElsewhere m_store;
    QString m_account;
    QHash<QString, Sync::SentElsewhereSettings> m_edits; ///< account name → settings, as edited
    QCheckBox *m_enabled;
    QSpinBox *m_days;
};

} // namespace Mailtrail::Ui

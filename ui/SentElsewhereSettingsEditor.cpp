// SPDX-License-Identifier: GPL-3.0-or-later
#include "SentElsewhereSettingsEditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace Mailtrail::Ui {

SentElsewhereSettingsEditor::SentElsewhereSettingsEditor(Sync::SentElsewhere store, QWidget *parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_enabled(new QCheckBox(tr("&Track it, of the last"), this))
    , m_days(new QSpinBox(this))
{
    setObjectName(QStringLiteral("sentElsewhere"));
    const QString tip = tr("Mail that you sent from a phone or webmail lands in the Sent folder. Mailtrail "
                           "gives it a timeline too: the bounces, read receipts and replies that come back "
                           "for it. No delivery reports were requested for it, and nothing is ever sent.");
    m_enabled->setToolTip(tip);
    m_days->setToolTip(tip);
    m_days->setRange(1, 36500);
    m_days->setSuffix(tr(" days"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enabled);
    layout->addWidget(m_days);
    layout->addStretch();
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        m_days->setEnabled(on);
        edited();
    });
    connect(m_days, &QSpinBox::valueChanged, this, &SentElsewhereSettingsEditor::edited);
    showAccount({});
}

QString SentElsewhereSettingsEditor::labelText()
{
    return tr("Mail sent from other programs:");
}

void SentElsewhereSettingsEditor::showAccount(const QString &name)
{
    m_account = name;
    const Sync::SentElsewhereSettings s
        = m_edits.contains(name) ? m_edits.value(name) : m_store.settings(name);
    const QSignalBlocker blockEnabled(m_enabled);
    const QSignalBlocker blockDays(m_days);
    m_enabled->setChecked(s.enabled);
    m_days->setValue(s.days);
    m_enabled->setEnabled(!name.isEmpty());
    m_days->setEnabled(!name.isEmpty() && s.enabled);
}

void SentElsewhereSettingsEditor::edited()
{
    if (!m_account.isEmpty())
        m_edits.insert(m_account, {m_enabled->isChecked(), m_days->value()});
}

QString SentElsewhereSettingsEditor::apply()
{
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        if (m_store.settings(it.key()) == it.value())
            continue;
        if (!m_store.setSettings(it.key(), it.value()))
            return tr("Cannot save the account %1: %2").arg(it.key(), m_store.lastError());
    }
    m_edits.clear();
    return {};
}

void SentElsewhereSettingsEditor::forget(const QString &name)
{
    m_edits.remove(name);
}

} // namespace Mailtrail::Ui

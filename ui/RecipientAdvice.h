// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/RecipientWarnings.h"

#include <QHash>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QWidget>

#include <functional>

class QAction;
class QTimer;
class QVBoxLayout;

namespace Mailtrail::Tracking {
class DeliveryRecords;
}

namespace Mailtrail::Ui {

class AddressLineEdit;
class ComposerDialog;

/// What the composer's recipient advice asks tracking (issue #18), as functions so that tests
/// can give fixed answers: warnings for addresses (known-bad, domain typo) and the last
/// outcome of one address in words ("delivered 3 days ago", "failed 5.1.1").
struct RecipientKnowledge
{
    std::function<QList<Tracking::RecipientWarning>(const QStringList &addresses)> warnings;
    std::function<QString(const QString &address)> lastOutcome;

    /// Both over the tracking store (no network lookups); @p now is the injected clock.
    static RecipientKnowledge from(const Tracking::DeliveryRecords &store, std::function<QDateTime()> now);
};

/// Shows the last outcome after each address completion: "bob@example.test — delivered 3 days
/// ago" (the completion itself inserts only the address).
class LastOutcomeDelegate : public QStyledItemDelegate
{
public:
    LastOutcomeDelegate(std::function<QString(const QString &)> lastOutcome, QObject *parent);
    /// What the popup shows for the completion @p entry.
    [[nodiscard]] QString textFor(const QString &entry) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::function<QString(const QString &)> m_lastOutcome;
    mutable QHash<QString, QString> m_cache;
};

/// Recipient advice in the composer: marks To/Cc/Bcc fields that hold a known-bad address
/// (a theme-aware colour and an icon whose tooltip says "Failed on 6 Dec 2026: 5.1.1 …"),
/// lists the warnings below the fields with one-click fixes ("Did you mean bob@gmail.com?"
/// → Use it; Remove), shows the last outcome beside each completion, and, when the user
/// sends, asks once per known-bad recipient: Send anyway / Remove this recipient / Cancel.
/// It puts itself into the composer's layout.
class RecipientAdvice : public QWidget
{
    Q_OBJECT
public:
    enum class Choice { SendAnyway, Remove, Cancel };
    /// Asks what to do about @p warning when sending; defaults to a message box.
    using Ask = std::function<Choice(const Tracking::RecipientWarning &warning)>;

    RecipientAdvice(ComposerDialog *composer, RecipientKnowledge knowledge);

    void setAsk(Ask ask) { m_ask = std::move(ask); }
    /// Re-reads the fields now (otherwise shortly after the user stops typing).
    void refresh();
    [[nodiscard]] const QList<Tracking::RecipientWarning> &warnings() const { return m_warnings; }
    /// The composer's send check: false to send nothing.
    bool checkBeforeSend();
    /// Replaces @p address by @p replacement in whichever field has it.
    void replaceRecipient(const QString &address, const QString &replacement);
    void removeRecipient(const QString &address);

    /// The colour known-bad recipients are marked with: red that reads on the palette's base.
    [[nodiscard]] static QColor negativeColor(const QPalette &palette);

private:
    void rebuild();
    void markField(AddressLineEdit *field);

    ComposerDialog *m_composer;
    RecipientKnowledge m_knowledge;
    Ask m_ask;
    QList<Tracking::RecipientWarning> m_warnings;
    QStringList m_answered; ///< known-bad recipients the user chose to send to anyway
    QHash<AddressLineEdit *, QPointer<QAction>> m_marks;
    QTimer *m_timer;
    QVBoxLayout *m_rows;
};

} // namespace Mailtrail::Ui

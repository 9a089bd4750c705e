// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxDialog.h"

#include "AppContext.h"
#include "sync/OutboxQueue.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

namespace {

enum Column
{
    SubjectColumn,
    AccountColumn,
    StateColumn,
    ProblemColumn
};

QString stateText(const Sync::OutboxEntry &e)
{
    switch (e.state) {
    case Sync::OutboxState::Queued:
        if (e.attempts == 0)
            return OutboxDialog::tr("Waiting to be sent");
        return OutboxDialog::tr("Queued: attempt %1 at %2")
            .arg(e.attempts + 1)
            .arg(QLocale().toString(e.nextAttemptAt.toLocalTime(), QLocale::ShortFormat));
    case Sync::OutboxState::Transmitting:
        return OutboxDialog::tr("Being sent");
    case Sync::OutboxState::Uncertain:
        return OutboxDialog::tr("May have been sent");
    case Sync::OutboxState::Failed:
        return OutboxDialog::tr("Refused by the server");
    case Sync::OutboxState::Sent:
        return e.sentCopy == Sync::SentCopyState::Pending
            ? OutboxDialog::tr("Sent; copy to Sent folder pending")
            : OutboxDialog::tr("Sent");
    }
    return {};
}

} // namespace

OutboxDialog::OutboxDialog(AppContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_list(new QTreeWidget(this))
    , m_sendNow(new QPushButton(tr("Send &Now"), this))
    , m_resend(new QPushButton(tr("&Resend"), this))
    , m_editAgain(new QPushButton(tr("&Edit and Send Again…"), this))
    , m_markSent(new QPushButton(tr("&Mark as Sent"), this))
    , m_discard(new QPushButton(tr("&Discard"), this))
{
    setObjectName(QStringLiteral("OutboxDialog"));
    setWindowTitle(tr("Outbox"));
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({ tr("Subject"), tr("Account"), tr("State"), tr("What happened") });
    m_list->header()->setSectionResizeMode(ProblemColumn, QHeaderView::Stretch);
    m_list->header()->resizeSection(SubjectColumn, 220);
    m_list->header()->resizeSection(StateColumn, 200);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &OutboxDialog::updateButtons);

    m_resend->setToolTip(tr(
        "Send this message again. If it did go out the first time, the recipients get it twice."));
    m_editAgain->setObjectName(QStringLiteral("editAgain"));
    m_editAgain->setToolTip(tr("Open the refused message in the composer to correct it and send it again."));
    m_markSent->setToolTip(
        tr("You know it went out (for example the recipient has it): stop asking."));
    m_discard->setToolTip(tr("Remove it from the outbox. Its tracking record stays."));
    connect(m_sendNow, &QPushButton::clicked, this, &OutboxDialog::sendNow);
    connect(m_resend, &QPushButton::clicked, this, &OutboxDialog::resendSelected);
    connect(m_editAgain, &QPushButton::clicked, this, &OutboxDialog::editSelectedAgain);
    connect(m_markSent, &QPushButton::clicked, this, &OutboxDialog::markSelectedSent);
    connect(m_discard, &QPushButton::clicked, this, &OutboxDialog::discardSelected);

    auto *explanation = new QLabel(
        tr("Messages wait here until a server has accepted them. A message that “may have been "
           "sent” lost its "
           "connection while the server was answering: Mailtrail does not resend it on its own."),
        this);
    explanation->setWordWrap(true);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : { m_sendNow, m_resend, m_editAgain, m_markSent, m_discard })
        actions->addWidget(b);
    actions->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    actions->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_list, 1);
    layout->addLayout(actions);
    resize(860, 360);
    reload();
}

void OutboxDialog::reload()
{
    const qint64 keep = selectedId();
    m_list->clear();
    for (const Sync::OutboxEntry &e : m_context.outbox().waiting()) {
        auto *item = new QTreeWidgetItem(m_list,
            { e.subject.isEmpty() ? tr("(no subject)") : e.subject, e.account, stateText(e),
                e.state == Sync::OutboxState::Sent ? e.sentCopyError : e.lastError });
        item->setData(SubjectColumn, Qt::UserRole, e.id);
        item->setData(StateColumn, Qt::UserRole, int(e.state));
        item->setData(AccountColumn, Qt::UserRole, e.sentMessageId);
        item->setToolTip(ProblemColumn, item->text(ProblemColumn));
        if (e.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

qint64 OutboxDialog::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(SubjectColumn, Qt::UserRole).toLongLong() : 0;
}

void OutboxDialog::updateButtons()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const auto state = item ? Sync::OutboxState(item->data(StateColumn, Qt::UserRole).toInt())
                            : Sync::OutboxState::Sent;
    // A message that "may have been sent" can be resent as it is; one the server refused
    // would be refused again: it is edited and sent again instead (one button, not two).
    const bool refused = item && state == Sync::OutboxState::Failed;
    m_resend->setVisible(!refused);
    m_resend->setEnabled(item && state == Sync::OutboxState::Uncertain);
    m_editAgain->setVisible(refused);
    m_editAgain->setEnabled(refused && item->data(AccountColumn, Qt::UserRole).toLongLong() > 0);
    m_markSent->setEnabled(item && state == Sync::OutboxState::Uncertain);
    m_discard->setEnabled(
        item && state != Sync::OutboxState::Transmitting && state != Sync::OutboxState::Sent);
    m_sendNow->setEnabled(m_list->topLevelItemCount() > 0);
}

void OutboxDialog::afterAction(bool ok, const QString &error)
{
    if (!ok)
        QMessageBox::warning(this, tr("Outbox"), error);
    reload();
    Q_EMIT changed();
}

bool OutboxDialog::resendSelected()
{
    Sync::OutboxQueue &outbox = m_context.outbox();
    const qint64 id = selectedId();
    const std::optional<Sync::OutboxEntry> entry = id ? outbox.entry(id) : std::nullopt;
    if (!entry)
        return false;
    const QString error = outbox.resend(id);
    const bool ok = error.isEmpty();
    afterAction(ok, error);
    if (ok)
        Q_EMIT flushRequested(entry->account);
    return ok;
}

bool OutboxDialog::editSelectedAgain()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || Sync::OutboxState(item->data(StateColumn, Qt::UserRole).toInt()) != Sync::OutboxState::Failed)
        return false;
    const qint64 sentMessageId = item->data(AccountColumn, Qt::UserRole).toLongLong();
    if (sentMessageId <= 0)
        return false;
    Q_EMIT editAgainRequested(selectedId(), sentMessageId);
    return true;
}

QString OutboxDialog::discardEntry(AppContext &context, qint64 id)
{
    return context.outbox().discard(id);
}

bool OutboxDialog::markSelectedSent()
{
    const qint64 id = selectedId();
    if (id == 0)
        return false;
    const QString error = m_context.outbox().markSent(id);
    afterAction(error.isEmpty(), error);
    return error.isEmpty();
}

bool OutboxDialog::discardSelected()
{
    const qint64 id = selectedId();
    if (id == 0)
        return false;
    const QString error = m_context.outbox().discard(id);
    afterAction(error.isEmpty(), error);
    return error.isEmpty();
}

void OutboxDialog::sendNow()
{
    QSet<QString> accounts;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        accounts.insert(m_list->topLevelItem(i)->text(AccountColumn));
    for (const QString &account : std::as_const(accounts))
        Q_EMIT flushRequested(account);
}

} // namespace Mailtrail::Ui

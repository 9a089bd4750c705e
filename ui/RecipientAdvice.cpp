// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecipientAdvice.h"

#include "AddressInput.h"
#include "ComposerDialog.h"
#include "StateIcons.h"
#include "tracking/AddressHistory.h"
#include "tracking/Correlator.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

using Tracking::RecipientWarning;

namespace {

QString addressKey(const QString &address)
{
    return Tracking::normalizeAddress(address);
}

} // namespace

LastOutcomeDelegate::LastOutcomeDelegate(std::function<QString(const QString &)> lastOutcome, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_lastOutcome(std::move(lastOutcome))
{
}

QString LastOutcomeDelegate::textFor(const QString &entry) const
{
    const QList<Mime::Mailbox> parsed = parseAddressList(entry);
    if (parsed.size() != 1)
        return entry;
    const QString key = addressKey(parsed.first().address);
    auto it = m_cache.constFind(key);
    if (it == m_cache.cend())
        it = m_cache.insert(key, m_lastOutcome(parsed.first().address));
    if (it->isEmpty())
        return entry;
    return RecipientAdvice::tr("%1 — %2", "address completion: address — last outcome").arg(entry, *it);
}

void LastOutcomeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = textFor(index.data(Qt::DisplayRole).toString());
}

RecipientKnowledge RecipientKnowledge::from(const Tracking::DeliveryRecords &store, std::function<QDateTime()> now)
{
    RecipientKnowledge k;
    k.warnings = [&store](const QStringList &addresses) { return Tracking::recipientWarnings(store, addresses); };
    k.lastOutcome = [&store, now](const QString &address) {
        const QDateTime at = now ? now() : QDateTime::currentDateTimeUtc();
        return Tracking::describeLastOutcome(Tracking::addressHistory(store, address, at), at);
    };
    return k;
}

QColor RecipientAdvice::negativeColor(const QPalette &palette)
{
    // Dark themes get a light red, light themes a dark one: readable on the field's base.
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

RecipientAdvice::RecipientAdvice(ComposerDialog *composer, RecipientKnowledge knowledge)
    : QWidget(composer)
    , m_composer(composer)
    , m_knowledge(std::move(knowledge))
    , m_timer(new QTimer(this))
    , m_rows(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("recipientAdvice"));
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(2);
    hide();
    m_timer->setSingleShot(true);
    m_timer->setInterval(400);
    connect(m_timer, &QTimer::timeout, this, &RecipientAdvice::refresh);
    for (AddressLineEdit *field : {composer->toField(), composer->ccField(), composer->bccField()}) {
        connect(field, &QLineEdit::textChanged, m_timer, qOverload<>(&QTimer::start));
        if (m_knowledge.lastOutcome) {
            QAbstractItemView *popup = field->addressCompleter()->popup();
            popup->setItemDelegate(new LastOutcomeDelegate(m_knowledge.lastOutcome, popup));
        }
    }
    // Below the address fields and the tracking toggles.
    if (auto *layout = qobject_cast<QVBoxLayout *>(composer->layout()))
        layout->insertWidget(2, this);
    composer->setSendCheck([this] { return checkBeforeSend(); });
    m_ask = [this](const RecipientWarning &w) {
        QMessageBox box(QMessageBox::Warning, tr("Recipient failed before"),
                        tr("Mail to %1 failed before and nothing has been delivered there since.\n\n%2")
                            .arg(w.address, w.description),
                        QMessageBox::NoButton, m_composer);
        QPushButton *send = box.addButton(tr("Send Anyway"), QMessageBox::AcceptRole);
        QPushButton *remove = box.addButton(tr("Remove This Recipient"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(remove);
        box.exec();
        if (box.clickedButton() == send)
            return Choice::SendAnyway;
        if (box.clickedButton() == remove)
            return Choice::Remove;
        return Choice::Cancel;
    };
}

void RecipientAdvice::refresh()
{
    m_timer->stop();
    QStringList addresses;
    for (AddressLineEdit *field : {m_composer->toField(), m_composer->ccField(), m_composer->bccField()}) {
        for (const Mime::Mailbox &m : parseAddressList(field->text()))
            addresses.append(m.address);
    }
    m_warnings = m_knowledge.warnings && !addresses.isEmpty() ? m_knowledge.warnings(addresses)
                                                              : QList<RecipientWarning>{};
    rebuild();
}

void RecipientAdvice::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const RecipientWarning &w : std::as_const(m_warnings)) {
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(4, 0, 4, 0);
        auto *icon = new QLabel(row);
        auto *text = new QLabel(row);
        text->setWordWrap(true);
        auto *button = new QPushButton(row);
        if (w.kind == RecipientWarning::Kind::FailedBefore) {
            icon->setPixmap(stateIcon(Tracking::DeliveryState::Failed).pixmap(16, 16));
            text->setText(tr("%1: %2").arg(w.address, w.description));
            QPalette p = text->palette();
            p.setColor(QPalette::WindowText, negativeColor(palette()));
            text->setPalette(p);
            button->setText(tr("Remove"));
            button->setObjectName(QStringLiteral("removeRecipient"));
            connect(button, &QPushButton::clicked, this, [this, address = w.address] { removeRecipient(address); });
        } else {
            icon->setPixmap(stateIcon(Tracking::DeliveryState::Delayed).pixmap(16, 16));
            text->setText(tr("%1: did you mean %2?").arg(w.address, w.suggestion));
            button->setText(tr("Use %1").arg(w.suggestion));
            button->setObjectName(QStringLiteral("fixTypo"));
            connect(button, &QPushButton::clicked, this,
                    [this, address = w.address, suggestion = w.suggestion] { replaceRecipient(address, suggestion); });
        }
        text->setToolTip(w.description);
        h->addWidget(icon);
        h->addWidget(text, 1);
        h->addWidget(button);
        m_rows->addWidget(row);
    }
    setVisible(!m_warnings.isEmpty());
    for (AddressLineEdit *field : {m_composer->toField(), m_composer->ccField(), m_composer->bccField()})
        markField(field);
}

void RecipientAdvice::markField(AddressLineEdit *field)
{
    QStringList bad;
    QSet<QString> inField;
    for (const Mime::Mailbox &m : parseAddressList(field->text()))
        inField.insert(addressKey(m.address));
    for (const RecipientWarning &w : std::as_const(m_warnings)) {
        if (w.kind == RecipientWarning::Kind::FailedBefore && inField.contains(addressKey(w.address)))
            bad.append(w.description.isEmpty() ? w.address : tr("%1: %2").arg(w.address, w.description));
    }
    QPointer<QAction> &mark = m_marks[field];
    QPalette p = field->palette();
    if (bad.isEmpty()) {
        delete mark;
        p.setColor(QPalette::Text, QPalette().color(QPalette::Text));
        field->setPalette(p);
        field->setProperty("knownBad", false);
        return;
    }
    if (!mark) {
        mark = field->addAction(stateIcon(Tracking::DeliveryState::Failed), QLineEdit::TrailingPosition);
        mark->setObjectName(QStringLiteral("knownBadMark"));
    }
    mark->setToolTip(bad.join(QLatin1Char('\n')));
    p.setColor(QPalette::Text, negativeColor(p));
    field->setPalette(p);
    field->setProperty("knownBad", true);
    field->setToolTip(bad.join(QLatin1Char('\n')));
}

bool RecipientAdvice::checkBeforeSend()
{
    refresh();
    const QList<RecipientWarning> warnings = m_warnings;
    for (const RecipientWarning &w : warnings) {
        if (w.kind != RecipientWarning::Kind::FailedBefore || m_answered.contains(addressKey(w.address)))
            continue;
        switch (m_ask(w)) {
        case Choice::SendAnyway:
            m_answered.append(addressKey(w.address));
            break;
        case Choice::Remove:
            removeRecipient(w.address);
            break;
        case Choice::Cancel:
            return false;
        }
    }
    return true;
}

void RecipientAdvice::replaceRecipient(const QString &address, const QString &replacement)
{
    const QString key = addressKey(address);
    for (AddressLineEdit *field : {m_composer->toField(), m_composer->ccField(), m_composer->bccField()}) {
        QList<Mime::Mailbox> list = parseAddressList(field->text());
        bool changed = false;
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            if (addressKey(list.at(i).address) != key)
                continue;
            if (replacement.isEmpty())
                list.removeAt(i);
            else
                list[i].address = replacement;
            changed = true;
        }
        if (changed)
            field->setText(formatAddressList(list));
    }
    refresh();
}

void RecipientAdvice::removeRecipient(const QString &address)
{
    replaceRecipient(address, QString());
}

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddressInput.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QMouseEvent>
#include <QWindow>
#include <QHash>
#include <QStringListModel>

#include <algorithm>

namespace Mailtrail::Ui {

namespace {

QStringList splitEntries(const QString &text)
{
    QStringList out;
    QString current;
    bool quoted = false;
    int angle = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('<'))
            ++angle;
        else if (!quoted && c == QLatin1Char('>') && angle > 0)
            --angle;
        if (!quoted && angle == 0 && (c == QLatin1Char(',') || c == QLatin1Char(';'))) {
            out << current;
            current.clear();
            continue;
        }
        current += c;
    }
    out << current;
    return out;
}

bool looksLikeAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at > 0 && at < address.size() - 1 && !address.contains(QLatin1Char(' '))
        && !address.contains(QLatin1Char('<')) && !address.contains(QLatin1Char('>'));
}

} // namespace

QList<Mime::Mailbox> parseAddressList(const QString &text, QString *error)
{
    QList<Mime::Mailbox> out;
    for (QString entry : splitEntries(text)) {
        entry = entry.trimmed();
        if (entry.isEmpty())
            continue;
        Mime::Mailbox mailbox;
        const qsizetype open = entry.lastIndexOf(QLatin1Char('<'));
        const qsizetype close = entry.lastIndexOf(QLatin1Char('>'));
        if (open >= 0 && close > open) {
            mailbox.address = entry.mid(open + 1, close - open - 1).trimmed();
            QString name = entry.left(open).trimmed();
            if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
                name = name.mid(1, name.size() - 2);
            mailbox.name = name;
        } else {
            mailbox.address = entry;
        }
        if (mailbox.address.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            mailbox.address.remove(0, 7);
        if (!looksLikeAddress(mailbox.address)) {
            if (error && error->isEmpty())
                *error = entry;
            continue;
        }
        out.append(mailbox);
    }
    return out;
}

QString formatAddressList(const QList<Mime::Mailbox> &list)
{
    QStringList out;
    for (const Mime::Mailbox &m : list) {
        if (m.name.isEmpty())
            out << m.address;
        else if (m.name.contains(QLatin1Char(',')) || m.name.contains(QLatin1Char(';')))
            out << QStringLiteral("\"%1\" <%2>").arg(m.name, m.address);
        else
            out << QStringLiteral("%1 <%2>").arg(m.name, m.address);
    }
    return out.join(QStringLiteral(", "));
}

AddressLineEdit::AddressLineEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
{
    m_completer->setModel(new QStringListModel(m_completer));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    connect(this, &QLineEdit::textEdited, this, &AddressLineEdit::updateCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &AddressLineEdit::insertCompletion);
    // A click outside the open popup closes it and still does what it was aimed at (Send,
    // another field): see eventFilter(). Installed after QCompleter's own filter, so it runs
    // first; Qt's own replay (posted, so it can come after the release) is turned off.
    m_completer->popup()->setAttribute(Qt::WA_NoMouseReplay);
    m_completer->popup()->installEventFilter(this);
}

bool AddressLineEdit::eventFilter(QObject *watched, QEvent *event)
{
    QWidget *popup = m_completer->popup();
    if (watched != popup || event->type() != QEvent::MouseButtonPress)
        return QLineEdit::eventFilter(watched, event);
    const auto *mouse = static_cast<QMouseEvent *>(event);
    if (popup->rect().contains(mouse->position().toPoint()))
        return false; // a click on a suggestion: QCompleter's
    const QPoint global = mouse->globalPosition().toPoint();
    popup->hide();
    // The press goes to the widget it was aimed at, in this window, now, through the window
    // (so that the release that follows goes to the same widget and makes a click).
    QWidget *target = QApplication::widgetAt(global);
    QWindow *handle = window()->windowHandle();
    if (target && handle && target->window() == window()) {
        QMouseEvent press(QEvent::MouseButtonPress, handle->mapFromGlobal(global), global, mouse->button(),
                          mouse->buttons(), mouse->modifiers(), mouse->pointingDevice());
        QCoreApplication::sendEvent(handle, &press);
    }
    return true;
}

void AddressLineEdit::setKnownAddresses(const QStringList &addresses)
{
    static_cast<QStringListModel *>(m_completer->model())->setStringList(addresses);
}

void AddressLineEdit::updateCompletion(const QString &text)
{
    const QString entry = splitEntries(text.left(cursorPosition())).constLast().trimmed();
    if (entry.size() < 1) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(entry);
    if (m_completer->completionCount() > 0)
        m_completer->complete();
    else
        m_completer->popup()->hide();
}

void AddressLineEdit::insertCompletion(const QString &completion)
{
    QStringList entries = splitEntries(text());
    entries.removeLast();
    QStringList kept;
    for (const QString &e : entries) {
        if (!e.trimmed().isEmpty())
            kept << e.trimmed();
    }
    kept << completion;
    setText(kept.join(QStringLiteral(", ")) + QStringLiteral(", "));
}

} // namespace Mailtrail::Ui

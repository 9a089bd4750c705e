// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace Mailtrail::Ui {

PasswordBar::PasswordBar(const QString &account, const QString &reason, QWidget *parent)
    : QFrame(parent)
    , m_account(account)
    , m_text(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_connect(new QPushButton(tr("&Connect"), this))
{
    setObjectName(QStringLiteral("passwordBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#passwordBar { background: #fff4d6; border: 1px solid #e6c36a; border-radius: 4px; }"));
    m_text->setObjectName(QStringLiteral("passwordBarText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setText(tr("%1 Enter the password of %2 to connect again:").arg(reason, account));
    m_password->setObjectName(QStringLiteral("passwordBarField"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password of %1").arg(account));
    m_password->setMinimumWidth(180);
    m_connect->setEnabled(false);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close"));
    close->setAccessibleName(tr("Close"));

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_password);
    layout->addWidget(m_connect);
    layout->addWidget(close);

    connect(m_password, &QLineEdit::textChanged, this, [this](const QString &text) { m_connect->setEnabled(!text.isEmpty()); });
    const auto submit = [this] {
        if (m_password->text().isEmpty())
            return;
        Q_EMIT passwordEntered(m_account, m_password->text());
        m_password->clear();
        setProperty("closing", true);
        deleteLater();
    };
    connect(m_connect, &QPushButton::clicked, this, submit);
    connect(m_password, &QLineEdit::returnPressed, this, submit);
    connect(close, &QToolButton::clicked, this, [this] {
        setProperty("closing", true);
        deleteLater();
    });
}

} // namespace Mailtrail::Ui

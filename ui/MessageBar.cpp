// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Mailtrail::Ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(close);
    hide();
}

void MessageBar::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    m_text->setText(text);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, kind == Kind::Error     ? QColor(0xfd, 0xe2, 0xe1)
                                       : kind == Kind::Warning ? QColor(0xff, 0xf4, 0xce)
                                                               : QColor(0xe3, 0xf0, 0xfb));
    palette.setColor(QPalette::WindowText, Qt::black);
    setPalette(palette);
    show();
}

QString MessageBar::text() const
{
    return m_text->text();
}

} // namespace Mailtrail::Ui

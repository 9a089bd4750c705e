// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageViewer.h"

#include "SafeTextBrowser.h"
#include "ThemeIcons.h"
#include "mime/HtmlSanitizer.h"
#include "mime/MessageReader.h"

#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTemporaryDir>
#include <QUrl>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

namespace {

QFrame *makeBar(QWidget *parent, const QString &name, const QColor &color)
{
    auto *bar = new QFrame(parent);
    bar->setObjectName(name);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    QPalette palette = bar->palette();
    palette.setColor(QPalette::Window, color);
    bar->setPalette(palette);
    bar->hide();
    return bar;
}

QString mailboxes(const QList<Mime::Mailbox> &list)
{
    QStringList out;
    for (const Mime::Mailbox &m : list)
        out << m.toDisplayString();
    return out.join(QStringLiteral(", "));
}

QStringList addresses(const QList<Mime::Mailbox> &list)
{
    QStringList out;
    for (const Mime::Mailbox &m : list)
        out << m.address;
    return out;
}

} // namespace

MessageViewer::MessageViewer(QWidget *parent)
    : QWidget(parent)
    , m_headers(new QLabel(this))
    , m_remoteBar(makeBar(this, QStringLiteral("remoteBar"), QColor(0xff, 0xf4, 0xce)))
    , m_remoteText(new QLabel(m_remoteBar))
    , m_receiptBar(makeBar(this, QStringLiteral("receiptBar"), QColor(0xe3, 0xf0, 0xfb)))
    , m_receiptText(new QLabel(m_receiptBar))
    , m_body(new SafeTextBrowser(this))
    , m_attachments(new QListWidget(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_save(new QPushButton(tr("Save &As…"), this))
{
    m_headers->setObjectName(QStringLiteral("messageHeaders"));
    m_headers->setTextFormat(Qt::RichText);
    m_headers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setWordWrap(true);
    m_body->setObjectName(QStringLiteral("messageBody"));
    connect(m_body, &SafeTextBrowser::linkActivated, this, &MessageViewer::linkActivated);

    auto *remoteLayout = new QHBoxLayout(m_remoteBar);
    remoteLayout->setContentsMargins(8, 4, 8, 4);
    remoteLayout->addWidget(m_remoteText, 1);
    auto *load = new QPushButton(tr("&Load"), m_remoteBar);
    load->setObjectName(QStringLiteral("loadRemote"));
    remoteLayout->addWidget(load);
    connect(load, &QPushButton::clicked, this, &MessageViewer::loadRemoteContent);

    auto *receiptLayout = new QHBoxLayout(m_receiptBar);
    receiptLayout->setContentsMargins(8, 4, 8, 4);
    m_receiptText->setWordWrap(true);
    receiptLayout->addWidget(m_receiptText, 1);
    auto *send = new QPushButton(tr("Send receipt"), m_receiptBar);
    send->setObjectName(QStringLiteral("sendReceipt"));
    auto *ignore = new QPushButton(tr("Ignore"), m_receiptBar);
    ignore->setObjectName(QStringLiteral("ignoreReceipt"));
    receiptLayout->addWidget(send);
    receiptLayout->addWidget(ignore);
    connect(send, &QPushButton::clicked, this, [this] {
        m_receiptBar->hide();
        if (m_message)
            Q_EMIT readReceiptRequested(m_message->headers.messageId, m_receipt.sendTo, false);
    });
    connect(ignore, &QPushButton::clicked, this, [this] {
        m_receiptBar->hide();
        if (m_message)
            Q_EMIT readReceiptIgnored(m_message->headers.messageId);
    });

    m_attachments->setObjectName(QStringLiteral("attachments"));
    m_attachments->setFlow(QListView::LeftToRight);
    m_attachments->setMaximumHeight(56);
    m_open->setEnabled(false);
    m_save->setEnabled(false);
    connect(m_attachments, &QListWidget::currentRowChanged, this, [this](int row) {
        m_open->setEnabled(row >= 0);
        m_save->setEnabled(row >= 0);
    });
    connect(m_attachments, &QListWidget::itemActivated, this, &MessageViewer::openAttachment);
    connect(m_open, &QPushButton::clicked, this, &MessageViewer::openAttachment);
    connect(m_save, &QPushButton::clicked, this, &MessageViewer::askSaveAttachment);
    auto *attachmentRow = new QWidget(this);
    attachmentRow->setObjectName(QStringLiteral("attachmentRow"));
    auto *attachmentLayout = new QHBoxLayout(attachmentRow);
    attachmentLayout->setContentsMargins(0, 0, 0, 0);
    attachmentLayout->addWidget(m_attachments, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    attachmentLayout->addLayout(buttons);
    attachmentRow->hide();

    m_reportLink = new QLabel(this);
    m_reportLink->setObjectName(QStringLiteral("reportLink"));
    m_reportLink->setTextFormat(Qt::RichText);
    m_reportLink->setStyleSheet(QStringLiteral("QLabel { background: #e8f0fe; padding: 4px; }"));
    m_reportLink->hide();
    connect(m_reportLink, &QLabel::linkActivated, this, &MessageViewer::reportTrackingRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reportLink);
    layout->addWidget(m_headers);
    layout->addWidget(m_receiptBar);
    layout->addWidget(m_remoteBar);
    layout->addWidget(m_body, 1);
    layout->addWidget(attachmentRow);
    showPlaceholder(tr("No message selected."));
}

MessageViewer::~MessageViewer() = default;

void MessageViewer::setReportLink(const QString &subjectOfSent, bool readReceipt)
{
    if (subjectOfSent.isNull()) {
        m_reportLink->hide();
        return;
    }
    const QString subject = Mime::HtmlSanitizer::escape(subjectOfSent.isEmpty() ? tr("(no subject)") : subjectOfSent);
    const QString text = readReceipt ? tr("Read receipt for “%1”").arg(subject)
                                     : tr("Delivery report for “%1”").arg(subject);
    m_reportLink->setText(QStringLiteral("%1 → <a href=\"tracking:\">%2</a>").arg(text, tr("show tracking")));
    m_reportLink->show();
}

void MessageViewer::setReceiptContext(const Tracking::ReadReceiptPolicy &policy,
                                      const Tracking::ReceiptIdentity &me)
{
    m_policy = policy;
    m_me = me;
}

void MessageViewer::showPlaceholder(const QString &text)
{
    m_message.reset();
    m_attachmentParts.clear();
    m_headers->hide();
    m_reportLink->hide();
    m_remoteBar->hide();
    m_receiptBar->hide();
    m_attachments->clear();
    m_attachments->parentWidget()->hide();
    m_body->clear();
    m_body->setHtml(QStringLiteral("<p align=center style='color:gray'>%1</p>")
                        .arg(Mime::HtmlSanitizer::escape(text)));
}

void MessageViewer::setMessage(const QByteArray &raw, const QByteArrayList &flags)
{
    m_message = std::make_unique<Mime::ParsedMessage>(Mime::MessageReader::parse(raw));
    m_remoteAllowedForMessage = m_alwaysAllowRemote;
    m_reportLink->hide();
    m_headers->setText(headerHtml());
    m_headers->show();

    m_attachments->clear();
    m_attachmentParts = m_message->attachments();
    for (const Mime::MessagePart *part : m_attachmentParts) {
        const QString name = part->fileName.isEmpty() ? tr("(unnamed %1)").arg(QString::fromLatin1(part->contentType))
                                                      : part->fileName;
        auto *item = new QListWidgetItem(themeIcon(QStringLiteral("text-x-generic")),
                                         tr("%1 (%2)").arg(name, QLocale().formattedDataSize(part->size, 0)),
                                         m_attachments);
        item->setToolTip(QString::fromLatin1(part->contentType));
    }
    m_attachments->parentWidget()->setVisible(!m_attachmentParts.isEmpty());
    render();
    updateReceiptBar(flags);
}

void MessageViewer::loadRemoteContent()
{
    if (!m_message)
        return;
    m_remoteAllowedForMessage = true;
    render();
}

void MessageViewer::render()
{
    const Mime::DisplayContent content = Mime::renderForDisplay(*m_message, Mime::BodyPreference::Html,
                                                                m_remoteAllowedForMessage);
    m_body->setRemoteAllowed(m_remoteAllowedForMessage);
    m_body->clearRefused();
    m_body->document()->clear();
    m_body->setHtml(content.html);
    if (content.blockedRemoteCount > 0 && !m_remoteAllowedForMessage) {
        m_remoteText->setText(tr("To protect your privacy, %n remote image(s) or style(s) were not loaded.",
                                 nullptr, int(content.blockedRemoteCount)));
        m_remoteBar->show();
    } else {
        m_remoteBar->hide();
    }
}

void MessageViewer::updateReceiptBar(const QByteArrayList &flags)
{
    Tracking::ReceiptRequest request;
    const Mime::MessageHeaders &h = m_message->headers;
    request.notificationTo = addresses(h.dispositionNotificationTo);
    QString returnPath = h.value("Return-Path").trimmed();
    if (returnPath.startsWith(QLatin1Char('<')) && returnPath.endsWith(QLatin1Char('>')))
        returnPath = returnPath.mid(1, returnPath.size() - 2);
    request.returnPath = returnPath;
    request.to = addresses(h.to);
    request.cc = addresses(h.cc);
    request.options = h.value("Disposition-Notification-Options");
    request.isReport = m_message->root.contentType == "multipart/report";
    request.mdnSent = flags.contains("$MDNSent");
    m_receipt = Tracking::decideReadReceipt(request, m_policy, m_me);
    // My own mail (a Sent copy) asks others for a receipt, not me.
    for (const Mime::Mailbox &from : h.from) {
        if (m_me.addresses.contains(from.address, Qt::CaseInsensitive))
            m_receipt = {};
    }
    switch (m_receipt.action) {
    case Tracking::ReceiptAction::None:
        m_receiptBar->hide();
        break;
    case Tracking::ReceiptAction::Ask:
        m_receiptText->setText(tr("The sender asks to be told when you have read this message.")
                               + QLatin1Char(' ') + m_receipt.reason);
        m_receiptBar->show();
        break;
    case Tracking::ReceiptAction::SendAutomatic:
        m_receiptBar->hide();
        Q_EMIT readReceiptRequested(h.messageId, m_receipt.sendTo, true);
        break;
    }
}

QString MessageViewer::headerHtml() const
{
    const Mime::MessageHeaders &h = m_message->headers;
    auto row = [](const QString &name, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td style='color:gray;padding-right:8px'>%1</td><td>%2</td></tr>")
                                     .arg(Mime::HtmlSanitizer::escape(name), Mime::HtmlSanitizer::escape(value));
    };
    const QString subject = h.subject.isEmpty() ? tr("(no subject)") : h.subject;
    return QStringLiteral("<b style='font-size:large'>%1</b><table>%2%3%4%5</table>")
        .arg(Mime::HtmlSanitizer::escape(subject),
             row(tr("From:"), mailboxes(h.from)),
             row(tr("To:"), mailboxes(h.to)),
             row(tr("Cc:"), mailboxes(h.cc)),
             row(tr("Date:"), h.date.isValid() ? QLocale().toString(h.date.toLocalTime(), QLocale::LongFormat) : QString()));
}

QString MessageViewer::saveAttachment(int index, const QString &path) const
{
    if (index < 0 || index >= m_attachmentParts.size())
        return tr("There is no such attachment.");
    const Mime::MessagePart *part = m_attachmentParts.at(index);
    QByteArray bytes = part->content;
    if (part->embedded)
        bytes = part->embedded->raw;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void MessageViewer::openAttachment()
{
    const int index = m_attachments->currentRow();
    if (index < 0)
        return;
    if (!m_openDir)
        m_openDir = std::make_unique<QTemporaryDir>();
    const Mime::MessagePart *part = m_attachmentParts.at(index);
    const QString name = part->fileName.isEmpty() ? QStringLiteral("attachment-%1").arg(index) : part->fileName;
    const QString path = m_openDir->filePath(name);
    if (const QString error = saveAttachment(index, path); !error.isEmpty()) {
        Q_EMIT errorOccurred(error);
        return;
    }
    QFile::setPermissions(path, QFile::ReadOwner);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        Q_EMIT errorOccurred(tr("No application is set up to open %1.").arg(name));
}

void MessageViewer::askSaveAttachment()
{
    const int index = m_attachments->currentRow();
    if (index < 0)
        return;
    const QString suggested = m_attachmentParts.at(index)->fileName;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Attachment"), suggested);
    if (path.isEmpty())
        return;
    if (const QString error = saveAttachment(index, path); !error.isEmpty())
        Q_EMIT errorOccurred(error);
}

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryPanel.h"

#include "MessageRecipientsProxy.h"
#include "StateDecorationProxy.h"
#include "ProofPdf.h"
#include "StateIcons.h"
#include "models/Roles.h"
#include "models/TrackingModel.h"
#include "tracking/Evidence.h"
#include "tracking/ProofOfDelivery.h"
#include "tracking/DeliveryRecords.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

using Models::TrackingModel;
using namespace Mailtrail::Tracking;

namespace {

/// The proof's one time format (seconds and zone, the same in every language).
QString localTime(const QDateTime &time)
{
    return Tracking::proofTime(time);
}

/// The recipients' "Updated" in the same format as the timeline (seconds and zone, in every
/// language), not the locale's short format.
class ProofTimeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (value.typeId() == QMetaType::QDateTime)
            return Tracking::proofTime(value.toDateTime());
        return QStyledItemDelegate::displayText(value, locale);
    }
};

/// RFC 4180 field quoting.
QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

DeliveryPanel::DeliveryPanel(TrackingModel *model, const DeliveryRecords *store, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_store(store)
    , m_recipientRows(new MessageRecipientsProxy(model, this))
    , m_proxy(new StateDecorationProxy(TrackingModel::StateColumn, this))
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_recipients(new QTreeView(this))
    , m_timeline(new QTreeWidget(this))
    , m_showReport(new QPushButton(tr("Show &report"), this))
    , m_confirm(new QPushButton(tr("Con&firm"), this))
    , m_resend(new QPushButton(tr("Re&send to Failed Recipients…"), this))
    , m_exportCsv(new QPushButton(tr("Export &CSV…"), this))
    , m_exportPdf(new QPushButton(tr("Export &PDF…"), this))
{
    setObjectName(QStringLiteral("DeliveryPanel"));
    m_proxy->setSourceModel(m_recipientRows);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setWordWrap(true);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4d6; color: #5c4400; border: 1px solid #e6c36a; "
        "border-radius: 4px; padding: 6px; }"));
    m_warning->hide();
    m_notice->setObjectName(QStringLiteral("exportNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setStyleSheet(QStringLiteral(
        "QLabel { background: #e3f1e3; color: #1e4620; border: 1px solid #9cc79c; "
        "border-radius: 4px; padding: 6px; }"));
    m_notice->hide();

    m_recipients->setModel(m_proxy);
    m_recipients->setRootIsDecorated(false);
    m_recipients->setUniformRowHeights(true);
    m_recipients->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recipients->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recipients->setAlternatingRowColors(true);
    m_recipients->header()->setStretchLastSection(true);
    m_recipients->header()->setSectionResizeMode(TrackingModel::SubjectOrAddressColumn,
                                                 QHeaderView::ResizeToContents);
    m_recipients->header()->setSectionResizeMode(TrackingModel::StateColumn,
                                                 QHeaderView::ResizeToContents);
    m_recipients->header()->setSectionResizeMode(TrackingModel::UpdatedColumn,
                                                 QHeaderView::ResizeToContents);
    m_recipients->setAccessibleName(tr("Recipients"));
    m_recipients->setItemDelegateForColumn(TrackingModel::UpdatedColumn, new ProofTimeDelegate(m_recipients));

    m_timeline->setColumnCount(3);
    m_timeline->setHeaderLabels({tr("Time"), tr("What happened"), tr("Evidence")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->setWordWrap(true);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_timeline->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_timeline->header()->setStretchLastSection(false);

    auto *unmatched = new QPushButton(tr("&Unmatched reports…"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showReport);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_resend);
    buttons->addStretch();
    buttons->addWidget(unmatched);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportPdf);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_recipients);
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_warning);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_notice);

    connect(m_recipients->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeliveryPanel::updateTimeline);
    connect(m_timeline, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QTreeWidgetItem *item = m_timeline->currentItem();
        m_showReport->setEnabled(item && item->data(0, Qt::UserRole).toLongLong() > 0);
        m_confirm->setEnabled(item && item->data(1, Qt::UserRole).toLongLong() > 0);
    });
    m_confirm->setToolTip(tr("Confirm that the selected possible report is about this message, "
                             "so that it decides the recipient's state."));
    m_confirm->setEnabled(false);
    connect(m_confirm, &QPushButton::clicked, this, &DeliveryPanel::confirmSelected);
    m_resend->setObjectName(QStringLiteral("resendToFailed"));
    m_resend->setToolTip(tr("Open the message again in the composer, addressed to the recipients it did "
                            "not reach, as a new message with its own tracking."));
    connect(m_resend, &QPushButton::clicked, this, [this] {
        if (m_sentMessageId > 0)
            Q_EMIT resendToFailedRequested(m_sentMessageId);
    });
    connect(m_timeline, &QTreeWidget::itemActivated, this, &DeliveryPanel::showReport);
    connect(m_showReport, &QPushButton::clicked, this, &DeliveryPanel::showReport);
    connect(m_exportCsv, &QPushButton::clicked, this, &DeliveryPanel::askExportCsv);
    connect(m_exportPdf, &QPushButton::clicked, this, &DeliveryPanel::askExportPdf);
    connect(unmatched, &QPushButton::clicked, this, &DeliveryPanel::unmatchedReportsRequested);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { setSentMessage(m_sentMessageId); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateHeader();
        updateTimeline();
    });

    setSentMessage(0);
}

void DeliveryPanel::setSentMessage(qint64 sentMessageId)
{
    if (sentMessageId != m_sentMessageId)
        m_notice->hide();
    m_sentMessageId = sentMessageId;
    // The view lists this message's recipients and nothing else (MessageRecipientsProxy).
    m_recipientRows->setSentMessage(sentMessageId);
    const QModelIndex source = m_recipientRows->messageIndex();
    m_recipients->setEnabled(source.isValid());
    m_exportCsv->setEnabled(source.isValid());
    m_exportPdf->setEnabled(source.isValid());
    updateHeader();
    if (source.isValid() && m_model->rowCount(source) > 0)
        selectRecipient(0);
    else
        updateTimeline();
}

void DeliveryPanel::selectRecipient(int row)
{
    const QModelIndex index = m_proxy->index(row, 0, m_recipients->rootIndex());
    m_recipients->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void DeliveryPanel::updateHeader()
{
    const QModelIndex message = m_model->indexForSentMessage(m_sentMessageId);
    // Resend: only when a recipient failed or was rejected.
    bool anyFailed = false;
    for (int r = 0; message.isValid() && r < m_model->rowCount(message) && !anyFailed; ++r)
        anyFailed = isFailure(DeliveryState(m_model->index(r, 0, message).data(Models::StateRole).toInt()));
    m_resend->setEnabled(message.isValid() && anyFailed);
    if (!message.isValid()) {
        m_title->setText(tr("No sent message selected"));
        m_meta->setText(tr("Select a message you sent to see what happened to it."));
        m_warning->hide();
        return;
    }
    m_title->setText(message.data(Qt::DisplayRole).toString());
    const auto worst = DeliveryState(message.data(Models::StateRole).toInt());
    // Refused by the outgoing server for every recipient: it never left, so "Not sent"; the
    // server's words are in the timeline (once), not repeated here.
    const int recipients = m_model->rowCount(message);
    bool refused = recipients > 0;
    for (int row = 0; row < recipients && refused; ++row)
        refused = DeliveryState(m_model->index(row, 0, message).data(Models::StateRole).toInt()) == DeliveryState::Rejected;
    const auto tracked = m_store->message(m_sentMessageId);
    const QDateTime sentAt = !tracked ? QDateTime()
        : tracked->submittedAt.isValid() ? tracked->submittedAt
                                         : tracked->createdAt;
    if (refused)
        m_meta->setText(tr("Not sent: the outgoing mail server refused it · Message-ID <%1>")
                            .arg(message.data(Models::MessageIdHeaderRole).toString()));
    else
        m_meta->setText(tr("Sent %1 · %2 · Message-ID <%3>")
                            .arg(localTime(sentAt), message.data(Models::DetailRole).toString(),
                                 message.data(Models::MessageIdHeaderRole).toString()));
    // Issue #18: where the message came from and its resends, linked both ways.
    if (tracked) {
        QStringList lines{m_meta->text()};
        if (tracked->origin == Tracking::kOriginElsewhere)
            lines << tr("Sent from another program; no delivery reports were requested.");
        if (tracked->resendOf > 0) {
            if (const auto original = m_store->message(tracked->resendOf))
                lines << tr("Resend of <%1> from %2").arg(original->messageId, localTime(original->createdAt));
        }
        for (qint64 id : tracked->resentAs) {
            if (const auto resent = m_store->message(id))
                lines << tr("Resent as <%1> on %2").arg(resent->messageId, localTime(resent->createdAt));
        }
        m_meta->setText(lines.join(QLatin1Char('\n')));
    }
    m_title->setToolTip(stateLabel(worst));
    const bool noDsn = message.data(Models::DsnUnsupportedRole).toBool();
    m_warning->setText(tr("The outgoing server did not support delivery reports (DSN) for this "
                          "message. Mailtrail can still show failures that come back as bounces "
                          "and read receipts, but it cannot prove delivery."));
    m_warning->setVisible(noDsn);
}

void DeliveryPanel::updateTimeline()
{
    m_timeline->clear();
    const QModelIndex current = m_recipients->currentIndex();
    m_showReport->setEnabled(false);
    m_confirm->setEnabled(false);
    if (!current.isValid() || current.parent() != m_recipients->rootIndex())
        return;
    const QModelIndex source = m_proxy->mapToSource(current.siblingAtColumn(0));
    const QVariantList events = source.data(Models::EventsRole).toList();
    for (const QVariant &value : events) {
        const QVariantMap e = value.toMap();
        EvidenceKind kind = EvidenceKind::Queued;
        if (!kindFromName(e.value(QStringLiteral("kind")).toString(), &kind))
            continue;
        auto *item = new QTreeWidgetItem(m_timeline);
        // When Mailtrail got it (its own clock, the order of the timeline); the reporting
        // server's date is added below when it differs.
        const QDateTime receivedAt = e.value(QStringLiteral("received")).toDateTime();
        item->setText(0, localTime(receivedAt.isValid() ? receivedAt
                                                        : e.value(QStringLiteral("time")).toDateTime()));
        QString detail = e.value(QStringLiteral("detail")).toString();
        const QString diagnostic = e.value(QStringLiteral("diagnostic")).toString();
        if (!diagnostic.isEmpty() && !detail.contains(diagnostic))
            detail += QLatin1Char('\n') + tr("Server said: %1").arg(diagnostic);
        const QString reporter = e.value(QStringLiteral("reporting_mta")).toString();
        if (kind >= EvidenceKind::Dispatched && kind <= EvidenceKind::Displayed && !reporter.isEmpty())
            detail += QLatin1Char('\n') + tr("Reported by: %1").arg(reporter);
        item->setIcon(1, stateIcon(provenState(kind)));
        const bool possible = e.value(QStringLiteral("possible")).toBool();
        const QString reason = e.value(QStringLiteral("match_reason")).toString();
        if (possible && !reason.isEmpty())
            detail += QLatin1Char('\n') + tr("Why it may be about this message: %1").arg(reason);
        // The remote clock's date, when it differs from when Mailtrail got the report.
        const QDateTime remote = e.value(QStringLiteral("time")).toDateTime();
        const QDateTime received = e.value(QStringLiteral("received")).toDateTime();
        if (remote.isValid() && received.isValid() && qAbs(remote.secsTo(received)) > 60)
            detail += QLatin1Char('\n') + tr("Dated by the reporting server: %1").arg(localTime(remote));
        item->setText(1, detail);
        QString evidence = e.value(QStringLiteral("source")).toString().toUpper();
        const double confidence = e.value(QStringLiteral("confidence")).toDouble();
        if (confidence < 1.0)
            evidence += QLatin1Char(' ') + tr("(matched by %1, %2% sure)")
                                               .arg(e.value(QStringLiteral("matched_by")).toString())
                                               .arg(qRound(confidence * 100));
        if (possible) {
            evidence += QLatin1Char('\n') + tr("possible, not confirmed");
            QFont italic = item->font(1);
            italic.setItalic(true);
            item->setFont(1, italic);
            item->setData(1, Qt::UserRole, e.value(QStringLiteral("id")));
        }
        item->setText(2, evidence);
        item->setData(0, Qt::UserRole, e.value(QStringLiteral("report_id")));
        item->setToolTip(1, detail);
    }
}

void DeliveryPanel::confirmSelected()
{
    const QTreeWidgetItem *item = m_timeline->currentItem();
    const qint64 eventId = item ? item->data(1, Qt::UserRole).toLongLong() : 0;
    if (eventId <= 0)
        return;
    const int row = m_recipients->currentIndex().row();
    if (const QString error = m_model->confirmEvidence(eventId); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Confirm report"), error);
        return;
    }
    if (row >= 0)
        selectRecipient(row);
}

void DeliveryPanel::showReport()
{
    const QTreeWidgetItem *item = m_timeline->currentItem();
    const qint64 reportId = item ? item->data(0, Qt::UserRole).toLongLong() : 0;
    if (reportId <= 0 || !m_store)
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Report"));
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(QString::fromUtf8(m_store->reportRaw(reportId)));
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(box);
    dialog->resize(760, 560);
    dialog->show();
}

QString DeliveryPanel::exportCsv(const QString &path) const
{
    const QModelIndex message = m_model->indexForSentMessage(m_sentMessageId);
    if (!message.isValid())
        return tr("No sent message is selected.");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    QStringList lines;
    lines << QStringLiteral("message_id,subject,recipient,state,event,time_utc,source,status,"
                            "replycode,diagnostic,remote_mta,matched_by,confidence,report_id");
    const QString messageId = message.data(Models::MessageIdHeaderRole).toString();
    const QString subject = message.data(Qt::DisplayRole).toString();
    for (int row = 0; row < m_model->rowCount(message); ++row) {
        const QModelIndex r = m_model->index(row, 0, message);
        for (const QVariant &value : r.data(Models::EventsRole).toList()) {
            const QVariantMap e = value.toMap();
            const QStringList fields{
                messageId,
                subject,
                r.data(Models::AddressRole).toString(),
                r.data(Models::StateNameRole).toString(),
                e.value(QStringLiteral("kind")).toString(),
                e.value(QStringLiteral("time")).toDateTime().toUTC().toString(Qt::ISODate),
                e.value(QStringLiteral("source")).toString(),
                e.value(QStringLiteral("status")).toString(),
                e.value(QStringLiteral("replycode")).toString(),
                e.value(QStringLiteral("diagnostic")).toString(),
                e.value(QStringLiteral("remote_mta")).toString(),
                e.value(QStringLiteral("matched_by")).toString(),
                QString::number(e.value(QStringLiteral("confidence")).toDouble()),
                e.value(QStringLiteral("report_id")).toLongLong() > 0
                    ? e.value(QStringLiteral("report_id")).toString()
                    : QString(),
            };
            QStringList quoted;
            for (const QString &f : fields)
                quoted.append(csvField(f));
            lines << quoted.join(QLatin1Char(','));
        }
    }
    const QByteArray bytes = (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (file.write(bytes) != bytes.size())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString DeliveryPanel::exportPdf(const QString &path) const
{
    Tracking::ProofOptions options;
    options.now = m_model->now();
    options.policy = m_model->deadlinePolicy();
    options.stateLabel = [](DeliveryState state) { return stateLabel(state); };
    const auto proof = m_model->indexForSentMessage(m_sentMessageId).isValid()
        ? Tracking::buildProofOfDelivery(*m_store, m_sentMessageId, options)
        : std::nullopt;
    if (!proof)
        return tr("No sent message is selected.");
    return writeProofPdf(*proof, path);
}

void DeliveryPanel::setSettingsFile(const QString &path)
{
    m_settingsFile = path;
}

QString DeliveryPanel::exportDirectory() const
{
    QString dir;
    if (!m_settingsFile.isEmpty())
        dir = QSettings(m_settingsFile, QSettings::IniFormat).value(QStringLiteral("export/directory")).toString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    return dir;
}

QString DeliveryPanel::suggestedFileName(const QString &suffix) const
{
    const auto tracked = m_store->message(m_sentMessageId);
    if (!tracked)
        return QStringLiteral("delivery.") + suffix;
    const QDateTime sent = tracked->submittedAt.isValid() ? tracked->submittedAt : tracked->createdAt;
    QString name = Tracking::proofFileName(tracked->subject, sent.toLocalTime().date());
    name.chop(4); // ".pdf"
    return name + QLatin1Char('.') + suffix;
}

void DeliveryPanel::askExport(const QString &suffix)
{
    auto *dialog = new QFileDialog(this, tr("Export proof of delivery"), exportDirectory(),
                                   suffix == QLatin1String("pdf") ? tr("PDF files (*.pdf)") : tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(suffix);
    dialog->selectFile(QDir(exportDirectory()).filePath(suggestedFileName(suffix)));
    connect(dialog, &QFileDialog::fileSelected, this, [this, suffix](const QString &path) {
        if (path.isEmpty())
            return;
        const QString error = suffix == QLatin1String("pdf") ? exportPdf(path) : exportCsv(path);
        if (!error.isEmpty()) {
            m_notice->hide();
            QMessageBox::warning(this, tr("Export failed"), error);
            return;
        }
        if (!m_settingsFile.isEmpty())
            QSettings(m_settingsFile, QSettings::IniFormat)
                .setValue(QStringLiteral("export/directory"), QFileInfo(path).absolutePath());
        m_notice->setText(tr("Proof of delivery saved as %1").arg(QDir::toNativeSeparators(path)));
        m_notice->show();
    });
    dialog->open();
}

void DeliveryPanel::askExportCsv()
{
    askExport(QStringLiteral("csv"));
}

void DeliveryPanel::askExportPdf()
{
    askExport(QStringLiteral("pdf"));
}

} // namespace Mailtrail::Ui

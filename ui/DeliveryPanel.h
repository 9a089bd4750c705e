// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace Mailtrail::Models {
class TrackingModel;
}
namespace Mailtrail::Tracking {
class DeliveryRecords;
}

namespace Mailtrail::Ui {

class MessageRecipientsProxy;
class StateDecorationProxy;

/// The delivery panel: for one sent message, a row per recipient with its state, and the
/// timeline of evidence of the selected recipient, each entry in plain words and openable
/// as the raw report. Possible evidence (a report matched by a guess) is shown as "a report
/// that may be about this message" with why it matched, and a Confirm action makes it
/// decide. Exports a proof of delivery as CSV or PDF.
class DeliveryPanel : public QWidget
{
    Q_OBJECT
public:
    /// @p model and @p store must outlive the panel.
    DeliveryPanel(Models::TrackingModel *model, const Tracking::DeliveryRecords *store,
                  QWidget *parent = nullptr);

    /// Shows the sent message with this tracking id (0: nothing).
    void setSentMessage(qint64 sentMessageId);
    [[nodiscard]] qint64 sentMessage() const { return m_sentMessageId; }
    /// Selects the recipient row @p row, showing its timeline.
    void selectRecipient(int row);

    /// Writes the proof of delivery of the shown message. Returns an error text, empty on
    /// success. CSV: one line per event, with the report id to look the raw report up.
    [[nodiscard]] QString exportCsv(const QString &path) const;
    /// PDF (Tracking::buildProofOfDelivery): a header with sender, sent time, Message-ID and
    /// recipients, a table of evidence per recipient, every raw report printed in an appendix
    /// and attached to the PDF as an embedded file.
    [[nodiscard]] QString exportPdf(const QString &path) const;
    /// Where the export dialog remembers its last folder (the profile's settings.ini).
    void setSettingsFile(const QString &path);
    /// The export dialog's folder: the last one used, else Documents, else the home folder.
    [[nodiscard]] QString exportDirectory() const;
    /// "Proof of delivery – Subject – 2026-03-02.pdf" for @p suffix "pdf".
    [[nodiscard]] QString suggestedFileName(const QString &suffix) const;

    // For tests and the main window.
    [[nodiscard]] QTreeView *recipientView() const { return m_recipients; }
    [[nodiscard]] QTreeWidget *timelineView() const { return m_timeline; }
    [[nodiscard]] QLabel *warningLabel() const { return m_warning; }
    /// "Sent … · Message-ID …" or "Not sent: …" under the title.
    [[nodiscard]] QLabel *metaLabel() const { return m_meta; }
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }
    [[nodiscard]] QPushButton *resendButton() const { return m_resend; }
    [[nodiscard]] QPushButton *exportPdfButton() const { return m_exportPdf; }
    /// "Proof of delivery saved as …" after an export.
    [[nodiscard]] QLabel *exportNotice() const { return m_notice; }

Q_SIGNALS:
    /// The user asked to see the reports that matched no sent message.
    void unmatchedReportsRequested();
    /// "Resend to Failed Recipients…" for the shown message (issue #18).
    void resendToFailedRequested(qint64 sentMessageId);

private:
    void updateHeader();
    void updateTimeline();
    void showReport();
    void confirmSelected();
    void askExportCsv();
    void askExportPdf();
    void askExport(const QString &suffix);

    Models::TrackingModel *m_model;
    const Tracking::DeliveryRecords *m_store;
    MessageRecipientsProxy *m_recipientRows;
    StateDecorationProxy *m_proxy;
    qint64 m_sentMessageId = 0;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_warning;
    QLabel *m_notice;
    QString m_settingsFile;
    QTreeView *m_recipients;
    QTreeWidget *m_timeline;
    QPushButton *m_showReport;
    QPushButton *m_confirm;
    QPushButton *m_resend;
    QPushButton *m_exportCsv;
    QPushButton *m_exportPdf;
};

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProofPdf.h"

#include "pdf/EmbeddedFiles.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextOption>

namespace Mailtrail::Ui {

std::unique_ptr<QTextDocument> proofDocument(const Tracking::ProofOfDelivery &proof)
{
    auto document = std::make_unique<QTextDocument>();
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPointSizeF(9);
    document->setDefaultFont(font);
    // Columns keep the widths they are given: a long address or status text breaks
    // inside the word instead of pushing the other columns out of the page.
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document->setDefaultTextOption(option);
    document->setHtml(proof.html);
    return document;
}

QString writeProofPdf(const Tracking::ProofOfDelivery &proof, const QString &path)
{
    QBuffer printed;
    printed.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&printed);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        writer.setTitle(proof.title);
        writer.setCreator(QStringLiteral("Mailtrail"));
        proofDocument(proof)->print(&writer);
    }
    const Pdf::AttachResult attached = Pdf::attach(printed.data(), proof.attachments);
    if (!attached.ok())
        return QCoreApplication::translate("Mailtrail::Ui::ProofPdf", "Cannot attach the reports to the PDF: %1").arg(attached.error);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(attached.pdf) != attached.pdf.size() || !file.commit())
        return QCoreApplication::translate("Mailtrail::Ui::ProofPdf", "Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace Mailtrail::Ui

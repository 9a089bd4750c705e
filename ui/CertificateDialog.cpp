// SPDX-License-Identifier: GPL-3.0-or-later
#include "CertificateDialog.h"
#include "ThemeIcons.h"

#include "mime/HtmlSanitizer.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

namespace {

QString names(const QSslCertificate &c, bool subject)
{
    const auto field = [&](QSslCertificate::SubjectInfo info) {
        return (subject ? c.subjectInfo(info) : c.issuerInfo(info)).join(QStringLiteral(", "));
    };
    QStringList parts;
    for (const auto info : {QSslCertificate::CommonName, QSslCertificate::Organization,
                            QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName}) {
        if (const QString v = field(info); !v.isEmpty())
            parts << v;
    }
    return parts.isEmpty() ? QCoreApplication::translate("CertificateDialog", "(none)") : parts.join(QStringLiteral(" · "));
}

} // namespace

CertificateDialog::CertificateDialog(const Net::CertificateProblem &problem, QWidget *parent)
    : QDialog(parent)
    , m_problem(problem)
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("CertificateDialog"));
    setWindowTitle(tr("Untrusted Certificate"));
    setMinimumWidth(560);
    auto *intro = new QLabel(tr("<b>The server %1 (port %2) presented a certificate that is not trusted.</b><br>"
                                "Only trust it if you know this server uses its own certificate, and the "
                                "fingerprint below matches what its administrator gave you.")
                                 .arg(Mime::HtmlSanitizer::escape(problem.host))
                                 .arg(problem.port),
                             this);
    intro->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("certificateDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);

    const QSslCertificate leaf = problem.chain.isEmpty() ? QSslCertificate() : problem.chain.first();
    const QLocale locale;
    auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td style='color:gray;padding-right:10px' valign=top>%1</td><td>%2</td></tr>")
            .arg(Mime::HtmlSanitizer::escape(name), Mime::HtmlSanitizer::escape(value).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Issued to:"), names(leaf, true));
    html += row(tr("Issued by:"), names(leaf, false));
    html += row(tr("Valid from:"), locale.toString(leaf.effectiveDate().toLocalTime(), QLocale::LongFormat));
    html += row(tr("Valid until:"), locale.toString(leaf.expiryDate().toLocalTime(), QLocale::LongFormat));
    html += row(tr("SHA-256 fingerprint:"), fingerprintText());
    html += row(tr("Problems:"), problem.errorText().isEmpty() ? tr("(none reported)") : problem.errorText());
    html += QStringLiteral("</table>");
    m_details->setText(html);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *trustButton = buttons->addButton(tr("&Trust This Certificate"), QDialogButtonBox::AcceptRole);
    trustButton->setObjectName(QStringLiteral("trustButton"));
    QPushButton *rejectButton = buttons->addButton(tr("&Reject"), QDialogButtonBox::RejectRole);
    rejectButton->setObjectName(QStringLiteral("rejectButton"));
    rejectButton->setDefault(true);
    connect(trustButton, &QPushButton::clicked, this, &CertificateDialog::trust);
    connect(rejectButton, &QPushButton::clicked, this, &CertificateDialog::rejectCertificate);
    // Closing the window or Escape rejects too; the answer always goes out exactly once.
    connect(this, &QDialog::finished, this, [this] { Q_EMIT decided(m_decision); });

    auto *icon = new QLabel(this);
    icon->setPixmap(themeIcon(QStringLiteral("dialog-warning")).pixmap(48, 48));
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(intro, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_details);
    layout->addWidget(buttons);
}

QString CertificateDialog::fingerprintText() const
{
    return Net::fingerprintToHex(m_problem.sha256);
}

QString CertificateDialog::detailsText() const
{
    QTextDocument doc;
    doc.setHtml(m_details->text());
    return doc.toPlainText();
}

void CertificateDialog::ask(const Net::CertificateProblem &problem, QWidget *parent,
    std::function<void(Net::CertificateDecision)> answer)
{
    auto *dialog = new CertificateDialog(problem, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CertificateDialog::decided, dialog,
        [answer = std::move(answer)](Net::CertificateDecision d) { answer(d); });
    dialog->open();
}

void CertificateDialog::trust()
{
    m_decision = Net::CertificateDecision::Pin;
    accept();
}

void CertificateDialog::rejectCertificate()
{
    m_decision = Net::CertificateDecision::Reject;
    reject();
}

} // namespace Mailtrail::Ui

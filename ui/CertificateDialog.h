// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include "net/Certificate.h"

#include <QDialog>

class QLabel;

namespace Mailtrail::Ui {

/// Shows a certificate core/net did not trust (subject, issuer, validity, SHA-256
/// fingerprint, what is wrong with it) and asks the user: Trust (pin this certificate for
/// the account) or Reject. Emits decided once, then closes.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CertificateDialog(const Net::CertificateProblem &problem, QWidget *parent = nullptr);

    /// Opens a window-modal dialog for @p problem; @p answer gets the decision once.
    static void ask(const Net::CertificateProblem &problem, QWidget *parent,
        std::function<void(Net::CertificateDecision)> answer);

    [[nodiscard]] Net::CertificateDecision decision() const { return m_decision; }
    /// The fingerprint shown, "AB:CD:…", to compare with what the server's admin says.
    [[nodiscard]] QString fingerprintText() const;
    /// Every line of the dialog as text (for tests and copying).
    [[nodiscard]] QString detailsText() const;

    void trust();
    void rejectCertificate();

Q_SIGNALS:
    void decided(Mailtrail::Net::CertificateDecision decision);

private:
    Net::CertificateProblem m_problem;
    Net::CertificateDecision m_decision = Net::CertificateDecision::Reject;
    QLabel *m_details;
};

} // namespace Mailtrail::Ui

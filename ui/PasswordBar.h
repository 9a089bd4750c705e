// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Mailtrail::Ui {

/// A bar in the main window, not a dialog: the server refused the password of an account,
/// so Mailtrail asks for it again here, once, instead of repeating the error at every check
/// (issue 19 "Fix an account"). The bar stays until a password is given or it is closed.
class PasswordBar : public QFrame
{
    Q_OBJECT
public:
    PasswordBar(const QString &account, const QString &reason, QWidget *parent = nullptr);

    [[nodiscard]] QString account() const { return m_account; }
    [[nodiscard]] QLabel *textLabel() const { return m_text; }
    [[nodiscard]] QLineEdit *passwordField() const { return m_password; }
    [[nodiscard]] QPushButton *connectButton() const { return m_connect; }

Q_SIGNALS:
    /// The user gave a new password (the bar closes itself).
    void passwordEntered(const QString &account, const QString &password);

private:
    QString m_account;
    QLabel *m_text;
    QLineEdit *m_password;
    QPushButton *m_connect;
};

} // namespace Mailtrail::Ui

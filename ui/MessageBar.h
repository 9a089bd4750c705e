// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace Mailtrail::Ui {

/// A closable bar at the top of the window that tells the user, in plain words, what went
/// wrong (or right). Errors stay until closed; information can be replaced.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

private:
    QLabel *m_text;
    Kind m_kind = Kind::Information;
};

} // namespace Mailtrail::Ui

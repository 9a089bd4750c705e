// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

#include <QLineEdit>
#include <QStringList>

class QCompleter;

namespace Mailtrail::Ui {

/// Splits what a person typed in an address field ("Jane <jane@x>, bob@y; \"Doe, J\" <j@z>")
/// into mailboxes (RFC 5322 §3.4 in the forgiving way people type it). Sets @p error to the
/// first entry that is not an address; returns the ones that are.
[[nodiscard]] QList<Mime::Mailbox> parseAddressList(const QString &text, QString *error = nullptr);
/// The reverse, for prefilling a field.
[[nodiscard]] QString formatAddressList(const QList<Mime::Mailbox> &list);

/// A line edit for a list of addresses that completes the entry being typed (the text
/// after the last comma) from a list of known addresses.
class AddressLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit AddressLineEdit(QWidget *parent = nullptr);
    void setKnownAddresses(const QStringList &addresses);
    [[nodiscard]] QCompleter *addressCompleter() const { return m_completer; }
    /// Replaces the entry being typed by @p completion.
    void insertCompletion(const QString &completion);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCompletion(const QString &text);
    QCompleter *m_completer;
};

} // namespace Mailtrail::Ui

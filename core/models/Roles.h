// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

/// Item data roles of every model in core/models: the one contract between core and UI.
namespace Mailtrail::Models {

enum Role : int {
    // MessageListModel
    MessageIdRole = Qt::UserRole + 1, ///< qint64: row id of the cached message
    UidRole,                          ///< quint32: IMAP UID
    FolderIdRole,                     ///< qint64
    SubjectRole,                      ///< QString (decoded)
    FromNameRole,                     ///< QString
    FromAddressRole,                  ///< QString
    ToAddressesRole,                  ///< QString, ", " separated
    DateRole,                         ///< QDateTime (UTC), invalid if unknown
    SizeRole,                         ///< quint32 octets (RFC822.SIZE)
    FlagsRole,                        ///< QStringList, e.g. "\\Seen", "$MDNSent"
    IsSeenRole,                       ///< bool
    IsFlaggedRole,                    ///< bool
    IsAnsweredRole,                   ///< bool
    MessageIdHeaderRole,              ///< QString: Message-ID with angle brackets
    ContentTypeRole,                  ///< QString, e.g. "multipart/report"
    LooksLikeReportRole,              ///< bool

    // FolderModel
    NodeKindRole = Qt::UserRole + 100, ///< NodeKind
    AccountIdRole,                     ///< qint64
    AccountNameRole,                   ///< QString
    FolderNameRole,                    ///< QString: full decoded name, e.g. "INBOX/Projects"
    SpecialUseRole,                    ///< QString: RFC 6154 attribute or empty
    MessageCountRole,                  ///< qint64
    UnreadCountRole,                   ///< qint64
    SelectableRole,                    ///< bool
};

enum class NodeKind : int { Account, Folder };

} // namespace Mailtrail::Models

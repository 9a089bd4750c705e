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

    // MessageThreadModel (every MessageListModel role passes through it)
    ThreadDepthRole = Qt::UserRole + 60, ///< int: 0 for a thread's first message
    ThreadSizeRole,                      ///< int: messages in this message's subtree, itself included
    ThreadNewestDateRole,                ///< QDateTime (UTC): newest message of the subtree

    // FolderModel
    NodeKindRole = Qt::UserRole + 100, ///< NodeKind
    AccountIdRole,                     ///< qint64
    AccountNameRole,                   ///< QString
    FolderNameRole,                    ///< QString: full decoded name, e.g. "INBOX/Projects"
    SpecialUseRole,                    ///< QString: RFC 6154 attribute or empty
    MessageCountRole,                  ///< qint64
    UnreadCountRole,                   ///< qint64
    SelectableRole,                    ///< bool

    // TrackingModel (MessageIdHeaderRole above serves it too: the sent Message-ID)
    SentMessageIdRole = Qt::UserRole + 200, ///< qint64: tracking store id (both levels)
    IsRecipientRole,    ///< bool: a recipient row (child) rather than a message row
    StateRole,          ///< int(Tracking::DeliveryState): recipient state, or worst for a message
    StateNameRole,      ///< QString: "delivered", …
    BestStateRole,      ///< int(Tracking::DeliveryState): message rows, the most advanced
    DetailRole,         ///< QString: plain-language sentence
    UpdatedRole,        ///< QDateTime of the newest evidence
    AddressRole,        ///< QString: recipient address (recipient rows)
    StatusRole,         ///< QString: enhanced status code of the deciding evidence
    DiagnosticRole,     ///< QString: server text of the deciding evidence
    EventsRole,         ///< QVariantList of QVariantMap, oldest first: the fields of
                        ///< Tracking::evidenceToJson (kind, source, time, detail, status,
                        ///< replycode, diagnostic, report_id, …), as `status --json` prints them
    DsnUnsupportedRole, ///< bool: the server did not offer DSN for this message
    RecipientCountRole, ///< int
    FailedCountRole,    ///< int
    OriginRole,         ///< QString, message rows: "mailtrail", or "elsewhere" for mail another
                        ///< program sent (found in the Sent folder; issue #18)

    // SearchResultsModel (with MessageIdRole, FolderIdRole, UidRole, SubjectRole, FromNameRole,
    // FromAddressRole, DateRole, IsSeenRole, MessageIdHeaderRole, AccountNameRole, FolderNameRole)
    SearchWhereRole = Qt::UserRole + 300, ///< QString: "local" or "server"
};

enum class NodeKind : int { Account, Folder };

} // namespace Mailtrail::Models

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/SequenceSet.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <variant>

/// Typed IMAP server responses (RFC 9051 §7, RFC 3501 §7), as produced by ResponseParser.
/// Strings stay raw bytes: decoding (RFC 2047, mUTF-7, charsets) is the caller's business.
namespace Mailtrail::Imap {

/// `resp-cond-state` / `resp-cond-bye` / tagged status (RFC 9051 §7.1).
enum class Status { Ok, No, Bad, Bye, Preauth };

/// `resp-text-code` (RFC 9051 §7.1, RFC 7162 §3.1/§3.2, RFC 4315 §3).
struct ResponseCode
{
    enum class Kind {
        None,
        Alert,
        Capability,      ///< list: capabilities
        UidValidity,     ///< number
        UidNext,         ///< number
        HighestModSeq,   ///< number
        NoModSeq,
        PermanentFlags,  ///< list: flags
        AppendUid,       ///< number: UIDVALIDITY, destination: the new UID(s)
        CopyUid,         ///< number: UIDVALIDITY, source, destination
        ReadOnly,
        ReadWrite,
        TryCreate,
        Closed,
        Modified,        ///< source: UIDs that failed UNCHANGEDSINCE
        Other,           ///< name + raw argument in `text`
    };
    Kind kind = Kind::None;
    QByteArray name;      ///< the atom as sent, upper-cased
    quint64 number = 0;
    QByteArrayList list;
    SequenceSet source;
    SequenceSet destination;
    QByteArray text;      ///< raw argument of unknown codes

    bool operator==(const ResponseCode &) const = default;
};

/// `response-tagged` (RFC 9051 §7.1): completion of a command.
struct TaggedResponse
{
    QByteArray tag;
    Status status = Status::Ok;
    ResponseCode code;
    QByteArray text;
    bool operator==(const TaggedResponse &) const = default;
};

/// Untagged OK / NO / BAD / BYE / PREAUTH (RFC 9051 §7.1).
struct StatusResponse
{
    Status status = Status::Ok;
    ResponseCode code;
    QByteArray text;
    bool operator==(const StatusResponse &) const = default;
};

/// `continue-req` (RFC 9051 §7.6): `+ text` or `+ base64`.
struct ContinuationRequest
{
    QByteArray text;
    bool operator==(const ContinuationRequest &) const = default;
};

/// `* CAPABILITY …` (RFC 9051 §7.2.2) and `* ENABLED …` (RFC 5161 §3.2).
struct CapabilityData
{
    QByteArrayList capabilities; ///< upper-cased
    bool operator==(const CapabilityData &) const = default;
};
struct EnabledData
{
    QByteArrayList capabilities;
    bool operator==(const EnabledData &) const = default;
};

/// `* n EXISTS`, `* n RECENT`, `* n EXPUNGE` (RFC 9051 §7.4.1, §7.5.1).
struct ExistsData
{
    quint32 count = 0;
    bool operator==(const ExistsData &) const = default;
};
struct RecentData
{
    quint32 count = 0;
    bool operator==(const RecentData &) const = default;
};
struct ExpungeData
{
    quint32 sequence = 0;
    bool operator==(const ExpungeData &) const = default;
};

/// `* VANISHED [(EARLIER)] uid-set` (RFC 7162 §3.2.10).
struct VanishedData
{
    bool earlier = false;
    SequenceSet uids;
    bool operator==(const VanishedData &) const = default;
};

/// `* FLAGS (…)` (RFC 9051 §7.3.5).
struct FlagsData
{
    QByteArrayList flags;
    bool operator==(const FlagsData &) const = default;
};

/// `* LIST (attrs) "delim" name` (RFC 9051 §7.3.1, RFC 6154 special-use attributes).
struct ListData
{
    QByteArrayList attributes; ///< as sent, e.g. `\HasNoChildren`, `\Sent`
    char delimiter = 0;        ///< 0 for NIL
    QByteArray name;           ///< raw (mUTF-7 or UTF-8)
    bool lsub = false;
    bool operator==(const ListData &) const = default;
};

/// `* SEARCH n n n [(MODSEQ m)]` (RFC 9051 §7.3.4 in 3501 form, RFC 7162 §3.1.5).
struct SearchData
{
    QList<quint32> numbers;
    quint64 modseq = 0;
    bool operator==(const SearchData &) const = default;
};

/// `* ESEARCH (TAG "x") UID MIN n MAX n COUNT n ALL set` (RFC 4731, RFC 9051 §7.3.4).
struct ESearchData
{
    QByteArray tag;
    bool uid = false;
    std::optional<quint32> min;
    std::optional<quint32> max;
    std::optional<quint32> count;
    SequenceSet all;
    quint64 modseq = 0;
    bool operator==(const ESearchData &) const = default;
};

/// `* STATUS mailbox (MESSAGES n UIDNEXT n …)` (RFC 9051 §7.3.2).
struct MailboxStatusData
{
    QByteArray mailbox;
    QMap<QByteArray, quint64> items;
    bool operator==(const MailboxStatusData &) const = default;
};

/// An address of an ENVELOPE (RFC 9051 §7.5.2): NIL fields are empty, group syntax
/// markers have an empty host.
struct Address
{
    QByteArray name;
    QByteArray adl;
    QByteArray mailbox;
    QByteArray host;
    bool operator==(const Address &) const = default;
};

/// `envelope` (RFC 9051 §7.5.2), strings raw (RFC 2047 not decoded).
struct Envelope
{
    QByteArray date;
    QByteArray subject;
    QList<Address> from;
    QList<Address> sender;
    QList<Address> replyTo;
    QList<Address> to;
    QList<Address> cc;
    QList<Address> bcc;
    QByteArray inReplyTo;
    QByteArray messageId;
    bool operator==(const Envelope &) const = default;
};

/// `body` of BODYSTRUCTURE (RFC 9051 §7.5.2). Multiparts have `parts`; a
/// message/rfc822 part carries its envelope and its one body in `parts`.
struct BodyStructure
{
    QByteArray type;    ///< lower-cased, e.g. "text", "multipart"
    QByteArray subtype; ///< lower-cased, e.g. "plain", "report"
    QList<std::pair<QByteArray, QByteArray>> parameters; ///< names lower-cased
    QByteArray id;
    QByteArray description;
    QByteArray encoding;
    quint32 size = 0;
    quint32 lines = 0;
    QByteArray disposition; ///< lower-cased
    QList<std::pair<QByteArray, QByteArray>> dispositionParameters;
    QList<BodyStructure> parts;
    std::optional<Envelope> envelope; // for message/rfc822 only

    [[nodiscard]] QByteArray parameter(const QByteArray &lowerName) const;
    bool operator==(const BodyStructure &) const = default;
};

/// `* n FETCH (…)` (RFC 9051 §7.5.2, RFC 7162 §3.1.4 MODSEQ).
struct FetchData
{
    quint32 sequence = 0;
    quint32 uid = 0; ///< 0 when absent
    bool hasFlags = false;
    QByteArrayList flags;
    std::optional<quint32> size; ///< RFC822.SIZE
    QByteArray internalDate;
    quint64 modseq = 0;
    std::optional<Envelope> envelope;
    std::optional<BodyStructure> bodyStructure;
    /// BODY[section]<origin>, RFC822, RFC822.HEADER, RFC822.TEXT, BINARY[…]: keyed by the
    /// item as sent without the origin, e.g. "BODY[HEADER.FIELDS (FROM TO)]", "BODY[]".
    QMap<QByteArray, QByteArray> sections;
    bool operator==(const FetchData &) const = default;
};

/// Any other untagged response: kept raw so extensions never break a session.
struct UnknownData
{
    QByteArray raw;
    bool operator==(const UnknownData &) const = default;
};

using Response = std::variant<TaggedResponse, StatusResponse, ContinuationRequest, CapabilityData,
                              EnabledData, ExistsData, RecentData, ExpungeData, VanishedData,
                              FlagsData, ListData, SearchData, ESearchData, MailboxStatusData,
                              FetchData, UnknownData>;

[[nodiscard]] QByteArray statusName(Status status);
/// Human-readable dumps for test diffs.
[[nodiscard]] QByteArray describe(const ResponseCode &code);
[[nodiscard]] QByteArray describe(const Envelope &envelope);
[[nodiscard]] QByteArray describe(const BodyStructure &body);
[[nodiscard]] QByteArray describe(const FetchData &fetch);
[[nodiscard]] QByteArray describe(const Response &response);

} // namespace Mailtrail::Imap

namespace QTest {
char *toString(const Mailtrail::Imap::Response &response);
char *toString(const Mailtrail::Imap::FetchData &fetch);
char *toString(const Mailtrail::Imap::Envelope &envelope);
char *toString(const Mailtrail::Imap::BodyStructure &body);
char *toString(const Mailtrail::Imap::ResponseCode &code);
} // namespace QTest

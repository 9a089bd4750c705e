// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportPreCheck.h"

#include "Ascii_p.h"

#include <QString>

#include <cstring>
#include <string>
#include <string_view>

#include <array>
#include <vector>

namespace Mailtrail::Reports {

namespace {

/// Lower-cased ASCII copy (other bytes kept, so UTF-8 phrases still match byte-wise) into
/// @p out, which keeps its capacity: the pre-check runs for every cached message, and a copy
/// per field was a third of its time.
std::string_view lowered(QByteArrayView bytes, std::string &out)
{
    out.resize(size_t(bytes.size()));
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[size_t(i)] = toLowerAscii(bytes[i]);
    return out;
}

/// @p text starts with @p lowerPrefix, ASCII letters compared without case.
bool startsWithNoCase(QByteArrayView text, std::string_view lowerPrefix)
{
    if (text.size() < qsizetype(lowerPrefix.size()))
        return false;
    for (size_t i = 0; i < lowerPrefix.size(); ++i) {
        if (toLowerAscii(text[qsizetype(i)]) != lowerPrefix[i])
            return false;
    }
    return true;
}

/// MAILER-DAEMON, Mail_Daemon, post.master, …: the local part without separators.
bool isSystemSender(QByteArrayView fromAddress)
{
    thread_local std::string localBuffer, domainBuffer, compact;
    const qsizetype at = lastIndexOfByte(fromAddress, '@');
    const std::string_view local = lowered(fromAddress.first(at < 0 ? fromAddress.size() : at), localBuffer);
    const std::string_view domain = lowered(at < 0 ? QByteArrayView() : fromAddress.sliced(at + 1), domainBuffer);
    compact.clear();
    for (char c : local) {
        if (c != '-' && c != '_' && c != '.')
            compact.push_back(c);
    }
    if (compact == "mailerdaemon" || compact == "maildaemon" || compact == "postmaster"
        || compact == "mailer" || compact == "mdaemon" || compact == "mailadmin"
        || compact.starts_with("mailerdaemon") || compact.starts_with("postmaster"))
        return true;
    // Mailing-list and bounce-handling system addresses (list-admin, owner-list, bounces+x).
    const std::string_view l(local);
    if (l.ends_with("-admin") || l.ends_with("-owner") || l.starts_with("owner-")
        || l.starts_with("bounce") || l.ends_with("-bounces") || l.ends_with("-bounce"))
        return true;
    // Bounce and complaint notifications of sending services (Amazon SES through SNS).
    const std::string_view d(domain);
    return d == "sns.amazonaws.com" || d.ends_with(".amazonses.com") || d == "amazonses.com";
}

/// Forward and reply prefixes that people's mail programs put in front of a subject.
constexpr std::string_view kForwardPrefixes[] = {"fwd:", "fw:", "wg:", "tr:", "enc:", "rv:", "fwd :", "fw :", "tr :"};
constexpr std::string_view kReplyPrefixes[] = {"re:", "aw:", "sv:", "antw:", "re :"};

/// The subject without leading "Fwd:" / "Re:" prefixes (any number of them); *forward says
/// whether one was a forward.
std::string_view withoutPrefixes(std::string_view v, bool *forward)
{
    for (bool again = true; again;) {
        again = false;
        while (!v.empty() && (v.front() == ' ' || v.front() == '['))
            v.remove_prefix(1);
        // Most subjects start with none: every prefix starts with one of these.
        if (v.empty() || std::string_view("fwtersa").find(v.front()) == std::string_view::npos)
            break;
        for (std::string_view p : kForwardPrefixes) {
            if (v.starts_with(p)) {
                v.remove_prefix(p.size());
                *forward = again = true;
                break;
            }
        }
        for (std::string_view p : kReplyPrefixes) {
            if (!again && v.starts_with(p)) {
                v.remove_prefix(p.size());
                again = true;
                break;
            }
        }
    }
    return v;
}

/// Phrases of bounce, delay, receipt and auto-reply subjects, found in one pass over a
/// subject: the phrases are grouped by their first byte, and a table of their first two
/// bytes passes over the positions where none can start (every cached message's subject is
/// looked at; 90 searches of the whole subject each cost a tenth of a first sync's parsing).
class PhraseSet
{
public:
    PhraseSet(std::initializer_list<std::string_view> phrases)
    {
        for (std::string_view p : phrases) {
            Q_ASSERT(p.size() >= 2); // found by their first two bytes
            m_byFirst[quint8(p.front())].push_back(p);
            const unsigned pair = quint8(p[0]) << 8 | quint8(p.size() > 1 ? p[1] : 0);
            m_pairs[pair / 64] |= quint64(1) << (pair % 64);
        }
    }
    [[nodiscard]] bool foundIn(std::string_view text) const
    {
        for (size_t i = 0; i + 1 < text.size(); ++i) {
            const unsigned pair = quint8(text[i]) << 8 | quint8(text[i + 1]);
            if (!(m_pairs[pair / 64] >> (pair % 64) & 1))
                continue;
            for (std::string_view p : m_byFirst[quint8(text[i])]) {
                if (text.substr(i).starts_with(p))
                    return true;
            }
        }
        return false;
    }

private:
    std::array<std::vector<std::string_view>, 256> m_byFirst;
    std::array<quint64, 65536 / 64> m_pairs{}; ///< first two bytes of some phrase
};

const PhraseSet kReportPhrases = {
    // English bounce / delay / success wording
    "undeliver", "undelivered", "non-deliver", "nondeliver", "non deliver",
    "not delivered", "could not be delivered", "couldn't be delivered",
    "delivery status", "delivery fail", "delivery notification", "delivery report",
    "delivery problem", "delivery error", "delivery has failed", "delivery delayed",
    "delayed mail", "mail delivery", "message delivery", "returned mail",
    "returned to sender", "return receipt", "read receipt", "disposition notification",
    "failure notice", "failure notification", "mail failure", "mail system error",
    "warning: could not send", "could not send message", "message not delivered",
    "mail not delivered", "message rejected", "mail rejected", "rejected mail",
    "bounced", "bounce", "loop alert", "looping mail", "mail loop",
    "aws notification", "amazon ses", "ses email event", "complaint notification",
    // auto-replies (RFC 3834)
    "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response",
    "autoresponse", "out of office", "out of the office", "vacation", "away from",
    "abwesenheit", "automatische antwort", "réponse automatique", "absence",
    // other languages
    "unzustellbar", "nicht zustellbar", "zustellung fehlgeschlagen", "non remis",
    "non distribu", "échec de la remise", "echec de la remise", "non recapitabil",
    "mancata consegna", "no entregado", "no se pudo entregar", "não entregue",
    "onbestelbaar", "niet afgeleverd", "olevererbart", "ikke levert",
    // Japanese and Chinese bounce subjects (UTF-8)
    "\xe9\x85\x8d\xe4\xbf\xa1", // 配信 (delivery)
    "\xe4\xb8\x8d\xe9\x81\x94", // 不達 (undelivered)
    "\xe8\xbf\x94\xe9\x80\x81", // 返送 (returned)
    "\xe9\x80\x80\xe4\xbf\xa1", // 退信 (bounced)
    "\xe6\x8a\x95\xe9\x80\x92", // 投递 (delivery)
    "\xe6\x9c\xaa\xe9\x80\x81\xe9\x81\x94", // 未送達
};

/// @p v: the subject, lowered(), without its reply and forward prefixes ("Fwd: Read: …": the
/// forwarded report's own subject counts).
bool isReportSubject(std::string_view v)
{
    // Read receipts (RFC 8098 clients) and answers that start with a verdict.
    if (!v.empty() && std::string_view("rglun").find(v.front()) != std::string_view::npos) {
        for (std::string_view prefix : {"read:", "gelesen:", "lu :", "lu:", "leído:", "letto:",
                                        "gelezen:", "undeliverable:", "undelivered:",
                                        "unzustellbar:", "non remis :", "non remis:"}) {
            if (v.starts_with(prefix))
                return true;
        }
    }
    return kReportPhrases.foundIn(v);
}

} // namespace

PreCheckReason preCheck(const CachedHeaders &h)
{
    if (startsWithNoCase(h.contentType, "multipart/report"))
        return PreCheckReason::ReportMediaType;
    const QByteArrayView autoValue = h.autoSubmitted.trimmed();
    if (!autoValue.isEmpty() && !startsWithNoCase(autoValue, "no"))
        return PreCheckReason::AutoSubmitted;
    const QByteArrayView rp = h.returnPath.trimmed();
    if (rp == "<>" || rp == "< >")
        return PreCheckReason::NullReturnPath;
    if (h.fromAddress.trimmed().isEmpty())
        return PreCheckReason::NoSender;
    if (isSystemSender(h.fromAddress.trimmed()))
        return PreCheckReason::SystemSender;
    thread_local std::string subjectBuffer;
    bool forward = false;
    const std::string_view subject = withoutPrefixes(lowered(h.subject, subjectBuffer), &forward);
    if (isReportSubject(subject))
        return PreCheckReason::ReportSubject;
    // A forwarded mail with attachments may carry a report as message/rfc822 whatever its
    // subject says (issue #15 §4); forwards are few, so fetching them costs little.
    if (forward && startsWithNoCase(h.contentType, "multipart/"))
        return PreCheckReason::Forwarded;
    return PreCheckReason::None;
}

} // namespace Mailtrail::Reports

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Mailtrail::Mime {

struct HtmlSanitizerOptions
{
    /// Remote loads (img src, srcset, background, CSS url() and @import, link stylesheet)
    /// are removed and counted unless the user allowed them for this message or sender.
    bool allowRemoteContent = false;
    /// cid: URLs (Content-ID without angle brackets) → the URL to show instead, e.g. a
    /// data:image URL or an application scheme the viewer resolves. Unknown cids are dropped.
    QHash<QString, QString> contentIdUrls;
};

struct SanitizedHtml
{
    QString html;
    int blockedRemoteCount = 0; ///< for "remote content blocked (N)"
    QStringList blockedRemoteUrls;
    int removedElements = 0; ///< scripts, forms, frames, objects, meta, base, ...
    int removedAttributes = 0; ///< event handlers, dangerous URLs, unknown attributes

    friend bool operator==(const SanitizedHtml &, const SanitizedHtml &) = default;
};

/// Makes HTML mail safe to display without a script engine or network access. Pure string
/// processing (no QtWidgets / QtWebEngine): a tolerant tokenizer (HTML Living Standard
/// §13.2.5 in spirit), then an allow-list of elements and attributes. Removed: script,
/// style breakouts, event handlers, javascript:/vbscript:/data: URLs (data:image only for
/// images), forms and their controls, iframe/frame/object/embed/applet, meta (refresh), base,
/// link, svg/math. URLs in links: http, https, mailto, and #fragments only.
class HtmlSanitizer
{
public:
    explicit HtmlSanitizer(HtmlSanitizerOptions options = {});

    [[nodiscard]] SanitizedHtml sanitize(const QString &html) const;

    /// Plain text (already decoded, e.g. format=flowed) as HTML: everything escaped, line
    /// breaks kept (white-space: pre-wrap), http(s)/www/mailto links and addresses clickable.
    [[nodiscard]] static QString plainTextToHtml(const QString &text);

    /// HTML reduced to text for quoting or a text view: script/style content dropped, block
    /// elements as line breaks, entities decoded.
    [[nodiscard]] static QString toPlainText(const QString &html);

    /// Escapes &, <, >, " and ' for text and attribute values.
    [[nodiscard]] static QString escape(const QString &text);

private:
    HtmlSanitizerOptions m_options;
};

} // namespace Mailtrail::Mime

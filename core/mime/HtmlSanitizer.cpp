// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HtmlSanitizer.h"

#include <QRegularExpression>
#include <QSet>

#include <iterator>
#include <utility>

namespace Mailtrail::Mime {

namespace {

// Elements removed together with everything inside them.
const QSet<QString> &droppedWithContent()
{
    static const QSet<QString> set{
        QStringLiteral("script"), QStringLiteral("iframe"), QStringLiteral("frame"),
        QStringLiteral("frameset"), QStringLiteral("object"), QStringLiteral("embed"),
        QStringLiteral("applet"), QStringLiteral("noscript"), QStringLiteral("template"),
        QStringLiteral("svg"), QStringLiteral("math"), QStringLiteral("textarea"),
        QStringLiteral("select"), QStringLiteral("button"), QStringLiteral("title"),
        QStringLiteral("noembed"), QStringLiteral("noframes"), QStringLiteral("xmp"),
        QStringLiteral("plaintext"), QStringLiteral("audio"), QStringLiteral("video"),
        QStringLiteral("canvas"), QStringLiteral("dialog"), QStringLiteral("portal"),
    };
    return set;
}

// Elements whose content is raw text up to the matching end tag (HTML §13.1.2).
const QSet<QString> &rawTextElements()
{
    static const QSet<QString> set{
        QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("textarea"),
        QStringLiteral("title"), QStringLiteral("xmp"), QStringLiteral("iframe"),
        QStringLiteral("noembed"), QStringLiteral("noframes"), QStringLiteral("noscript"),
        QStringLiteral("plaintext"),
    };
    return set;
}

const QSet<QString> &allowedElements()
{
    static const QSet<QString> set{
        QStringLiteral("a"), QStringLiteral("abbr"), QStringLiteral("acronym"), QStringLiteral("address"),
        QStringLiteral("article"), QStringLiteral("aside"), QStringLiteral("b"), QStringLiteral("bdi"),
        QStringLiteral("bdo"), QStringLiteral("big"), QStringLiteral("blockquote"), QStringLiteral("br"),
        QStringLiteral("caption"), QStringLiteral("center"), QStringLiteral("cite"), QStringLiteral("code"),
        QStringLiteral("col"), QStringLiteral("colgroup"), QStringLiteral("dd"), QStringLiteral("del"),
        QStringLiteral("details"), QStringLiteral("dfn"), QStringLiteral("div"), QStringLiteral("dl"),
        QStringLiteral("dt"), QStringLiteral("em"), QStringLiteral("figcaption"), QStringLiteral("figure"),
        QStringLiteral("font"), QStringLiteral("footer"), QStringLiteral("h1"), QStringLiteral("h2"),
        QStringLiteral("h3"), QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"),
        QStringLiteral("header"), QStringLiteral("hr"), QStringLiteral("i"), QStringLiteral("img"),
        QStringLiteral("ins"), QStringLiteral("kbd"), QStringLiteral("li"), QStringLiteral("main"),
        QStringLiteral("mark"), QStringLiteral("nav"), QStringLiteral("ol"), QStringLiteral("p"),
        QStringLiteral("pre"), QStringLiteral("q"), QStringLiteral("s"), QStringLiteral("samp"),
        QStringLiteral("section"), QStringLiteral("small"), QStringLiteral("span"), QStringLiteral("strike"),
        QStringLiteral("strong"), QStringLiteral("style"), QStringLiteral("sub"), QStringLiteral("summary"),
        QStringLiteral("sup"), QStringLiteral("table"), QStringLiteral("tbody"), QStringLiteral("td"),
        QStringLiteral("tfoot"), QStringLiteral("th"), QStringLiteral("thead"), QStringLiteral("time"),
        QStringLiteral("tr"), QStringLiteral("tt"), QStringLiteral("u"), QStringLiteral("ul"),
        QStringLiteral("var"), QStringLiteral("wbr"),
    };
    return set;
}

// Tags dropped silently, keeping their content (document structure, forms, unknown tags).
const QSet<QString> &structuralElements()
{
    static const QSet<QString> set{
        QStringLiteral("html"), QStringLiteral("head"), QStringLiteral("body"), QStringLiteral("picture"),
        QStringLiteral("o:p"),
    };
    return set;
}

const QSet<QString> &allowedAttributes()
{
    static const QSet<QString> set{
        QStringLiteral("align"), QStringLiteral("alt"), QStringLiteral("bgcolor"), QStringLiteral("border"),
        QStringLiteral("cellpadding"), QStringLiteral("cellspacing"), QStringLiteral("class"),
        QStringLiteral("color"), QStringLiteral("cols"), QStringLiteral("colspan"), QStringLiteral("datetime"),
        QStringLiteral("dir"), QStringLiteral("face"), QStringLiteral("height"), QStringLiteral("hspace"),
        QStringLiteral("id"), QStringLiteral("lang"), QStringLiteral("name"), QStringLiteral("nowrap"),
        QStringLiteral("open"), QStringLiteral("rowspan"), QStringLiteral("rules"), QStringLiteral("scope"),
        QStringLiteral("size"), QStringLiteral("span"), QStringLiteral("start"), QStringLiteral("style"),
        QStringLiteral("summary"), QStringLiteral("title"), QStringLiteral("type"), QStringLiteral("valign"),
        QStringLiteral("value"), QStringLiteral("vspace"), QStringLiteral("width"),
        // URL attributes, checked one by one below
        QStringLiteral("href"), QStringLiteral("src"), QStringLiteral("srcset"), QStringLiteral("background"),
        QStringLiteral("cite"),
    };
    return set;
}

const QSet<QString> &voidElements()
{
    static const QSet<QString> set{
        QStringLiteral("area"), QStringLiteral("base"), QStringLiteral("br"), QStringLiteral("col"),
        QStringLiteral("embed"), QStringLiteral("hr"), QStringLiteral("img"), QStringLiteral("input"),
        QStringLiteral("link"), QStringLiteral("meta"), QStringLiteral("param"), QStringLiteral("source"),
        QStringLiteral("track"), QStringLiteral("wbr"), QStringLiteral("keygen"),
    };
    return set;
}

struct Attribute
{
    QString name;
    QString value; ///< entities decoded
};

struct Tag
{
    QString name; ///< lower case
    QList<Attribute> attributes;
    bool end = false;
    bool selfClosing = false;
};

bool isAsciiAlpha(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isHtmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
        || c == QLatin1Char('\r') || c == QLatin1Char('\f');
}

const QHash<QString, QString> &namedEntities()
{
    static const QHash<QString, QString> table{
        {QStringLiteral("amp"), QStringLiteral("&")},    {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},     {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},   {QStringLiteral("nbsp"), QString(QChar(0xA0))},
        {QStringLiteral("colon"), QStringLiteral(":")},  {QStringLiteral("tab"), QStringLiteral("\t")},
        {QStringLiteral("newline"), QStringLiteral("\n")}, {QStringLiteral("sol"), QStringLiteral("/")},
        {QStringLiteral("lpar"), QStringLiteral("(")},   {QStringLiteral("rpar"), QStringLiteral(")")},
        {QStringLiteral("period"), QStringLiteral(".")}, {QStringLiteral("num"), QStringLiteral("#")},
        {QStringLiteral("bsol"), QStringLiteral("\\")},  {QStringLiteral("equals"), QStringLiteral("=")},
    };
    // The HTML 4 Latin-1 set (U+00A0 … U+00FF, in order) and the punctuation mail uses most,
    // so that text from HTML mail reads (and is found by search) as written: f&uuml;r → für.
    static const QHash<QString, QString> full = [] {
        QHash<QString, QString> all = table;
        static const char *const latin1[] = {
            "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
            "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
            "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
            "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
            "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
            "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
            "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
            "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
            "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};
        for (int i = 0; i < int(std::size(latin1)); ++i)
            all.insert(QString::fromLatin1(latin1[i]), QString(QChar(0xA0 + i)));
        const std::pair<const char *, char16_t> more[] = {
            {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
            {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"hellip", 0x2026}, {"bull", 0x2022},
            {"euro", 0x20AC}, {"trade", 0x2122}, {"OElig", 0x0152}, {"oelig", 0x0153}, {"Scaron", 0x0160},
            {"scaron", 0x0161}, {"Yuml", 0x0178}, {"thinsp", 0x2009}, {"ensp", 0x2002}, {"emsp", 0x2003},
            {"zwnj", 0x200C}, {"zwj", 0x200D}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"dagger", 0x2020}};
        for (const auto &[name, code] : more)
            all.insert(QString::fromLatin1(name), QString(QChar(code)));
        return all;
    }();
    return full;
}

/// Decodes character references (HTML §13.2.5.72ff), also without the final ';'.
QString decodeEntities(const QString &in)
{
    if (!in.contains(QLatin1Char('&')))
        return in;
    QString out;
    out.reserve(in.size());
    int i = 0;
    while (i < in.size()) {
        const QChar c = in.at(i);
        if (c != QLatin1Char('&')) {
            out.append(c);
            ++i;
            continue;
        }
        int j = i + 1;
        if (j < in.size() && in.at(j) == QLatin1Char('#')) {
            ++j;
            const bool hex = j < in.size() && (in.at(j) == QLatin1Char('x') || in.at(j) == QLatin1Char('X'));
            if (hex)
                ++j;
            const int digitsStart = j;
            char32_t code = 0;
            while (j < in.size()) {
                const int digit = hex ? QStringView(in).mid(j, 1).toInt(nullptr, 16) : in.at(j).digitValue();
                const bool isDigit = hex ? (in.at(j).isDigit() || QStringLiteral("abcdefABCDEF").contains(in.at(j)))
                                         : in.at(j).isDigit();
                if (!isDigit)
                    break;
                code = qMin<char32_t>(code * (hex ? 16 : 10) + static_cast<char32_t>(digit), 0x110000);
                ++j;
            }
            if (j == digitsStart) {
                out.append(c);
                ++i;
                continue;
            }
            if (j < in.size() && in.at(j) == QLatin1Char(';'))
                ++j;
            if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                code = 0xFFFD;
            out.append(QString::fromUcs4(&code, 1));
            i = j;
            continue;
        }
        while (j < in.size() && j - i <= 10 && in.at(j).isLetterOrNumber() && in.at(j).unicode() < 0x80)
            ++j;
        const QString name = in.mid(i + 1, j - i - 1);
        // Names are case-sensitive (&Auml; is not &auml;); the old lower-case look-up stays
        // for the few that mail writes in capitals anyway (&AMP;).
        auto found = namedEntities().constFind(name);
        if (found == namedEntities().constEnd())
            found = namedEntities().constFind(name.toLower());
        if (!name.isEmpty() && found != namedEntities().constEnd()) {
            out.append(found.value());
            if (j < in.size() && in.at(j) == QLatin1Char(';'))
                ++j;
            i = j;
        } else {
            out.append(c);
            ++i;
        }
    }
    return out;
}

/// Text content: keeps valid character references, escapes everything else.
QString escapeText(const QString &text)
{
    static const QRegularExpression reference(QStringLiteral("^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"));
    QString out;
    out.reserve(text.size() + 16);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '&':
            if (reference.match(QStringView(text).mid(i, 40)).hasMatch())
                out += c;
            else
                out += QStringLiteral("&amp;");
            break;
        case 0:
            out += QChar(0xFFFD);
            break;
        default:
            out += c;
        }
    }
    return out;
}

enum class UrlKind { Link, Image };

QString schemeOf(const QString &url)
{
    // Browsers ignore controls and whitespace inside the scheme ("java\tscript:").
    QString compact;
    for (const QChar c : url) {
        if (c.unicode() > 0x20)
            compact.append(c);
    }
    const int colon = compact.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    const QString scheme = compact.left(colon).toLower();
    for (const QChar c : scheme) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('.')))
            return {};
    }
    return scheme;
}

/// CSS with comments removed and escapes (CSS Syntax §4.3.7) resolved, so that "u\72l(" or
/// "expr/**/ession" cannot hide from the checks below.
QString normaliseCss(const QString &css)
{
    QString out;
    out.reserve(css.size());
    int i = 0;
    while (i < css.size()) {
        if (css.at(i) == QLatin1Char('/') && i + 1 < css.size() && css.at(i + 1) == QLatin1Char('*')) {
            const int end = css.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? css.size() : end + 2;
            continue;
        }
        if (css.at(i) == QLatin1Char('\\') && i + 1 < css.size()) {
            int j = i + 1;
            char32_t code = 0;
            int digits = 0;
            while (j < css.size() && digits < 6 && QStringLiteral("0123456789abcdefABCDEF").contains(css.at(j))) {
                code = code * 16 + static_cast<char32_t>(QStringView(css).mid(j, 1).toInt(nullptr, 16));
                ++j;
                ++digits;
            }
            if (digits > 0) {
                if (j < css.size() && isHtmlSpace(css.at(j)))
                    ++j;
                if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                    code = 0xFFFD;
                out.append(QString::fromUcs4(&code, 1));
                i = j;
                continue;
            }
            if (css.at(j) == QLatin1Char('\n')) {
                i = j + 1;
                continue;
            }
            out.append(css.at(j));
            i = j + 1;
            continue;
        }
        out.append(css.at(i) == QChar(0) ? QChar(0xFFFD) : css.at(i));
        ++i;
    }
    return out;
}

} // namespace

class SanitizerRun
{
public:
    SanitizerRun(const HtmlSanitizerOptions &options, SanitizedHtml &result)
        : m_options(options)
        , m_result(result)
    {
    }

    /// Returns the URL to write for a link or image, or an empty string to drop it.
    QString checkUrl(const QString &raw, UrlKind kind)
    {
        const QString url = raw.trimmed();
        const QString scheme = schemeOf(url);
        if (kind == UrlKind::Link) {
            if (url.startsWith(QLatin1Char('#')))
                return url;
            if (scheme == QLatin1String("http") || scheme == QLatin1String("https")
                || scheme == QLatin1String("mailto"))
                return url;
            if (scheme == QLatin1String("cid"))
                return mapCid(url);
            return {};
        }
        if (scheme == QLatin1String("cid"))
            return mapCid(url);
        if (scheme == QLatin1String("data")) {
            static const QRegularExpression image(
                QStringLiteral("^\\s*data:image/(png|gif|jpe?g|webp|bmp)[;,]"), QRegularExpression::CaseInsensitiveOption);
            return image.match(url).hasMatch() ? url : QString();
        }
        // Scheme-relative "//host/x" loads from the network too.
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https")
            || url.startsWith(QLatin1String("//"))) {
            if (m_options.allowRemoteContent)
                return url;
            ++m_result.blockedRemoteCount;
            m_result.blockedRemoteUrls.append(url);
            return {};
        }
        return {};
    }

    QString mapCid(const QString &url)
    {
        QString cid = url.mid(url.indexOf(QLatin1Char(':')) + 1).trimmed();
        if (cid.startsWith(QLatin1Char('<')) && cid.endsWith(QLatin1Char('>')))
            cid = cid.mid(1, cid.size() - 2);
        const auto found = m_options.contentIdUrls.constFind(cid);
        if (found == m_options.contentIdUrls.constEnd())
            return {};
        return found.value();
    }

    /// Sanitises a style sheet or a style attribute.
    QString sanitizeCss(const QString &input)
    {
        const QString css = normaliseCss(input);
        static const QRegularExpression dangerous(
            QStringLiteral("expression\\s*\\(|behavior\\s*:|-moz-binding|javascript:|vbscript:|@charset"),
            QRegularExpression::CaseInsensitiveOption);
        if (dangerous.match(css).hasMatch()) {
            ++m_result.removedAttributes;
            // Keep the remote count honest even when the whole style goes.
            static const QRegularExpression anyUrl(QStringLiteral("url\\s*\\("), QRegularExpression::CaseInsensitiveOption);
            auto it = anyUrl.globalMatch(css);
            while (it.hasNext()) {
                it.next();
                ++m_result.blockedRemoteCount;
            }
            return {};
        }
        QString out;
        static const QRegularExpression importRule(
            QStringLiteral("@import\\s+(url\\s*\\(\\s*)?(['\"]?)([^'\")\\s;]{0,4096})\\2\\s*\\)?[^;]{0,4096};?"),
            QRegularExpression::CaseInsensitiveOption);
        QString withoutImports = css;
        {
            QString rebuilt;
            int last = 0;
            auto it = importRule.globalMatch(css);
            while (it.hasNext()) {
                const QRegularExpressionMatch match = it.next();
                rebuilt += css.mid(last, match.capturedStart() - last);
                const QString url = match.captured(3);
                const QString kept = checkUrl(url, UrlKind::Image);
                if (!kept.isEmpty() && schemeOf(kept) != QLatin1String("data"))
                    rebuilt += QStringLiteral("@import url(\"") + kept + QStringLiteral("\");");
                last = match.capturedEnd();
            }
            rebuilt += css.mid(last);
            withoutImports = rebuilt;
        }
        static const QRegularExpression urlToken(
            QStringLiteral("url\\s*\\(\\s*(['\"]?)(.{0,4096}?)\\1\\s*\\)"), QRegularExpression::CaseInsensitiveOption);
        int last = 0;
        auto it = urlToken.globalMatch(withoutImports);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            out += withoutImports.mid(last, match.capturedStart() - last);
            const QString kept = checkUrl(match.captured(2), UrlKind::Image);
            if (kept.isEmpty())
                out += QStringLiteral("none");
            else
                out += QStringLiteral("url(\"") + QString(kept).remove(QLatin1Char('"')) + QStringLiteral("\")");
            last = match.capturedEnd();
        }
        out += withoutImports.mid(last);
        // A stray "url(" that the pattern above could not parse is still a load.
        static const QRegularExpression leftover(QStringLiteral("url\\s*\\("), QRegularExpression::CaseInsensitiveOption);
        auto rest = leftover.globalMatch(out);
        while (rest.hasNext()) {
            const QRegularExpressionMatch match = rest.next();
            const QString tail = out.mid(match.capturedEnd(), 1);
            if (tail != QLatin1String("\"")) {
                ++m_result.blockedRemoteCount;
                return {};
            }
        }
        // Never let a style sheet end its element.
        out.replace(QLatin1Char('<'), QStringLiteral("\\3c "));
        return out;
    }

    QString srcset(const QString &value)
    {
        QStringList kept;
        for (const QString &candidate : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList pieces = candidate.trimmed().split(QRegularExpression(QStringLiteral("\\s+")));
            const QString url = checkUrl(pieces.value(0), UrlKind::Image);
            if (!url.isEmpty())
                kept.append((QStringList{url} + pieces.mid(1)).join(QLatin1Char(' ')));
        }
        return kept.join(QStringLiteral(", "));
    }

    /// Writes an allowed start tag with its allowed, checked attributes.
    void writeStartTag(const Tag &tag, QString &out)
    {
        QString attributes;
        bool hasHref = false;
        for (const Attribute &attribute : tag.attributes) {
            const QString &name = attribute.name;
            if (!allowedAttributes().contains(name)) {
                ++m_result.removedAttributes;
                continue;
            }
            QString value = attribute.value;
            if (name == QLatin1String("href")) {
                if (tag.name != QLatin1String("a")) {
                    ++m_result.removedAttributes;
                    continue;
                }
                value = checkUrl(value, UrlKind::Link);
                hasHref = !value.isEmpty();
            } else if (name == QLatin1String("src")) {
                value = tag.name == QLatin1String("img") ? checkUrl(value, UrlKind::Image) : QString();
            } else if (name == QLatin1String("background")) {
                value = checkUrl(value, UrlKind::Image);
            } else if (name == QLatin1String("srcset")) {
                value = tag.name == QLatin1String("img") ? srcset(value) : QString();
            } else if (name == QLatin1String("cite")) {
                value = checkUrl(value, UrlKind::Link);
            } else if (name == QLatin1String("style")) {
                value = sanitizeCss(value);
            }
            if (value.isEmpty() && (name == QLatin1String("href") || name == QLatin1String("src")
                                    || name == QLatin1String("background") || name == QLatin1String("srcset")
                                    || name == QLatin1String("cite") || name == QLatin1String("style"))) {
                ++m_result.removedAttributes;
                continue;
            }
            attributes += QLatin1Char(' ') + name + QStringLiteral("=\"") + HtmlSanitizer::escape(value)
                + QLatin1Char('"');
        }
        if (hasHref)
            attributes += QStringLiteral(" rel=\"noopener noreferrer\"");
        out += QLatin1Char('<') + tag.name + attributes + QLatin1Char('>');
    }

    QString run(const QString &html)
    {
        QString out;
        out.reserve(html.size());
        int i = 0;
        const int n = html.size();
        while (i < n) {
            const int lt = html.indexOf(QLatin1Char('<'), i);
            if (lt < 0) {
                out += escapeText(html.mid(i));
                break;
            }
            out += escapeText(html.mid(i, lt - i));
            i = lt;
            // Comments, doctype, processing instructions, CDATA: dropped.
            if (html.mid(i, 4) == QLatin1String("<!--")) {
                const int end = html.indexOf(QStringLiteral("-->"), i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (i + 1 < n && (html.at(i + 1) == QLatin1Char('!') || html.at(i + 1) == QLatin1Char('?'))) {
                const int end = html.indexOf(QLatin1Char('>'), i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            const bool isEnd = i + 1 < n && html.at(i + 1) == QLatin1Char('/');
            const int nameStart = i + (isEnd ? 2 : 1);
            if (nameStart >= n || !isAsciiAlpha(html.at(nameStart))) {
                if (isEnd) { // "</ junk>" is a bogus comment
                    const int end = html.indexOf(QLatin1Char('>'), i);
                    i = end < 0 ? n : end + 1;
                } else {
                    out += QStringLiteral("&lt;");
                    ++i;
                }
                continue;
            }
            Tag tag;
            tag.end = isEnd;
            i = parseTag(html, nameStart, tag);
            handleTag(tag, html, i, out);
        }
        return out;
    }

private:
    /// Parses a tag from its name to after '>'; returns the position after it.
    static int parseTag(const QString &html, int pos, Tag &tag)
    {
        const int n = html.size();
        int start = pos;
        while (pos < n && !isHtmlSpace(html.at(pos)) && html.at(pos) != QLatin1Char('/')
               && html.at(pos) != QLatin1Char('>'))
            ++pos;
        tag.name = html.mid(start, pos - start).toLower();
        while (pos < n) {
            while (pos < n && (isHtmlSpace(html.at(pos)) || html.at(pos) == QLatin1Char('/'))) {
                if (html.at(pos) == QLatin1Char('/') && pos + 1 < n && html.at(pos + 1) == QLatin1Char('>'))
                    tag.selfClosing = true;
                ++pos;
            }
            if (pos >= n)
                break;
            if (html.at(pos) == QLatin1Char('>')) {
                ++pos;
                break;
            }
            start = pos;
            ++pos; // the first character may be '=' (HTML §13.2.5.32)
            while (pos < n && !isHtmlSpace(html.at(pos)) && html.at(pos) != QLatin1Char('/')
                   && html.at(pos) != QLatin1Char('>') && html.at(pos) != QLatin1Char('='))
                ++pos;
            Attribute attribute;
            attribute.name = html.mid(start, pos - start).toLower();
            while (pos < n && isHtmlSpace(html.at(pos)))
                ++pos;
            if (pos < n && html.at(pos) == QLatin1Char('=')) {
                ++pos;
                while (pos < n && isHtmlSpace(html.at(pos)))
                    ++pos;
                if (pos < n && (html.at(pos) == QLatin1Char('"') || html.at(pos) == QLatin1Char('\''))) {
                    const QChar quote = html.at(pos);
                    const int end = html.indexOf(quote, pos + 1);
                    const int stop = end < 0 ? n : end;
                    attribute.value = html.mid(pos + 1, stop - pos - 1);
                    pos = end < 0 ? n : end + 1;
                } else {
                    start = pos;
                    while (pos < n && !isHtmlSpace(html.at(pos)) && html.at(pos) != QLatin1Char('>'))
                        ++pos;
                    attribute.value = html.mid(start, pos - start);
                }
            }
            attribute.value = decodeEntities(attribute.value);
            attribute.value.replace(QChar(0), QChar(0xFFFD));
            if (!tag.end && !attribute.name.isEmpty())
                tag.attributes.append(attribute);
        }
        return pos;
    }

    /// Skips to after the end tag of `name` (raw text: first "</name"; otherwise nested).
    static int skipElement(const QString &html, int pos, const QString &name, bool raw)
    {
        const QString close = QStringLiteral("</") + name;
        const QString open = QLatin1Char('<') + name;
        int depth = 1;
        while (pos < html.size()) {
            const int nextClose = html.indexOf(close, pos, Qt::CaseInsensitive);
            if (nextClose < 0)
                return html.size();
            if (!raw) {
                const int nextOpen = html.indexOf(open, pos, Qt::CaseInsensitive);
                if (nextOpen >= 0 && nextOpen < nextClose) {
                    const int after = nextOpen + open.size();
                    if (after < html.size() && (isHtmlSpace(html.at(after)) || html.at(after) == QLatin1Char('>')
                                                || html.at(after) == QLatin1Char('/')))
                        ++depth;
                    pos = after;
                    continue;
                }
            }
            const int after = nextClose + close.size();
            if (after < html.size() && !(isHtmlSpace(html.at(after)) || html.at(after) == QLatin1Char('>')
                                         || html.at(after) == QLatin1Char('/'))) {
                pos = after;
                continue;
            }
            const int gt = html.indexOf(QLatin1Char('>'), after);
            pos = gt < 0 ? html.size() : gt + 1;
            if (raw || --depth == 0)
                return pos;
        }
        return html.size();
    }

    void handleTag(const Tag &tag, const QString &html, int &pos, QString &out)
    {
        const QString &name = tag.name;
        if (tag.end) {
            if (allowedElements().contains(name) && !voidElements().contains(name))
                out += QStringLiteral("</") + name + QLatin1Char('>');
            return;
        }
        if (droppedWithContent().contains(name)) {
            ++m_result.removedElements;
            // Media elements load from the network: count them as blocked remote content.
            if (name == QLatin1String("audio") || name == QLatin1String("video"))
                countRemoteSources(tag);
            if (!voidElements().contains(name) && (!tag.selfClosing || rawTextElements().contains(name)))
                pos = skipElement(html, pos, name, rawTextElements().contains(name));
            return;
        }
        if (name == QLatin1String("style")) {
            const int end = skipElement(html, pos, name, true);
            const int contentEnd = html.lastIndexOf(QStringLiteral("</"), end - 1);
            const QString css = html.mid(pos, (contentEnd >= pos ? contentEnd : end) - pos);
            pos = end;
            const QString safe = sanitizeCss(css);
            if (!safe.trimmed().isEmpty())
                out += QStringLiteral("<style>") + safe + QStringLiteral("</style>");
            return;
        }
        if (name == QLatin1String("link")) {
            ++m_result.removedElements;
            for (const Attribute &attribute : tag.attributes) {
                if (attribute.name == QLatin1String("href")) {
                    const QString scheme = schemeOf(attribute.value);
                    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")
                        || attribute.value.trimmed().startsWith(QLatin1String("//"))) {
                        ++m_result.blockedRemoteCount;
                        m_result.blockedRemoteUrls.append(attribute.value.trimmed());
                    }
                }
            }
            return;
        }
        if (name == QLatin1String("source") || name == QLatin1String("track")) {
            ++m_result.removedElements;
            countRemoteSources(tag);
            return;
        }
        if (allowedElements().contains(name)) {
            writeStartTag(tag, out);
            return;
        }
        if (structuralElements().contains(name))
            countRemoteSources(tag); // <body background=...> would have loaded
        else
            ++m_result.removedElements; // form, input, meta, base, unknown: tag dropped
    }

    void countRemoteSources(const Tag &tag)
    {
        for (const Attribute &attribute : tag.attributes) {
            if (attribute.name == QLatin1String("src") || attribute.name == QLatin1String("srcset")
                || attribute.name == QLatin1String("poster") || attribute.name == QLatin1String("background")) {
                const QString scheme = schemeOf(attribute.value);
                if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
                    ++m_result.blockedRemoteCount;
                    m_result.blockedRemoteUrls.append(attribute.value.trimmed());
                }
            }
        }
    }

    const HtmlSanitizerOptions &m_options;
    SanitizedHtml &m_result;
};

HtmlSanitizer::HtmlSanitizer(HtmlSanitizerOptions options)
    : m_options(std::move(options))
{
}

SanitizedHtml HtmlSanitizer::sanitize(const QString &html) const
{
    SanitizedHtml result;
    SanitizerRun run(m_options, result);
    result.html = run.run(html);
    return result;
}

QString HtmlSanitizer::escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case '\'':
            out += QStringLiteral("&#39;");
            break;
        case 0:
            out += QChar(0xFFFD);
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString HtmlSanitizer::toPlainText(const QString &html)
{
    static const QRegularExpression hidden(QStringLiteral("<(script|style|head|title)\\b.*?</\\1\\s*>"),
                                           QRegularExpression::CaseInsensitiveOption
                                               | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression lineBreak(
        QStringLiteral("<(br|/p|/div|/tr|/li|/h[1-6]|/blockquote|/table|hr)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("[ \\t\\r]+"));
    static const QRegularExpression blankLines(QStringLiteral("\\n\\s*\\n\\s*\\n+"));
    QString text = html;
    text.remove(comment);
    text.remove(hidden);
    text.replace(lineBreak, QStringLiteral("\n"));
    text.remove(tag);
    text.replace(spaces, QStringLiteral(" "));
    text = decodeEntities(text);
    text.replace(QChar(0xA0), QLatin1Char(' '));
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.trimmed();
    text = lines.join(QLatin1Char('\n'));
    text.replace(blankLines, QStringLiteral("\n\n"));
    return text.trimmed();
}

QString HtmlSanitizer::plainTextToHtml(const QString &text)
{
    static const QRegularExpression link(
        QStringLiteral("\\b((?:https?://|www\\.)[^\\s<>\"]{1,2048}|mailto:[^\\s<>\"]{1,512}|"
                       "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8})"),
        QRegularExpression::CaseInsensitiveOption);
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            continue; // NUL and other controls have no business in a rendering
        clean.append(c);
    }
    QString out = QStringLiteral("<div style=\"white-space: pre-wrap\">");
    int last = 0;
    auto it = link.globalMatch(clean);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString target = match.captured(1);
        // Trailing punctuation belongs to the sentence, not the link.
        while (!target.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(target.back()))
            target.chop(1);
        if (target.isEmpty())
            continue;
        out += escape(clean.mid(last, match.capturedStart() - last));
        QString href = target;
        if (href.startsWith(QLatin1String("www."), Qt::CaseInsensitive))
            href.prepend(QStringLiteral("http://"));
        else if (!href.contains(QLatin1Char(':')) && href.contains(QLatin1Char('@')))
            href.prepend(QStringLiteral("mailto:"));
        out += QStringLiteral("<a href=\"") + escape(href) + QStringLiteral("\" rel=\"noopener noreferrer\">")
            + escape(target) + QStringLiteral("</a>");
        last = match.capturedStart() + target.size();
    }
    out += escape(clean.mid(last)) + QStringLiteral("</div>");
    return out;
}

} // namespace Mailtrail::Mime

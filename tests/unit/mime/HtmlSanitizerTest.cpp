// SPDX-License-Identifier: GPL-3.0-or-later
// HtmlSanitizer: every row is a known way to run script or load something remote from mail.
#include "mime/HtmlSanitizer.h"

#include <QTest>

using namespace Mailtrail::Mime;

class HtmlSanitizerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostile_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QStringList>("forbidden"); // case-insensitive, must not appear
        QTest::addColumn<QStringList>("kept"); // must appear
        QTest::addColumn<int>("blockedRemote");

        QTest::newRow("script-tag") << QStringLiteral("<p>hi</p><script>alert(1)</script><p>there</p>")
                                    << QStringList{QStringLiteral("script"), QStringLiteral("alert")}
                                    << QStringList{QStringLiteral("<p>hi</p>"), QStringLiteral("<p>there</p>")} << 0;
        QTest::newRow("script-uppercase-and-nested-text")
            << QStringLiteral("<SCRIPT type=text/javascript>var s='</p>';</SCRIPT >ok")
            << QStringList{QStringLiteral("script"), QStringLiteral("var s")} << QStringList{QStringLiteral("ok")} << 0;
        QTest::newRow("unclosed-script-swallows-rest") << QStringLiteral("a<script>alert(1)")
                                                       << QStringList{QStringLiteral("alert")}
                                                       << QStringList{QStringLiteral("a")} << 0;
        QTest::newRow("img-onerror") << QStringLiteral("<img src=x onerror=alert(1)>")
                                     << QStringList{QStringLiteral("onerror"), QStringLiteral("alert")}
                                     << QStringList{QStringLiteral("<img")} << 0;
        QTest::newRow("event-handler-with-slash-separator") << QStringLiteral("<body/onload=alert(1)><b/onmouseover=x>t</b>")
                                                            << QStringList{QStringLiteral("onload"), QStringLiteral("onmouseover")}
                                                            << QStringList{QStringLiteral("<b>t</b>")} << 0;
        QTest::newRow("javascript-href") << QStringLiteral("<a href=\"javascript:alert(1)\">x</a>")
                                         << QStringList{QStringLiteral("javascript")} << QStringList{QStringLiteral("<a>x</a>")} << 0;
        QTest::newRow("javascript-href-entity-obfuscated")
            << QStringLiteral("<a href=\"jav&#x09;ascript&colon;alert(1)\">x</a><a href=\"&#106;avascript:alert(2)\">y</a>")
            << QStringList{QStringLiteral("alert"), QStringLiteral("&#106;")} << QStringList{QStringLiteral("<a>x</a>")} << 0;
        QTest::newRow("vbscript-href") << QStringLiteral("<a href='vbscript:msgbox(1)'>x</a>")
                                       << QStringList{QStringLiteral("vbscript")} << QStringList{} << 0;
        QTest::newRow("data-html-href") << QStringLiteral("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>")
                                        << QStringList{QStringLiteral("data:")} << QStringList{} << 0;
        QTest::newRow("data-image-allowed-for-img") << QStringLiteral("<img src=\"data:image/png;base64,iVBORw0KGgo=\">")
                                                    << QStringList{} << QStringList{QStringLiteral("data:image/png;base64,iVBORw0KGgo=")} << 0;
        QTest::newRow("data-svg-image-refused") << QStringLiteral("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">")
                                                << QStringList{QStringLiteral("svg")} << QStringList{} << 0;
        QTest::newRow("remote-image-blocked") << QStringLiteral("<img src=\"https://tracker.example/p.gif?u=1\" alt=a>")
                                              << QStringList{QStringLiteral("tracker.example")}
                                              << QStringList{QStringLiteral("alt=\"a\"")} << 1;
        QTest::newRow("scheme-relative-image-blocked") << QStringLiteral("<img src=\"//tracker.example/p.gif\">")
                                                       << QStringList{QStringLiteral("tracker")} << QStringList{} << 1;
        QTest::newRow("srcset-blocked") << QStringLiteral("<img srcset=\"http://a.example/1.png 1x, http://a.example/2.png 2x\">")
                                        << QStringList{QStringLiteral("a.example")} << QStringList{} << 2;
        QTest::newRow("background-attribute-blocked") << QStringLiteral("<table background=\"http://t.example/bg.png\"><tr><td>x</td></tr></table>")
                                                      << QStringList{QStringLiteral("t.example")}
                                                      << QStringList{QStringLiteral("<td>x</td>")} << 1;
        QTest::newRow("body-background-counted") << QStringLiteral("<body background=\"http://t.example/bg.png\">x</body>")
                                                 << QStringList{QStringLiteral("t.example"), QStringLiteral("<body")}
                                                 << QStringList{QStringLiteral("x")} << 1;
        QTest::newRow("video-poster-counted") << QStringLiteral("<video poster=\"https://t.example/p.jpg\"><source src=\"https://t.example/v.mp4\"></video>ok")
                                              << QStringList{QStringLiteral("t.example"), QStringLiteral("video")}
                                              << QStringList{QStringLiteral("ok")} << 1;
        QTest::newRow("css-url-in-style-attribute")
            << QStringLiteral("<div style=\"color: red; background: url('http://t.example/a.png') no-repeat\">x</div>")
            << QStringList{QStringLiteral("t.example")} << QStringList{QStringLiteral("color: red"), QStringLiteral("none no-repeat")} << 1;
        QTest::newRow("css-url-escaped") << QStringLiteral("<div style=\"background: u\\72l(http://t.example/a.png)\">x</div>")
                                         << QStringList{QStringLiteral("t.example")} << QStringList{} << 1;
        QTest::newRow("css-import-in-style-element")
            << QStringLiteral("<style>@import url(http://t.example/s.css); p { color: blue }</style><p>x</p>")
            << QStringList{QStringLiteral("t.example"), QStringLiteral("@import")}
            << QStringList{QStringLiteral("color: blue")} << 1;
        QTest::newRow("css-expression") << QStringLiteral("<p style=\"width: expr/**/ession(alert(1))\">x</p>")
                                        << QStringList{QStringLiteral("alert"), QStringLiteral("expression")}
                                        << QStringList{QStringLiteral("<p>x</p>")} << 0;
        QTest::newRow("style-element-breakout") << QStringLiteral("<style>p{}</style><script>alert(1)</script>")
                                                << QStringList{QStringLiteral("alert"), QStringLiteral("<script")} << QStringList{} << 0;
        QTest::newRow("link-stylesheet-blocked") << QStringLiteral("<link rel=stylesheet href=\"https://t.example/s.css\">x")
                                                 << QStringList{QStringLiteral("<link"), QStringLiteral("t.example")}
                                                 << QStringList{QStringLiteral("x")} << 1;
        QTest::newRow("meta-refresh") << QStringLiteral("<meta http-equiv=refresh content=\"0;url=http://evil.example\">x")
                                      << QStringList{QStringLiteral("meta"), QStringLiteral("evil")} << QStringList{QStringLiteral("x")} << 0;
        QTest::newRow("base-href") << QStringLiteral("<base href=\"http://evil.example/\"><a href=\"x\">l</a>")
                                   << QStringList{QStringLiteral("<base"), QStringLiteral("evil")} << QStringList{QStringLiteral("l</a>")} << 0;
        QTest::newRow("form-and-controls") << QStringLiteral("<form action=\"http://evil.example\"><input name=p type=password><button>Go</button><textarea>t</textarea>label</form>")
                                           << QStringList{QStringLiteral("<form"), QStringLiteral("<input"), QStringLiteral("<button"),
                                                          QStringLiteral("evil"), QStringLiteral("textarea")}
                                           << QStringList{QStringLiteral("label")} << 0;
        QTest::newRow("iframe-object-embed") << QStringLiteral("<iframe src=\"http://e.example\">f</iframe><object data=x><param name=a></object><embed src=y>ok")
                                             << QStringList{QStringLiteral("iframe"), QStringLiteral("object"), QStringLiteral("embed"),
                                                            QStringLiteral("param")}
                                             << QStringList{QStringLiteral("ok")} << 0;
        QTest::newRow("svg-with-script") << QStringLiteral("<svg><script>alert(1)</script><a xlink:href=\"javascript:x\">s</a></svg>after")
                                         << QStringList{QStringLiteral("svg"), QStringLiteral("alert"), QStringLiteral("javascript")}
                                         << QStringList{QStringLiteral("after")} << 0;
        QTest::newRow("comment-conditional") << QStringLiteral("<!--[if IE]><script>alert(1)</script><![endif]-->ok")
                                             << QStringList{QStringLiteral("alert")} << QStringList{QStringLiteral("ok")} << 0;
        QTest::newRow("attribute-quote-breakout") << QStringLiteral("<a title='\"><script>alert(1)</script>'>x</a>")
                                                  << QStringList{QStringLiteral("<script")} << QStringList{QStringLiteral("&lt;script&gt;")} << 0;
        QTest::newRow("nul-byte-in-tag-name") << QStringLiteral("<scr\u0000ipt>alert(1)</scr\u0000ipt>")
                                              << QStringList{QStringLiteral("<scr")} << QStringList{} << 0;
        QTest::newRow("text-lt-escaped") << QStringLiteral("1 < 2 & 3 > 2 &amp; ok")
                                         << QStringList{} << QStringList{QStringLiteral("1 &lt; 2 &amp; 3 &gt; 2 &amp; ok")} << 0;
    }
    void hostile()
    {
        QFETCH(QString, html);
        QFETCH(QStringList, forbidden);
        QFETCH(QStringList, kept);
        QFETCH(int, blockedRemote);
        const SanitizedHtml result = HtmlSanitizer().sanitize(html);
        for (const QString &bad : forbidden)
            QVERIFY2(!result.html.contains(bad, Qt::CaseInsensitive), qPrintable(bad + QStringLiteral(" in: ") + result.html));
        for (const QString &good : kept)
            QVERIFY2(result.html.contains(good), qPrintable(good + QStringLiteral(" missing in: ") + result.html));
        QCOMPARE(result.blockedRemoteCount, blockedRemote);
        QCOMPARE(result.blockedRemoteUrls.size(), blockedRemote == 0 ? 0 : result.blockedRemoteUrls.size());
        QVERIFY(!result.html.contains(QChar(0)));
    }

    void remoteAllowedOnRequest()
    {
        const QString html = QStringLiteral("<img src=\"https://img.example/a.png\"><div style=\"background:url(https://img.example/b.png)\">x</div>");
        const SanitizedHtml blocked = HtmlSanitizer().sanitize(html);
        QCOMPARE(blocked.blockedRemoteCount, 2);
        QCOMPARE(blocked.blockedRemoteUrls,
                 (QStringList{QStringLiteral("https://img.example/a.png"), QStringLiteral("https://img.example/b.png")}));
        HtmlSanitizerOptions options;
        options.allowRemoteContent = true;
        const SanitizedHtml allowed = HtmlSanitizer(options).sanitize(html);
        QCOMPARE(allowed.blockedRemoteCount, 0);
        QVERIFY(allowed.html.contains(QStringLiteral("src=\"https://img.example/a.png\"")));
        QVERIFY2(allowed.html.contains(QStringLiteral("url(&quot;https://img.example/b.png&quot;)")), qPrintable(allowed.html));
        // Still no script, even with remote content allowed.
        QVERIFY(!HtmlSanitizer(options).sanitize(QStringLiteral("<script src=\"https://x.example/a.js\"></script>"))
                     .html.contains(QStringLiteral("script")));
    }

    void cidMappedToInlinePart()
    {
        HtmlSanitizerOptions options;
        options.contentIdUrls.insert(QStringLiteral("logo@example.org"), QStringLiteral("data:image/png;base64,AAAA"));
        const SanitizedHtml result = HtmlSanitizer(options).sanitize(
            QStringLiteral("<img src=\"cid:logo@example.org\"><img src=\"cid:missing@x\">"));
        QVERIFY(result.html.contains(QStringLiteral("<img src=\"data:image/png;base64,AAAA\">")));
        QVERIFY(!result.html.contains(QStringLiteral("missing")));
        QCOMPARE(result.blockedRemoteCount, 0);
    }

    void safeLinksKept()
    {
        const SanitizedHtml result = HtmlSanitizer().sanitize(
            QStringLiteral("<a href=\"https://example.org/?a=1&amp;b=2\" onclick=\"x()\">l</a><a href=\"mailto:a@example.org\">m</a>"));
        QCOMPARE(result.html,
                 QStringLiteral("<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\">l</a>"
                                "<a href=\"mailto:a@example.org\" rel=\"noopener noreferrer\">m</a>"));
        QCOMPARE(result.removedAttributes, 1);
    }

    void plainTextToHtml_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString pre = QStringLiteral("<div style=\"white-space: pre-wrap\">");
        const QString end = QStringLiteral("</div>");
        QTest::newRow("escaped") << QStringLiteral("<b>&\"'") << pre + QStringLiteral("&lt;b&gt;&amp;&quot;&#39;") + end;
        QTest::newRow("url-linked-without-trailing-dot")
            << QStringLiteral("see https://example.org/a?b=1&c=2.")
            << pre + QStringLiteral("see <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">https://example.org/a?b=1&amp;c=2</a>.") + end;
        QTest::newRow("www-gets-http") << QStringLiteral("www.example.org")
                                       << pre + QStringLiteral("<a href=\"http://www.example.org\" rel=\"noopener noreferrer\">www.example.org</a>") + end;
        QTest::newRow("address-gets-mailto") << QStringLiteral("mail a.b@example.org now")
                                             << pre + QStringLiteral("mail <a href=\"mailto:a.b@example.org\" rel=\"noopener noreferrer\">a.b@example.org</a> now") + end;
        QTest::newRow("javascript-not-linked") << QStringLiteral("javascript:alert(1)") << pre + QStringLiteral("javascript:alert(1)") + end;
        QTest::newRow("quote-in-url-cannot-break-attribute")
            << QStringLiteral("http://e.example/\"onmouseover=\"x") << pre
                + QStringLiteral("<a href=\"http://e.example/\" rel=\"noopener noreferrer\">http://e.example/</a>&quot;onmouseover=&quot;x") + end;
        QTest::newRow("nul-removed") << QStringLiteral("a\u0000b") << pre + QStringLiteral("ab") + end;
    }
    void plainTextToHtml()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(HtmlSanitizer::plainTextToHtml(text), expected);
    }

    void pathologicalInputFinishes_data()
    {
        QTest::addColumn<QString>("html");
        QTest::newRow("many-word-boundaries") << QStringLiteral("a.").repeated(100000);
        QTest::newRow("repeated-http-without-space") << QStringLiteral("http://").repeated(30000);
        QTest::newRow("unclosed-css-url") << (QStringLiteral("<style>") + QStringLiteral("url(").repeated(50000));
        QTest::newRow("unclosed-tags") << QStringLiteral("<a href=\"").repeated(30000);
        QTest::newRow("nested-dropped-elements") << QStringLiteral("<object>").repeated(20000);
        QTest::newRow("entities") << QStringLiteral("&#x41;&amp;&").repeated(50000);
    }
    void pathologicalInputFinishes()
    {
        QFETCH(QString, html);
        const SanitizedHtml result = HtmlSanitizer().sanitize(html);
        QVERIFY(!result.html.contains(QStringLiteral("<script")));
        QVERIFY(!HtmlSanitizer::plainTextToHtml(html).isEmpty());
    }

    void toPlainText()
    {
        QCOMPARE(HtmlSanitizer::toPlainText(QStringLiteral("<style>p{}</style><p>One&nbsp;&amp; two</p><p>Three<br>four</p>")),
                 QStringLiteral("One & two\nThree\nfour"));
    }
};

QTEST_GUILESS_MAIN(HtmlSanitizerTest)
#include "HtmlSanitizerTest.moc"

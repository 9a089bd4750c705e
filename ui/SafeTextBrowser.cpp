// SPDX-License-Identifier: GPL-3.0-or-later
#include "SafeTextBrowser.h"

#include <QImage>
#include <QPointer>
#include <QTextDocument>

namespace Mailtrail::Ui {

namespace {

/// RFC 2397 data: URL with base64 payload → bytes (only images are ever expected).
QByteArray decodeDataUrl(const QUrl &url)
{
    const QString text = url.toString(QUrl::FullyEncoded);
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma < 0)
        return {};
    const QString meta = text.mid(5, comma - 5);
    const QByteArray payload = QByteArray::fromPercentEncoding(text.mid(comma + 1).toLatin1());
    return meta.endsWith(QLatin1String(";base64")) ? QByteArray::fromBase64(payload) : payload;
}

} // namespace

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &SafeTextBrowser::linkActivated);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("data")) {
        const QByteArray bytes = decodeDataUrl(name);
        if (type == QTextDocument::ImageResource) {
            QImage image;
            if (image.loadFromData(bytes))
                return image;
            return {};
        }
        return bytes;
    }
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) && m_remoteAllowed && m_fetcher) {
        QPointer<SafeTextBrowser> self(this);
        const int resourceType = type;
        m_fetcher(name, [self, name, resourceType](const QByteArray &bytes) {
            if (!self || bytes.isEmpty())
                return;
            QImage image;
            if (resourceType == QTextDocument::ImageResource && image.loadFromData(bytes))
                self->document()->addResource(resourceType, name, image);
            else
                self->document()->addResource(resourceType, name, bytes);
            self->document()->markContentsDirty(0, self->document()->characterCount());
            self->viewport()->update();
        });
        return {};
    }
    // Everything else — file:, qrc:, relative names, remote while blocked — is refused.
    if (!m_refused.contains(name.toString()))
        m_refused.append(name.toString());
    return {};
}

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Mailtrail::Ui {

namespace {

enum class Glyph { Folder, Inbox, Sent, Drafts, Trash, Junk, Archive, Account, Tracked, PaperClip };

QPixmap drawGlyph(Glyph glyph, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QColor ink(0x4a, 0x5a, 0x6a);
    p.setPen(QPen(ink, s / 14.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (glyph) {
    case Glyph::Folder:
    case Glyph::Archive: {
        QPainterPath path;
        path.moveTo(s * 0.1, s * 0.25);
        path.lineTo(s * 0.4, s * 0.25);
        path.lineTo(s * 0.48, s * 0.35);
        path.lineTo(s * 0.9, s * 0.35);
        path.lineTo(s * 0.9, s * 0.82);
        path.lineTo(s * 0.1, s * 0.82);
        path.closeSubpath();
        p.setBrush(glyph == Glyph::Archive ? QColor(0xd8, 0xc8, 0x9a) : QColor(0xf2, 0xc9, 0x4c));
        p.drawPath(path);
        break;
    }
    case Glyph::Inbox:
        p.setBrush(QColor(0x9c, 0xc3, 0xe6));
        p.drawRoundedRect(QRectF(s * 0.1, s * 0.3, s * 0.8, s * 0.52), s * 0.08, s * 0.08);
        p.drawLine(QPointF(s * 0.1, s * 0.55), QPointF(s * 0.35, s * 0.55));
        p.drawLine(QPointF(s * 0.65, s * 0.55), QPointF(s * 0.9, s * 0.55));
        p.drawLine(QPointF(s * 0.5, s * 0.1), QPointF(s * 0.5, s * 0.45));
        break;
    case Glyph::Sent: {
        QPainterPath path;
        path.moveTo(s * 0.1, s * 0.45);
        path.lineTo(s * 0.9, s * 0.15);
        path.lineTo(s * 0.6, s * 0.88);
        path.lineTo(s * 0.45, s * 0.58);
        path.closeSubpath();
        p.setBrush(QColor(0x7f, 0xb8, 0x7a));
        p.drawPath(path);
        break;
    }
    case Glyph::Drafts:
        p.setBrush(QColor(0xee, 0xee, 0xee));
        p.drawRect(QRectF(s * 0.2, s * 0.12, s * 0.6, s * 0.76));
        p.drawLine(QPointF(s * 0.32, s * 0.35), QPointF(s * 0.68, s * 0.35));
        p.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.68, s * 0.5));
        p.drawLine(QPointF(s * 0.32, s * 0.65), QPointF(s * 0.55, s * 0.65));
        break;
    case Glyph::Trash:
        p.setBrush(QColor(0xcc, 0xcc, 0xcc));
        p.drawRect(QRectF(s * 0.25, s * 0.3, s * 0.5, s * 0.58));
        p.drawLine(QPointF(s * 0.15, s * 0.22), QPointF(s * 0.85, s * 0.22));
        p.drawLine(QPointF(s * 0.4, s * 0.12), QPointF(s * 0.6, s * 0.12));
        break;
    case Glyph::Junk:
        p.setBrush(QColor(0xe0, 0x8a, 0x6a));
        p.drawEllipse(QRectF(s * 0.15, s * 0.15, s * 0.7, s * 0.7));
        p.drawLine(QPointF(s * 0.3, s * 0.3), QPointF(s * 0.7, s * 0.7));
        break;
    case Glyph::Account:
        p.setBrush(QColor(0xb0, 0xc4, 0xde));
        p.drawEllipse(QRectF(s * 0.33, s * 0.1, s * 0.34, s * 0.34));
        p.drawChord(QRectF(s * 0.15, s * 0.5, s * 0.7, s * 0.7), 0, 180 * 16);
        break;
    case Glyph::PaperClip: {
        p.setBrush(Qt::NoBrush);
        QPainterPath clip;
        clip.moveTo(s * 0.62, s * 0.3);
        clip.lineTo(s * 0.62, s * 0.72);
        clip.arcTo(QRectF(s * 0.38, s * 0.6, s * 0.24, s * 0.24), 0, -180);
        clip.lineTo(s * 0.38, s * 0.2);
        clip.arcTo(QRectF(s * 0.38, s * 0.08, s * 0.34, s * 0.24), 180, -180);
        clip.lineTo(s * 0.72, s * 0.7);
        p.drawPath(clip);
        break;
    }
    case Glyph::Tracked:
        p.setBrush(QColor(0x3b, 0x82, 0xc4));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88));
        p.setPen(QPen(Qt::white, s / 10.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(s * 0.22, s * 0.52), QPointF(s * 0.36, s * 0.66),
                                  QPointF(s * 0.56, s * 0.36)}));
        p.drawPolyline(QPolygonF({QPointF(s * 0.44, s * 0.6), QPointF(s * 0.5, s * 0.66),
                                  QPointF(s * 0.78, s * 0.36)}));
        break;
    }
    return pixmap;
}

QIcon drawn(Glyph glyph)
{
    QIcon icon;
    for (int size : {16, 22, 32, 48})
        icon.addPixmap(drawGlyph(glyph, size));
    return icon;
}

QIcon themed(const QString &name, Glyph fallback)
{
    return QIcon::hasThemeIcon(name) ? QIcon::fromTheme(name) : drawn(fallback);
}

} // namespace

QIcon folderIcon(const QString &specialUse, const QString &folderName)
{
    const QString use = specialUse.toLower();
    if (folderName.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0)
        return themed(QStringLiteral("mail-folder-inbox"), Glyph::Inbox);
    if (use == QLatin1String("\\sent"))
        return themed(QStringLiteral("mail-folder-sent"), Glyph::Sent);
    if (use == QLatin1String("\\drafts"))
        return themed(QStringLiteral("document-edit"), Glyph::Drafts);
    if (use == QLatin1String("\\trash"))
        return themed(QStringLiteral("user-trash"), Glyph::Trash);
    if (use == QLatin1String("\\junk"))
        return themed(QStringLiteral("mail-mark-junk"), Glyph::Junk);
    if (use == QLatin1String("\\archive") || use == QLatin1String("\\all"))
        return themed(QStringLiteral("folder-documents"), Glyph::Archive);
    return themed(QStringLiteral("folder"), Glyph::Folder);
}

QIcon accountIcon()
{
    return themed(QStringLiteral("user-identity"), Glyph::Account);
}

QIcon trackedIcon()
{
    return drawn(Glyph::Tracked);
}

QIcon attachmentIcon()
{
    return themed(QStringLiteral("mail-attachment"), Glyph::PaperClip);
}

} // namespace Mailtrail::Ui

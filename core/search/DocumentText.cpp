// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/DocumentText.h"

#include "mime/MessageReader.h"

namespace Mailtrail::Search {

DocumentText documentText(const QByteArray &raw)
{
    const Mime::ParsedMessage message = Mime::MessageReader::parse(raw);
    DocumentText text;
    text.body = message.bodyText();
    if (text.body.size() > kMaxIndexedBodyChars)
        text.body.truncate(kMaxIndexedBodyChars);
    QStringList names;
    for (const Mime::MessagePart *part : message.attachments()) {
        const QString name = part->originalFileName.isEmpty() ? part->fileName : part->originalFileName;
        if (!name.isEmpty())
            names.append(name);
    }
    text.attachments = names.join(u'\n');
    return text;
}

} // namespace Mailtrail::Search

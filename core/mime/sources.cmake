# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    mime/GMimeRuntime.h mime/GMimeRuntime.cpp
    mime/HeaderReader.h mime/HeaderReader.cpp
    mime/GObjectPtr_p.h
    mime/OutgoingMessage.h
    mime/MessageBuilder.h mime/MessageBuilder.cpp
    mime/TransportEncoding.h mime/TransportEncoding.cpp
    mime/MdnBuilder.h mime/MdnBuilder.cpp
    mime/FormatFlowed.h mime/FormatFlowed.cpp
    mime/CharsetDecoder.h mime/CharsetDecoder.cpp
    mime/FileNameSanitizer.h mime/FileNameSanitizer.cpp
    mime/HtmlSanitizer.h mime/HtmlSanitizer.cpp
    mime/ParsedMessage.h mime/MessageReader.h mime/MessageReader.cpp
    mime/ReplyComposer.h mime/ReplyComposer.cpp
    mime/Signature.h mime/Signature.cpp
)

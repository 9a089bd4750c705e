// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to core/mime: RAII holders for GLib / GMime objects. Never include this from a
// public header; it pulls in GMime.
#pragma once

#include <QByteArray>

#include <gmime/gmime.h>

#include <utility>

namespace Mailtrail::Mime::Internal {

/// Owns one reference to a GObject (GMimeMessage, GMimePart, GMimeStream, ...).
template<typename T>
class GObjectPtr
{
public:
    GObjectPtr() = default;
    /// Adopts a reference the caller owns (e.g. from a *_new() function).
    explicit GObjectPtr(T *adopted)
        : m_ptr(adopted)
    {
    }
    GObjectPtr(const GObjectPtr &other)
        : m_ptr(other.m_ptr)
    {
        if (m_ptr)
            g_object_ref(m_ptr);
    }
    GObjectPtr(GObjectPtr &&other) noexcept
        : m_ptr(std::exchange(other.m_ptr, nullptr))
    {
    }
    GObjectPtr &operator=(GObjectPtr other) noexcept
    {
        std::swap(m_ptr, other.m_ptr);
        return *this;
    }
    ~GObjectPtr()
    {
        if (m_ptr)
            g_object_unref(m_ptr);
    }
    /// Takes an extra reference to an object owned elsewhere (e.g. from a *_get_*() call).
    static GObjectPtr share(T *borrowed)
    {
        if (borrowed)
            g_object_ref(borrowed);
        return GObjectPtr(borrowed);
    }
    T *get() const { return m_ptr; }
    T *operator->() const { return m_ptr; }
    explicit operator bool() const { return m_ptr != nullptr; }

private:
    T *m_ptr = nullptr;
};

/// Owns a g_malloc'ed string.
class GCharPtr
{
public:
    explicit GCharPtr(char *adopted)
        : m_ptr(adopted)
    {
    }
    GCharPtr(const GCharPtr &) = delete;
    GCharPtr &operator=(const GCharPtr &) = delete;
    ~GCharPtr() { g_free(m_ptr); }
    const char *get() const { return m_ptr; }
    explicit operator bool() const { return m_ptr != nullptr; }

private:
    char *m_ptr;
};

/// Owns GMimeFormatOptions / GMimeParserOptions (boxed types, not GObjects).
class FormatOptions
{
public:
    FormatOptions()
        : m_ptr(g_mime_format_options_new())
    {
    }
    FormatOptions(const FormatOptions &) = delete;
    FormatOptions &operator=(const FormatOptions &) = delete;
    ~FormatOptions() { g_mime_format_options_free(m_ptr); }
    GMimeFormatOptions *get() const { return m_ptr; }

private:
    GMimeFormatOptions *m_ptr;
};

class ParserOptions
{
public:
    ParserOptions()
        : m_ptr(g_mime_parser_options_clone(g_mime_parser_options_get_default()))
    {
    }
    ParserOptions(const ParserOptions &) = delete;
    ParserOptions &operator=(const ParserOptions &) = delete;
    ~ParserOptions() { g_mime_parser_options_free(m_ptr); }
    GMimeParserOptions *get() const { return m_ptr; }

private:
    GMimeParserOptions *m_ptr;
};

/// A GMime memory stream holding a copy of @p bytes.
inline GObjectPtr<GMimeStream> memoryStream(const QByteArray &bytes)
{
    return GObjectPtr<GMimeStream>(
        g_mime_stream_mem_new_with_buffer(bytes.constData(), static_cast<size_t>(bytes.size())));
}

/// Sets @p bytes as the (not yet encoded) content of @p part.
inline void setContent(GMimePart *part, const QByteArray &bytes)
{
    const GObjectPtr<GMimeStream> stream = memoryStream(bytes);
    const GObjectPtr<GMimeDataWrapper> wrapper(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, wrapper.get());
}

/// Serialises @p object with CRLF line ends and RFC 2231 parameters (RFC 5322 §2.1).
/// Returns false when GMime could not write it.
inline bool writeCrlf(GMimeObject *object, QByteArray *out)
{
    FormatOptions format;
    g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_DOS);
    g_mime_format_options_set_param_encoding_method(format.get(), GMIME_PARAM_ENCODING_METHOD_RFC2231);
    GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
    if (g_mime_object_write_to_stream(object, format.get(), stream.get()) < 0)
        return false;
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    *out = QByteArray(reinterpret_cast<const char *>(array->data), static_cast<qsizetype>(array->len));
    return true;
}

} // namespace Mailtrail::Mime::Internal

// SPDX-License-Identifier: GPL-3.0-or-later
#include "GMimeRuntime.h"

#include <gmime/gmime.h>

#include <mutex>

namespace Mailtrail::Mime {

void ensureGMimeInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_mime_init();
        // RFC 2047 words in the wrong place and raw 8-bit headers are common in real mail.
        GMimeParserOptions *options = g_mime_parser_options_get_default();
        g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    });
}

} // namespace Mailtrail::Mime

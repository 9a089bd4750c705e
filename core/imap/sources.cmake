# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    imap/ImapError.h imap/ImapError.cpp
    imap/MailboxName.h imap/MailboxName.cpp
    imap/MailboxOperations.h imap/MailboxOperations.cpp
    imap/Response.h imap/Response.cpp
    imap/ResponseParser.h imap/ResponseParser.cpp
    imap/SequenceSet.h imap/SequenceSet.cpp
    imap/Session.h imap/Session.cpp
)

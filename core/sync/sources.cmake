# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    sync/AccountMonitor.h sync/AccountMonitor.cpp
    sync/AccountSync.h sync/AccountSync.cpp
    sync/FolderMonitor.h sync/FolderMonitor.cpp
    sync/Drafts.h sync/Drafts.cpp
    sync/FolderSync.h sync/FolderSync.cpp
    sync/ImapAppend.h sync/ImapAppend.cpp
    sync/MailCheck.h sync/MailCheck.cpp
    sync/Outbox.h sync/Outbox.cpp
    sync/OutboxSender.h sync/OutboxSender.cpp
    sync/PasswordStore.h sync/PasswordStore.cpp
    sync/ReadReceipts.h sync/ReadReceipts.cpp
    sync/TrackingScan.h sync/TrackingScan.cpp
)

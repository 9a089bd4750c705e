# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    sync/AccountMonitor.h sync/AccountMonitor.cpp
    sync/AccountSession.h sync/AccountSession.cpp
    sync/AccountSessions.h sync/AccountSessions.cpp
    sync/Accounts.h sync/Accounts.cpp
    sync/AccountSync.h sync/AccountSync.cpp
    sync/BodyFetch.h sync/BodyFetch.cpp
    sync/ConnectionTest.h sync/ConnectionTest.cpp
    sync/Credentials.h sync/Credentials.cpp
    sync/FlagStore.h sync/FlagStore.cpp
    sync/FolderChange.h sync/FolderChange.cpp
    sync/FolderMonitor.h sync/FolderMonitor.cpp
    sync/Drafts.h sync/Drafts.cpp
    sync/FolderSync.h sync/FolderSync.cpp
    sync/ImapAppend.h sync/ImapAppend.cpp
    sync/MailCheck.h sync/MailCheck.cpp
    sync/MessageSource.h sync/MessageSource.cpp
    sync/MessageTask.h sync/MessageTask.cpp
    sync/MessageTransfer.h sync/MessageTransfer.cpp
    sync/MoveToTrash.h sync/MoveToTrash.cpp
    sync/Outbox.h sync/Outbox.cpp
    sync/OutboxEntry.h
    sync/OutboxQueue.h sync/OutboxQueue.cpp
    sync/OAuth2Credentials.h sync/OAuth2Credentials.cpp
    sync/OutboxSender.h sync/OutboxSender.cpp
    sync/PasswordStore.h sync/PasswordStore.cpp
    sync/ReadReceipts.h sync/ReadReceipts.cpp
    sync/SendPipeline.h sync/SendPipeline.cpp
    sync/SubmissionCapabilities.h sync/SubmissionCapabilities.cpp
    sync/TrackingScan.h sync/TrackingScan.cpp
    sync/SentElsewhere.h sync/SentElsewhere.cpp
    sync/ResendToFailed.h sync/ResendToFailed.cpp
)

# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    store/Account.h store/Account.cpp
    store/AccountRepository.h store/AccountRepository.cpp
    store/BackgroundDatabase.h store/BackgroundDatabase.cpp
    store/CacheWriter.h store/CacheWriter.cpp
    store/Database.h store/Database.cpp
    store/FolderRepository.h store/FolderRepository.cpp
    store/Identity.h store/Identity.cpp
    store/KnownAddresses.h store/KnownAddresses.cpp
    store/Mailbox.h store/Mailbox.cpp
    store/MessageRecord.h store/MessageRecord.cpp
    store/MessageRepository.h store/MessageRepository.cpp
    store/Sqlite_p.h
)

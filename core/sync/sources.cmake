# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    sync/FolderSync.h sync/FolderSync.cpp
)

# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    models/Roles.h
    models/FolderModel.h models/FolderModel.cpp
    models/MessageListModel.h models/MessageListModel.cpp
    models/MessageThreads.h models/MessageThreads.cpp
    models/MessageThreadModel.h models/MessageThreadModel.cpp
    models/TrackingModel.h models/TrackingModel.cpp
    models/SearchResultsModel.h models/SearchResultsModel.cpp
)

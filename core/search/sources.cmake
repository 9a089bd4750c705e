# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    search/Query.h search/Query.cpp
    search/DocumentText.h search/DocumentText.cpp
    search/Index.h search/Index.cpp
    search/LocalSearch.h search/LocalSearch.cpp
    search/TermDictionary.h search/TermDictionary.cpp
    search/ServerQuery.h search/ServerQuery.cpp
    search/ServerSearch.h search/ServerSearch.cpp
    search/SavedSearches.h search/SavedSearches.cpp
    search/OfflineBodies.h search/OfflineBodies.cpp
    search/IndexMaintenance.h search/IndexMaintenance.cpp
    search/IndexMaintainer.h search/IndexMaintainer.cpp
    search/IndexCatchUp.h search/IndexCatchUp.cpp
)

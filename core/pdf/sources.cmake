# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    pdf/EmbeddedFiles.h pdf/EmbeddedFiles.cpp
)

# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    models/TrackingRoles.h
    models/TrackingModel.h models/TrackingModel.cpp
)

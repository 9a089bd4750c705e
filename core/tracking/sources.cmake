# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    tracking/DeliveryState.h tracking/DeliveryState.cpp
    tracking/Evidence.h tracking/Evidence.cpp
    tracking/RecipientTimeline.h tracking/RecipientTimeline.cpp
    tracking/Correlator.h tracking/Correlator.cpp
    tracking/ReadReceiptPolicy.h tracking/ReadReceiptPolicy.cpp
    tracking/BehaviourSettings.h tracking/BehaviourSettings.cpp
    tracking/Explanation.h tracking/Explanation.cpp
    tracking/DeliveryRecords.h
    tracking/TrackingStore.h tracking/TrackingStore.cpp
    tracking/ReportIngest.h tracking/ReportIngest.cpp
    tracking/StatusJson.h tracking/StatusJson.cpp
    tracking/ReplyDetector.h tracking/ReplyDetector.cpp
    tracking/Trust.h
    tracking/AddressHistory.h tracking/AddressHistory.cpp
    tracking/DomainTypos.h tracking/DomainTypos.cpp
    tracking/RecipientWarnings.h tracking/RecipientWarnings.cpp
    tracking/NeedsAttention.h tracking/NeedsAttention.cpp
    tracking/ProofOfDelivery.h tracking/ProofOfDelivery.cpp
)

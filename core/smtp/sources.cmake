# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    smtp/Reply.h smtp/Reply.cpp
    smtp/Capabilities.h smtp/Capabilities.cpp
    smtp/Xtext.h smtp/Xtext.cpp
    smtp/Envelope.h smtp/Envelope.cpp
    smtp/SubmissionResult.h smtp/SubmissionResult.cpp
    smtp/SubmissionJob.h smtp/SubmissionJob.cpp
)

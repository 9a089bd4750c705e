# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    reports/DeliveryReport.h reports/DeliveryReport.cpp
    reports/ReportParser.h reports/ReportParser.cpp
    reports/ReportJson.h reports/ReportJson.cpp
    reports/MailScanner.h reports/MailScanner.cpp
    reports/ReportText.h reports/ReportText.cpp
    reports/BounceText.h reports/BounceText.cpp
    reports/ReportPreCheck.h reports/ReportPreCheck.cpp
)

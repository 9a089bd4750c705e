# SPDX-License-Identifier: GPL-3.0-or-later
# OAuth2 sign-in (issue 14): provider table, discovery, the authorization-code flow with PKCE
# on QtNetworkAuth, token refresh. No widgets.
set(MAILTRAIL_GOOGLE_CLIENT_ID "" CACHE STRING
    "OAuth2 client ID of Mailtrail's Google Cloud project (empty: users must enter their own)")
set(MAILTRAIL_GOOGLE_CLIENT_SECRET "" CACHE STRING
    "OAuth2 client secret that goes with MAILTRAIL_GOOGLE_CLIENT_ID (installed apps: not secret)")
set(MAILTRAIL_MICROSOFT_CLIENT_ID "" CACHE STRING
    "OAuth2 client ID of Mailtrail's Microsoft Entra app registration (empty: users must enter their own)")
configure_file("${CMAKE_CURRENT_LIST_DIR}/BuiltInClients.h.in"
               "${CMAKE_CURRENT_BINARY_DIR}/oauth/BuiltInClients.h" @ONLY)

find_package(Qt6 REQUIRED COMPONENTS NetworkAuth)
target_link_libraries(mailtrail_core PRIVATE Qt6::NetworkAuth)
target_sources(mailtrail_core PRIVATE
    oauth/CodeFlow_p.h
    oauth/Discovery.h oauth/Discovery.cpp
    oauth/OAuthTypes.h oauth/OAuthTypes.cpp
    oauth/Pkce.h oauth/Pkce.cpp
    oauth/Providers.h oauth/Providers.cpp
    oauth/SignIn.h oauth/SignIn.cpp
    oauth/TokenRefresh.h oauth/TokenRefresh.cpp
)

# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(mailtrail_core PRIVATE
    net/Endpoint.h net/Endpoint.cpp
    net/Certificate.h net/Certificate.cpp
    net/TransportError.h net/TransportError.cpp
    net/Transcript.h net/Transcript.cpp
    net/Transport.h net/Transport.cpp
    net/SocketTransport.h net/SocketTransport.cpp
    net/CaFileTrust.h net/CaFileTrust.cpp
)

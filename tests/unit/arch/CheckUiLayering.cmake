# SPDX-License-Identifier: GPL-3.0-or-later
#
# ui/ holds widgets and wiring only (DESIGN.md, issue #16): no SQL, no repositories, no outbox
# store, no transports. This script reads every .h/.cpp under UI_DIR and reports each line that
# includes a forbidden header or names a forbidden class, one "violation: FILE:LINE: what" each.
#
#   cmake -DUI_DIR=<dir> [-DALLOW=<file,…>] [-DEXPECT_VIOLATIONS=<n>] -P CheckUiLayering.cmake
#
# ALLOW: paths relative to UI_DIR that may hold the Tracking::TrackingStore (the composition
# root that builds core's objects over the profile; widgets read Tracking::DeliveryRecords);
# nothing else is ever allowed. Fails when it found any
# violation, or, with EXPECT_VIOLATIONS, when it found another number (the self-test).

cmake_minimum_required(VERSION 3.22)

if(NOT UI_DIR OR NOT IS_DIRECTORY "${UI_DIR}")
    message(FATAL_ERROR "UI_DIR '${UI_DIR}' is not a directory")
endif()

# Regular expressions (matched per line) and what they mean.
set(rules
    "#include [<\"]store/[A-Za-z]*Repository\\.h[\">]|includes a repository"
    "#include [<\"]sync/Outbox(Store)?\\.h[\">]|includes the outbox store (use sync/OutboxQueue.h)"
    "#include [<\"](net/Transport|net/SocketTransport|imap/Session|smtp/SubmissionJob)\\.h[\">]|includes a transport or protocol session"
    "#include [<\"]QtSql|includes Qt SQL"
    "QSql(Query|Database|Error|Record)|uses Qt SQL"
    "[A-Za-z]+Repository([^A-Za-z.]|$)|names a repository"
    "OutboxStore|names the outbox store (use Sync::OutboxQueue)"
    "(SocketTransport|SubmissionJob|Imap::Session)([^A-Za-z]|$)|names a transport or protocol session"
)
set(allowed_rules
    "#include [<\"]tracking/TrackingStore\\.h[\">]|includes the tracking store"
    "TrackingStore([^A-Za-z.]|$)|names the tracking store"
)

get_filename_component(UI_DIR "${UI_DIR}" ABSOLUTE)
string(REPLACE "," ";" ALLOW "${ALLOW}")
file(GLOB_RECURSE sources RELATIVE "${UI_DIR}" "${UI_DIR}/*.h" "${UI_DIR}/*.cpp")
list(SORT sources)
set(count 0)
foreach(source IN LISTS sources)
    file(STRINGS "${UI_DIR}/${source}" lines)
    set(checks ${rules})
    if(NOT source IN_LIST ALLOW)
        list(APPEND checks ${allowed_rules})
    endif()
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        foreach(rule IN LISTS checks)
            string(REPLACE "|" ";" parts "${rule}")
            # The last part is the words; the pattern may itself contain "|".
            list(POP_BACK parts what)
            list(JOIN parts "|" pattern)
            if(line MATCHES "${pattern}")
                message("violation: ${source}:${number}: ${what}: ${line}")
                math(EXPR count "${count} + 1")
                break()
            endif()
        endforeach()
    endforeach()
endforeach()

if(DEFINED EXPECT_VIOLATIONS)
    if(NOT count EQUAL EXPECT_VIOLATIONS)
        message(FATAL_ERROR "found ${count} violations, expected ${EXPECT_VIOLATIONS}")
    endif()
    message("found the ${count} expected violations")
elseif(count GREATER 0)
    message(FATAL_ERROR "${count} line(s) in ${UI_DIR} break the layering: ui/ holds widgets and wiring; "
                        "reach the data through core's services (Store::Mailbox, Sync::Accounts, "
                        "Sync::OutboxQueue, Sync::AccountSessions)")
else()
    list(LENGTH sources files)
    message("${files} files in ${UI_DIR}: no SQL, repository, outbox store or transport")
endif()

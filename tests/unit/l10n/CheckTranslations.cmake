# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a committed .ts file is not what `cmake --build build --target update_translations`
# would make of it (a string added, changed or removed in the sources), or when it has an entry
# without a finished translation. Inputs: LUPDATE, SOURCES_LIST, INCLUDE_DIRS, TS_FILES,
# PLURAL_TS_FILES, OPTIONS, WORK_DIR.
cmake_minimum_required(VERSION 3.22)
set(fix "run `cmake --build build --target update_translations`, translate the new entries in \
translations/*.ts (no type=\"unfinished\" left) and commit them")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(include_args)
foreach(dir IN LISTS INCLUDE_DIRS)
    list(APPEND include_args "-I${dir}")
endforeach()
set(failures "")

foreach(ts IN LISTS TS_FILES PLURAL_TS_FILES)
    get_filename_component(name "${ts}" NAME)
    file(COPY "${ts}" DESTINATION "${WORK_DIR}")
    set(extra)
    if(ts IN_LIST PLURAL_TS_FILES)
        set(extra -pluralonly)
    endif()
    execute_process(COMMAND "${LUPDATE}" ${OPTIONS} ${extra} ${include_args} "@${SOURCES_LIST}"
                            -ts "${WORK_DIR}/${name}"
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE lupdate_errors)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name} (${rc}): ${lupdate_errors}")
    endif()
    file(READ "${ts}" committed)
    file(READ "${WORK_DIR}/${name}" refreshed)
    if(NOT committed STREQUAL refreshed)
        execute_process(COMMAND diff -u "${ts}" "${WORK_DIR}/${name}" OUTPUT_VARIABLE difference)
        string(APPEND failures "${name} is out of date with the sources:\n${difference}\n")
    endif()
    # Entries lupdate marks as new (unfinished) or gone (vanished/obsolete), and empty forms.
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*(<comment>[^<]*</comment>[ \n]*)?<translation type=\"(unfinished|vanished|obsolete)\""
           open_entries "${refreshed}")
    foreach(entry IN LISTS open_entries)
        string(APPEND failures "${name}: not translated: ${entry}\n")
    endforeach()
    string(REGEX MATCHALL "<translation type=\"(unfinished|vanished|obsolete)\"" marks "${refreshed}")
    list(LENGTH marks mark_count)
    list(LENGTH open_entries listed_count)
    if(mark_count GREATER listed_count)
        math(EXPR unlisted "${mark_count} - ${listed_count}")
        string(APPEND failures "${name}: ${unlisted} more entries are unfinished or vanished\n")
    endif()
    string(REGEX MATCHALL "<numerusform></numerusform>|<translation></translation>" empty "${refreshed}")
    list(LENGTH empty empty_count)
    if(empty_count GREATER 0)
        string(APPEND failures "${name}: ${empty_count} empty translations\n")
    endif()
endforeach()

if(failures)
    message(FATAL_ERROR "${failures}\nTo fix: ${fix}.")
endif()
message(STATUS "All translations are complete and up to date.")

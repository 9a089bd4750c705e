#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a message with Python's email package and prints what it understood as JSON.

Used by tests/unit/mime/MessageRoundTripTest.cpp to check that messages Mailtrail builds
are read the same way by an independent MIME implementation.
"""
import email
import email.policy
import hashlib
import json
import sys


def mailboxes(header):
    if header is None:
        return []
    return [[a.display_name, a.addr_spec] for a in header.addresses]


def main():
    with open(sys.argv[1], 'rb') as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    leaves = []
    defects = [type(d).__name__ for d in msg.defects]
    for part in msg.walk():
        defects += [type(d).__name__ for d in part.defects]
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b''
        if part.get_content_maintype() == 'text':
            payload = payload.replace(b'\r\n', b'\n')  # line ends are the transport's business
        leaves.append({
            'type': part.get_content_type(),
            'filename': part.get_filename() or '',
            'sha256': hashlib.sha256(payload).hexdigest(),
            'disposition': part.get_content_disposition() or '',
        })
    print(json.dumps({
        'subject': str(msg['subject'] or ''),
        'from': mailboxes(msg['from']),
        'to': mailboxes(msg['to']),
        'cc': mailboxes(msg['cc']),
        'bcc': mailboxes(msg['bcc']),
        'message_id': str(msg['message-id'] or '').strip(),
        'leaves': leaves,
        'defects': defects,
    }, ensure_ascii=False))


if __name__ == '__main__':
    main()

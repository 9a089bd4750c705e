// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Mailtrail::Models {

/// What threading needs to know about one message.
struct ThreadMessage
{
    qint64 key = 0; ///< the caller's id (the cached message's row id)
    QString messageId; ///< "<…>"; empty when the message has none
    QString inReplyTo; ///< header text; the msg-ids in it are used (RFC 5322 §3.6.4)
    QString references; ///< header text, oldest msg-id first
    qint64 date = 0; ///< seconds since the epoch; orders siblings and threads
};

/// One message in the thread forest: node i is message i of the input.
struct ThreadNode
{
    int parent = -1; ///< node index; -1 for the first message of a thread
    QList<int> children; ///< node indices, oldest first
    int depth = 0; ///< 0 for a thread's first message
    int subtreeSize = 1; ///< messages in this subtree, itself included
    qint64 newest = 0; ///< newest date in this subtree
};

/// Conversation threads of a list of messages.
struct ThreadForest
{
    QList<ThreadNode> nodes; ///< one per input message, same order
    QList<int> roots; ///< first messages of the threads, the thread with the newest message first
};

/// The msg-ids ("<…>") in a Message-ID, In-Reply-To or References field, in order, each
/// once; text outside angle brackets (comments, phrases of old mailers) is skipped.
[[nodiscard]] QList<QString> parseMessageIds(QStringView text);

/// Threads messages by Message-ID / In-Reply-To / References after JWZ's algorithm
/// (https://www.jwz.org/doc/threading.html, the method of RFC 5256 §2.2 REFERENCES without
/// the subject step):
/// - References (else the first msg-id of In-Reply-To) gives the chain of ancestors; links
///   between them are added unless they already exist or would close a cycle;
/// - a message's own parent is the last reference (its own claim wins over what others said),
///   again never closing a cycle; a message referring to itself is a root;
/// - of messages with the same Message-ID the oldest keeps it (replies attach to it, in any
///   input order); the others stay separate messages, threaded by their own references;
/// - referenced messages that are not in the list ("missing parents") leave no node: their
///   children move up to the nearest present ancestor, and when a thread's first message is
///   missing, the oldest of the messages below it becomes the thread's first.
/// Linear in the number of messages for ordinary mail (a cycle check walks up the parents).
[[nodiscard]] ThreadForest buildThreads(const QList<ThreadMessage> &messages);

} // namespace Mailtrail::Models

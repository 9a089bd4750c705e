// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MessageThreads.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>
#include <deque>
#include <numeric>

namespace Mailtrail::Models {

namespace {

using IdViews = QVarLengthArray<QStringView, 8>;

/// The msg-ids of a field, each once, as views into @p text; a folded msg-id (white space
/// inside the brackets) is unfolded into @p arena and viewed there (its strings never move).
IdViews messageIdViews(QStringView text, std::deque<QString> &arena)
{
    IdViews ids;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('<'), pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1Char('>'), open + 1);
        if (close < 0)
            break;
        QStringView id = text.sliced(open, close - open + 1);
        if (std::any_of(id.cbegin(), id.cend(), [](QChar c) { return c.isSpace(); })) {
            QString unfolded;
            unfolded.reserve(id.size());
            for (const QChar c : id) {
                if (!c.isSpace()) // folded msg-ids
                    unfolded.append(c);
            }
            arena.push_back(std::move(unfolded));
            id = arena.back();
        }
        if (id.size() > 2 && std::find(ids.cbegin(), ids.cend(), id) == ids.cend())
            ids.append(id);
        pos = close + 1;
    }
    return ids;
}

} // namespace

QList<QString> parseMessageIds(QStringView text)
{
    std::deque<QString> arena;
    QList<QString> ids;
    for (const QStringView id : messageIdViews(text, arena))
        ids.append(id.toString());
    return ids;
}

namespace {

/// A Message-ID seen as a message or as a reference (JWZ's "container").
struct Container
{
    int message = -1; ///< input index; -1: only referenced, not in the list
    int parent = -1;
    int firstChild = -1;
    int nextSibling = -1;
};

class Threader
{
public:
    explicit Threader(const QList<ThreadMessage> &messages)
        : m_messages(messages)
    {
        m_containers.reserve(messages.size() * 2);
        m_byId.reserve(messages.size() * 2);
    }

    ThreadForest run()
    {
        // Oldest first, so that of two messages with the same Message-ID the older one owns
        // it, whatever order the caller lists them in.
        QList<int> order(m_messages.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [this](int a, int b) { return older(a, b); });
        for (const int i : std::as_const(order)) {
            const IdViews own = messageIdViews(m_messages.at(i).messageId, m_arena);
            int c = own.isEmpty() ? -1 : container(own.first());
            if (c < 0 || m_containers[c].message >= 0)
                c = newContainer(); // no id, or a duplicate: a message of its own
            m_containers[c].message = i;
            link(i, c, own.isEmpty() ? QStringView() : own.first());
        }
        return forest();
    }

private:
    int newContainer()
    {
        m_containers.append(Container {});
        return int(m_containers.size() - 1);
    }

    int container(QStringView id)
    {
        const auto it = m_byId.constFind(id);
        if (it != m_byId.cend())
            return *it;
        const int c = newContainer();
        m_byId.insert(id, c);
        return c;
    }

    /// True if @p ancestor is @p c or above it.
    bool isAncestor(int ancestor, int c) const
    {
        for (int p = c; p >= 0; p = m_containers[p].parent) {
            if (p == ancestor)
                return true;
        }
        return false;
    }

    void unlink(int c)
    {
        const int parent = m_containers[c].parent;
        if (parent < 0)
            return;
        int *slot = &m_containers[parent].firstChild;
        while (*slot >= 0 && *slot != c)
            slot = &m_containers[*slot].nextSibling;
        if (*slot == c)
            *slot = m_containers[c].nextSibling;
        m_containers[c].parent = -1;
        m_containers[c].nextSibling = -1;
    }

    void attach(int child, int parent)
    {
        m_containers[child].parent = parent;
        m_containers[child].nextSibling = m_containers[parent].firstChild;
        m_containers[parent].firstChild = child;
    }

    void link(int message, int c, QStringView ownId)
    {
        const ThreadMessage &m = m_messages.at(message);
        IdViews references = messageIdViews(m.references, m_arena);
        if (references.isEmpty()) {
            const IdViews inReplyTo = messageIdViews(m.inReplyTo, m_arena);
            if (!inReplyTo.isEmpty())
                references.append(inReplyTo.first());
        }
        if (!ownId.isEmpty()) // a message is never its own ancestor
            references.erase(std::remove(references.begin(), references.end(), ownId), references.end());
        int previous = -1;
        for (const QStringView id : std::as_const(references)) {
            const int current = container(id);
            // JWZ step 1.B: keep existing links; never close a cycle.
            if (previous >= 0 && m_containers[current].parent < 0 && !isAncestor(current, previous))
                attach(current, previous);
            previous = current;
        }
        // JWZ step 1.C: the message's own last reference is its parent.
        if (previous >= 0 && m_containers[c].parent == previous)
            return;
        if (previous >= 0 && isAncestor(c, previous))
            return; // would close a cycle: keep what is there
        unlink(c);
        if (previous >= 0)
            attach(c, previous);
    }

    ThreadForest forest()
    {
        ThreadForest out;
        out.nodes.resize(m_messages.size());
        // Walk every tree of containers from its top, depth first with an explicit stack
        // (threads can be long). Each message hangs under the nearest message above it.
        struct Item
        {
            int container;
            int messageParent; ///< node, or -1
        };
        QList<Item> stack;
        for (int top = 0; top < m_containers.size(); ++top) {
            if (m_containers[top].parent >= 0)
                continue;
            QList<int> firsts; // messages with no message above them in this tree
            stack.append({ top, -1 });
            while (!stack.isEmpty()) {
                const Item item = stack.takeLast();
                const Container &c = m_containers[item.container];
                int messageParent = item.messageParent;
                if (c.message >= 0) {
                    out.nodes[c.message].parent = item.messageParent;
                    if (item.messageParent < 0)
                        firsts.append(c.message);
                    messageParent = c.message;
                }
                for (int child = c.firstChild; child >= 0; child = m_containers[child].nextSibling)
                    stack.append({ child, messageParent });
            }
            if (firsts.isEmpty())
                continue;
            // A missing first message: the oldest message below it starts the thread.
            const int first = *std::min_element(
                firsts.cbegin(), firsts.cend(), [this](int a, int b) { return older(a, b); });
            out.roots.append(first);
            for (const int other : std::as_const(firsts)) {
                if (other != first)
                    out.nodes[other].parent = first;
            }
        }
        for (int i = 0; i < out.nodes.size(); ++i) {
            if (out.nodes[i].parent >= 0)
                out.nodes[out.nodes[i].parent].children.append(i);
        }
        // Depth, subtree sizes and newest dates; siblings oldest first.
        QList<int> order; // pre-order
        order.reserve(out.nodes.size());
        QList<int> walk;
        for (const int root : std::as_const(out.roots)) {
            walk.append(root);
            while (!walk.isEmpty()) {
                const int n = walk.takeLast();
                order.append(n);
                ThreadNode &node = out.nodes[n];
                node.newest = m_messages.at(n).date;
                std::sort(node.children.begin(), node.children.end(),
                    [this](int a, int b) { return older(a, b); });
                for (const int child : std::as_const(node.children)) {
                    out.nodes[child].depth = node.depth + 1;
                    walk.append(child);
                }
            }
        }
        for (auto it = order.crbegin(); it != order.crend(); ++it) {
            const ThreadNode &node = out.nodes[*it];
            if (node.parent >= 0) {
                ThreadNode &parent = out.nodes[node.parent];
                parent.subtreeSize += node.subtreeSize;
                parent.newest = qMax(parent.newest, node.newest);
            }
        }
        std::sort(out.roots.begin(), out.roots.end(), [&out, this](int a, int b) {
            if (out.nodes[a].newest != out.nodes[b].newest)
                return out.nodes[a].newest > out.nodes[b].newest;
            return m_messages.at(a).key > m_messages.at(b).key;
        });
        return out;
    }

    bool older(int a, int b) const
    {
        const ThreadMessage &x = m_messages.at(a);
        const ThreadMessage &y = m_messages.at(b);
        return x.date != y.date ? x.date < y.date : x.key < y.key;
    }

    const QList<ThreadMessage> &m_messages;
    std::deque<QString> m_arena; ///< unfolded msg-ids; m_byId's keys view these or m_messages
    QList<Container> m_containers;
    QHash<QStringView, int> m_byId;
};

} // namespace

ThreadForest buildThreads(const QList<ThreadMessage> &messages)
{
    return Threader(messages).run();
}

} // namespace Mailtrail::Models

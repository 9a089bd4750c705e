// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/FolderModel.h"

#include "models/Roles.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Mailtrail::Models {

struct FolderModel::Node
{
    NodeKind kind = NodeKind::Account;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    qint64 accountId = 0;
    QString accountName;
    qint64 folderId = 0; // 0 for accounts and for non-existent intermediate levels
    QString label;       // last hierarchy component, or the account name
    QString fullName;
    QString specialUse;
    bool selectable = true;
    qint64 messages = 0;
    qint64 unread = 0;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }

    Node *child(const QString &label)
    {
        for (auto &c : children) {
            if (c->label == label)
                return c.get();
        }
        return nullptr;
    }
};

namespace {

int folderRank(const FolderModel::Node &n)
{
    if (n.fullName.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return 0;
    static const QStringList order = {QStringLiteral("\\Drafts"), QStringLiteral("\\Sent"),
                                      QStringLiteral("\\Archive"), QStringLiteral("\\Junk"),
                                      QStringLiteral("\\Trash")};
    const qsizetype i = order.indexOf(n.specialUse);
    return i < 0 ? 100 : 1 + int(i);
}

void sortTree(FolderModel::Node &node)
{
    std::stable_sort(node.children.begin(), node.children.end(), [](const auto &a, const auto &b) {
        const int ra = folderRank(*a);
        const int rb = folderRank(*b);
        if (ra != rb)
            return ra < rb;
        return a->label.localeAwareCompare(b->label) < 0;
    });
    for (auto &c : node.children)
        sortTree(*c);
}

} // namespace

FolderModel::FolderModel(QSqlDatabase db, QObject *parent)
    : QAbstractItemModel(parent), m_db(std::move(db)), m_root(std::make_unique<Node>())
{
    refresh();
}

FolderModel::~FolderModel() = default;

bool FolderModel::refresh()
{
    auto root = std::make_unique<Node>();
    m_lastError.clear();
    QHash<qint64, Node *> accounts;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name FROM accounts ORDER BY name"))) {
        m_lastError = q.lastError().text();
    } else {
        while (q.next()) {
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Account;
            node->parent = root.get();
            node->accountId = q.value(0).toLongLong();
            node->accountName = q.value(1).toString();
            node->label = node->accountName;
            accounts.insert(node->accountId, node.get());
            root->children.push_back(std::move(node));
        }
    }
    QHash<qint64, std::pair<qint64, qint64>> counts;
    QSqlQuery c(m_db);
    if (c.exec(QStringLiteral("SELECT folder_id, COUNT(*), SUM(seen = 0) FROM messages GROUP BY folder_id"))) {
        while (c.next())
            counts.insert(c.value(0).toLongLong(), {c.value(1).toLongLong(), c.value(2).toLongLong()});
    }
    QSqlQuery f(m_db);
    if (m_lastError.isEmpty()
        && f.exec(QStringLiteral("SELECT id, account_id, name, delimiter, special_use, selectable FROM folders ORDER BY name"))) {
        while (f.next()) {
            Node *account = accounts.value(f.value(1).toLongLong());
            if (!account)
                continue;
            const QString name = f.value(2).toString();
            const QString delimiter = f.value(3).toString();
            const QStringList parts = delimiter.isEmpty() ? QStringList{name} : name.split(delimiter);
            Node *at = account;
            QString prefix;
            for (const QString &part : parts) {
                prefix = prefix.isEmpty() ? part : prefix + delimiter + part;
                Node *next = at->child(part);
                if (!next) {
                    auto node = std::make_unique<Node>();
                    node->kind = NodeKind::Folder;
                    node->parent = at;
                    node->accountId = account->accountId;
                    node->accountName = account->accountName;
                    node->label = part;
                    node->fullName = prefix;
                    node->selectable = false; // until the folder itself shows up
                    next = node.get();
                    at->children.push_back(std::move(node));
                }
                at = next;
            }
            at->folderId = f.value(0).toLongLong();
            at->specialUse = f.value(4).toString();
            at->selectable = f.value(5).toBool();
            const auto count = counts.value(at->folderId);
            at->messages = count.first;
            at->unread = count.second;
        }
    } else if (m_lastError.isEmpty()) {
        m_lastError = f.lastError().text();
    }
    sortTree(*root);
    beginResetModel();
    m_root = std::move(root);
    endResetModel();
    return m_lastError.isEmpty();
}

QModelIndex FolderModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node *>(node));
}

QModelIndex FolderModel::indexOfFolder(qint64 folderId) const
{
    std::vector<const Node *> stack{m_root.get()};
    while (!stack.empty()) {
        const Node *n = stack.back();
        stack.pop_back();
        if (n->folderId == folderId && n->kind == NodeKind::Folder)
            return indexOf(n);
        for (const auto &c : n->children)
            stack.push_back(c.get());
    }
    return {};
}

QModelIndex FolderModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *p = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex FolderModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *n = static_cast<const Node *>(child.internalPointer());
    return indexOf(n->parent);
}

int FolderModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *p = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return int(p->children.size());
}

int FolderModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags FolderModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node *n = static_cast<const Node *>(index.internalPointer());
    Qt::ItemFlags f = Qt::ItemIsEnabled;
    if (n->kind == NodeKind::Account || n->selectable)
        f |= Qt::ItemIsSelectable;
    return f;
}

QVariant FolderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = static_cast<const Node *>(index.internalPointer());
    switch (role) {
    case Qt::DisplayRole:
        if (n->kind == NodeKind::Folder && n->unread > 0)
            return QStringLiteral("%1 (%2)").arg(n->label).arg(n->unread);
        return n->label;
    case NodeKindRole: return QVariant::fromValue(int(n->kind));
    case AccountIdRole: return n->accountId;
    case AccountNameRole: return n->accountName;
    case FolderIdRole: return n->folderId;
    case FolderNameRole: return n->fullName;
    case SpecialUseRole: return n->specialUse;
    case MessageCountRole: return n->messages;
    case UnreadCountRole: return n->unread;
    case SelectableRole: return n->kind == NodeKind::Folder && n->selectable;
    }
    return {};
}

QHash<int, QByteArray> FolderModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(NodeKindRole, "nodeKind");
    names.insert(AccountIdRole, "accountId");
    names.insert(AccountNameRole, "accountName");
    names.insert(FolderIdRole, "folderId");
    names.insert(FolderNameRole, "folderName");
    names.insert(SpecialUseRole, "specialUse");
    names.insert(MessageCountRole, "messageCount");
    names.insert(UnreadCountRole, "unreadCount");
    names.insert(SelectableRole, "selectable");
    return names;
}

} // namespace Mailtrail::Models

// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AddressInput.h"
#include "AppContext.h"
#include "AttentionWatcher.h"
#include "DeliveryPanel.h"
#include "FolderActions.h"
#include "FolderPane.h"
#include "MailtoUrl.h"
#include "MessageActions.h"
#include "MessageBar.h"
#include "OAuthSignInPanel.h"
#include "MessageListPane.h"
#include "MessageViewer.h"
#include "OutboxDialog.h"
#include "PasswordBar.h"
#include "RecipientAdvice.h"
#include "RecipientHistoryTips.h"
#include "SafeTextBrowser.h"
#include "SavedSearchMenu.h"
#include "SearchPane.h"
#include "SettingsDialog.h"
#include "ThemeIcons.h"
#include "TrackedFilterProxy.h"
#include "Version.h"
#include "mime/ReplyComposer.h"
#include "models/Roles.h"
#include "sync/ResendToFailed.h"
#include "store/Identity.h"
#include "sync/SubmissionCapabilities.h"

#include <QAbstractItemView>
#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QSettings>
#include <QAction>
#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_bar(new MessageBar(this))
    , m_folders(new FolderPane(&context.folderModel(), this))
    , m_list(new MessageListPane(context, this))
    , m_viewer(new MessageViewer(this))
    , m_panel(new DeliveryPanel(&context.trackingModel(), &context.deliveryRecords(), this))
    , m_readingSplitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Mailtrail"));
    setWindowIcon(applicationIcon());

    m_readingSplitter->setObjectName(QStringLiteral("readingSplitter"));
    m_readingSplitter->addWidget(m_viewer);
    m_readingSplitter->addWidget(m_panel);
    m_readingSplitter->setChildrenCollapsible(false);
    connect(m_readingSplitter, &QSplitter::splitterMoved, this, [this] {
        if (m_viewer->isVisible() && m_panel->isVisible())
            m_readingSizes = m_readingSplitter->sizes();
    });
    m_panel->hide();

    // Search (issue 17): the results take the list's place while a query is typed.
    m_search = new SearchPane(m_context.database(), this);
    auto *listOrResults = new QStackedWidget(this);
    listOrResults->addWidget(m_list);
    listOrResults->addWidget(m_search->results());
    connect(m_search, &SearchPane::activeChanged, this, [this, listOrResults](bool active) {
        listOrResults->setCurrentWidget(active ? static_cast<QWidget *>(m_search->results()) : m_list);
    });
    connect(m_search, &SearchPane::messageSelected, this, [this](qint64 messageId) {
        if (messageId != 0)
            onMessageSelected(messageId, 0);
    });
    connect(m_search, &SearchPane::openRequested, this, [this](qint64 messageId, qint64 folderId) {
        m_search->clear();
        m_folders->selectFolder(folderId);
        if (!m_list->restoreSelection(messageId, 0))
            statusBar()->showMessage(tr("The message is no longer in this folder."), 4000);
        onMessageSelected(messageId, 0);
    });
    connect(m_folders, &FolderPane::savedSearchSelected, m_search, &SearchPane::search);
    m_folders->setSavedSearches(m_search->savedSearches());
    connect(m_search, &SearchPane::savedSearchesChanged, this,
            [this] { m_folders->setSavedSearches(m_search->savedSearches()); });
    new SavedSearchMenu(m_folders->trackedView(), m_search, this);

    auto *listAndReading = new QSplitter(Qt::Vertical, this);
    listAndReading->addWidget(listOrResults);
    listAndReading->addWidget(m_readingSplitter);
    listAndReading->setStretchFactor(0, 1);
    listAndReading->setStretchFactor(1, 3);
    listAndReading->setSizes({220, 560});

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(m_folders);
    main->addWidget(listAndReading);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setSizes({230, 970});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_bar);
    m_centralLayout = layout;
    layout->addWidget(main, 1);
    setCentralWidget(central);

    connect(m_folders, &FolderPane::folderSelected, this, [this](qint64 folderId, const QString &specialUse) {
        m_currentSpecialUse = specialUse;
        m_search->setCurrentFolder(folderId);
        // RFC 6154 \Sent, or, on a server without special-use attributes, a folder named
        // "Sent" (where the outbox stores its copies then).
        bool sent = specialUse.compare(QLatin1String("\\Sent"), Qt::CaseInsensitive) == 0;
        m_showingDrafts = specialUse.compare(QLatin1String("\\Drafts"), Qt::CaseInsensitive) == 0;
        if (!sent && !m_showingDrafts && specialUse.isEmpty()) {
            const std::optional<Store::Folder> folder = m_context.mailbox().folder(folderId);
            sent = folder && folder->name.compare(QLatin1String("Sent"), Qt::CaseInsensitive) == 0;
            m_showingDrafts = folder && folder->name.compare(QLatin1String("Drafts"), Qt::CaseInsensitive) == 0;
        }
        if (const QString error = m_list->showFolder(folderId, sent);
            !error.isEmpty())
            showError(error);
    });
    connect(m_folders, &FolderPane::trackedSelected, this, [this](TrackedFilter filter) {
        m_currentSpecialUse.clear();
        m_showingDrafts = false;
        m_list->showTracked(filter);
    });
    connect(m_list, &MessageListPane::messageSelected, this, &MainWindow::onMessageSelected);
    connect(m_list, &MessageListPane::reportSelected, this, &MainWindow::onReportSelected);
    connect(m_viewer, &MessageViewer::errorOccurred, this, &MainWindow::showError);
    connect(m_viewer, &MessageViewer::reportTrackingRequested, this, &MainWindow::showTrackingOfReport);
    connect(m_viewer, &MessageViewer::readReceiptRequested, this,
            [this](const QByteArray &messageId, const QString &sendTo, bool automatic) {
                Q_EMIT readReceiptRequested(messageId, sendTo, automatic);
                if (m_currentMessage != 0)
                    Q_EMIT readReceiptSendRequested(m_currentMessage, automatic);
            });
    connect(m_viewer, &MessageViewer::readReceiptIgnored, this, [this] {
        if (m_currentMessage != 0)
            Q_EMIT readReceiptIgnored(m_currentMessage);
    });
    connect(m_list->mailView(), &QAbstractItemView::activated, this, [this] {
        if (m_showingDrafts)
            editDraft();
    });
    connect(m_viewer, &MessageViewer::linkActivated, this, [this](const QUrl &url) {
        if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) == 0)
            openMailto(url.toString());
        else if ((url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
                 && !QDesktopServices::openUrl(url))
            showError(tr("No web browser could open %1.").arg(url.toDisplayString()));
    });
    // Remote content the user chose to load comes through here, bounded in size.
    auto *network = new QNetworkAccessManager(this);
    m_viewer->bodyView()->setFetcher([network](const QUrl &url, std::function<void(const QByteArray &)> done) {
        QNetworkRequest request(url);
        request.setTransferTimeout(15000);
        QNetworkReply *reply = network->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done] {
            reply->deleteLater();
            done(reply->error() == QNetworkReply::NoError ? reply->read(5 * 1024 * 1024) : QByteArray());
        });
    });
    connect(m_panel, &DeliveryPanel::resendToFailedRequested, this, [this](qint64 id) { resendToFailed(id); });
    connect(m_panel, &DeliveryPanel::unmatchedReportsRequested, this,
            [this] { m_folders->selectTracked(TrackedFilter::UnmatchedReports); });

    createActions();
    m_viewer->setRemoteContentAlwaysAllowed(m_context.settings().loadRemoteContent);
    // Learn the current states first: only changes seen from now on are announced.
    (void)m_notifier.observe(DeliveryNotifier::snapshot(m_context.trackingModel()));
    connect(&m_context.trackingModel(), &QAbstractItemModel::modelReset, this, &MainWindow::onTrackingChanged);
    connect(&m_context.trackingModel(), &QAbstractItemModel::dataChanged, this, &MainWindow::onTrackingChanged);
    updateTrackedCounts();
    // "Needs attention" under Tracked (issue #18): count, filter, notification, dismiss.
    m_attention = new AttentionWatcher(m_context, this);
    connect(m_attention, &AttentionWatcher::changed, this, [this](const QSet<qint64> &ids) {
        m_folders->setNeedsAttentionCount(int(ids.size()));
        m_list->trackedFilter()->setAttentionIds(ids);
    });
    m_list->trackedView()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list->trackedView(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_list->trackedView()->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu menu(this);
        const qint64 sentId = index.data(Models::SentMessageIdRole).toLongLong();
        QAction *resend = menu.addAction(tr("&Resend to Failed Recipients…"), this, [this, sentId] { resendToFailed(sentId); });
        resend->setObjectName(QStringLiteral("resendToFailed"));
        // The recipients' states are in the TrackingModel: the list's proxies hide the recipient
        // rows, so the list's own index would never look failed.
        const QModelIndex message = m_context.trackingModel().indexForSentMessage(sentId);
        resend->setEnabled(message.isValid() && TrackedFilterProxy::matches(message, TrackedFilter::Failed));
        m_attention->addActions(&menu, sentId);
        if (!menu.isEmpty())
            menu.exec(m_list->trackedView()->viewport()->mapToGlobal(pos));
    });
    m_attention->refresh();
    auto *history = new RecipientHistoryTips(m_panel->recipientView(), &m_context.deliveryRecords(),
                                             [this] { return m_context.now(); });
    history->setExtraActions([this](QMenu *menu) {
        const qint64 sentId = m_panel->sentMessage();
        const QModelIndex message = m_context.trackingModel().indexForSentMessage(sentId);
        if (message.isValid() && TrackedFilterProxy::matches(message, TrackedFilter::Failed))
            menu->addAction(tr("&Resend to Failed Recipients…"), this, [this, sentId] { resendToFailed(sentId); });
    });
    // Open on what Mailtrail is for: the tracked mail, when there is any.
    if (m_context.trackingModel().rowCount() > 0)
        m_folders->selectTracked(TrackedFilter::All);
    statusBar()->showMessage(tr("Ready"));
    resize(1200, 760);
    m_mainSplitter = main;
    m_listSplitter = listAndReading;
    restoreLayout();
    if (!m_context.profileDirectory().isEmpty())
        m_panel->setSettingsFile(QDir(m_context.profileDirectory()).filePath(QStringLiteral("settings.ini")));
    if (m_context.folderModel().rowCount() == 0)
        m_bar->showMessage(tr("No account is set up yet. Use Settings → Add Account to add one."),
                           MessageBar::Kind::Information);
}

MainWindow::~MainWindow()
{
    // MessageActions filters the list's mouse events and reaches the list through this window:
    // it goes before the widgets it watches, whose destruction still sends events while this
    // object is no longer a MainWindow (UBSan, in every UI test).
    delete m_messageActions;
    m_messageActions = nullptr;
}

namespace {
QString layoutFile(const AppContext &context)
{
    return context.profileDirectory().isEmpty()
        ? QString()
        : QDir(context.profileDirectory()).filePath(QStringLiteral("settings.ini"));
}
} // namespace

void MainWindow::saveLayout() const
{
    const QString file = layoutFile(m_context);
    if (file.isEmpty())
        return;
    QSettings s(file, QSettings::IniFormat);
    s.beginGroup(QStringLiteral("window"));
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    s.setValue(QStringLiteral("listSplitter"), m_listSplitter->saveState());
    if (m_readingSizes.size() == 2)
        s.setValue(QStringLiteral("readingSizes"), QVariantList{m_readingSizes.at(0), m_readingSizes.at(1)});
    s.setValue(QStringLiteral("mailColumns"), m_list->mailView()->header()->saveState());
    s.setValue(QStringLiteral("trackedColumns"), m_list->trackedView()->header()->saveState());
    s.endGroup();
}

void MainWindow::restoreLayout()
{
    const QString file = layoutFile(m_context);
    if (file.isEmpty())
        return;
    const QSettings s(file, QSettings::IniFormat);
    const auto value = [&s](const char *key) { return s.value(QStringLiteral("window/") + QLatin1String(key)); };
    if (const QByteArray g = value("geometry").toByteArray(); !g.isEmpty())
        restoreGeometry(g);
    m_mainSplitter->restoreState(value("mainSplitter").toByteArray());
    m_listSplitter->restoreState(value("listSplitter").toByteArray());
    const QVariantList reading = value("readingSizes").toList();
    if (reading.size() == 2 && reading.at(0).toInt() > 0 && reading.at(1).toInt() > 0)
        m_readingSizes = {reading.at(0).toInt(), reading.at(1).toInt()};
    m_list->mailView()->header()->restoreState(value("mailColumns").toByteArray());
    m_list->trackedView()->header()->restoreState(value("trackedColumns").toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newMessage = file->addAction(themeIcon(QStringLiteral("mail-message-new")), tr("&New Message"),
                                          this, [this] { compose(); });
    newMessage->setShortcut(QKeySequence::New);
    QAction *sync = file->addAction(themeIcon(QStringLiteral("mail-receive")), tr("&Check Mail"), this, [this] {
        statusBar()->showMessage(tr("Checking mail…"));
        Q_EMIT syncRequested();
    });
    sync->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find Messages"), this, [this] {
        m_search->box()->setFocus();
        m_search->box()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *filter = edit->addAction(tr("F&ilter This List"), this, [this] {
        m_list->searchBox()->setFocus();
        m_list->searchBox()->selectAll();
    });
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_list->searchBox(), &QLineEdit::returnPressed, this, [this] { m_list->setFocus(); });

    QMenu *message = menuBar()->addMenu(tr("&Message"));
    QAction *reply = message->addAction(themeIcon(QStringLiteral("mail-reply-sender")), tr("&Reply"),
                                        this, [this] { replyOrForward(Reply); });
    reply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction *replyAll = message->addAction(themeIcon(QStringLiteral("mail-reply-all")), tr("Reply to &All"),
                                           this, [this] { replyOrForward(ReplyAll); });
    replyAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QAction *forward = message->addAction(themeIcon(QStringLiteral("mail-forward")), tr("&Forward"),
                                          this, [this] { replyOrForward(Forward); });
    forward->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *editDraftAction = message->addAction(themeIcon(QStringLiteral("document-edit")), tr("&Edit Draft"),
                                                  this, [this] { editDraft(); });
    editDraftAction->setObjectName(QStringLiteral("editDraftAction"));
    editDraftAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    // Every selected message; the next one is shown afterwards (MessageActions).
    QAction *remove = message->addAction(themeIcon(QStringLiteral("edit-delete")), tr("&Delete"), this,
                                         [this] { m_messageActions->deleteSelected(); });
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_list->addAction(remove);
    message->addSeparator();
    // j / k as in mutt and Gmail; the arrow keys work in every list anyway.
    QAction *next = message->addAction(tr("Ne&xt Message"), this, [this] { moveSelection(1); });
    next->setShortcut(QKeySequence(Qt::Key_J));
    QAction *previous = message->addAction(tr("Pre&vious Message"), this, [this] { moveSelection(-1); });
    previous->setShortcut(QKeySequence(Qt::Key_K));
    message->addSeparator();
    QAction *outbox = message->addAction(themeIcon(QStringLiteral("mail-queue")), tr("&Outbox…"), this,
                                         [this] { openOutbox(); });
    outbox->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction *tracked = message->addAction(tr("Show &Tracked Mail"), this,
                                          [this] { m_folders->selectTracked(TrackedFilter::All); });
    tracked->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));

    m_messageActions = new MessageActions(m_context, *this, message);
    connect(m_messageActions, &MessageActions::deleteRequested, this, &MainWindow::deleteRequested);
    QMenu *folderMenu = menuBar()->addMenu(tr("F&older"));
    folderMenu->setObjectName(QStringLiteral("folderMenu"));
    m_folderActions = new FolderActions(m_context, *m_folders, folderMenu, *this);
    connect(m_folderActions, &FolderActions::messagesDropped, m_messageActions, &MessageActions::transfer);
    connect(m_folderActions, &FolderActions::problem, this, &MainWindow::showError);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Add Account…"), this, [this] { addAccount(); });
    QAction *preferences = settings->addAction(tr("&Configure Mailtrail…"), this, [this] { openSettings(); });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Mailtrail"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    for (QAction *action : {newMessage, sync, reply, replyAll, forward})
        toolbar->addAction(action);
    toolbar->addSeparator();
    toolbar->addWidget(m_search->bar());
}

QList<SendIdentity> MainWindow::identities() const
{
    QList<SendIdentity> out;
    QHash<QString, bool> dsnByAccount;
    for (const Store::Identity &stored : m_context.mailbox().identities()) {
        SendIdentity identity;
        identity.account = stored.account;
        identity.mailbox = {stored.displayName, stored.address};
        identity.replyTo = stored.replyTo;
        identity.signature = stored.signature;
        // The server's last EHLO says it; before any contact, the last tracked message (or
        // no warning at all when there is none).
        if (!dsnByAccount.contains(stored.account)) {
            const std::optional<bool> offered
                = Sync::SubmissionCapabilityStore(m_context.database().connection()).dsnSupported(stored.account);
            if (offered) {
                dsnByAccount.insert(stored.account, *offered);
            } else {
                const QList<Tracking::TrackedMessage> last = m_context.deliveryRecords().messages(stored.account, 1);
                dsnByAccount.insert(stored.account, last.isEmpty() || last.first().dsnSupported);
            }
        }
        identity.dsnSupported = dsnByAccount.value(stored.account);
        identity.requestDeliveryReportByDefault
            = stored.requestDeliveryReport.value_or(m_context.settings().requestDeliveryReportByDefault);
        identity.requestReadReceiptByDefault
            = stored.requestReadReceipt.value_or(m_context.settings().requestReadReceiptByDefault);
        out.append(identity);
    }
    return out;
}

ComposerDialog *MainWindow::compose(const Mime::OutgoingMessage &prefill)
{
    auto *composer = new ComposerDialog(identities(), this);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    composer->setKnownAddresses(m_context.mailbox().seenAddresses());
    composer->setQuotePosition(m_context.settings().replyBelowQuote ? Mime::QuotePosition::Below
                                                                     : Mime::QuotePosition::Above);
    if (prefill != Mime::OutgoingMessage())
        composer->setMessage(prefill);
    else
        composer->startBody(); // the signature of the default identity
    // What tracking knows about the recipients: known-bad, typos, last outcome (issue #18).
    auto *advice = new RecipientAdvice(
        composer, RecipientKnowledge::from(m_context.deliveryRecords(), [this] { return m_context.now(); }));
    advice->refresh();
    connect(composer, &ComposerDialog::draftSaveRequested, this, [this, composer](const OutgoingRequest &request) {
        Q_EMIT draftSaveRequested(request, composer);
    });
    connect(composer, &ComposerDialog::sendRequested, this, [this](const OutgoingRequest &request) {
        statusBar()->showMessage(tr("“%1” was handed to the outbox.").arg(request.message.subject), 5000);
        Q_EMIT sendRequested(request);
    });
    composer->show();
    return composer;
}

ComposerDialog *MainWindow::resendToFailed(qint64 sentMessageId)
{
    const Sync::ResendDraft draft
        = Sync::prepareResendToFailed(m_context.database().connection(), sentMessageId, m_context.now());
    if (!draft.error.isEmpty()) {
        showError(draft.error);
        return nullptr;
    }
    ComposerDialog *composer = compose(draft.message);
    composer->setAccount(draft.account);
    // The failure next to each recipient (editable in To: a corrected address is sent).
    QStringList lines;
    for (const Sync::FailedRecipient &r : draft.recipients)
        lines << tr("%1 — %2").arg(r.address, r.failure.isEmpty() ? tr("failed") : r.failure);
    auto *failures = new QLabel(tr("Resending to the recipients that did not get it:") + QLatin1Char('\n')
                                    + lines.join(QLatin1Char('\n')),
                                composer);
    failures->setObjectName(QStringLiteral("resendFailures"));
    failures->setTextFormat(Qt::PlainText);
    failures->setWordWrap(true);
    if (auto *layout = qobject_cast<QVBoxLayout *>(composer->layout()))
        layout->insertWidget(1, failures);
    return composer;
}

ComposerDialog *MainWindow::openMailto(const QString &url)
{
    const MailtoFields fields = parseMailto(url);
    if (!fields.isValid()) {
        showError(fields.error);
        return nullptr;
    }
    ComposerDialog *composer = compose();
    composer->setMailto(fields);
    return composer;
}

ComposerDialog *MainWindow::replyOrForward(int mode)
{
    const Mime::ParsedMessage *original = m_viewer->message();
    if (!original) {
        statusBar()->showMessage(tr("Select a message first."), 4000);
        return nullptr;
    }
    // The identity the message was addressed to (To, then Cc), else one of the account
    // whose folder it is in.
    const QList<Store::Identity> all = m_context.mailbox().identities();
    QStringList addressedTo;
    for (const auto &list : {original->headers.to, original->headers.cc}) {
        for (const Mime::Mailbox &m : list)
            addressedTo.append(m.address);
    }
    const qsizetype index = Store::identityAddressed(all, addressedTo, currentAccountId());
    const Mime::Mailbox me = index < 0 ? Mime::Mailbox()
                                       : Mime::Mailbox{all.at(index).displayName, all.at(index).address};
    Mime::OutgoingMessage prefill = mode == Forward
        ? Mime::ReplyComposer::forward(*original, me)
        : Mime::ReplyComposer::reply(*original, me,
                                     mode == ReplyAll ? Mime::ReplyComposer::ReplyMode::All
                                                      : Mime::ReplyComposer::ReplyMode::Sender);
    const QString quoted = prefill.plainText;
    prefill.plainText.clear();
    ComposerDialog *composer = compose(prefill);
    composer->setIdentity(int(index));
    composer->startBody(quoted);
    return composer;
}

qint64 MainWindow::currentAccountId() const
{
    const std::optional<Store::MessagePlace> place
        = m_currentMessage != 0 ? m_context.mailbox().place(m_currentMessage) : std::nullopt;
    return place ? place->folder.accountId : 0;
}

void MainWindow::onMessageSelected(qint64 messageId, qint64 sentMessageId)
{
    m_currentMessage = messageId;
    m_currentSent = sentMessageId;
    m_panel->setSentMessage(sentMessageId);
    showReading(messageId != 0 || sentMessageId == 0, sentMessageId != 0);
    if (messageId == 0) {
        m_viewer->showPlaceholder(tr("No message selected."));
        return;
    }
    updateReceiptContext(messageId);
    const Store::Mailbox &mailbox = m_context.mailbox();
    const std::optional<QByteArray> body = mailbox.body(messageId);
    const std::optional<Store::MessageRecord> record = mailbox.message(messageId);
    if (!body) {
        m_viewer->showPlaceholder(tr("Downloading this message…"));
        Q_EMIT bodyRequested(messageId);
        return;
    }
    m_viewer->setMessage(*body, record ? record->flags : QByteArrayList());
    showReportLink(*body);
    if (record && !record->isSeen())
        Q_EMIT messageRead(messageId);
}

void MainWindow::showReportLink(const QByteArray &raw)
{
    const std::optional<Tracking::StoredReport> report = m_context.deliveryRecords().reportWithBytes(raw);
    const std::optional<Tracking::TrackedMessage> sent
        = report && report->sentMessageId != 0 ? m_context.deliveryRecords().message(report->sentMessageId)
                                               : std::nullopt;
    m_reportSent = sent ? sent->id : 0;
    // A null subject hides the link; an empty one shows "(no subject)".
    m_viewer->setReportLink(sent ? (sent->subject.isNull() ? QStringLiteral("") : sent->subject) : QString(),
                            report && report->kind == QLatin1String("mdn"));
}

void MainWindow::showTrackingOfReport()
{
    const qint64 sent = m_reportSent;
    if (sent == 0)
        return;
    m_folders->selectTracked(TrackedFilter::All);
    QTreeView *view = m_list->trackedView();
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        const QModelIndex i = view->model()->index(r, 0);
        if (i.data(Models::SentMessageIdRole).toLongLong() == sent) {
            view->setCurrentIndex(i);
            view->scrollTo(i);
            return;
        }
    }
}

void MainWindow::moveSelection(int delta)
{
    auto *view = qobject_cast<QAbstractItemView *>(m_list->currentView());
    if (!view || !view->model() || view->model()->rowCount() == 0)
        return;
    const QModelIndex current = view->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, view->model()->rowCount() - 1)
                                      : (delta > 0 ? 0 : view->model()->rowCount() - 1);
    view->setCurrentIndex(view->model()->index(row, 0));
    view->scrollTo(view->currentIndex());
}

void MainWindow::showReading(bool viewer, bool panel)
{
    m_viewer->setVisible(viewer);
    m_panel->setVisible(panel);
    // The splitter keeps the space of a hidden pane; hand it out explicitly.
    const int height = std::max(m_readingSplitter->height(), 400);
    if (viewer && panel) {
        // As the user last left them (remembered across starts), else a third for the viewer.
        if (m_readingSizes.size() == 2)
            m_readingSplitter->setSizes(m_readingSizes);
        else
            m_readingSplitter->setSizes({height / 3, height * 2 / 3});
    } else
        m_readingSplitter->setSizes({viewer ? height : 0, panel ? height : 0});
}

void MainWindow::updateReceiptContext(qint64 messageId)
{
    Tracking::ReceiptIdentity me;
    const std::optional<Store::MessagePlace> place = m_context.mailbox().place(messageId);
    const std::optional<Store::Account> account = place ? place->account : std::nullopt;
    Tracking::ReadReceiptPolicy policy;
    if (account) {
        me.addresses = {account->email};
        policy = m_context.settings().behaviour().readReceiptPolicyFor(*account);
    }
    m_viewer->setReceiptContext(policy, me);
}

void MainWindow::onReportSelected(qint64 reportId)
{
    showReading(true, false);
    const QByteArray raw = m_context.deliveryRecords().reportRaw(reportId);
    if (raw.isEmpty()) {
        showError(tr("This report could not be read: %1").arg(m_context.deliveryRecords().lastError()));
        return;
    }
    m_viewer->setMessage(raw);
}

void MainWindow::reload()
{
    // Keep what the user looks at: the same message stays selected and shown.
    const qint64 message = m_currentMessage;
    const qint64 sent = m_currentSent;
    if (!m_context.folderModel().refresh())
        showError(tr("Cannot read the folders: %1").arg(m_context.folderModel().lastError()));
    if (!m_context.messageModel().refresh())
        showError(tr("Cannot read the messages: %1").arg(m_context.messageModel().lastError()));
    m_context.trackingModel().reload();
    m_list->reloadReports();
    m_search->refresh();
    if (!m_list->restoreSelection(message, sent))
        onMessageSelected(0, 0);
    else if (sent != 0)
        m_panel->setSentMessage(sent);
}

void MainWindow::bodyArrived(qint64 messageId)
{
    if (messageId != m_currentMessage)
        return;
    const Store::Mailbox &mailbox = m_context.mailbox();
    const std::optional<QByteArray> body = mailbox.body(messageId);
    const std::optional<Store::MessageRecord> record = mailbox.message(messageId);
    if (!body)
        return;
    m_viewer->setMessage(*body, record ? record->flags : QByteArrayList());
    showReportLink(*body);
    if (record && !record->isSeen())
        Q_EMIT messageRead(messageId);
}

void MainWindow::bodyUnavailable(qint64 messageId, const QString &text)
{
    if (messageId == m_currentMessage)
        m_viewer->showPlaceholder(text);
}

OutboxDialog *MainWindow::openOutbox()
{
    auto *dialog = new OutboxDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OutboxDialog::flushRequested, this, &MainWindow::outboxFlushRequested);
    connect(dialog, &OutboxDialog::changed, this, &MainWindow::reload);
    // A refused message: edited in the composer and sent again; the refused one then leaves
    // the outbox (issue 19 item 4).
    connect(dialog, &OutboxDialog::editAgainRequested, this, [this](qint64 outboxId, qint64 sentMessageId) {
        ComposerDialog *composer = resendToFailed(sentMessageId);
        if (!composer)
            return;
        connect(composer, &ComposerDialog::sendRequested, this, [this, outboxId] {
            if (const QString error = OutboxDialog::discardEntry(m_context, outboxId); !error.isEmpty())
                showError(error);
            reload();
        });
    });
    dialog->show();
    return dialog;
}

ComposerDialog *MainWindow::editDraft()
{
    const Mime::ParsedMessage *draft = m_viewer->message();
    if (!draft || !m_showingDrafts) {
        statusBar()->showMessage(tr("Select a draft first."), 4000);
        return nullptr;
    }
    Mime::OutgoingMessage prefill;
    prefill.from = draft->headers.from.isEmpty() ? Mime::Mailbox() : draft->headers.from.first();
    prefill.to = draft->headers.to;
    prefill.cc = draft->headers.cc;
    prefill.subject = draft->headers.subject;
    prefill.plainText = draft->bodyText();
    prefill.inReplyTo = draft->headers.inReplyTo;
    prefill.references = draft->headers.references;
    prefill.requestReadReceipt = !draft->headers.dispositionNotificationTo.isEmpty();
    for (const Mime::MessagePart *part : draft->attachments())
        prefill.attachments.append({Mime::OutgoingAttachment::Kind::File, part->fileName, part->content,
                                     QString::fromLatin1(part->contentType), {}});
    ComposerDialog *composer = compose(prefill);
    composer->setDraftMessageId(m_currentMessage); // sending it removes this copy from the server
    if (!prefill.from.isEmpty()) {
        for (const SendIdentity &identity : identities()) {
            if (identity.mailbox.address.compare(prefill.from.address, Qt::CaseInsensitive) == 0)
                composer->setAccount(identity.account);
        }
    }
    return composer;
}

void MainWindow::updateTrackedCounts()
{
    for (const TrackedFilter filter : {TrackedFilter::Failed, TrackedFilter::Delayed, TrackedFilter::AwaitingReport}) {
        TrackedFilterProxy count;
        count.setSourceModel(&m_context.trackingModel());
        count.setQuickFilter(filter);
        m_folders->setTrackedCount(filter, count.rowCount());
    }
    m_folders->setTrackedCount(TrackedFilter::UnmatchedReports,
                               int(m_context.deliveryRecords().unmatchedReports().size()));
}

void MainWindow::onTrackingChanged()
{
    updateTrackedCounts();
    const QList<DeliveryNotification> news = m_notifier.observe(DeliveryNotifier::snapshot(m_context.trackingModel()));
    if (!m_context.settings().notifications || !m_notify)
        return;
    for (const DeliveryNotification &n : news)
        m_notify(n);
}

SettingsDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_context.settings(), m_context.database(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::addAccountRequested, this, [this, dialog] {
        AccountAssistant *assistant = addAccount();
        connect(assistant, &QDialog::finished, dialog, &SettingsDialog::reloadAccounts);
    });
    connect(dialog, &SettingsDialog::accountsChanged, this, &MainWindow::reload);
    connect(dialog, &SettingsDialog::passwordChanged, this, &MainWindow::accountPasswordChanged);
    connect(dialog, &SettingsDialog::accountRemoved, this, &MainWindow::accountRemoved);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const QString error = m_context.setSettings(dialog->settings()); !error.isEmpty())
            showError(error);
        m_viewer->setRemoteContentAlwaysAllowed(m_context.settings().loadRemoteContent);
    });
    dialog->show();
    return dialog;
}

AccountAssistant *MainWindow::addAccount()
{
    auto *discovery = new NetworkServerDiscovery(this);
    auto *assistant = new AccountAssistant(discovery, m_tester, this);
    assistant->setAttribute(Qt::WA_DeleteOnClose);
    discovery->setParent(assistant);
    connect(assistant, &QDialog::accepted, this, [this, assistant] {
        Store::Account account = assistant->account();
        if (const QString error = m_context.accounts().add(account);
            !error.isEmpty()) {
            showError(tr("The account could not be added: %1").arg(error));
            return;
        }
        reload();
        m_bar->showMessage(tr("The account %1 was added.").arg(account.name), MessageBar::Kind::Information);
        Q_EMIT accountAdded(account, assistant->password());
    });
    assistant->show();
    return assistant;
}

void MainWindow::showSignInAgain(const QString &name, const QString &reason)
{
    const auto account = m_context.mailbox().account(name);
    if (!account)
        return;
    if (m_signInAgainBar && m_signInAgainBar->property("account").toString() == name)
        return; // already asking: the same bar, not a new one at every check
    delete m_signInAgainBar;
    auto *bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("signInAgainBar"));
    bar->setProperty("account", name);
    bar->setFrameShape(QFrame::StyledPanel);
    auto *text = new QLabel(tr("%1 needs you to sign in again: %2").arg(account->name, reason), bar);
    text->setObjectName(QStringLiteral("signInAgainText"));
    text->setWordWrap(true);
    auto *panel = new OAuthSignInPanel(bar);
    panel->setAccount(*account);
    auto *layout = new QVBoxLayout(bar);
    layout->addWidget(text);
    layout->addWidget(panel);
    connect(panel, &OAuthSignInPanel::signedIn, this, [this, bar, account = *account](const OAuth::Tokens &tokens) {
        Q_EMIT signedInAgain(account, tokens.refreshToken);
        m_bar->showMessage(tr("%1 is signed in again.").arg(account.name), MessageBar::Kind::Information);
        bar->deleteLater();
    });
    m_signInAgainBar = bar;
    m_centralLayout->insertWidget(1, bar);
    bar->show();
}

void MainWindow::showPasswordBar(const QString &account, const QString &reason)
{
    if (passwordBar(account))
        return;
    auto *bar = new PasswordBar(account, reason, this);
    connect(bar, &PasswordBar::passwordEntered, this, &MainWindow::passwordEnteredAgain);
    m_centralLayout->insertWidget(1, bar);
    bar->show();
    bar->passwordField()->setFocus();
}

PasswordBar *MainWindow::passwordBar(const QString &account) const
{
    for (PasswordBar *bar : findChildren<PasswordBar *>()) {
        if (bar->account() == account && !bar->property("closing").toBool())
            return bar;
    }
    return nullptr;
}

bool MainWindow::isAskingAbout(const QString &account) const
{
    return passwordBar(account)
        || (m_signInAgainBar && m_signInAgainBar->property("account").toString() == account);
}

void MainWindow::showError(const QString &text)
{
    m_bar->showMessage(text, MessageBar::Kind::Error);
    statusBar()->showMessage(text, 8000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Mailtrail"),
                       tr("<h3>Mailtrail %1</h3><p>A mail client that shows, for every recipient, "
                          "what happened to the mail you sent.</p>")
                           .arg(Mailtrail::version()));
}

} // namespace Mailtrail::Ui

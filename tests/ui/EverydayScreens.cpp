// SPDX-License-Identifier: GPL-3.0-or-later
#include "EverydayScreens.h"

#include "AccountEditor.h"
#include "ComposerDialog.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "DeliveryPanel.h"
#include "MessageListPane.h"
#include "Poppler.h"
#include "SettingsDialog.h"
#include "store/AccountRepository.h"
#include "store/Identity.h"

#include <QCoreApplication>
#include <QFile>
#include <QListWidget>
#include <QTabWidget>
#include <QTreeView>

namespace Mailtrail::Test {

namespace {
void settle()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

QString save(QWidget *widget, const QString &path)
{
    settle();
    return widget->grab().save(path) ? QString() : QStringLiteral("cannot write %1").arg(path);
}
} // namespace

QString grabEverydayScreens(Ui::AppContext &context, Ui::MainWindow &window, const UiFixture &fixture,
                            const QString &dir, const QString &suffix)
{
    const QSqlDatabase db = context.database().connection();
    const std::optional<Store::Account> alice = Store::AccountRepository(db).find(QStringLiteral("alice"));
    if (!alice)
        return QStringLiteral("no account alice");
    Store::IdentityRepository identities(db);
    Store::Identity own = identities.list(*alice).first();
    own.signature = QStringLiteral("Alice Example\nExample Trading Ltd · +49 30 1234567");
    Store::Identity support;
    support.address = QStringLiteral("support@example.test");
    support.displayName = QStringLiteral("Example Support");
    support.replyTo = QStringLiteral("tickets@example.test");
    support.signature = QStringLiteral("Example Support\nhttps://example.test/help");
    for (const Store::Identity &identity : {own, support}) {
        if (QString error = identities.save(*alice, identity); !error.isEmpty())
            return error;
    }

    // A reply, from the identity addressed, signature above the quote.
    window.resize(1280, 800);
    window.folderPane()->selectFolder(fixture.inbox);
    QTreeView *view = window.listPane()->mailView();
    view->setCurrentIndex(view->model()->index(1, 0));
    Ui::ComposerDialog *composer = window.replyOrForward(Ui::MainWindow::Reply);
    if (!composer)
        return QStringLiteral("no composer");
    composer->resize(760, 560);
    if (QString e = save(composer, dir + QStringLiteral("/composer%1.png").arg(suffix)); !e.isEmpty())
        return e;
    delete composer;

    Ui::SettingsDialog *settings = window.openSettings();
    Ui::AccountEditor *editor = settings->editAccount(alice->name);
    if (!editor)
        return QStringLiteral("no account editor");
    editor->resize(680, 540);
    if (QString e = save(editor, dir + QStringLiteral("/account-edit%1.png").arg(suffix)); !e.isEmpty())
        return e;
    editor->tabs()->setCurrentIndex(1);
    editor->identityList()->setCurrentRow(1);
    if (QString e = save(editor, dir + QStringLiteral("/account-identities%1.png").arg(suffix)); !e.isEmpty())
        return e;
    editor->reject();
    settings->reject();

    // The proof of delivery's first page (pdftoppm), as exported from the delivery panel.
    window.deliveryPanel()->setSentMessage(fixture.threeOutcomes);
    const QString pdf = dir + QStringLiteral("/proof-of-delivery%1.pdf").arg(suffix);
    if (QString e = window.deliveryPanel()->exportPdf(pdf); !e.isEmpty())
        return e;
    const PopplerRun page = runPoppler(QStringLiteral("pdftoppm"),
                                       {QStringLiteral("-png"), QStringLiteral("-f"), QStringLiteral("1"),
                                        QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-r"),
                                        QStringLiteral("80"), QStringLiteral("-singlefile"), pdf,
                                        dir + QStringLiteral("/proof-of-delivery%1").arg(suffix)});
    if (!page.failure.isEmpty() || page.exitCode != 0)
        return page.failure.isEmpty() ? QString::fromUtf8(page.err) : page.failure;
    QFile::remove(pdf);

    // The Tracked view of a profile that has sent nothing yet.
    Ui::AppContext empty;
    if (QString error = empty.open(QStringLiteral(":memory:")); !error.isEmpty())
        return error;
    Ui::MainWindow fresh(empty);
    fresh.resize(1000, 700);
    fresh.show();
    fresh.folderPane()->selectTracked(Ui::TrackedFilter::All);
    return save(&fresh, dir + QStringLiteral("/tracked-empty%1.png").arg(suffix));
}

} // namespace Mailtrail::Test

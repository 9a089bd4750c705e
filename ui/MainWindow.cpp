// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "Version.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace Mailtrail::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Mailtrail"));
    setWindowIcon(QIcon(QStringLiteral(":/mailtrail/icons/mailtrail.svg")));
    auto *placeholder = new QLabel(tr("No account is set up yet."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    createMenus();
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 700);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Mailtrail"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Mailtrail"),
                       tr("<h3>Mailtrail %1</h3><p>A mail client that shows, for every recipient, "
                          "what happened to the mail you sent.</p>")
                           .arg(Mailtrail::version()));
}

} // namespace Mailtrail::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of Mailtrail::Core: version, TLS backend, GMime start-up, profiles.
#include "Profile.h"
#include "Version.h"
#include "mime/GMimeRuntime.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

class CoreSmokeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionMatchesProject()
    {
        QCOMPARE(Mailtrail::version(), QStringLiteral(MAILTRAIL_VERSION));
        QVERIFY(Mailtrail::versionDetails().contains(QStringLiteral("GMime 3.")));
    }

    void tlsBackendIsOpenSsl()
    {
        QCOMPARE(Mailtrail::activeTlsBackend(), QStringLiteral("openssl"));
        QCOMPARE(Mailtrail::checkTlsBackend(), QString());
    }

    void gmimeInitialisesTwice()
    {
        Mailtrail::Mime::ensureGMimeInitialized();
        Mailtrail::Mime::ensureGMimeInitialized();
        QVERIFY(Mailtrail::versionDetails().contains(QStringLiteral("GMime")));
    }

    void profileIsCreatedPrivate()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const Mailtrail::Profile profile(tmp.filePath(QStringLiteral("a/b")));
        QCOMPARE(profile.ensureExists(), QString());
        const QFileInfo info(profile.directory());
        QVERIFY(info.isDir());
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QCOMPARE(profile.filePath(QStringLiteral("x.db")),
                 tmp.filePath(QStringLiteral("a/b/x.db")));
    }

    void profileOverAFileIsAnError()
    {
        QTemporaryDir tmp;
        QFile file(tmp.filePath(QStringLiteral("f")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Mailtrail::Profile profile(file.fileName());
        QVERIFY(profile.ensureExists().contains(QStringLiteral("not a directory")));
    }
};

QTEST_GUILESS_MAIN(CoreSmokeTest)
#include "CoreSmokeTest.moc"

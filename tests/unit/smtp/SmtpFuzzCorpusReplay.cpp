// SPDX-License-Identifier: GPL-3.0-or-later
// Replays tests/fuzz/corpus/smtp_reply through the fuzz target with the normal build,
// so crashes the fuzzer once found stay fixed.
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QTest>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

class SmtpFuzzCorpusReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replay()
    {
        const QDir dir(Mailtrail::Test::sourceDir() + QStringLiteral("/tests/fuzz/corpus/smtp_reply"));
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY2(files.size() >= 5, qPrintable(dir.path()));
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray data = file.readAll();
            QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())), 0);
        }
    }
};

QTEST_GUILESS_MAIN(SmtpFuzzCorpusReplay)
#include "SmtpFuzzCorpusReplay.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Replays every input of tests/fuzz/corpus/reports through the fuzz target's entry point,
// so inputs that once crashed or grew coverage stay checked without clang/libFuzzer.

#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

class ReportFuzzReplayTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay()
    {
        const QDir dir(Mailtrail::Test::testData(QStringLiteral("fuzz/corpus/reports")));
        const QStringList names = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!names.isEmpty(), qPrintable(dir.path()));
        for (const QString &name : names) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray input = file.readAll();
            QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()),
                         size_t(input.size())),
                0);
        }
        qInfo("replayed %lld inputs", static_cast<long long>(names.size()));
    }
};

QTEST_GUILESS_MAIN(ReportFuzzReplayTest)
#include "ReportFuzzReplayTest.moc"

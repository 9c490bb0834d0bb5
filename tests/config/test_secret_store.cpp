#include "config/FileSecretStore.h"
#include "config/KeychainSecretStore.h"
#include "config/SecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace paydesk;
using namespace Qt::StringLiterals;

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void memoryStore();
    void envStore();
    void envStoreDefaultName();
    void fileStoreRoundTrip();
    void fileStoreTrimsOneNewline();
    void fileStoreRefusesLoosePermissions_data();
    void fileStoreRefusesLoosePermissions();
    void fileStoreAcceptsOwnerReadOnly();
    void fileStoreRefusesOtherOwner();
    void fileStoreRefusesNonFiles();
    void fileStoreWriteTightensExistingFile();
    void fileStoreRemove();
    void keychainFailsCleanlyOrRoundTrips();
    void keychainNeedsMerchantId();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static void writeFile(const QString &path, const QByteArray &data, int mode);
    static int modeOf(const QString &path);

    QTemporaryDir m_dir;
};

namespace {

const QByteArray TestKey = "TESTKEY0123456789"_ba;

void verifyNoKeyIn(const Error &error)
{
    QVERIFY2(!error.detail.contains(QString::fromLatin1(TestKey)), qPrintable(error.detail));
}

} // namespace

void TestSecretStore::writeFile(const QString &path, const QByteArray &data, int mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
}

int TestSecretStore::modeOf(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

void TestSecretStore::memoryStore()
{
    MemorySecretStore store;
    Result<MerchantKey> missing = store.readMerchantKey();
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::SecretUnavailable);

    QVERIFY(store.writeMerchantKey(MerchantKey(TestKey)).has_value());
    QVERIFY(store.hasKey());
    QCOMPARE(store.readMerchantKey()->utf8(), TestKey);

    QCOMPARE(store.writeMerchantKey(MerchantKey()).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(store.readMerchantKey()->utf8(), TestKey); // a refused write changes nothing

    store.setUnavailable(u"keychain locked"_s);
    QCOMPARE(store.readMerchantKey().error().code, ErrorCode::SecretUnavailable);
    QCOMPARE(store.readMerchantKey().error().detail, u"keychain locked"_s);
    QCOMPARE(store.writeMerchantKey(MerchantKey(TestKey)).error().code, ErrorCode::SecretUnavailable);
    QCOMPARE(store.removeMerchantKey().error().code, ErrorCode::SecretUnavailable);
    store.setUnavailable(std::nullopt);

    QVERIFY(store.removeMerchantKey().has_value());
    QVERIFY(!store.hasKey());
    QVERIFY(store.removeMerchantKey().has_value()); // removing nothing is fine
    QVERIFY(!store.describe().isEmpty());
}

void TestSecretStore::envStore()
{
    const QByteArray name = "PAYDESK_TEST_KEY_" + QByteArray::number(QCoreApplication::applicationPid());
    EnvSecretStore store(name);
    QCOMPARE(store.describe(), QString(u"environment variable "_s + QString::fromLatin1(name)));

    qunsetenv(name.constData());
    Result<MerchantKey> unset = store.readMerchantKey();
    QVERIFY(!unset);
    QCOMPARE(unset.error().code, ErrorCode::SecretUnavailable);
    QVERIFY(unset.error().detail.contains(QString::fromLatin1(name)));
    QVERIFY(unset.error().detail.contains(u"not set"));

    qputenv(name.constData(), QByteArray());
    QCOMPARE(store.readMerchantKey().error().code, ErrorCode::SecretUnavailable);

    qputenv(name.constData(), TestKey);
    Result<MerchantKey> key = store.readMerchantKey();
    QVERIFY(key.has_value());
    QCOMPARE(key->utf8(), TestKey);

    const Result<void> write = store.writeMerchantKey(MerchantKey("OTHER"_ba));
    QVERIFY(!write);
    QCOMPARE(write.error().code, ErrorCode::SecretUnavailable);
    QVERIFY(write.error().detail.contains(u"read-only"));
    QCOMPARE(store.removeMerchantKey().error().code, ErrorCode::SecretUnavailable);
    QCOMPARE(qgetenv(name.constData()), TestKey); // neither changed the variable
    qunsetenv(name.constData());
}

void TestSecretStore::envStoreDefaultName()
{
    EnvSecretStore store;
    QCOMPARE(store.describe(), u"environment variable PAYDESK_MERCHANT_KEY"_s);
}

void TestSecretStore::fileStoreRoundTrip()
{
    QVERIFY(m_dir.isValid());
    const QString keyPath = path(u"roundtrip.key"_s);
    FileSecretStore store(keyPath);
    QCOMPARE(store.describe(), QString(u"file "_s + keyPath));

    const mode_t oldMask = ::umask(0); // even with a permissive umask the file is 0600
    const Result<void> written = store.writeMerchantKey(MerchantKey(TestKey));
    ::umask(oldMask);
    QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().detail));
    QCOMPARE(modeOf(keyPath), 0600);
    QFile file(keyPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray(TestKey + '\n'));

    Result<MerchantKey> read = store.readMerchantKey();
    QVERIFY(read.has_value());
    QCOMPARE(read->utf8(), TestKey);
    // No temporary file left behind.
    QCOMPARE(QDir(m_dir.path()).entryList({u"roundtrip.key*"_s}, QDir::Files | QDir::Hidden).size(), 1);
}

void TestSecretStore::fileStoreTrimsOneNewline()
{
    const QString keyPath = path(u"newline.key"_s);
    FileSecretStore store(keyPath);
    writeFile(keyPath, TestKey + "\r\n", 0600);
    QCOMPARE(store.readMerchantKey()->utf8(), TestKey);
    writeFile(keyPath, TestKey, 0600);
    QCOMPARE(store.readMerchantKey()->utf8(), TestKey);
    writeFile(keyPath, TestKey + "\n\n", 0600);
    QCOMPARE(store.readMerchantKey()->utf8(), QByteArray(TestKey + '\n')); // only one newline is ours to drop
    writeFile(keyPath, " " + TestKey, 0600);
    QCOMPARE(store.readMerchantKey()->utf8(), QByteArray(" " + TestKey)); // anything else is part of the key
    writeFile(keyPath, "\n", 0600);
    const Result<MerchantKey> empty = store.readMerchantKey();
    QVERIFY(!empty);
    QVERIFY(empty.error().detail.contains(u"empty"));
}

void TestSecretStore::fileStoreRefusesLoosePermissions_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0644") << 0644;
    QTest::newRow("0640 group read") << 0640;
    QTest::newRow("0620 group write") << 0620;
    QTest::newRow("0610 group exec") << 0610;
    QTest::newRow("0604 other read") << 0604;
    QTest::newRow("0602 other write") << 0602;
    QTest::newRow("0666") << 0666;
}

void TestSecretStore::fileStoreRefusesLoosePermissions()
{
    QFETCH(int, mode);
    const QString keyPath = path(u"loose.key"_s);
    writeFile(keyPath, TestKey, mode);
    FileSecretStore store(keyPath);
    const Result<MerchantKey> read = store.readMerchantKey();
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::SecretUnavailable);
    QVERIFY2(read.error().detail.contains(u"chmod 600 " + keyPath), qPrintable(read.error().detail));
    QVERIFY2(read.error().detail.contains(u"mode " + QString::number(mode, 8)), qPrintable(read.error().detail));
    verifyNoKeyIn(read.error());
}

void TestSecretStore::fileStoreAcceptsOwnerReadOnly()
{
    const QString keyPath = path(u"readonly.key"_s);
    writeFile(keyPath, TestKey, 0400);
    QCOMPARE(FileSecretStore(keyPath).readMerchantKey()->utf8(), TestKey);

    // A symlink is followed; the file it points to is what gets checked.
    const QString link = path(u"link.key"_s);
    QVERIFY(QFile::link(keyPath, link));
    QCOMPARE(FileSecretStore(link).readMerchantKey()->utf8(), TestKey);
    QCOMPARE(::chmod(QFile::encodeName(keyPath).constData(), 0644), 0);
    QCOMPARE(FileSecretStore(link).readMerchantKey().error().code, ErrorCode::SecretUnavailable);
}

void TestSecretStore::fileStoreRefusesOtherOwner()
{
    if (::geteuid() != 0)
        QSKIP("needs root to give the file to another user");
    const QString keyPath = path(u"foreign.key"_s);
    writeFile(keyPath, TestKey, 0600);
    QCOMPARE(::chown(QFile::encodeName(keyPath).constData(), 4242, 4242), 0);
    const Result<MerchantKey> read = FileSecretStore(keyPath).readMerchantKey();
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::SecretUnavailable);
    QVERIFY2(read.error().detail.contains(u"uid 4242"), qPrintable(read.error().detail));
    QVERIFY(read.error().detail.contains(u"chown"));
}

void TestSecretStore::fileStoreRefusesNonFiles()
{
    const Result<MerchantKey> missing = FileSecretStore(path(u"missing.key"_s)).readMerchantKey();
    QCOMPARE(missing.error().code, ErrorCode::SecretUnavailable);
    QVERIFY2(missing.error().detail.contains(u"cannot open"), qPrintable(missing.error().detail));

    QVERIFY(QDir(m_dir.path()).mkdir(u"adir"_s));
    QCOMPARE(::chmod(QFile::encodeName(path(u"adir"_s)).constData(), 0700), 0);
    const Result<MerchantKey> dir = FileSecretStore(path(u"adir"_s)).readMerchantKey();
    QCOMPARE(dir.error().code, ErrorCode::SecretUnavailable);
    QVERIFY2(dir.error().detail.contains(u"not a regular file"), qPrintable(dir.error().detail));

    const QString big = path(u"big.key"_s);
    writeFile(big, QByteArray(FileSecretStore::MaxKeyFileBytes + 1, 'k'), 0600);
    QVERIFY(FileSecretStore(big).readMerchantKey().error().detail.contains(u"too large"));

    QCOMPARE(FileSecretStore(QString()).readMerchantKey().error().code, ErrorCode::SecretUnavailable);
    QCOMPARE(FileSecretStore(path(u"x.key"_s)).writeMerchantKey(MerchantKey()).error().code,
             ErrorCode::InvalidArgument);
    const Result<void> noDir = FileSecretStore(path(u"no/such/dir/x.key"_s)).writeMerchantKey(MerchantKey(TestKey));
    QCOMPARE(noDir.error().code, ErrorCode::SecretUnavailable);
    verifyNoKeyIn(noDir.error());
}

void TestSecretStore::fileStoreWriteTightensExistingFile()
{
    const QString keyPath = path(u"existing.key"_s);
    writeFile(keyPath, "OLD"_ba, 0644);
    FileSecretStore store(keyPath);
    QVERIFY(store.writeMerchantKey(MerchantKey(TestKey)).has_value());
    QCOMPARE(modeOf(keyPath), 0600);
    QCOMPARE(store.readMerchantKey()->utf8(), TestKey);
}

void TestSecretStore::fileStoreRemove()
{
    const QString keyPath = path(u"remove.key"_s);
    FileSecretStore store(keyPath);
    QVERIFY(store.writeMerchantKey(MerchantKey(TestKey)).has_value());
    QVERIFY(store.removeMerchantKey().has_value());
    QVERIFY(!QFile::exists(keyPath));
    QVERIFY(store.removeMerchantKey().has_value());
    QCOMPARE(store.readMerchantKey().error().code, ErrorCode::SecretUnavailable);
}

// This machine has no secret service; a workstation may. Either way the call must come back
// quickly: with SecretUnavailable and a reason, or with a working round trip.
void TestSecretStore::keychainFailsCleanlyOrRoundTrips()
{
    const QString account = u"test"_s + QString::number(QCoreApplication::applicationPid());
    KeychainSecretStore store(account, u"PayDesk-test"_s, 3000);
    QVERIFY(store.describe().contains(account));

    QElapsedTimer timer;
    timer.start();
    const Result<void> written = store.writeMerchantKey(MerchantKey(TestKey));
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
    if (!written) {
        QCOMPARE(written.error().code, ErrorCode::SecretUnavailable);
        QVERIFY(written.error().detail.startsWith(u"OS keychain (service PayDesk-test, account "));
        verifyNoKeyIn(written.error());
        qInfo("keychain unavailable, as expected here: %s", qPrintable(written.error().detail));

        timer.restart();
        const Result<MerchantKey> read = store.readMerchantKey();
        QVERIFY(timer.elapsed() < 10'000);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::SecretUnavailable);
        timer.restart();
        const Result<void> removed = store.removeMerchantKey();
        QVERIFY(timer.elapsed() < 10'000);
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::SecretUnavailable);
        return;
    }
    const Result<MerchantKey> read = store.readMerchantKey();
    QVERIFY(read.has_value());
    QCOMPARE(read->utf8(), TestKey);
    QVERIFY(store.removeMerchantKey().has_value());
    QCOMPARE(store.readMerchantKey().error().code, ErrorCode::SecretUnavailable);
    QVERIFY(store.removeMerchantKey().has_value());
}

void TestSecretStore::keychainNeedsMerchantId()
{
    KeychainSecretStore store(QString{});
    QElapsedTimer timer;
    timer.start();
    const Result<MerchantKey> read = store.readMerchantKey();
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(read.error().code, ErrorCode::SecretUnavailable);
    QVERIFY(read.error().detail.contains(u"no merchant id"));
    QCOMPARE(store.writeMerchantKey(MerchantKey()).error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "test_secret_store.moc"

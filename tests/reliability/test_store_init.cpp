// `paydeskctl store init URL` as an installer runs it, on the backend of the test run: creates the
// schema, migrates an older store, is idempotent, and refuses a URL with a password without
// echoing it.

#include "ProcessSupport.h"
#include "TestStore.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "orders/PostgresBackend.h"
#include "orders/Schema.h"
#include "orders/SqliteBackend.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QTest>

#include <memory>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

class TestStoreInit : public QObject
{
    Q_OBJECT

private slots:
    void createsAndIsIdempotent();
    void migratesAnOlderStore();
    void refusesAPasswordWithoutEchoingIt();
    void unreachableStoreIsExitFour();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run storeInit(const QString &url);
};

TestStoreInit::Run TestStoreInit::storeInit(const QString &url)
{
    QProcess process;
    process.start(test::builtProgram(u"app/paydeskctl/paydeskctl"_s), {u"store"_s, u"init"_s, url});
    if (!process.waitForFinished(60'000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void TestStoreInit::createsAndIsIdempotent()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    for (int round = 0; round < 2; ++round) {
        const Run run = storeInit(store.url());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"schema version: "_s + QString::number(OrderLog::currentSchemaVersion())),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"orders:         0"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"integrity:      ok"_s), qPrintable(run.out));
    }
    SystemClock clock;
    const auto log = OrderLog::open(store.url(), clock);
    QVERIFY(log);
    QCOMPARE((*log)->schemaVersion(), OrderLog::currentSchemaVersion());
}

void TestStoreInit::migratesAnOlderStore()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    {
        const auto location = storeLocationFor(store.url());
        QVERIFY(location);
        const QString name = u"store-init-old"_s;
        QSqlDatabase db = QSqlDatabase::addDatabase(location->backend->driverName(), name);
        QVERIFY(location->backend->open(db, location->location, StoreOptions{}));
        QCOMPARE(*schema::applyMigrations({db, location->backend.get(), 1000}, 3), 3);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    const Run run = storeInit(store.url());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"schema version: "_s + QString::number(OrderLog::currentSchemaVersion())),
             qPrintable(run.out));
}

void TestStoreInit::refusesAPasswordWithoutEchoingIt()
{
    const Run run = storeInit(u"postgresql://paydesk:s3cret@db.example/store1"_s);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"password does not belong in the URL"_s), qPrintable(run.err));
    QVERIFY(!run.err.contains(u"s3cret"_s));
    QVERIFY(!run.out.contains(u"s3cret"_s));
}

void TestStoreInit::unreachableStoreIsExitFour()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    const Run run = storeInit(u"postgresql:///paydesk?host="_s + store.dirPath() + u"&connect_timeout=2"_s);
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(u"StoreUnavailable"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestStoreInit)
#include "test_store_init.moc"

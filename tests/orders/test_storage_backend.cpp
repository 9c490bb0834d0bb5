// The storage seam: which backend a store URL picks, and the typed classification of the
// SQLite backend's native error codes, from real failures and from the code table.

#include "OrderTestSupport.h"

#include "orders/OrderLog.h"
#include "orders/SqlSupport.h"
#include "orders/SqliteBackend.h"
#include "orders/StorageBackend.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(paydesk::StoreFault)

class TestStorageBackend : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void filePathsAreSqlite();
    void otherUrlsAreUnsupported_data();
    void otherUrlsAreUnsupported();
    void nativeCodesAreClassified_data();
    void nativeCodesAreClassified();
    void faultsMapToErrorCodes();
    void uniqueViolationIsDuplicate();
    void otherConstraintsAreFailures();
    void lockedDatabaseIsBusy();
    void insertReturnsTheNewId();
    void sqliteDialectPieces();

private:
    QString dbPath() const { return m_dir->filePath(u"orders.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
};

void TestStorageBackend::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStorageBackend::cleanup()
{
    m_dir.reset();
}

void TestStorageBackend::filePathsAreSqlite()
{
    for (const QString &path : {u"/var/lib/paydesk/orders.sqlite"_s, u"orders.sqlite"_s, u"C:/PayDesk/orders.sqlite"_s,
                                u"C:\\PayDesk\\orders.sqlite"_s}) {
        const auto store = storeLocationFor(path);
        QVERIFY2(store, qPrintable(path));
        QCOMPARE(store->backend->name(), u"sqlite"_s);
        QCOMPARE(store->backend->driverName(), u"QSQLITE"_s);
        QCOMPARE(store->location, path);
    }
    const auto url = storeLocationFor(u"file:///var/lib/paydesk/orders.sqlite"_s);
    QVERIFY(url);
    QCOMPARE(url->location, u"/var/lib/paydesk/orders.sqlite"_s);
    QCOMPARE(errorCodeOf(storeLocationFor(QString())), ErrorCode::InvalidArgument);

    // A file: URL opens the same file as its path.
    const auto log = OrderLog::open(QUrl::fromLocalFile(dbPath()).toString(), m_clock);
    QVERIFY(log);
    QCOMPARE((*log)->path(), dbPath());
    QVERIFY(QFile::exists(dbPath()));
}

void TestStorageBackend::otherUrlsAreUnsupported_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("postgresql") << u"postgresql://paydesk:s3cret@db.example/paydesk"_s;
    QTest::newRow("postgres") << u"postgres://db.example/paydesk"_s;
    QTest::newRow("http") << u"http://example.com/orders"_s;
}

void TestStorageBackend::otherUrlsAreUnsupported()
{
    QFETCH(QString, url);
    const auto store = storeLocationFor(url);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(store.error().detail.contains(u"unsupported store URL"_s), qPrintable(store.error().detail));
    QVERIFY(!store.error().detail.contains(u"s3cret"_s)); // a URL's password never reaches a log
    const auto log = OrderLog::open(url, m_clock);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::InvalidArgument);
    QVERIFY(log.error().detail.contains(u"unsupported store URL"_s));
}

void TestStorageBackend::nativeCodesAreClassified_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<StoreFault>("fault");
    QTest::newRow("BUSY") << 5 << StoreFault::Busy;
    QTest::newRow("BUSY_RECOVERY") << (5 | (1 << 8)) << StoreFault::Busy;
    QTest::newRow("BUSY_SNAPSHOT") << (5 | (2 << 8)) << StoreFault::Busy;
    QTest::newRow("LOCKED") << 6 << StoreFault::Busy;
    QTest::newRow("READONLY") << 8 << StoreFault::ReadOnly;
    QTest::newRow("READONLY_DBMOVED") << (8 | (4 << 8)) << StoreFault::ReadOnly;
    QTest::newRow("CORRUPT") << 11 << StoreFault::Corrupt;
    QTest::newRow("NOTADB") << 26 << StoreFault::Corrupt;
    QTest::newRow("FULL") << 13 << StoreFault::Full;
    QTest::newRow("CANTOPEN") << 14 << StoreFault::Unavailable;
    QTest::newRow("CANTOPEN_ISDIR") << (14 | (2 << 8)) << StoreFault::Unavailable;
    QTest::newRow("PERM") << 3 << StoreFault::Permission;
    QTest::newRow("AUTH") << 23 << StoreFault::Permission;
    QTest::newRow("CONSTRAINT_UNIQUE") << 2067 << StoreFault::UniqueViolation;
    QTest::newRow("CONSTRAINT_PRIMARYKEY") << 1555 << StoreFault::UniqueViolation;
    QTest::newRow("CONSTRAINT_NOTNULL") << 1299 << StoreFault::ConstraintViolation;
    QTest::newRow("CONSTRAINT_TRIGGER") << 1811 << StoreFault::ConstraintViolation;
    QTest::newRow("CONSTRAINT_FOREIGNKEY") << 787 << StoreFault::ConstraintViolation;
    QTest::newRow("CONSTRAINT") << 19 << StoreFault::ConstraintViolation;
    QTest::newRow("ERROR") << 1 << StoreFault::Other;
    QTest::newRow("IOERR") << 10 << StoreFault::Other;
    QTest::newRow("none") << 0 << StoreFault::Invalid;
}

void TestStorageBackend::nativeCodesAreClassified()
{
    QFETCH(int, code);
    QFETCH(StoreFault, fault);
    QCOMPARE(SqliteBackend::classifyCode(code), fault);
    const SqliteBackend backend;
    const QSqlError error(u"driver text"_s, u"database text"_s, QSqlError::StatementError, QString::number(code));
    QCOMPARE(backend.classify(error), fault);
}

void TestStorageBackend::faultsMapToErrorCodes()
{
    QCOMPARE(errorCodeFor(StoreFault::Busy), ErrorCode::StoreBusy);
    QCOMPARE(errorCodeFor(StoreFault::UniqueViolation), ErrorCode::Duplicate);
    QCOMPARE(errorCodeFor(StoreFault::ConstraintViolation), ErrorCode::StoreFailure);
    QCOMPARE(errorCodeFor(StoreFault::Unavailable), ErrorCode::StoreUnavailable);
    QCOMPARE(errorCodeFor(StoreFault::Permission), ErrorCode::StoreUnavailable);
    QCOMPARE(errorCodeFor(StoreFault::Corrupt), ErrorCode::StoreCorrupt);
    QCOMPARE(errorCodeFor(StoreFault::Full), ErrorCode::StoreFull);
    QCOMPARE(errorCodeFor(StoreFault::ReadOnly), ErrorCode::StoreReadOnly);
    QCOMPARE(errorCodeFor(StoreFault::Other), ErrorCode::StoreFailure);
    QCOMPARE(errorCodeFor(StoreFault::Invalid), ErrorCode::StoreFailure);
    // Without a driver code (a message only) nothing is guessed from the text.
    const SqliteBackend backend;
    QCOMPARE(backend.classify(QSqlError(u"UNIQUE constraint failed"_s, {}, QSqlError::StatementError)),
             StoreFault::Invalid);
}

// A real UNIQUE violation from the driver: the typed path gives Duplicate, whatever the text.
void TestStorageBackend::uniqueViolationIsDuplicate()
{
    const auto log = OrderLog::open(dbPath(), m_clock);
    QVERIFY(log);
    const auto order = (*log)->createOrder(sampleOrder());
    QVERIFY(order);
    RawConnection raw(dbPath());
    const auto copy = sql::run(raw.connection(),
                               u"INSERT INTO orders (mch_order_no, terminal_id, channel, amount_minor, currency, state,"
                               " created_at_ms, updated_at_ms) VALUES (?, 'T1', 'WX_NATIVE', 1, 'CAD', 'NEW', 1, 1)"_s,
                               {order->mchOrderNo});
    QVERIFY(!copy);
    QCOMPARE(copy.error().code, ErrorCode::Duplicate);
    QVERIFY2(copy.error().detail.contains(u"(sqlite 2067)"_s), qPrintable(copy.error().detail));
    // The primary key too.
    const auto sameKey
        = sql::run(raw.connection(), u"INSERT INTO sequences (name, value) VALUES ('mch_order_no/T1', 5)"_s);
    QCOMPARE(errorCodeOf(sameKey), ErrorCode::Duplicate);
}

void TestStorageBackend::otherConstraintsAreFailures()
{
    QVERIFY(OrderLog::open(dbPath(), m_clock));
    RawConnection raw(dbPath());
    QSqlQuery query(raw.db());
    QVERIFY(query.prepare(u"INSERT INTO orders (mch_order_no) VALUES ('X1')"_s));
    QVERIFY(!query.exec()); // NOT NULL columns left out
    QCOMPARE(raw.connection().backend->classify(query.lastError()), StoreFault::ConstraintViolation);
    QCOMPARE(sql::storeErrorCode(raw.connection(), query.lastError()), ErrorCode::StoreFailure);
    // The append-only guard of the audit trail is a constraint, not a duplicate.
    QVERIFY(sql::run(raw.connection(), u"INSERT INTO audit (at_ms, kind) VALUES (1, 'export')"_s));
    QCOMPARE(errorCodeOf(sql::run(raw.connection(), u"DELETE FROM audit"_s)), ErrorCode::StoreFailure);
}

void TestStorageBackend::lockedDatabaseIsBusy()
{
    QVERIFY(OrderLog::open(dbPath(), m_clock));
    RawConnection holder(dbPath());
    QCOMPARE(holder.exec(u"BEGIN IMMEDIATE"_s), QString());
    RawConnection other(dbPath(), u"QSQLITE_BUSY_TIMEOUT=50"_s);
    sql::WriteTransaction transaction(other.connection(50));
    const auto begun = transaction.begin();
    QVERIFY(!begun);
    QCOMPARE(begun.error().code, ErrorCode::StoreBusy);
    QVERIFY(begun.error().detail.contains(u"BEGIN IMMEDIATE"_s));
    QCOMPARE(holder.exec(u"ROLLBACK"_s), QString());
    QVERIFY(transaction.begin());
    transaction.rollback();
}

void TestStorageBackend::insertReturnsTheNewId()
{
    QVERIFY(OrderLog::open(dbPath(), m_clock));
    RawConnection raw(dbPath());
    const auto first = sql::insertReturningId(raw.connection(), u"INSERT INTO audit (at_ms, kind) VALUES (?, ?)"_s,
                                              {1, u"export"_s});
    QVERIFY(first);
    const auto second = sql::insertReturningId(raw.connection(), u"INSERT INTO audit (at_ms, kind) VALUES (?, ?)"_s,
                                               {2, u"report"_s});
    QVERIFY(second);
    QVERIFY(*second > *first);
    QCOMPARE(raw.scalar(u"SELECT kind FROM audit WHERE id = ?"_s, {*second}).toString(), u"report"_s);
    QCOMPARE(raw.scalar(u"SELECT at_ms FROM audit WHERE id = ?"_s, {*first}).toLongLong(), 1);
}

void TestStorageBackend::sqliteDialectPieces()
{
    const SqliteBackend backend;
    QCOMPARE(backend.idColumnType(), u"INTEGER PRIMARY KEY"_s);
    QCOMPARE(backend.integerType(), u"INTEGER"_s);
    QCOMPARE(backend.beginWriteStatement(), u"BEGIN IMMEDIATE"_s);
    QCOMPARE(backend.returningIdClause(), u" RETURNING id"_s);
    QCOMPARE(backend.appendOnlyGuards(u"events"_s, u"events are append-only"_s),
             (QStringList{u"CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
                          " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"_s,
                          u"CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
                          " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"_s}));
}

QTEST_GUILESS_MAIN(TestStorageBackend)
#include "test_storage_backend.moc"

// The storage seam: which backend a store URL picks, and the typed classification of the
// SQLite backend's native error codes, from real failures and from the code table.

#include "OrderTestSupport.h"

#include "orders/OrderLog.h"
#include "orders/PostgresBackend.h"
#include "orders/SqlSupport.h"
#include "orders/SqliteBackend.h"
#include "orders/StorageBackend.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

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
    void postgresUrlsAreParsed_data();
    void postgresUrlsAreParsed();
    void postgresUrlsRefused_data();
    void postgresUrlsRefused();
    void sqlStatesAreClassified_data();
    void sqlStatesAreClassified();
    void serverDownIsUnavailable();
    void permissionDeniedIsPermission();
    void failedCommitIsDetected();
    void nativeCodesAreClassified_data();
    void nativeCodesAreClassified();
    void faultsMapToErrorCodes();
    void uniqueViolationIsDuplicate();
    void otherConstraintsAreFailures();
    void lockedDatabaseIsBusy();
    void insertReturnsTheNewId();
    void sqliteDialectPieces();

private:
    QString dbPath() const { return m_store->url(); }
    QString sqlitePath() const { return QDir(m_store->dirPath()).filePath(u"orders.sqlite"_s); }

    std::unique_ptr<TestStore> m_store;
    ManualClock m_clock;
};

void TestStorageBackend::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
}

void TestStorageBackend::cleanup()
{
    m_store.reset();
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
    const auto log = OrderLog::open(QUrl::fromLocalFile(sqlitePath()).toString(), m_clock);
    QVERIFY(log);
    QCOMPARE((*log)->path(), sqlitePath());
    QVERIFY(QFile::exists(sqlitePath()));
}

void TestStorageBackend::otherUrlsAreUnsupported_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("http") << u"http://example.com/orders"_s;
    QTest::newRow("mysql") << u"mysql://paydesk:s3cret@db.example/paydesk"_s;
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
    QCOMPARE(errorCodeFor(StoreFault::Permission), ErrorCode::StoreDenied);
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
    const QString native = TestStore::isPostgres() ? u"(postgresql 23505)"_s : u"(sqlite 2067)"_s;
    QVERIFY2(copy.error().detail.contains(native), qPrintable(copy.error().detail));
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
    if (TestStore::isPostgres()) {
        // A lock held beyond the busy timeout (lock_timeout): 55P03.
        RawConnection holder(dbPath());
        QCOMPARE(holder.exec(u"BEGIN"_s), QString());
        QCOMPARE(holder.exec(u"LOCK TABLE sequences IN EXCLUSIVE MODE"_s), QString());
        OrderLog::Options options;
        options.busyTimeoutMs = 50;
        const auto waiting = OrderLog::open(dbPath(), m_clock, options);
        QVERIFY(waiting);
        const auto order = (*waiting)->createOrder(sampleOrder());
        QCOMPARE(errorCodeOf(order), ErrorCode::StoreBusy);
        QVERIFY2(order.error().detail.contains(u"55P03"_s), qPrintable(order.error().detail));
        QCOMPARE(holder.exec(u"ROLLBACK"_s), QString());
        QVERIFY((*waiting)->createOrder(sampleOrder()));
        return;
    }
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

void TestStorageBackend::postgresUrlsAreParsed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("shown");
    QTest::newRow("tls")
        << u"postgresql://paydesk@db.example:6432/store1?sslmode=verify-full&sslrootcert=/etc/ca.pem"_s
        << u"db.example"_s << 6432 << u"store1"_s << u"paydesk"_s
        << u"sslmode='verify-full';sslrootcert='/etc/ca.pem';connect_timeout=10;application_name=paydesk"_s
        << u"postgresql://paydesk@db.example:6432/store1"_s;
    QTest::newRow("postgres scheme") << u"postgres://db.example/store1?connect_timeout=3&application_name=relay%201"_s
                                     << u"db.example"_s << -1 << u"store1"_s << QString()
                                     << u"connect_timeout='3';application_name='relay 1'"_s
                                     << u"postgresql://db.example/store1"_s;
    QTest::newRow("unix socket") << u"postgresql:///store1?host=/run/postgresql&port=5433&user=relay"_s
                                 << u"/run/postgresql"_s << 5433 << u"store1"_s << u"relay"_s
                                 << u"connect_timeout=10;application_name=paydesk"_s
                                 << u"postgresql://relay@[/run/postgresql]:5433/store1"_s;
    QTest::newRow("quoted option") << u"postgresql://h/d?options=-c%20search_path%3Dit's"_s << u"h"_s << -1 << u"d"_s
                                   << QString()
                                   << u"options='-c search_path=it\\'s';connect_timeout=10;application_name=paydesk"_s
                                   << u"postgresql://h/d"_s;
}

void TestStorageBackend::postgresUrlsAreParsed()
{
    QFETCH(QString, url);
    const auto target = PostgresBackend::parseUrl(url);
    QVERIFY2(target, qPrintable(target ? QString() : target.error().detail));
    QTEST(target->host, "host");
    QTEST(target->port, "port");
    QTEST(target->database, "database");
    QTEST(target->user, "user");
    QTEST(PostgresBackend::connectOptions(*target), "options");
    const auto store = storeLocationFor(url);
    QVERIFY(store);
    QCOMPARE(store->backend->name(), u"postgresql"_s);
    QCOMPARE(store->backend->driverName(), u"QPSQL"_s);
    QTEST(store->backend->displayLocation(store->location), "shown");
}

void TestStorageBackend::postgresUrlsRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("password") << u"postgresql://paydesk:s3cret@db.example/paydesk"_s << u"password"_s;
    QTest::newRow("empty password") << u"postgresql://paydesk:@db.example/paydesk"_s << u"password"_s;
    QTest::newRow("password option") << u"postgresql://db.example/paydesk?password=s3cret"_s << u"password"_s;
    QTest::newRow("sslpassword") << u"postgresql://db.example/paydesk?sslpassword=s3cret"_s << u"password"_s;
    QTest::newRow("unknown option") << u"postgresql://db.example/paydesk?colour=s3cret"_s << u"unknown option"_s;
    QTest::newRow("no database") << u"postgresql://db.example/"_s << u"no database"_s;
    QTest::newRow("semicolon") << u"postgresql://db.example/d?application_name=a;sslmode=disable"_s << u"';'"_s;
    QTest::newRow("bad port") << u"postgresql:///d?host=/tmp&port=99999"_s << u"port"_s;
}

void TestStorageBackend::postgresUrlsRefused()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    const auto store = storeLocationFor(url);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(store.error().detail.contains(reason), qPrintable(store.error().detail));
    QVERIFY(!store.error().detail.contains(u"s3cret"_s)); // a URL's password never reaches a log
    const auto log = OrderLog::open(url, m_clock);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!log.error().detail.contains(u"s3cret"_s));
}

void TestStorageBackend::sqlStatesAreClassified_data()
{
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<StoreFault>("fault");
    QTest::newRow("unique") << u"23505"_s << StoreFault::UniqueViolation;
    QTest::newRow("not null") << u"23502"_s << StoreFault::ConstraintViolation;
    QTest::newRow("append-only guard") << u"23001"_s << StoreFault::ConstraintViolation;
    QTest::newRow("serialization") << u"40001"_s << StoreFault::Conflict;
    QTest::newRow("deadlock") << u"40P01"_s << StoreFault::Conflict;
    QTest::newRow("lock timeout") << u"55P03"_s << StoreFault::Busy;
    QTest::newRow("permission") << u"42501"_s << StoreFault::Permission;
    QTest::newRow("read only") << u"25006"_s << StoreFault::ReadOnly;
    QTest::newRow("disk full") << u"53100"_s << StoreFault::Full;
    QTest::newRow("too many connections") << u"53300"_s << StoreFault::Unavailable;
    QTest::newRow("admin shutdown") << u"57P01"_s << StoreFault::Unavailable;
    QTest::newRow("connection failure") << u"08006"_s << StoreFault::Unavailable;
    QTest::newRow("no database") << u"3D000"_s << StoreFault::Unavailable;
    QTest::newRow("data corrupted") << u"XX001"_s << StoreFault::Corrupt;
    // SQLite's codes as text mean nothing here (22021 and 42501 were "busy" when parsed as numbers).
    QTest::newRow("bad encoding") << u"22021"_s << StoreFault::Other;
    QTest::newRow("syntax") << u"42601"_s << StoreFault::Other;
    QTest::newRow("libpq, no server") << QString() << StoreFault::Unavailable;
}

void TestStorageBackend::sqlStatesAreClassified()
{
    QFETCH(QString, sqlState);
    QFETCH(StoreFault, fault);
    QCOMPARE(PostgresBackend::classifySqlState(sqlState), fault);
    const PostgresBackend backend;
    QCOMPARE(backend.classify(QSqlError(u"driver"_s, u"database"_s, QSqlError::StatementError, sqlState)), fault);
    QCOMPARE(backend.classify(QSqlError()), StoreFault::Invalid);
}

void TestStorageBackend::serverDownIsUnavailable()
{
    // A socket directory where no server listens: what a terminal sees while the server is down.
    const QString url = u"postgresql:///paydesk?host="_s + m_store->dirPath() + u"&connect_timeout=2"_s;
    const auto log = OrderLog::open(url, m_clock);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreUnavailable);
    QVERIFY2(log.error().detail.contains(u"connecting to postgresql://["_s), qPrintable(log.error().detail));
    QVERIFY2(log.error().detail.contains(u"No such file or directory"_s), qPrintable(log.error().detail));
}

void TestStorageBackend::permissionDeniedIsPermission()
{
    if (!TestStore::isPostgres())
        QSKIP("roles are PostgreSQL's: SQLite's file permissions are test_orderlog_store's");
    QVERIFY(OrderLog::open(dbPath(), m_clock)); // the schema, owned by the superuser
    const QString role = u"paydesk_outsider_"_s + QString::number(QCoreApplication::applicationPid());
    QCOMPARE(m_store->admin(u"DROP ROLE IF EXISTS "_s + role), QString());
    QCOMPARE(m_store->admin(u"CREATE ROLE "_s + role + u" LOGIN"_s), QString());
    const QString database = QUrl(dbPath()).path().mid(1);
    {
        const auto log = OrderLog::open(TestStore::urlOfDatabase(database, role), m_clock);
        QVERIFY(!log);
        // A role the database refuses is told so (StoreDenied), not "cannot be opened".
        QCOMPARE(log.error().code, ErrorCode::StoreDenied);
        QVERIFY2(log.error().detail.contains(u"42501"_s), qPrintable(log.error().detail));
        RawConnection raw(TestStore::urlOfDatabase(database, role));
        QVERIFY(raw.isOpen());
        QSqlQuery query(raw.db());
        QVERIFY(!query.exec(u"SELECT COUNT(*) FROM orders"_s));
        QCOMPARE(raw.connection().backend->classify(query.lastError()), StoreFault::Permission);
    }
    QCOMPARE(m_store->admin(u"DROP ROLE "_s + role), QString());
}

void TestStorageBackend::failedCommitIsDetected()
{
    if (!TestStore::isPostgres())
        QSKIP("SQLite keeps a transaction open after a failed statement: its COMMIT keeps the rest");
    QVERIFY(OrderLog::open(dbPath(), m_clock));
    RawConnection raw(dbPath());
    sql::WriteTransaction transaction(raw.connection());
    QVERIFY(transaction.begin());
    QVERIFY(sql::run(raw.connection(), u"INSERT INTO audit (at_ms, kind) VALUES (1, 'kept?')"_s));
    // A failure the caller ignores: the server aborts the transaction; an executed COMMIT would
    // then report success for what the server rolled back.
    QVERIFY(!sql::run(raw.connection(), u"INSERT INTO audit (at_ms) VALUES (2)"_s));
    const auto committed = transaction.commit();
    QVERIFY(!committed);
    QCOMPARE(committed.error().code, ErrorCode::StoreFailure);
    QVERIFY2(committed.error().detail.contains(u"rolled the transaction back"_s), qPrintable(committed.error().detail));
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM audit"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestStorageBackend)
#include "test_storage_backend.moc"

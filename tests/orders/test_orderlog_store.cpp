#include "OrderTestSupport.h"

#include "orders/OrderLog.h"
#include "orders/SqlSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

#include <unistd.h>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

// The store underneath the order log: how it is opened, what it refuses to open, and how it
// behaves next to other connections.
class TestOrderLogStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pragmasAreInEffect();
    void eachLogHasItsOwnConnection();
    void emptyFileBecomesAnOrderLog();
    void garbageIsCorrupt_data();
    void garbageIsCorrupt();
    void damagedPageIsCorrupt();
    void missingStoreIsUnavailable();
    void readOnlyOpenRefusesWrites();
    void readOnlyFileIsDetectedOnOpen();
    void readOnlyDirectoryIsDetectedOnOpen();
    void lockedBeyondBusyTimeoutIsBusy();
    void fullStoreIsReportedAndRolledBack();
    void longReadDoesNotBlockWrites();
    void deadlockedWriteIsRetried();
    void statementsArePreparedOnceAndSurviveALostConnection();

private:
    QString dbPath() const { return m_store->url(); }
    bool createStore(int orders = 1);
    // The PostgreSQL counterparts of the SQLite cases that differ.
    void sessionIsSetUp();
    void missingDatabaseIsUnavailable();
    void lockedRowsBeyondBusyTimeoutAreBusy();
    static QStringList logConnections();

    std::unique_ptr<TestStore> m_store;
    ManualClock m_clock;
};

void TestOrderLogStore::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
}

void TestOrderLogStore::cleanup()
{
    m_store.reset();
}

bool TestOrderLogStore::createStore(int orders)
{
    auto log = OrderLog::open(dbPath(), m_clock);
    if (!log)
        return false;
    for (int i = 0; i < orders; ++i) {
        if (!(*log)->createOrder(sampleOrder()))
            return false;
    }
    return true;
}

QStringList TestOrderLogStore::logConnections()
{
    QStringList names = QSqlDatabase::connectionNames().filter(u"paydesk-orderlog-"_s);
    names.sort();
    return names;
}

void TestOrderLogStore::pragmasAreInEffect()
{
    if (TestStore::isPostgres())
        return sessionIsSetUp();
    OrderLog::Options options;
    options.busyTimeoutMs = 4321;
    auto log = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY2(log, qPrintable(log ? QString() : describe(log.error())));
    QCOMPARE((*log)->path(), dbPath());
    QCOMPARE((*log)->schemaVersion(), OrderLog::currentSchemaVersion());

    // synchronous, foreign_keys and busy_timeout belong to the connection: ask the log's own.
    const QStringList names = logConnections();
    QCOMPARE(names.size(), 1);
    QSqlDatabase db = QSqlDatabase::database(names.first(), false);
    QVERIFY(db.isOpen());
    const auto pragma = [&db](const QString &name) {
        QSqlQuery query(db);
        return query.exec(u"PRAGMA "_s + name) && query.next() ? query.value(0) : QVariant();
    };
    QCOMPARE(pragma(u"journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(pragma(u"synchronous"_s).toInt(), 2); // FULL
    QCOMPARE(pragma(u"foreign_keys"_s).toInt(), 1);
    QCOMPARE(pragma(u"busy_timeout"_s).toInt(), 4321);
    QVERIFY(db.connectOptions().contains(u"QSQLITE_BUSY_TIMEOUT=4321"_s));
    db = QSqlDatabase();

    // journal_mode is stored in the file: another connection sees WAL too.
    RawConnection raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(*(*log)->integrityCheck(), u"ok"_s);
    QVERIFY((*log)->checkWritable());
}

void TestOrderLogStore::eachLogHasItsOwnConnection()
{
    QCOMPARE(logConnections().size(), 0);
    {
        auto first = OrderLog::open(dbPath(), m_clock);
        auto second = OrderLog::open(dbPath(), m_clock);
        QVERIFY(first && second);
        QCOMPARE(logConnections().size(), 2);
        // One per thread: each instance works on its own connection.
        QVERIFY((*first)->createOrder(sampleOrder()));
        QVERIFY((*second)->createOrder(sampleOrder()));
        QCOMPARE((*first)->ordersBetween(0, std::numeric_limits<qint64>::max())->size(), 2);
    }
    // Removed on destruction (and without "connection still in use" warnings).
    QCOMPARE(logConnections().size(), 0);
}

void TestOrderLogStore::emptyFileBecomesAnOrderLog()
{
    if (TestStore::isPostgres())
        QSKIP("an empty file is a SQLite matter: a PostgreSQL store is a database on a server");
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    auto log = OrderLog::open(dbPath(), m_clock);
    QVERIFY2(log, qPrintable(log ? QString() : describe(log.error())));
    QCOMPARE((*log)->schemaVersion(), OrderLog::currentSchemaVersion());
}

void TestOrderLogStore::garbageIsCorrupt_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("short text") << QByteArray("hello, I am not a database\n");
    QTest::newRow("8 KiB of text") << QByteArray("not a database! ").repeated(512);
    QByteArray noise(64 * 1024, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) & 0xff);
    QTest::newRow("64 KiB of noise") << noise;
}

void TestOrderLogStore::garbageIsCorrupt()
{
    if (TestStore::isPostgres())
        QSKIP("garbage in a file is a SQLite matter: PostgreSQL checks its own pages");
    QFETCH(QByteArray, content);
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();
    for (bool readOnly : {false, true}) {
        OrderLog::Options options;
        options.readOnly = readOnly;
        const auto log = OrderLog::open(dbPath(), m_clock, options);
        QVERIFY(!log);
        QCOMPARE(log.error().code, ErrorCode::StoreCorrupt);
        QVERIFY(!log.error().detail.isEmpty());
    }
    QCOMPARE(logConnections().size(), 0);
    // Refusing must not have "repaired" the file into an empty database.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void TestOrderLogStore::damagedPageIsCorrupt()
{
    if (TestStore::isPostgres())
        QSKIP("a damaged page of a file is a SQLite matter: PostgreSQL checks its own pages");
    QVERIFY(createStore(3));
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadWrite));
    // Keep the 100-byte header (so it still looks like SQLite) and wreck the catalogue page.
    QVERIFY(file.seek(100));
    QVERIFY(file.write(QByteArray(1000, '\xff')) == 1000);
    file.close();
    const auto log = OrderLog::open(dbPath(), m_clock);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreCorrupt);
}

void TestOrderLogStore::missingStoreIsUnavailable()
{
    if (TestStore::isPostgres())
        return missingDatabaseIsUnavailable();
    OrderLog::Options noCreate;
    noCreate.create = false;
    auto log = OrderLog::open(dbPath(), m_clock, noCreate);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreUnavailable);
    QVERIFY(!QFile::exists(dbPath()));

    const QString inMissingDir = QDir(m_store->dirPath()).filePath(u"no/such/dir/orders.sqlite"_s);
    log = OrderLog::open(inMissingDir, m_clock, noCreate);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreUnavailable);
    // Even when allowed to create, a file cannot appear in a directory that does not exist.
    log = OrderLog::open(inMissingDir, m_clock);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreUnavailable);

    OrderLog::Options readOnly;
    readOnly.readOnly = true;
    log = OrderLog::open(dbPath(), m_clock, readOnly);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreUnavailable);

    // A directory where the file should be.
    QVERIFY(QDir(m_store->dirPath()).mkdir(u"adir"_s));
    log = OrderLog::open(QDir(m_store->dirPath()).filePath(u"adir"_s), m_clock);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreUnavailable);
    QCOMPARE(logConnections().size(), 0);
}

void TestOrderLogStore::readOnlyOpenRefusesWrites()
{
    QVERIFY(createStore(2));
    OrderLog::Options options;
    options.readOnly = true;
    auto opened = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY2(opened, qPrintable(opened ? QString() : describe(opened.error())));
    OrderLog &log = **opened;
    const auto orders = log.ordersBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(orders);
    QCOMPARE(orders->size(), 2);
    QCOMPARE(*log.integrityCheck(), u"ok"_s);

    QCOMPARE(errorCodeOf(log.checkWritable()), ErrorCode::StoreReadOnly);
    QCOMPARE(errorCodeOf(log.createOrder(sampleOrder())), ErrorCode::StoreReadOnly);
    TransitionDetails details;
    QCOMPARE(errorCodeOf(log.transition(orders->first().id, OrderState::Creating, details)), ErrorCode::StoreReadOnly);
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = orders->first().mchOrderNo;
    confirmation.amount = orders->first().amount;
    // The relay must never acknowledge without a writable store.
    QCOMPARE(errorCodeOf(log.confirmPayment(confirmation)), ErrorCode::StoreReadOnly);
    NotificationRecord record;
    record.verdict = u"rejected"_s;
    QCOMPARE(errorCodeOf(log.recordNotification(record)), ErrorCode::StoreReadOnly);
    QCOMPARE(log.orderById(orders->first().id)->state, OrderState::New);
}

void TestOrderLogStore::readOnlyFileIsDetectedOnOpen()
{
    if (TestStore::isPostgres())
        QSKIP("file permissions are SQLite's: on PostgreSQL a read-only session is readOnlyOpenRefusesWrites, roles "
              "test_storage_backend's permissionDeniedIsPermission");
    QVERIFY(createStore(1));
    QVERIFY(QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const auto log = OrderLog::open(dbPath(), m_clock);
    if (::geteuid() == 0) {
        // root writes through file permissions, so there is nothing to detect; the read-only
        // refusal itself is covered through QSQLITE_OPEN_READONLY in readOnlyOpenRefusesWrites.
        QVERIFY(log);
        QVERIFY((*log)->checkWritable());
    } else {
        QVERIFY(!log);
        QCOMPARE(log.error().code, ErrorCode::StoreReadOnly);
    }
    QVERIFY(QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner));
}

void TestOrderLogStore::readOnlyDirectoryIsDetectedOnOpen()
{
    if (TestStore::isPostgres())
        QSKIP("directory permissions are SQLite's: PostgreSQL's files belong to the server");
    // A writable file in a directory where the WAL and shared-memory files cannot be created.
    QVERIFY(createStore(1));
    const auto dirPermissions = QFile::permissions(m_store->dirPath());
    QVERIFY(QFile::setPermissions(m_store->dirPath(), QFile::ReadOwner | QFile::ExeOwner));
    const auto log = OrderLog::open(dbPath(), m_clock);
    const ErrorCode code = errorCodeOf(log);
    const QString detail = log ? QString() : log.error().detail;
    QVERIFY(QFile::setPermissions(m_store->dirPath(), dirPermissions));
    if (::geteuid() == 0) {
        QCOMPARE(code, ErrorCode::Invalid); // root is not stopped by permissions
    } else {
        QVERIFY2(code == ErrorCode::StoreReadOnly, qPrintable(errorCodeName(code) + u": "_s + detail));
    }
}

void TestOrderLogStore::lockedBeyondBusyTimeoutIsBusy()
{
    if (TestStore::isPostgres())
        return lockedRowsBeyondBusyTimeoutAreBusy();
    QVERIFY(createStore(1));
    OrderLog::Options options;
    options.busyTimeoutMs = 150;
    auto early = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY(early);

    RawConnection holder(dbPath());
    QVERIFY(holder.isOpen());
    QCOMPARE(holder.exec(u"BEGIN IMMEDIATE"_s), QString());

    QElapsedTimer elapsed;
    elapsed.start();
    const auto late = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::StoreBusy);
    QVERIFY2(elapsed.elapsed() >= 150, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(late.error().detail.contains(u"BEGIN IMMEDIATE"_s));

    QCOMPARE(errorCodeOf((*early)->createOrder(sampleOrder())), ErrorCode::StoreBusy);
    QCOMPARE(errorCodeOf((*early)->checkWritable()), ErrorCode::StoreBusy);
    // Reads go on while someone else writes.
    QCOMPARE((*early)->ordersBetween(0, std::numeric_limits<qint64>::max())->size(), 1);

    QCOMPARE(holder.exec(u"ROLLBACK"_s), QString());
    QVERIFY((*early)->createOrder(sampleOrder()));
    QVERIFY(OrderLog::open(dbPath(), m_clock, options));
}

void TestOrderLogStore::fullStoreIsReportedAndRolledBack()
{
    if (TestStore::isPostgres())
        QSKIP(
            "PRAGMA max_page_count is SQLite's: a full PostgreSQL disk (53100) is classified in test_storage_backend");
    auto opened = OrderLog::open(dbPath(), m_clock);
    QVERIFY(opened);
    OrderLog &log = **opened;
    QSqlDatabase db = QSqlDatabase::database(logConnections().value(0), false);
    QVERIFY(db.isOpen());
    QSqlQuery limit(db);
    // A disk that fills up, simulated by capping the file a few pages above its size.
    QVERIFY(limit.exec(u"PRAGMA page_count"_s) && limit.next());
    const int pages = limit.value(0).toInt();
    QVERIFY(limit.exec(u"PRAGMA max_page_count = "_s + QString::number(pages + 3)));

    NewOrder bulky = sampleOrder();
    bulky.subject = QString(3000, u'x');
    ErrorCode code = ErrorCode::Invalid;
    int created = 0;
    for (; created < 100; ++created) {
        const auto order = log.createOrder(bulky);
        if (!order) {
            code = order.error().code;
            break;
        }
    }
    QCOMPARE(code, ErrorCode::StoreFull);
    QVERIFY(created > 0);
    // The failed write left nothing half-done: every order has its creation event.
    RawConnection raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM orders"_s).toInt(), created);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM events WHERE kind = 'created'"_s).toInt(), created);
    QCOMPARE(*log.integrityCheck(), u"ok"_s);

    QVERIFY(limit.exec(u"PRAGMA max_page_count = 1000000"_s));
    limit.finish();
    db = QSqlDatabase();
    QVERIFY(log.createOrder(bulky));
}

void TestOrderLogStore::longReadDoesNotBlockWrites()
{
    QVERIFY(createStore(3));
    RawConnection reader(dbPath());
    QVERIFY(reader.isOpen());
    // PostgreSQL's READ COMMITTED takes a new snapshot per statement; REPEATABLE READ keeps one, as
    // SQLite's read transaction does.
    QCOMPARE(reader.exec(TestStore::isPostgres() ? u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s : u"BEGIN"_s), QString());
    QSqlQuery held(reader.db());
    QVERIFY(held.exec(u"SELECT id, state FROM orders ORDER BY id"_s));
    QVERIFY(held.next()); // a read transaction with a live cursor, held open below

    OrderLog::Options options;
    options.busyTimeoutMs = 2000;
    auto writer = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY(writer);
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < 20; ++i) {
        const qint64 id = orderIn(**writer, OrderState::Awaiting);
        QVERIFY(id > 0);
        const Order order = *(*writer)->orderById(id);
        PaymentConfirmation confirmation;
        confirmation.mchOrderNo = order.mchOrderNo;
        confirmation.amount = order.amount;
        confirmation.actor = u"relay"_s;
        const auto confirmed = (*writer)->confirmPayment(confirmation);
        QVERIFY(confirmed);
        QCOMPARE(confirmed->verdict, ConfirmVerdict::Applied);
    }
    // Never waited for the reader: far below even one busy timeout.
    QVERIFY2(elapsed.elapsed() < options.busyTimeoutMs, qPrintable(QString::number(elapsed.elapsed())));

    // The reader still sees its snapshot.
    QCOMPARE(reader.scalar(u"SELECT COUNT(*) FROM orders"_s).toInt(), 3);
    held.finish();
    QCOMPARE(reader.exec(u"COMMIT"_s), QString());
    QCOMPARE(reader.scalar(u"SELECT COUNT(*) FROM orders"_s).toInt(), 23);
    QCOMPARE(*(*writer)->integrityCheck(), u"ok"_s);
}

// A deadlock (40P01) rolls the victim's transaction back; the order log runs the write again.
// The other connection holds the order number createOrder is about to mint (an uncommitted row)
// and then asks for the sequence row createOrder holds: createOrder, the first to wait, is the
// one PostgreSQL's deadlock check aborts.
void TestOrderLogStore::deadlockedWriteIsRetried()
{
    if (!TestStore::isPostgres())
        QSKIP("SQLite's BEGIN IMMEDIATE admits one writer at a time: no deadlock to retry");
    auto log = OrderLog::open(dbPath(), m_clock);
    QVERIFY(log);
    const auto first = (*log)->createOrder(sampleOrder());
    QVERIFY(first);
    const QString next = first->mchOrderNo.chopped(6) + u"000002"_s;
    std::atomic<bool> holding{false};
    QStringList otherErrors;
    std::thread other([&] {
        RawConnection raw(dbPath());
        otherErrors << raw.exec(u"BEGIN"_s);
        otherErrors << raw.exec(u"INSERT INTO orders (mch_order_no, terminal_id, channel, amount_minor, currency,"
                                " state, created_at_ms, updated_at_ms) VALUES (?, 'T1', 'WX_NATIVE', 1, 'CAD', 'NEW',"
                                " 1, 1)"_s,
                                {next});
        holding = true;
        // Until createOrder holds the sequence row and waits for ours (blocked by this connection),
        // however loaded the machine: then our update below closes the cycle, and createOrder, the
        // first waiter, is the one the deadlock detector aborts.
        for (int waited = 0; waited < 15'000; waited += 10) {
            const QVariant waiting = raw.scalar(u"SELECT COUNT(*) FROM pg_stat_activity"
                                                " WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))"_s);
            if (waiting.toLongLong() > 0)
                break;
            QThread::msleep(10);
        }
        otherErrors << raw.exec(u"UPDATE sequences SET value = value WHERE name = ?"_s, {u"mch_order_no/T1"_s});
        QThread::msleep(200);
        otherErrors << raw.exec(u"ROLLBACK"_s);
    });
    while (!holding)
        QThread::msleep(5);
    const int conflicts = sql::conflictsOnThisThread();
    const auto retried = (*log)->createOrder(sampleOrder());
    other.join();
    QCOMPARE(otherErrors, (QStringList{QString(), QString(), QString(), QString()}));
    QVERIFY2(retried, qPrintable(retried ? QString() : describe(retried.error())));
    QCOMPARE(retried->mchOrderNo, next);
    QCOMPARE(sql::conflictsOnThisThread(), conflicts + 1);
}

void TestOrderLogStore::statementsArePreparedOnceAndSurviveALostConnection()
{
    if (!TestStore::isPostgres())
        QSKIP("PostgreSQL: a session lists its prepared statements");
    auto log = OrderLog::open(dbPath(), m_clock);
    QVERIFY2(log, qPrintable(log ? QString() : describe(log.error())));
    const QStringList names = logConnections();
    QCOMPARE(names.size(), 1);
    const auto onLogSession = [&names](const QString &statement) {
        QSqlQuery query(QSqlDatabase::database(names.first(), false));
        return query.exec(statement) && query.next() ? query.value(0).toLongLong() : qint64(-1);
    };
    const auto pay = [&](int i) -> bool {
        const qint64 id = orderIn(**log, OrderState::Awaiting);
        const auto order = (*log)->orderById(id);
        if (!order)
            return false;
        const auto paid = (*log)->confirmPayment(
            {order->mchOrderNo, u"P"_s + QString::number(i), order->amount, {}, m_clock.nowUtcMs(), u"relay"_s, {}});
        return paid && paid->verdict == ConfirmVerdict::Applied;
    };
    for (int i = 0; i < 3; ++i)
        QVERIFY(pay(i));
    const QString prepared = u"SELECT COUNT(*) FROM pg_prepared_statements"_s;
    const qint64 kept = onLogSession(prepared);
    QVERIFY2(kept > 0, qPrintable(QString::number(kept)));
    for (int i = 3; i < 8; ++i)
        QVERIFY(pay(i));
    QCOMPARE(onLogSession(prepared), kept); // the same statements again, not new ones

    // The session is killed: the statements die with it and are prepared again on the new one.
    const qint64 pid = onLogSession(u"SELECT pg_backend_pid()"_s);
    QVERIFY(pid > 0);
    QCOMPARE(m_store->admin(u"SELECT pg_terminate_backend("_s + QString::number(pid) + u')'), QString());
    QVERIFY(pay(8));
    const qint64 newPid = onLogSession(u"SELECT pg_backend_pid()"_s);
    QVERIFY(newPid > 0 && newPid != pid);
    const qint64 again = onLogSession(prepared);
    QVERIFY2(again > 0 && again <= kept, qPrintable(QString::number(again)));
    QVERIFY(pay(9));
    QCOMPARE(onLogSession(prepared), again);

    // A connection that listens for notifications keeps none (a kept one could hold one up).
    QVERIFY((*log)->watchPayments());
    QCOMPARE(onLogSession(prepared), 0);
    QVERIFY(pay(10));
    QCOMPARE(onLogSession(prepared), 0);
}

void TestOrderLogStore::sessionIsSetUp()
{
    OrderLog::Options options;
    options.busyTimeoutMs = 4321;
    auto log = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY2(log, qPrintable(log ? QString() : describe(log.error())));
    // The display form: no options, and never a password (a URL with one is refused).
    QVERIFY2((*log)->path().startsWith(u"postgresql://postgres@["_s), qPrintable((*log)->path()));
    QVERIFY(!(*log)->path().contains(u'?'));
    QCOMPARE((*log)->schemaVersion(), OrderLog::currentSchemaVersion());
    const QStringList names = logConnections();
    QCOMPARE(names.size(), 1);
    QSqlDatabase db = QSqlDatabase::database(names.first(), false);
    QVERIFY(db.isOpen());
    const auto setting = [&db](const QString &name) {
        QSqlQuery query(db);
        return query.exec(u"SHOW "_s + name) && query.next() ? query.value(0).toString() : QString();
    };
    QCOMPARE(setting(u"lock_timeout"_s), u"4321ms"_s);
    QCOMPARE(setting(u"application_name"_s), u"paydesk"_s);
    QCOMPARE(setting(u"transaction_isolation"_s), u"read committed"_s);
    QCOMPARE(setting(u"default_transaction_read_only"_s), u"off"_s);
    QCOMPARE(setting(u"synchronous_commit"_s), u"on"_s); // an acknowledged commit is on disk
    db = QSqlDatabase();
    QCOMPARE(*(*log)->integrityCheck(), u"ok"_s);
    QVERIFY((*log)->checkWritable());
}

void TestOrderLogStore::missingDatabaseIsUnavailable()
{
    const QString missing = TestStore::urlOfDatabase(u"paydesk_no_such_database"_s);
    for (bool readOnly : {false, true}) {
        OrderLog::Options options;
        options.readOnly = readOnly;
        const auto log = OrderLog::open(missing, m_clock, options);
        QVERIFY(!log);
        QCOMPARE(log.error().code, ErrorCode::StoreUnavailable);
        QVERIFY2(log.error().detail.contains(u"does not exist"_s), qPrintable(log.error().detail));
    }
    QCOMPARE(logConnections().size(), 0);
}

void TestOrderLogStore::lockedRowsBeyondBusyTimeoutAreBusy()
{
    QVERIFY(createStore(1));
    OrderLog::Options options;
    options.busyTimeoutMs = 150;
    auto early = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY(early);
    RawConnection holder(dbPath());
    QVERIFY(holder.isOpen());
    QCOMPARE(holder.exec(u"BEGIN"_s), QString());
    QCOMPARE(holder.exec(u"LOCK TABLE sequences, orders IN EXCLUSIVE MODE"_s), QString());

    QElapsedTimer elapsed;
    elapsed.start();
    const auto blocked = (*early)->createOrder(sampleOrder());
    QCOMPARE(errorCodeOf(blocked), ErrorCode::StoreBusy);
    QVERIFY2(elapsed.elapsed() >= 150, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(blocked.error().detail.contains(u"55P03"_s), qPrintable(blocked.error().detail));
    // Reads go on while someone else writes, and so does an open: it takes no write lock.
    QCOMPARE((*early)->ordersBetween(0, std::numeric_limits<qint64>::max())->size(), 1);
    QVERIFY(OrderLog::open(dbPath(), m_clock, options));

    QCOMPARE(holder.exec(u"ROLLBACK"_s), QString());
    QVERIFY((*early)->createOrder(sampleOrder()));
}

QTEST_GUILESS_MAIN(TestOrderLogStore)
#include "test_orderlog_store.moc"

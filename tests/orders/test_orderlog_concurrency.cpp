#include "OrderTestSupport.h"

#include "orders/OrderLog.h"
#include "orders/Schema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <memory>
#include <vector>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

// Several real processes writing one order log at once (the relay, the GUI, the reconciler),
// with a long read held open meanwhile: every order is paid exactly once, nothing is reported
// busy, the file stays intact.
class TestOrderLogConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void racingProcesses_data();
    void racingProcesses();
    void newFileOpenedByManyProcesses();
    void oldStoreOpenedByManyProcesses_data();
    void oldStoreOpenedByManyProcesses();
    void concurrentCreatesNeverDuplicate();
    void concurrentRefundsNeverExceedThePaidAmount();

private:
    static constexpr int OrderCount = 200;
    static QString workerPath() { return QCoreApplication::applicationDirPath() + u"/orderlog_worker"_s; }
    // Starts one worker per mode, all released at the same moment; empty on failure.
    static std::vector<std::unique_ptr<QProcess>> startWorkers(const QString &path, const QStringList &modes);
    // Waits for every worker (so none outlives a failed check) and returns their JSON counts,
    // an empty object for each one that failed.
    static QList<QJsonObject> finishAll(const std::vector<std::unique_ptr<QProcess>> &processes);
    // Empty when every worker ran without an error or a busy store; else what went wrong first.
    static QString problemsOf(const QList<QJsonObject> &results);
    static int sumOf(const QList<QJsonObject> &results, const QString &count);
};

QString TestOrderLogConcurrency::problemsOf(const QList<QJsonObject> &results)
{
    for (const QJsonObject &counts : results) {
        if (counts.isEmpty())
            return u"a worker failed (its stderr is above)"_s;
        if (counts.value(u"errors"_s).toInt() != 0)
            return counts.value(u"firstError"_s).toString();
        if (counts.value(u"busy"_s).toInt() != 0)
            return u"a worker found the store busy: "_s + counts.value(u"firstError"_s).toString();
    }
    return {};
}

int TestOrderLogConcurrency::sumOf(const QList<QJsonObject> &results, const QString &count)
{
    int sum = 0;
    for (const QJsonObject &counts : results)
        sum += counts.value(count).toInt();
    return sum;
}

std::vector<std::unique_ptr<QProcess>> TestOrderLogConcurrency::startWorkers(const QString &path,
                                                                             const QStringList &modes)
{
    const qint64 startAtMs = QDateTime::currentMSecsSinceEpoch() + 500;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (qsizetype i = 0; i < modes.size(); ++i) {
        auto process = std::make_unique<QProcess>();
        process->start(workerPath(), {path, modes.at(i), QString::number(1000 + i), QString::number(startAtMs)});
        if (!process->waitForStarted(10'000)) {
            qWarning() << "worker did not start:" << process->errorString();
            return {};
        }
        processes.push_back(std::move(process));
    }
    return processes;
}

QList<QJsonObject> TestOrderLogConcurrency::finishAll(const std::vector<std::unique_ptr<QProcess>> &processes)
{
    QList<QJsonObject> results;
    for (const auto &process : processes) {
        if (!process->waitForFinished(120'000)) {
            qWarning() << "worker did not finish";
            process->kill();
            process->waitForFinished(5'000);
            results.append(QJsonObject());
            continue;
        }
        const QByteArray out = process->readAllStandardOutput().trimmed();
        if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
            qWarning() << "worker failed:" << process->readAllStandardError();
            results.append(QJsonObject());
            continue;
        }
        qInfo().noquote() << "worker" << QString::fromUtf8(out);
        results.append(QJsonDocument::fromJson(out).object());
    }
    return results;
}

void TestOrderLogConcurrency::newFileOpenedByManyProcesses()
{
    // GUI and relay starting together on a machine without an order log yet: one of them
    // creates and migrates it, none fails.
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    const QString path = store.url();
    auto processes = startWorkers(path, {u"open"_s, u"open"_s, u"open"_s, u"open"_s});
    QCOMPARE(processes.size(), std::size_t(4));
    for (const QJsonObject &counts : finishAll(processes)) {
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.value(u"schemaVersion"_s).toInt(), OrderLog::currentSchemaVersion());
        QCOMPARE(counts.value(u"orders"_s).toInt(), 0);
    }
    SystemClock clock;
    auto log = OrderLog::open(path, clock);
    QVERIFY(log);
    QCOMPARE((*log)->schemaVersion(), OrderLog::currentSchemaVersion());
    QCOMPARE(*(*log)->integrityCheck(), u"ok"_s);
}

void TestOrderLogConcurrency::racingProcesses_data()
{
    QTest::addColumn<QStringList>("modes");
    QTest::newRow("2 confirm + 2 expire") << QStringList{u"confirm"_s, u"expire"_s, u"confirm"_s, u"expire"_s};
    QTest::newRow("4 confirm") << QStringList{u"confirm"_s, u"confirm"_s, u"confirm"_s, u"confirm"_s};
}

void TestOrderLogConcurrency::racingProcesses()
{
    QFETCH(QStringList, modes);
    QVERIFY2(QFileInfo(workerPath()).isExecutable(), qPrintable(workerPath()));
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    const QString path = store.url();
    SystemClock clock;
    {
        auto log = OrderLog::open(path, clock);
        QVERIFY(log);
        for (int i = 0; i < OrderCount; ++i)
            QVERIFY(orderIn(**log, OrderState::Awaiting, sampleOrder(u"T1"_s, 100 + i)) > 0);
    }

    // The GUI's long read, open during the whole race.
    RawConnection reader(path);
    QVERIFY(reader.isOpen());
    // REPEATABLE READ on PostgreSQL: one snapshot for the whole transaction, as SQLite's.
    QCOMPARE(reader.exec(TestStore::isPostgres() ? u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s : u"BEGIN"_s), QString());
    QCOMPARE(reader.scalar(u"SELECT COUNT(*) FROM orders WHERE state = 'AWAITING'"_s).toInt(), OrderCount);

    auto processes = startWorkers(path, modes);
    QCOMPARE(processes.size(), std::size_t(modes.size()));

    int applied = 0;
    int alreadyPaid = 0;
    int expiredByWorkers = 0;
    const QList<QJsonObject> results = finishAll(processes);
    for (qsizetype i = 0; i < modes.size(); ++i) {
        const QJsonObject &counts = results.at(i);
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.value(u"orders"_s).toInt(), OrderCount);
        QCOMPARE(counts.value(u"busy"_s).toInt(), 0);
        QVERIFY2(counts.value(u"errors"_s).toInt() == 0, qPrintable(counts.value(u"firstError"_s).toString()));
        QCOMPARE(counts.value(u"otherVerdicts"_s).toInt(), 0);
        applied += counts.value(u"applied"_s).toInt();
        alreadyPaid += counts.value(u"alreadyPaid"_s).toInt();
        expiredByWorkers += counts.value(u"changed"_s).toInt();
        if (modes.at(i) == u"expire"_s) {
            QCOMPARE(counts.value(u"changed"_s).toInt() + counts.value(u"unchanged"_s).toInt()
                         + counts.value(u"rejected"_s).toInt(),
                     OrderCount);
        }
    }
    const auto confirmers = int(modes.count(u"confirm"_s));
    QCOMPARE(applied, OrderCount);
    QCOMPARE(alreadyPaid, (confirmers - 1) * OrderCount);

    // The held read still sees the world before the race.
    QCOMPARE(reader.scalar(u"SELECT COUNT(*) FROM orders WHERE state = 'AWAITING'"_s).toInt(), OrderCount);
    QCOMPARE(reader.exec(u"COMMIT"_s), QString());

    auto log = OrderLog::open(path, clock);
    QVERIFY(log);
    QCOMPARE(*(*log)->integrityCheck(), u"ok"_s);
    const auto orders = (*log)->ordersBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(orders);
    QCOMPARE(orders->size(), OrderCount);
    int expiredEvents = 0;
    for (const Order &order : *orders) {
        QCOMPARE(order.state, OrderState::Paid);
        const auto events = (*log)->events(order.id);
        QVERIFY(events);
        int toPaid = 0;
        int toExpired = 0;
        for (const OrderEvent &event : *events) {
            if (event.kind != u"transition"_s)
                continue;
            toPaid += event.toState == OrderState::Paid ? 1 : 0;
            toExpired += event.toState == OrderState::Expired ? 1 : 0;
        }
        QCOMPARE(toPaid, 1);
        QVERIFY(toExpired <= 1);
        // Late exactly when the expiry got in first.
        QCOMPARE(order.late, toExpired == 1);
        QCOMPARE(order.payOrderId, u"P"_s + order.mchOrderNo);
        expiredEvents += toExpired;
    }
    QCOMPARE(expiredEvents, expiredByWorkers);
    const auto audit = (*log)->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(audit);
    QCOMPARE(audit->size(), confirmers * OrderCount);
    int accepted = 0;
    for (const NotificationRecord &record : *audit)
        accepted += record.verdict == u"accepted"_s ? 1 : 0;
    QCOMPARE(accepted, OrderCount);
}

// reliability.md 22: two processes (here four) opening a store an older PayDesk left migrate it
// once (BEGIN IMMEDIATE on SQLite, the advisory lock on PostgreSQL); a second migration of a step
// would fail its CREATE or ALTER.
void TestOrderLogConcurrency::oldStoreOpenedByManyProcesses_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int version = 1; version < OrderLog::currentSchemaVersion(); ++version)
        QTest::newRow(qPrintable(u"from v"_s + QString::number(version))) << version;
}

void TestOrderLogConcurrency::oldStoreOpenedByManyProcesses()
{
    QFETCH(int, fromVersion);
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    {
        RawConnection old(store.url());
        QVERIFY(old.isOpen());
        QCOMPARE(*schema::applyMigrations(old.connection(), fromVersion), fromVersion);
    }
    auto processes = startWorkers(store.url(), {u"open"_s, u"open"_s, u"open"_s, u"open"_s});
    QCOMPARE(processes.size(), std::size_t(4));
    for (const QJsonObject &counts : finishAll(processes)) {
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.value(u"schemaVersion"_s).toInt(), OrderLog::currentSchemaVersion());
    }
    RawConnection after(store.url());
    QCOMPARE(after.scalar(u"SELECT COUNT(*) FROM schema_version"_s).toInt(), 1);
    QCOMPARE(*schema::storedVersion(after.connection()), OrderLog::currentSchemaVersion());
}

// reliability.md 20: terminals creating orders at once, on one sequence: every number unique
// (the atomic upsert; a read then a write would lose updates under READ COMMITTED).
void TestOrderLogConcurrency::concurrentCreatesNeverDuplicate()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    SystemClock clock;
    QVERIFY(OrderLog::open(store.url(), clock));
    auto processes = startWorkers(store.url(), {u"create"_s, u"create"_s, u"create"_s, u"create"_s});
    QCOMPARE(processes.size(), std::size_t(4));
    const QList<QJsonObject> results = finishAll(processes);
    const QString problems = problemsOf(results);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const int created = sumOf(results, u"created"_s);
    QCOMPARE(created, 4 * 50);
    RawConnection check(store.url());
    QCOMPARE(check.scalar(u"SELECT COUNT(DISTINCT mch_order_no) FROM orders"_s).toInt(), created);
    QCOMPARE(check.scalar(u"SELECT value FROM sequences WHERE name = 'mch_order_no/T1'"_s).toInt(), created);
}

// reliability.md 19: terminals refunding the same orders at once never refund more than was paid
// (the order's row locked while its balance is checked).
void TestOrderLogConcurrency::concurrentRefundsNeverExceedThePaidAmount()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    SystemClock clock;
    constexpr int Orders = 40;
    {
        auto log = OrderLog::open(store.url(), clock);
        QVERIFY(log);
        for (int i = 0; i < Orders; ++i)
            QVERIFY(orderIn(**log, OrderState::Paid, sampleOrder(u"T1"_s, 1000 + i)) > 0);
    }
    auto processes = startWorkers(store.url(), {u"refund"_s, u"refund"_s, u"refund"_s, u"refund"_s});
    QCOMPARE(processes.size(), std::size_t(4));
    const QList<QJsonObject> results = finishAll(processes);
    const QString problems = problemsOf(results);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(sumOf(results, u"refunded"_s), Orders); // 60 % each: exactly one per order fits
    QCOMPARE(sumOf(results, u"rejected"_s), 3 * Orders);
    auto log = OrderLog::open(store.url(), clock);
    QVERIFY(log);
    const auto orders = (*log)->ordersBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(orders);
    QCOMPARE(orders->size(), Orders);
    for (const Order &order : *orders) {
        const auto balance = (*log)->refundBalance(order.id);
        QVERIFY2(balance, qPrintable(balance ? QString() : describe(balance.error())));
        QCOMPARE((*log)->refundsOfOrder(order.id)->size(), 1);
        QVERIFY(balance->inFlightMinor <= order.amount.minor);
    }
}

QTEST_GUILESS_MAIN(TestOrderLogConcurrency)
#include "test_orderlog_concurrency.moc"

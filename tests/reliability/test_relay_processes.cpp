// The notification relay as a real process on loopback, driven by concurrent clients:
// reliability.md item 1 (mixed burst), item 6 (kill -9 during bursts) and item 8 (store
// unavailable at start) against the `paydesk-relay` executable.

#include "NotifyFactory.h"
#include "ProcessSupport.h"
#include "RawHttp.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <atomic>
#include <map>
#include <thread>

using namespace paydesk;
using namespace paydesk::test;

namespace {

// What a burst request is, and so what the relay must answer.
enum class Kind {
    Invalid = 0,
    Genuine,
    Forged,
    Tampered,
    SignedWrongAmount,
    Foreign,
    Unknown
};

struct Planned
{
    Kind kind = Kind::Invalid;
    int orderIndex = -1; // into the order list; -1 for unknown orders
    QByteArray request;
};

struct Answer
{
    bool connected = false;
    int status = 0;
    QByteArray body;
};

// Half the requests carry the fields in the URL of an empty POST (IOTPay's way), half in a form body.
QByteArray notifyRequest(const ParamList &fields, bool formBody)
{
    if (formBody)
        return httpRequest("POST", "/notify/iotpay", formEncode(fields));
    return httpRequest("POST", "/notify/iotpay?" + formEncode(fields), {});
}

// The fields the gateway sends for `order`, with a payOrderId of its own.
ParamList genuineFields(const Order &order, int index)
{
    return withField(notifyFields(order.mchOrderNo, order.amount.minor), QStringLiteral("payOrderId"),
                     u"P0701" + QString::number(700000000 + index));
}

// Sends every planned request from `clients` threads, each on a fresh connection.
std::vector<Answer> sendAll(quint16 port, const QList<Planned> &plan, int clients)
{
    std::vector<Answer> answers(size_t(plan.size()));
    std::atomic<qsizetype> next{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            for (qsizetype i = next++; i < plan.size(); i = next++) {
                const RawReply reply = rawExchange(port, plan[i].request, 30'000);
                answers[size_t(i)] = {reply.connected, reply.status, reply.body};
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    return answers;
}

// The notify pairs of an audit row's raw request ("POST <target>[\n\n<body>]").
QUrlQuery auditedParams(const QByteArray &raw)
{
    const qsizetype bodyAt = raw.indexOf("\n\n");
    const QByteArray head = bodyAt < 0 ? raw : raw.left(bodyAt);
    const QByteArray target = head.mid(head.indexOf(' ') + 1);
    QByteArray pairs = target.mid(target.indexOf('?') + 1);
    if (!target.contains('?'))
        pairs.clear();
    if (bodyAt >= 0)
        pairs += (pairs.isEmpty() ? "" : "&") + raw.mid(bodyAt + 2);
    return QUrlQuery(QString::fromUtf8(pairs));
}

int count(const std::map<Kind, int> &counts, Kind kind)
{
    const auto it = counts.find(kind);
    return it == counts.end() ? 0 : it->second;
}

// Every reply is what its kind must get; bad ones never read `success`.
void checkBurstReplies(const QList<Planned> &plan, const std::vector<Answer> &answers)
{
    const std::map<Kind, int> expectedStatus{{Kind::Genuine, 200},  {Kind::Forged, 403},
                                             {Kind::Tampered, 403}, {Kind::SignedWrongAmount, 409},
                                             {Kind::Foreign, 403},  {Kind::Unknown, 404}};
    for (qsizetype i = 0; i < plan.size(); ++i) {
        const Answer &answer = answers[size_t(i)];
        const QByteArray context = "request " + QByteArray::number(i) + " kind " + QByteArray::number(int(plan[i].kind))
            + ": " + QByteArray::number(answer.status) + ' ' + answer.body.left(120);
        QVERIFY2(answer.connected, context.constData());
        QVERIFY2(answer.status == expectedStatus.at(plan[i].kind), context.constData());
        if (plan[i].kind == Kind::Genuine)
            QVERIFY2(answer.body == "success", context.constData()); // exactly the 7 bytes
        else
            QVERIFY2(!answer.body.contains("success") && !answer.body.isEmpty(), context.constData());
    }
}

// What happened in one kill -9 round.
struct KillRound
{
    int acknowledged = 0;
    int paidUnacknowledged = 0;
    bool midBurst = false;
};

} // namespace

class TestRelayProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mixedBurstFromEightClients();
    void killNineDuringBursts();
    void refusesUnusableStore_data();
    void refusesUnusableStore();
    void onlineOrdersFromTheSettingsFile();
    void refusesBadOnlineSettings_data();
    void refusesBadOnlineSettings();

private:
    QList<Planned> planBurst(const QList<Order> &orders, int genuineOrders, int total, QRandomGenerator &rng) const;
    ParamList badFields(Kind kind, const Order &order, int index, int n, QRandomGenerator &rng) const;
    void spoilStore(const QString &kind, const QString &dir, QString *path, QSqlDatabase *locker, bool *applicable);
    KillRound killDuringBurst(OrderLog &log, const QString &dir, int round, int killAfterMs);
    void checkBurstAudit(OrderLog &log, const QList<Order> &orders, int genuineOrders,
                         const std::map<Kind, int> &planned, qint64 fromMs, qint64 toMs);

    SystemClock m_clock;
    MerchantKey m_key{QByteArray(TestKey)};
};

void TestRelayProcesses::initTestCase()
{
    const QString relay = builtProgram(QStringLiteral("app/paydesk-relay/paydesk-relay"));
    QVERIFY2(QFile::exists(relay), qPrintable(relay + u" is not built"));
}

// A bad notify of `kind` aimed at `order`; `n` varies the forgery.
ParamList TestRelayProcesses::badFields(Kind kind, const Order &order, int index, int n, QRandomGenerator &rng) const
{
    const ParamList fields = genuineFields(order, index);
    switch (kind) {
    case Kind::Forged: {
        ParamList sent = signedFields(fields, m_key);
        QString &sign = sent.last().second;
        if (n % 2 == 0) { // one hex digit off, or something random of the right shape
            sign[31] = sign[31] == u'0' ? u'1' : u'0';
        } else {
            sign.clear();
            for (int d = 0; d < 32; ++d)
                sign += QChar(u"0123456789ABCDEF"[rng.bounded(16)]);
        }
        return sent;
    }
    case Kind::Tampered: // a captured genuine notify with the amount changed, old sign kept
        return withField(signedFields(fields, m_key), QStringLiteral("amount"),
                         QString::number(n % 2 == 0 ? 1 : order.amount.minor * 10));
    case Kind::SignedWrongAmount:
        return signedFields(
            withField(fields, QStringLiteral("amount"), QString::number(order.amount.minor + 1 + n % 7)), m_key);
    case Kind::Foreign: // correctly signed, but for another merchant
        return signedFields(withField(fields, QStringLiteral("mchId"), QStringLiteral("10000999")), m_key);
    case Kind::Unknown: // correctly signed, for an order this terminal never made
        return signedFields(withField(fields, QStringLiteral("mchOrderNo"), u"NOSUCHORDER" + QString::number(n)),
                            m_key);
    case Kind::Genuine:
    case Kind::Invalid:
        break;
    }
    return signedFields(fields, m_key);
}

// 4,000 genuine requests (one or more per genuine order, the rest exact duplicates) and
// 6,000 bad ones, five kinds of 1,200, aimed at genuine orders and at orders nobody pays.
QList<Planned> TestRelayProcesses::planBurst(const QList<Order> &orders, int genuineOrders, int total,
                                             QRandomGenerator &rng) const
{
    QList<Planned> plan;
    QList<ParamList> genuine;
    for (int i = 0; i < genuineOrders; ++i) {
        genuine.append(signedFields(genuineFields(orders[i], i), m_key));
        plan.append({Kind::Genuine, i, notifyRequest(genuine.last(), i % 2 == 1)});
    }
    const int genuineRequests = total * 2 / 5;
    while (plan.size() < genuineRequests) {
        const int i = int(rng.bounded(genuineOrders));
        plan.append({Kind::Genuine, i, notifyRequest(genuine[i], rng.bounded(2) == 1)});
    }
    const int perBadKind = (total - genuineRequests) / 5;
    const Kind badKinds[] = {Kind::Forged, Kind::Tampered, Kind::SignedWrongAmount, Kind::Foreign, Kind::Unknown};
    for (const Kind kind : badKinds) {
        for (int n = 0; n < perBadKind; ++n) {
            const int i = int(rng.bounded(int(orders.size())));
            plan.append({kind, kind == Kind::Unknown ? -1 : i,
                         notifyRequest(badFields(kind, orders[i], i, n, rng), n % 2 == 1)});
        }
    }
    // Duplicates, forgeries and genuine first deliveries interleave in any order.
    for (qsizetype i = plan.size() - 1; i > 0; --i)
        plan.swapItemsAt(i, qsizetype(rng.bounded(quint32(i + 1))));
    return plan;
}

void TestRelayProcesses::mixedBurstFromEightClients()
{
    constexpr int OrderCount = 2000;
    constexpr int GenuineOrders = 1500;
    constexpr int Requests = 10'000;
    constexpr int Clients = 8;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("orders.sqlite"));
    auto opened = OrderLog::open(path, m_clock);
    QVERIFY2(opened, qPrintable(opened ? QString() : describe(opened.error())));
    OrderLog &log = **opened;

    QElapsedTimer setup;
    setup.start();
    QList<Order> orders;
    for (int i = 0; i < OrderCount; ++i) {
        orders.append(createAwaitingOrder(log, 100 + (qint64(i) * 7919) % 250'000));
        QVERIFY(orders.last().id > 0);
    }
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator rng(seed);
    const QList<Planned> plan = planBurst(orders, GenuineOrders, Requests, rng);
    QCOMPARE(plan.size(), Requests);
    std::map<Kind, int> planned;
    for (const Planned &p : plan)
        ++planned[p.kind];
    qInfo("set-up: %d orders in %lld ms; burst seed %u", OrderCount, setup.elapsed(), seed);

    RelayProcess relay(dir.path(), path);
    QString why;
    QVERIFY2(relay.start(&why), qPrintable(why));

    const qint64 fromMs = m_clock.nowUtcMs() - 1;
    QElapsedTimer burst;
    burst.start();
    const std::vector<Answer> answers = sendAll(relay.port(), plan, Clients);
    const qint64 burstMs = burst.elapsed();
    const qint64 toMs = m_clock.nowUtcMs() + 1;
    qInfo("burst: %d requests from %d clients in %lld ms (%.0f/s)", Requests, Clients, burstMs,
          Requests * 1000.0 / double(std::max<qint64>(1, burstMs)));

    checkBurstReplies(plan, answers);
    if (QTest::currentTestFailed())
        return;
    // Genuine orders: PAID by exactly one transition. The others: untouched.
    for (int i = 0; i < OrderCount; ++i) {
        const auto order = log.orderById(orders[i].id);
        QVERIFY(order);
        const bool genuine = i < GenuineOrders;
        QCOMPARE(order->state, genuine ? OrderState::Paid : OrderState::Awaiting);
        QCOMPARE(paidTransitions(log, orders[i].id), genuine ? 1 : 0);
        // The notify names another payment order than the create returned: the create's stays
        // (PaymentLifecycle: a contradiction is kept as an event, never overwrites the log).
        if (genuine)
            QCOMPARE(order->payOrderId, orders[i].payOrderId);
    }
    checkBurstAudit(log, orders, GenuineOrders, planned, fromMs, toMs);

    const QJsonObject health = healthOf(relay.port());
    QCOMPARE(health.value(QStringLiteral("accepted")).toInteger(), GenuineOrders);
    QCOMPARE(health.value(QStringLiteral("duplicate")).toInteger(), count(planned, Kind::Genuine) - GenuineOrders);
    QCOMPARE(health.value(QStringLiteral("unmatched")).toInteger(), count(planned, Kind::Unknown));
    QCOMPARE(health.value(QStringLiteral("rejected")).toInteger(),
             Requests - count(planned, Kind::Genuine) - count(planned, Kind::Unknown));
    QCOMPARE(health.value(QStringLiteral("storeFailed")).toInteger(), 0);
    QCOMPARE(log.integrityCheck().value_or(QString()), QStringLiteral("ok"));
    QVERIFY(relay.child().stopGracefully(10'000));
}

// The relay records one audit row for every request its notify handler judged (accepted,
// duplicate, rejected, unmatched); only store failures and wrong paths/methods go unrecorded.
void TestRelayProcesses::checkBurstAudit(OrderLog &log, const QList<Order> &orders, int genuineOrders,
                                         const std::map<Kind, int> &planned, qint64 fromMs, qint64 toMs)
{
    auto rows = log.notificationsBetween(fromMs, toMs);
    QVERIFY(rows);
    int total = 0;
    for (const auto &[kind, count] : planned)
        total += count;
    QCOMPARE(int(rows->size()), total);

    QHash<QString, int> verdicts;
    QHash<QString, int> acceptedPerOrder;
    QHash<QString, const Order *> byNumber;
    for (const Order &order : orders)
        byNumber.insert(order.mchOrderNo, &order);
    for (const NotificationRecord &row : *rows) {
        ++verdicts[row.verdict];
        if (row.verdict != u"accepted")
            continue;
        ++acceptedPerOrder[row.mchOrderNo];
        // What was accepted is exactly what the order asked for, from our merchant.
        const QUrlQuery params = auditedParams(row.raw);
        const Order *order = byNumber.value(row.mchOrderNo);
        QVERIFY2(order, qPrintable(row.mchOrderNo));
        QCOMPARE(params.queryItemValue(QStringLiteral("amount")), QString::number(order->amount.minor));
        QCOMPARE(params.queryItemValue(QStringLiteral("mchId")), QString::fromLatin1(TestMchId));
    }
    QCOMPARE(verdicts.value(QStringLiteral("accepted")), genuineOrders);
    QCOMPARE(verdicts.value(QStringLiteral("duplicate")), count(planned, Kind::Genuine) - genuineOrders);
    QCOMPARE(verdicts.value(QStringLiteral("rejected")),
             count(planned, Kind::Forged) + count(planned, Kind::Tampered) + count(planned, Kind::SignedWrongAmount)
                 + count(planned, Kind::Foreign));
    QCOMPARE(verdicts.value(QStringLiteral("unmatched")), count(planned, Kind::Unknown));
    QCOMPARE(int(acceptedPerOrder.size()), genuineOrders);
    for (auto it = acceptedPerOrder.cbegin(); it != acceptedPerOrder.cend(); ++it)
        QCOMPARE(it.value(), 1);
}

// One round: a relay process on the shared file, a burst for `batch` new orders from a few
// threads, SIGKILL at a random moment; then every acknowledged notify must be in the log.
KillRound TestRelayProcesses::killDuringBurst(OrderLog &log, const QString &dir, int round, int killAfterMs)
{
    constexpr int Batch = 300;
    constexpr int Clients = 3;
    KillRound result;
    QList<Order> orders;
    for (int i = 0; i < Batch; ++i) {
        orders.append(createAwaitingOrder(log, 500 + i, QStringLiteral("K") + QString::number(round)));
        if (orders.last().id <= 0)
            return result;
    }
    const qint64 fromMs = m_clock.nowUtcMs() - 1;
    RelayProcess relay(dir, log.path());
    QString why;
    // Every round after the first starts on the file a killed relay left behind.
    [&] { QVERIFY2(relay.start(&why), qPrintable(u"round " + QString::number(round) + u": " + why)); }();
    if (QTest::currentTestFailed())
        return result;

    std::vector<char> acked(Batch, 0);
    std::vector<std::thread> threads;
    for (int c = 0; c < Clients; ++c) {
        threads.emplace_back([&, c] {
            for (int i = c; i < Batch; i += Clients) {
                const QByteArray request = notifyRequest(signedFields(genuineFields(orders[i], i), m_key), i % 2 == 0);
                for (int copy = 0; copy < (i % 5 == 0 ? 2 : 1); ++copy) {
                    if (rawExchange(relay.port(), request, 10'000).body == "success")
                        acked[size_t(i)] = 1;
                }
            }
        });
    }
    QThread::msleep(ulong(killAfterMs));
    relay.child().killHard();
    for (auto &thread : threads)
        thread.join();

    auto rows = log.notificationsBetween(fromMs, m_clock.nowUtcMs() + 1);
    QHash<QString, int> acceptedRows;
    for (const NotificationRecord &row : rows.value_or(QList<NotificationRecord>{}))
        acceptedRows[row.mchOrderNo] += row.verdict == u"accepted" ? 1 : 0;
    [&] {
        QVERIFY(rows);
        for (int i = 0; i < Batch; ++i) {
            const auto order = log.orderById(orders[i].id);
            QVERIFY(order);
            const bool paid = order->state == OrderState::Paid;
            // Acknowledged means committed: no `success` without the PAID row.
            if (acked[size_t(i)])
                QVERIFY2(paid,
                         qPrintable(u"round " + QString::number(round) + u": acknowledged but "
                                    + orderStateName(order->state)));
            result.acknowledged += acked[size_t(i)];
            result.paidUnacknowledged += paid && !acked[size_t(i)] ? 1 : 0;
            // The transition and its audit row commit together or not at all.
            QCOMPARE(paidTransitions(log, orders[i].id), paid ? 1 : 0);
            QCOMPARE(acceptedRows.value(orders[i].mchOrderNo), paid ? 1 : 0);
        }
        QCOMPARE(log.integrityCheck().value_or(QString()), QStringLiteral("ok"));
    }();
    result.midBurst = result.acknowledged > 0 && result.acknowledged < Batch;
    return result;
}

// reliability.md item 6: kill -9 at random points of a burst, many times.
void TestRelayProcesses::killNineDuringBursts()
{
    constexpr int Rounds = 15;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto opened = OrderLog::open(dir.filePath(QStringLiteral("orders.sqlite")), m_clock);
    QVERIFY(opened);
    OrderLog &log = **opened;
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator rng(seed);
    KillRound total;
    int midBurstKills = 0;
    for (int round = 0; round < Rounds; ++round) {
        const KillRound result = killDuringBurst(log, dir.path(), round, 10 + int(rng.bounded(390)));
        if (QTest::currentTestFailed())
            return;
        total.acknowledged += result.acknowledged;
        total.paidUnacknowledged += result.paidUnacknowledged;
        midBurstKills += result.midBurst ? 1 : 0;
    }
    qInfo("kill -9: %d rounds (seed %u): %d killed mid-burst, %d acknowledged, "
          "%d paid without an acknowledgement (killed between commit and reply)",
          Rounds, seed, midBurstKills, total.acknowledged, total.paidUnacknowledged);
    QVERIFY(midBurstKills > 0);

    // And it comes back up on the same file, healthy, and acknowledges again.
    RelayProcess relay(dir.path(), log.path());
    QString why;
    QVERIFY2(relay.start(&why), qPrintable(why));
    QCOMPARE(healthOf(relay.port()).value(QStringLiteral("store")).toString(), QStringLiteral("writable"));
    const Order last = createAwaitingOrder(log, 4321);
    const RawReply reply = rawExchange(relay.port(), notifyRequest(signedFields(genuineFields(last, 1), m_key), false));
    QCOMPARE(reply.body, QByteArray("success"));
    QCOMPARE(log.orderById(last.id)->state, OrderState::Paid);
    QVERIFY(relay.child().stopGracefully(10'000));
}

void TestRelayProcesses::refusesUnusableStore_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"corrupt", "directory", "locked", "missing-directory", "read-only"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// Makes the order log at `*path` unusable as `kind` says; `*applicable` false when that cannot
// be done for this user.
void TestRelayProcesses::spoilStore(const QString &kind, const QString &dir, QString *path, QSqlDatabase *locker,
                                    bool *applicable)
{
    if (kind == u"corrupt") {
        // A real order log whose first page (the schema) was overwritten after its header.
        QVERIFY(OrderLog::open(*path, m_clock).has_value());
        QFile file(*path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(100));
        file.write(QByteArray(4000, '\x5a'));
    } else if (kind == u"directory") {
        QVERIFY(QDir(dir).mkpath(QStringLiteral("orders.sqlite")));
    } else if (kind == u"missing-directory") {
        *path = dir + u"/no/such/dir/orders.sqlite";
    } else if (kind == u"read-only") {
        QVERIFY(OrderLog::open(*path, m_clock).has_value());
        QVERIFY(QFile::setPermissions(*path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QFile probe(*path);
        *applicable = !probe.open(QIODevice::ReadWrite); // root ignores permissions
    } else {
        QVERIFY(OrderLog::open(*path, m_clock).has_value());
        *locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reliability-locker"));
        locker->setDatabaseName(*path);
        QVERIFY(locker->open());
        QVERIFY(QSqlQuery(*locker).exec(QStringLiteral("BEGIN EXCLUSIVE")));
    }
}

// reliability.md item 8: no listening without a writable store, and a reason on stderr.
void TestRelayProcesses::refusesUnusableStore()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(QStringLiteral("orders.sqlite"));
    const QString lockerName = QStringLiteral("reliability-locker");
    QSqlDatabase locker;
    bool applicable = true;
    spoilStore(kind, dir.path(), &path, &locker, &applicable);
    if (QTest::currentTestFailed())
        return;
    if (!applicable) {
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QSKIP("file permissions do not apply to this user (root)");
    }

    const QString logDir = dir.filePath(QStringLiteral("logs"));
    QVERIFY(QDir().mkpath(logDir));
    RelayProcess relay(logDir, path);
    QElapsedTimer timer;
    timer.start();
    QString why;
    const bool listening = relay.start(&why);
    QVERIFY(relay.child().waitForExit(60'000));
    const qint64 elapsedMs = timer.elapsed();
    const QByteArray stderrText = relay.child().readStderr();
    qInfo("%s: exit %d after %lld ms: %s", qPrintable(kind), relay.child().process().exitCode(), elapsedMs,
          stderrText.trimmed().right(300).constData());
    QVERIFY(!listening);
    QVERIFY(!relay.child().readStdout().contains("listening"));
    QCOMPARE(relay.child().process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(relay.child().process().exitCode(), 4); // ExitStore
    QVERIFY2(stderrText.contains("paydesk-relay: refusing to start: "), stderrText.constData());
    QVERIFY(stderrText.trimmed().size() > QByteArray("paydesk-relay: refusing to start: ").size() + 5);
    // A lock may be released within the busy timeout, so waiting for it is right; nothing
    // else should take more than moments.
    QVERIFY2(elapsedMs < (kind == u"locked" ? 45'000 : 5'000), qPrintable(QString::number(elapsedMs)));

    if (locker.isValid()) {
        QSqlQuery(locker).exec(QStringLiteral("ROLLBACK"));
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase(lockerName);
    }
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

// An installer configures the online-order features in relay.ini, not on the command line:
// the endpoint, iOnline Pay (HKD) and the reconcile interval all come from the settings file,
// and the secrets from the files it names.
void TestRelayProcesses::onlineOrdersFromTheSettingsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto writeSecret = [&dir](const QString &name, const QByteArray &secret) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(secret);
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return file.fileName();
    };
    const QString apiSecret = writeSecret(QStringLiteral("api.secret"), "shared-secret-of-the-merchant-backend-0001");
    const QString ionlineKey = writeSecret(QStringLiteral("ionline.key"), "IONLINEKEY987654321");
    QVERIFY(!apiSecret.isEmpty() && !ionlineKey.isEmpty());
    QFile settings(dir.filePath(QStringLiteral("relay-settings.ini")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("settingsVersion=1\n[merchant]\njobNo=cashier01\n[relay]\nreconcileSeconds=30\n"
                   "reconcileMinAgeSeconds=45\n[store]\nstoreId=S7\n"
                   "[api]\nenabled=true\nhmacFile="
                   + apiSecret.toUtf8()
                   + "\nterminalId=SHOP\n"
                     "[ionline]\nenabled=true\nmchId=10085200000000\ncurrency=HKD\ncredentialFile="
                   + ionlineKey.toUtf8() + "\nnotifyPath=/hooks/ionline\n");
    settings.close();

    RelayProcess relay(dir.path(), dir.filePath(QStringLiteral("orders.sqlite")));
    QString why;
    QVERIFY2(relay.start(&why, {QStringLiteral("--api-port"), QStringLiteral("0")}), qPrintable(why));
    const auto apiLine = relay.child().waitForLine("back-end endpoint on", 10'000);
    QVERIFY2(apiLine, relay.child().readStdout().constData());
    QVERIFY2(relay.child().waitForLine("asks about open orders every 30 s", 10'000),
             relay.child().readStdout().constData());
    const QByteArray out = relay.child().readStdout();
    QVERIFY2(out.contains("iOnline notify path /hooks/ionline"), out.constData());
    const quint16 apiPort = quint16(apiLine->section(u':', -1).section(u'/', 0, 0).toUInt());
    QVERIFY(apiPort != 0);

    // The endpoint answers, and only to a signed request.
    const RawReply unsigned_ = rawExchange(apiPort, httpRequest("POST", "/api/v1/payments", "{}", "application/json"));
    QCOMPARE(unsigned_.status, 401);
    // The iOnline notify path from the settings is served; a notify for no order of ours is refused.
    const RawReply notify
        = rawExchange(relay.port(), httpRequest("POST", "/hooks/ionline", "<xml><status>0</status></xml>", "text/xml"));
    QVERIFY2(notify.status >= 400 && notify.status != 404, qPrintable(QString::number(notify.status)));
    const QJsonObject health
        = QJsonDocument::fromJson(rawExchange(relay.port(), httpRequest("GET", "/health")).body).object();
    QCOMPARE(health.value(u"api").toObject().value(u"unauthorized").toInteger(), 1);
    QVERIFY(health.contains(u"reconcile"));
    // The store and the reconcile minimum age from the settings file: the relay's online orders
    // are S7's, and it asks only about S7's open orders at least 45 s old.
    QCOMPARE(health.value(u"api").toObject().value(u"storeId").toString(), QStringLiteral("S7"));
    QCOMPARE(health.value(u"reconcile").toObject().value(u"storeId").toString(), QStringLiteral("S7"));
    QVERIFY(relay.child().stopGracefully(10'000));
    const QByteArray started = relay.child().readStderr();
    QVERIFY2(started.contains("reconciling open orders every 30 s, older than 45 s (online orders of store S7)"),
             started.constData());
    // Neither secret is ever written to the relay's logs.
    const QByteArray logs = relay.child().readStderr() + relay.child().readStdout();
    QVERIFY(!logs.contains("IONLINEKEY987654321"));
    QVERIFY(!logs.contains("shared-secret-of-the-merchant-backend"));
}

void TestRelayProcesses::refusesBadOnlineSettings_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QByteArray>("complaint");
    QTest::newRow("iOnline without its merchant id")
        << QByteArray("[ionline]\nenabled=true\n") << QByteArray("iOnline Pay is enabled without its merchant id");
    QTest::newRow("iOnline key file missing")
        << QByteArray("[ionline]\nenabled=true\nmchId=10085200000000\ncredentialFile=/nonexistent/ionline.key\n")
        << QByteArray("iOnline Pay needs its key");
    QTest::newRow("endpoint without a secret")
        << QByteArray("[merchant]\njobNo=cashier01\n[api]\nenabled=true\nhmacFile=/nonexistent/api.secret\n")
        << QByteArray("the back-end endpoint needs a shared secret");
    QTest::newRow("endpoint without a gateway")
        << QByteArray("[api]\nenabled=true\n") << QByteArray("needs a shared secret");
}

// A half-configured online setup is refused at start with a reason, never run half-way.
void TestRelayProcesses::refusesBadOnlineSettings()
{
    QFETCH(QByteArray, ini);
    QFETCH(QByteArray, complaint);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile settings(dir.filePath(QStringLiteral("relay-settings.ini")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("settingsVersion=1\n" + ini);
    settings.close();
    RelayProcess relay(dir.path(), dir.filePath(QStringLiteral("orders.sqlite")));
    QVERIFY(!relay.start(nullptr));
    QVERIFY(relay.child().waitForExit(20'000));
    QCOMPARE(relay.child().process().exitCode(), 3); // ExitConfig
    const QByteArray stderrText = relay.child().readStderr();
    QVERIFY2(stderrText.contains(complaint), stderrText.constData());
}

QTEST_GUILESS_MAIN(TestRelayProcesses)
#include "test_relay_processes.moc"

// Relays as a fleet (design.md "Storage backends"; reliability.md "Store mode" 16 and 17): several
// real `paydesk-relay` processes on one PostgreSQL database (the pg_server fixture's), nothing
// serialised by a process: a mixed genuine/forged burst split across two relays, the same genuine
// notify sent to both at once, kill -9 of one relay mid-burst, and one order per client reference
// however many connections ask at once. PostgreSQL only (the SQLite run says so and skips).

#include "NotifyFactory.h"
#include "ProcessSupport.h"
#include "RawHttp.h"
#include "TestStore.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <barrier>
#include <csignal>
#include <thread>

using namespace paydesk;
using namespace paydesk::test;

namespace {

enum class Kind {
    Invalid = 0,
    Genuine,
    Forged,
    SignedWrongAmount,
    Unknown
};

struct Planned
{
    Kind kind = Kind::Invalid;
    int orderIndex = -1;
    QByteArray request;
    int relay = 0; // which relay it goes to
};

struct Answer
{
    bool connected = false;
    int status = 0;
    QByteArray body;
};

QByteArray notifyRequest(const ParamList &fields)
{
    return httpRequest("POST", "/notify/iotpay", formEncode(fields));
}

ParamList genuineFields(const Order &order, int index)
{
    return withField(notifyFields(order.mchOrderNo, order.amount.minor), QStringLiteral("payOrderId"),
                     u"P0701" + QString::number(700000000 + index));
}

// Sends every planned request to its relay from `clients` threads, each on a fresh connection.
std::vector<Answer> sendAll(const QList<quint16> &ports, const QList<Planned> &plan, int clients)
{
    std::vector<Answer> answers(size_t(plan.size()));
    std::atomic<qsizetype> next{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            for (qsizetype i = next++; i < plan.size(); i = next++) {
                const RawReply reply = rawExchange(ports[plan[i].relay], plan[i].request, 30'000);
                answers[size_t(i)] = {reply.connected, reply.status, reply.body};
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    return answers;
}

} // namespace

class TestRelayFleet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void mixedBurstSplitAcrossTwoRelays();
    void killNineOfOneRelayMidBurst();
    void oneOrderPerClientReference();
    void deadConnectionsAreReplaced();

private:
    bool startRelays(int count, const QString &url);
    QList<quint16> ports() const;

    SystemClock m_clock;
    MerchantKey m_key{QByteArray(TestKey)};
    std::unique_ptr<testing::TestStore> m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<std::unique_ptr<RelayProcess>> m_relays;
};

void TestRelayFleet::init()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("relays as a fleet: store mode (PostgreSQL)");
    m_store = std::make_unique<testing::TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRelayFleet::cleanup()
{
    for (auto &relay : m_relays) {
        if (relay->child().isRunning())
            relay->child().killHard();
    }
    m_relays.clear();
    m_dir.reset();
    m_store.reset();
}

bool TestRelayFleet::startRelays(int count, const QString &url)
{
    for (int i = 0; i < count; ++i) {
        const QString dir = m_dir->filePath(QStringLiteral("relay") + QString::number(i));
        if (!QDir().mkpath(dir))
            return false;
        m_relays.push_back(std::make_unique<RelayProcess>(dir, url));
        QString why;
        if (!m_relays.back()->start(&why)) {
            qWarning().noquote() << why;
            return false;
        }
    }
    return true;
}

QList<quint16> TestRelayFleet::ports() const
{
    QList<quint16> result;
    for (const auto &relay : m_relays)
        result.append(relay->port());
    return result;
}

// reliability.md 16: every genuine order PAID exactly once, every genuine request answered
// `success`, nothing forged accepted, every request in the audit record.
void TestRelayFleet::mixedBurstSplitAcrossTwoRelays()
{
    constexpr int OrderCount = 600;
    constexpr int GenuineOrders = 400;
    constexpr int BothAtOnce = 100; // of the genuine orders: first sent to both relays at the same moment
    constexpr int Requests = 3000;
    constexpr int Clients = 8;
    const QString url = m_store->url();
    auto opened = OrderLog::open(url, m_clock);
    QVERIFY2(opened, qPrintable(opened ? QString() : describe(opened.error())));
    OrderLog &log = **opened;
    QList<Order> orders;
    for (int i = 0; i < OrderCount; ++i) {
        orders.append(createAwaitingOrder(log, 100 + (qint64(i) * 7919) % 250'000));
        QVERIFY(orders.last().id > 0);
    }
    QVERIFY(startRelays(2, url));

    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator rng(seed);
    qInfo("burst seed %u", seed);
    QList<ParamList> genuine;
    for (int i = 0; i < GenuineOrders; ++i)
        genuine.append(signedFields(genuineFields(orders[i], i), m_key));

    const qint64 fromMs = m_clock.nowUtcMs() - 1;
    // The same genuine notify to both relays at once (a gateway retrying while the first is in
    // flight, behind a load balancer): two threads, one per relay, meeting before each send.
    std::vector<Answer> pairAnswers(size_t(2 * BothAtOnce));
    {
        std::barrier meet(2);
        std::vector<std::thread> pair;
        for (int r = 0; r < 2; ++r) {
            pair.emplace_back([&, r] {
                for (int i = 0; i < BothAtOnce; ++i) {
                    meet.arrive_and_wait();
                    const RawReply reply = rawExchange(m_relays[size_t(r)]->port(), notifyRequest(genuine[i]), 30'000);
                    pairAnswers[size_t(2 * i + r)] = {reply.connected, reply.status, reply.body};
                }
            });
        }
        for (auto &thread : pair)
            thread.join();
    }
    for (const Answer &answer : pairAnswers) {
        QVERIFY(answer.connected);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("success"));
    }

    // The mixed burst, split across the relays request by request.
    QList<Planned> plan;
    for (int i = BothAtOnce; i < GenuineOrders; ++i)
        plan.append({Kind::Genuine, i, notifyRequest(genuine[i]), 0});
    while (plan.size() < Requests * 2 / 5) {
        const int i = int(rng.bounded(GenuineOrders));
        plan.append({Kind::Genuine, i, notifyRequest(genuine[i]), 0});
    }
    for (int n = 0; plan.size() < Requests; ++n) {
        const int i = int(rng.bounded(OrderCount));
        const ParamList fields = genuineFields(orders[i], i);
        switch (n % 3) {
        case 0: {
            ParamList forged = signedFields(fields, m_key);
            QString &sign = forged.last().second;
            sign[7] = sign[7] == u'0' ? u'1' : u'0';
            plan.append({Kind::Forged, i, notifyRequest(forged), 0});
            break;
        }
        case 1:
            plan.append(
                {Kind::SignedWrongAmount, i,
                 notifyRequest(signedFields(
                     withField(fields, QStringLiteral("amount"), QString::number(orders[i].amount.minor + 1)), m_key)),
                 0});
            break;
        default:
            plan.append(
                {Kind::Unknown, -1,
                 notifyRequest(signedFields(
                     withField(fields, QStringLiteral("mchOrderNo"), u"NOSUCHORDER" + QString::number(n)), m_key)),
                 0});
            break;
        }
    }
    for (qsizetype i = plan.size() - 1; i > 0; --i)
        plan.swapItemsAt(i, qsizetype(rng.bounded(quint32(i + 1))));
    for (qsizetype i = 0; i < plan.size(); ++i)
        plan[i].relay = int(i % 2);

    QElapsedTimer burst;
    burst.start();
    const std::vector<Answer> answers = sendAll(ports(), plan, Clients);
    const qint64 burstMs = burst.elapsed();
    const qint64 toMs = m_clock.nowUtcMs() + 1;
    qInfo("burst: %d requests over 2 relays from %d clients in %lld ms (%.0f/s)", Requests, Clients, burstMs,
          Requests * 1000.0 / double(std::max<qint64>(1, burstMs)));

    const std::map<Kind, int> expectedStatus{
        {Kind::Genuine, 200}, {Kind::Forged, 403}, {Kind::SignedWrongAmount, 409}, {Kind::Unknown, 404}};
    for (qsizetype i = 0; i < plan.size(); ++i) {
        const Answer &answer = answers[size_t(i)];
        const QByteArray context = "request " + QByteArray::number(i) + " kind " + QByteArray::number(int(plan[i].kind))
            + ": " + QByteArray::number(answer.status) + ' ' + answer.body.left(120);
        QVERIFY2(answer.connected, context.constData());
        QVERIFY2(answer.status == expectedStatus.at(plan[i].kind), context.constData());
        if (plan[i].kind == Kind::Genuine)
            QVERIFY2(answer.body == "success", context.constData());
        else
            QVERIFY2(!answer.body.contains("success"), context.constData());
    }
    for (int i = 0; i < OrderCount; ++i) {
        const auto order = log.orderById(orders[i].id);
        QVERIFY(order);
        const bool paid = i < GenuineOrders;
        QCOMPARE(order->state, paid ? OrderState::Paid : OrderState::Awaiting);
        QCOMPARE(paidTransitions(log, orders[i].id), paid ? 1 : 0);
    }
    // Every request judged is in the audit record, whichever relay judged it.
    const auto audit = log.notificationsBetween(fromMs, toMs);
    QVERIFY(audit);
    QCOMPARE(audit->size(), qsizetype(Requests + 2 * BothAtOnce));
    const auto verdicts = [&](const QString &verdict) {
        return std::count_if(audit->cbegin(), audit->cend(),
                             [&](const NotificationRecord &record) { return record.verdict == verdict; });
    };
    QCOMPARE(verdicts(QStringLiteral("accepted")), GenuineOrders);
    const qint64 genuineRequests = 2 * BothAtOnce
        + std::count_if(plan.cbegin(), plan.cend(), [](const Planned &p) { return p.kind == Kind::Genuine; });
    QCOMPARE(verdicts(QStringLiteral("duplicate")), genuineRequests - GenuineOrders);
    // Both relays report the database, and served part of the burst.
    qint64 accepted = 0;
    for (const quint16 port : ports()) {
        const QJsonObject report = healthOf(port);
        QCOMPARE(report.value(u"database").toString(), QStringLiteral("ok"));
        QVERIFY(report.value(u"accepted").toInteger() + report.value(u"duplicate").toInteger() > 0);
        accepted += report.value(u"accepted").toInteger();
    }
    QCOMPARE(accepted, GenuineOrders);
}

// reliability.md 17: kill -9 of one relay mid-burst while the other keeps serving: every
// acknowledged notification is in the database.
void TestRelayFleet::killNineOfOneRelayMidBurst()
{
    constexpr int OrderCount = 1200;
    constexpr int Clients = 8;
    const QString url = m_store->url();
    auto opened = OrderLog::open(url, m_clock);
    QVERIFY(opened);
    OrderLog &log = **opened;
    QList<Order> orders;
    for (int i = 0; i < OrderCount; ++i) {
        orders.append(createAwaitingOrder(log, 100 + i));
        QVERIFY(orders.last().id > 0);
    }
    QVERIFY(startRelays(2, url));
    QList<Planned> plan;
    for (int i = 0; i < OrderCount; ++i)
        plan.append({Kind::Genuine, i, notifyRequest(signedFields(genuineFields(orders[i], i), m_key)), i % 2});

    std::vector<Answer> answers;
    // Killed once it has acknowledged a good part of its share: mid-burst, with commits behind it.
    const quint16 doomedPort = m_relays[0]->port();
    const qint64 doomedPid = m_relays[0]->child().process().processId();
    std::thread killer([doomedPort, doomedPid] {
        for (int i = 0; i < 3000; ++i) {
            if (healthOf(doomedPort).value(u"accepted").toInteger() >= 100)
                break;
            QThread::msleep(10);
        }
        ::kill(pid_t(doomedPid), SIGKILL);
    });
    answers = sendAll(ports(), plan, Clients);
    killer.join();
    m_relays[0]->child().killHard(); // reaps it

    int acknowledged = 0;
    int acknowledgedByTheDead = 0;
    int refusedByTheDead = 0;
    for (qsizetype i = 0; i < plan.size(); ++i) {
        const Answer &answer = answers[size_t(i)];
        const auto order = log.orderById(orders[plan[i].orderIndex].id);
        QVERIFY(order);
        if (answer.status == 200 && answer.body == "success") {
            ++acknowledged;
            acknowledgedByTheDead += plan[i].relay == 0 ? 1 : 0;
            QVERIFY2(order->state == OrderState::Paid, qPrintable(order->mchOrderNo));
            QCOMPARE(paidTransitions(log, order->id), 1);
        } else {
            QCOMPARE(plan[i].relay, 0); // only the killed relay failed to answer
            ++refusedByTheDead;
        }
    }
    qInfo("kill -9 of one relay: %d acknowledged (all PAID), %d of them by the killed relay; %d unanswered by it",
          acknowledged, acknowledgedByTheDead, refusedByTheDead);
    QVERIFY(refusedByTheDead > 0); // it died mid-burst
    QVERIFY(acknowledgedByTheDead >= 50); // killed at 100 accepted: some replies die with it
    QVERIFY(acknowledged > OrderCount / 2); // the other kept serving its half
    // The survivor still serves: the dead one's share, resent to it, is acknowledged and PAID.
    for (qsizetype i = 0; i < plan.size(); ++i) {
        if (answers[size_t(i)].status == 200)
            continue;
        const RawReply reply = rawExchange(m_relays[1]->port(), plan[i].request, 30'000);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray("success"));
    }
    for (const Order &order : std::as_const(orders)) {
        QCOMPARE(log.orderById(order.id)->state, OrderState::Paid);
        QCOMPARE(paidTransitions(log, order.id), 1);
    }
}

// Two relays' endpoints asked for one client reference at once make one order: the look-up and
// the insert hold across connections (an advisory lock on the reference), not a process's mutex.
void TestRelayFleet::oneOrderPerClientReference()
{
    constexpr int Connections = 4;
    constexpr int References = 25;
    const QString url = m_store->url();
    {
        auto schema = OrderLog::open(url, m_clock); // migrated before the race
        QVERIFY(schema);
    }
    std::atomic<int> created{0};
    std::atomic<int> duplicates{0};
    std::atomic<int> failures{0};
    std::barrier meet(Connections);
    std::vector<std::thread> threads;
    for (int c = 0; c < Connections; ++c) {
        threads.emplace_back([&] {
            auto log = OrderLog::open(url, m_clock);
            for (int r = 0; r < References; ++r) {
                meet.arrive_and_wait();
                if (!log) {
                    ++failures;
                    continue;
                }
                NewOrder order;
                order.terminalId = QStringLiteral("WEB");
                order.channel = Channel::WxJsapi;
                order.amount = Money{1000 + r, Currency::CAD};
                order.source = OrderSource::MiniProgram;
                order.clientReference = QStringLiteral("client-ref-") + QString::number(r);
                order.clientReferenceSinceUtcMs = m_clock.nowUtcMs() - 60'000;
                const auto made = (*log)->createOrder(order);
                if (made)
                    ++created;
                else if (made.error().code == ErrorCode::Duplicate)
                    ++duplicates;
                else
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(created.load(), References);
    QCOMPARE(duplicates.load(), References * (Connections - 1));
    auto log = OrderLog::open(url, m_clock);
    QVERIFY(log);
    for (int r = 0; r < References; ++r)
        QVERIFY((*log)->orderByClientReference(QStringLiteral("client-ref-") + QString::number(r), 0));
}

// The relay keeps one connection per worker thread: killed server-side, each is noticed and
// replaced (no notify lost to it); with the database refusing connections /health says so with 503
// and the notifies are refused (the gateway retries); back, everything is served again. The relay
// never holds more connections than its worker threads.
void TestRelayFleet::deadConnectionsAreReplaced()
{
    constexpr int OrderCount = 60;
    const QString url = m_store->url();
    const QString relayApp = QStringLiteral("relay-under-test");
    auto opened = OrderLog::open(url, m_clock);
    QVERIFY(opened);
    OrderLog &log = **opened;
    QList<Order> orders;
    for (int i = 0; i < OrderCount; ++i)
        orders.append(createAwaitingOrder(log, 300 + i));
    QVERIFY(startRelays(1, url + u"&application_name=" + relayApp));
    const quint16 port = m_relays[0]->port();
    const QString database = QUrl(url).path().mid(1);
    const auto relayConnections = [&]() -> int {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("fleet-probe"));
        int n = -1;
        {
            admin.setHostName(testing::TestStore::socketDir());
            admin.setPort(testing::TestStore::port().toInt());
            admin.setUserName(QStringLiteral("postgres"));
            admin.setDatabaseName(QStringLiteral("postgres"));
            if (admin.open()) {
                QSqlQuery query(admin);
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '") + database
                               + QStringLiteral("' AND application_name = '") + relayApp + u'\'')
                    && query.next())
                    n = query.value(0).toInt();
            }
            admin.close();
        }
        admin = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("fleet-probe"));
        return n;
    };
    const auto send = [&](int from, int to) {
        QList<Planned> plan;
        for (int i = from; i < to; ++i)
            plan.append({Kind::Genuine, i, notifyRequest(signedFields(genuineFields(orders[i], i), m_key)), 0});
        return sendAll({port}, plan, 8);
    };
    const auto killRelayConnections = [&] {
        return m_store->admin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '")
                              + database + QStringLiteral("' AND application_name = '") + relayApp + u'\'');
    };

    for (const Answer &answer : send(0, 20))
        QCOMPARE(answer.body, QByteArray("success"));
    const int held = relayConnections();
    qInfo("relay connections after a burst: %d (4 worker threads)", held);
    QVERIFY(held >= 1 && held <= 4);

    // Killed server-side: the next statement on each finds it lost and opens a new one.
    QCOMPARE(killRelayConnections(), QString());
    for (const Answer &answer : send(20, 40))
        QCOMPARE(answer.body, QByteArray("success"));
    QCOMPARE(healthOf(port).value(u"database").toString(), QStringLiteral("ok"));
    QVERIFY(relayConnections() <= 4);

    // The database refuses connections: /health says so (503); notifies are refused, not lost.
    QCOMPARE(
        m_store->admin(QStringLiteral("ALTER DATABASE ") + database + QStringLiteral(" WITH ALLOW_CONNECTIONS false")),
        QString());
    QCOMPARE(killRelayConnections(), QString());
    const RawReply down = rawExchange(port, httpRequest("GET", "/health"), 10'000);
    QCOMPARE(down.status, 503);
    QCOMPARE(QJsonDocument::fromJson(down.body).object().value(u"database").toString(), QStringLiteral("unavailable"));
    for (const Answer &answer : send(40, 50)) {
        QVERIFY(answer.status >= 500);
        QVERIFY(!answer.body.contains("success"));
    }
    QCOMPARE(
        m_store->admin(QStringLiteral("ALTER DATABASE ") + database + QStringLiteral(" WITH ALLOW_CONNECTIONS true")),
        QString());
    QThread::msleep(5'500); // the longest back-off between two attempts
    for (const Answer &answer : send(40, 60))
        QCOMPARE(answer.body, QByteArray("success"));
    QCOMPARE(healthOf(port).value(u"database").toString(), QStringLiteral("ok"));
    for (int i = 0; i < OrderCount; ++i) {
        QCOMPARE(log.orderById(orders[i].id)->state, OrderState::Paid);
        QCOMPARE(paidTransitions(log, orders[i].id), 1);
    }
}

QTEST_MAIN(TestRelayFleet)
#include "test_relay_fleet.moc"

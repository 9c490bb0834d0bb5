// The store's relays reconcile open orders by themselves (design.md "Storage backends"; issue 12):
// on a PostgreSQL store only the relay's role marks an order PAID, so a counter payment whose
// notifications all went by while no relay ran is confirmed by the next relay that starts (its
// reconciler asks the gateway), pushed to the counter that waits. Real `paydesk-relay` processes
// on the pg_server fixture's database, the real simulator: one relay catching up, then passing
// again on its interval; two relays reconciling the same orders at once (each confirmed once);
// a relay without the gateway's login name (reconciling off, /health says why, notifies still
// served); one client reference sent at once to two relays' back-end endpoints (one order); and
// the online orders of a relay started with --store-id carrying that store; a chain's relay with a
// store id asking only about its own store's open orders (counter and online), one without about all.
// PostgreSQL only (the SQLite run says so and skips).

#include "NotifyFactory.h"
#include "ProcessSupport.h"
#include "RawHttp.h"
#include "TestStore.h"

#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "orders/OrderLog.h"
#include "orders/PaymentWatch.h"
#include "orders/StoreSetup.h"
#include "payment/Sale.h"
#include "relay/ApiAuth.h"
#include "reports/DailyReport.h"
#include "sim/GatewaySimulator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <barrier>
#include <thread>

using namespace paydesk;
using namespace paydesk::test;

namespace {

const QString JobNo = QStringLiteral("cashier01");
const QByteArray ApiSecret = QByteArrayLiteral("shared-secret-of-the-merchant-backend-0001");

QJsonObject reconcileHealth(quint16 port)
{
    return healthOf(port).value(u"reconcile").toObject();
}

bool paidBy(const OrderLog &log, qint64 orderId, const QString &actor)
{
    auto events = log.events(orderId);
    return events && std::any_of(events->begin(), events->end(), [&](const OrderEvent &e) {
               return e.toState == OrderState::Paid && e.actor == actor;
           });
}

QByteArray signedPayment(const QByteArray &body)
{
    const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray signature
        = ApiAuth::hmacHex(ApiSecret, ApiAuth::canonical("POST", "/api/v1/payments", timestamp, body));
    return httpRequest("POST", "/api/v1/payments", body, "application/json",
                       "X-PayDesk-Timestamp: " + timestamp + "\r\nX-PayDesk-Signature: " + signature + "\r\n");
}

} // namespace

class TestRelayReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void counterPaidWhileRelaysDownIsConfirmedByTheRelay();
    void twoRelaysReconcileTheSameOrdersOnce();
    void withoutGatewayLoginReconcilingIsOffAndNotifiesServed();
    void oneClientReferenceAtTwoRelaysEndpointsMakesOneOrder();
    void onlineOrdersCarryTheRelaysStore();
    void relayWithStoreIdReconcilesOnlyItsStore();

private:
    // Terminal and relay logins of the store's roles; the terminal's order log, the in-process
    // simulator (its notifies go nowhere: no relay listens on port 9) and its client.
    void setUpCounter();
    QString urlAs(const QString &login) const;
    Sale *startSale(qint64 amountMinor, bool queries, const QString &terminalId = QStringLiteral("T9"));
    QString writeApiSecret();
    RelayProcess *startRelay(const QStringList &extra, QString *why);
    QStringList reconcileFlags() const;

    SystemClock m_clock;
    std::unique_ptr<testing::TestStore> m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_sim;
    std::unique_ptr<OrderLog> m_log; // the terminal's
    std::unique_ptr<IotPayClient> m_client;
    std::unique_ptr<QObject> m_sales;
    std::vector<std::unique_ptr<RelayProcess>> m_relays;
    QString m_terminalLogin;
    QString m_relayLogin;
};

void TestRelayReconcile::init()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("the relays' own reconciliation: store mode (PostgreSQL roles)");
    m_store = std::make_unique<testing::TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_sales = std::make_unique<QObject>();
}

void TestRelayReconcile::cleanup()
{
    for (auto &relay : m_relays) {
        if (relay->child().isRunning())
            relay->child().killHard();
    }
    m_relays.clear();
    m_sales.reset();
    m_client.reset();
    m_sim.reset();
    m_log.reset();
    m_network.reset();
    m_dir.reset();
    m_store.reset();
}

QString TestRelayReconcile::urlAs(const QString &login) const
{
    return QString(m_store->url()).replace(QStringLiteral("user=postgres"), QStringLiteral("user=") + login);
}

void TestRelayReconcile::setUpCounter()
{
    const QString pid = QString::number(QCoreApplication::applicationPid());
    m_terminalLogin = QStringLiteral("reconcile_terminal_") + pid;
    m_relayLogin = QStringLiteral("reconcile_relay_") + pid;
    const auto setUp = setUpStore(
        m_store->url(),
        {StoreLogin{StoreRole::Terminal, m_terminalLogin, false}, StoreLogin{StoreRole::Relay, m_relayLogin, false}});
    QVERIFY2(setUp, setUp ? "" : qPrintable(describe(setUp.error())));
    auto log = OrderLog::open(urlAs(m_terminalLogin), m_clock);
    QVERIFY2(log, log ? "" : qPrintable(describe(log.error())));
    m_log = std::move(*log);

    SimOptions simOptions;
    simOptions.mchId = QString::fromLatin1(TestMchId);
    simOptions.key = MerchantKey(QByteArray(TestKey));
    simOptions.notifyScheduleScale = 0.001; // its five retries spent in a moment
    m_sim = std::make_unique<GatewaySimulator>(simOptions, m_clock, m_network.get());
    QVERIFY(m_sim->start());

    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {QString::fromLatin1(TestMchId), JobNo};
    config.key = MerchantKey(QByteArray(TestKey));
    config.deadlineMs = 2000;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
}

Sale *TestRelayReconcile::startSale(qint64 amountMinor, bool queries, const QString &terminalId)
{
    SaleConfig config;
    config.terminalId = terminalId;
    config.notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/iotpay"); // no relay there
    config.validityMs = 120'000;
    config.graceMs = queries ? 200 : 120'000;
    config.queryIntervalMs = queries ? 300 : 120'000;
    config.safetyPollMs = 120'000; // only the push can tell within the test
    auto *sale = new Sale(*m_log, *m_client, m_clock, config, m_sales.get());
    if (auto started = sale->start(Money{amountMinor, Currency::CAD}, Channel::WxNative); !started) {
        qWarning() << describe(started.error());
        delete sale;
        return nullptr;
    }
    return sale;
}

QString TestRelayReconcile::writeApiSecret()
{
    const QString secretFile = m_dir->filePath(QStringLiteral("api-secret"));
    QFile file(secretFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(ApiSecret) != ApiSecret.size())
        return {};
    file.close();
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return {};
    return secretFile;
}

QStringList TestRelayReconcile::reconcileFlags() const
{
    return {QStringLiteral("--gateway-url"),
            m_sim->baseUrl().toString(),
            QStringLiteral("--job-no"),
            JobNo,
            QStringLiteral("--reconcile-seconds"),
            QStringLiteral("10"),
            QStringLiteral("--reconcile-min-age-seconds"),
            QStringLiteral("0")};
}

RelayProcess *TestRelayReconcile::startRelay(const QStringList &extra, QString *why)
{
    const QString dir = m_dir->filePath(QStringLiteral("relay") + QString::number(m_relays.size()));
    if (!QDir().mkpath(dir))
        return nullptr;
    m_relays.push_back(std::make_unique<RelayProcess>(dir, urlAs(m_relayLogin)));
    if (!m_relays.back()->start(why, extra))
        return nullptr;
    return m_relays.back().get();
}

// Paid at the gateway while no relay ran and every notify failed: the counter waits ("Paid at the
// gateway — waiting for the store's relay"); a relay started later confirms it in its first pass,
// as the relay's role, and the counter shows Paid through the push. A payment made while that
// relay runs, its notifies still lost, is confirmed by the next pass (10 s).
void TestRelayReconcile::counterPaidWhileRelaysDownIsConfirmedByTheRelay()
{
    setUpCounter();
    QVERIFY(m_log->watchPayments());
    Sale *sale = startSale(2865, true);
    QVERIFY(sale);
    QSignalSpy errors(sale, &Sale::errorOccurred);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    const QString number = sale->order().mchOrderNo;
    QVERIFY(m_sim->pay(number));
    QTRY_VERIFY(sale->isPaidAtGateway());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().first().value<Error>().code, ErrorCode::PaidAwaitingRelay);
    // The gateway gave up notifying (nobody listened); the order is still open.
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->order(number) && m_sim->order(number)->notifyAttempts >= 5, 10'000);
    QVERIFY(!m_sim->order(number)->notifyAcknowledged);
    QCOMPARE(m_log->orderById(sale->order().id)->state, OrderState::Awaiting);

    QString why;
    RelayProcess *relay = startRelay(reconcileFlags(), &why);
    QVERIFY2(relay, qPrintable(why));
    QVERIFY2(relay->child().waitForLine("asks about open orders every 10 s", 10'000),
             relay->child().readStdout().constData());
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 10'000);
    QVERIFY(!sale->order().late);
    QVERIFY(paidBy(*m_log, sale->order().id, QStringLiteral("reconciler")));
    QCOMPARE(paidTransitions(*m_log, sale->order().id), 1);
    const QJsonObject first = reconcileHealth(relay->port());
    QCOMPARE(first.value(u"enabled").toBool(), true);
    QVERIFY(first.value(u"changed").toInteger() >= 1);

    // Paid while this relay runs, the notifies lost again: its next pass confirms it.
    Sale *second = startSale(1200, false);
    QVERIFY(second);
    QTRY_COMPARE(second->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(second->order().mchOrderNo));
    QElapsedTimer waited;
    waited.start();
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), OrderState::Paid, 25'000);
    qInfo("paid at the gateway -> PAID by the relay's next pass in %lld ms (interval 10 s)", waited.elapsed());
    QVERIFY(paidBy(*m_log, second->order().id, QStringLiteral("reconciler")));
    QCOMPARE(paidTransitions(*m_log, second->order().id), 1);
    QVERIFY(reconcileHealth(relay->port()).value(u"passes").toInteger() >= 2);
    QCOMPARE(reconcileHealth(relay->port()).value(u"errors").toInteger(), 0);
    QVERIFY(relay->child().stopGracefully(10'000));
}

// Two relays over the same open orders, paid at the gateway, ask about them at the same time
// (each query slowed so that the passes overlap): every order is confirmed once, and the relays'
// changes add up to the orders, none twice.
void TestRelayReconcile::twoRelaysReconcileTheSameOrdersOnce()
{
    constexpr int Orders = 20;
    setUpCounter();
    QVERIFY(m_log->watchPayments());
    QList<Sale *> sales;
    for (int i = 0; i < Orders; ++i) {
        sales.append(startSale(500 + i, false));
        QVERIFY(sales.last());
    }
    for (Sale *sale : std::as_const(sales)) {
        QTRY_COMPARE(sale->state(), OrderState::Awaiting);
        QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    }
    SimFaults slow;
    slow.latencyMs = 250;
    m_sim->setFaults(slow);

    QString why;
    RelayProcess *a = startRelay(reconcileFlags(), &why);
    QVERIFY2(a, qPrintable(why));
    // The second starts once the first has settled a few: its list holds orders already PAID
    // (released by the first: read again under the claim and skipped) and orders the first is
    // asking about now (claimed: left to it).
    QTRY_VERIFY_WITH_TIMEOUT(sales[2]->state() == OrderState::Paid, 10'000);
    RelayProcess *b = startRelay(reconcileFlags(), &why);
    QVERIFY2(b, qPrintable(why));
    // The notify path is not held up by a pass (its own threads and connections): a notify for
    // an order neither pass listed is confirmed while both passes are still asking.
    auto admin = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(admin);
    const Order notified = createAwaitingOrder(**admin, 999, QStringLiteral("R1"));
    QVERIFY(notified.id > 0);
    QElapsedTimer notifyTimer;
    notifyTimer.start();
    const RawReply notify
        = rawExchange(a->port(),
                      httpRequest("POST", "/notify/iotpay",
                                  formEncode(signedFields(notifyFields(notified.mchOrderNo, notified.amount.minor),
                                                          MerchantKey(QByteArray(TestKey))))),
                      10'000);
    const qint64 notifyMs = notifyTimer.elapsed();
    const auto stillOpen = std::count_if(sales.cbegin(), sales.cend(), [&](const Sale *sale) {
        return m_log->orderById(sale->order().id)->state != OrderState::Paid;
    });
    qInfo("notify answered in %lld ms while %lld of %d orders were still being reconciled", notifyMs, qint64(stillOpen),
          Orders);
    QCOMPARE(notify.status, 200);
    QCOMPARE(notify.body, QByteArray("success"));
    QVERIFY(stillOpen > 0);
    QCOMPARE((*admin)->orderById(notified.id)->state, OrderState::Paid);
    for (Sale *sale : std::as_const(sales))
        QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 20'000);
    // Both first passes are over (each completes one before its next, 10 s later).
    QTRY_VERIFY_WITH_TIMEOUT(reconcileHealth(a->port()).value(u"passes").toInteger() >= 1
                                 && reconcileHealth(b->port()).value(u"passes").toInteger() >= 1,
                             20'000);
    const QJsonObject ra = reconcileHealth(a->port());
    const QJsonObject rb = reconcileHealth(b->port());
    qInfo("relay A changed %lld, relay B changed %lld of %d orders", ra.value(u"changed").toInteger(),
          rb.value(u"changed").toInteger(), Orders);
    QCOMPARE(ra.value(u"changed").toInteger() + rb.value(u"changed").toInteger(), qint64(Orders));
    QCOMPARE(ra.value(u"errors").toInteger() + rb.value(u"errors").toInteger(), 0);
    for (Sale *sale : std::as_const(sales)) {
        QCOMPARE(paidTransitions(*m_log, sale->order().id), 1);
        QVERIFY(paidBy(*m_log, sale->order().id, QStringLiteral("reconciler")));
    }
    m_sim->clearFaults();
}

// Without the IOTPay login name the relay cannot ask the gateway: it says so once at start and on
// /health (a field, not a failure), and serves notifies as before.
void TestRelayReconcile::withoutGatewayLoginReconcilingIsOffAndNotifiesServed()
{
    auto opened = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(opened);
    OrderLog &log = **opened;
    const Order order = createAwaitingOrder(log, 4321);
    QVERIFY(order.id > 0);
    m_relays.push_back(std::make_unique<RelayProcess>(m_dir->path(), m_store->url()));
    RelayProcess &relay = *m_relays.back();
    QString why;
    QVERIFY2(relay.start(&why, {QStringLiteral("--reconcile-seconds"), QStringLiteral("10")}), qPrintable(why));
    const auto off = relay.child().waitForLine("not reconciling", 10'000);
    QVERIFY2(off, relay.child().readStdout().constData());
    QVERIFY2(off->contains(u"merchant/jobNo"), qPrintable(*off));

    const QJsonObject report = healthOf(relay.port());
    QCOMPARE(report.value(u"status").toString(), QStringLiteral("ok"));
    const QJsonObject reconcile = report.value(u"reconcile").toObject();
    QCOMPARE(reconcile.value(u"enabled").toBool(true), false);
    QVERIFY(reconcile.value(u"reason").toString().contains(u"merchant/jobNo"));

    const RawReply reply
        = rawExchange(relay.port(),
                      httpRequest("POST", "/notify/iotpay",
                                  formEncode(signedFields(notifyFields(order.mchOrderNo, order.amount.minor),
                                                          MerchantKey(QByteArray(TestKey))))),
                      10'000);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("success"));
    QCOMPARE(log.orderById(order.id)->state, OrderState::Paid);
    QVERIFY(relay.child().stopGracefully(10'000));
    // Said once.
    QCOMPARE(relay.child().readStderr().count("not reconciling open orders"), qsizetype(1));
}

// One client reference sent at the same moment to the back-end endpoints of two relay processes
// (a merchant back end retrying through a load balancer): exactly one order; the other answer
// names it.
void TestRelayReconcile::oneClientReferenceAtTwoRelaysEndpointsMakesOneOrder()
{
    constexpr int References = 12;
    SimProcess sim(m_dir->path());
    QString why;
    QVERIFY2(sim.start(&why), qPrintable(why));
    const QString secretFile = writeApiSecret();
    QVERIFY(!secretFile.isEmpty());
    QList<quint16> apiPorts;
    for (int i = 0; i < 2; ++i) {
        const QString dir = m_dir->filePath(QStringLiteral("api-relay") + QString::number(i));
        QVERIFY(QDir().mkpath(dir));
        m_relays.push_back(std::make_unique<RelayProcess>(dir, m_store->url()));
        RelayProcess &relay = *m_relays.back();
        QVERIFY2(relay.start(&why,
                             {QStringLiteral("--api"), QStringLiteral("--api-port"), QStringLiteral("0"),
                              QStringLiteral("--api-secret-file"), secretFile, QStringLiteral("--job-no"), JobNo,
                              QStringLiteral("--gateway-url"), sim.baseUrl()}),
                 qPrintable(why));
        const auto line = relay.child().waitForLine("back-end endpoint on", 10'000);
        QVERIFY2(line, relay.child().readStdout().constData());
        apiPorts.append(announcedPort(*line));
        QVERIFY(apiPorts.last() != 0);
    }

    std::vector<RawReply> replies(size_t(2 * References));
    {
        std::barrier meet(2);
        std::vector<std::thread> pair;
        for (int r = 0; r < 2; ++r) {
            pair.emplace_back([&, r] {
                for (int i = 0; i < References; ++i) {
                    const QJsonObject body{
                        {QStringLiteral("channel"), QStringLiteral("WX_APP")},
                        {QStringLiteral("amount"), 700 + i},
                        {QStringLiteral("currency"), QStringLiteral("CAD")},
                        {QStringLiteral("subject"), QStringLiteral("Gift card")},
                        {QStringLiteral("appId"), QStringLiteral("wx1234567890abcdef")},
                        {QStringLiteral("clientOrderRef"), QString(u"fleet-ref-" + QString::number(i))}};
                    const QByteArray request = signedPayment(QJsonDocument(body).toJson(QJsonDocument::Compact));
                    meet.arrive_and_wait();
                    replies[size_t(2 * i + r)] = rawExchange(apiPorts[r], request, 30'000);
                }
            });
        }
        for (auto &thread : pair)
            thread.join();
    }
    auto opened = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(opened);
    for (int i = 0; i < References; ++i) {
        const RawReply &x = replies[size_t(2 * i)];
        const RawReply &y = replies[size_t(2 * i + 1)];
        const QByteArray context = x.body.left(200) + " | " + y.body.left(200);
        QVERIFY2(x.connected && y.connected, context.constData());
        const int created = (x.status == 201 ? 1 : 0) + (y.status == 201 ? 1 : 0);
        const int refused = (x.status == 409 ? 1 : 0) + (y.status == 409 ? 1 : 0);
        QVERIFY2(created == 1 && refused == 1, context.constData());
        const QString a = QJsonDocument::fromJson(x.body).object().value(u"mchOrderNo").toString();
        const QString b = QJsonDocument::fromJson(y.body).object().value(u"mchOrderNo").toString();
        QVERIFY2(!a.isEmpty() && a == b, context.constData()); // the refusal names the one order
        const auto order = (*opened)->orderByClientReference(u"fleet-ref-" + QString::number(i), 0);
        QVERIFY(order);
        QCOMPARE(order->mchOrderNo, a);
    }
}

// A chain: the relay of store S2 (--store-id S2) makes online orders of S2, which S2's report
// counts; a relay without a store id makes orders of none; /health says which; a malformed
// store id stops the relay before it serves anything.
void TestRelayReconcile::onlineOrdersCarryTheRelaysStore()
{
    SimProcess sim(m_dir->path());
    QString why;
    QVERIFY2(sim.start(&why), qPrintable(why));
    const QString secretFile = writeApiSecret();
    QVERIFY(!secretFile.isEmpty());
    const QStringList api{QStringLiteral("--api"),
                          QStringLiteral("--api-port"),
                          QStringLiteral("0"),
                          QStringLiteral("--api-secret-file"),
                          secretFile,
                          QStringLiteral("--job-no"),
                          JobNo,
                          QStringLiteral("--gateway-url"),
                          sim.baseUrl()};
    const QList<QString> stores{QStringLiteral("S2"), QString()};
    QStringList numbers;
    for (const QString &store : stores) {
        const QString dir = m_dir->filePath(QStringLiteral("store-relay") + QString::number(numbers.size()));
        QVERIFY(QDir().mkpath(dir));
        m_relays.push_back(std::make_unique<RelayProcess>(dir, m_store->url()));
        RelayProcess &relay = *m_relays.back();
        QVERIFY2(relay.start(&why, store.isEmpty() ? api : api + QStringList{QStringLiteral("--store-id"), store}),
                 qPrintable(why));
        const auto line = relay.child().waitForLine("back-end endpoint on", 10'000);
        QVERIFY2(line, relay.child().readStdout().constData());
        QCOMPARE(line->contains(QStringLiteral("(orders of store S2)")), !store.isEmpty());
        const QJsonObject body{{QStringLiteral("channel"), QStringLiteral("WX_APP")},
                               {QStringLiteral("amount"), 900},
                               {QStringLiteral("currency"), QStringLiteral("CAD")},
                               {QStringLiteral("subject"), QStringLiteral("Gift card")},
                               {QStringLiteral("appId"), QStringLiteral("wx1234567890abcdef")}};
        const RawReply reply = rawExchange(announcedPort(*line),
                                           signedPayment(QJsonDocument(body).toJson(QJsonDocument::Compact)), 30'000);
        QVERIFY2(reply.status == 201, reply.body.constData());
        numbers.append(QJsonDocument::fromJson(reply.body).object().value(u"mchOrderNo").toString());
        QCOMPARE(healthOf(relay.port()).value(u"api").toObject().value(u"storeId").toString(), store);
    }
    auto opened = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(opened);
    QCOMPARE((*opened)->orderByMchOrderNo(numbers[0])->storeId, QStringLiteral("S2"));
    QCOMPARE((*opened)->orderByMchOrderNo(numbers[1])->storeId, QString());
    const ReportDay day{
        QDateTime::fromMSecsSinceEpoch((*opened)->orderByMchOrderNo(numbers[0])->createdAtMs, QTimeZone::utc()).date(),
        QTimeZone::utc(), 0};
    const auto scoped = buildDailyReport(**opened, day, {QStringLiteral("S2"), {}});
    QVERIFY(scoped);
    QCOMPARE(scoped->orderCount, 1);
    QCOMPARE(scoped->stores.size(), 1);
    QCOMPARE(scoped->stores.first().storeId, QStringLiteral("S2"));

    const QString dir = m_dir->filePath(QStringLiteral("bad-store-relay"));
    QVERIFY(QDir().mkpath(dir));
    m_relays.push_back(std::make_unique<RelayProcess>(dir, m_store->url()));
    QVERIFY(!m_relays.back()->start(&why, api + QStringList{QStringLiteral("--store-id"), QStringLiteral("S-2")}));
    QVERIFY2(why.contains(QStringLiteral("--store-id")), qPrintable(why));
}

// A chain whose stores S1 and S2 each have an open counter order and an open online order, all
// paid at the gateway, every notify lost. The relay of S1 (--store-id S1) asks the gateway about
// S1's two orders only — in a chain S2's may be under another merchant account, which would answer
// "no such order" — and confirms them; S2's are never asked about and stay open. A relay without a
// store id (a single store) then asks about every open order, and confirms S2's.
void TestRelayReconcile::relayWithStoreIdReconcilesOnlyItsStore()
{
    setUpCounter();
    QVERIFY(m_log->watchPayments());
    for (const auto &[terminal, store] : {std::pair{QStringLiteral("T1"), QStringLiteral("S1")},
                                          std::pair{QStringLiteral("T2"), QStringLiteral("S2")}}) {
        const auto registered = m_log->registerTerminal({terminal, store, QStringLiteral("install-") + terminal, 0, 0});
        QVERIFY2(registered, registered ? "" : qPrintable(describe(registered.error())));
    }
    // The counters' sales (they do not query by themselves within the test).
    Sale *counterS1 = startSale(1101, false, QStringLiteral("T1"));
    Sale *counterS2 = startSale(1102, false, QStringLiteral("T2"));
    QVERIFY(counterS1 && counterS2);
    QTRY_COMPARE(counterS1->state(), OrderState::Awaiting);
    QTRY_COMPARE(counterS2->state(), OrderState::Awaiting);
    QCOMPARE(m_log->orderById(counterS1->order().id)->storeId, QStringLiteral("S1"));
    QCOMPARE(m_log->orderById(counterS2->order().id)->storeId, QStringLiteral("S2"));
    // Online orders of each store, made at the gateway as a relay's endpoint makes them.
    auto admin = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(admin);
    auto onlineOrder = [&](const QString &store, qint64 amountMinor) -> Order {
        NewOrder order;
        order.terminalId = QStringLiteral("WEB");
        order.channel = Channel::WxNative;
        order.amount = Money{amountMinor, Currency::CAD};
        order.source = OrderSource::App;
        order.storeId = store;
        auto created = (*admin)->createOrder(order);
        if (!created || !(*admin)->transition(created->id, OrderState::Creating, {}))
            return {};
        OrderRequest request;
        request.mchOrderNo = created->mchOrderNo;
        request.channel = order.channel;
        request.amount = order.amount;
        request.subject = QStringLiteral("Gift card");
        request.body = request.subject;
        request.extra = QJsonObject{{QStringLiteral("productId"), request.mchOrderNo}};
        request.notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/iotpay"); // lost, as the counters'
        GatewayCall *call = m_client->createOrder(request);
        QSignalSpy done(call, &GatewayCall::finished);
        if (!done.wait(10'000) || !call->result())
            return {};
        TransitionDetails details;
        details.payOrderId = call->result()->payOrderId;
        details.qrPayload = call->result()->qrPayload;
        call->deleteLater();
        if (!(*admin)->transition(created->id, OrderState::Awaiting, details))
            return {};
        return (*admin)->orderById(created->id).value_or(Order{});
    };
    const Order onlineS1 = onlineOrder(QStringLiteral("S1"), 2201);
    const Order onlineS2 = onlineOrder(QStringLiteral("S2"), 2202);
    QVERIFY(onlineS1.id > 0 && onlineS2.id > 0);
    QCOMPARE(onlineS1.storeId, QStringLiteral("S1"));
    QCOMPARE(onlineS2.storeId, QStringLiteral("S2"));
    const QList<qint64> s1{counterS1->order().id, onlineS1.id};
    const QList<qint64> s2{counterS2->order().id, onlineS2.id};
    for (const qint64 id : s1 + s2)
        QVERIFY(m_sim->pay((*admin)->orderById(id)->mchOrderNo));
    for (const qint64 id : s1 + s2) {
        const QString number = (*admin)->orderById(id)->mchOrderNo;
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->order(number)->notifyAttempts >= 5, 10'000);
        QCOMPARE(m_sim->queryRequests(number), 0);
    }

    const QString secretFile = writeApiSecret();
    QVERIFY(!secretFile.isEmpty());
    const QStringList online{QStringLiteral("--api"), QStringLiteral("--api-port"), QStringLiteral("0"),
                             QStringLiteral("--api-secret-file"), secretFile};
    QString why;
    RelayProcess *storeRelay
        = startRelay(reconcileFlags() + online + QStringList{QStringLiteral("--store-id"), QStringLiteral("S1")}, &why);
    QVERIFY2(storeRelay, qPrintable(why));
    for (const qint64 id : s1)
        QTRY_COMPARE_WITH_TIMEOUT(m_log->orderById(id)->state, OrderState::Paid, 15'000);
    QTRY_VERIFY_WITH_TIMEOUT(reconcileHealth(storeRelay->port()).value(u"passes").toInteger() >= 1, 15'000);
    const QJsonObject scoped = reconcileHealth(storeRelay->port());
    QCOMPARE(scoped.value(u"storeId").toString(), QStringLiteral("S1"));
    QCOMPARE(scoped.value(u"examined").toInteger(), 2);
    QCOMPARE(scoped.value(u"changed").toInteger(), 2);
    QCOMPARE(scoped.value(u"errors").toInteger(), 0);
    QTRY_COMPARE(counterS1->state(), OrderState::Paid);
    for (const qint64 id : s1) {
        QVERIFY(paidBy(*m_log, id, QStringLiteral("reconciler")));
        QCOMPARE(m_sim->queryRequests((*admin)->orderById(id)->mchOrderNo), 1);
    }
    for (const qint64 id : s2) {
        const Order order = *m_log->orderById(id);
        QCOMPARE(order.state, OrderState::Awaiting);
        QCOMPARE(m_sim->queryRequests(order.mchOrderNo), 0);
        const auto events = m_log->events(id);
        QVERIFY(events);
        QVERIFY(std::none_of(events->cbegin(), events->cend(),
                             [](const OrderEvent &e) { return e.actor == QStringLiteral("reconciler"); }));
    }
    QCOMPARE(counterS2->state(), OrderState::Awaiting);
    QVERIFY(storeRelay->child().stopGracefully(10'000));

    // Without a store id: every store's open orders, S2's among them.
    RelayProcess *anyRelay = startRelay(reconcileFlags() + online, &why);
    QVERIFY2(anyRelay, qPrintable(why));
    for (const qint64 id : s2)
        QTRY_COMPARE_WITH_TIMEOUT(m_log->orderById(id)->state, OrderState::Paid, 15'000);
    QTRY_COMPARE(counterS2->state(), OrderState::Paid);
    QCOMPARE(reconcileHealth(anyRelay->port()).value(u"storeId").toString(), QString());
    for (const qint64 id : s2) {
        QVERIFY(paidBy(*m_log, id, QStringLiteral("reconciler")));
        QCOMPARE(m_sim->queryRequests((*admin)->orderById(id)->mchOrderNo), 1);
        QCOMPARE(paidTransitions(*m_log, id), 1);
    }
    for (const qint64 id : s1)
        QCOMPARE(paidTransitions(*m_log, id), 1);
}

QTEST_MAIN(TestRelayReconcile)
#include "test_relay_reconcile.moc"

// The GUI's start-up reconciler shares the order log with the relay's online orders: it asks
// its own gateway (IOTPay) about IOTPay orders of any source, and leaves iOnline Pay's orders
// alone rather than asking the wrong gateway and failing them. The relay resolves its own
// online orders at both gateways (OnlineReconcile), leaving counter orders and orders still
// being created alone; a relay of one store (a chain) only that store's.

#include "OnlineEnvironment.h"

#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "orders/OrderLog.h"
#include "payment/Reconciler.h"
#include "relay/OnlineReconcile.h"
#include "sim/GatewaySimulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::test;
using namespace Qt::StringLiterals;

class TestOnlineReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void otherGatewaysOrdersAreLeftAlone();
    void relayResolvesOrdersPaidWithoutNotify();
    void relayFailsOrdersTheGatewayNeverHad();
    void relayLeavesCounterAndYoungOrdersAlone();
    void relayOfAStoreLeavesOtherStoresOrdersAlone();

private:
    // An online order put straight into the log, left UNKNOWN as an ambiguous create leaves it.
    static Order unknownOrder(OrderLog &log, const QString &gateway, OrderSource source, const QString &storeId = {});
    static ReconcileReport runPass(RelayService &relay);
};

Order TestOnlineReconcile::unknownOrder(OrderLog &log, const QString &gateway, OrderSource source,
                                        const QString &storeId)
{
    NewOrder newOrder;
    newOrder.storeId = storeId;
    newOrder.terminalId = source == OrderSource::Counter ? u"POS01"_s : u"WEB"_s;
    newOrder.channel = source == OrderSource::Counter ? Channel::WxNative : Channel::WxJsapi;
    newOrder.amount = Money{1234, Currency::CAD};
    newOrder.source = source;
    newOrder.gateway = gateway;
    auto created = log.createOrder(newOrder);
    if (!created)
        return {};
    if (!log.transition(created->id, OrderState::Creating, {}) || !log.transition(created->id, OrderState::Unknown, {}))
        return {};
    return *log.orderById(created->id);
}

ReconcileReport TestOnlineReconcile::runPass(RelayService &relay)
{
    OnlineReconcile *reconcile = relay.onlineReconcile();
    if (!reconcile)
        return {};
    // The pass run at start may still be going: wait for it, then run one of our own.
    if (reconcile->isRunning()) {
        QSignalSpy first(reconcile, &OnlineReconcile::passFinished);
        first.wait(15'000);
    }
    QSignalSpy finished(reconcile, &OnlineReconcile::passFinished);
    reconcile->runPass();
    if (!finished.wait(15'000))
        return {};
    return finished.first().first().value<ReconcileReport>();
}

// The customer paid, but the notify never came through (here: a forged one, rejected): the
// relay's pass asks the gateway and records the payment, at iOnline Pay and at IOTPay.
void TestOnlineReconcile::relayResolvesOrdersPaidWithoutNotify()
{
    OnlineEnvironment env;
    QVERIFY(env.start([](RelayOptions &options) {
        options.reconcileIntervalMs = 3'600'000; // passes only when the test asks
        options.reconcileMinimumAgeMs = 0;
    }));
    QVERIFY(env.m_relay->onlineReconcile());

    // iOnline: the create's reply does not verify, so the order is UNKNOWN though it exists.
    env.m_ionline->setFaults({true, false, 0});
    QJsonObject body = miniProgramBody(4321);
    body.insert(u"gateway"_s, u"ionline"_s);
    const RawReply ambiguous = env.postPayment(body);
    QCOMPARE(ambiguous.status, 504);
    const QString ionlineNumber = jsonOf(ambiguous).value(u"mchOrderNo").toString();
    QCOMPARE(env.stateOf(ionlineNumber), OrderState::Unknown);
    // The customer pays; every notify carries a bad signature and is rejected.
    env.m_ionline->setFaults({false, true, 0});
    QVERIFY(env.m_ionline->pay(ionlineNumber));
    QTRY_VERIFY_WITH_TIMEOUT(env.count(u"SELECT COUNT(*) FROM notifications WHERE verdict = 'rejected'"_s) >= 1,
                             10'000);
    QCOMPARE(env.stateOf(ionlineNumber), OrderState::Unknown);

    // IOTPay: an app order created fine, paid, its notify delayed past the test.
    const RawReply created = env.postPayment(appBody(990));
    QCOMPARE(created.status, 201);
    const QString iotpayNumber = jsonOf(created).value(u"mchOrderNo").toString();
    SimFaults late;
    late.lateNotifyMs = 600'000;
    env.m_iotpay->setFaults(late);
    QVERIFY(env.m_iotpay->pay(iotpayNumber));
    QCOMPARE(env.stateOf(iotpayNumber), OrderState::Awaiting);

    const ReconcileReport report = runPass(*env.m_relay);
    QCOMPARE(report.errors, 0);
    QCOMPARE(report.examined, 2);
    QCOMPARE(report.changed, 2);
    QCOMPARE(env.stateOf(ionlineNumber), OrderState::Paid);
    QCOMPARE(env.stateOf(iotpayNumber), OrderState::Paid);
    for (const QString &number : {ionlineNumber, iotpayNumber}) {
        const auto order = env.m_log->orderByMchOrderNo(number);
        QVERIFY(order);
        QCOMPARE(env.paidTransitions(order->id), 1);
        QVERIFY(order->paidAtMs > 0);
    }
    QCOMPARE(env.m_log->orderByMchOrderNo(ionlineNumber)->amount, (Money{4321, Currency::CAD}));

    // A second pass finds nothing left to do, and the health page counts both passes' work.
    const ReconcileReport again = runPass(*env.m_relay);
    QCOMPARE(again.examined, 0);
    const QJsonObject health
        = QJsonDocument::fromJson(rawExchange(env.m_notifyPort, httpRequest("GET", "/health")).body).object();
    const QJsonObject totals = health.value(u"reconcile"_s).toObject();
    QVERIFY(totals.value(u"passes"_s).toInteger() >= 2);
    QCOMPARE(totals.value(u"changed"_s).toInteger(), 2);
    QVERIFY(totals.value(u"lastPassUtcMs"_s).toInteger() > 0);
    env.m_iotpay->clearFaults();
    env.stop();
}

// Neither gateway ever had these (the create never reached it): FAILED, each asked at its own
// gateway — iOnline answers ORDERNOTEXIST, IOTPay 0112.
void TestOnlineReconcile::relayFailsOrdersTheGatewayNeverHad()
{
    OnlineEnvironment env;
    QVERIFY(env.start([](RelayOptions &options) {
        options.reconcileIntervalMs = 3'600'000;
        options.reconcileMinimumAgeMs = 0;
    }));
    const Order atIOnline = unknownOrder(*env.m_log, u"ionline"_s, OrderSource::App);
    const Order atIotPay = unknownOrder(*env.m_log, u"iotpay"_s, OrderSource::MiniProgram);
    QVERIFY(atIOnline.id > 0 && atIotPay.id > 0);
    const ReconcileReport report = runPass(*env.m_relay);
    QCOMPARE(report.errors, 0);
    QCOMPARE(report.examined, 2);
    QCOMPARE(env.m_log->orderById(atIOnline.id)->state, OrderState::Failed);
    QCOMPARE(env.m_log->orderById(atIotPay.id)->state, OrderState::Failed);
    env.stop();
}

void TestOnlineReconcile::relayLeavesCounterAndYoungOrdersAlone()
{
    OnlineEnvironment env;
    QVERIFY(env.start([](RelayOptions &options) {
        options.reconcileIntervalMs = 3'600'000;
        options.reconcileMinimumAgeMs = 60'000; // the default: above the endpoint's gateway wait
    }));
    // A counter order the terminal's sale may still be handling, and an online order created
    // a moment ago whose create may still be on its way.
    const Order counter = unknownOrder(*env.m_log, u"iotpay"_s, OrderSource::Counter);
    const Order young = unknownOrder(*env.m_log, u"ionline"_s, OrderSource::MiniProgram);
    QVERIFY(counter.id > 0 && young.id > 0);
    const ReconcileReport report = runPass(*env.m_relay);
    QCOMPARE(report.examined, 0);
    QCOMPARE(env.m_log->orderById(counter.id)->state, OrderState::Unknown);
    QCOMPARE(env.m_log->orderById(young.id)->state, OrderState::Unknown);

    // With reconciliation turned off there is no pass at all.
    OnlineEnvironment off;
    QVERIFY(off.start([](RelayOptions &options) { options.reconcileIntervalMs = 0; }));
    QVERIFY(!off.m_relay->onlineReconcile());
    const QJsonObject offHealth
        = QJsonDocument::fromJson(rawExchange(off.m_notifyPort, httpRequest("GET", "/health")).body)
              .object()
              .value(u"reconcile"_s)
              .toObject();
    QCOMPARE(offHealth.value(u"enabled"_s).toBool(true), false);
    QVERIFY(offHealth.value(u"reason"_s).toString().contains(u"reconcileSeconds 0"_s));
    off.stop();

    // With the IOTPay client for counter orders (paydesk-relay with merchant/jobNo) and no grace,
    // a relay over a single counter's SQLite file still leaves them to the terminal.
    OnlineEnvironment single;
    QVERIFY(single.start([](RelayOptions &options) {
        options.iotpay = options.api.iotpay;
        options.reconcileIntervalMs = 3'600'000;
        options.reconcileMinimumAgeMs = 0;
    }));
    const Order singleCounter = unknownOrder(*single.m_log, u"iotpay"_s, OrderSource::Counter);
    QVERIFY(singleCounter.id > 0);
    QCOMPARE(runPass(*single.m_relay).examined, 0);
    QCOMPARE(single.m_log->orderById(singleCounter.id)->state, OrderState::Unknown);
    single.stop();
    env.stop();
}

void TestOnlineReconcile::otherGatewaysOrdersAreLeftAlone()
{
    QTemporaryDir dir;
    SystemClock clock;
    QNetworkAccessManager network;
    SimOptions options;
    options.key = MerchantKey(QByteArrayLiteral("TESTKEY0123456789"));
    GatewaySimulator sim(options, clock, &network);
    QVERIFY(sim.start());
    IotPayConfig config;
    config.baseUrl = sim.baseUrl();
    config.merchant = {options.mchId, u"cashier01"_s};
    config.key = options.key;
    IotPayClient client(&network, config);
    auto log = OrderLog::open(dir.filePath(u"orders.sqlite"_s), clock);
    QVERIFY(log);

    // Two online orders left UNKNOWN by an ambiguous create; neither exists at the IOTPay simulator.
    QList<Order> orders;
    for (const QString &gateway : {u"iotpay"_s, u"ionline"_s}) {
        NewOrder newOrder;
        newOrder.terminalId = u"WEB"_s;
        newOrder.channel = Channel::WxJsapi;
        newOrder.amount = Money{2865, Currency::CAD};
        newOrder.source = OrderSource::MiniProgram;
        newOrder.gateway = gateway;
        auto created = (*log)->createOrder(newOrder);
        QVERIFY(created);
        QVERIFY((*log)->transition(created->id, OrderState::Creating, {}));
        QVERIFY((*log)->transition(created->id, OrderState::Unknown, {}));
        orders.append(*created);
    }

    Reconciler reconciler(**log, client, clock);
    reconciler.setOnlineMinimumAgeMs(0); // made a moment ago; nothing is creating them any more
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    reconciler.run();
    QVERIFY(finished.wait(10'000));
    const auto report = finished.first().first().value<ReconcileReport>();
    QCOMPARE(report.examined, 1);
    // IOTPay says it never had the order: FAILED. The iOnline order was not IOTPay's to judge.
    QCOMPARE((*log)->orderById(orders[0].id)->state, OrderState::Failed);
    QCOMPARE((*log)->orderById(orders[1].id)->state, OrderState::Unknown);

    // By default an online order younger than a minute is the relay endpoint's, perhaps still
    // being created: the terminal leaves it alone.
    NewOrder young;
    young.terminalId = u"WEB"_s;
    young.channel = Channel::WxApp;
    young.amount = Money{700, Currency::CAD};
    young.source = OrderSource::App;
    young.gateway = u"iotpay"_s;
    auto youngOrder = (*log)->createOrder(young);
    QVERIFY(youngOrder);
    QVERIFY((*log)->transition(youngOrder->id, OrderState::Creating, {}));
    Reconciler cautious(**log, client, clock);
    QSignalSpy cautiousFinished(&cautious, &Reconciler::finished);
    cautious.run();
    QVERIFY(cautiousFinished.wait(10'000));
    QCOMPARE(cautiousFinished.first().first().value<ReconcileReport>().examined, 0);
    QCOMPARE((*log)->orderById(youngOrder->id)->state, OrderState::Creating);
}

// A chain's relay reconciles its own store's orders only: the endpoint's store (api.storeId), or
// RelayOptions::storeId (paydesk-relay's store/storeId, --store-id), which wins. Another store's
// order, and one of no store, are not asked about and stay as they are.
void TestOnlineReconcile::relayOfAStoreLeavesOtherStoresOrdersAlone()
{
    const QList<std::pair<QString, QString>> setups{{u"S1"_s, QString()}, {u"S2"_s, u"S1"_s}};
    for (const auto &[relayStore, apiStore] : setups) {
        OnlineEnvironment env;
        QVERIFY(env.start([relayStore = relayStore, apiStore = apiStore](RelayOptions &options) {
            options.reconcileIntervalMs = 3'600'000;
            options.reconcileMinimumAgeMs = 0;
            options.storeId = apiStore.isEmpty() ? QString() : relayStore;
            options.api.storeId = apiStore.isEmpty() ? relayStore : apiStore;
        }));
        QMap<QString, Order> orders;
        for (const QString &store : {u"S1"_s, u"S2"_s, QString()}) {
            orders.insert(store, unknownOrder(*env.m_log, u"iotpay"_s, OrderSource::App, store));
            QVERIFY(orders.value(store).id > 0);
            QCOMPARE(orders.value(store).storeId, store);
        }
        const ReconcileReport report = runPass(*env.m_relay);
        QCOMPARE(report.errors, 0);
        QCOMPARE(report.examined, 1);
        for (const QString &store : orders.keys()) {
            const OrderState expected = store == relayStore ? OrderState::Failed : OrderState::Unknown;
            QCOMPARE(env.m_log->orderById(orders.value(store).id)->state, expected);
            QCOMPARE(env.m_iotpay->queryRequests(orders.value(store).mchOrderNo), store == relayStore ? 1 : 0);
        }
        const QJsonObject health
            = QJsonDocument::fromJson(rawExchange(env.m_notifyPort, httpRequest("GET", "/health")).body).object();
        QCOMPARE(health.value(u"reconcile"_s).toObject().value(u"storeId"_s).toString(), relayStore);
        env.stop();
    }
}

QTEST_GUILESS_MAIN(TestOnlineReconcile)
#include "test_online_reconcile.moc"

// The sale state machine against the simulator and the relay on loopback, with a real order log:
// design.md "A sale, step by step" and reliability.md items 4, 9, 10, 11, 13, 14, 15.

#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "payment/Sale.h"
#include "relay/RelayService.h"
#include "sim/GatewaySimulator.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;

namespace {

const QByteArray Key = "TESTKEY0123456789";
const QString MchId = QStringLiteral("10000701");

// Real monotonic time, wall time that a test can move (reliability.md item 15).
class ShiftableClock final : public Clock
{
public:
    ShiftableClock() { m_timer.start(); }
    qint64 nowUtcMs() const override { return m_system.nowUtcMs() + m_offsetMs; }
    qint64 monotonicMs() const override { return m_timer.elapsed(); }
    void shiftWallMs(qint64 ms) { m_offsetMs += ms; }

private:
    SystemClock m_system;
    QElapsedTimer m_timer;
    std::atomic<qint64> m_offsetMs{0};
};

bool hasEvent(OrderLog &log, qint64 orderId, OrderState to, const QString &actor)
{
    auto events = log.events(orderId);
    if (!events)
        return false;
    return std::any_of(events->begin(), events->end(),
                       [&](const OrderEvent &e) { return e.toState == to && (actor.isEmpty() || e.actor == actor); });
}

} // namespace

class TestSale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void happyPath_data();
    void happyPath();
    void completesByQueryWhenRelayIsDown();
    void ambiguousCreateResolvedToOneOrder_data();
    void ambiguousCreateResolvedToOneOrder();
    void unknownWithoutPayloadStaysUnknownUntilCancelled();
    void droppedRequestIsKnownAbsent();
    void signatureErrorFailsWithoutRetry();
    void cancelThenLatePayment();
    void cancelFindsJustPaid();
    void expiryQueriesOnceMore();
    void tenChargesMakeOneOrder();
    void signedInCashierIsOnTheOrder();
    void wallClockJumpsDoNotMatter_data();
    void wallClockJumpsDoNotMatter();
    void paidStaysPaid();
    void refusesBadInputBeforePersisting();

private:
    void startServices(const SimOptions &simOptions = {}, bool relayUp = true);
    SaleConfig saleConfig() const;
    Sale *startSale(Channel channel, qint64 amountMinor = 2865, Currency currency = Currency::CAD);

    std::unique_ptr<QTemporaryDir> m_dir;
    ShiftableClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_sim;
    std::unique_ptr<RelayService> m_relay;
    std::unique_ptr<OrderLog> m_log;
    std::unique_ptr<IotPayClient> m_client;
    QString m_notifyUrl;
    int m_deadlineMs = 2000;
    MerchantKey m_clientKey{Key};
};

void TestSale::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_deadlineMs = 2000;
    m_clientKey = MerchantKey(Key);
}

void TestSale::cleanup()
{
    m_client.reset();
    m_relay.reset();
    m_sim.reset();
    m_log.reset();
    m_network.reset();
    m_dir.reset();
}

void TestSale::startServices(const SimOptions &simOptionsIn, bool relayUp)
{
    const QString path = m_dir->filePath(QStringLiteral("orders.sqlite"));
    auto log = OrderLog::open(path, m_clock);
    QVERIFY(log);
    m_log = std::move(*log);

    SimOptions simOptions = simOptionsIn;
    simOptions.mchId = MchId;
    simOptions.key = MerchantKey(Key);
    simOptions.notifyScheduleScale = 0.001;
    m_sim = std::make_unique<GatewaySimulator>(simOptions, m_clock, m_network.get());
    QVERIFY(m_sim->start());

    if (relayUp) {
        RelayOptions relayOptions;
        relayOptions.orderLogPath = path;
        relayOptions.notify.mchId = MchId;
        relayOptions.notify.key = MerchantKey(Key);
        m_relay = std::make_unique<RelayService>(relayOptions, m_clock);
        auto port = m_relay->start();
        QVERIFY(port);
        m_notifyUrl = u"http://127.0.0.1:" + QString::number(*port) + u"/notify/iotpay";
    } else {
        m_notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/iotpay"); // nobody listens
    }

    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {MchId, QStringLiteral("cashier01")};
    config.key = m_clientKey;
    config.deadlineMs = m_deadlineMs;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
}

SaleConfig TestSale::saleConfig() const
{
    SaleConfig config;
    config.terminalId = QStringLiteral("T7");
    config.notifyUrl = m_notifyUrl;
    config.validityMs = 8000;
    config.graceMs = 300;
    config.queryIntervalMs = 400;
    config.unknownRetryMs = 200;
    return config;
}

Sale *TestSale::startSale(Channel channel, qint64 amountMinor, Currency currency)
{
    auto *sale = new Sale(*m_log, *m_client, m_clock, saleConfig(), this);
    auto started = sale->start(Money{amountMinor, currency}, channel);
    if (!started) {
        qWarning() << describe(started.error());
        delete sale;
        return nullptr;
    }
    return sale;
}

void TestSale::happyPath_data()
{
    QTest::addColumn<Channel>("channel");
    QTest::addColumn<QString>("payloadPrefix");
    QTest::newRow("WeChat") << Channel::WxNative << QStringLiteral("weixin://wxpay/bizpayurl?pr=");
    QTest::newRow("Alipay") << Channel::AlipayQr << QStringLiteral("https://qr.alipay.com/");
    QTest::newRow("UnionPay") << Channel::UpiQr << QStringLiteral("https://qr.95516.com/");
}

void TestSale::happyPath()
{
    QFETCH(Channel, channel);
    QFETCH(QString, payloadPrefix);
    startServices();
    Sale *sale = startSale(channel);
    QVERIFY(sale);
    QSignalSpy qr(sale, &Sale::qrReady);
    QSignalSpy finished(sale, &Sale::finished);
    QCOMPARE(sale->state(), OrderState::Creating);
    QTRY_COMPARE(qr.count(), 1);
    QVERIFY(qr.first().first().toString().startsWith(payloadPrefix));
    QCOMPARE(sale->state(), OrderState::Awaiting);
    QCOMPARE(sale->order().gateway, m_client->name()); // the order names the gateway it was made at
    QVERIFY(!sale->order().payOrderId.isEmpty());

    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_COMPARE(sale->state(), OrderState::Paid);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!sale->order().late);
    QVERIFY(hasEvent(*m_log, sale->order().id, OrderState::Paid, QStringLiteral("relay")));
    QCOMPARE(m_sim->orders().size(), 1);
    QTRY_VERIFY(m_sim->order(sale->order().mchOrderNo)->notifyAcknowledged);
}

void TestSale::completesByQueryWhenRelayIsDown()
{
    startServices({}, false);
    Sale *sale = startSale(Channel::WxNative);
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 5000);
    QVERIFY(hasEvent(*m_log, sale->order().id, OrderState::Paid, QStringLiteral("query")));
}

void TestSale::ambiguousCreateResolvedToOneOrder_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("reply after the deadline") << QStringLiteral("latency");
    QTest::newRow("reset after create") << QStringLiteral("reset");
    QTest::newRow("502 after create") << QStringLiteral("5xx");
    QTest::newRow("trickling reply") << QStringLiteral("trickle");
    QTest::newRow("badly signed reply") << QStringLiteral("badsign");
}

void TestSale::ambiguousCreateResolvedToOneOrder()
{
    QFETCH(QString, fault);
    m_deadlineMs = 600;
    startServices();
    SimFaults faults;
    faults.calls = 1;
    if (fault == u"latency")
        faults.latencyMs = 1500;
    else if (fault == u"reset")
        faults.resetAfterCreate = true;
    else if (fault == u"5xx")
        faults.serverErrorStatus = 502;
    else if (fault == u"trickle") {
        faults.trickleChunkBytes = 1;
        faults.trickleIntervalMs = 100;
    } else
        faults.badSignature = true;
    m_sim->setFaults(faults);

    Sale *sale = startSale(Channel::AlipayQr);
    QVERIFY(sale);
    QSignalSpy qr(sale, &Sale::qrReady);
    QTRY_VERIFY(hasEvent(*m_log, sale->order().id, OrderState::Unknown, {}));
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Awaiting, 5000);
    QCOMPARE(qr.count(), 1);
    QVERIFY(sale->order().qrPayload.startsWith(u"https://qr.alipay.com/"));
    const QList<SimOrder> orders = m_sim->orders();
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().createRequests, 1);
    QCOMPARE(orders.first().mchOrderNo, sale->order().mchOrderNo);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_COMPARE(sale->state(), OrderState::Paid);
}

void TestSale::unknownWithoutPayloadStaysUnknownUntilCancelled()
{
    m_deadlineMs = 500;
    SimOptions options;
    options.queryCarriesQr = false;
    startServices(options);
    SimFaults faults;
    faults.resetAfterCreate = true;
    faults.calls = 1;
    m_sim->setFaults(faults);
    Sale *sale = startSale(Channel::WxNative);
    QVERIFY(sale);
    QSignalSpy qr(sale, &Sale::qrReady);
    QTRY_COMPARE(sale->state(), OrderState::Unknown);
    QTest::qWait(800); // several resolving queries: the order exists but cannot be shown
    QCOMPARE(sale->state(), OrderState::Unknown);
    QCOMPARE(qr.count(), 0);
    sale->requestCancel();
    QTRY_COMPARE(sale->state(), OrderState::Cancelled);
    QCOMPARE(m_sim->orders().size(), 1);
    QCOMPARE(m_sim->orders().first().createRequests, 1);
}

void TestSale::droppedRequestIsKnownAbsent()
{
    m_deadlineMs = 800;
    startServices();
    SimFaults faults;
    faults.dropReply = true; // closed before the gateway made anything
    faults.calls = 1;
    m_sim->setFaults(faults);
    Sale *sale = startSale(Channel::UpiQr);
    QVERIFY(sale);
    QSignalSpy errors(sale, &Sale::errorOccurred);
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Failed, 5000);
    QVERIFY(hasEvent(*m_log, sale->order().id, OrderState::Unknown, {}));
    QCOMPARE(m_sim->orders().size(), 0);
    QVERIFY(errors.count() >= 1);
    QCOMPARE(sale->lastError().code, ErrorCode::NoSuchOrder);
    QCOMPARE(sale->lastError().gatewayCode, QStringLiteral("0112"));
}

void TestSale::signatureErrorFailsWithoutRetry()
{
    m_clientKey = MerchantKey(QByteArray("WRONGKEY"));
    startServices();
    Sale *sale = startSale(Channel::WxNative);
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Failed);
    QCOMPARE(sale->lastError().code, ErrorCode::SignatureRejected);
    QCOMPARE(sale->lastError().gatewayCode, QStringLiteral("0013"));
    QVERIFY(!sale->lastError().isAmbiguous());
    QCOMPARE(m_sim->orders().size(), 0);
}

void TestSale::cancelThenLatePayment()
{
    startServices();
    Sale *sale = startSale(Channel::WxNative);
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    sale->requestCancel();
    QTRY_COMPARE(sale->state(), OrderState::Cancelled);
    // The customer pays anyway: the gateway notifies, the relay records a late payment.
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_VERIFY(m_log->orderByMchOrderNo(sale->order().mchOrderNo)->state == OrderState::Paid);
    const Order after = *m_log->orderByMchOrderNo(sale->order().mchOrderNo);
    QVERIFY(after.late);
}

void TestSale::cancelFindsJustPaid()
{
    startServices({}, false); // no notify will arrive: only the final query can tell
    Sale *sale = startSale(Channel::AlipayQr);
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    sale->requestCancel();
    QTRY_COMPARE(sale->state(), OrderState::Paid);
    QVERIFY(!sale->order().late);
}

void TestSale::expiryQueriesOnceMore()
{
    startServices({}, false);
    auto config = saleConfig();
    config.validityMs = 1200;
    config.graceMs = 60'000; // no polling: the only query is the one before expiring
    auto *sale = new Sale(*m_log, *m_client, m_clock, config, this);
    QVERIFY(sale->start(Money{100, Currency::CAD}, Channel::WxNative));
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Expired, 5000);
    auto events = m_log->events(sale->order().id);
    QVERIFY(events);
    QVERIFY(hasEvent(*m_log, sale->order().id, OrderState::Expired, QStringLiteral("sale")));

    // And when the customer paid in the last second, the final query finds it.
    auto *second = new Sale(*m_log, *m_client, m_clock, config, this);
    QVERIFY(second->start(Money{100, Currency::CAD}, Channel::WxNative));
    QTRY_COMPARE(second->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(second->order().mchOrderNo));
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), OrderState::Paid, 5000);
    QVERIFY(!second->order().late);
}

void TestSale::tenChargesMakeOneOrder()
{
    startServices();
    Checkout checkout(*m_log, *m_client, m_clock, saleConfig());
    int started = 0;
    int refused = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 10; ++i) {
        auto sale = checkout.charge(Money{2865, Currency::CAD}, Channel::WxNative);
        if (sale)
            ++started;
        else if (sale.error().code == ErrorCode::Duplicate)
            ++refused;
        QTest::qWait(15);
    }
    QVERIFY(timer.elapsed() < 400);
    QCOMPARE(started, 1);
    QCOMPARE(refused, 9);
    Sale *current = checkout.current();
    QVERIFY(current);
    QTRY_COMPARE(current->state(), OrderState::Awaiting);
    QCOMPARE(m_sim->orders().size(), 1);
    auto orders = m_log->ordersBetween(0, m_clock.nowUtcMs() + 1000);
    QVERIFY(orders);
    QCOMPARE(orders->size(), 1);
}

void TestSale::signedInCashierIsOnTheOrder()
{
    startServices();
    SaleConfig config = saleConfig();
    config.cashier = QStringLiteral("front desk");
    Checkout checkout(*m_log, *m_client, m_clock, config);
    QCOMPARE(checkout.cashier(), QStringLiteral("front desk")); // nobody signed in: the configured name
    auto first = checkout.charge(Money{500, Currency::CAD}, Channel::WxNative);
    QVERIFY(first);
    QCOMPARE((*first)->order().cashier, QStringLiteral("front desk"));
    QTRY_COMPARE((*first)->state(), OrderState::Awaiting);
    (*first)->requestCancel();
    QTRY_VERIFY_WITH_TIMEOUT(!checkout.hasOpenSale(), 10'000);
    checkout.setCashier(QStringLiteral("li"));
    auto second = checkout.charge(Money{700, Currency::CAD}, Channel::WxNative);
    QVERIFY(second);
    QCOMPARE((*second)->order().cashier, QStringLiteral("li"));
    QCOMPARE(m_log->orderById((*second)->order().id)->cashier, QStringLiteral("li"));
    // New settings (followSettings) keep the signed-in cashier.
    checkout.setConfig(saleConfig());
    QCOMPARE(checkout.cashier(), QStringLiteral("li"));
}

void TestSale::wallClockJumpsDoNotMatter_data()
{
    QTest::addColumn<qint64>("shiftMs");
    QTest::newRow("+10 min") << qint64(10 * 60 * 1000);
    QTest::newRow("-10 min") << qint64(-10 * 60 * 1000);
    QTest::newRow("+1 day") << qint64(24 * 60 * 60 * 1000);
}

void TestSale::wallClockJumpsDoNotMatter()
{
    QFETCH(qint64, shiftMs);
    startServices();
    auto config = saleConfig();
    config.validityMs = 2500;
    auto *sale = new Sale(*m_log, *m_client, m_clock, config, this);
    QVERIFY(sale->start(Money{100, Currency::CAD}, Channel::WxNative));
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QElapsedTimer timer;
    timer.start();
    m_clock.shiftWallMs(shiftMs);
    QTest::qWait(300);
    QCOMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(sale->remainingMs() > 1000 && sale->remainingMs() <= 2500);
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Expired, 6000);
    QVERIFY(timer.elapsed() >= 1500);
    m_clock.shiftWallMs(-shiftMs);
}

void TestSale::paidStaysPaid()
{
    startServices();
    Sale *sale = startSale(Channel::WxNative);
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_COMPARE(sale->state(), OrderState::Paid);
    const qint64 id = sale->order().id;
    for (OrderState stale :
         {OrderState::Awaiting, OrderState::Expired, OrderState::Cancelled, OrderState::Failed, OrderState::Unknown}) {
        auto moved = m_log->transition(id, stale, {});
        QVERIFY(!moved);
        QCOMPARE(moved.error().code, ErrorCode::TransitionRejected);
    }
    sale->requestCancel(); // a late cancel does nothing
    QTest::qWait(200);
    QCOMPARE(m_log->orderById(id)->state, OrderState::Paid);
}

void TestSale::refusesBadInputBeforePersisting()
{
    startServices();
    auto *sale = new Sale(*m_log, *m_client, m_clock, saleConfig(), this);
    QCOMPARE(sale->start(Money{0, Currency::CAD}, Channel::WxNative).error().code, ErrorCode::AmountZero);
    QCOMPARE(sale->start(Money{100, Currency::CNY}, Channel::AlipayQr).error().code, ErrorCode::CurrencyUnsupported);
    QCOMPARE(sale->start(Money{100, Currency::CAD}, Channel::WxJsapi).error().code, ErrorCode::InvalidArgument);
    auto orders = m_log->ordersBetween(0, m_clock.nowUtcMs() + 1000);
    QVERIFY(orders);
    QCOMPARE(orders->size(), 0);
    QVERIFY(sale->start(Money{100, Currency::CNY}, Channel::WxNative));
    QCOMPARE(sale->start(Money{100, Currency::CAD}, Channel::WxNative).error().code, ErrorCode::Duplicate);
}

QTEST_GUILESS_MAIN(TestSale)
#include "test_sale.moc"

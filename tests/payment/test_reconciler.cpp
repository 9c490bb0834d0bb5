// The reconciler (design.md: "On start-up the reconciler resolves every non-final order of the
// last 24 h by query"; reliability.md item 12): every open state left by a crash is resolved.

#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "orders/OrderLog.h"
#include "payment/PaymentLifecycle.h"
#include "payment/Reconciler.h"
#include "sim/GatewaySimulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;

namespace {
const QByteArray Key = "TESTKEY0123456789";
const QString MchId = QStringLiteral("10000701");
} // namespace

class TestReconciler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void resolvesEveryOpenState();
    void gatewayDownLeavesOrdersOpenAndSaysSo();
    void skipsLiveSalesAndOldOrders();
    void awaitingOrderUnknownToTheGatewayIsNotFailed();
    void latePaymentKeepsTheStoredIdAndTheLocalTime();
    void paymentFoundAfterARestartIsPaidAtTheLocalTime();
    void orderSettledAfterTheListingIsNotAskedAgain();
    void youngCounterOrdersWaitForTheGrace();
    void storeIdLimitsTheOrdersAskedAbout();

private:
    Order createdAtGateway(OrderState leaveIn, qint64 expiresInMs, const QString &storeId = {});
    ReconcileReport run(IotPayClient &client, const QSet<qint64> &skip = {});

    QTemporaryDir m_dir;
    ManualClock m_clock{1'800'000'000'000};
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_sim;
    std::unique_ptr<IotPayClient> m_client;
    std::unique_ptr<OrderLog> m_log;
};

void TestReconciler::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    SimOptions options;
    options.mchId = MchId;
    options.key = MerchantKey(Key);
    options.validityMs = 10 * 60 * 1000;
    m_sim = std::make_unique<GatewaySimulator>(options, m_clock, m_network.get());
    QVERIFY(m_sim->start());
    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {MchId, QStringLiteral("cashier01")};
    config.key = MerchantKey(Key);
    config.deadlineMs = 2000;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
    auto log = OrderLog::open(
        m_dir.filePath(QStringLiteral("orders-%1.sqlite").arg(QLatin1StringView(QTest::currentTestFunction()))),
        m_clock);
    QVERIFY(log);
    m_log = std::move(*log);
}

void TestReconciler::cleanup()
{
    m_log.reset();
    m_client.reset();
    m_sim.reset();
    m_network.reset();
}

// An order as a crashed GUI leaves it: created at the gateway (or not), persisted in `leaveIn`.
Order TestReconciler::createdAtGateway(OrderState leaveIn, qint64 expiresInMs, const QString &storeId)
{
    NewOrder newOrder;
    newOrder.storeId = storeId;
    newOrder.terminalId = QStringLiteral("T1");
    newOrder.channel = Channel::AlipayQr;
    newOrder.amount = Money{1234, Currency::CAD};
    newOrder.expiresAtMs = m_clock.nowUtcMs() + expiresInMs;
    Order order = *m_log->createOrder(newOrder);
    if (leaveIn == OrderState::New)
        return order;
    (void)m_log->transition(order.id, OrderState::Creating, {});
    OrderRequest request;
    request.mchOrderNo = order.mchOrderNo;
    request.channel = Channel::AlipayQr;
    request.amount = newOrder.amount;
    request.subject = QStringLiteral("Sale");
    request.body = QStringLiteral("Sale");
    request.notifyUrl = QStringLiteral("http://127.0.0.1:9/notify");
    GatewayCall *call = m_client->createOrder(request);
    QSignalSpy finished(call, &GatewayCall::finished);
    finished.wait(3000);
    if (leaveIn == OrderState::Awaiting) {
        TransitionDetails details;
        details.qrPayload = call->result()->qrPayload;
        (void)m_log->transition(order.id, OrderState::Awaiting, details);
    } else if (leaveIn == OrderState::Unknown) {
        (void)m_log->transition(order.id, OrderState::Unknown, {});
    }
    return *m_log->orderById(order.id);
}

ReconcileReport TestReconciler::run(IotPayClient &client, const QSet<qint64> &skip)
{
    Reconciler reconciler(*m_log, client, m_clock);
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    reconciler.run(24LL * 60 * 60 * 1000, skip);
    finished.wait(20000);
    return finished.isEmpty() ? ReconcileReport{} : finished.first().first().value<ReconcileReport>();
}

void TestReconciler::resolvesEveryOpenState()
{
    const Order neverSent = createdAtGateway(OrderState::New, 60'000);
    const Order creatingPaid = createdAtGateway(OrderState::Creating, 60'000);
    const Order unknownPaid = createdAtGateway(OrderState::Unknown, 60'000);
    const Order awaitingStillValid = createdAtGateway(OrderState::Awaiting, 9 * 60'000);
    const Order awaitingExpired = createdAtGateway(OrderState::Awaiting, 60'000);
    QVERIFY(m_sim->pay(creatingPaid.mchOrderNo));
    QVERIFY(m_sim->pay(unknownPaid.mchOrderNo));
    // A CREATING order the gateway never got (killed before the request left).
    Order creatingAbsent = *m_log->createOrder({QStringLiteral("T1"),
                                                {},
                                                Channel::UpiQr,
                                                Money{500, Currency::CAD},
                                                OrderSource::Counter,
                                                QStringLiteral("iotpay"),
                                                {},
                                                m_clock.nowUtcMs() + 60'000,
                                                {},
                                                0,
                                                {}});
    (void)m_log->transition(creatingAbsent.id, OrderState::Creating, {});
    m_clock.advanceMs(2 * 60'000); // past the short validity, inside the long one

    const ReconcileReport report = run(*m_client);
    QCOMPARE(report.examined, 6);
    QCOMPARE(report.errors, 0);
    QCOMPARE(m_log->orderById(neverSent.id)->state, OrderState::Failed);
    QCOMPARE(m_log->orderById(creatingPaid.id)->state, OrderState::Paid);
    QCOMPARE(m_log->orderById(unknownPaid.id)->state, OrderState::Paid);
    QCOMPARE(m_log->orderById(awaitingStillValid.id)->state, OrderState::Awaiting);
    QCOMPARE(m_log->orderById(awaitingExpired.id)->state, OrderState::Expired);
    QCOMPARE(m_log->orderById(creatingAbsent.id)->state, OrderState::Failed);
    QCOMPARE(report.stillOpen, 1);
    QCOMPARE(report.changed, 5);
    QVERIFY(!m_log->orderById(creatingPaid.id)->late);
}

void TestReconciler::gatewayDownLeavesOrdersOpenAndSaysSo()
{
    const Order awaiting = createdAtGateway(OrderState::Awaiting, 60'000);
    IotPayConfig config = m_client->config();
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1/")); // nobody listens
    IotPayClient unreachable(m_network.get(), config);
    const ReconcileReport report = run(unreachable);
    QCOMPARE(report.examined, 1);
    QCOMPARE(report.errors, 1);
    QVERIFY(report.errorDetails.first().contains(awaiting.mchOrderNo));
    QCOMPARE(m_log->orderById(awaiting.id)->state, OrderState::Awaiting);
}

void TestReconciler::skipsLiveSalesAndOldOrders()
{
    const Order old = createdAtGateway(OrderState::Awaiting, 60'000);
    m_clock.advanceMs(25LL * 60 * 60 * 1000); // older than the 24 h window
    const Order live = createdAtGateway(OrderState::Awaiting, 60'000);
    const ReconcileReport report = run(*m_client, {live.id});
    QCOMPARE(report.examined, 0);
    QCOMPARE(m_log->orderById(old.id)->state, OrderState::Awaiting);
    QCOMPARE(m_log->orderById(live.id)->state, OrderState::Awaiting);
}

namespace {

int contradictions(OrderLog &log, qint64 orderId)
{
    const auto events = log.events(orderId);
    return int(std::count_if(events->cbegin(), events->cend(), [](const OrderEvent &event) {
        return event.kind == PaymentLifecycle::contradictionEventKind();
    }));
}

} // namespace

// Its create was answered with a QR, so a "no such order" from a query contradicts the gateway
// itself: recorded, and the order is left to its validity window — not FAILED (the old
// reconciler failed it; a live sale never did).
void TestReconciler::awaitingOrderUnknownToTheGatewayIsNotFailed()
{
    Order order = *m_log->createOrder({QStringLiteral("T1"),
                                       {},
                                       Channel::AlipayQr,
                                       Money{800, Currency::CAD},
                                       OrderSource::Counter,
                                       m_client->name(),
                                       {},
                                       m_clock.nowUtcMs() + 9 * 60'000,
                                       {},
                                       0,
                                       {}});
    (void)m_log->transition(order.id, OrderState::Creating, {});
    TransitionDetails details;
    details.qrPayload = QStringLiteral("https://qr.example/never-made");
    (void)m_log->transition(order.id, OrderState::Awaiting, details);

    ReconcileReport report = run(*m_client);
    QCOMPARE(report.examined, 1);
    QCOMPARE(m_log->orderById(order.id)->state, OrderState::Awaiting);
    QCOMPARE(contradictions(*m_log, order.id), 1);
    run(*m_client); // the next pass adds nothing new
    QCOMPARE(contradictions(*m_log, order.id), 1);

    m_clock.advanceMs(10 * 60'000); // past its validity: it expires
    report = run(*m_client);
    QCOMPARE(m_log->orderById(order.id)->state, OrderState::Expired);
}

// A payment found by the reconciler after a restart: "paid at" is when it was learnt, and a
// query naming another gateway order than the one the log holds does not overwrite it.
void TestReconciler::latePaymentKeepsTheStoredIdAndTheLocalTime()
{
    const Order order = createdAtGateway(OrderState::Creating, 9 * 60'000);
    TransitionDetails details;
    details.payOrderId = QStringLiteral("P-FROM-THE-CREATE");
    details.qrPayload = QStringLiteral("https://qr.example/1");
    QVERIFY(m_log->transition(order.id, OrderState::Awaiting, details));
    QVERIFY(m_sim->pay(order.mchOrderNo));
    m_clock.advanceMs(20 * 60'000); // the terminal was off meanwhile

    const ReconcileReport report = run(*m_client);
    QCOMPARE(report.errors, 0);
    const Order after = *m_log->orderById(order.id);
    QCOMPARE(after.state, OrderState::Paid);
    QCOMPARE(after.payOrderId, QStringLiteral("P-FROM-THE-CREATE"));
    QCOMPARE(after.paidAtMs, m_clock.nowUtcMs());
    QCOMPARE(contradictions(*m_log, order.id), 1);
}

// "Paid at" (and so the receipt and the Z report) is when this side learnt of the payment,
// not the gateway's clock (the old reconciler stored the gateway's paySuccTime).
void TestReconciler::paymentFoundAfterARestartIsPaidAtTheLocalTime()
{
    const Order order = createdAtGateway(OrderState::Awaiting, 9 * 60'000);
    QVERIFY(m_sim->pay(order.mchOrderNo));
    const qint64 paidAtTheGateway = m_clock.nowUtcMs();
    m_clock.advanceMs(20 * 60'000);
    const ReconcileReport report = run(*m_client);
    QCOMPARE(report.errors, 0);
    const Order after = *m_log->orderById(order.id);
    QCOMPARE(after.state, OrderState::Paid);
    QCOMPARE(after.paidAtMs, m_clock.nowUtcMs());
    QVERIFY(after.paidAtMs != paidAtTheGateway);
    QCOMPARE(contradictions(*m_log, order.id), 0); // a late discovery is no contradiction
}

// Listed open, then confirmed by someone else (a notify, another relay's reconciler whose claim
// is gone once it finished) before this reconciler gets to it: read again under the claim, it is
// skipped, neither asked about again nor counted as changed by this pass.
void TestReconciler::orderSettledAfterTheListingIsNotAskedAgain()
{
    const Order settled = createdAtGateway(OrderState::Awaiting, 5 * 60 * 1000);
    const Order open = createdAtGateway(OrderState::Awaiting, 5 * 60 * 1000);
    QVERIFY(m_sim->pay(settled.mchOrderNo));
    QVERIFY(m_sim->pay(open.mchOrderNo));
    Reconciler reconciler(*m_log, *m_client, m_clock);
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    reconciler.run(); // lists both; the queries start from the event loop
    const auto sim = m_sim->order(settled.mchOrderNo);
    QVERIFY(sim);
    const auto confirmed = m_log->confirmPayment(
        {settled.mchOrderNo, sim->payOrderId, settled.amount, {}, m_clock.nowUtcMs(), QStringLiteral("relay"), {}});
    QVERIFY(confirmed);
    QCOMPARE(confirmed->verdict, ConfirmVerdict::Applied);
    QVERIFY(finished.wait(20000));
    const auto report = finished.first().first().value<ReconcileReport>();
    QCOMPARE(report.examined, 2);
    QCOMPARE(report.settledElsewhere, 1);
    QCOMPARE(report.changed, 1);
    QCOMPARE(report.errors, 0);
    QCOMPARE(report.changes.first().mchOrderNo, open.mchOrderNo);
    QCOMPARE(m_log->orderById(open.id)->state, OrderState::Paid);
    const auto events = m_log->events(settled.id);
    QVERIFY(events);
    QVERIFY(std::none_of(events->cbegin(), events->cend(),
                         [](const OrderEvent &event) { return event.actor == u"reconciler"; }));
}

// The store's relay cannot see a counter's live sale: counter orders younger than its grace are
// left alone, and asked about once older.
void TestReconciler::youngCounterOrdersWaitForTheGrace()
{
    const Order order = createdAtGateway(OrderState::Awaiting, 5 * 60 * 1000);
    QCOMPARE(order.source, OrderSource::Counter);
    QVERIFY(m_sim->pay(order.mchOrderNo));
    const auto pass = [&] {
        Reconciler reconciler(*m_log, *m_client, m_clock);
        reconciler.setCounterMinimumAgeMs(60'000);
        QSignalSpy finished(&reconciler, &Reconciler::finished);
        reconciler.run();
        finished.wait(20000);
        return finished.isEmpty() ? ReconcileReport{} : finished.first().first().value<ReconcileReport>();
    };
    QCOMPARE(pass().examined, 0);
    QCOMPARE(m_log->orderById(order.id)->state, OrderState::Awaiting);
    m_clock.advanceMs(61'000);
    const ReconcileReport later = pass();
    QCOMPARE(later.examined, 1);
    QCOMPARE(later.changed, 1);
    QCOMPARE(m_log->orderById(order.id)->state, OrderState::Paid);
}

// A chain's relay (setStoreId) asks the gateway only about its store's open orders: another
// store's, and those of no store, are never queried and stay open. Without a store id, all are.
void TestReconciler::storeIdLimitsTheOrdersAskedAbout()
{
    const Order s1 = createdAtGateway(OrderState::Awaiting, 5 * 60 * 1000, QStringLiteral("S1"));
    const Order s2 = createdAtGateway(OrderState::Awaiting, 5 * 60 * 1000, QStringLiteral("S2"));
    const Order none = createdAtGateway(OrderState::Awaiting, 5 * 60 * 1000);
    QCOMPARE(s1.storeId, QStringLiteral("S1"));
    QCOMPARE(s2.storeId, QStringLiteral("S2"));
    for (const Order &order : {s1, s2, none})
        QVERIFY(m_sim->pay(order.mchOrderNo));
    const auto pass = [&](const QString &storeId) {
        Reconciler reconciler(*m_log, *m_client, m_clock);
        reconciler.setStoreId(storeId);
        QSignalSpy finished(&reconciler, &Reconciler::finished);
        reconciler.run();
        finished.wait(20000);
        return finished.isEmpty() ? ReconcileReport{} : finished.first().first().value<ReconcileReport>();
    };
    const ReconcileReport scoped = pass(QStringLiteral("S1"));
    QCOMPARE(scoped.examined, 1);
    QCOMPARE(scoped.changed, 1);
    QCOMPARE(scoped.errors, 0);
    QCOMPARE(m_log->orderById(s1.id)->state, OrderState::Paid);
    QCOMPARE(m_sim->queryRequests(s1.mchOrderNo), 1);
    for (const Order &order : {s2, none}) {
        QCOMPARE(m_log->orderById(order.id)->state, OrderState::Awaiting);
        QCOMPARE(m_sim->queryRequests(order.mchOrderNo), 0);
    }
    const ReconcileReport all = pass(QString());
    QCOMPARE(all.examined, 2);
    QCOMPARE(all.changed, 2);
    for (const Order &order : {s2, none}) {
        QCOMPARE(m_log->orderById(order.id)->state, OrderState::Paid);
        QCOMPARE(m_sim->queryRequests(order.mchOrderNo), 1);
    }
    QCOMPARE(m_sim->queryRequests(s1.mchOrderNo), 1);
}

QTEST_GUILESS_MAIN(TestReconciler)
#include "test_reconciler.moc"

// Refunds through RefundService and the order log, against the simulator on loopback: limits
// checked before anything is sent, the race between two connections, ambiguous replies that keep
// the amount reserved, refund numbers, events.

#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "orders/OrderLog.h"
#include "payment/RefundService.h"
#include "sim/GatewaySimulator.h"

#include "TestStore.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <latch>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Key = "TESTKEY0123456789";
const QString MchId = u"10000701"_s;
const Requester Manager{u"Mina"_s, StaffRole::Manager};

QString describeError(const Error &error)
{
    return describe(error);
}

// Invalid when it succeeded: never touches error() of a success.
template<typename T> ErrorCode codeOf(const Result<T> &result)
{
    return result ? ErrorCode::Invalid : result.error().code;
}

int countEvents(OrderLog &log, qint64 orderId, const QString &kind, const QString &contains = {})
{
    const auto events = log.events(orderId);
    if (!events)
        return -1;
    return int(std::count_if(events->begin(), events->end(), [&](const OrderEvent &event) {
        return event.kind == kind && (contains.isEmpty() || event.detail.contains(contains));
    }));
}

} // namespace

class TestRefunds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void fullRefund();
    void partialRefundsUpToThePaidAmount();
    void overLimitIsRefusedBeforeSending();
    void onlyManagersRefund();
    void onlyPaidOrdersAreRefunded();
    void otherGatewaysOrdersAreRefused();
    void badAmountsAndReasons();
    void racingConnectionsFitOnlyOnce();
    void racingServicesReserveInFlight();
    void ambiguousReplyStaysReserved_data();
    void ambiguousReplyStaysReserved();
    void gatewayRefusalFreesTheAmount();
    void crashLeavesPendingReserved();
    void refundNumbersAreUniqueAcrossRestarts();
    void finalStatesDoNotMove();

private:
    void startServices(int deadlineMs = 2000);
    std::unique_ptr<OrderLog> openLog();
    // A PAID order that the simulator knows as paid too; 0 on failure.
    qint64 paidOrder(qint64 amountMinor = 2865, bool paidAtGateway = true);
    // Requests and waits for the gateway's answer; the refund as recorded.
    Result<Refund> refundAndWait(RefundService &service, qint64 orderId, qint64 amountMinor);
    qint64 simRefunded(qint64 orderId);

    std::unique_ptr<testing::TestStore> m_store;
    ManualClock m_clock{1'772'000'000'000};
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_sim;
    std::unique_ptr<OrderLog> m_log;
    std::unique_ptr<IotPayClient> m_client;
    std::unique_ptr<RefundService> m_service;
};

void TestRefunds::init()
{
    m_store = std::make_unique<testing::TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestRefunds::cleanup()
{
    m_service.reset();
    m_client.reset();
    m_sim.reset();
    m_log.reset();
    m_network.reset();
    m_store.reset();
}

std::unique_ptr<OrderLog> TestRefunds::openLog()
{
    auto log = OrderLog::open(m_store->url(), m_clock);
    if (!log) {
        qWarning() << describeError(log.error());
        return nullptr;
    }
    return std::move(*log);
}

void TestRefunds::startServices(int deadlineMs)
{
    m_log = openLog();
    QVERIFY(m_log);
    SimOptions options;
    options.mchId = MchId;
    options.key = MerchantKey(Key);
    options.notifyScheduleScale = 0.0001; // nobody listens for notifies here
    m_sim = std::make_unique<GatewaySimulator>(options, m_clock, m_network.get());
    QVERIFY(m_sim->start());
    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {MchId, u"manager01"_s};
    config.key = MerchantKey(Key);
    config.deadlineMs = deadlineMs;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
    m_service = std::make_unique<RefundService>(*m_log, *m_client, m_clock);
}

qint64 TestRefunds::paidOrder(qint64 amountMinor, bool paidAtGateway)
{
    NewOrder newOrder;
    newOrder.terminalId = u"T7"_s;
    newOrder.cashier = u"alice"_s;
    newOrder.channel = Channel::AlipayQr;
    newOrder.amount = Money{amountMinor, Currency::CAD};
    newOrder.subject = u"Tea"_s;
    const auto order = m_log->createOrder(newOrder);
    if (!order)
        return 0;
    OrderRequest request;
    request.mchOrderNo = order->mchOrderNo;
    request.channel = order->channel;
    request.amount = order->amount;
    request.subject = order->subject;
    request.body = order->subject;
    request.notifyUrl = u"http://127.0.0.1:9/notify/iotpay"_s;
    GatewayCall *call = m_client->createOrder(request);
    QSignalSpy done(call, &GatewayCall::finished);
    if (!done.wait(5000) || !call->result())
        return 0;
    const QString payOrderId = call->result()->payOrderId;
    call->deleteLater();
    if (paidAtGateway && !m_sim->pay(order->mchOrderNo))
        return 0;
    TransitionDetails details;
    details.actor = u"test"_s;
    details.payOrderId = payOrderId;
    if (!m_log->transition(order->id, OrderState::Paid, details))
        return 0;
    return order->id;
}

Result<Refund> TestRefunds::refundAndWait(RefundService &service, qint64 orderId, qint64 amountMinor)
{
    QSignalSpy finished(&service, &RefundService::finished);
    const auto pending = service.request(orderId, amountMinor, u"customer changed their mind"_s, Manager);
    if (!pending)
        return pending;
    if (!finished.wait(10'000))
        return fail(ErrorCode::Timeout, u"no finished() within 10 s"_s);
    return finished.first().first().value<Refund>();
}

qint64 TestRefunds::simRefunded(qint64 orderId)
{
    const auto order = m_log->orderById(orderId);
    if (!order)
        return -1;
    const auto remote = m_sim->order(order->mchOrderNo);
    return remote ? remote->refundedMinor : -1;
}

void TestRefunds::fullRefund()
{
    startServices();
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    const auto refund = refundAndWait(*m_service, orderId, 2865);
    QVERIFY2(refund, qPrintable(refund ? QString() : describe(refund.error())));
    QCOMPARE(refund->state, RefundState::Succeeded);
    QCOMPARE(refund->amount, (Money{2865, Currency::CAD}));
    QVERIFY(refund->refundOrderId.startsWith(u'R'));
    QCOMPARE(refund->requestedBy, u"Mina"_s);
    QCOMPARE(refund->reason, u"customer changed their mind"_s);

    const Order order = *m_log->orderById(orderId);
    QCOMPARE(order.refundedMinor, 2865);
    QCOMPARE(order.state, OrderState::Paid);
    QCOMPARE(simRefunded(orderId), 2865);
    const RefundBalance balance = *m_log->refundBalance(orderId);
    QCOMPARE(balance.refundableMinor(), 0);
    QCOMPARE(balance.inFlightMinor, 0);

    // The audit trail: requested, finished, and the exchange with the gateway.
    QCOMPARE(countEvents(*m_log, orderId, u"refund"_s), 2);
    QCOMPARE(countEvents(*m_log, orderId, u"refund"_s, u"PENDING 28.65 CAD: customer changed their mind"_s), 1);
    QCOMPARE(countEvents(*m_log, orderId, u"refund"_s, u"PENDING -> SUCCEEDED"_s), 1);
    QCOMPARE(countEvents(*m_log, orderId, u"gateway"_s, u"request refund_order"_s), 1);
    QCOMPARE(countEvents(*m_log, orderId, u"gateway"_s, u"response refund_order"_s), 1);
    const auto events = *m_log->events(orderId);
    const auto requested = std::find_if(events.begin(), events.end(), [](const OrderEvent &e) {
        return e.kind == u"refund" && e.detail.contains(u"PENDING 28.65");
    });
    QCOMPARE(requested->actor, u"Mina"_s);

    const auto again = m_service->request(orderId, 1, u"again"_s, Manager);
    QCOMPARE(codeOf(again), ErrorCode::AmountTooLarge);
}

void TestRefunds::partialRefundsUpToThePaidAmount()
{
    startServices();
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    const auto first = refundAndWait(*m_service, orderId, 1000);
    QVERIFY(first && first->state == RefundState::Succeeded);
    QCOMPARE(m_log->orderById(orderId)->refundedMinor, 1000);
    QCOMPARE(m_log->refundBalance(orderId)->refundableMinor(), 1865);

    const auto tooMuch = m_service->request(orderId, 1866, u"one cent too many"_s, Manager);
    QVERIFY(!tooMuch);
    QCOMPARE(tooMuch.error().code, ErrorCode::AmountTooLarge);
    QVERIFY2(tooMuch.error().detail.contains(u"18.65"_s), qPrintable(tooMuch.error().detail));

    const auto second = refundAndWait(*m_service, orderId, 1865);
    QVERIFY(second && second->state == RefundState::Succeeded);
    QCOMPARE(m_log->orderById(orderId)->refundedMinor, 2865);
    QCOMPARE(simRefunded(orderId), 2865);
    QCOMPARE(m_log->refundsOfOrder(orderId)->size(), 2);
    QVERIFY(first->mchRefundNo != second->mchRefundNo);
}

void TestRefunds::overLimitIsRefusedBeforeSending()
{
    startServices();
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    QSignalSpy finished(m_service.get(), &RefundService::finished);
    const auto refused = m_service->request(orderId, 2866, u"too much"_s, Manager);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::AmountTooLarge);
    QTest::qWait(200);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(m_log->refundsOfOrder(orderId)->size(), 0);
    QCOMPARE(countEvents(*m_log, orderId, u"refund"_s), 0);
    QCOMPARE(countEvents(*m_log, orderId, u"gateway"_s), 0);
    QCOMPARE(simRefunded(orderId), 0);
}

void TestRefunds::onlyManagersRefund()
{
    startServices();
    const qint64 orderId = paidOrder();
    QVERIFY(orderId > 0);
    for (const Requester &who : {Requester{u"alice"_s, StaffRole::Cashier}, Requester{u"x"_s, StaffRole::Invalid},
                                 Requester{u"  "_s, StaffRole::Manager}}) {
        const auto refused = m_service->request(orderId, 100, u"reason"_s, who);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    }
    QCOMPARE(m_log->refundsOfOrder(orderId)->size(), 0);
    QCOMPARE(simRefunded(orderId), 0);
}

void TestRefunds::onlyPaidOrdersAreRefunded()
{
    startServices();
    NewOrder newOrder;
    newOrder.terminalId = u"T7"_s;
    newOrder.channel = Channel::WxNative;
    newOrder.amount = Money{500, Currency::CAD};
    const auto order = m_log->createOrder(newOrder);
    QVERIFY(order);
    TransitionDetails details;
    details.payOrderId = u"P0000000000000000001"_s;
    for (OrderState state : {OrderState::Creating, OrderState::Awaiting, OrderState::Expired}) {
        QVERIFY(m_log->transition(order->id, state, details));
        const auto refused = m_service->request(order->id, 100, u"reason"_s, Manager);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::TransitionRejected);
    }
    const auto missing = m_service->request(987654, 100, u"reason"_s, Manager);
    QCOMPARE(codeOf(missing), ErrorCode::NotFound);
    QCOMPARE(m_log->refundsOfOrder(order->id)->size(), 0);
}

// An online order paid through iOnline Pay cannot be refunded through IOTPay: refused with
// a reason, nothing reserved, nothing sent.
void TestRefunds::otherGatewaysOrdersAreRefused()
{
    startServices();
    NewOrder newOrder;
    newOrder.terminalId = u"WEB"_s;
    newOrder.channel = Channel::WxJsapi;
    newOrder.amount = Money{2865, Currency::CAD};
    newOrder.source = OrderSource::MiniProgram;
    newOrder.gateway = u"ionline"_s;
    const auto order = m_log->createOrder(newOrder);
    QVERIFY(order);
    TransitionDetails details;
    details.payOrderId = u"10851795923850617000001"_s;
    QVERIFY(m_log->transition(order->id, OrderState::Creating, details));
    QVERIFY(m_log->transition(order->id, OrderState::Awaiting, details));
    QVERIFY(m_log->confirmPayment(
        {order->mchOrderNo, details.payOrderId, order->amount, u"4200"_s, m_clock.nowUtcMs(), u"relay"_s, {}}));
    QVERIFY(!m_service->canRefundThrough(*m_log->orderById(order->id)));
    const auto refused = m_service->request(order->id, 100, u"reason"_s, Manager);
    QCOMPARE(codeOf(refused), ErrorCode::InvalidArgument);
    QVERIFY(refused.error().detail.contains(u"paid through ionline"_s));
    QCOMPARE(m_log->refundsOfOrder(order->id)->size(), 0);
    QCOMPARE(m_service->inFlightCount(), 0); // nothing was sent
}

void TestRefunds::badAmountsAndReasons()
{
    startServices();
    const qint64 orderId = paidOrder();
    QVERIFY(orderId > 0);
    const auto code = [&](qint64 amount, const QString &reason) {
        return codeOf(m_service->request(orderId, amount, reason, Manager));
    };
    QCOMPARE(code(0, u"r"_s), ErrorCode::AmountZero);
    QCOMPARE(code(-5, u"r"_s), ErrorCode::AmountNegative);
    QCOMPARE(code(100, u"   "_s), ErrorCode::InvalidArgument);
    QCOMPARE(code(100, QString(MaxRefundReasonLength + 1, u'x')), ErrorCode::InvalidArgument);
    QCOMPARE(m_log->refundsOfOrder(orderId)->size(), 0);
}

void TestRefunds::racingConnectionsFitOnlyOnce()
{
    startServices();
    const QString path = m_store->url();
    constexpr int Rounds = 8;
    for (int round = 0; round < Rounds; ++round) {
        const qint64 orderId = paidOrder(2865, false);
        QVERIFY(orderId > 0);
        // Two connections (as two processes would have), released at once, each asking for
        // more than half: exactly one fits.
        std::latch start(2);
        Result<Refund> results[2] = {fail(ErrorCode::Invalid), fail(ErrorCode::Invalid)};
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i) {
            threads.append(QThread::create([&, i] {
                auto log = OrderLog::open(path, m_clock);
                start.arrive_and_wait();
                if (!log) {
                    results[i] = fail(log.error());
                    return;
                }
                results[i] = (*log)->beginRefund({orderId, 2000, u"race"_s, u"manager"_s + QString::number(i)});
            }));
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(30'000));
            delete thread;
        }
        const int succeeded = int(bool(results[0])) + int(bool(results[1]));
        QCOMPARE(succeeded, 1);
        const Result<Refund> &loser = results[0] ? results[1] : results[0];
        QCOMPARE(codeOf(loser), ErrorCode::AmountTooLarge);
        const RefundBalance balance = *m_log->refundBalance(orderId);
        QCOMPARE(balance.inFlightMinor, 2000);
        QCOMPARE(balance.refundableMinor(), 865);
    }
}

void TestRefunds::racingServicesReserveInFlight()
{
    startServices();
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    auto otherLog = openLog();
    QVERIFY(otherLog);
    RefundService other(*otherLog, *m_client, m_clock);
    QSignalSpy firstDone(m_service.get(), &RefundService::finished);

    // The first is PENDING (its reply not yet read) when the second asks: the second must not fit.
    const auto first = m_service->request(orderId, 2000, u"first"_s, Manager);
    QVERIFY(first);
    QCOMPARE(first->state, RefundState::Pending);
    const auto second = other.request(orderId, 2000, u"second"_s, Requester{u"Omar"_s, StaffRole::Manager});
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::AmountTooLarge);
    QVERIFY2(second.error().detail.contains(u"in flight 20.00"_s), qPrintable(second.error().detail));

    QVERIFY(firstDone.wait(10'000));
    QCOMPARE(firstDone.first().first().value<Refund>().state, RefundState::Succeeded);
    const auto third = other.request(orderId, 866, u"third"_s, Requester{u"Omar"_s, StaffRole::Manager});
    QCOMPARE(codeOf(third), ErrorCode::AmountTooLarge);
    QCOMPARE(simRefunded(orderId), 2000);
    QCOMPARE(m_sim->order(m_log->orderById(orderId)->mchOrderNo)->refundedMinor, 2000);
}

void TestRefunds::ambiguousReplyStaysReserved_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("refundedAtGateway");
    QTest::newRow("connection closed, no reply") << u"drop"_s << false;
    QTest::newRow("reply after the deadline") << u"latency"_s << true;
    QTest::newRow("reply with a bad signature") << u"badsign"_s << true;
    QTest::newRow("HTTP 502") << u"5xx"_s << false;
}

void TestRefunds::ambiguousReplyStaysReserved()
{
    QFETCH(QString, fault);
    QFETCH(bool, refundedAtGateway);
    startServices(600);
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    SimFaults faults;
    faults.calls = 1;
    if (fault == u"drop")
        faults.dropReply = true;
    else if (fault == u"latency")
        faults.latencyMs = 1500;
    else if (fault == u"5xx")
        faults.serverErrorStatus = 502;
    else
        faults.badSignature = true;
    m_sim->setFaults(faults);

    const auto refund = refundAndWait(*m_service, orderId, 2000);
    QVERIFY2(refund, qPrintable(refund ? QString() : describe(refund.error())));
    QCOMPARE(refund->state, RefundState::Unknown);
    QVERIFY(!refund->detail.isEmpty());
    QCOMPARE(simRefunded(orderId), refundedAtGateway ? 2000 : 0);
    // Not refunded as far as the log knows, but reserved: nothing beyond 8.65 can go out.
    QCOMPARE(m_log->orderById(orderId)->refundedMinor, 0);
    QCOMPARE(m_log->refundBalance(orderId)->inFlightMinor, 2000);
    const auto more = m_service->request(orderId, 866, u"more"_s, Manager);
    QCOMPARE(codeOf(more), ErrorCode::AmountTooLarge);
    QCOMPARE(m_log->unresolvedRefunds()->size(), 1);
    QCOMPARE(countEvents(*m_log, orderId, u"refund"_s, u"PENDING -> UNKNOWN"_s), 1);

    // A manager checks the gateway's portal and settles it.
    const Requester cashier{u"alice"_s, StaffRole::Cashier};
    QCOMPARE(codeOf(m_service->resolve(refund->id, RefundState::Succeeded, u"seen"_s, cashier)),
             ErrorCode::InvalidArgument);
    const RefundState outcome = refundedAtGateway ? RefundState::Succeeded : RefundState::Failed;
    const auto resolved = m_service->resolve(refund->id, outcome, u"checked the IOTPay portal"_s, Manager);
    QVERIFY2(resolved, qPrintable(resolved ? QString() : describe(resolved.error())));
    QCOMPARE(resolved->state, outcome);
    QCOMPARE(m_log->orderById(orderId)->refundedMinor, refundedAtGateway ? 2000 : 0);
    QCOMPARE(m_log->refundBalance(orderId)->inFlightMinor, 0);
    QCOMPARE(m_log->unresolvedRefunds()->size(), 0);
    QCOMPARE(countEvents(*m_log, orderId, u"refund"_s, u"resolved by Mina: checked the IOTPay portal"_s), 1);
}

void TestRefunds::gatewayRefusalFreesTheAmount()
{
    startServices();
    // Paid in the log but not at the gateway: it refuses (0014), a definite no.
    const qint64 orderId = paidOrder(2865, false);
    QVERIFY(orderId > 0);
    const auto refund = refundAndWait(*m_service, orderId, 2865);
    QVERIFY(refund);
    QCOMPARE(refund->state, RefundState::Failed);
    QVERIFY2(refund->detail.contains(u"0014"_s), qPrintable(refund->detail));
    QCOMPARE(m_log->orderById(orderId)->refundedMinor, 0);
    QCOMPARE(m_log->refundBalance(orderId)->refundableMinor(), 2865);
    QCOMPARE(countEvents(*m_log, orderId, u"refund"_s, u"PENDING -> FAILED"_s), 1);
    QCOMPARE(RefundService::stateForFailure(Error{ErrorCode::RequestRejected, {}, u"0014"_s, 0}), RefundState::Failed);
    QCOMPARE(RefundService::stateForFailure(Error{ErrorCode::OutcomeUnknown, {}, u"0010"_s, 0}), RefundState::Unknown);
    QCOMPARE(RefundService::stateForFailure(Error{ErrorCode::HttpStatus, {}, {}, 502}), RefundState::Unknown);
    QCOMPARE(RefundService::stateForFailure(Error{ErrorCode::HttpStatus, {}, {}, 404}), RefundState::Failed);
}

void TestRefunds::crashLeavesPendingReserved()
{
    startServices();
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    // What a crash between persisting and sending leaves behind.
    const auto pending = m_log->beginRefund({orderId, 2865, u"crash"_s, u"Mina"_s});
    QVERIFY(pending);
    m_service.reset();
    m_log.reset();
    m_log = openLog();
    QVERIFY(m_log);
    m_service = std::make_unique<RefundService>(*m_log, *m_client, m_clock);
    QCOMPARE(m_log->unresolvedRefunds()->size(), 1);
    QCOMPARE(codeOf(m_service->request(orderId, 1, u"r"_s, Manager)), ErrorCode::AmountTooLarge);
    QVERIFY(m_service->resolve(pending->id, RefundState::Failed, u"never sent"_s, Manager));
    const auto refund = refundAndWait(*m_service, orderId, 2865);
    QVERIFY(refund && refund->state == RefundState::Succeeded);
}

void TestRefunds::refundNumbersAreUniqueAcrossRestarts()
{
    startServices();
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    const QString mchOrderNo = m_log->orderById(orderId)->mchOrderNo;
    const auto first = refundAndWait(*m_service, orderId, 100);
    QVERIFY(first);
    m_service.reset();
    m_log.reset();
    m_log = openLog();
    QVERIFY(m_log);
    m_service = std::make_unique<RefundService>(*m_log, *m_client, m_clock);
    const auto second = refundAndWait(*m_service, orderId, 100);
    QVERIFY(second);
    const auto other = paidOrder(500);
    const auto third = refundAndWait(*m_service, other, 100);
    QVERIFY(third);

    static const QRegularExpression format(u"^R[A-Za-z0-9]{1,29}$"_s);
    QSet<QString> numbers;
    for (const Refund &refund : {*first, *second, *third}) {
        QVERIFY2(format.match(refund.mchRefundNo).hasMatch(), qPrintable(refund.mchRefundNo));
        QCOMPARE(refund.state, RefundState::Succeeded); // the gateway accepted each as new
        numbers.insert(refund.mchRefundNo);
    }
    QCOMPARE(numbers.size(), 3);
    QCOMPARE(first->mchRefundNo, u'R' + mchOrderNo + u"01"_s);
    QCOMPARE(second->mchRefundNo, u'R' + mchOrderNo + u"02"_s);
    QCOMPARE(m_log->refundByNo(second->mchRefundNo)->id, second->id);
}

void TestRefunds::finalStatesDoNotMove()
{
    startServices();
    const qint64 orderId = paidOrder(2865);
    QVERIFY(orderId > 0);
    const auto refund = refundAndWait(*m_service, orderId, 500);
    QVERIFY(refund && refund->state == RefundState::Succeeded);
    // A repeat is harmless and changes nothing; moving away from a final state is refused.
    RefundFinish again;
    again.state = RefundState::Succeeded;
    QVERIFY(m_log->finishRefund(refund->id, again));
    QCOMPARE(m_log->orderById(orderId)->refundedMinor, 500);
    for (RefundState to : {RefundState::Failed, RefundState::Unknown}) {
        RefundFinish finish;
        finish.state = to;
        QCOMPARE(codeOf(m_log->finishRefund(refund->id, finish)), ErrorCode::TransitionRejected);
    }
    QCOMPARE(codeOf(m_service->resolve(refund->id, RefundState::Failed, u"oops"_s, Manager)),
             ErrorCode::TransitionRejected);
    QVERIFY(!isRefundTransitionAllowed(RefundState::Unknown, RefundState::Pending));
    QVERIFY(isRefundTransitionAllowed(RefundState::Pending, RefundState::Unknown));
    QCOMPARE(refundStateFromName(u"UNKNOWN"), RefundState::Unknown);
    QCOMPARE(refundStateFromName(u"unknown"), RefundState::Invalid);
}

QTEST_GUILESS_MAIN(TestRefunds)
#include "test_refunds.moc"

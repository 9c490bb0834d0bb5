// PaymentLifecycle, the one owner of a payment's state moves (design.md "A sale, step by step"):
// every rule on its own, without network, against a real order log.

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "payment/PaymentLifecycle.h"
#include "payment/RefundService.h"
#include "reports/DailyReport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const QString NoSuchCode = u"NOSUCH"_s;

// Only what the lifecycle asks of a gateway: its name and what "no such order" looks like.
class FakeGateway final : public PaymentGateway
{
public:
    GatewayCall *createOrder(const OrderRequest &) override { return nullptr; }
    GatewayCall *queryOrder(const OrderLookup &) override { return nullptr; }
    GatewayCall *refundOrder(const RefundRequest &) override { return nullptr; }
    QString name() const override { return u"fake"_s; }
    bool accepts(Channel, Currency) const override { return true; }
    bool isNoSuchOrder(const Error &error) const override { return error.gatewayCode == NoSuchCode; }
};

GatewayResponse created(const QString &payOrderId, const QString &qr)
{
    GatewayResponse response;
    response.payOrderId = payOrderId;
    response.qrPayload = qr;
    response.status = RemoteStatus::Created;
    return response;
}

int countEvents(OrderLog &log, qint64 orderId, const QString &kind, OrderState to = OrderState::Invalid)
{
    const auto events = log.events(orderId);
    if (!events)
        return -1;
    return int(std::count_if(events->cbegin(), events->cend(), [&](const OrderEvent &event) {
        return event.kind == kind && (to == OrderState::Invalid || event.toState == to);
    }));
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createSuccessAwaits();
    void createFailureIsUnknownUnlessDefinite_data();
    void createFailureIsUnknownUnlessDefinite();
    void successWithoutUsableContentIsNeverFailed();
    void unknownIsResolvedByQueryBeforeAnyNewOrder();
    void noSuchOrderFailsOnlyAnUnconfirmedCreate();
    void queryClosedExpiresAndCreatingPassesThroughUnknown();
    void queryPaidWithoutAmountIsRefused();
    void duplicateConfirmIsHarmless();
    void paidWinsOverClosedWithLateFlag_data();
    void paidWinsOverClosedWithLateFlag();
    void paidAtIsTheLocalReceiveTime();
    void skewedPaymentTimeIsRecordedNotStored();
    void otherPayOrderIdIsKeptAndRecordedOnce();
    void amountOrCurrencyMismatchIsRefusedAndRecorded_data();
    void amountOrCurrencyMismatchIsRefusedAndRecorded();
    void contradictionsShowInTheDaysAlerts();
    void refundOutcomeUsesTheSameRule();

private:
    Order opened(qint64 amountMinor = 1500, Currency currency = Currency::CAD);
    Order inState(OrderState state);
    PaymentConfirmation payment(const Order &order, const QString &payOrderId, qint64 gatewayPaidAtMs = 0) const;
    Order reread(const Order &order) const { return *m_log->orderById(order.id); }

    QTemporaryDir m_dir;
    ManualClock m_clock{1'800'000'000'000};
    std::unique_ptr<OrderLog> m_log;
    std::unique_ptr<PaymentLifecycle> m_lifecycle;
    FakeGateway m_gateway;
};

void TestLifecycle::init()
{
    auto log = OrderLog::open(m_dir.filePath(QLatin1StringView(QTest::currentTestFunction()) + u".sqlite"_s), m_clock);
    QVERIFY(log);
    m_log = std::move(*log);
    m_lifecycle = std::make_unique<PaymentLifecycle>(*m_log, m_clock);
}

void TestLifecycle::cleanup()
{
    m_lifecycle.reset();
    m_log.reset();
}

Order TestLifecycle::opened(qint64 amountMinor, Currency currency)
{
    NewOrder order;
    order.terminalId = u"T1"_s;
    order.channel = Channel::AlipayQr;
    order.amount = Money{amountMinor, currency};
    order.gateway = m_gateway.name();
    order.expiresAtMs = m_clock.nowUtcMs() + 60'000;
    auto made = m_lifecycle->open(order);
    if (!made)
        qFatal("open failed");
    return *made;
}

// An order driven to `state` through the lifecycle itself.
Order TestLifecycle::inState(OrderState state)
{
    const Order order = *m_lifecycle->beginCreate(opened(), u"test"_s);
    if (state == OrderState::Creating)
        return order;
    if (state == OrderState::Unknown) {
        m_lifecycle->createAnswered(order, {fail(ErrorCode::Timeout, u"slow"_s), {}, {}}, u"test"_s);
        return reread(order);
    }
    m_lifecycle->createAnswered(order, {created(u"P1"_s, u"qr://1"_s), u"qr://1"_s, {}}, u"test"_s);
    if (state == OrderState::Expired || state == OrderState::Cancelled)
        (void)m_lifecycle->close(reread(order), state, u"test"_s, u"test"_s);
    return reread(order);
}

PaymentConfirmation TestLifecycle::payment(const Order &order, const QString &payOrderId, qint64 gatewayPaidAtMs) const
{
    return {order.mchOrderNo, payOrderId, order.amount, u"4200"_s, gatewayPaidAtMs, u"relay"_s, {}};
}

void TestLifecycle::createSuccessAwaits()
{
    const Order order = *m_lifecycle->beginCreate(opened(), u"sale"_s);
    QCOMPARE(reread(order).state, OrderState::Creating);
    const LifecycleStep step
        = m_lifecycle->createAnswered(order, {created(u"P1"_s, u"qr://1"_s), u"qr://1"_s, {}}, u"sale"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::Awaiting);
    QVERIFY(!step.error);
    QCOMPARE(step.order->state, OrderState::Awaiting);
    QCOMPARE(step.order->payOrderId, u"P1"_s);
    QCOMPARE(step.order->qrPayload, u"qr://1"_s);
    QCOMPARE(countEvents(*m_log, order.id, u"transition"_s), 2); // CREATING, AWAITING
}

void TestLifecycle::createFailureIsUnknownUnlessDefinite_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("expected");
    QTest::newRow("timeout") << int(ErrorCode::Timeout) << 0 << int(OrderState::Unknown);
    QTest::newRow("network") << int(ErrorCode::Network) << 0 << int(OrderState::Unknown);
    QTest::newRow("5xx") << int(ErrorCode::HttpStatus) << 502 << int(OrderState::Unknown);
    QTest::newRow("garbage") << int(ErrorCode::Unparseable) << 0 << int(OrderState::Unknown);
    QTest::newRow("bad signature") << int(ErrorCode::BadSignature) << 0 << int(OrderState::Unknown);
    QTest::newRow("another order's reply") << int(ErrorCode::ResponseMismatch) << 0 << int(OrderState::Unknown);
    QTest::newRow("refused") << int(ErrorCode::GatewayFail) << 0 << int(OrderState::Failed);
    QTest::newRow("4xx") << int(ErrorCode::HttpStatus) << 400 << int(OrderState::Failed);
}

void TestLifecycle::createFailureIsUnknownUnlessDefinite()
{
    QFETCH(int, code);
    QFETCH(int, httpStatus);
    QFETCH(int, expected);
    const Order order = *m_lifecycle->beginCreate(opened(), u"sale"_s);
    const Error error{ErrorCode(code), u"it went wrong"_s, {}, httpStatus};
    const LifecycleStep step = m_lifecycle->createAnswered(order, {std::unexpected(error), {}, {}}, u"sale"_s);
    QCOMPARE(int(step.order->state), expected);
    QVERIFY(step.error);
    QCOMPARE(step.error->code, error.code);
    QCOMPARE(PaymentLifecycle::leavesOutcomeUnknown(error), expected == int(OrderState::Unknown));
}

// The gateway holds a live order: a reply we cannot use makes it UNKNOWN (resolved by query),
// with the gateway's order id kept — never FAILED (the online endpoint's old rule).
void TestLifecycle::successWithoutUsableContentIsNeverFailed()
{
    const Order order = *m_lifecycle->beginCreate(opened(), u"relay-api"_s);
    const LifecycleStep step = m_lifecycle->createAnswered(
        order, {created(u"P9"_s, {}), {}, u"unusable payParams: package missing"_s}, u"relay-api"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::Unknown);
    QCOMPARE(step.order->state, OrderState::Unknown);
    QCOMPARE(step.order->payOrderId, u"P9"_s);
    QVERIFY(step.order->lastError.contains(u"package missing"_s));
    QVERIFY(step.error);
}

void TestLifecycle::unknownIsResolvedByQueryBeforeAnyNewOrder()
{
    const Order order = inState(OrderState::Unknown);
    QCOMPARE(order.state, OrderState::Unknown);
    // Still no answer: it stays UNKNOWN, nothing else is created.
    LifecycleStep step = m_lifecycle->queryAnswered(order, fail(ErrorCode::Timeout, u"slow"_s), m_gateway, u"query"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::QueryFailed);
    QCOMPARE(step.order->state, OrderState::Unknown);
    // The gateway has it: adopted with its QR, the same mchOrderNo.
    step = m_lifecycle->queryAnswered(order, created(u"P2"_s, u"qr://2"_s), m_gateway, u"query"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::Awaiting);
    QCOMPARE(step.order->state, OrderState::Awaiting);
    QCOMPARE(step.order->qrPayload, u"qr://2"_s);
    QCOMPARE(step.order->mchOrderNo, order.mchOrderNo);
    QCOMPARE(m_log->ordersBetween(0, m_clock.nowUtcMs() + 1)->size(), 1);
}

void TestLifecycle::noSuchOrderFailsOnlyAnUnconfirmedCreate()
{
    const Error absent{ErrorCode::GatewayFail, u"no such order"_s, NoSuchCode, 0};
    const Order unknown = inState(OrderState::Unknown);
    LifecycleStep step = m_lifecycle->queryAnswered(unknown, std::unexpected(absent), m_gateway, u"query"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::Failed);
    QCOMPARE(step.order->state, OrderState::Failed);
    QCOMPARE(step.error->gatewayCode, NoSuchCode);

    // Any other refusal is no proof of absence.
    const Order other = inState(OrderState::Unknown);
    step = m_lifecycle->queryAnswered(other, fail(ErrorCode::GatewayFail, u"busy"_s), m_gateway, u"query"_s);
    QCOMPARE(step.order->state, OrderState::Unknown);

    // The create was answered with a QR: the gateway contradicts itself, the order stays open.
    const Order awaiting = inState(OrderState::Awaiting);
    step = m_lifecycle->queryAnswered(awaiting, std::unexpected(absent), m_gateway, u"reconciler"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::StillOpen);
    QCOMPARE(step.order->state, OrderState::Awaiting);
    QCOMPARE(countEvents(*m_log, awaiting.id, PaymentLifecycle::contradictionEventKind()), 1);
}

void TestLifecycle::queryClosedExpiresAndCreatingPassesThroughUnknown()
{
    const Order creating = inState(OrderState::Creating);
    GatewayResponse closed = created(u"P3"_s, {});
    closed.status = RemoteStatus::CancelledBySystem;
    const LifecycleStep step = m_lifecycle->queryAnswered(creating, closed, m_gateway, u"reconciler"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::Closed);
    QCOMPARE(step.order->state, OrderState::Expired);
    QCOMPARE(countEvents(*m_log, creating.id, u"transition"_s, OrderState::Unknown), 1);

    // From CREATING, an open order without a QR is known to exist but not showable: UNKNOWN.
    const Order another = inState(OrderState::Creating);
    const LifecycleStep open = m_lifecycle->queryAnswered(another, created(u"P4"_s, {}), m_gateway, u"reconciler"_s);
    QCOMPARE(open.order->state, OrderState::Unknown);
    QCOMPARE(open.order->payOrderId, u"P4"_s);

    // Closing by this side from CREATING passes through UNKNOWN too; NEW may fail directly.
    const Order third = inState(OrderState::Creating);
    QCOMPARE(m_lifecycle->close(third, OrderState::Expired, u"validity window ended"_s, u"reconciler"_s)->state,
             OrderState::Expired);
    QCOMPARE(countEvents(*m_log, third.id, u"transition"_s, OrderState::Unknown), 1);
    QCOMPARE(m_lifecycle->close(opened(), OrderState::Failed, u"never sent"_s, u"reconciler"_s)->state,
             OrderState::Failed);
}

void TestLifecycle::queryPaidWithoutAmountIsRefused()
{
    const Order order = inState(OrderState::Awaiting);
    GatewayResponse paid = created(u"P1"_s, {});
    paid.status = RemoteStatus::Paid;
    LifecycleStep step = m_lifecycle->queryAnswered(order, paid, m_gateway, u"query"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::Refused);
    QCOMPARE(step.order->state, OrderState::Awaiting);
    QCOMPARE(step.error->code, ErrorCode::ResponseMismatch);

    paid.amount = order.amount;
    paid.currencyCode = currencyCode(order.amount.currency);
    step = m_lifecycle->queryAnswered(order, paid, m_gateway, u"query"_s);
    QCOMPARE(step.kind, LifecycleStep::Kind::Paid);
    QCOMPARE(step.order->state, OrderState::Paid);
}

void TestLifecycle::duplicateConfirmIsHarmless()
{
    const Order order = inState(OrderState::Awaiting);
    auto first = m_lifecycle->confirm(payment(order, u"P1"_s));
    QVERIFY(first);
    QCOMPARE(first->verdict, ConfirmVerdict::Applied);
    m_clock.advanceMs(1000);
    auto second = m_lifecycle->confirm(payment(order, u"P1"_s));
    QVERIFY(second);
    QCOMPARE(second->verdict, ConfirmVerdict::AlreadyPaid);
    const Order after = reread(order);
    QCOMPARE(after.state, OrderState::Paid);
    QCOMPARE(after.paidAtMs, m_clock.nowUtcMs() - 1000); // the first confirmation's time
    QCOMPARE(countEvents(*m_log, order.id, u"transition"_s, OrderState::Paid), 1);
    QCOMPARE(countEvents(*m_log, order.id, PaymentLifecycle::contradictionEventKind()), 0);
}

void TestLifecycle::paidWinsOverClosedWithLateFlag_data()
{
    QTest::addColumn<int>("closedAs");
    QTest::newRow("expired") << int(OrderState::Expired);
    QTest::newRow("cancelled") << int(OrderState::Cancelled);
}

void TestLifecycle::paidWinsOverClosedWithLateFlag()
{
    QFETCH(int, closedAs);
    const Order order = inState(OrderState(closedAs));
    QCOMPARE(int(order.state), closedAs);
    auto outcome = m_lifecycle->confirm(payment(order, u"P1"_s));
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::Applied);
    QVERIFY(outcome->late);
    const Order after = reread(order);
    QCOMPARE(after.state, OrderState::Paid);
    QVERIFY(after.late);
    // Nothing moves it back afterwards.
    QVERIFY(!m_lifecycle->close(after, OrderState::Expired, u"again"_s, u"sale"_s));
    QCOMPARE(reread(order).state, OrderState::Paid);
}

// "Paid at" and the business day are the local receive time, not the gateway's clock; the
// gateway's time is kept as an event.
void TestLifecycle::paidAtIsTheLocalReceiveTime()
{
    const Order order = inState(OrderState::Awaiting);
    const qint64 gatewayPaidAt = order.createdAtMs + 10'000;
    m_clock.advanceMs(60 * 60 * 1000); // learnt an hour later (reconciler after a restart)
    auto outcome = m_lifecycle->confirm(payment(order, u"P1"_s, gatewayPaidAt));
    QVERIFY(outcome);
    QCOMPARE(reread(order).paidAtMs, m_clock.nowUtcMs());
    QCOMPARE(countEvents(*m_log, order.id, u"gateway-paid-at"_s), 1);
    QCOMPARE(countEvents(*m_log, order.id, PaymentLifecycle::contradictionEventKind()), 0);

    const QDate today = QDateTime::fromMSecsSinceEpoch(order.createdAtMs, QTimeZone::utc()).date();
    auto report = buildDailyReport(*m_log, {today, QTimeZone::utc(), 0});
    QVERIFY(report);
    QCOMPARE(report->totals.size(), 1);
    QCOMPARE(report->totals.first().paidCount, 1);
}

void TestLifecycle::skewedPaymentTimeIsRecordedNotStored()
{
    const Order order = inState(OrderState::Awaiting);
    const qint64 yesterday = order.createdAtMs - 24LL * 60 * 60 * 1000;
    auto outcome = m_lifecycle->confirm(payment(order, u"P1"_s, yesterday));
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::Applied); // otherwise valid: confirmed
    const Order after = reread(order);
    QCOMPARE(after.state, OrderState::Paid);
    QCOMPARE(after.paidAtMs, m_clock.nowUtcMs());
    QCOMPARE(countEvents(*m_log, order.id, PaymentLifecycle::contradictionEventKind()), 1);

    const Order future = inState(OrderState::Awaiting);
    QVERIFY(m_lifecycle->confirm(payment(future, u"P1"_s, m_clock.nowUtcMs() + 60 * 60 * 1000)));
    QCOMPARE(countEvents(*m_log, future.id, PaymentLifecycle::contradictionEventKind()), 1);
}

void TestLifecycle::otherPayOrderIdIsKeptAndRecordedOnce()
{
    const Order order = inState(OrderState::Awaiting);
    QCOMPARE(order.payOrderId, u"P1"_s);
    auto outcome = m_lifecycle->confirm(payment(order, u"P-OTHER"_s));
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::Applied);
    QCOMPARE(reread(order).state, OrderState::Paid);
    QCOMPARE(reread(order).payOrderId, u"P1"_s); // the create's id is the evidence
    // The gateway retries: the same contradiction is not recorded twice.
    QVERIFY(m_lifecycle->confirm(payment(order, u"P-OTHER"_s)));
    QCOMPARE(reread(order).payOrderId, u"P1"_s);
    QCOMPARE(countEvents(*m_log, order.id, PaymentLifecycle::contradictionEventKind()), 1);
}

void TestLifecycle::amountOrCurrencyMismatchIsRefusedAndRecorded_data()
{
    QTest::addColumn<qint64>("amountMinor");
    QTest::addColumn<int>("currency");
    QTest::addColumn<int>("verdict");
    QTest::newRow("amount") << qint64(1) << int(Currency::CAD) << int(ConfirmVerdict::AmountMismatch);
    QTest::newRow("currency") << qint64(1500) << int(Currency::USD) << int(ConfirmVerdict::CurrencyMismatch);
}

void TestLifecycle::amountOrCurrencyMismatchIsRefusedAndRecorded()
{
    QFETCH(qint64, amountMinor);
    QFETCH(int, currency);
    QFETCH(int, verdict);
    const Order order = inState(OrderState::Awaiting);
    PaymentConfirmation confirmation = payment(order, u"P1"_s);
    confirmation.amount = Money{amountMinor, Currency(currency)};
    auto outcome = m_lifecycle->confirm(confirmation);
    QVERIFY(outcome);
    QCOMPARE(int(outcome->verdict), verdict);
    QCOMPARE(reread(order).state, OrderState::Awaiting);
    QCOMPARE(countEvents(*m_log, order.id, PaymentLifecycle::contradictionEventKind()), 1);
}

void TestLifecycle::contradictionsShowInTheDaysAlerts()
{
    const Order clean = inState(OrderState::Awaiting);
    QVERIFY(m_lifecycle->confirm(payment(clean, u"P1"_s)));
    const QDate today = QDateTime::fromMSecsSinceEpoch(clean.createdAtMs, QTimeZone::utc()).date();
    auto before = buildDailyReport(*m_log, {today, QTimeZone::utc(), 0});
    QVERIFY(before);
    QCOMPARE(before->alerts.contradictionCount, 0);
    QCOMPARE(before->alerts.total(), 0);

    const Order order = inState(OrderState::Awaiting);
    QVERIFY(m_lifecycle->confirm(payment(order, u"P-OTHER"_s)));
    const Order refused = inState(OrderState::Awaiting);
    PaymentConfirmation tooLittle = payment(refused, u"P1"_s);
    tooLittle.amount.minor = 1;
    QVERIFY(m_lifecycle->confirm(tooLittle));
    auto report = buildDailyReport(*m_log, {today, QTimeZone::utc(), 0});
    QVERIFY(report);
    QCOMPARE(report->alerts.contradictionCount, 2);
    QCOMPARE(report->alerts.openCount, 1); // the refused one is still AWAITING
    QCOMPARE(report->alerts.total(), 3);
    QCOMPARE(report->alerts.contradictions.first().mchOrderNo, order.mchOrderNo);
    QVERIFY(report->alerts.contradictions.first().event.detail.contains(u"P-OTHER"_s));
    QCOMPARE(report->alerts.contradictions.last().mchOrderNo, refused.mchOrderNo);
}

// A refund_order failure is judged by the same rule as a create: UNKNOWN when it may have happened.
void TestLifecycle::refundOutcomeUsesTheSameRule()
{
    const QList<Error> errors{{ErrorCode::Timeout, {}, {}, 0},          {ErrorCode::Network, {}, {}, 0},
                              {ErrorCode::HttpStatus, {}, {}, 503},     {ErrorCode::BadSignature, {}, {}, 0},
                              {ErrorCode::ResponseMismatch, {}, {}, 0}, {ErrorCode::GatewayFail, {}, u"0013"_s, 0},
                              {ErrorCode::HttpStatus, {}, {}, 404}};
    for (const Error &error : errors) {
        const bool unknown = PaymentLifecycle::leavesOutcomeUnknown(error);
        QCOMPARE(RefundService::stateForFailure(error), unknown ? RefundState::Unknown : RefundState::Failed);
        QCOMPARE(unknown, error.code != ErrorCode::GatewayFail && error.httpStatus != 404);
    }
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "test_lifecycle.moc"

#include "OrderTestSupport.h"

#include "orders/OrderLog.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

// Creating orders, minting their numbers, moving them through the states and confirming
// payments against one order log file.
class TestOrderLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createWritesNewRowAndEvent();
    void createRejectsBadInput_data();
    void createRejectsBadInput();
    void mchOrderNoFormatAndUtcTime();
    void mchOrderNoUniqueAcrossReopenAndTerminals();
    void sequenceGrowsBeyondSixDigitsWithinThirtyChars();

    void everyTransitionAgainstTheTable();
    void transitionRecordsDetailsAndEvents();
    void repeatingTheCurrentStateIsANoOp();
    void paidWinsWithLateFlag_data();
    void paidWinsWithLateFlag();
    void transitionErrors();

    void confirmApplies();
    void confirmRepeatIsDuplicate();
    void confirmUnknownOrderIsAuditedAsUnmatched();
    void confirmAmountMismatch();
    void confirmCurrencyMismatch();
    void confirmAfterExpiryIsLate();
    void confirmWithoutAudit();
    void confirmRepeatOnRefundedOrderAlerts();
    void confirmRepeatWithAnotherPayOrderIdAlerts();

    void notificationsAreCappedAndRanged();
    void gatewayMessagesAreCappedWithEvent();
    void recordEventAndAppendOnlyEvents();
    void openOrdersAndRanges();
    void openOrdersOfOneStore();
    void dataVersionSeesOtherConnections();

private:
    std::unique_ptr<OrderLog> openLog();
    QString dbPath() const { return m_store->url(); }

    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrderLog> m_log;
};

std::unique_ptr<OrderLog> TestOrderLog::openLog()
{
    auto opened = OrderLog::open(dbPath(), *m_clock);
    if (!opened) {
        qWarning() << describe(opened.error());
        return nullptr;
    }
    return std::move(*opened);
}

void TestOrderLog::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    // 2023-11-14 22:13:20 UTC
    m_clock = std::make_unique<ManualClock>(1'700'000'000'000);
    m_log = openLog();
    QVERIFY(m_log);
}

void TestOrderLog::cleanup()
{
    m_log.reset();
    m_clock.reset();
    m_store.reset();
}

void TestOrderLog::createWritesNewRowAndEvent()
{
    NewOrder input = sampleOrder(u"Lane3"_s, 2865, Currency::CAD, Channel::AlipayQr);
    input.expiresAtMs = m_clock->nowUtcMs() + 120'000;
    const auto created = m_log->createOrder(input);
    QVERIFY2(created, qPrintable(created ? QString() : describe(created.error())));
    QVERIFY(created->id > 0);
    QCOMPARE(created->state, OrderState::New);
    QCOMPARE(created->terminalId, u"Lane3"_s);
    QCOMPARE(created->cashier, u"alice"_s);
    QCOMPARE(created->channel, Channel::AlipayQr);
    QCOMPARE(created->amount, (Money{2865, Currency::CAD}));
    QCOMPARE(created->source, OrderSource::Counter);
    QCOMPARE(created->gateway, u"iotpay"_s);
    QCOMPARE(created->subject, u"Coffee"_s);
    QCOMPARE(created->createdAtMs, m_clock->nowUtcMs());
    QCOMPARE(created->updatedAtMs, m_clock->nowUtcMs());
    QCOMPARE(created->expiresAtMs, input.expiresAtMs);
    QCOMPARE(created->paidAtMs, qint64(0));
    QVERIFY(!created->late);
    QVERIFY(created->payOrderId.isEmpty());

    const auto again = m_log->orderByMchOrderNo(created->mchOrderNo);
    QVERIFY(again);
    QCOMPARE(again->id, created->id);
    const auto byId = m_log->orderById(created->id);
    QVERIFY(byId);
    QCOMPARE(byId->mchOrderNo, created->mchOrderNo);

    const auto events = m_log->events(created->id);
    QVERIFY(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->at(0).kind, u"created"_s);
    QCOMPARE(events->at(0).fromState, OrderState::Invalid);
    QCOMPARE(events->at(0).toState, OrderState::New);
    QCOMPARE(events->at(0).atMs, m_clock->nowUtcMs());
    QVERIFY(events->at(0).detail.contains(u"28.65 CAD"_s));
}

void TestOrderLog::createRejectsBadInput_data()
{
    QTest::addColumn<NewOrder>("order");
    QTest::newRow("empty terminal") << sampleOrder(QString());
    QTest::newRow("9-char terminal") << sampleOrder(u"ABCDEFGHI"_s);
    QTest::newRow("dash in terminal") << sampleOrder(u"T-1"_s);
    QTest::newRow("space in terminal") << sampleOrder(u"T 1"_s);
    QTest::newRow("accent in terminal") << sampleOrder(u"Té"_s);
    QTest::newRow("full-width digit") << sampleOrder(u"T１"_s);
    QTest::newRow("zero amount") << sampleOrder(u"T1"_s, 0);
    QTest::newRow("negative amount") << sampleOrder(u"T1"_s, -100);
    QTest::newRow("no currency") << sampleOrder(u"T1"_s, 100, Currency::Invalid);
    QTest::newRow("no channel") << sampleOrder(u"T1"_s, 100, Currency::CAD, Channel::Invalid);
    NewOrder noSource = sampleOrder();
    noSource.source = OrderSource::Invalid;
    QTest::newRow("no source") << noSource;
}

void TestOrderLog::createRejectsBadInput()
{
    QFETCH(NewOrder, order);
    const auto created = m_log->createOrder(order);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    const auto all = m_log->ordersBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(all);
    QVERIFY(all->isEmpty());
}

void TestOrderLog::mchOrderNoFormatAndUtcTime()
{
    // 2024-03-05 06:07:08.999 UTC; TZ=UTC in ctest, but the stamp must be UTC whatever the zone.
    m_clock->setWallMs(QDateTime(QDate(2024, 3, 5), QTime(6, 7, 8, 999), QTimeZone::utc()).toMSecsSinceEpoch());
    const auto first = m_log->createOrder(sampleOrder(u"POS7"_s));
    const auto second = m_log->createOrder(sampleOrder(u"POS7"_s));
    QVERIFY(first && second);
    QCOMPARE(first->mchOrderNo, u"POS7240305060708000001"_s);
    QCOMPARE(second->mchOrderNo, u"POS7240305060708000002"_s);
}

void TestOrderLog::mchOrderNoUniqueAcrossReopenAndTerminals()
{
    static const QRegularExpression format(u"^[A-Za-z0-9]{1,30}$"_s);
    QSet<QString> seen;
    const auto mint = [&](const QString &terminal, int count) {
        for (int i = 0; i < count; ++i) {
            const auto created = m_log->createOrder(sampleOrder(terminal));
            if (!created) {
                qWarning() << describe(created.error());
                return false;
            }
            if (!format.match(created->mchOrderNo).hasMatch() || !created->mchOrderNo.startsWith(terminal)) {
                qWarning() << "bad number" << created->mchOrderNo;
                return false;
            }
            seen.insert(created->mchOrderNo);
        }
        return true;
    };
    // The clock stands still (every number in the same second), then jumps back after the
    // reopen: uniqueness must come from the persisted sequence, not from time.
    QVERIFY(mint(u"A1"_s, 2500));
    QVERIFY(mint(u"B2"_s, 2500));
    m_log.reset();
    m_clock->setWallMs(m_clock->nowUtcMs() - 3'600'000);
    m_log = openLog();
    QVERIFY(m_log);
    QVERIFY(mint(u"A1"_s, 2500));
    QVERIFY(mint(u"B2"_s, 2500));
    QCOMPARE(seen.size(), 10'000);
    const auto all = m_log->ordersBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(all);
    QCOMPARE(all->size(), 10'000);
}

void TestOrderLog::sequenceGrowsBeyondSixDigitsWithinThirtyChars()
{
    QVERIFY(m_log->createOrder(sampleOrder(u"ABCDEFGH"_s)));
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.exec(u"UPDATE sequences SET value = 999999"_s), QString());
    }
    const auto sevenDigits = m_log->createOrder(sampleOrder(u"ABCDEFGH"_s));
    QVERIFY(sevenDigits);
    QVERIFY(sevenDigits->mchOrderNo.endsWith(u"1000000"_s));
    QCOMPARE(sevenDigits->mchOrderNo.size(), 8 + 12 + 7);
    {
        RawConnection raw(dbPath());
        QCOMPARE(raw.exec(u"UPDATE sequences SET value = 9999999998"_s), QString());
    }
    const auto longest = m_log->createOrder(sampleOrder(u"ABCDEFGH"_s));
    QVERIFY(longest);
    QCOMPARE(longest->mchOrderNo.size(), 30);
    const auto exhausted = m_log->createOrder(sampleOrder(u"ABCDEFGH"_s));
    QVERIFY(!exhausted);
    QCOMPARE(exhausted.error().code, ErrorCode::StoreFailure);
    // Other terminals have their own sequence.
    QVERIFY(m_log->createOrder(sampleOrder(u"Z9"_s)));
}

void TestOrderLog::everyTransitionAgainstTheTable()
{
    for (OrderState from : allStates()) {
        for (OrderState to : allStates()) {
            const qint64 id = orderIn(*m_log, from);
            QVERIFY(id > 0);
            const auto eventsBefore = m_log->events(id);
            QVERIFY(eventsBefore);
            TransitionDetails details;
            details.actor = u"test"_s;
            const auto outcome = m_log->transition(id, to, details);
            const QString pair = orderStateName(from) + u" -> "_s + orderStateName(to);
            const auto after = m_log->orderById(id);
            const auto eventsAfter = m_log->events(id);
            QVERIFY(after && eventsAfter);
            if (from == to) {
                QVERIFY2(outcome && !outcome->changed, qPrintable(pair));
                QCOMPARE(eventsAfter->size(), eventsBefore->size());
            } else if (isTransitionAllowed(from, to)) {
                QVERIFY2(outcome && outcome->changed, qPrintable(pair));
                QCOMPARE(outcome->previous, from);
                QCOMPARE(outcome->current, to);
                QCOMPARE(after->state, to);
                QCOMPARE(eventsAfter->size(), eventsBefore->size() + 1);
                QCOMPARE(eventsAfter->last().kind, u"transition"_s);
                QCOMPARE(eventsAfter->last().fromState, from);
                QCOMPARE(eventsAfter->last().toState, to);
            } else {
                QVERIFY2(!outcome, qPrintable(pair));
                QCOMPARE(outcome.error().code, ErrorCode::TransitionRejected);
                QVERIFY2(outcome.error().detail.contains(orderStateName(from))
                             && outcome.error().detail.contains(orderStateName(to)),
                         qPrintable(outcome.error().detail));
                QCOMPARE(after->state, from);
                QCOMPARE(eventsAfter->size(), eventsBefore->size());
            }
        }
    }
}

void TestOrderLog::transitionRecordsDetailsAndEvents()
{
    const auto created = m_log->createOrder(sampleOrder());
    QVERIFY(created);
    m_clock->advanceMs(1000);
    TransitionDetails sending;
    sending.actor = u"sale"_s;
    sending.reason = u"create_order sent"_s;
    QVERIFY(m_log->transition(created->id, OrderState::Creating, sending));

    m_clock->advanceMs(1000);
    TransitionDetails shown;
    shown.actor = u"sale"_s;
    shown.payOrderId = u"P0001"_s;
    shown.qrPayload = u"weixin://wxpay/bizpayurl?pr=abc"_s;
    shown.expiresAtMs = m_clock->nowUtcMs() + 300'000;
    QVERIFY(m_log->transition(created->id, OrderState::Awaiting, shown));
    auto order = m_log->orderById(created->id);
    QVERIFY(order);
    QCOMPARE(order->payOrderId, u"P0001"_s);
    QCOMPARE(order->qrPayload, shown.qrPayload);
    QCOMPARE(order->expiresAtMs, shown.expiresAtMs);
    QCOMPARE(order->updatedAtMs, m_clock->nowUtcMs());

    // Empty details leave the columns alone; an error goes to last_error.
    m_clock->advanceMs(1000);
    TransitionDetails failed;
    failed.actor = u"query"_s;
    failed.reason = u"gateway says closed"_s;
    failed.error = u"ORDER_CLOSED"_s;
    QVERIFY(m_log->transition(created->id, OrderState::Failed, failed));
    order = m_log->orderById(created->id);
    QVERIFY(order);
    QCOMPARE(order->state, OrderState::Failed);
    QCOMPARE(order->payOrderId, u"P0001"_s);
    QCOMPARE(order->qrPayload, shown.qrPayload);
    QCOMPARE(order->lastError, u"ORDER_CLOSED"_s);
    QCOMPARE(order->paidAtMs, qint64(0));

    const auto events = m_log->events(created->id);
    QVERIFY(events);
    QCOMPARE(events->size(), 4);
    QCOMPARE(events->at(1).actor, u"sale"_s);
    QCOMPARE(events->at(1).detail, u"create_order sent"_s);
    QCOMPARE(events->at(2).toState, OrderState::Awaiting);
    QCOMPARE(events->at(3).actor, u"query"_s);
    QVERIFY(events->at(3).detail.contains(u"gateway says closed"_s));
    QVERIFY(events->at(3).detail.contains(u"ORDER_CLOSED"_s));
    QVERIFY(events->at(1).id < events->at(2).id && events->at(2).id < events->at(3).id);
    QVERIFY(events->at(1).atMs < events->at(3).atMs);
}

void TestOrderLog::repeatingTheCurrentStateIsANoOp()
{
    const qint64 id = orderIn(*m_log, OrderState::Awaiting);
    QVERIFY(id > 0);
    const auto before = m_log->orderById(id);
    m_clock->advanceMs(5000);
    TransitionDetails details;
    details.payOrderId = u"ignored"_s;
    const auto outcome = m_log->transition(id, OrderState::Awaiting, details);
    QVERIFY(outcome);
    QVERIFY(!outcome->changed);
    QCOMPARE(outcome->previous, OrderState::Awaiting);
    QCOMPARE(outcome->current, OrderState::Awaiting);
    const auto after = m_log->orderById(id);
    QCOMPARE(after->updatedAtMs, before->updatedAtMs);
    QVERIFY(after->payOrderId.isEmpty());
    QCOMPARE(m_log->events(id)->size(), 3);
}

void TestOrderLog::paidWinsWithLateFlag_data()
{
    QTest::addColumn<OrderState>("from");
    QTest::addColumn<bool>("late");
    QTest::newRow("NEW") << OrderState::New << false;
    QTest::newRow("CREATING") << OrderState::Creating << false;
    QTest::newRow("UNKNOWN") << OrderState::Unknown << false;
    QTest::newRow("AWAITING") << OrderState::Awaiting << false;
    QTest::newRow("EXPIRED") << OrderState::Expired << true;
    QTest::newRow("CANCELLED") << OrderState::Cancelled << true;
    QTest::newRow("FAILED") << OrderState::Failed << true;
}

void TestOrderLog::paidWinsWithLateFlag()
{
    QFETCH(OrderState, from);
    QFETCH(bool, late);
    const qint64 id = orderIn(*m_log, from);
    QVERIFY(id > 0);
    m_clock->advanceMs(777);
    TransitionDetails details;
    details.actor = u"query"_s;
    details.payOrderId = u"P42"_s;
    const auto outcome = m_log->transition(id, OrderState::Paid, details);
    QVERIFY(outcome);
    QVERIFY(outcome->changed);
    QCOMPARE(outcome->late, late);
    const auto order = m_log->orderById(id);
    QCOMPARE(order->state, OrderState::Paid);
    QCOMPARE(order->late, late);
    QCOMPARE(order->payOrderId, u"P42"_s);
    QCOMPARE(order->paidAtMs, m_clock->nowUtcMs()); // defaults to now when not given
    const auto events = m_log->events(id);
    QCOMPARE(events->last().toState, OrderState::Paid);
    QCOMPARE(events->last().fromState, from);
    QCOMPARE(events->last().detail.contains(u"late"_s), late);

    // Nothing leaves PAID, and the late flag stays.
    for (OrderState other : allStates()) {
        if (other == OrderState::Paid)
            continue;
        const auto back = m_log->transition(id, other, details);
        QVERIFY(!back);
        QCOMPARE(back.error().code, ErrorCode::TransitionRejected);
    }
    const auto repeat = m_log->transition(id, OrderState::Paid, details);
    QVERIFY(repeat && !repeat->changed);
    QCOMPARE(repeat->late, late);
    QCOMPARE(m_log->orderById(id)->state, OrderState::Paid);
}

void TestOrderLog::transitionErrors()
{
    const auto missing = m_log->transition(12345, OrderState::Creating, {});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    const qint64 id = orderIn(*m_log, OrderState::New);
    const auto invalid = m_log->transition(id, OrderState::Invalid, {});
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code, ErrorCode::InvalidArgument);
    const auto notFound = m_log->orderById(999);
    QVERIFY(!notFound);
    QCOMPARE(notFound.error().code, ErrorCode::NotFound);
    const auto noNumber = m_log->orderByMchOrderNo(u"nope"_s);
    QVERIFY(!noNumber);
    QCOMPARE(noNumber.error().code, ErrorCode::NotFound);
}

namespace {

PaymentConfirmation confirmationFor(const Order &order)
{
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = order.mchOrderNo;
    confirmation.payOrderId = u"P20231114000001"_s;
    confirmation.amount = order.amount;
    confirmation.channelOrderNo = u"4200001234"_s;
    confirmation.paidAtMs = 1'700'000'050'000;
    confirmation.actor = u"relay"_s;
    return confirmation;
}

NotificationRecord auditFor(const Order &order)
{
    NotificationRecord record;
    record.mchOrderNo = order.mchOrderNo;
    record.remoteAddress = u"127.0.0.1"_s;
    record.raw = "mchId=1&mchOrderNo=" + order.mchOrderNo.toLatin1() + "&status=2&sign=ABC";
    return record;
}

int countTransitionsTo(const QList<OrderEvent> &events, OrderState state)
{
    int count = 0;
    for (const OrderEvent &event : events)
        count += event.kind == u"transition"_s && event.toState == state ? 1 : 0;
    return count;
}

int countKind(const QList<OrderEvent> &events, const QString &kind)
{
    int count = 0;
    for (const OrderEvent &event : events)
        count += event.kind == kind ? 1 : 0;
    return count;
}

} // namespace

void TestOrderLog::confirmApplies()
{
    const qint64 id = orderIn(*m_log, OrderState::Awaiting);
    const Order order = *m_log->orderById(id);
    m_clock->advanceMs(2000);
    const auto outcome = m_log->confirmPayment(confirmationFor(order), auditFor(order));
    QVERIFY2(outcome, qPrintable(outcome ? QString() : describe(outcome.error())));
    QCOMPARE(outcome->verdict, ConfirmVerdict::Applied);
    QVERIFY(!outcome->late);
    QVERIFY(outcome->order);
    QCOMPARE(outcome->order->state, OrderState::Paid);
    QCOMPARE(outcome->order->payOrderId, u"P20231114000001"_s);
    QCOMPARE(outcome->order->channelOrderNo, u"4200001234"_s);
    QCOMPARE(outcome->order->paidAtMs, qint64(1'700'000'050'000));
    QCOMPARE(outcome->order->updatedAtMs, m_clock->nowUtcMs());

    const auto events = *m_log->events(id);
    QCOMPARE(countTransitionsTo(events, OrderState::Paid), 1);
    QCOMPARE(events.last().actor, u"relay"_s);
    QCOMPARE(events.last().fromState, OrderState::Awaiting);

    const auto audit = m_log->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(audit);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->at(0).verdict, u"accepted"_s);
    QCOMPARE(audit->at(0).mchOrderNo, order.mchOrderNo);
    QCOMPARE(audit->at(0).payOrderId, u"P20231114000001"_s);
    QCOMPARE(audit->at(0).remoteAddress, u"127.0.0.1"_s);
    QCOMPARE(audit->at(0).receivedAtMs, m_clock->nowUtcMs());
    QCOMPARE(audit->at(0).gateway, u"iotpay"_s);
    QCOMPARE(audit->at(0).raw, auditFor(order).raw);
}

void TestOrderLog::confirmRepeatIsDuplicate()
{
    const qint64 id = orderIn(*m_log, OrderState::Awaiting);
    const Order order = *m_log->orderById(id);
    QVERIFY(m_log->confirmPayment(confirmationFor(order), auditFor(order)));
    const Order paid = *m_log->orderById(id);
    m_clock->advanceMs(60'000);
    for (int i = 0; i < 5; ++i) {
        const auto repeat = m_log->confirmPayment(confirmationFor(order), auditFor(order));
        QVERIFY(repeat);
        QCOMPARE(repeat->verdict, ConfirmVerdict::AlreadyPaid);
        QVERIFY(repeat->order);
        QCOMPARE(repeat->order->updatedAtMs, paid.updatedAtMs);
        QCOMPARE(repeat->order->paidAtMs, paid.paidAtMs);
    }
    const auto events = *m_log->events(id);
    QCOMPARE(countTransitionsTo(events, OrderState::Paid), 1);
    QCOMPARE(countKind(events, u"alert"_s), 0);
    const auto audit = *m_log->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QCOMPARE(audit.size(), 6);
    QCOMPARE(audit.first().verdict, u"accepted"_s);
    for (qsizetype i = 1; i < audit.size(); ++i)
        QCOMPARE(audit.at(i).verdict, u"duplicate"_s);
}

void TestOrderLog::confirmUnknownOrderIsAuditedAsUnmatched()
{
    Order ghost;
    ghost.mchOrderNo = u"T1231114000000999999"_s;
    ghost.amount = Money{100, Currency::CAD};
    NotificationRecord record = auditFor(ghost);
    record.mchOrderNo.clear(); // filled from the confirmation
    const auto outcome = m_log->confirmPayment(confirmationFor(ghost), record);
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::UnknownOrder);
    QVERIFY(!outcome->order);
    const auto audit = *m_log->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.at(0).verdict, u"unmatched"_s);
    QCOMPARE(audit.at(0).mchOrderNo, ghost.mchOrderNo);
    QVERIFY(!audit.at(0).reason.isEmpty());

    // The notify that overtook its order: once the row exists the retry applies.
    const auto created = m_log->createOrder(sampleOrder());
    QVERIFY(created);
    const auto noAudit = m_log->confirmPayment(confirmationFor(ghost));
    QVERIFY(noAudit);
    QCOMPARE(noAudit->verdict, ConfirmVerdict::UnknownOrder);
    QCOMPARE(m_log->notificationsBetween(0, std::numeric_limits<qint64>::max())->size(), 1);
}

void TestOrderLog::confirmAmountMismatch()
{
    const qint64 id = orderIn(*m_log, OrderState::Awaiting);
    const Order order = *m_log->orderById(id);
    PaymentConfirmation tampered = confirmationFor(order);
    tampered.amount.minor = 1;
    NotificationRecord record = auditFor(order);
    record.reason = u"signature ok"_s;
    const auto outcome = m_log->confirmPayment(tampered, record);
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::AmountMismatch);
    QVERIFY(outcome->order);
    QCOMPARE(outcome->order->state, OrderState::Awaiting);
    QVERIFY(outcome->order->payOrderId.isEmpty());
    const auto events = *m_log->events(id);
    QCOMPARE(countTransitionsTo(events, OrderState::Paid), 0);
    QCOMPARE(countKind(events, u"alert"_s), 1);
    const auto audit = *m_log->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.at(0).verdict, u"rejected"_s);
    QVERIFY(audit.at(0).reason.startsWith(u"signature ok; "_s));
    QVERIFY(audit.at(0).reason.contains(u"amount"_s));

    // The genuine one still applies afterwards.
    const auto genuine = m_log->confirmPayment(confirmationFor(order));
    QVERIFY(genuine);
    QCOMPARE(genuine->verdict, ConfirmVerdict::Applied);
}

void TestOrderLog::confirmCurrencyMismatch()
{
    const qint64 id = orderIn(*m_log, OrderState::Awaiting);
    const Order order = *m_log->orderById(id);
    PaymentConfirmation other = confirmationFor(order);
    other.amount.currency = Currency::USD;
    const auto outcome = m_log->confirmPayment(other, auditFor(order));
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::CurrencyMismatch);
    QCOMPARE(outcome->order->state, OrderState::Awaiting);
    const auto audit = *m_log->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QCOMPARE(audit.at(0).verdict, u"rejected"_s);
    QVERIFY(audit.at(0).reason.contains(u"USD"_s));

    // Even after PAID a wrong-currency copy is rejected, not counted as a duplicate.
    QVERIFY(m_log->confirmPayment(confirmationFor(order)));
    const auto late = m_log->confirmPayment(other);
    QVERIFY(late);
    QCOMPARE(late->verdict, ConfirmVerdict::CurrencyMismatch);
    QCOMPARE(late->order->state, OrderState::Paid);
}

void TestOrderLog::confirmAfterExpiryIsLate()
{
    for (OrderState closed : {OrderState::Expired, OrderState::Cancelled, OrderState::Failed}) {
        const qint64 id = orderIn(*m_log, closed);
        const Order order = *m_log->orderById(id);
        const auto outcome = m_log->confirmPayment(confirmationFor(order), auditFor(order));
        QVERIFY(outcome);
        QCOMPARE(outcome->verdict, ConfirmVerdict::Applied);
        QVERIFY(outcome->late);
        QVERIFY(outcome->order->late);
        QCOMPARE(outcome->order->state, OrderState::Paid);
        const auto events = *m_log->events(id);
        QCOMPARE(events.last().fromState, closed);
        QCOMPARE(events.last().toState, OrderState::Paid);
    }
}

void TestOrderLog::confirmWithoutAudit()
{
    const qint64 id = orderIn(*m_log, OrderState::Unknown);
    const Order order = *m_log->orderById(id);
    PaymentConfirmation byQuery = confirmationFor(order);
    byQuery.actor = u"reconciler"_s;
    byQuery.paidAtMs = 0;
    const auto outcome = m_log->confirmPayment(byQuery);
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::Applied);
    QCOMPARE(outcome->order->paidAtMs, m_clock->nowUtcMs());
    QCOMPARE(m_log->events(id)->last().actor, u"reconciler"_s);
    QVERIFY(m_log->notificationsBetween(0, std::numeric_limits<qint64>::max())->isEmpty());
}

void TestOrderLog::confirmRepeatOnRefundedOrderAlerts()
{
    const qint64 id = orderIn(*m_log, OrderState::Awaiting);
    const Order order = *m_log->orderById(id);
    QVERIFY(m_log->confirmPayment(confirmationFor(order)));
    {
        // The refund API comes later; a refund row is what it will leave behind.
        RawConnection raw(dbPath());
        QCOMPARE(raw.exec(u"INSERT INTO refunds (order_id, mch_refund_no, amount_minor, currency, state,"
                          " created_at_ms, updated_at_ms) VALUES (?, 'R1', 100, 'CAD', 'SUCCESS', 1, 1)"_s,
                          {id}),
                 QString());
    }
    const auto replay = m_log->confirmPayment(confirmationFor(order), auditFor(order));
    QVERIFY(replay);
    QCOMPARE(replay->verdict, ConfirmVerdict::AlreadyPaid);
    const auto events = *m_log->events(id);
    QCOMPARE(countKind(events, u"alert"_s), 1);
    QVERIFY(events.last().detail.contains(u"refund"_s));
    QCOMPARE(countTransitionsTo(events, OrderState::Paid), 1);
    QCOMPARE(m_log->notificationsBetween(0, std::numeric_limits<qint64>::max())->last().verdict, u"duplicate"_s);
}

void TestOrderLog::confirmRepeatWithAnotherPayOrderIdAlerts()
{
    const qint64 id = orderIn(*m_log, OrderState::Awaiting);
    const Order order = *m_log->orderById(id);
    QVERIFY(m_log->confirmPayment(confirmationFor(order)));
    PaymentConfirmation second = confirmationFor(order);
    second.payOrderId = u"P-OTHER"_s;
    const auto outcome = m_log->confirmPayment(second);
    QVERIFY(outcome);
    QCOMPARE(outcome->verdict, ConfirmVerdict::AlreadyPaid);
    QCOMPARE(outcome->order->payOrderId, u"P20231114000001"_s);
    const auto events = *m_log->events(id);
    QCOMPARE(countKind(events, u"alert"_s), 1);
    QVERIFY(events.last().detail.contains(u"P-OTHER"_s));
}

void TestOrderLog::notificationsAreCappedAndRanged()
{
    NotificationRecord small;
    small.verdict = u"rejected"_s;
    small.reason = u"bad sign"_s;
    small.raw = QByteArray("a=1&b=\xff\xfe\x00z", 11); // not UTF-8, with a NUL: kept byte for byte
    small.receivedAtMs = 1000;
    QVERIFY(m_log->recordNotification(small));

    NotificationRecord huge = small;
    huge.raw = QByteArray(MaxRecordedBytes * 3, 'x');
    huge.receivedAtMs = 2000;
    QVERIFY(m_log->recordNotification(huge));

    NotificationRecord exact = small;
    exact.raw = QByteArray(MaxRecordedBytes, 'y');
    exact.receivedAtMs = 3000;
    QVERIFY(m_log->recordNotification(exact));

    NotificationRecord noVerdict = small;
    noVerdict.verdict.clear();
    const auto refused = m_log->recordNotification(noVerdict);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);

    const auto all = m_log->notificationsBetween(1000, 3001);
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).raw, small.raw);
    QCOMPARE(all->at(0).reason, u"bad sign"_s);
    const QByteArray capped = all->at(1).raw;
    QVERIFY(capped.size() <= MaxRecordedBytes);
    QVERIFY(capped.size() > MaxRecordedBytes - 64);
    const QByteArray marker = "\xe2\x80\xa6[truncated ";
    const qsizetype markerAt = capped.indexOf(marker);
    QVERIFY(markerAt > 0);
    QCOMPARE(capped.left(markerAt), QByteArray(markerAt, 'x'));
    const QByteArray dropped = capped.mid(markerAt + marker.size()).chopped(QByteArray(" bytes]").size());
    QCOMPARE(dropped.toLongLong() + markerAt, huge.raw.size());
    QVERIFY(capped.endsWith(" bytes]"));
    QCOMPARE(all->at(2).raw, exact.raw);

    // Half-open range [from, to).
    QCOMPARE(m_log->notificationsBetween(1000, 2000)->size(), 1);
    QCOMPARE(m_log->notificationsBetween(1001, 3000)->size(), 1);
    QCOMPARE(m_log->notificationsBetween(3001, 9000)->size(), 0);
}

void TestOrderLog::gatewayMessagesAreCappedWithEvent()
{
    const qint64 id = orderIn(*m_log, OrderState::Creating);
    QVERIFY(m_log->recordGatewayMessage(id, u"create_order"_s, u"out"_s, "params=%7B%7D"));
    QVERIFY(m_log->recordGatewayMessage(id, u"create_order"_s, u"in"_s, QByteArray(100'000, 'r')));
    const auto missing = m_log->recordGatewayMessage(424242, u"query_order"_s, u"out"_s, "x");
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    RawConnection raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM gateway_messages WHERE order_id = ?"_s, {id}).toInt(), 2);
    QCOMPARE(raw.scalar(u"SELECT body FROM gateway_messages WHERE direction = 'out'"_s).toByteArray(),
             QByteArray("params=%7B%7D"));
    const QByteArray big = raw.scalar(u"SELECT body FROM gateway_messages WHERE direction = 'in'"_s).toByteArray();
    QVERIFY(big.size() <= MaxRecordedBytes);
    QVERIFY(big.contains("[truncated "));
    const auto events = *m_log->events(id);
    QCOMPARE(countKind(events, u"gateway"_s), 2);
    QVERIFY(events.last().detail.contains(u"100000 bytes"_s));
}

void TestOrderLog::recordEventAndAppendOnlyEvents()
{
    const qint64 id = orderIn(*m_log, OrderState::New);
    QVERIFY(m_log->recordEvent(id, u"note"_s, u"manager"_s, u"customer left"_s));
    const auto events = *m_log->events(id);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.last().kind, u"note"_s);
    QCOMPARE(events.last().actor, u"manager"_s);
    QCOMPARE(events.last().detail, u"customer left"_s);
    QCOMPARE(errorCodeOf(m_log->recordEvent(9999, u"note"_s, u"x"_s, {})), ErrorCode::NotFound);
    QCOMPARE(errorCodeOf(m_log->recordEvent(id, QString(), u"x"_s, {})), ErrorCode::InvalidArgument);

    // The audit trail cannot be edited behind the log's back.
    RawConnection raw(dbPath());
    QVERIFY(!raw.exec(u"UPDATE events SET detail = 'forged'"_s).isEmpty());
    QVERIFY(!raw.exec(u"DELETE FROM events"_s).isEmpty());
    QCOMPARE(m_log->events(id)->size(), 2);
}

// A chain's relay lists only its own store's open orders; without a store id, every store's.
void TestOrderLog::openOrdersOfOneStore()
{
    const qint64 t0 = m_clock->nowUtcMs();
    QMap<QString, qint64> ids;
    for (const QString &store : {QStringLiteral("S1"), QStringLiteral("S2"), QString()}) {
        NewOrder order = sampleOrder();
        order.storeId = store;
        ids.insert(store, orderIn(*m_log, OrderState::Awaiting, order));
        QVERIFY(ids.value(store) > 0);
    }
    NewOrder paid = sampleOrder();
    paid.storeId = QStringLiteral("S1");
    QVERIFY(orderIn(*m_log, OrderState::Paid, paid) > 0);

    const auto s1 = m_log->openOrdersSince(t0, QStringLiteral("S1"));
    QVERIFY(s1);
    QCOMPARE(s1->size(), 1);
    QCOMPARE(s1->first().id, ids.value(QStringLiteral("S1")));
    QCOMPARE(s1->first().storeId, QStringLiteral("S1"));
    const auto s2 = m_log->openOrdersSince(t0, QStringLiteral("S2"));
    QVERIFY(s2);
    QCOMPARE(s2->size(), 1);
    QCOMPARE(s2->first().id, ids.value(QStringLiteral("S2")));
    QCOMPARE(m_log->openOrdersSince(t0, QStringLiteral("S3"))->size(), 0);
    const auto all = m_log->openOrdersSince(t0);
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
}

void TestOrderLog::openOrdersAndRanges()
{
    const qint64 t0 = m_clock->nowUtcMs();
    QMap<OrderState, qint64> ids;
    for (OrderState state : allStates()) {
        ids.insert(state, orderIn(*m_log, state));
        m_clock->advanceMs(1000);
    }
    const auto open = m_log->openOrdersSince(t0);
    QVERIFY(open);
    QList<OrderState> openStates;
    for (const Order &order : *open)
        openStates.append(order.state);
    QCOMPARE(openStates,
             (QList<OrderState>{OrderState::New, OrderState::Creating, OrderState::Unknown, OrderState::Awaiting}));
    // since is inclusive: NEW was created at t0, CREATING at t0 + 1000.
    QCOMPARE(m_log->openOrdersSince(t0 + 1)->size(), 3);
    QCOMPARE(m_log->openOrdersSince(t0 + 1000)->size(), 3);
    QCOMPARE(m_log->openOrdersSince(t0 + 100'000)->size(), 0);

    // [from, to): the order at `to` is not included.
    const auto between = m_log->ordersBetween(t0 + 1000, t0 + 4000);
    QVERIFY(between);
    QCOMPARE(between->size(), 3);
    QCOMPARE(between->at(0).id, ids.value(OrderState::Creating));
    QCOMPARE(between->at(2).id, ids.value(OrderState::Awaiting));
    QCOMPARE(m_log->ordersBetween(t0, t0 + 8000)->size(), 8);
    QCOMPARE(m_log->ordersBetween(t0 + 8000, t0 + 9000)->size(), 0);
}

void TestOrderLog::dataVersionSeesOtherConnections()
{
    auto other = openLog();
    QVERIFY(other);
    const auto before = m_log->dataVersion();
    QVERIFY(before);
    // PostgreSQL's value follows the snapshot of the whole cluster, which other tests' databases
    // on the same test server change at any time: stability holds only for SQLite's file.
    if (!TestStore::isPostgres())
        QCOMPARE(*m_log->dataVersion(), *before);
    QVERIFY(other->createOrder(sampleOrder()));
    const auto after = m_log->dataVersion();
    QVERIFY(after);
    QVERIFY(*after != *before);
    QCOMPARE(*m_log->integrityCheck(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestOrderLog)
#include "test_orderlog.moc"

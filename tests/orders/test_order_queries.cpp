// The named reads other modules use instead of SQL: the client reference lookup of the relay's
// online orders and the aggregates and lists of the daily report.

#include "OrderTestSupport.h"

#include "orders/OrderLog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 MinuteMs = 60'000;

} // namespace

class TestOrderQueries : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void clientReferenceIsStored();
    void clientReferenceFindsTheNewestInTheWindow();
    void orderGroupsByBucketStateAndChannel();
    void refundGroupsByOrderChannelAndState();
    void lateAndOpenOrdersOfARange();
    void notificationsByVerdict();

private:
    NewOrder withReference(const QString &reference) const
    {
        NewOrder order = sampleOrder();
        order.source = OrderSource::MiniProgram;
        order.clientReference = reference;
        return order;
    }
    NotificationRecord notification(qint64 atMs, const QString &verdict) const
    {
        NotificationRecord record;
        record.receivedAtMs = atMs;
        record.verdict = verdict;
        record.reason = verdict + u" reason"_s;
        record.mchOrderNo = u"T1X"_s;
        record.raw = QByteArray("body");
        return record;
    }

    std::unique_ptr<TestStore> m_store;
    ManualClock m_clock{T0};
    std::unique_ptr<OrderLog> m_log;
};

void TestOrderQueries::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_clock.setWallMs(T0);
    auto log = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(log);
    m_log = std::move(*log);
}

void TestOrderQueries::cleanup()
{
    m_log.reset();
    m_store.reset();
}

void TestOrderQueries::clientReferenceIsStored()
{
    const auto online = m_log->createOrder(withReference(u"cart-77"_s));
    QVERIFY(online);
    QCOMPARE(online->clientReference, u"cart-77"_s);
    QCOMPARE(m_log->orderById(online->id)->clientReference, u"cart-77"_s);
    const auto counter = m_log->createOrder(sampleOrder());
    QVERIFY(counter);
    QVERIFY(counter->clientReference.isEmpty());
    RawConnection raw(m_store->url());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM orders WHERE client_reference IS NULL"_s).toInt(), 1);
    QCOMPARE(raw.scalar(u"SELECT client_reference FROM orders WHERE id = ?"_s, {online->id}).toString(), u"cart-77"_s);
}

void TestOrderQueries::clientReferenceFindsTheNewestInTheWindow()
{
    QCOMPARE(errorCodeOf(m_log->orderByClientReference(u"cart-77"_s, 0)), ErrorCode::NotFound);
    QCOMPARE(errorCodeOf(m_log->orderByClientReference(QString(), 0)), ErrorCode::InvalidArgument);
    const auto first = m_log->createOrder(withReference(u"cart-77"_s));
    QVERIFY(first);
    QVERIFY(m_log->createOrder(withReference(u"cart-78"_s)));
    QVERIFY(m_log->createOrder(sampleOrder()));

    const auto found = m_log->orderByClientReference(u"cart-77"_s, T0);
    QVERIFY(found);
    QCOMPARE(found->id, first->id);
    QCOMPARE(found->mchOrderNo, first->mchOrderNo);
    QCOMPARE(found->state, OrderState::New);
    // Only orders created at or after the window's start count; references match exactly.
    QCOMPARE(errorCodeOf(m_log->orderByClientReference(u"cart-77"_s, T0 + 1)), ErrorCode::NotFound);
    QCOMPARE(errorCodeOf(m_log->orderByClientReference(u"CART-77"_s, 0)), ErrorCode::NotFound);
    QCOMPARE(errorCodeOf(m_log->orderByClientReference(u"cart-7"_s, 0)), ErrorCode::NotFound);

    // The reference may come back after the window: a second order, and the newest is found.
    m_clock.setWallMs(T0 + 25 * 60 * MinuteMs);
    const auto second = m_log->createOrder(withReference(u"cart-77"_s));
    QVERIFY(second);
    QCOMPARE(m_log->orderByClientReference(u"cart-77"_s, 0)->id, second->id);
    QCOMPARE(m_log->orderByClientReference(u"cart-77"_s, T0 + MinuteMs)->id, second->id);
}

void TestOrderQueries::orderGroupsByBucketStateAndChannel()
{
    // Bucket 0: two paid WeChat orders and an open one; bucket 2: a paid Alipay order.
    QVERIFY(orderIn(*m_log, OrderState::Paid, sampleOrder(u"T1"_s, 1000)) > 0);
    QVERIFY(orderIn(*m_log, OrderState::Paid, sampleOrder(u"T1"_s, 250)) > 0);
    QVERIFY(orderIn(*m_log, OrderState::Awaiting, sampleOrder(u"T1"_s, 700)) > 0);
    m_clock.setWallMs(T0 + 31 * MinuteMs);
    QVERIFY(orderIn(*m_log, OrderState::Paid, sampleOrder(u"T1"_s, 400, Currency::CAD, Channel::AlipayQr)) > 0);
    m_clock.setWallMs(T0 + 60 * MinuteMs);
    QVERIFY(orderIn(*m_log, OrderState::Paid, sampleOrder()) > 0); // outside the range

    const auto rows = m_log->orderGroupsBetween(T0, T0 + 60 * MinuteMs, 15 * MinuteMs);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 3);
    int checked = 0;
    for (const OrderGroupRow &row : *rows) {
        QCOMPARE(row.currency, Currency::CAD);
        QCOMPARE(row.source, OrderSource::Counter);
        QVERIFY(!row.late);
        if (row.state == OrderState::Paid && row.channel == Channel::WxNative) {
            QCOMPARE(row.bucket, 0);
            QCOMPARE(row.count, 2);
            QCOMPARE(row.sumMinor, 1250);
            ++checked;
        } else if (row.state == OrderState::Awaiting) {
            QCOMPARE(row.bucket, 0);
            QCOMPARE(row.count, 1);
            QCOMPARE(row.sumMinor, 700);
            ++checked;
        } else if (row.channel == Channel::AlipayQr) {
            QCOMPARE(row.bucket, 2);
            QCOMPARE(row.state, OrderState::Paid);
            QCOMPARE(row.sumMinor, 400);
            ++checked;
        }
    }
    QCOMPARE(checked, 3);
    QCOMPARE(errorCodeOf(m_log->orderGroupsBetween(T0, T0 + 1, 0)), ErrorCode::InvalidArgument);
    QCOMPARE(m_log->orderGroupsBetween(T0 - 10, T0, 15 * MinuteMs)->size(), 0);
}

void TestOrderQueries::refundGroupsByOrderChannelAndState()
{
    const qint64 paid = orderIn(*m_log, OrderState::Paid, sampleOrder(u"T1"_s, 1000, Currency::CAD, Channel::AlipayQr));
    QVERIFY(paid > 0);
    const auto done = m_log->beginRefund({paid, 300, u"broken cup"_s, u"mina"_s});
    QVERIFY(done);
    QVERIFY(m_log->finishRefund(done->id, {RefundState::Succeeded, u"R-1"_s, {}, u"gateway"_s}));
    QVERIFY(m_log->beginRefund({paid, 200, u"late"_s, u"mina"_s})); // still pending
    m_clock.setWallMs(T0 + 60 * MinuteMs);
    QVERIFY(m_log->beginRefund({paid, 100, u"next day"_s, u"mina"_s})); // outside the range

    const auto rows = m_log->refundGroupsBetween(T0, T0 + 60 * MinuteMs);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 2);
    for (const RefundGroupRow &row : *rows) {
        QCOMPARE(row.channel, Channel::AlipayQr);
        QCOMPARE(row.currency, Currency::CAD);
        QCOMPARE(row.source, OrderSource::Counter);
        QCOMPARE(row.count, 1);
        QCOMPARE(row.sumMinor, row.state == RefundState::Succeeded ? 300 : 200);
        QVERIFY(row.state == RefundState::Succeeded || row.state == RefundState::Pending);
    }
}

void TestOrderQueries::lateAndOpenOrdersOfARange()
{
    const qint64 open = orderIn(*m_log, OrderState::Unknown);
    QVERIFY(orderIn(*m_log, OrderState::Paid) > 0);
    const qint64 late = orderIn(*m_log, OrderState::Expired);
    QVERIFY(m_log->transition(late, OrderState::Paid, {}));
    QVERIFY(orderIn(*m_log, OrderState::Failed) > 0);
    m_clock.setWallMs(T0 + 60 * MinuteMs);
    QVERIFY(orderIn(*m_log, OrderState::Awaiting) > 0); // outside the range

    const auto orders = m_log->lateOrOpenOrdersBetween(T0, T0 + 60 * MinuteMs);
    QVERIFY(orders);
    QCOMPARE(orders->size(), 2);
    QCOMPARE(orders->at(0).id, open);
    QCOMPARE(orders->at(1).id, late);
    QVERIFY(orders->at(1).late);
}

void TestOrderQueries::notificationsByVerdict()
{
    QVERIFY(m_log->recordNotification(notification(T0 + 1, u"rejected"_s)));
    QVERIFY(m_log->recordNotification(notification(T0 + 2, u"unmatched"_s)));
    QVERIFY(m_log->recordNotification(notification(T0 + 3, u"accepted"_s)));
    QVERIFY(m_log->recordNotification(notification(T0 + 4, u"rejected"_s)));
    QVERIFY(m_log->recordNotification(notification(T0 + 100, u"rejected"_s))); // outside

    const auto counts = m_log->notificationVerdictCounts(T0, T0 + 100);
    QVERIFY(counts);
    QMap<QString, int> byVerdict;
    for (const VerdictCount &count : *counts)
        byVerdict.insert(count.verdict, count.count);
    QCOMPARE(byVerdict, (QMap<QString, int>{{u"accepted"_s, 1}, {u"rejected"_s, 2}, {u"unmatched"_s, 1}}));

    const auto listed = m_log->notificationsWithVerdicts(T0, T0 + 100, {u"unmatched"_s, u"rejected"_s}, 50);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 3);
    QCOMPARE(listed->at(0).receivedAtMs, T0 + 1);
    QCOMPARE(listed->at(1).verdict, u"unmatched"_s);
    QCOMPARE(listed->at(1).reason, u"unmatched reason"_s);
    QCOMPARE(listed->at(2).receivedAtMs, T0 + 4);
    QVERIFY(listed->at(0).raw.isEmpty()); // lists leave the raw body out
    QCOMPARE(m_log->notificationsWithVerdicts(T0, T0 + 100, {u"rejected"_s}, 1)->size(), 1);
    QCOMPARE(errorCodeOf(m_log->notificationsWithVerdicts(T0, T0 + 100, {}, 10)), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf(m_log->notificationsWithVerdicts(T0, T0 + 100, {u"rejected"_s}, 0)),
             ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestOrderQueries)
#include "test_order_queries.moc"

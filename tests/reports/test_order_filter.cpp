// The manager list's filters (turned into a parameterised query by the order log) and its paging.

#include "ReportTestSupport.h"

#include "orders/OrderFilter.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone Zone("America/Toronto");

template<typename T> ErrorCode codeOf(const Result<T> &result)
{
    return result ? ErrorCode::Invalid : result.error().code;
}

} // namespace

Q_DECLARE_METATYPE(paydesk::OrderFilter)
Q_DECLARE_METATYPE(paydesk::ListOrder)

class TestOrderFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void emptyFilterMatchesEverything();
    void eachFieldNarrows_data();
    void eachFieldNarrows();
    void valuesAreBoundNeverSpliced();
    void orderNumberSubstring();
    void invalidFiltersAreRefused();
    void keysetPagesCoverEverythingOnce_data();
    void keysetPagesCoverEverythingOnce();
    void keysetPagingIsStableUnderInserts();
    void offsetPaging();

private:
    qint64 count(const OrderFilter &filter);

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    std::unique_ptr<OrderLog> m_log;
    QList<Order> m_orders;
    qint64 m_dayStartUtcMs = 0;
};

// 30 orders across two days; the i-th order's properties follow from i.
void TestOrderFilter::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto log = OrderLog::open(m_dir->filePath(u"orders.sqlite"_s), m_clock);
    QVERIFY(log);
    m_log = std::move(*log);
    LogBuilder b(*m_log, m_clock, Zone);
    m_dayStartUtcMs = b.utcMs(u"2026-06-10T00:00:00"_s);
    const QList<Channel> channels{Channel::WxNative, Channel::AlipayQr, Channel::UpiQr};
    const QList<OrderState> states{OrderState::Paid, OrderState::Paid, OrderState::Expired, OrderState::Cancelled,
                                   OrderState::Unknown};
    for (int i = 0; i < 30; ++i) {
        OrderSpec spec;
        spec.channel = channels[i % 3];
        spec.amount = Money{100 * (i + 1), Currency::CAD};
        spec.state = states[i % 5];
        spec.terminalId = i % 2 == 0 ? u"T1"_s : u"T2"_s;
        spec.cashier = i < 10 ? u"alice"_s : u"bob"_s;
        spec.late = i == 5; // a Paid one (5 % 5 == 0)
        // Ten minutes apart from 08:00, all on 2026-06-10, except the last five the next day;
        // orders 7 and 8 share a creation time (keyset ties).
        const int minutes = i == 8 ? 7 * 10 : i * 10;
        const QString day = i >= 25 ? u"2026-06-11"_s : u"2026-06-10"_s;
        const Order order = b.orderAtUtc(b.utcMs(day + u"T08:00:00"_s) + qint64(minutes) * 60'000, spec);
        QVERIFY(order.id > 0);
        m_orders.append(order);
    }
    QVERIFY(b.refund(u"2026-06-12T09:00:00"_s, m_orders[0].id, 50, RefundState::Succeeded).id > 0);
}

void TestOrderFilter::cleanupTestCase()
{
    m_log.reset();
    m_dir.reset();
}

qint64 TestOrderFilter::count(const OrderFilter &filter)
{
    const auto counted = countOrders(*m_log, filter);
    if (!counted) {
        qWarning() << describe(counted.error());
        return -1;
    }
    return *counted;
}

void TestOrderFilter::emptyFilterMatchesEverything()
{
    QVERIFY(OrderFilter{}.validate());
    QCOMPARE(count({}), 30);
    const auto rows = orderRows(*m_log, {}, 0, 1000);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 30);
}

void TestOrderFilter::eachFieldNarrows_data()
{
    QTest::addColumn<OrderFilter>("filter");
    QTest::addColumn<qint64>("expected");
    const qint64 day = 24LL * 60 * 60 * 1000;
    const qint64 start = QDateTime(QDate(2026, 6, 10), QTime(0, 0), Zone).toMSecsSinceEpoch();
    OrderFilter f;
    f = OrderFilter::forRange(start, start + day);
    QTest::newRow("business day") << f << qint64(25);
    f.states = {OrderState::Paid};
    QTest::newRow("day + paid") << f << qint64(10); // i % 5 in {0, 1}, i < 25
    f.channels = {Channel::AlipayQr};
    QTest::newRow("day + paid + alipay") << f << qint64(3); // i in {1, 10, 16}
    f = {};
    f.states = {OrderState::Expired, OrderState::Cancelled};
    QTest::newRow("two states, no range") << f << qint64(12);
    f = {};
    f.terminalId = u"T2"_s;
    QTest::newRow("terminal") << f << qint64(15);
    f.cashier = u"alice"_s;
    QTest::newRow("terminal + cashier") << f << qint64(5);
    f = {};
    f.minAmountMinor = 1000;
    f.maxAmountMinor = 1500;
    QTest::newRow("amount 10.00..15.00 inclusive") << f << qint64(6);
    f = {};
    f.currency = Currency::CNY;
    QTest::newRow("currency") << f << qint64(0);
    f = {};
    f.lateOnly = true;
    QTest::newRow("late") << f << qint64(1);
    f = {};
    f.refundedOnly = true;
    QTest::newRow("refunded") << f << qint64(1);
}

void TestOrderFilter::eachFieldNarrows()
{
    QFETCH(OrderFilter, filter);
    QFETCH(qint64, expected);
    QCOMPARE(count(filter), expected);
    // The rows agree with the count and each one matches the filter's lists.
    const auto rows = orderRows(*m_log, filter, 0, 1000);
    QVERIFY(rows);
    QCOMPARE(rows->size(), expected);
    for (const Order &order : *rows) {
        QVERIFY(filter.states.isEmpty() || filter.states.contains(order.state));
        QVERIFY(filter.channels.isEmpty() || filter.channels.contains(order.channel));
        QVERIFY(!filter.minAmountMinor || order.amount.minor >= *filter.minAmountMinor);
        QVERIFY(!filter.maxAmountMinor || order.amount.minor <= *filter.maxAmountMinor);
    }
}

void TestOrderFilter::valuesAreBoundNeverSpliced()
{
    OrderFilter filter;
    filter.cashier = u"alice' OR '1'='1"_s;
    filter.terminalId = u"T1\"; DROP TABLE orders; --"_s;
    filter.orderNumber = u"' OR 1=1 --"_s;
    QCOMPARE(count(filter), 0);
    QCOMPARE(orderRows(*m_log, filter, 0, 1000)->size(), 0);
    // Each value alone matches nothing either (a spliced "OR 1=1" would match every row).
    OrderFilter cashierOnly;
    cashierOnly.cashier = filter.cashier;
    QCOMPARE(count(cashierOnly), 0);
    OrderFilter numberOnly;
    numberOnly.orderNumber = filter.orderNumber;
    QCOMPARE(count(numberOnly), 0);
    QCOMPARE(count({}), 30);
}

void TestOrderFilter::orderNumberSubstring()
{
    const Order &target = m_orders[16];
    QVERIFY(!target.payOrderId.isEmpty());
    OrderFilter filter;
    filter.orderNumber = target.mchOrderNo.mid(2); // without the terminal id
    QCOMPARE(count(filter), 1);
    filter.orderNumber = target.mchOrderNo.toLower(); // case does not matter
    QCOMPARE(count(filter), 1);
    filter.orderNumber = target.payOrderId; // the gateway's number works as well
    QCOMPARE(count(filter), 1);
    filter.orderNumber = u"t1"_s; // terminal prefix of every T1 order
    QCOMPARE(count(filter), 15);
    // LIKE wildcards typed by the manager are literal.
    filter.orderNumber = u"%"_s;
    QCOMPARE(count(filter), 0);
    filter.orderNumber = u"T_"_s;
    QCOMPARE(count(filter), 0);
    filter.orderNumber = u"  "_s; // blank: no filter
    QCOMPARE(count(filter), 30);
}

void TestOrderFilter::invalidFiltersAreRefused()
{
    OrderFilter inverted = OrderFilter::forRange(2000, 1000);
    QCOMPARE(codeOf(inverted.validate()), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(countOrders(*m_log, inverted)), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(orderRows(*m_log, inverted, 0, 10)), ErrorCode::InvalidArgument);
    OrderFilter amounts;
    amounts.minAmountMinor = 500;
    amounts.maxAmountMinor = 100;
    QCOMPARE(codeOf(amounts.validate()), ErrorCode::InvalidArgument);
    OrderFilter negative;
    negative.minAmountMinor = -1;
    QCOMPARE(codeOf(negative.validate()), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(orderPage(*m_log, negative, 10)), ErrorCode::InvalidArgument);
    OrderFilter invalidState;
    invalidState.states = {OrderState::Invalid};
    QCOMPARE(codeOf(countOrders(*m_log, invalidState)), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(orderPage(*m_log, {}, 0)), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(orderPage(*m_log, {}, 10'001)), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(orderRows(*m_log, {}, -1, 10)), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(orderPage(*m_log, {}, 10, std::nullopt, ListOrder::Invalid)), ErrorCode::InvalidArgument);
}

void TestOrderFilter::keysetPagesCoverEverythingOnce_data()
{
    QTest::addColumn<ListOrder>("order");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("newest first, 7") << ListOrder::NewestFirst << 7;
    QTest::newRow("oldest first, 7") << ListOrder::OldestFirst << 7;
    QTest::newRow("oldest first, 1") << ListOrder::OldestFirst << 1;
    QTest::newRow("newest first, exact 30") << ListOrder::NewestFirst << 30;
}

void TestOrderFilter::keysetPagesCoverEverythingOnce()
{
    QFETCH(ListOrder, order);
    QFETCH(int, pageSize);
    QList<Order> seen;
    std::optional<OrderCursor> cursor;
    int pages = 0;
    do {
        const auto page = orderPage(*m_log, {}, pageSize, cursor, order);
        QVERIFY(page);
        QVERIFY(page->orders.size() <= pageSize);
        seen += page->orders;
        cursor = page->next;
        QVERIFY(++pages <= 31);
    } while (cursor);
    QCOMPARE(seen.size(), 30);
    QSet<qint64> ids;
    for (qsizetype i = 0; i < seen.size(); ++i) {
        ids.insert(seen[i].id);
        if (i == 0)
            continue;
        const auto key = [](const Order &o) { return std::pair(o.createdAtMs, o.id); };
        if (order == ListOrder::NewestFirst)
            QVERIFY(key(seen[i]) < key(seen[i - 1]));
        else
            QVERIFY(key(seen[i - 1]) < key(seen[i]));
    }
    QCOMPARE(ids.size(), 30);
}

void TestOrderFilter::keysetPagingIsStableUnderInserts()
{
    // Oldest first over a fixed window: a row inserted while the manager pages (a new sale with
    // a later time) neither shifts nor duplicates the rows already shown.
    const OrderFilter window = OrderFilter::forRange(m_dayStartUtcMs, m_dayStartUtcMs + 2 * 86'400'000LL);
    const auto first = orderPage(*m_log, window, 10, std::nullopt, ListOrder::OldestFirst);
    QVERIFY(first && first->next);
    LogBuilder b(*m_log, m_clock, Zone);
    const Order inserted = b.order(u"2026-06-10T07:00:00"_s, {}); // before every row shown
    QVERIFY(inserted.id > 0);
    const auto second = orderPage(*m_log, window, 10, first->next, ListOrder::OldestFirst);
    QVERIFY(second);
    QCOMPARE(second->orders.size(), 10);
    QCOMPARE(second->orders.first().id, m_orders[10].id);
    for (const Order &order : second->orders)
        QVERIFY(order.id != inserted.id);
}

void TestOrderFilter::offsetPaging()
{
    const OrderFilter all = OrderFilter::forRange(m_dayStartUtcMs + 8 * 3'600'000LL, 0);
    const auto firstTen = orderRows(*m_log, all, 0, 10, ListOrder::OldestFirst);
    const auto nextTen = orderRows(*m_log, all, 10, 10, ListOrder::OldestFirst);
    const auto beyond = orderRows(*m_log, all, 1000, 10, ListOrder::OldestFirst);
    QVERIFY(firstTen && nextTen && beyond);
    QCOMPARE(firstTen->size(), 10);
    QCOMPARE(firstTen->first().id, m_orders[0].id);
    QCOMPARE(nextTen->first().id, m_orders[10].id);
    QVERIFY(beyond->isEmpty());
}

QTEST_GUILESS_MAIN(TestOrderFilter)
#include "test_order_filter.moc"

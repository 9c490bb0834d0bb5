// The manager's order list on a large log (200,000 orders in one business day, written directly
// with SQL so the test takes seconds): the model holds one page after the first fetch, pages on
// as the view scrolls, and filtering or sorting starts over with one page again — never the
// whole day. Plus the model's contents and its errors on a small log.

#include "common/Clock.h"
#include "orders/OrderFilter.h"
#include "orders/OrderLog.h"
#include "ui/manager/OrderTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 OrderCount = 200'000;
constexpr qint64 DayStartMs = 1'781'078'400'000; // 2026-06-10 08:00 UTC
constexpr qint64 DayLengthMs = 24LL * 3600 * 1000;
const Channel Channels[] = {Channel::WxNative, Channel::AlipayQr, Channel::UpiQr};

// Every third order per channel, amounts 1.00 .. 200.99, every 50th still open; evenly over the
// day, ids growing with time as in a real log.
bool generate(const QString &path, QString &error)
{
    const QString connection = u"generator"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        query.exec(u"PRAGMA synchronous = OFF"_s);
        query.exec(u"PRAGMA journal_mode = MEMORY"_s);
        db.transaction();
        query.prepare(u"INSERT INTO orders (id, mch_order_no, terminal_id, cashier, channel, amount_minor, currency,"
                      " state, late, source, gateway, subject, pay_order_id, created_at_ms, updated_at_ms, paid_at_ms)"
                      " VALUES (?, ?, 'T1', ?, ?, ?, 'CAD', ?, 0, 'counter', 'iotpay', 'Coffee', ?, ?, ?, ?)"_s);
        for (qint64 i = 0; i < OrderCount; ++i) {
            const qint64 created = DayStartMs + i * (DayLengthMs / OrderCount);
            const QString number = u"T1"_s + QString::number(i + 1).rightJustified(12, u'0');
            const bool open = i % 50 == 0;
            const QVariantList values{i + 1,
                                      number,
                                      i % 2 ? u"alice"_s : u"bob"_s,
                                      channelId(Channels[i % 3]),
                                      100 + (i % 20'000),
                                      open ? u"AWAITING"_s : u"PAID"_s,
                                      open ? QVariant() : QVariant(u"P"_s + number),
                                      created,
                                      created + 1000,
                                      open ? QVariant() : QVariant(created + 1000)};
            for (const QVariant &value : values)
                query.addBindValue(value);
            if (!query.exec()) {
                error = query.lastError().text();
                return false;
            }
        }
        db.commit();
        query.exec(u"PRAGMA journal_mode = WAL"_s);
    }
    QSqlDatabase::removeDatabase(connection);
    return true;
}

} // namespace

class TestOrderTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void firstFetchIsOnePage();
    void scrollingFetchesPageByPage();
    void filteringStartsOverWithOnePage();
    void sortingByTimeStartsOverWithOnePage();
    void otherColumnsDoNotSort();
    void aViewDoesNotLoadTheDay();
    void deepPagesStayFast();
    void rowsShowTheOrder();
    void invalidFilterEmptiesTheList();

private:
    OrderFilter dayFilter() const { return OrderFilter::forRange(DayStartMs, DayStartMs + DayLengthMs); }

    QTemporaryDir m_dir;
    ManualClock m_clock{DayStartMs + DayLengthMs};
    std::unique_ptr<OrderLog> m_log;
};

void TestOrderTableModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"big.sqlite"_s);
    QVERIFY(OrderLog::open(path, m_clock)); // the schema
    QString error;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(generate(path, error), qPrintable(error));
    qInfo("generated %lld orders in %lld ms", OrderCount, timer.elapsed());
    auto log = OrderLog::open(path, m_clock);
    QVERIFY(log);
    m_log = std::move(*log);
}

void TestOrderTableModel::cleanupTestCase()
{
    m_log.reset();
}

void TestOrderTableModel::firstFetchIsOnePage()
{
    OrderTableModel model(*m_log);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(model.setFilter(dayFilter()));
    const qint64 elapsedMs = timer.elapsed();
    QCOMPARE(model.totalCount(), OrderCount);
    QCOMPARE(model.rowCount(), OrderTableModel::DefaultPageSize);
    QVERIFY(model.canFetchMore({}));
    // Newest first: the last generated order on top.
    QCOMPARE(model.orderAt(0)->id, OrderCount);
    QCOMPARE(model.orderAt(199)->id, OrderCount - 199);
    // Generous for a Debug build on a shared machine; a full load would take many seconds.
    QVERIFY2(elapsedMs < 1500, qPrintable(QString::number(elapsedMs) + u" ms"_s));
}

void TestOrderTableModel::scrollingFetchesPageByPage()
{
    OrderTableModel model(*m_log);
    QVERIFY(model.setFilter(dayFilter()));
    for (int page = 2; page <= 5; ++page) {
        model.fetchMore({});
        QCOMPARE(model.rowCount(), page * OrderTableModel::DefaultPageSize);
    }
    // Contiguous, no row twice: keyset paging.
    for (int row = 1; row < model.rowCount(); ++row)
        QCOMPARE(model.orderAt(row)->id, model.orderAt(row - 1)->id - 1);

    // The end of a small result.
    OrderFilter few = dayFilter();
    few.orderNumber = u"T100000000012"_s; // ids 120..129
    QVERIFY(model.setFilter(few));
    QCOMPARE(model.totalCount(), 10);
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.canFetchMore({}));
}

void TestOrderTableModel::filteringStartsOverWithOnePage()
{
    OrderTableModel model(*m_log);
    QVERIFY(model.setFilter(dayFilter()));
    model.fetchMore({});
    OrderFilter alipay = dayFilter();
    alipay.channels = {Channel::AlipayQr};
    QElapsedTimer timer;
    timer.start();
    QVERIFY(model.setFilter(alipay));
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed()) + u" ms"_s));
    QCOMPARE(model.rowCount(), OrderTableModel::DefaultPageSize);
    QCOMPARE(model.totalCount(), (OrderCount - 1) / 3 + 1); // i % 3 == 1 for i < OrderCount
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.orderAt(row)->channel, Channel::AlipayQr);

    OrderFilter open = dayFilter();
    open.states = {OrderState::Awaiting};
    open.minAmountMinor = 150;
    QVERIFY(model.setFilter(open));
    QVERIFY(model.rowCount() <= OrderTableModel::DefaultPageSize);
    QVERIFY(model.totalCount() > 0 && model.totalCount() < OrderCount / 50);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.orderAt(row)->state, OrderState::Awaiting);
        QVERIFY(model.orderAt(row)->amount.minor >= 150);
    }
}

void TestOrderTableModel::sortingByTimeStartsOverWithOnePage()
{
    OrderTableModel model(*m_log);
    QVERIFY(model.setFilter(dayFilter()));
    model.fetchMore({});
    model.fetchMore({});
    model.sort(OrderTableModel::Time, Qt::AscendingOrder);
    QCOMPARE(model.listOrder(), ListOrder::OldestFirst);
    QCOMPARE(model.rowCount(), OrderTableModel::DefaultPageSize);
    QCOMPARE(model.orderAt(0)->id, 1);
    model.fetchMore({});
    QCOMPARE(model.orderAt(399)->id, 400);
    model.sort(OrderTableModel::Time, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), OrderTableModel::DefaultPageSize);
    QCOMPARE(model.orderAt(0)->id, OrderCount);
}

void TestOrderTableModel::otherColumnsDoNotSort()
{
    OrderTableModel model(*m_log);
    QVERIFY(model.setFilter(dayFilter()));
    model.sort(OrderTableModel::Amount, Qt::AscendingOrder);
    QCOMPARE(model.listOrder(), ListOrder::NewestFirst);
    QCOMPARE(model.rowCount(), OrderTableModel::DefaultPageSize);
    QCOMPARE(model.orderAt(0)->id, OrderCount);
}

void TestOrderTableModel::aViewDoesNotLoadTheDay()
{
    OrderTableModel model(*m_log);
    QTableView view;
    view.setModel(&model);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(model.setFilter(dayFilter()));
    QApplication::processEvents();
    QVERIFY2(model.rowCount() <= 2 * OrderTableModel::DefaultPageSize, qPrintable(QString::number(model.rowCount())));
    // Scrolling to the end of what is loaded fetches the next page, not everything.
    for (int i = 0; i < 3; ++i) {
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QApplication::processEvents();
    }
    QVERIFY(model.rowCount() > OrderTableModel::DefaultPageSize);
    QVERIFY2(model.rowCount() <= 6 * OrderTableModel::DefaultPageSize, qPrintable(QString::number(model.rowCount())));
}

void TestOrderTableModel::deepPagesStayFast()
{
    OrderTableModel model(*m_log);
    model.setPageSize(2000);
    QVERIFY(model.setFilter(dayFilter()));
    for (int page = 0; page < 50; ++page)
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 102'000);
    // Keyset paging: a page deep in the day costs what the first one did (no OFFSET scan).
    QElapsedTimer timer;
    timer.start();
    model.fetchMore({});
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + u" ms"_s));
    QCOMPARE(model.orderAt(model.rowCount() - 1)->id, OrderCount - model.rowCount() + 1);
}

void TestOrderTableModel::rowsShowTheOrder()
{
    OrderTableModel model(*m_log);
    model.setTimeZone(QTimeZone("America/Toronto"));
    OrderFilter first = dayFilter();
    first.orderNumber = u"T1000000000001"_s;
    QVERIFY(model.setFilter(first));
    const int row = model.rowOfOrder(1);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, OrderTableModel::OrderNumber).data().toString(), u"T1000000000001"_s);
    QCOMPARE(model.index(row, OrderTableModel::Time).data().toString(), u"2026-06-10 04:00:00"_s);
    QCOMPARE(model.index(row, OrderTableModel::State).data().toString(), u"Awaiting payment"_s);
    QCOMPARE(model.index(row, OrderTableModel::ChannelColumn).data().toString(), u"WeChat Pay"_s);
    QCOMPARE(model.index(row, OrderTableModel::Amount).data(OrderTableModel::OrderIdRole).toLongLong(), 1);
    QCOMPARE(model.headerData(OrderTableModel::Amount, Qt::Horizontal).toString(), u"Amount"_s);
    QCOMPARE(model.columnCount(), int(OrderTableModel::ColumnCount));
    QVERIFY(model.index(row, OrderTableModel::Amount).data().toString().contains(u"1.00"_s));
}

void TestOrderTableModel::invalidFilterEmptiesTheList()
{
    OrderTableModel model(*m_log);
    QVERIFY(model.setFilter(dayFilter()));
    OrderFilter inverted = dayFilter();
    inverted.minAmountMinor = 500;
    inverted.maxAmountMinor = 100;
    QSignalSpy failed(&model, &OrderTableModel::loadFailed);
    QVERIFY(!model.setFilter(inverted));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.lastError().code, ErrorCode::InvalidArgument);
}

QTEST_MAIN(TestOrderTableModel)
#include "test_order_table_model.moc"

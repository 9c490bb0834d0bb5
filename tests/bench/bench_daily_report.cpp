// bench_daily_report: the daily (Z) report over an order log of a million orders (design.md
// performance table: <= 50 ms).
//
//   bench_daily_report [--orders N] [--runs R] [--keep DIR | --log FILE] [--smoke]
//
// Generates N orders spread over the year 2026 in America/Toronto (shop hours weighted), with
// refunds and notification audit rows, into a temporary order log (one transaction, prepared
// statements, synchronous=OFF — for the generator only), reopens it as PayDesk does, then
// times buildDailyReport() for several business days, DST days included, R times each. Beside
// it, in the same run: the floor (an index-only COUNT over the same day range) and the naive way
// (loading every order of the day). Prints one JSON object; exit 1 when p99 exceeds the target,
// except with --smoke (ctest's run on a small log, often on a loaded machine: it checks that the
// benchmark works, and a time limit in the suite would make it a timed unit test).

#include "BenchSupport.h"

#include "common/Clock.h"
#include "orders/OrderFilter.h"
#include "orders/OrderLog.h"
#include "reports/Csv.h"
#include "reports/DailyReport.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

constexpr double TargetMs = 50.0;
constexpr int CutoffHour = 4;
const QTimeZone Zone("America/Toronto");

double timeMs(const std::function<bool()> &work)
{
    return bench::timeMs("bench_daily_report", work);
}

// The generator: raw statements on its own connection, the schema made by OrderLog itself.
class Generator
{
public:
    explicit Generator(const QString &path) : m_db(QSqlDatabase::addDatabase(u"QSQLITE"_s, u"generator"_s))
    {
        m_db.setDatabaseName(path);
    }
    ~Generator()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"generator"_s);
    }

    bool run(qint64 orderCount, QJsonObject &summary);

private:
    bool exec(const QString &statement)
    {
        QSqlQuery query(m_db);
        if (query.exec(statement))
            return true;
        std::fprintf(stderr, "generator: %s: %s\n", qPrintable(statement), qPrintable(query.lastError().text()));
        return false;
    }
    bool prepare(QSqlQuery &query, const QString &statement)
    {
        query = QSqlQuery(m_db);
        if (query.prepare(statement))
            return true;
        std::fprintf(stderr, "generator: %s\n", qPrintable(query.lastError().text()));
        return false;
    }
    bool insertAll(qint64 orderCount, QJsonObject &summary);

    QSqlDatabase m_db;
    std::mt19937_64 m_random{20260101};
};

// Shop hours: few sales at night, a lunch and an evening peak. Weights per local hour.
qint64 randomLocalOffsetMs(std::mt19937_64 &random)
{
    static std::discrete_distribution<int> hours{1,  1,  1,  1,  1,  1,  2,  4,  8,  10, 12, 18,
                                                 20, 16, 12, 12, 14, 18, 20, 16, 10, 6,  3,  2};
    std::uniform_int_distribution<qint64> withinHour(0, 3'599'999);
    return qint64(hours(random)) * 3'600'000 + withinHour(random);
}

// One generated order: mostly paid, some expired/cancelled/failed, a few unknown and late;
// WeChat Pay half, Alipay a third, UnionPay the rest; CAD with some CNY and USD.
struct GeneratedOrder
{
    QString number;
    QString channel;
    QString currency;
    QString state;
    bool late = false;
    qint64 amountMinor = 0;
    qint64 refundMinor = 0;
    bool rejectedNotify = false;
    bool unmatchedNotify = false;
};

GeneratedOrder makeOrder(std::mt19937_64 &random, qint64 id, qint64 createdUtcMs)
{
    std::uniform_int_distribution<int> perTenThousand(0, 9999);
    std::uniform_int_distribution<qint64> amount(100, 20'000);
    GeneratedOrder order;
    const int roll = perTenThousand(random);
    order.channel = roll % 20 < 10 ? u"WX_NATIVE"_s : (roll % 20 < 17 ? u"ALIPAY_QR"_s : u"UPI_QR"_s);
    order.currency
        = order.channel == u"WX_NATIVE" && roll % 50 == 0 ? u"CNY"_s : (roll % 97 == 0 ? u"USD"_s : u"CAD"_s);
    const int stateRoll = perTenThousand(random);
    order.state = u"PAID"_s;
    if (stateRoll >= 9500)
        order.state = u"EXPIRED"_s;
    else if (stateRoll >= 9250)
        order.state = u"CANCELLED"_s;
    else if (stateRoll >= 9100)
        order.state = u"FAILED"_s;
    else if (stateRoll >= 9095)
        order.state = u"UNKNOWN"_s;
    order.late = order.state == u"PAID" && stateRoll < 40;
    order.amountMinor = amount(random);
    order.number = u"T1"_s + QDateTime::fromMSecsSinceEpoch(createdUtcMs, QTimeZone::utc()).toString(u"yyMMddHHmmss"_s)
        + QString::number(id).rightJustified(8, u'0');
    if (order.state == u"PAID" && perTenThousand(random) < 150)
        order.refundMinor = perTenThousand(random) < 5000 ? order.amountMinor : order.amountMinor / 2;
    order.rejectedNotify = roll % 1000 == 0;
    order.unmatchedNotify = roll % 2000 == 1;
    return order;
}

QList<qint64> orderTimes(std::mt19937_64 &random, qint64 orderCount)
{
    const QDate firstDay(2026, 1, 1);
    std::uniform_int_distribution<int> dayPick(0, 364);
    QList<qint64> times;
    times.reserve(orderCount);
    for (qint64 i = 0; i < orderCount; ++i) {
        const QDate day = firstDay.addDays(dayPick(random));
        times.append(QDateTime(day, QTime(0, 0), Zone).toMSecsSinceEpoch() + randomLocalOffsetMs(random));
    }
    std::sort(times.begin(), times.end()); // ids grow with time, as in a real log
    return times;
}

bool execBound(QSqlQuery &query, const QVariantList &values)
{
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    std::fprintf(stderr, "generator: %s\n", qPrintable(query.lastError().text()));
    return false;
}

bool Generator::insertAll(qint64 orderCount, QJsonObject &summary)
{
    QSqlQuery order;
    QSqlQuery refund;
    QSqlQuery notification;
    if (!prepare(order,
                 u"INSERT INTO orders (id, mch_order_no, terminal_id, cashier, channel, amount_minor, currency,"
                 " state, late, source, gateway, subject, pay_order_id, created_at_ms, updated_at_ms,"
                 " paid_at_ms, refunded_minor) VALUES (?, ?, 'T1', 'alice', ?, ?, ?, ?, ?, 'counter',"
                 " 'iotpay', 'Coffee', ?, ?, ?, ?, ?)"_s)
        || !prepare(refund,
                    u"INSERT INTO refunds (order_id, mch_refund_no, amount_minor, currency, reason, state,"
                    " requested_by, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, 'bench', 'SUCCEEDED',"
                    " 'mina', ?, ?)"_s)
        || !prepare(notification,
                    u"INSERT INTO notifications (received_at_ms, verdict, reason, mch_order_no, raw)"
                    " VALUES (?, ?, '', ?, 'x')"_s)) {
        return false;
    }
    const QList<qint64> times = orderTimes(m_random, orderCount);
    qint64 refunds = 0;
    qint64 notifications = 0;
    for (qint64 i = 0; i < orderCount; ++i) {
        const qint64 id = i + 1;
        const qint64 created = times[i];
        const GeneratedOrder o = makeOrder(m_random, id, created);
        const bool paid = o.state == u"PAID";
        if (!execBound(order,
                       {id, o.number, o.channel, o.amountMinor, o.currency, o.state, o.late ? 1 : 0,
                        paid ? QVariant(QString(u"P"_s + o.number)) : QVariant(), created, created + 30'000,
                        paid ? QVariant(created + 25'000) : QVariant(), o.refundMinor})) {
            return false;
        }
        if (paid) {
            const QString verdict = o.rejectedNotify ? u"rejected"_s : u"accepted"_s;
            if (!execBound(notification, {created + 24'000, verdict, o.number}))
                return false;
            ++notifications;
        }
        if (o.unmatchedNotify) {
            if (!execBound(notification, {created + 1000, u"unmatched"_s, QString(u"X"_s + o.number)}))
                return false;
            ++notifications;
        }
        if (o.refundMinor > 0) {
            const qint64 at = created + 3'600'000LL * (1 + qint64(id % 72));
            if (!execBound(refund,
                           {id, QString(u"R"_s + o.number + u"01"_s), o.refundMinor, o.currency, at, at + 2000}))
                return false;
            ++refunds;
        }
    }
    summary.insert(u"refunds"_s, refunds);
    summary.insert(u"notifications"_s, notifications);
    return true;
}

bool Generator::run(qint64 orderCount, QJsonObject &summary)
{
    if (!m_db.open())
        return false;
    // Generator only: no durability needed for a file thrown away afterwards. The journal in
    // memory keeps a million-row transaction out of the WAL; WAL is restored for the timed part.
    if (!exec(u"PRAGMA synchronous = OFF"_s) || !exec(u"PRAGMA journal_mode = MEMORY"_s)
        || !exec(u"PRAGMA cache_size = -262144"_s) || !exec(u"BEGIN"_s)) {
        return false;
    }
    if (!insertAll(orderCount, summary))
        return false;
    return exec(u"COMMIT"_s) && exec(u"PRAGMA journal_mode = WAL"_s);
}

QList<QDate> benchmarkDays()
{
    // Ordinary days across the year, a Saturday in December, and both daylight-saving business
    // days (with a 04:00 cut-off the clock change at 02:00 falls in the day before's night).
    return {QDate(2026, 1, 15), QDate(2026, 3, 7), QDate(2026, 4, 22),  QDate(2026, 6, 10),
            QDate(2026, 7, 31), QDate(2026, 9, 1), QDate(2026, 10, 31), QDate(2026, 12, 19)};
}

struct Timings
{
    std::vector<double> report;
    std::vector<double> floor;
    std::vector<double> loadDay;
    std::vector<double> page;
    std::vector<double> csv;
    QJsonArray perDay;
};

Timings timeDays(const OrderLog &log, int runs)
{
    Timings timings;
    const QList<QDate> days = benchmarkDays();
    QMap<QDate, std::vector<double>> byDay;
    QMap<QDate, int> ordersOfDay;
    for (int run = 0; run < runs; ++run) {
        for (const QDate &day : days) {
            Result<DailyReport> report = fail(ErrorCode::Invalid);
            const double ms = timeMs([&] {
                report = buildDailyReport(log, {day, Zone, CutoffHour});
                return bool(report);
            });
            timings.report.push_back(ms);
            byDay[day].push_back(ms);
            ordersOfDay[day] = report->orderCount;
            const BusinessDayRange range = report->range;
            timings.floor.push_back(
                timeMs([&] { return bool(countOrders(log, OrderFilter::forRange(range.fromUtcMs, range.toUtcMs))); }));
            if (run % 5 != 0)
                continue; // the secondary figures need fewer samples
            timings.loadDay.push_back(timeMs([&] { return bool(log.ordersBetween(range.fromUtcMs, range.toUtcMs)); }));
            OrderFilter paidOfDay = OrderFilter::forRange(range.fromUtcMs, range.toUtcMs);
            paidOfDay.states = {OrderState::Paid};
            timings.page.push_back(timeMs([&] { return bool(orderPage(log, paidOfDay, 100)); }));
            timings.csv.push_back(timeMs([&] {
                QBuffer buffer;
                buffer.open(QIODevice::WriteOnly);
                return bool(exportOrdersCsv(log, OrderFilter::forRange(range.fromUtcMs, range.toUtcMs), buffer, {}));
            }));
        }
    }
    for (const QDate &day : days) {
        const BusinessDayRange range = businessDayRange(day, Zone, CutoffHour);
        const qint64 hours = (range.toUtcMs - range.fromUtcMs) / 3'600'000;
        timings.perDay.append(QJsonObject{{u"date"_s, day.toString(Qt::ISODate)},
                                          {u"hours"_s, hours},
                                          {u"orders"_s, ordersOfDay.value(day)},
                                          {u"reportMs"_s, bench::toJson(bench::summarize(byDay.value(day)))}});
    }
    return timings;
}

bool generate(const QString &path, qint64 orderCount, const Clock &clock, QJsonObject &summary)
{
    if (auto created = OrderLog::open(path, clock); !created) {
        std::fprintf(stderr, "bench_daily_report: %s\n", qPrintable(describe(created.error())));
        return false;
    }
    summary.insert(u"orders"_s, orderCount);
    QElapsedTimer generation;
    generation.start();
    if (!Generator(path).run(orderCount, summary))
        return false;
    summary.insert(u"seconds"_s, double(generation.elapsed()) / 1000.0);
    summary.insert(u"fileBytes"_s, QFileInfo(path).size());
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"orders"_s, u"Orders to generate (default 1000000)."_s, u"N"_s});
    parser.addOption({u"runs"_s, u"Timed runs per day (default 50)."_s, u"R"_s});
    parser.addOption(
        {u"keep"_s, u"Generate into DIR (no bench-orders.sqlite there yet) and keep the file."_s, u"DIR"_s});
    parser.addOption({u"log"_s, u"Time an existing log (one --keep made) instead of generating."_s, u"FILE"_s});
    parser.addOption({u"smoke"_s, u"Exit 0 whatever the timings (the figures and pass are still printed)."_s});
    parser.process(app);
    const qint64 orderCount = bench::intOption(parser, u"orders"_s, 1'000'000);
    const int runs = bench::intOption(parser, u"runs"_s, 50);
    if (!Zone.isValid()) {
        std::fprintf(stderr, "bench_daily_report: no time zone data for America/Toronto\n");
        return 2;
    }
    QTemporaryDir temp;
    SystemClock clock;
    QString path = parser.value(u"log"_s);
    QJsonObject generated;
    if (path.isEmpty()) {
        const QString dir = parser.isSet(u"keep"_s) ? parser.value(u"keep"_s) : temp.path();
        path = dir + u"/bench-orders.sqlite"_s;
        if (QFileInfo::exists(path)) {
            std::fprintf(stderr, "bench_daily_report: %s exists; time it with --log\n", qPrintable(path));
            return 2;
        }
        if (!generate(path, orderCount, clock, generated))
            return 2;
    }
    auto log = OrderLog::open(path, clock);
    if (!log) {
        std::fprintf(stderr, "bench_daily_report: %s\n", qPrintable(describe(log.error())));
        return 2;
    }
    const Timings timings = timeDays(**log, runs);
    const bench::Summary report = bench::summarize(timings.report);
    const bool pass = report.p99Ms <= TargetMs;
    bench::printJson(QJsonObject{
        {u"benchmark"_s, u"daily_report"_s},
        {u"environment"_s, bench::environmentJson()},
        {u"generated"_s, generated},
        {u"timeZone"_s, QString::fromUtf8(Zone.id())},
        {u"cutoffHour"_s, CutoffHour},
        {u"runsPerDay"_s, runs},
        {u"dailyReportMs"_s, bench::toJson(report)},
        {u"floorIndexCountMs"_s, bench::toJson(bench::summarize(timings.floor))},
        {u"naiveLoadDayOrdersMs"_s, bench::toJson(bench::summarize(timings.loadDay))},
        {u"firstPagePaidOfDayMs"_s, bench::toJson(bench::summarize(timings.page))},
        {u"csvExportOfDayMs"_s, bench::toJson(bench::summarize(timings.csv))},
        {u"days"_s, timings.perDay},
        {u"targetMs"_s, TargetMs},
        {u"pass"_s, pass},
    });
    return pass || parser.isSet(u"smoke"_s) ? 0 : 1;
}

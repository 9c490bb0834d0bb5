// bench_store_report: the day summary of one store and of a whole chain (design.md performance
// table: <= 50 ms for a store, <= 100 ms for the chain, over 10,000,000 orders of 50 terminals).
//
//   bench_store_report [--orders N] [--stores S] [--terminals T] [--runs R]
//                      [--url URL | --pg | --sqlite-file FILE] [--reuse] [--smoke]
//
// Generates N orders of S stores x T terminals each, spread evenly over the year 2026 (UTC
// business days) with 1.5 % refunded, in one set-based statement per table (PostgreSQL:
// generate_series; SQLite: a recursive CTE) into a store made by OrderLog itself (schema,
// indexes), then times buildDailyReport() scoped to a store and unscoped (the chain) for several
// days, R times each. Beside each, in the same run, its physical floor: a plain COUNT(*) of the
// same day's rows (of the store, and of the chain) on the same connection. --pg starts a
// throw-away PostgreSQL cluster (tests/pg/pg_test_server.sh) for the run; --url times an existing
// database; the default is a SQLite file in a temporary directory. --reuse skips generation when
// the store already holds N orders. Prints one JSON object; exit 1 when a p99 is over its
// target, except with --smoke.

#include "BenchSupport.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "reports/DailyReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>
#include <functional>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

constexpr double StoreTargetMs = 50.0;
constexpr double ChainTargetMs = 100.0;
const QDateTime YearStart(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
constexpr qint64 YearMs = 365LL * 24 * 3'600'000;

double timeMs(const std::function<bool()> &work)
{
    return bench::timeMs("bench_store_report", work);
}

// A raw connection beside the order log's: the generator and the floor's COUNT.
class Raw
{
public:
    explicit Raw(const QString &url) : m_name(u"bench-raw"_s)
    {
        m_postgres = url.startsWith(u"postgresql:"_s);
        if (m_postgres) {
            const QUrl parsed(url);
            const QUrlQuery query(parsed);
            m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
            m_db.setDatabaseName(parsed.path().mid(1));
            m_db.setHostName(query.queryItemValue(u"host"_s));
            m_db.setPort(query.queryItemValue(u"port"_s).toInt());
            m_db.setUserName(query.queryItemValue(u"user"_s));
        } else {
            m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
            m_db.setDatabaseName(url);
        }
        if (!m_db.open())
            std::fprintf(stderr, "bench_store_report: %s\n", qPrintable(m_db.lastError().text()));
    }
    ~Raw()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    bool isPostgres() const { return m_postgres; }
    bool exec(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery query(m_db);
        bool ok = false;
        if (values.isEmpty()) {
            ok = query.exec(statement);
        } else {
            ok = query.prepare(statement);
            for (const QVariant &value : values)
                query.addBindValue(value);
            ok = ok && query.exec();
        }
        if (!ok)
            std::fprintf(stderr, "bench_store_report: %s: %s\n", qPrintable(statement.left(200)),
                         qPrintable(query.lastError().text()));
        return ok;
    }
    qint64 scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery query(m_db);
        query.prepare(statement);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next()) {
            std::fprintf(stderr, "bench_store_report: %s: %s\n", qPrintable(statement.left(200)),
                         qPrintable(query.lastError().text()));
            return -1;
        }
        return query.value(0).toLongLong();
    }

private:
    QString m_name;
    bool m_postgres = false;
    QSqlDatabase m_db;
};

struct Shape
{
    qint64 orders = 0;
    int stores = 0;
    int terminalsPerStore = 0;
    int terminals() const { return stores * terminalsPerStore; }
};

// Row g (1..N) of the generated orders, as SQL over the integer column g: evenly spread over the
// year (ids grow with time, as in a real log), terminal g mod 50 of store (g mod 50) / 10.
QString orderSelect(const Shape &shape)
{
    const QString terminals = QString::number(shape.terminals());
    const QString perStore = QString::number(shape.terminalsPerStore);
    const QString start = QString::number(YearStart.toMSecsSinceEpoch());
    const QString step = QString::number(YearMs / shape.orders);
    const QString created = u"("_s + start + u" + (g - 1) * "_s + step + u")"_s;
    const QString state = u"CASE WHEN g % 100 < 91 THEN 'PAID' WHEN g % 100 < 96 THEN 'EXPIRED'"
                          " WHEN g % 100 < 98 THEN 'CANCELLED' WHEN g % 100 < 99 THEN 'FAILED' ELSE 'UNKNOWN' END"_s;
    return u"SELECT 'B' || g, 'T' || (g % "_s + terminals
        + u"), 'c' || (g % 4),"
          " CASE WHEN g % 10 < 5 THEN 'WX_NATIVE' WHEN g % 10 < 8 THEN 'ALIPAY_QR' ELSE 'UPI_QR' END,"
          " 100 + (g * 7919) % 20000, CASE WHEN g % 97 = 0 THEN 'USD' ELSE 'CAD' END, "_s
        + state + u", CASE WHEN g % 1000 = 7 THEN 1 ELSE 0 END, 'counter', 'iotpay', 'Coffee', "_s + created + u", "_s
        + created + u" + 30000, CASE WHEN g % 100 < 91 THEN "_s + created
        + u" + 25000 ELSE NULL END, CASE WHEN g % 67 = 0 AND g % 100 < 91 THEN 100 + (g * 7919) % 20000 ELSE 0 END,"
          " 'S' || ((g % "_s
        + terminals + u") / "_s + perStore + u" + 1)"_s;
}

const QString OrderColumns = u"mch_order_no, terminal_id, cashier, channel, amount_minor, currency, state, late,"
                             " source, gateway, subject, created_at_ms, updated_at_ms, paid_at_ms, refunded_minor,"
                             " store_id"_s;

bool generate(Raw &raw, const Shape &shape, QJsonObject &summary)
{
    QElapsedTimer timer;
    timer.start();
    const QString insert = u"INSERT INTO orders ("_s + OrderColumns + u") "_s;
    const QString n = QString::number(shape.orders);
    if (raw.isPostgres()) {
        if (!raw.exec(insert + orderSelect(shape) + u" FROM generate_series(CAST(1 AS BIGINT), "_s + n
                      + u") AS s(g)"_s))
            return false;
    } else {
        if (!raw.exec(u"PRAGMA synchronous = OFF"_s) || !raw.exec(u"PRAGMA journal_mode = MEMORY"_s)
            || !raw.exec(u"PRAGMA cache_size = -1048576"_s))
            return false;
        if (!raw.exec(u"WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < "_s + n + u") "_s
                      + insert + orderSelect(shape) + u" FROM s"_s))
            return false;
    }
    // The refunds of the refunded orders, an hour after the sale (same business day mostly).
    if (!raw.exec(u"INSERT INTO refunds (order_id, mch_refund_no, amount_minor, currency, reason, state,"
                  " requested_by, created_at_ms, updated_at_ms)"
                  " SELECT id, 'R' || mch_order_no, refunded_minor, currency, 'bench', 'SUCCEEDED', 'mina',"
                  " created_at_ms + 3600000, created_at_ms + 3602000 FROM orders WHERE refunded_minor > 0"_s))
        return false;
    if (!raw.exec(raw.isPostgres() ? u"VACUUM ANALYZE"_s : u"ANALYZE"_s))
        return false;
    if (!raw.isPostgres() && !raw.exec(u"PRAGMA journal_mode = WAL"_s))
        return false;
    summary.insert(u"seconds"_s, double(timer.elapsed()) / 1000.0);
    summary.insert(u"refunds"_s, raw.scalar(u"SELECT COUNT(*) FROM refunds"_s));
    return true;
}

QList<QDate> benchmarkDays()
{
    return {QDate(2026, 1, 15), QDate(2026, 3, 7), QDate(2026, 6, 10), QDate(2026, 9, 1), QDate(2026, 12, 19)};
}

struct Samples
{
    std::vector<double> store;
    std::vector<double> storeFloor;
    std::vector<double> chain;
    std::vector<double> chainFloor;
    int storeOrders = 0; // of one store's day (the last timed)
    int chainOrders = 0;
};

Samples timeDays(const OrderLog &log, Raw &raw, const Shape &shape, int runs)
{
    Samples samples;
    const QList<QDate> days = benchmarkDays();
    for (int run = 0; run < runs; ++run) {
        for (const QDate &day : days) {
            const ReportDay reportDay{day, QTimeZone::utc(), 0};
            const QString store = u"S"_s + QString::number(1 + run % shape.stores);
            Result<DailyReport> report = fail(ErrorCode::Invalid);
            samples.store.push_back(timeMs([&] {
                report = buildDailyReport(log, reportDay, {store, {}});
                return bool(report);
            }));
            samples.storeOrders = report->orderCount;
            const BusinessDayRange range = report->range;
            samples.storeFloor.push_back(timeMs([&] {
                return raw.scalar(u"SELECT COUNT(*) FROM orders WHERE store_id = ? AND created_at_ms >= ?"
                                  " AND created_at_ms < ?"_s,
                                  {store, range.fromUtcMs, range.toUtcMs})
                    >= 0;
            }));
            samples.chain.push_back(timeMs([&] {
                report = buildDailyReport(log, reportDay);
                return bool(report);
            }));
            samples.chainOrders = report->orderCount;
            samples.chainFloor.push_back(timeMs([&] {
                return raw.scalar(u"SELECT COUNT(*) FROM orders WHERE created_at_ms >= ? AND created_at_ms < ?"_s,
                                  {range.fromUtcMs, range.toUtcMs})
                    >= 0;
            }));
        }
    }
    return samples;
}

// tests/pg/pg_test_server.sh in a directory of our own, and the bench's database on it.
class ThrowAwayServer
{
public:
    ~ThrowAwayServer()
    {
        if (m_started)
            run(u"stop"_s);
    }
    bool start()
    {
        m_dir = QDir::tempPath() + u"/paydesk-bench-pg-"_s + QString::number(QCoreApplication::applicationPid());
        if (!run(u"start"_s))
            return false;
        m_started = true;
        Raw admin(url(u"postgres"_s));
        return admin.exec(u"CREATE DATABASE bench"_s);
    }
    QString url(const QString &database = u"bench"_s) const
    {
        return u"postgresql:///"_s + database + u"?host="_s + m_dir + u"&port="_s
            + qEnvironmentVariable("PAYDESK_PG_PORT", u"5432"_s) + u"&user=postgres"_s;
    }

private:
    // The script's own messages go to stderr: stdout is the JSON alone.
    bool run(const QString &action) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.start(script(), {action, m_dir});
        return process.waitForFinished(120'000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
    }
    static QString script() { return QStringLiteral(PAYDESK_SOURCE_DIR) + u"/tests/pg/pg_test_server.sh"_s; }
    QString m_dir;
    bool m_started = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"orders"_s, u"Orders to generate (default 1000000)."_s, u"N"_s});
    parser.addOption({u"stores"_s, u"Stores (default 5)."_s, u"S"_s});
    parser.addOption({u"terminals"_s, u"Terminals per store (default 10)."_s, u"T"_s});
    parser.addOption({u"runs"_s, u"Timed runs per day (default 20)."_s, u"R"_s});
    parser.addOption({u"url"_s, u"Time this store (postgresql:// or a SQLite file)."_s, u"URL"_s});
    parser.addOption({u"pg"_s, u"Start a throw-away PostgreSQL cluster for the run."_s});
    parser.addOption({u"reuse"_s, u"Do not generate when the store already holds N orders."_s});
    parser.addOption({u"smoke"_s, u"Exit 0 whatever the timings (the figures and pass are still printed)."_s});
    parser.process(app);
    const Shape shape{bench::intOption(parser, u"orders"_s, 1'000'000), bench::intOption(parser, u"stores"_s, 5),
                      bench::intOption(parser, u"terminals"_s, 10)};
    const int runs = bench::intOption(parser, u"runs"_s, 20);

    QTemporaryDir temp;
    ThrowAwayServer server;
    QString url = parser.value(u"url"_s);
    if (parser.isSet(u"pg"_s)) {
        if (!server.start()) {
            std::fprintf(stderr, "bench_store_report: the throw-away PostgreSQL did not start\n");
            return 2;
        }
        url = server.url();
    } else if (url.isEmpty()) {
        url = temp.filePath(u"bench-store.sqlite"_s);
    }
    SystemClock clock;
    if (auto made = OrderLog::open(url, clock); !made) { // the schema, as PayDesk makes it; closed again
        std::fprintf(stderr, "bench_store_report: %s\n", qPrintable(describe(made.error())));
        return 2;
    }
    QJsonObject generated{
        {u"orders"_s, shape.orders}, {u"stores"_s, shape.stores}, {u"terminals"_s, shape.terminals()}};
    {
        Raw raw(url);
        const qint64 existing = raw.scalar(u"SELECT COUNT(*) FROM orders"_s);
        if (!(parser.isSet(u"reuse"_s) && existing == shape.orders)) {
            if (existing != 0) {
                std::fprintf(stderr, "bench_store_report: the store already has orders (--reuse with --orders %lld)\n",
                             static_cast<long long>(existing));
                return 2;
            }
            if (!generate(raw, shape, generated))
                return 2;
        }
    }
    // Reopened as a terminal would, after generation (statistics in place).
    auto log = OrderLog::open(url, clock);
    if (!log) {
        std::fprintf(stderr, "bench_store_report: %s\n", qPrintable(describe(log.error())));
        return 2;
    }
    Raw raw(url);
    timeDays(**log, raw, shape, 1); // warm the cache
    const Samples samples = timeDays(**log, raw, shape, runs);
    const bench::Summary store = bench::summarize(samples.store);
    const bench::Summary chain = bench::summarize(samples.chain);
    const bool pass = store.p99Ms <= StoreTargetMs && chain.p99Ms <= ChainTargetMs;
    bench::printJson(QJsonObject{
        {u"benchmark"_s, u"store_report"_s},
        {u"environment"_s, bench::environmentJson()},
        {u"backend"_s, raw.isPostgres() ? u"postgresql"_s : u"sqlite"_s},
        {u"generated"_s, generated},
        {u"runsPerDay"_s, runs},
        {u"days"_s, int(benchmarkDays().size())},
        {u"storeDayOrders"_s, samples.storeOrders},
        {u"chainDayOrders"_s, samples.chainOrders},
        {u"storeSummaryMs"_s, bench::toJson(store)},
        {u"storeFloorCountMs"_s, bench::toJson(bench::summarize(samples.storeFloor))},
        {u"storeTargetMs"_s, StoreTargetMs},
        {u"chainSummaryMs"_s, bench::toJson(chain)},
        {u"chainFloorCountMs"_s, bench::toJson(bench::summarize(samples.chainFloor))},
        {u"chainTargetMs"_s, ChainTargetMs},
        {u"pass"_s, pass},
    });
    return pass || parser.isSet(u"smoke"_s) ? 0 : 1;
}

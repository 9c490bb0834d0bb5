// Relay throughput, durable: K concurrent clients send one valid notify per order to an
// in-process RelayService; each `success` comes only after its synchronous=FULL commit.
// Beside it, the physical limit measured in the same run on the same disk: a tight loop of the
// same durable commits (OrderLog::confirmPayment with its audit row, one per transaction).
// design.md "Performance targets": relay >= 50 % of the tight loop.
//
// --store postgresql://... (store mode): 2 relays (RelayService, each its own worker threads and
// connections) on that one database, K clients each, every notify acknowledged after its
// commit (synchronous_commit on); beside it, PostgreSQL's own rate of the same commits
// (confirmPayment + audit row, one transaction each) from one connection and from 8 at once.
// design.md: >= 1,000 notifies/s with 2 relays on this 2-core machine.

#include "BenchSupport.h"
#include "NotifyFactory.h"
#include "RawHttp.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "relay/RelayService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTextStream>

#include <atomic>
#include <barrier>
#include <thread>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

Result<QList<Order>> awaitingOrders(OrderLog &log, int count)
{
    QList<Order> orders;
    for (int i = 0; i < count; ++i) {
        NewOrder order;
        order.terminalId = QStringLiteral("B1");
        order.channel = Channel::WxNative;
        order.amount = Money{100 + i, Currency::CAD};
        auto created = log.createOrder(order);
        if (!created)
            return fail(created.error());
        for (const OrderState state : {OrderState::Creating, OrderState::Awaiting}) {
            if (auto moved = log.transition(created->id, state, {}); !moved)
                return fail(moved.error());
        }
        orders.append(*created);
    }
    return orders;
}

// As the gateway sends it: paid a moment after the order was made (a payment time outside the
// order's life is a contradiction the relay records on a separate, slower path).
QByteArray notifyFor(const Order &order, const MerchantKey &key)
{
    const ParamList fields
        = test::signedFields(test::withField(test::notifyFields(order.mchOrderNo, order.amount.minor),
                                             QStringLiteral("paySuccTime"), QString::number(order.createdAtMs + 1'000)),
                             key);
    return test::httpRequest("POST", "/notify/iotpay?" + test::formEncode(fields), {});
}

struct RelayRun
{
    double seconds = 0;
    int acknowledged = 0;
    int failures = 0;
};

RelayRun runRelay(quint16 port, const QList<QByteArray> &requests, int clients)
{
    std::atomic<qsizetype> next{0};
    std::atomic<int> acknowledged{0};
    std::atomic<int> failures{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            for (qsizetype i = next++; i < requests.size(); i = next++) {
                if (test::rawExchange(port, requests[i], 30'000).body == "success")
                    ++acknowledged;
                else
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    return {double(timer.nsecsElapsed()) / 1e9, acknowledged.load(), failures.load()};
}

// The same transactions the relay commits, back to back from one connection.
Result<double> runTightLoop(OrderLog &log, const QList<Order> &orders, const Clock &clock)
{
    // What the relay stores as the audit row's raw request, prepared outside the timing.
    QList<QByteArray> raws;
    for (const Order &order : orders)
        raws.append(notifyFor(order, MerchantKey(QByteArray(test::TestKey))));
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const Order &order = orders[i];
        PaymentConfirmation confirmation{order.mchOrderNo,
                                         u"P" + order.mchOrderNo.right(12),
                                         order.amount,
                                         QStringLiteral("4200001234"),
                                         clock.nowUtcMs(),
                                         QStringLiteral("relay"),
                                         {}};
        NotificationRecord audit;
        audit.mchOrderNo = order.mchOrderNo;
        audit.remoteAddress = QStringLiteral("127.0.0.1");
        audit.raw = raws[i];
        auto outcome = log.confirmPayment(confirmation, audit);
        if (!outcome)
            return fail(outcome.error());
        if (outcome->verdict != ConfirmVerdict::Applied)
            return fail(ErrorCode::StoreFailure, u"unexpected verdict " + confirmVerdictName(outcome->verdict));
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

int fatal(const QString &what, const Error &error)
{
    QTextStream(stderr) << "bench_relay_throughput: " << what << ": " << describe(error) << Qt::endl;
    return 1;
}

struct Totals
{
    double relaySeconds = 0;
    double baselineSeconds = 0;
    int acknowledged = 0;
    int failures = 0;
    int committed = 0;
    QJsonArray roundRatios;
};

// Rounds alternate the tight loop and the relay (and which goes first), so that a disk shared
// with other work slows both alike instead of skewing the ratio.
Result<Totals> runRounds(OrderLog &baselineLog, OrderLog &relayLog, quint16 port, int orders, int rounds, int clients,
                         const Clock &clock)
{
    const MerchantKey key{QByteArray(test::TestKey)};
    Totals totals;
    for (int round = 0; round < rounds; ++round) {
        const int count = orders / rounds + (round < orders % rounds ? 1 : 0);
        auto baselineOrders = awaitingOrders(baselineLog, count);
        if (!baselineOrders)
            return fail(baselineOrders.error());
        auto relayOrders = awaitingOrders(relayLog, count);
        if (!relayOrders)
            return fail(relayOrders.error());
        QList<QByteArray> requests;
        for (const Order &order : *relayOrders)
            requests.append(notifyFor(order, key));

        RelayRun run;
        Result<double> baselineSeconds = 0.0;
        if (round % 2 == 0) {
            baselineSeconds = runTightLoop(baselineLog, *baselineOrders, clock);
            run = runRelay(port, requests, clients);
        } else {
            run = runRelay(port, requests, clients);
            baselineSeconds = runTightLoop(baselineLog, *baselineOrders, clock);
        }
        if (!baselineSeconds)
            return fail(baselineSeconds.error());
        totals.relaySeconds += run.seconds;
        totals.baselineSeconds += *baselineSeconds;
        totals.acknowledged += run.acknowledged;
        totals.failures += run.failures;
        totals.committed += count;
        totals.roundRatios.append(std::round((run.acknowledged / run.seconds) / (count / *baselineSeconds) * 1000)
                                  / 1000);
    }
    return totals;
}

// The same commits as the relays', back to back from `connections` connections at once.
Result<double> runParallelLoops(const QString &url, const QList<Order> &orders, int connections, const Clock &clock)
{
    std::atomic<int> failures{0};
    std::barrier opened(connections + 1); // every connection open before the clock starts
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            // An order log belongs to the thread that uses it.
            auto log = OrderLog::open(url, clock);
            opened.arrive_and_wait();
            if (!log) {
                ++failures;
                return;
            }
            QList<Order> share;
            for (qsizetype i = c; i < orders.size(); i += connections)
                share.append(orders[i]);
            if (!runTightLoop(**log, share, clock))
                ++failures;
        });
    }
    opened.arrive_and_wait();
    QElapsedTimer timer;
    timer.start();
    for (auto &thread : threads)
        thread.join();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (failures > 0)
        return fail(ErrorCode::StoreFailure, QStringLiteral("a loop failed"));
    return seconds;
}

int runStoreMode(const QString &url, int orderCount, int clientsPerRelay, int threads)
{
    SystemClock clock;
    auto log = OrderLog::open(url, clock);
    if (!log)
        return fatal(QStringLiteral("store"), log.error());
    constexpr int Relays = 2;
    std::vector<std::unique_ptr<RelayService>> relays;
    QList<quint16> ports;
    for (int r = 0; r < Relays; ++r) {
        RelayOptions options;
        options.orderLogPath = url;
        options.notify.mchId = QString::fromLatin1(test::TestMchId);
        options.notify.key = MerchantKey(QByteArray(test::TestKey));
        if (threads > 0)
            options.http.threadPoolSize = unsigned(threads);
        relays.push_back(std::make_unique<RelayService>(options, clock));
        auto port = relays.back()->start();
        if (!port)
            return fatal(QStringLiteral("relay"), port.error());
        ports.append(*port);
    }
    auto oneOrders = awaitingOrders(**log, orderCount);
    auto manyOrders = oneOrders ? awaitingOrders(**log, orderCount) : oneOrders;
    auto relayOrders = manyOrders ? awaitingOrders(**log, orderCount) : manyOrders;
    if (!relayOrders)
        return fatal(QStringLiteral("orders"), relayOrders.error());
    const MerchantKey key{QByteArray(test::TestKey)};

    const auto one = runTightLoop(**log, *oneOrders, clock);
    if (!one)
        return fatal(QStringLiteral("one connection"), one.error());
    const auto many = runParallelLoops(url, *manyOrders, 8, clock);
    if (!many)
        return fatal(QStringLiteral("8 connections"), many.error());
    // Each relay its share of the orders, its own clients, all at once.
    std::vector<RelayRun> runs(Relays);
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> senders;
    for (int r = 0; r < Relays; ++r) {
        senders.emplace_back([&, r] {
            QList<QByteArray> requests;
            for (qsizetype i = r; i < relayOrders->size(); i += Relays)
                requests.append(notifyFor((*relayOrders)[i], key));
            runs[size_t(r)] = runRelay(ports[r], requests, clientsPerRelay);
        });
    }
    for (auto &sender : senders)
        sender.join();
    const double relaySeconds = double(wall.nsecsElapsed()) / 1e9;
    int acknowledged = 0;
    int failures = 0;
    qint64 storeFailed = 0;
    for (int r = 0; r < Relays; ++r) {
        acknowledged += runs[size_t(r)].acknowledged;
        failures += runs[size_t(r)].failures;
        storeFailed += relays[size_t(r)]->counters().storeFailed;
        relays[size_t(r)]->stop();
    }
    const double relayRate = acknowledged / relaySeconds;
    const double oneRate = orderCount / *one;
    const double manyRate = orderCount / *many;
    printJson({{QStringLiteral("bench"), QStringLiteral("relay_throughput")},
               {QStringLiteral("environment"), environmentJson()},
               {QStringLiteral("store"), QStringLiteral("postgresql")},
               {QStringLiteral("orders"), orderCount},
               {QStringLiteral("relays"), Relays},
               {QStringLiteral("clientsPerRelay"), clientsPerRelay},
               {QStringLiteral("relay"),
                QJsonObject{{QStringLiteral("seconds"), relaySeconds},
                            {QStringLiteral("acknowledged"), acknowledged},
                            {QStringLiteral("failures"), failures},
                            {QStringLiteral("storeFailed"), storeFailed},
                            {QStringLiteral("notifiesPerSec"), std::round(relayRate * 10) / 10}}},
               {QStringLiteral("baseline"),
                QJsonObject{{QStringLiteral("what"),
                             QStringLiteral("OrderLog::confirmPayment + audit row, one transaction each "
                                            "(synchronous_commit on), tight loops")},
                            {QStringLiteral("oneConnectionCommitsPerSec"), std::round(oneRate * 10) / 10},
                            {QStringLiteral("eightConnectionsCommitsPerSec"), std::round(manyRate * 10) / 10}}},
               {QStringLiteral("ratioToEightConnections"), std::round(relayRate / manyRate * 1000) / 1000},
               {QStringLiteral("targetNotifiesPerSec"), 1000},
               {QStringLiteral("meetsTarget"), relayRate >= 1000 && failures == 0}});
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Durable relay throughput beside a tight loop of the same commits."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("orders"), QStringLiteral("Orders, one notify each (default 2000)."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("clients"), QStringLiteral("Concurrent senders (default 8)."), QStringLiteral("K")});
    parser.addOption(
        {QStringLiteral("rounds"), QStringLiteral("Alternating rounds (default 4)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Relay worker threads (default: the relay's, 4)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Directory for the order logs (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("store"),
                      QStringLiteral("A postgresql:// database: 2 relays on it (store mode); default SQLite files."),
                      QStringLiteral("URL")});
    parser.process(app);
    const int orderCount = intOption(parser, QStringLiteral("orders"), 2000);
    const int clients = intOption(parser, QStringLiteral("clients"), 8);
    if (parser.isSet(QStringLiteral("store"))) {
        return runStoreMode(parser.value(QStringLiteral("store")), orderCount, clients,
                            intOption(parser, QStringLiteral("threads"), 0));
    }
    const int rounds = std::min(orderCount, intOption(parser, QStringLiteral("rounds"), 4));

    QTemporaryDir dir(parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) + u"/bench-XXXXXX"
                                                          : QString());
    if (!dir.isValid()) {
        QTextStream(stderr) << "bench_relay_throughput: no temporary directory" << Qt::endl;
        return 1;
    }
    SystemClock clock;
    // Two files in the same directory: same disk, same file system.
    auto baselineLog = OrderLog::open(dir.filePath(QStringLiteral("baseline.sqlite")), clock);
    if (!baselineLog)
        return fatal(QStringLiteral("baseline order log"), baselineLog.error());
    const QString relayPath = dir.filePath(QStringLiteral("relay.sqlite"));
    auto relayLog = OrderLog::open(relayPath, clock);
    if (!relayLog)
        return fatal(QStringLiteral("relay order log"), relayLog.error());

    RelayOptions options;
    options.orderLogPath = relayPath;
    options.notify.mchId = QString::fromLatin1(test::TestMchId);
    options.notify.key = MerchantKey(QByteArray(test::TestKey));
    options.http.threadPoolSize
        = unsigned(intOption(parser, QStringLiteral("threads"), int(options.http.threadPoolSize)));
    RelayService relay(options, clock);
    auto port = relay.start();
    if (!port)
        return fatal(QStringLiteral("relay"), port.error());
    auto totals = runRounds(**baselineLog, **relayLog, *port, orderCount, rounds, clients, clock);
    const RelayCounters counters = relay.counters();
    relay.stop();
    if (!totals)
        return fatal(QStringLiteral("run"), totals.error());

    const double relayRate = totals->acknowledged / totals->relaySeconds;
    const double baselineRate = totals->committed / totals->baselineSeconds;
    const double ratio = relayRate / baselineRate;
    printJson({{QStringLiteral("bench"), QStringLiteral("relay_throughput")},
               {QStringLiteral("environment"), environmentJson()},
               {QStringLiteral("orders"), orderCount},
               {QStringLiteral("clients"), clients},
               {QStringLiteral("rounds"), rounds},
               {QStringLiteral("relayThreads"), int(options.http.threadPoolSize)},
               {QStringLiteral("relay"),
                QJsonObject{{QStringLiteral("seconds"), totals->relaySeconds},
                            {QStringLiteral("acknowledged"), totals->acknowledged},
                            {QStringLiteral("failures"), totals->failures},
                            {QStringLiteral("storeFailed"), counters.storeFailed},
                            {QStringLiteral("notifiesPerSec"), std::round(relayRate * 10) / 10}}},
               {QStringLiteral("baseline"),
                QJsonObject{{QStringLiteral("what"),
                             QStringLiteral("OrderLog::confirmPayment + audit row, one synchronous=FULL transaction "
                                            "each, tight loop, one connection")},
                            {QStringLiteral("seconds"), totals->baselineSeconds},
                            {QStringLiteral("commitsPerSec"), std::round(baselineRate * 10) / 10}}},
               {QStringLiteral("ratio"), std::round(ratio * 1000) / 1000},
               {QStringLiteral("roundRatios"), totals->roundRatios},
               {QStringLiteral("target"), 0.5},
               {QStringLiteral("meetsTarget"), ratio >= 0.5 && totals->failures == 0}});
    return totals->failures == 0 ? 0 : 1;
}

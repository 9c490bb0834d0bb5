#include "OrderTestSupport.h"

#include "orders/OrderFilter.h"
#include "orders/OrderLog.h"
#include "orders/Schema.h"
#include "orders/StoreSetup.h"
#include "reports/DailyReport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

// A store with several counters and a chain on one database (design.md "Storage backends",
// reliability.md 20 and 23), on the backend of the run (SQLite, or PostgreSQL as test_chain_pg):
// terminal ids registered per install, the store on every order, report reads scoped to a store
// or a terminal, and a terminal's SQLite history moved into the store.
class TestChain : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void ordersCarryTheirTerminalsStore();
    void terminalIdBelongsToOneInstall();
    void invalidRegistrationsAreRefused();
    void terminalLoginRegistersOnlyItself();
    void fourTerminalsCreateConcurrently();
    void twoInstallsRacingForOneIdOneWins();
    void filtersAndReportsByStoreAndTerminal();
    void importCopiesAWholeHistoryOnce();
    void importMigratesAnOldSourceCopyOnly();
    void importRefusesAnOrderFromElsewhere();
    void importAgainBringsTheStoreUpToDate();

private:
    std::unique_ptr<OrderLog> openLog(const QString &name = u"orders"_s)
    {
        auto log = OrderLog::open(m_store->url(name), m_clock);
        if (!log) {
            qWarning() << describe(log.error());
            return nullptr;
        }
        return std::move(*log);
    }
    // A terminal's own SQLite file with some history: paid, expired and refunded orders, events,
    // notifications, audit, a staff account.
    static bool fillTerminalHistory(OrderLog &log, const QString &terminalId, int orders);
    static QByteArray fileDigest(const QString &path);

    std::unique_ptr<TestStore> m_store;
    ManualClock m_clock;
};

void TestChain::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
}

void TestChain::cleanup()
{
    m_store.reset();
}

void TestChain::ordersCarryTheirTerminalsStore()
{
    auto log = openLog();
    QVERIFY(log);
    QCOMPARE(log->schemaVersion(), schema::latestVersion());
    // Not registered: a single counter, no store.
    const auto single = log->createOrder(sampleOrder(u"POS01"_s));
    QVERIFY(single);
    QCOMPARE(single->storeId, QString());
    QVERIFY(log->registerTerminal({u"T1"_s, u"S1"_s, u"install-a"_s, 0, 0}));
    const auto inStore = log->createOrder(sampleOrder(u"T1"_s));
    QVERIFY(inStore);
    QCOMPARE(inStore->storeId, u"S1"_s);
    QCOMPARE(log->orderById(inStore->id)->storeId, u"S1"_s);
    // An explicit store wins (an online order made for a store).
    NewOrder explicitStore = sampleOrder(u"T1"_s);
    explicitStore.storeId = u"S9"_s;
    QCOMPARE(log->createOrder(explicitStore)->storeId, u"S9"_s);
    explicitStore.storeId = u"S-1"_s;
    QCOMPARE(errorCodeOf(log->createOrder(explicitStore)), ErrorCode::InvalidArgument);
}

void TestChain::terminalIdBelongsToOneInstall()
{
    auto log = openLog();
    QVERIFY(log);
    const auto first = log->registerTerminal({u"T1"_s, u"S1"_s, u"install-a"_s, 0, 0});
    QVERIFY2(first, qPrintable(first ? QString() : describe(first.error())));
    QCOMPARE(first->registeredAtMs, m_clock.nowUtcMs());
    m_clock.advanceMs(60'000);
    // The same install again (a restart) moves last_seen; a new store id moves the terminal.
    const auto again = log->registerTerminal({u"T1"_s, u"S2"_s, u"install-a"_s, 0, 0});
    QVERIFY(again);
    QCOMPARE(again->registeredAtMs, first->registeredAtMs);
    QCOMPARE(again->lastSeenMs, m_clock.nowUtcMs());
    QCOMPARE(again->storeId, u"S2"_s);
    // Another install with the same id is refused, from another connection too.
    auto other = openLog();
    QVERIFY(other);
    const auto taken = other->registerTerminal({u"T1"_s, u"S2"_s, u"install-b"_s, 0, 0});
    QCOMPARE(errorCodeOf(taken), ErrorCode::TerminalTaken);
    QVERIFY(!describe(taken.error()).contains(u"install-a"_s)); // never another install's identity
    const auto listed = other->terminals();
    QVERIFY(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().instanceId, u"install-a"_s);
    // Released (a counter replaced), the id is free for the new install.
    QVERIFY(other->releaseTerminal(u"T1"_s));
    QCOMPARE(errorCodeOf(other->releaseTerminal(u"T1"_s)), ErrorCode::NotFound);
    QVERIFY(other->registerTerminal({u"T1"_s, u"S2"_s, u"install-b"_s, 0, 0}));
    QCOMPARE(errorCodeOf(log->registerTerminal({u"T1"_s, u"S2"_s, u"install-a"_s, 0, 0})), ErrorCode::TerminalTaken);
}

void TestChain::invalidRegistrationsAreRefused()
{
    auto log = openLog();
    QVERIFY(log);
    QCOMPARE(errorCodeOf(log->registerTerminal({u""_s, u"S1"_s, u"a"_s, 0, 0})), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf(log->registerTerminal({u"T-1"_s, u"S1"_s, u"a"_s, 0, 0})), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf(log->registerTerminal({u"T1"_s, u"STORE0001"_s, u"a"_s, 0, 0})), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf(log->registerTerminal({u"T1"_s, u"S1"_s, u" "_s, 0, 0})), ErrorCode::InvalidArgument);
    QVERIFY(checkStoreId({}));
    QVERIFY(checkStoreId(u"S1"_s));
    QVERIFY(!checkStoreId(u"S 1"_s));
    QVERIFY(log->terminals()->isEmpty());
}

// PostgreSQL's roles (StoreSetup): a terminal login registers its own id and refreshes it, and
// can neither take another install's id over nor delete a registration; the report role reads.
void TestChain::terminalLoginRegistersOnlyItself()
{
    if (!TestStore::isPostgres())
        QSKIP("a SQLite file has no roles");
    const QString adminUrl = m_store->url();
    const QString terminal = u"c%1_terminal"_s.arg(QCoreApplication::applicationPid());
    const QString report = u"c%1_report"_s.arg(QCoreApplication::applicationPid());
    const auto setUp = setUpStore(
        adminUrl, {StoreLogin{StoreRole::Terminal, terminal, false}, StoreLogin{StoreRole::Report, report, false}});
    QVERIFY2(setUp, qPrintable(setUp ? QString() : describe(setUp.error())));
    const QString terminalUrl = QString(adminUrl).replace(u"user=postgres"_s, u"user="_s + terminal);
    auto counter = OrderLog::open(terminalUrl, m_clock);
    QVERIFY2(counter, qPrintable(counter ? QString() : describe(counter.error())));
    QVERIFY((*counter)->registerTerminal({u"T1"_s, u"S1"_s, u"install-a"_s, 0, 0}));
    m_clock.advanceMs(1000);
    QVERIFY((*counter)->registerTerminal({u"T1"_s, u"S2"_s, u"install-a"_s, 0, 0}));
    const auto order = (*counter)->createOrder(sampleOrder(u"T1"_s));
    QVERIFY2(order, qPrintable(order ? QString() : describe(order.error())));
    QCOMPARE(order->storeId, u"S2"_s);
    QCOMPARE(errorCodeOf((*counter)->registerTerminal({u"T1"_s, u"S2"_s, u"install-b"_s, 0, 0})),
             ErrorCode::TerminalTaken);
    QCOMPARE(errorCodeOf((*counter)->releaseTerminal(u"T1"_s)), ErrorCode::StoreDenied);
    RawConnection raw(terminalUrl);
    QVERIFY(raw.isOpen());
    QVERIFY(!raw.exec(u"UPDATE terminals SET instance_id = 'install-b' WHERE terminal_id = 'T1'"_s).isEmpty());
    auto reader = OrderLog::open(QString(adminUrl).replace(u"user=postgres"_s, u"user="_s + report), m_clock,
                                 {true, 1000, false});
    QVERIFY(reader);
    QCOMPARE((*reader)->terminals()->size(), 1);
    QCOMPARE(errorCodeOf((*reader)->importHistory(m_store->dirPath() + u"/none.sqlite"_s, {})),
             ErrorCode::StoreUnavailable);
    // The administrator releases it.
    auto admin = openLog();
    QVERIFY(admin);
    QVERIFY(admin->releaseTerminal(u"T1"_s));
    QVERIFY((*counter)->registerTerminal({u"T1"_s, u"S2"_s, u"install-b"_s, 0, 0}));
}

// reliability.md 20: four terminals, each on its own connection and thread, in two stores,
// creating orders at once: every number unique, each order in its terminal's store; a fifth
// install with a taken id is refused meanwhile.
void TestChain::fourTerminalsCreateConcurrently()
{
    constexpr int PerTerminal = 40;
    const QString url = m_store->url();
    {
        auto created = openLog(); // the schema, once
        QVERIFY(created);
    }
    const QStringList terminals{u"A1"_s, u"A2"_s, u"B1"_s, u"B2"_s};
    std::atomic<int> ready{0};
    std::atomic<int> failures{0};
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    QList<QStringList> numbers(terminals.size());
    for (int t = 0; t < terminals.size(); ++t) {
        threads.emplace_back([&, t] {
            auto log = OrderLog::open(url, m_clock);
            if (!log
                || !(*log)->registerTerminal(
                    {terminals[t], terminals[t].left(1), u"install-"_s + terminals[t], 0, 0})) {
                ++failures;
                ++ready;
                return;
            }
            ++ready;
            while (ready.load() < int(terminals.size()) + 1)
                std::this_thread::yield();
            for (int i = 0; i < PerTerminal; ++i) {
                const auto order = (*log)->createOrder(sampleOrder(terminals[t], 100 + i));
                if (!order || order->storeId != terminals[t].left(1)) {
                    ++failures;
                    continue;
                }
                numbers[t].append(order->mchOrderNo);
            }
        });
    }
    threads.emplace_back([&] {
        while (ready.load() < int(terminals.size()))
            std::this_thread::yield();
        auto log = OrderLog::open(url, m_clock);
        ++ready;
        if (log
            && errorCodeOf((*log)->registerTerminal({u"A2"_s, u"A"_s, u"intruder"_s, 0, 0}))
                == ErrorCode::TerminalTaken)
            ++refused;
    });
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(refused.load(), 1);
    QSet<QString> unique;
    for (const QStringList &list : numbers) {
        QCOMPARE(list.size(), PerTerminal);
        for (const QString &number : list)
            unique.insert(number);
    }
    QCOMPARE(unique.size(), PerTerminal * terminals.size());
    auto log = openLog();
    QVERIFY(log);
    OrderFilter storeA;
    storeA.storeId = u"A"_s;
    QCOMPARE(*log->countFilteredOrders(storeA), qint64(2 * PerTerminal));
    QCOMPARE(*log->countFilteredOrders(OrderFilter{}), qint64(4 * PerTerminal));
    QCOMPARE(log->terminals()->size(), terminals.size());
}

void TestChain::twoInstallsRacingForOneIdOneWins()
{
    const QString url = m_store->url();
    {
        auto created = openLog();
        QVERIFY(created);
    }
    for (int round = 0; round < 5; ++round) {
        const QString terminal = u"R"_s + QString::number(round);
        std::atomic<int> ready{0};
        std::atomic<int> registered{0};
        std::atomic<int> taken{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 3; ++i) {
            threads.emplace_back([&, i] {
                auto log = OrderLog::open(url, m_clock);
                ++ready;
                while (ready.load() < 3)
                    std::this_thread::yield();
                if (!log)
                    return;
                const auto result
                    = (*log)->registerTerminal({terminal, u"S1"_s, u"install-"_s + QString::number(i), 0, 0});
                if (result)
                    ++registered;
                else if (result.error().code == ErrorCode::TerminalTaken)
                    ++taken;
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(registered.load(), 1);
        QCOMPARE(taken.load(), 2);
    }
}

void TestChain::filtersAndReportsByStoreAndTerminal()
{
    auto log = openLog();
    QVERIFY(log);
    QVERIFY(log->registerTerminal({u"A1"_s, u"SA"_s, u"a1"_s, 0, 0}));
    QVERIFY(log->registerTerminal({u"A2"_s, u"SA"_s, u"a2"_s, 0, 0}));
    QVERIFY(log->registerTerminal({u"B1"_s, u"SB"_s, u"b1"_s, 0, 0}));
    // A1: 2 paid (1000 + 2000), 1 expired; A2: 1 paid 500 refunded 200; B1: 1 paid 7000 CAD and
    // 1 paid 300 USD, 1 open.
    QVERIFY(orderIn(*log, OrderState::Paid, sampleOrder(u"A1"_s, 1000)));
    QVERIFY(orderIn(*log, OrderState::Paid, sampleOrder(u"A1"_s, 2000)));
    QVERIFY(orderIn(*log, OrderState::Expired, sampleOrder(u"A1"_s, 999)));
    const qint64 refunded = orderIn(*log, OrderState::Paid, sampleOrder(u"A2"_s, 500));
    QVERIFY(refunded);
    const qint64 paidInB = orderIn(*log, OrderState::Paid, sampleOrder(u"B1"_s, 7000));
    QVERIFY(paidInB);
    QVERIFY(orderIn(*log, OrderState::Paid, sampleOrder(u"B1"_s, 300, Currency::USD)));
    QVERIFY(orderIn(*log, OrderState::Awaiting, sampleOrder(u"B1"_s, 50)));
    const auto refund = log->beginRefund({refunded, 200, u"wrong size"_s, u"mina"_s});
    QVERIFY(refund);
    QVERIFY(log->finishRefund(refund->id, {RefundState::Succeeded, u"RF1"_s, {}, u"gateway"_s}));

    OrderFilter filter;
    filter.storeId = u"SA"_s;
    QCOMPARE(*log->countFilteredOrders(filter), qint64(4));
    filter.terminalId = u"A2"_s;
    QCOMPARE(*log->countFilteredOrders(filter), qint64(1));
    filter.storeId = u"SB"_s;
    QCOMPARE(*log->countFilteredOrders(filter), qint64(0));

    const ReportDay day{QDateTime::fromMSecsSinceEpoch(m_clock.nowUtcMs(), QTimeZone::utc()).date(), QTimeZone::utc(),
                        0};
    const auto chain = buildDailyReport(*log, day);
    QVERIFY(chain);
    QCOMPARE(chain->orderCount, 7);
    QCOMPARE(chain->stores.size(), 3); // SA CAD, SB CAD, SB USD
    const auto placeOf = [](const QList<PlaceTotals> &places, const QString &store, const QString &terminal,
                            Currency currency) -> PlaceTotals {
        for (const PlaceTotals &place : places) {
            if (place.storeId == store && place.terminalId == terminal && place.currency == currency)
                return place;
        }
        return {};
    };
    const PlaceTotals storeA = placeOf(chain->stores, u"SA"_s, {}, Currency::CAD);
    QCOMPARE(storeA.orderCount, 4);
    QCOMPARE(storeA.paidCount, 3);
    QCOMPARE(storeA.grossMinor, qint64(3500));
    QCOMPARE(storeA.refundCount, 1);
    QCOMPARE(storeA.netMinor(), qint64(3300));
    QCOMPARE(placeOf(chain->terminals, u"SA"_s, u"A1"_s, Currency::CAD).grossMinor, qint64(3000));
    QCOMPARE(placeOf(chain->terminals, u"SA"_s, u"A2"_s, Currency::CAD).refundsMinor, qint64(200));
    QCOMPARE(placeOf(chain->stores, u"SB"_s, {}, Currency::USD).grossMinor, qint64(300));
    QCOMPARE(chain->alerts.openCount, 1);

    const auto storeB = buildDailyReport(*log, day, {u"SB"_s, {}});
    QVERIFY(storeB);
    QCOMPARE(storeB->orderCount, 3);
    QCOMPARE(storeB->alerts.openCount, 1);
    QCOMPARE(storeB->alerts.openOrders.size(), 1);
    QCOMPARE(storeB->stores.size(), 2);
    for (const ChannelTotals &totals : storeB->totals)
        QCOMPARE(totals.refundCount, 0);
    const auto terminalA2 = buildDailyReport(*log, day, {u"SA"_s, u"A2"_s});
    QVERIFY(terminalA2);
    QCOMPARE(terminalA2->orderCount, 1);
    QCOMPARE(terminalA2->terminals.size(), 1);
    QCOMPARE(terminalA2->terminals.first().netMinor(), qint64(300));
    QCOMPARE(terminalA2->alerts.openCount, 0);
    QCOMPARE(terminalA2->cashiers.size(), 1);
    QCOMPARE(terminalA2->cashiers.first().refundsMinor, qint64(200));
    const auto nothing = buildDailyReport(*log, day, {u"SA"_s, u"B1"_s});
    QVERIFY(nothing);
    QCOMPARE(nothing->orderCount, 0);
    const QJsonObject json = dailyReportToJson(*storeB);
    QCOMPARE(json.value(u"scope"_s).toObject().value(u"store"_s).toString(), u"SB"_s);
    QCOMPARE(json.value(u"stores"_s).toArray().size(), 2);

    // A refund still in flight is listed for its own store and terminal, and the chain, only.
    QVERIFY(log->beginRefund({paidInB, 100, u"returned"_s, u"mina"_s}));
    QCOMPARE(log->unresolvedRefunds()->size(), 1);
    QCOMPARE(log->unresolvedRefunds({u"SB"_s, {}})->size(), 1);
    QCOMPARE(log->unresolvedRefunds({u"SB"_s, u"B1"_s})->size(), 1);
    QCOMPARE(log->unresolvedRefunds({u"SA"_s, {}})->size(), 0);
    QCOMPARE(log->unresolvedRefunds({u"SB"_s, u"A1"_s})->size(), 0);
    QCOMPARE(buildDailyReport(*log, day, {u"SB"_s, {}})->alerts.unresolvedRefunds.size(), 1);
    QCOMPARE(buildDailyReport(*log, day, {u"SA"_s, {}})->alerts.unresolvedRefunds.size(), 0);
}

bool TestChain::fillTerminalHistory(OrderLog &log, const QString &terminalId, int orders)
{
    for (int i = 0; i < orders; ++i) {
        const OrderState state = i % 5 == 4 ? OrderState::Expired : OrderState::Paid;
        const Currency currency = i % 7 == 3 ? Currency::USD : Currency::CAD;
        const qint64 id = orderIn(log, state, sampleOrder(terminalId, 101 + 37 * i, currency));
        if (id == 0)
            return false;
        if (!log.recordGatewayMessage(id, u"/api/pay/create_order"_s, u"response"_s, QByteArray("{\"ok\":\x01}")))
            return false;
        if (state == OrderState::Paid && i % 3 == 0) {
            const auto refund = log.beginRefund({id, 50, u"returned"_s, u"mina"_s});
            if (!refund
                || !log.finishRefund(refund->id,
                                     {RefundState::Succeeded, u"RF"_s + QString::number(i), {}, u"gateway"_s}))
                return false;
        }
    }
    NotificationRecord unmatched;
    unmatched.verdict = u"unmatched"_s;
    unmatched.mchOrderNo = u"NOPE"_s;
    unmatched.raw = QByteArray("raw\0bytes", 9);
    if (!log.recordNotification(unmatched))
        return false;
    if (!log.recordAuditEvent(u"export"_s, u"mina"_s, u"day CSV"_s))
        return false;
    return bool(log.createStaffAccount({u"mina"_s, StaffRole::Manager, u"verifier-of-mina"_s, 0, 0}));
}

QByteArray TestChain::fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// reliability.md 23: a terminal's SQLite history moved into the store: every row once, totals
// equal to the cent, a second run copies nothing, the source never changes.
void TestChain::importCopiesAWholeHistoryOnce()
{
    const QString sourcePath = m_store->dirPath() + u"/terminal-T7.sqlite"_s;
    {
        auto source = OrderLog::open(sourcePath, m_clock);
        QVERIFY(source);
        QVERIFY(fillTerminalHistory(**source, u"T7"_s, 23));
    }
    const QByteArray digest = fileDigest(sourcePath);
    auto store = openLog();
    QVERIFY(store);
    // The store already has a counter of its own.
    QVERIFY(store->registerTerminal({u"T1"_s, u"S1"_s, u"a"_s, 0, 0}));
    QVERIFY(orderIn(*store, OrderState::Paid, sampleOrder(u"T1"_s, 4242)));
    const auto storeBefore = store->historyTotals();
    QVERIFY(storeBefore);

    const auto first = store->importHistory(sourcePath, {u"S1"_s});
    QVERIFY2(first, qPrintable(first ? QString() : describe(first.error())));
    QCOMPARE(first->sourceSchemaVersion, schema::latestVersion());
    QCOMPARE(first->source.orders, qint64(23));
    QVERIFY(first->source.events > 23);
    QCOMPARE(first->source.gatewayMessages, qint64(23));
    QVERIFY(first->source.refunds > 0);
    QCOMPARE(first->source.notifications, qint64(1));
    QCOMPARE(first->source.audit, qint64(1));
    QCOMPARE(first->source.staff, qint64(1));
    QCOMPARE(first->source.currencies.size(), 2);
    QCOMPARE(first->imported, first->source);
    QCOMPARE(first->copiedNow.orders, qint64(23));
    QCOMPARE(first->copiedNow.events, first->source.events);

    const auto storeAfter = store->historyTotals();
    QVERIFY(storeAfter);
    QCOMPARE(storeAfter->orders, storeBefore->orders + 23);
    QCOMPARE(storeAfter->events, storeBefore->events + first->source.events);

    // Run twice: nothing doubled.
    const auto second = store->importHistory(sourcePath, {u"S1"_s});
    QVERIFY(second);
    QCOMPARE(second->sourceId, first->sourceId);
    QCOMPARE(second->copiedNow, HistoryTotals{});
    QCOMPARE(second->imported, second->source);
    QCOMPARE(*store->historyTotals(), *storeAfter);
    QCOMPARE(fileDigest(sourcePath), digest);

    // The rows as they were, under the store's ids: the order, its events, its refund, its store.
    OrderFilter t7;
    t7.terminalId = u"T7"_s;
    const auto imported = store->filteredOrders(t7, OrderSlice{ListOrder::OldestFirst, -1, 0, std::nullopt});
    QVERIFY(imported);
    QCOMPARE(imported->size(), 23);
    auto source = OrderLog::open(sourcePath, m_clock, {true, 1000, false});
    QVERIFY(source);
    const auto originals = (*source)->ordersBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(originals);
    for (int i = 0; i < originals->size(); ++i) {
        const Order &original = originals->at(i);
        const Order &copy = imported->at(i);
        QCOMPARE(copy.mchOrderNo, original.mchOrderNo);
        QCOMPARE(copy.state, original.state);
        QCOMPARE(copy.amount, original.amount);
        QCOMPARE(copy.refundedMinor, original.refundedMinor);
        QCOMPARE(copy.createdAtMs, original.createdAtMs);
        QCOMPARE(copy.storeId, u"S1"_s);
        QCOMPARE((*store->events(copy.id)).size(), (*(*source)->events(original.id)).size());
        QCOMPARE((*store->refundsOfOrder(copy.id)).size(), (*(*source)->refundsOfOrder(original.id)).size());
    }
    const auto notifications = store->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(notifications);
    QCOMPARE(notifications->size(), 1);
    QCOMPARE(notifications->first().raw, QByteArray("raw\0bytes", 9));
    // The terminal goes on in the store without reusing a number it minted at home.
    QVERIFY(store->registerTerminal({u"T7"_s, u"S1"_s, u"t7"_s, 0, 0}));
    const auto next = store->createOrder(sampleOrder(u"T7"_s));
    QVERIFY2(next, qPrintable(next ? QString() : describe(next.error())));
    QVERIFY(next->mchOrderNo.endsWith(u"000024"_s));
}

// A file left by an older PayDesk: the copy is migrated, never the source.
void TestChain::importMigratesAnOldSourceCopyOnly()
{
    const QString sourcePath = m_store->dirPath() + u"/old.sqlite"_s;
    {
        RawConnection old(sourcePath);
        QVERIFY(old.isOpen());
        QCOMPARE(*schema::applyMigrations(old.connection(), 5), 5);
        QCOMPARE(old.exec(u"INSERT INTO orders (mch_order_no, terminal_id, cashier, channel, amount_minor,"
                          " currency, state, late, source, subject, pay_order_id, created_at_ms, updated_at_ms,"
                          " paid_at_ms, gateway) VALUES ('OLD1231114000000000001', 'OLD1', 'bob', 'ALIPAY_QR', 1999,"
                          " 'CAD', 'PAID', 0, 'counter', 'Tea', 'P-OLD', 10, 20, 20, 'iotpay')"_s),
                 QString());
        QCOMPARE(old.exec(u"INSERT INTO events (order_id, at_ms, kind, from_state, to_state, actor, detail)"
                          " VALUES (1, 20, 'transition', 'AWAITING', 'PAID', 'relay', '')"_s),
                 QString());
    }
    const QByteArray digest = fileDigest(sourcePath);
    auto store = openLog();
    QVERIFY(store);
    const auto report = store->importHistory(sourcePath, {});
    QVERIFY2(report, qPrintable(report ? QString() : describe(report.error())));
    QCOMPARE(report->sourceSchemaVersion, 5);
    QCOMPARE(report->imported, report->source);
    QCOMPARE(report->copiedNow.orders, qint64(1));
    QCOMPARE(report->copiedNow.events, qint64(1));
    QCOMPARE(report->source.currencies.size(), 1);
    QCOMPARE(report->source.currencies.first().paidMinor, qint64(1999));
    QCOMPARE(fileDigest(sourcePath), digest);
    RawConnection old(sourcePath);
    QCOMPARE(old.scalar(u"SELECT MAX(version) FROM schema_version"_s).toInt(), 5);
    QCOMPARE(store->orderByMchOrderNo(u"OLD1231114000000000001"_s)->storeId, QString());
}

void TestChain::importRefusesAnOrderFromElsewhere()
{
    const QString sourcePath = m_store->dirPath() + u"/terminal-T1.sqlite"_s;
    QString number;
    {
        auto source = OrderLog::open(sourcePath, m_clock);
        QVERIFY(source);
        number = (*source)->createOrder(sampleOrder(u"T1"_s))->mchOrderNo;
    }
    auto store = openLog();
    QVERIFY(store);
    // The same number minted by the store's own T1 in the same second.
    const auto clash = store->createOrder(sampleOrder(u"T1"_s));
    QVERIFY(clash);
    QCOMPARE(clash->mchOrderNo, number);
    const auto totals = store->historyTotals();
    const auto refused = store->importHistory(sourcePath, {});
    QCOMPARE(errorCodeOf(refused), ErrorCode::StoreFailure);
    QVERIFY(describe(refused.error()).contains(number));
    QCOMPARE(*store->historyTotals(), *totals); // nothing half-imported
    QCOMPARE(errorCodeOf(store->importHistory(m_store->dirPath() + u"/missing.sqlite"_s, {})),
             ErrorCode::StoreUnavailable);
    QCOMPARE(errorCodeOf(store->importHistory(sourcePath, {u"bad store"_s})), ErrorCode::InvalidArgument);
}

// A counter that kept selling after a first import (moved in stages): a second import copies
// what is new, brings the orders and refunds imported before up to the source's rows (paid,
// refunded, closed since), never moves a row the store has taken further back, reports a row
// both sides moved apart, and doubles nothing; the totals agree with the kept rows counted as
// the store has them. A table empty at the first import (no notification or staff yet) does not
// make the grown file a new source.
void TestChain::importAgainBringsTheStoreUpToDate()
{
    const QString sourcePath = m_store->dirPath() + u"/terminal-T7.sqlite"_s;
    auto source = OrderLog::open(sourcePath, m_clock);
    QVERIFY(source);
    OrderLog &counter = **source;
    const qint64 awaiting = orderIn(counter, OrderState::Awaiting, sampleOrder(u"T7"_s, 1000));
    const qint64 paid = orderIn(counter, OrderState::Paid, sampleOrder(u"T7"_s, 2000));
    const qint64 refundedInStore = orderIn(counter, OrderState::Paid, sampleOrder(u"T7"_s, 3000));
    const qint64 pendingRefund = orderIn(counter, OrderState::Paid, sampleOrder(u"T7"_s, 4000, Currency::USD));
    const qint64 apart = orderIn(counter, OrderState::Awaiting, sampleOrder(u"T7"_s, 5000));
    QVERIFY(awaiting != 0 && paid != 0 && refundedInStore != 0 && pendingRefund != 0 && apart != 0);
    const auto pending = counter.beginRefund({pendingRefund, 400, u"returned"_s, u"mina"_s});
    QVERIFY(pending);
    QVERIFY(counter.recordAuditEvent(u"export"_s, u"mina"_s, u"day CSV"_s));
    const auto numberOf = [&counter](qint64 id) { return counter.orderById(id)->mchOrderNo; };
    const auto by = [](const QString &actor) {
        TransitionDetails details;
        details.actor = actor;
        return details;
    };

    auto store = openLog();
    QVERIFY(store);
    const auto first = store->importHistory(sourcePath, {u"S1"_s});
    QVERIFY2(first, qPrintable(first ? QString() : describe(first.error())));
    QCOMPARE(first->imported, first->source);
    QCOMPARE(first->copiedNow.orders, qint64(5));
    QCOMPARE(first->ordersUpdated, qint64(0));
    QVERIFY(first->kept.isEmpty());

    // The store refunds one of the imported orders and expires another.
    m_clock.advanceMs(60'000);
    const qint64 storeRefunded = store->orderByMchOrderNo(numberOf(refundedInStore))->id;
    const auto storeRefund = store->beginRefund({storeRefunded, 700, u"broken"_s, u"lee"_s});
    QVERIFY(storeRefund);
    QVERIFY(store->finishRefund(storeRefund->id, {RefundState::Succeeded, u"RS1"_s, {}, u"gateway"_s}));
    const qint64 storeApart = store->orderByMchOrderNo(numberOf(apart))->id;
    QVERIFY(store->transition(storeApart, OrderState::Expired, by(u"relay"_s)));

    // The counter goes on: the awaiting order is paid, another refunded, the pending refund
    // done, the other awaiting order cancelled, a new sale, its first notification and staff.
    m_clock.advanceMs(60'000);
    TransitionDetails payment = by(u"relay"_s);
    payment.payOrderId = u"P-LATER"_s;
    QVERIFY(counter.transition(awaiting, OrderState::Paid, payment));
    const auto refund = counter.beginRefund({paid, 500, u"returned"_s, u"mina"_s});
    QVERIFY(refund);
    QVERIFY(counter.finishRefund(refund->id, {RefundState::Succeeded, u"RF1"_s, {}, u"gateway"_s}));
    QVERIFY(counter.finishRefund(pending->id, {RefundState::Succeeded, u"RF2"_s, {}, u"gateway"_s}));
    QVERIFY(counter.transition(apart, OrderState::Cancelled, by(u"bob"_s)));
    const qint64 added = orderIn(counter, OrderState::Paid, sampleOrder(u"T7"_s, 6000));
    QVERIFY(added != 0);
    NotificationRecord notification;
    notification.verdict = u"accepted"_s;
    notification.mchOrderNo = numberOf(awaiting);
    QVERIFY(counter.recordNotification(notification));
    QVERIFY(counter.createStaffAccount({u"mina"_s, StaffRole::Manager, u"verifier-of-mina"_s, 0, 0}));
    const auto storeBefore = store->historyTotals();
    QVERIFY(storeBefore);

    const auto second = store->importHistory(sourcePath, {u"S1"_s});
    QVERIFY2(second, qPrintable(second ? QString() : describe(second.error())));
    QCOMPARE(second->sourceId, first->sourceId);
    QCOMPARE(second->copiedNow.orders, qint64(1));
    QCOMPARE(second->copiedNow.refunds, qint64(1));
    QCOMPARE(second->copiedNow.notifications, qint64(1));
    QCOMPARE(second->copiedNow.staff, qint64(1));
    QCOMPARE(second->copiedNow.events, second->source.events - first->source.events);
    QCOMPARE(second->ordersUpdated, qint64(3)); // paid, refunded, refund finished
    QCOMPARE(second->refundsUpdated, qint64(1));
    QCOMPARE(second->kept.size(), 2);
    const ImportDifference &later = second->kept.at(0);
    QCOMPARE(later.number, numberOf(refundedInStore));
    QVERIFY(!later.conflict);
    QCOMPARE(later.storeRefundedMinor, qint64(700));
    QCOMPARE(later.sourceRefundedMinor, qint64(0));
    const ImportDifference &conflict = second->kept.at(1);
    QCOMPARE(conflict.number, numberOf(apart));
    QVERIFY(conflict.conflict);
    QCOMPARE(conflict.storeState, u"EXPIRED"_s);
    QCOMPARE(conflict.sourceState, u"CANCELLED"_s);
    QVERIFY(second->imported != second->source); // the store's refund of 7.00 is kept
    QCOMPARE(second->imported, second->expected);
    QCOMPARE(store->historyTotals()->refunds, storeBefore->refunds + 1);
    QCOMPARE(store->historyTotals()->orders, storeBefore->orders + 1);

    // The rows: brought up to the source's, or kept.
    const auto wasAwaiting = store->orderByMchOrderNo(numberOf(awaiting));
    QCOMPARE(wasAwaiting->state, OrderState::Paid);
    QCOMPARE(wasAwaiting->payOrderId, u"P-LATER"_s);
    QCOMPARE(wasAwaiting->paidAtMs, counter.orderById(awaiting)->paidAtMs);
    QCOMPARE(wasAwaiting->storeId, u"S1"_s);
    QCOMPARE((*store->events(wasAwaiting->id)).size(), (*counter.events(awaiting)).size());
    QCOMPARE(store->orderByMchOrderNo(numberOf(paid))->refundedMinor, qint64(500));
    QCOMPARE(store->orderByMchOrderNo(numberOf(pendingRefund))->refundedMinor, qint64(400));
    const auto refunds = store->refundsOfOrder(store->orderByMchOrderNo(numberOf(pendingRefund))->id);
    QCOMPARE(refunds->size(), 1);
    QCOMPARE(refunds->first().state, RefundState::Succeeded);
    QCOMPARE(refunds->first().refundOrderId, u"RF2"_s);
    QCOMPARE(store->orderById(storeRefunded)->refundedMinor, qint64(700));
    QCOMPARE(store->orderById(storeRefunded)->state, OrderState::Paid);
    QCOMPARE(store->orderById(storeApart)->state, OrderState::Expired);
    QCOMPARE(store->orderByMchOrderNo(numberOf(added))->state, OrderState::Paid);

    // Once more: nothing copied or updated, the same rows kept.
    const auto storeAfter = store->historyTotals();
    const auto third = store->importHistory(sourcePath, {u"S1"_s});
    QVERIFY(third);
    QCOMPARE(third->sourceId, first->sourceId);
    QCOMPARE(third->copiedNow, HistoryTotals{});
    QCOMPARE(third->ordersUpdated, qint64(0));
    QCOMPARE(third->refundsUpdated, qint64(0));
    QCOMPARE(third->kept.size(), 2);
    QCOMPARE(third->imported, third->expected);
    QCOMPARE(*store->historyTotals(), *storeAfter);
}

QTEST_GUILESS_MAIN(TestChain)
#include "test_chain.moc"

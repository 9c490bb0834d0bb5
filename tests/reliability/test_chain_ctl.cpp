// The chain through the real paydeskctl, on the backend of the test run (reliability.md 20 and
// 23): `store import` of a terminal's SQLite file twice (totals agree, nothing doubled),
// `report --store/--terminal` (text, JSON and CSV scoped), and a counter whose terminal id
// another install holds refused at start with the reason.

#include "NotifyFactory.h"
#include "OrderSteps.h"
#include "ProcessSupport.h"
#include "TestStore.h"

#include "common/Clock.h"
#include "config/Settings.h"
#include "orders/OrderLog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

class TestChainCtl : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void importTwiceAgreesAndCopiesOnce();
    void importAgainAfterTheCounterKeptSelling();
    void reportScopedToStoreAndTerminal();
    void duplicateTerminalIsRefusedAtStart();
    void reconcileAsksAboutOneStoresOrders();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run ctl(const QStringList &arguments);
    bool writeSettings(const QString &file, const QString &terminalId, const QString &storeId);
    QString reportDate() const
    {
        return QDateTime::fromMSecsSinceEpoch(m_clock.nowUtcMs(), QTimeZone::utc()).date().toString(Qt::ISODate);
    }
    // A terminal's own SQLite file: `count` orders, every third one paid.
    bool makeTerminalFile(const QString &path, const QString &terminalId, int count);

    std::unique_ptr<TestStore> m_store;
    ManualClock m_clock;
};

void TestChainCtl::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
}

void TestChainCtl::cleanup()
{
    m_store.reset();
}

TestChainCtl::Run TestChainCtl::ctl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(test::childEnvironment());
    process.start(test::builtProgram(u"app/paydeskctl/paydeskctl"_s), arguments);
    if (!process.waitForFinished(120'000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

bool TestChainCtl::writeSettings(const QString &file, const QString &terminalId, const QString &storeId)
{
    Settings settings(file);
    if (!settings.migrate())
        return false;
    const Result<void> steps[] = {
        settings.setMchId(QString::fromLatin1(test::TestMchId)),
        settings.setGatewayBaseUrl(u"http://127.0.0.1:9/"_s), // never called: no open order is recent
        settings.setNotifyUrl(u"https://shop.example/notify"_s),
        settings.setRelayMode(RelayMode::Service),
        settings.setOrderLogPath(m_store->url()),
        settings.setTerminalId(terminalId),
        settings.setValue(SettingKeys::StoreId, storeId),
        settings.setReportTimeZoneId("UTC"),
        settings.setReportCutoffHour(0),
        settings.sync(),
    };
    for (const auto &step : steps) {
        if (!step) {
            qWarning() << describe(step.error());
            return false;
        }
    }
    return true;
}

bool TestChainCtl::makeTerminalFile(const QString &path, const QString &terminalId, int count)
{
    auto log = OrderLog::open(path, m_clock);
    if (!log)
        return false;
    for (int i = 0; i < count; ++i) {
        NewOrder order;
        order.terminalId = terminalId;
        order.cashier = u"bob"_s;
        order.channel = Channel::AlipayQr;
        order.amount = Money{1000 + i, i % 4 == 1 ? Currency::USD : Currency::CAD};
        const auto created = (*log)->createOrder(order);
        if (!created)
            return false;
        if (i % 3 == 0
            && !(*log)->transition(created->id, OrderState::Paid, paidBy(u"test"_s, u"P"_s + QString::number(i))))
            return false;
    }
    return bool((*log)->recordAuditEvent(u"export"_s, u"bob"_s, u"day"_s));
}

// A counter that kept selling after the first import: importing again copies the new rows,
// brings the imported orders up to the counter's (paid, refunded since), keeps and lists an
// order the store refunded itself, and agrees; an order both sides closed differently is kept
// and reported as a conflict (exit 1).
void TestChainCtl::importAgainAfterTheCounterKeptSelling()
{
    const QString source = m_store->dirPath() + u"/T7.sqlite"_s;
    QVERIFY(makeTerminalFile(source, u"T7"_s, 6)); // 0 and 3 paid, the others NEW
    const QString url = m_store->url();
    QVERIFY(OrderLog::open(url, m_clock)); // the store's database exists (a SQLite one too)
    const QStringList import{u"store"_s, u"import"_s, source, url, u"--store"_s, u"S1"_s};
    const Run first = ctl(import);
    QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
    QStringList numbers;
    {
        auto counter = OrderLog::open(source, m_clock);
        QVERIFY(counter);
        const auto orders = (*counter)->ordersBetween(0, std::numeric_limits<qint64>::max());
        QVERIFY(orders);
        QCOMPARE(orders->size(), 6);
        for (const Order &order : *orders)
            numbers.append(order.mchOrderNo);
        numbers.sort(); // made in this order: the numbers' sequence
    }
    {
        // The store refunds order 3 itself.
        m_clock.advanceMs(60'000);
        auto store = OrderLog::open(url, m_clock);
        QVERIFY(store);
        const auto refund = (*store)->beginRefund({(*store)->orderByMchOrderNo(numbers[3])->id, 300, u"x"_s, u"lee"_s});
        QVERIFY(refund);
        QVERIFY((*store)->finishRefund(refund->id, {RefundState::Succeeded, u"RS"_s, {}, u"gateway"_s}));
    }
    {
        // The counter goes on: order 1 paid, order 0 refunded, one more sale.
        m_clock.advanceMs(60'000);
        auto counter = OrderLog::open(source, m_clock);
        QVERIFY(counter);
        QVERIFY((*counter)->transition((*counter)->orderByMchOrderNo(numbers[1])->id, OrderState::Paid,
                                       paidBy(u"relay"_s, u"P-LATE"_s)));
        const auto refund
            = (*counter)->beginRefund({(*counter)->orderByMchOrderNo(numbers[0])->id, 250, u"x"_s, u"bob"_s});
        QVERIFY(refund);
        QVERIFY((*counter)->finishRefund(refund->id, {RefundState::Succeeded, u"RC"_s, {}, u"gateway"_s}));
        NewOrder order;
        order.terminalId = u"T7"_s;
        order.channel = Channel::WxNative;
        order.amount = Money{777, Currency::CAD};
        const auto created = (*counter)->createOrder(order);
        QVERIFY(created);
        QVERIFY((*counter)->transition(created->id, OrderState::Paid, paidBy(u"relay"_s, u"P-NEW"_s)));
    }
    const Run second = ctl(import);
    QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
    QVERIFY2(second.out.contains(u"copied by this run: 1 orders"_s), qPrintable(second.out));
    QVERIFY2(second.out.contains(u"updated by this run: 2 orders, 0 refunds"_s), qPrintable(second.out));
    QVERIFY2(second.out.contains(u"kept     order  "_s + numbers[3] + u": the store PAID refunded 3.00"_s),
             qPrintable(second.out));
    QVERIFY2(second.out.contains(u"the store after: 7 orders"_s), qPrintable(second.out));
    QVERIFY2(second.out.contains(u"totals agree (with the 1 rows kept as the store has them)"_s),
             qPrintable(second.out));
    QVERIFY(!second.out.contains(u"CONFLICT"_s));
    {
        auto store = OrderLog::open(url, m_clock);
        QVERIFY(store);
        QCOMPARE((*store)->orderByMchOrderNo(numbers[1])->state, OrderState::Paid);
        QCOMPARE((*store)->orderByMchOrderNo(numbers[1])->payOrderId, u"P-LATE"_s);
        QCOMPARE((*store)->orderByMchOrderNo(numbers[0])->refundedMinor, qint64(250));
        QCOMPARE((*store)->orderByMchOrderNo(numbers[3])->refundedMinor, qint64(300));
        QCOMPARE((*store)->historyTotals()->orders, qint64(7));
        QCOMPARE((*store)->historyTotals()->refunds, qint64(2));
        // Order 2 closed differently on each side.
        m_clock.advanceMs(60'000);
        QVERIFY((*store)->transition((*store)->orderByMchOrderNo(numbers[2])->id, OrderState::Cancelled,
                                     paidBy(u"lee"_s, {})));
    }
    {
        m_clock.advanceMs(60'000);
        auto counter = OrderLog::open(source, m_clock);
        QVERIFY(counter);
        QVERIFY((*counter)->transition((*counter)->orderByMchOrderNo(numbers[2])->id, OrderState::Failed,
                                       paidBy(u"bob"_s, {})));
    }
    const Run third = ctl(import);
    QVERIFY2(third.exitCode == 1, qPrintable(third.out + third.err));
    QVERIFY2(third.out.contains(u"CONFLICT order  "_s + numbers[2] + u": the store CANCELLED"_s),
             qPrintable(third.out));
    QVERIFY2(third.out.contains(u"1 CONFLICTS"_s), qPrintable(third.out));
    QVERIFY2(third.out.contains(u"totals agree"_s), qPrintable(third.out));
    QVERIFY2(third.out.contains(u"copied by this run: 0 orders"_s), qPrintable(third.out));
    auto store = OrderLog::open(url, m_clock);
    QVERIFY(store);
    QCOMPARE((*store)->orderByMchOrderNo(numbers[2])->state, OrderState::Cancelled);
    QCOMPARE((*store)->historyTotals()->orders, qint64(7));
}

// reliability.md 23 with the real command.
void TestChainCtl::importTwiceAgreesAndCopiesOnce()
{
    const QString source = m_store->dirPath() + u"/T7.sqlite"_s;
    QVERIFY(makeTerminalFile(source, u"T7"_s, 12));
    const QString url = m_store->url();
    {
        auto store = OrderLog::open(url, m_clock); // a store that already has a counter's day
        QVERIFY(store);
        QVERIFY((*store)->registerTerminal({u"T1"_s, u"S1"_s, u"counter-1"_s, 0, 0}));
        NewOrder order;
        order.terminalId = u"T1"_s;
        order.channel = Channel::WxNative;
        order.amount = Money{555, Currency::CAD};
        QVERIFY((*store)->createOrder(order));
    }
    const Run first = ctl({u"store"_s, u"import"_s, source, url, u"--store"_s, u"S1"_s});
    QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
    QVERIFY2(first.out.contains(u"totals agree"_s), qPrintable(first.out));
    QVERIFY2(first.out.contains(u"copied by this run: 12 orders"_s), qPrintable(first.out));
    QVERIFY2(first.out.contains(u"the store after: 13 orders"_s), qPrintable(first.out));
    const Run second = ctl({u"store"_s, u"import"_s, source, url, u"--store"_s, u"S1"_s});
    QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
    QVERIFY2(second.out.contains(u"totals agree"_s), qPrintable(second.out));
    QVERIFY2(second.out.contains(u"copied by this run: 0 orders, 0 events"_s), qPrintable(second.out));
    QVERIFY2(second.out.contains(u"the store after: 13 orders"_s), qPrintable(second.out));
    // The totals printed before (the source) and after (imported) are the same lines.
    const auto section = [](const QString &out, const QString &title) {
        const qsizetype start = out.indexOf(title);
        const qsizetype end = out.indexOf(u"\n"_s, out.indexOf(u"Cur"_s, start));
        const qsizetype next = out.indexOf(u"\ncopied"_s, end) >= 0 && title.startsWith(u"after")
            ? out.indexOf(u"\ncopied"_s, end)
            : out.indexOf(u"\nafter"_s, end);
        return out.mid(end, next - end);
    };
    const QString before = section(second.out, u"before: the source"_s);
    QVERIFY(before.contains(u"CAD"_s));
    QVERIFY(before.contains(u"USD"_s));
    QCOMPARE(section(second.out, u"after: imported"_s), before);
    const Run missing = ctl({u"store"_s, u"import"_s, m_store->dirPath() + u"/none.sqlite"_s, url});
    QCOMPARE(missing.exitCode, 4);
    const Run badStore = ctl({u"store"_s, u"import"_s, source, url, u"--store"_s, u"S 1"_s});
    QCOMPARE(badStore.exitCode, 2);
}

void TestChainCtl::reportScopedToStoreAndTerminal()
{
    const QString url = m_store->url();
    {
        auto store = OrderLog::open(url, m_clock);
        QVERIFY(store);
        const QList<std::pair<QString, QString>> terminals{{u"A1"_s, u"SA"_s}, {u"A2"_s, u"SA"_s}, {u"B1"_s, u"SB"_s}};
        for (const auto &[terminal, storeId] : terminals) {
            QVERIFY((*store)->registerTerminal({terminal, storeId, u"install-"_s + terminal, 0, 0}));
            for (int i = 0; i < 3; ++i) {
                NewOrder order;
                order.terminalId = terminal;
                order.channel = Channel::WxNative;
                order.amount = Money{100 * (i + 1), Currency::CAD};
                const auto created = (*store)->createOrder(order);
                QVERIFY(created);
                QVERIFY((*store)->transition(created->id, OrderState::Paid, paidBy(u"test"_s, u"P"_s)));
            }
        }
    }
    const QString settings = m_store->dirPath() + u"/report.ini"_s;
    QVERIFY(writeSettings(settings, u"A1"_s, u"SA"_s));
    const QStringList base{u"report"_s, u"--config"_s, settings, u"--order-log"_s, url, u"--date"_s, reportDate()};

    const Run chain = ctl(base + QStringList{u"--json"_s});
    QVERIFY2(chain.exitCode == 0, qPrintable(chain.err));
    const QJsonObject chainJson = QJsonDocument::fromJson(chain.out.toUtf8()).object();
    QCOMPARE(chainJson.value(u"orderCount"_s).toInt(), 9);
    QCOMPARE(chainJson.value(u"stores"_s).toArray().size(), 2);
    QCOMPARE(chainJson.value(u"terminals"_s).toArray().size(), 3);

    const Run store = ctl(base + QStringList{u"--store"_s, u"SA"_s, u"--json"_s});
    QVERIFY2(store.exitCode == 0, qPrintable(store.err));
    const QJsonObject storeJson = QJsonDocument::fromJson(store.out.toUtf8()).object();
    QCOMPARE(storeJson.value(u"orderCount"_s).toInt(), 6);
    const QJsonArray stores = storeJson.value(u"stores"_s).toArray();
    QCOMPARE(stores.size(), 1);
    QCOMPARE(stores.first().toObject().value(u"store"_s).toString(), u"SA"_s);
    QCOMPARE(stores.first().toObject().value(u"gross"_s).toString(), u"12.00"_s);

    const Run text = ctl(base + QStringList{u"--store"_s, u"SA"_s});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains(u"Scope: store SA"_s), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"(store)"_s), qPrintable(text.out));

    const QString csv = m_store->dirPath() + u"/b1.csv"_s;
    const Run terminal = ctl(base + QStringList{u"--terminal"_s, u"B1"_s, u"--csv"_s, csv});
    QVERIFY2(terminal.exitCode == 0, qPrintable(terminal.err));
    QVERIFY2(terminal.out.contains(u"3 orders"_s), qPrintable(terminal.out));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.first().endsWith(u",store"_s), qPrintable(lines.first()));
    QVERIFY(lines.first().contains(u",terminal,"_s));
    for (const QString &line : lines.mid(1)) {
        QVERIFY2(line.endsWith(u",SB"_s), qPrintable(line));
        QVERIFY(line.contains(u",B1,"_s));
    }
    QCOMPARE(ctl(base + QStringList{u"--store"_s, u"S-A"_s}).exitCode, 2);
}

// reliability.md 20: a second install with the same terminal id cannot start on a store's
// database (PostgreSQL); on a counter's own SQLite file nothing is registered.
void TestChainCtl::duplicateTerminalIsRefusedAtStart()
{
    const QString first = m_store->dirPath() + u"/counter1.ini"_s;
    const QString second = m_store->dirPath() + u"/counter2.ini"_s;
    QVERIFY(writeSettings(first, u"T1"_s, u"S1"_s));
    QVERIFY(writeSettings(second, u"T1"_s, u"S1"_s));
    const QStringList reconcile{
        u"reconcile"_s, u"--hours"_s, u"1"_s, u"--key-env"_s, QString::fromLatin1(test::KeyVariable), u"--config"_s};
    const Run registered = ctl(reconcile + QStringList{first});
    QVERIFY2(registered.exitCode == 0, qPrintable(registered.out + registered.err));
    // The same install again: still its own.
    const Run again = ctl(reconcile + QStringList{first});
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    const Run refused = ctl(reconcile + QStringList{second});
    if (!TestStore::isPostgres()) {
        // A counter's own file: its programs may each have settings of their own; no registry.
        QVERIFY2(refused.exitCode == 0, qPrintable(refused.err));
        QCOMPARE(ctl({u"store"_s, u"terminals"_s, m_store->url()}).out.count(u'\n'), 1); // the header only
        return;
    }
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains(u"terminal id T1 is registered by another install"_s), qPrintable(refused.err));
    const Run listed = ctl({u"store"_s, u"terminals"_s, m_store->url()});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QVERIFY2(listed.out.contains(u"T1       S1"_s), qPrintable(listed.out));
    // Released, the second install takes the id; the first is then the one refused.
    const Run released = ctl({u"store"_s, u"release-terminal"_s, u"T1"_s, m_store->url()});
    QVERIFY2(released.exitCode == 0, qPrintable(released.err));
    QCOMPARE(ctl(reconcile + QStringList{second}).exitCode, 0);
    QCOMPARE(ctl(reconcile + QStringList{first}).exitCode, 3);
}

// A chain's stores may each have their own merchant account: `reconcile --store` (or the
// settings' store id) asks the gateway only about that store's open orders. The gateway here is
// unreachable, so every order asked about is counted as examined and not checked.
void TestChainCtl::reconcileAsksAboutOneStoresOrders()
{
    ManualClock tenMinutesAgo(QDateTime::currentMSecsSinceEpoch() - 10 * 60'000);
    {
        auto log = OrderLog::open(m_store->url(), tenMinutesAgo);
        QVERIFY(log);
        for (const QString &store : {u"SA"_s, u"SB"_s, u"SB"_s, QString()}) {
            NewOrder order;
            order.terminalId = store.isEmpty() ? u"T9"_s : u"T"_s + store;
            order.storeId = store;
            order.channel = Channel::WxNative;
            order.amount = Money{1000, Currency::CAD};
            const auto created = (*log)->createOrder(order);
            QVERIFY(created);
            for (const OrderState state : {OrderState::Creating, OrderState::Awaiting})
                QVERIFY((*log)->transition(created->id, state, {}));
        }
    }
    const QString settings = m_store->dirPath() + u"/manager.ini"_s;
    QVERIFY(writeSettings(settings, u"M1"_s, QString()));
    const QStringList reconcile{
        u"reconcile"_s, u"--hours"_s, u"1"_s, u"--key-env"_s, QString::fromLatin1(test::KeyVariable),
        u"--config"_s,  settings};
    const auto examined = [](const Run &run) {
        const QRegularExpressionMatch match = QRegularExpression(u"examined (\\d+),"_s).match(run.out);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    };
    const Run every = ctl(reconcile);
    QCOMPARE(every.exitCode, 5); // not checked: the gateway cannot be reached
    QCOMPARE(examined(every), 4);
    const Run storeA = ctl(reconcile + QStringList{u"--store"_s, u"SA"_s});
    QCOMPARE(storeA.exitCode, 5);
    QCOMPARE(examined(storeA), 1);
    const Run storeB = ctl(reconcile + QStringList{u"--store"_s, u"SB"_s});
    QCOMPARE(examined(storeB), 2);
    // The store of the settings when no --store is given.
    const QString counterB = m_store->dirPath() + u"/counterB.ini"_s;
    QVERIFY(writeSettings(counterB, u"B1"_s, u"SB"_s));
    QCOMPARE(examined(ctl({u"reconcile"_s, u"--hours"_s, u"1"_s, u"--key-env"_s, QString::fromLatin1(test::KeyVariable),
                           u"--config"_s, counterB})),
             2);
    const Run malformed = ctl(reconcile + QStringList{u"--store"_s, u"S-A"_s});
    QCOMPARE(malformed.exitCode, 2);
    QVERIFY2(malformed.err.contains(u"store id must be"_s), qPrintable(malformed.err));
}

QTEST_GUILESS_MAIN(TestChainCtl)
#include "test_chain_ctl.moc"

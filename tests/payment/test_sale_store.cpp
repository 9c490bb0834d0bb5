// A counter sale in store mode (design.md "Storage backends"), against the real PostgreSQL server
// the pg_server fixture starts, the simulator and the relay on loopback: Paid is pushed (LISTEN/
// NOTIFY), a forged announcement changes nothing (reliability.md 21), the terminal's connection
// killed server-side mid-sale reconnects, subscribes again, re-reads and ends PAID (18), a
// terminal without its database refuses new sales while a sale in flight finishes by query and
// writes its outcome once the database is back, and an idle terminal costs the database nothing.
// PostgreSQL only: the SQLite run (test_sale_store) checks that a single file pushes nothing.

#include "TestStore.h"
#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "orders/OrderLog.h"
#include "orders/PaymentWatch.h"
#include "orders/StoreSetup.h"
#include "payment/Sale.h"
#include "relay/RelayService.h"
#include "sim/GatewaySimulator.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace paydesk;

namespace {

const QByteArray Key = "TESTKEY0123456789";
const QString MchId = QStringLiteral("10000701");
const QString TerminalApp = QStringLiteral("paydesk-terminal");

bool hasEvent(OrderLog &log, qint64 orderId, OrderState to, const QString &actor)
{
    auto events = log.events(orderId);
    if (!events)
        return false;
    return std::any_of(events->begin(), events->end(),
                       [&](const OrderEvent &e) { return e.toState == to && (actor.isEmpty() || e.actor == actor); });
}

} // namespace

class TestSaleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void singleFilePushesNothing();
    void paidIsPushedWithoutPolling();
    void forgedAnnouncementChangesNothing();
    void connectionKilledMidSaleEndsPaid();
    void storeDownRefusesNewSalesAndInFlightSaleFinishes();
    void idleTerminalCostsNothing();
    void paidAtGatewayWaitsForTheRelay();

private:
    void startServices(bool relayUp, const QString &terminalUser = {});
    SaleConfig pushOnlyConfig() const; // no gateway query, no safety poll within a test's time
    QString databaseName();
    // Runs `statement` on the store's own database as the superuser (NOTIFY is per database).
    QString onStore(const QString &statement);
    QString killTerminalConnections();
    Sale *startSale(const SaleConfig &config);

    SystemClock m_clock;
    std::unique_ptr<testing::TestStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_sim;
    std::unique_ptr<RelayService> m_relay;
    std::unique_ptr<OrderLog> m_log; // the terminal's
    std::unique_ptr<IotPayClient> m_client;
    std::unique_ptr<QObject> m_sales; // parent of each test's sales, gone before the order log
    QString m_notifyUrl;
    QString m_storeConnection;
};

void TestSaleStore::init()
{
    m_store = std::make_unique<testing::TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_sales = std::make_unique<QObject>();
}

void TestSaleStore::cleanup()
{
    m_sales.reset();
    m_client.reset();
    m_relay.reset();
    m_sim.reset();
    m_log.reset();
    m_network.reset();
    if (!m_storeConnection.isEmpty()) {
        QSqlDatabase::database(m_storeConnection, false).close();
        QSqlDatabase::removeDatabase(m_storeConnection);
        m_storeConnection.clear();
    }
    m_store.reset();
}

QString TestSaleStore::databaseName()
{
    return QUrl(m_store->url()).path().mid(1);
}

QString TestSaleStore::onStore(const QString &statement)
{
    if (m_storeConnection.isEmpty()) {
        m_storeConnection = QStringLiteral("sale-store-admin");
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_storeConnection);
        db.setHostName(testing::TestStore::socketDir());
        db.setPort(testing::TestStore::port().toInt());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(databaseName());
    }
    QSqlDatabase db = QSqlDatabase::database(m_storeConnection, false);
    if (!db.isOpen() && !db.open())
        return db.lastError().text();
    QSqlQuery query(db);
    return query.exec(statement) ? QString() : query.lastError().text();
}

QString TestSaleStore::killTerminalConnections()
{
    return m_store->admin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '")
                          + databaseName() + QStringLiteral("' AND application_name = '") + TerminalApp
                          + QStringLiteral("'"));
}

void TestSaleStore::startServices(bool relayUp, const QString &terminalUser)
{
    const QString url = m_store->url();
    // The terminal names itself, so that a test can kill its connection and no other.
    QString terminalUrl = testing::TestStore::isPostgres() ? url + u"&application_name=" + TerminalApp : url;
    if (!terminalUser.isEmpty())
        terminalUrl.replace(QStringLiteral("user=postgres"), QStringLiteral("user=") + terminalUser);
    auto log = OrderLog::open(terminalUrl, m_clock);
    QVERIFY2(log, log ? "" : qPrintable(describe(log.error())));
    m_log = std::move(*log);

    SimOptions simOptions;
    simOptions.mchId = MchId;
    simOptions.key = MerchantKey(Key);
    simOptions.notifyScheduleScale = 0.001;
    m_sim = std::make_unique<GatewaySimulator>(simOptions, m_clock, m_network.get());
    QVERIFY(m_sim->start());

    if (relayUp) {
        RelayOptions relayOptions;
        relayOptions.orderLogPath = url;
        relayOptions.notify.mchId = MchId;
        relayOptions.notify.key = MerchantKey(Key);
        m_relay = std::make_unique<RelayService>(relayOptions, m_clock);
        auto port = m_relay->start();
        QVERIFY2(port, port ? "" : qPrintable(describe(port.error())));
        m_notifyUrl = u"http://127.0.0.1:" + QString::number(*port) + u"/notify/iotpay";
    } else {
        m_notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/iotpay"); // nobody listens
    }

    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {MchId, QStringLiteral("cashier01")};
    config.key = MerchantKey(Key);
    config.deadlineMs = 2000;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
}

SaleConfig TestSaleStore::pushOnlyConfig() const
{
    SaleConfig config;
    config.terminalId = QStringLiteral("T8");
    config.notifyUrl = m_notifyUrl;
    config.validityMs = 120'000;
    config.graceMs = 120'000; // no query_order within the test
    config.queryIntervalMs = 120'000;
    config.safetyPollMs = 120'000; // and no safety re-read: only the push can tell
    return config;
}

Sale *TestSaleStore::startSale(const SaleConfig &config)
{
    auto *sale = new Sale(*m_log, *m_client, m_clock, config, m_sales.get());
    if (auto started = sale->start(Money{2865, Currency::CAD}, Channel::WxNative); !started) {
        qWarning() << describe(started.error());
        delete sale;
        return nullptr;
    }
    return sale;
}

void TestSaleStore::singleFilePushesNothing()
{
    if (testing::TestStore::isPostgres())
        QSKIP("the SQLite run's case");
    startServices(false);
    QVERIFY(m_log->watchPayments() == nullptr); // polled: PRAGMA data_version
    QVERIFY(m_log->isConnected());
    auto claimed = m_log->tryClaimOrder(1);
    QVERIFY(claimed && *claimed);
}

void TestSaleStore::paidIsPushedWithoutPolling()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("store mode: PostgreSQL");
    startServices(true);
    PaymentWatch *watch = m_log->watchPayments();
    QVERIFY(watch);
    QSignalSpy hints(watch, &PaymentWatch::hint);
    Sale *sale = startSale(pushOnlyConfig());
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 5000);
    QVERIFY(hasEvent(*m_log, sale->order().id, OrderState::Paid, QStringLiteral("relay")));
    QVERIFY(std::any_of(hints.cbegin(), hints.cend(), [&](const QList<QVariant> &hint) {
        return hint.first().toString() == sale->order().mchOrderNo;
    }));
}

void TestSaleStore::forgedAnnouncementChangesNothing()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("store mode: PostgreSQL");
    startServices(false);
    PaymentWatch *watch = m_log->watchPayments();
    QVERIFY(watch);
    Sale *sale = startSale(pushOnlyConfig());
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QSignalSpy hints(watch, &PaymentWatch::hint);
    QSignalSpy changes(sale, &Sale::stateChanged);
    const QString number = sale->order().mchOrderNo;
    // Anyone connected may announce anything: the sale re-reads its row and trusts only it.
    QCOMPARE(onStore(QStringLiteral("NOTIFY paydesk_paid, '") + number + QStringLiteral("'")), QString());
    QCOMPARE(onStore(QStringLiteral("SELECT pg_notify('paydesk_paid', 'T8NOSUCHORDER')")), QString());
    QTRY_COMPARE(hints.count(), 2);
    QTest::qWait(300);
    QCOMPARE(sale->state(), OrderState::Awaiting);
    QCOMPARE(changes.count(), 0);
    auto row = m_log->orderByMchOrderNo(number);
    QVERIFY(row);
    QCOMPARE(row->state, OrderState::Awaiting);
    QVERIFY(!hasEvent(*m_log, row->id, OrderState::Paid, {}));
}

void TestSaleStore::connectionKilledMidSaleEndsPaid()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("store mode: PostgreSQL");
    startServices(true);
    PaymentWatch *watch = m_log->watchPayments();
    QVERIFY(watch);
    QSignalSpy back(watch, &PaymentWatch::reconnected);
    Sale *sale = startSale(pushOnlyConfig());
    QVERIFY(sale);
    QSignalSpy errors(sale, &Sale::errorOccurred);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);

    // Killed, and paid at once: the relay's announcement goes out while the terminal has no
    // connection; only the re-read after the reconnect can show it.
    QCOMPARE(killTerminalConnections(), QString());
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 5000);
    QVERIFY(back.count() >= 1); // (lost and back within one look when the server is up)
    QVERIFY(watch->isConnected());
    QVERIFY(hasEvent(*m_log, sale->order().id, OrderState::Paid, QStringLiteral("relay")));
    for (const auto &error : std::as_const(errors))
        QVERIFY2(!describe(error.first().value<Error>()).contains(QStringLiteral("not open")),
                 qPrintable(describe(error.first().value<Error>())));

    // And again, listening: a second sale on the reconnected connection is pushed as the first.
    Sale *second = startSale(pushOnlyConfig());
    QVERIFY(second);
    QTRY_COMPARE(second->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(second->order().mchOrderNo));
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), OrderState::Paid, 5000);
}

void TestSaleStore::storeDownRefusesNewSalesAndInFlightSaleFinishes()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("store mode: PostgreSQL");
    startServices(false); // the relays are down too: the sale ends by its own query
    PaymentWatch *watch = m_log->watchPayments();
    QVERIFY(watch);
    QSignalSpy lost(watch, &PaymentWatch::connectionLost);
    SaleConfig config = pushOnlyConfig();
    config.graceMs = 200;
    config.queryIntervalMs = 400;
    Sale *sale = startSale(config);
    QVERIFY(sale);
    QSignalSpy errors(sale, &Sale::errorOccurred);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    Sale *cancelled = startSale(config); // cancelled by the cashier while the database is away
    QVERIFY(cancelled);
    QTRY_COMPARE(cancelled->state(), OrderState::Awaiting);

    // The database goes away for this terminal (refuses connections; its connection killed).
    QCOMPARE(m_store->admin(QStringLiteral("ALTER DATABASE ") + databaseName()
                            + QStringLiteral(" WITH ALLOW_CONNECTIONS false")),
             QString());
    QCOMPARE(killTerminalConnections(), QString());
    QTRY_VERIFY(lost.count() >= 1);
    QVERIFY(!m_log->isConnected());

    // A new sale is refused with the reason, before anything is sent to the gateway.
    const qsizetype gatewayOrders = m_sim->orders().size();
    Sale refused(*m_log, *m_client, m_clock, config);
    auto started = refused.start(Money{500, Currency::CAD}, Channel::WxNative);
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::StoreUnavailable);
    QCOMPARE(m_sim->orders().size(), gatewayOrders);

    // The customer pays meanwhile: the sale's query finds it, the write waits for the database.
    // The other sale is cancelled: the gateway is asked once more, the CANCELLED waits too.
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    cancelled->requestCancel();
    QTest::qWait(1500);
    QCOMPARE(sale->state(), OrderState::Awaiting);
    QCOMPARE(cancelled->state(), OrderState::Awaiting);
    QCOMPARE(m_store->admin(QStringLiteral("ALTER DATABASE ") + databaseName()
                            + QStringLiteral(" WITH ALLOW_CONNECTIONS true")),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 10'000);
    QVERIFY(hasEvent(*m_log, sale->order().id, OrderState::Paid, QStringLiteral("query")));
    QTRY_COMPARE_WITH_TIMEOUT(cancelled->state(), OrderState::Cancelled, 10'000);
    QVERIFY(m_log->isConnected());
    for (const auto &error : std::as_const(errors)) {
        const Error e = error.first().value<Error>();
        QVERIFY2(!describe(e).contains(QStringLiteral("not open")), qPrintable(describe(e)));
    }
    // And new sales start again.
    Sale *next = startSale(config);
    QVERIFY(next);
    QTRY_COMPARE(next->state(), OrderState::Awaiting);
}

void TestSaleStore::idleTerminalCostsNothing()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("store mode: PostgreSQL");
    startServices(false);
    QVERIFY(m_log->watchPayments());
    // The terminal's own backend: when it last ran anything (pg_stat_activity.state_change), beside
    // the database's transaction count (which also counts autovacuum's ANALYZE of the new tables).
    const QString statement
        = QStringLiteral("SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '%1'),"
                         " (SELECT state || ' ' || state_change::text FROM pg_stat_activity WHERE datname = '%1'"
                         " AND application_name = '%2')")
              .arg(databaseName(), TerminalApp);
    const auto probe = [&]() -> std::pair<qint64, QString> {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("idle-probe"));
        std::pair<qint64, QString> seen{-1, {}};
        {
            admin.setHostName(testing::TestStore::socketDir());
            admin.setPort(testing::TestStore::port().toInt());
            admin.setUserName(QStringLiteral("postgres"));
            admin.setDatabaseName(QStringLiteral("postgres"));
            if (admin.open()) {
                QSqlQuery query(admin);
                if (query.exec(statement) && query.next())
                    seen = {query.value(0).toLongLong(), query.value(1).toString()};
            }
            admin.close();
        }
        admin = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("idle-probe"));
        return seen;
    };
    QTest::qWait(1500); // the statistics of the start-up flushed (at most once a second)
    const auto before = probe();
    QVERIFY(before.first >= 0);
    QVERIFY2(before.second.startsWith(QStringLiteral("idle ")), qPrintable(before.second));
    QTest::qWait(10'000); // an idle terminal: its watch listening, its liveness checked locally
    const auto after = probe();
    qInfo().noquote() << "idle terminal over 10 s: its connection last active" << before.second << "->" << after.second
                      << "; database transactions (autovacuum included):" << (after.first - before.first);
    QCOMPARE(after.second, before.second); // not one statement from the terminal
}

// The known gap of least privilege, closed: with the relays down, the terminal's own query finds
// the payment but its role may not record it. The cashier is told so in plain words (never a
// quiet EXPIRED or CANCELLED), the sale stays open, and the relay's confirmation shows as PAID.
void TestSaleStore::paidAtGatewayWaitsForTheRelay()
{
    if (!testing::TestStore::isPostgres())
        QSKIP("store mode: PostgreSQL roles");
    const QString pid = QString::number(QCoreApplication::applicationPid());
    const QString terminalLogin = QStringLiteral("salestore_terminal_") + pid;
    const QString relayLogin = QStringLiteral("salestore_relay_") + pid;
    const auto setUp = setUpStore(
        m_store->url(),
        {StoreLogin{StoreRole::Terminal, terminalLogin, false}, StoreLogin{StoreRole::Relay, relayLogin, false}});
    QVERIFY2(setUp, setUp ? "" : qPrintable(describe(setUp.error())));
    startServices(false, terminalLogin);
    QVERIFY(m_log->watchPayments());
    SaleConfig config = pushOnlyConfig();
    config.graceMs = 200;
    config.queryIntervalMs = 300;
    Sale *sale = startSale(config);
    QVERIFY(sale);
    QSignalSpy errors(sale, &Sale::errorOccurred);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    QTRY_VERIFY(sale->isPaidAtGateway());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().first().value<Error>().code, ErrorCode::PaidAwaitingRelay);

    // The cashier cancels (or the QR's time runs out): nothing closes over a payment.
    sale->requestCancel();
    QTest::qWait(1500);
    QCOMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(!sale->isClosed());
    QCOMPARE(errors.count(), 1); // said once, not at every query

    // The store's relay confirms it (its own notify or reconciliation): pushed to the terminal.
    auto relayLog = OrderLog::open(
        QString(m_store->url()).replace(QStringLiteral("user=postgres"), QStringLiteral("user=") + relayLogin),
        m_clock);
    QVERIFY2(relayLog, relayLog ? "" : qPrintable(describe(relayLog.error())));
    PaymentConfirmation paid{sale->order().mchOrderNo,
                             sale->order().payOrderId,
                             sale->order().amount,
                             {},
                             m_clock.nowUtcMs(),
                             QStringLiteral("reconciler"),
                             {}};
    const auto confirmed = (*relayLog)->confirmPayment(paid);
    QVERIFY2(confirmed, confirmed ? "" : qPrintable(describe(confirmed.error())));
    QCOMPARE(confirmed->verdict, ConfirmVerdict::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 3000);
    QVERIFY(!sale->order().late);
}

QTEST_MAIN(TestSaleStore)
#include "test_sale_store.moc"

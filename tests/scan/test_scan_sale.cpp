// Scan to pay end to end (issue 13): ScanSale and Checkout against the IOTPay simulator on
// loopback with a real order log — each wallet, each simulated scenario, the repeat guard, and
// the payment code never in a log line, a stored field or the simulator's own records.

#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "payment/ScanSale.h"
#include "sim/GatewaySimulator.h"
#include "sim/SimMicropay.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace paydesk;
using namespace Qt::StringLiterals;
using sim::MicropayScenario;

namespace {

const QByteArray Key = "TESTKEY0123456789";
const QString MchId = u"10000701"_s;

// Every message any category writes while a test runs (debug included).
QMutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_logLines.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString walletCode(Channel channel, MicropayScenario scenario, int serial = 0)
{
    return sim::micropayTestCode(channelId(channel), scenario, serial);
}

PaymentCode parsed(const QString &digits)
{
    auto code = PaymentCode::fromText(digits);
    return code ? *code : PaymentCode();
}

} // namespace

class TestScanSale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void paidAtOnceForEachWallet_data();
    void paidAtOnceForEachWallet();
    void passwordThenPaid_data();
    void passwordThenPaid();
    void refusalsFailWithTheReason_data();
    void refusalsFailWithTheReason();
    void noReplyIsUnknownResolvedByQuery();
    void serverErrorAfterCreateResolvedByQuery();
    void pendingGivesUpAfterTheLimit();
    void cancelQueriesOnceMore();
    void cancelFindsJustPaid();
    void refusedBeforeAnythingIsSent_data();
    void refusedBeforeAnythingIsSent();
    void tenScansOfOneCodeMakeOneOrder();
    void refusedCodeMayStartANewOrder();
    void codeNeverLogsOrStored();

private:
    void startServices(const SimOptions &options = {});
    SaleConfig saleConfig() const;
    ScanSale *startScan(const QString &digits, qint64 amountMinor = 2865, Currency currency = Currency::CAD,
                        PaymentGateway *gateway = nullptr);
    QList<Order> allOrders() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_sim;
    std::unique_ptr<OrderLog> m_log;
    std::unique_ptr<IotPayClient> m_client;
    std::unique_ptr<IotPayClient> m_wrongKeyClient;
    std::vector<std::unique_ptr<ScanSale>> m_sales; // gone before the log and the client
    qint64 m_pendingLimitMs = 8000;
};

void TestScanSale::initTestCase()
{
    QLoggingCategory::setFilterRules(u"paydesk.*=true"_s);
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestScanSale::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_pendingLimitMs = 8000;
}

void TestScanSale::cleanup()
{
    m_sales.clear();
    m_wrongKeyClient.reset();
    m_client.reset();
    m_sim.reset();
    m_log.reset();
    m_network.reset();
    m_dir.reset();
}

void TestScanSale::startServices(const SimOptions &optionsIn)
{
    auto log = OrderLog::open(m_dir->filePath(u"orders.sqlite"_s), m_clock);
    QVERIFY(log);
    m_log = std::move(*log);
    SimOptions options = optionsIn;
    options.mchId = MchId;
    options.key = MerchantKey(Key);
    options.notifyScheduleScale = 0.001;
    m_sim = std::make_unique<GatewaySimulator>(options, m_clock, m_network.get());
    QVERIFY(m_sim->start());
    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {MchId, u"cashier01"_s};
    config.key = MerchantKey(Key);
    config.deadlineMs = 1500;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
}

SaleConfig TestScanSale::saleConfig() const
{
    SaleConfig config;
    config.terminalId = u"T7"_s;
    config.notifyUrl = u"http://127.0.0.1:9/notify/iotpay"_s; // no relay: queries decide
    config.scanQueryIntervalMs = 250;
    config.scanPendingLimitMs = m_pendingLimitMs;
    config.unknownRetryMs = 200;
    return config;
}

ScanSale *TestScanSale::startScan(const QString &digits, qint64 amountMinor, Currency currency, PaymentGateway *gateway)
{
    auto sale = std::make_unique<ScanSale>(*m_log, gateway ? *gateway : *m_client, m_clock, saleConfig());
    auto started = sale->start(Money{amountMinor, currency}, parsed(digits));
    if (!started) {
        qWarning().noquote() << describe(started.error());
        return nullptr;
    }
    m_sales.push_back(std::move(sale));
    return m_sales.back().get();
}

// The create_order request the order log kept for `orderId` (its own read-only connection).
static QByteArray recordedCreateRequest(const QString &path, qint64 orderId)
{
    QByteArray body;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"scan-test-reader"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(u"SELECT body FROM gateway_messages WHERE order_id = ? AND endpoint = 'create_order'"
                          " AND direction = 'request'"_s);
            query.addBindValue(orderId);
            if (query.exec() && query.next())
                body = query.value(0).toByteArray();
        }
    }
    QSqlDatabase::removeDatabase(u"scan-test-reader"_s);
    return body;
}

QList<Order> TestScanSale::allOrders() const
{
    auto orders = m_log->ordersBetween(0, m_clock.nowUtcMs() + 60'000);
    return orders ? *orders : QList<Order>();
}

void TestScanSale::paidAtOnceForEachWallet_data()
{
    QTest::addColumn<Channel>("channel");
    QTest::newRow("WeChat Pay") << Channel::WxMicropay;
    QTest::newRow("Alipay") << Channel::AlipayMicropay;
    QTest::newRow("UnionPay") << Channel::UpiMicropay;
}

void TestScanSale::paidAtOnceForEachWallet()
{
    QFETCH(Channel, channel);
    startServices();
    const QString digits = walletCode(channel, MicropayScenario::PaidAtOnce);
    ScanSale *sale = startScan(digits);
    QVERIFY(sale);
    QSignalSpy finished(sale, &ScanSale::finished);
    QCOMPARE(sale->state(), OrderState::Creating);
    QTRY_COMPARE(sale->state(), OrderState::Paid);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(sale->order().channel, channel);
    QVERIFY(!sale->order().payOrderId.isEmpty());
    QCOMPARE(sale->maskedCode(), u"****"_s + digits.right(4));
    const auto simOrder = m_sim->order(sale->order().mchOrderNo);
    QVERIFY(simOrder && simOrder->paid);
    QCOMPARE(simOrder->channelId, channelId(channel));
    QCOMPARE(simOrder->device, u"T7"_s);
    // The order log keeps the code's last four digits, as an event.
    auto events = m_log->events(sale->order().id);
    QVERIFY(events);
    QVERIFY(std::any_of(events->begin(), events->end(), [&](const OrderEvent &e) {
        return e.kind == ScanSale::paymentCodeEventKind() && e.detail.endsWith(u"****"_s + digits.right(4));
    }));
    QCOMPARE(allOrders().size(), 1);
    // The request as kept for support: codeType, deviceId, and the code as its last four digits.
    const QJsonObject request
        = QJsonDocument::fromJson(recordedCreateRequest(m_dir->filePath(u"orders.sqlite"_s), sale->order().id))
              .object();
    QCOMPARE(request.value(u"channelId").toString(), channelId(channel));
    QCOMPARE(request.value(u"codeType").toString(), u"barcode"_s);
    QCOMPARE(request.value(u"deviceId").toString(), u"T7"_s);
    QCOMPARE(request.value(u"identityCode").toString(), u"****"_s + digits.right(4));
    QVERIFY(!request.value(u"sign").toString().isEmpty());
}

void TestScanSale::passwordThenPaid_data()
{
    paidAtOnceForEachWallet_data();
}

void TestScanSale::passwordThenPaid()
{
    QFETCH(Channel, channel);
    SimOptions options;
    options.micropayConfirmMs = 1200;
    startServices(options);
    ScanSale *sale = startScan(walletCode(channel, MicropayScenario::Password));
    QVERIFY(sale);
    QSignalSpy confirming(sale, &ScanSale::customerConfirming);
    QTRY_COMPARE(confirming.count(), 1);
    QCOMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(sale->isCustomerConfirming());
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Paid, 5000);
    QCOMPARE(m_sim->orders().size(), 1);
    QCOMPARE(m_sim->orders().first().createRequests, 1);
}

void TestScanSale::refusalsFailWithTheReason_data()
{
    QTest::addColumn<Channel>("channel");
    QTest::addColumn<int>("scenario");
    QTest::addColumn<int>("error");
    for (Channel channel : {Channel::WxMicropay, Channel::AlipayMicropay, Channel::UpiMicropay}) {
        const QByteArray name = channelId(channel).toLatin1();
        QTest::newRow(QByteArray(name + " insufficient funds").constData())
            << channel << int(MicropayScenario::InsufficientFunds) << int(ErrorCode::InsufficientFunds);
        QTest::newRow(QByteArray(name + " expired or used").constData())
            << channel << int(MicropayScenario::CodeRejected) << int(ErrorCode::PaymentCodeRejected);
        QTest::newRow(QByteArray(name + " risk control").constData())
            << channel << int(MicropayScenario::RiskControl) << int(ErrorCode::WalletRiskControl);
    }
}

void TestScanSale::refusalsFailWithTheReason()
{
    QFETCH(Channel, channel);
    QFETCH(int, scenario);
    QFETCH(int, error);
    startServices();
    ScanSale *sale = startScan(walletCode(channel, MicropayScenario(scenario)));
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Failed);
    QCOMPARE(int(sale->lastError().code), error);
    QVERIFY(!sale->lastError().detail.isEmpty()); // the wallet's words, for the log and the audit trail
    QVERIFY(m_sim->orders().isEmpty());
}

void TestScanSale::noReplyIsUnknownResolvedByQuery()
{
    startServices();
    ScanSale *sale = startScan(walletCode(Channel::WxMicropay, MicropayScenario::NoReply));
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Unknown);
    QVERIFY(sale->lastError().isAmbiguous());
    QTest::qWait(600); // still unknown while the gateway has it unpaid
    QCOMPARE(sale->state(), OrderState::Unknown);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo)); // the customer's wallet completes it
    QTRY_COMPARE(sale->state(), OrderState::Paid);
    QCOMPARE(m_sim->orders().size(), 1);
    QCOMPARE(m_sim->orders().first().createRequests, 1); // never re-created
}

void TestScanSale::serverErrorAfterCreateResolvedByQuery()
{
    startServices();
    SimFaults faults;
    faults.serverErrorStatus = 502;
    faults.calls = 1;
    m_sim->setFaults(faults);
    ScanSale *sale = startScan(walletCode(Channel::AlipayMicropay, MicropayScenario::PaidAtOnce));
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Paid);
    auto events = m_log->events(sale->order().id);
    QVERIFY(events);
    QVERIFY(std::any_of(events->begin(), events->end(),
                        [](const OrderEvent &e) { return e.toState == OrderState::Unknown; }));
    QCOMPARE(m_sim->orders().first().createRequests, 1);
}

void TestScanSale::pendingGivesUpAfterTheLimit()
{
    SimOptions options;
    options.micropayConfirmMs = 60'000;
    m_pendingLimitMs = 1200;
    startServices(options);
    ScanSale *sale = startScan(walletCode(Channel::WxMicropay, MicropayScenario::Password));
    QVERIFY(sale);
    QTRY_COMPARE_WITH_TIMEOUT(sale->state(), OrderState::Expired, 5000);
    // The customer confirms after all: a late payment the manager sees.
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    PaymentLifecycle lifecycle(*m_log, m_clock);
    GatewayCall *call = m_client->queryOrder({sale->order().mchOrderNo, {}});
    QSignalSpy done(call, &GatewayCall::finished);
    QTRY_COMPARE(done.count(), 1);
    const LifecycleStep step = lifecycle.queryAnswered(sale->order(), call->result(), *m_client, u"reconcile"_s);
    QVERIFY(step.order);
    QCOMPARE(step.order->state, OrderState::Paid);
    QVERIFY(step.order->late);
    delete call;
}

void TestScanSale::cancelQueriesOnceMore()
{
    SimOptions options;
    options.micropayConfirmMs = 60'000;
    startServices(options);
    ScanSale *sale = startScan(walletCode(Channel::UpiMicropay, MicropayScenario::Password));
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    sale->requestCancel();
    QVERIFY(sale->isClosing());
    QTRY_COMPARE(sale->state(), OrderState::Cancelled);
    auto events = m_log->events(sale->order().id);
    QVERIFY(events);
    QVERIFY(std::any_of(events->begin(), events->end(),
                        [](const OrderEvent &e) { return e.toState == OrderState::Cancelled; }));
}

void TestScanSale::cancelFindsJustPaid()
{
    SimOptions options;
    options.micropayConfirmMs = 60'000;
    startServices(options);
    ScanSale *sale = startScan(walletCode(Channel::WxMicropay, MicropayScenario::Password));
    QVERIFY(sale);
    QTRY_COMPARE(sale->state(), OrderState::Awaiting);
    QVERIFY(m_sim->pay(sale->order().mchOrderNo));
    sale->requestCancel();
    QTRY_COMPARE(sale->state(), OrderState::Paid);
}

void TestScanSale::refusedBeforeAnythingIsSent_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("currency");
    QTest::addColumn<int>("error");
    QTest::newRow("fits no wallet") << u"99123456789012345"_s << int(Currency::CAD)
                                    << int(ErrorCode::PaymentCodeUnrecognised);
    QTest::newRow("no code") << QString() << int(Currency::CAD) << int(ErrorCode::PaymentCodeUnrecognised);
    QTest::newRow("CNY on WeChat micropay") << walletCode(Channel::WxMicropay, MicropayScenario::PaidAtOnce)
                                            << int(Currency::CNY) << int(ErrorCode::CurrencyUnsupported);
    QTest::newRow("HKD on Alipay micropay") << walletCode(Channel::AlipayMicropay, MicropayScenario::PaidAtOnce)
                                            << int(Currency::HKD) << int(ErrorCode::CurrencyUnsupported);
}

void TestScanSale::refusedBeforeAnythingIsSent()
{
    QFETCH(QString, digits);
    QFETCH(int, currency);
    QFETCH(int, error);
    startServices();
    ScanSale sale(*m_log, *m_client, m_clock, saleConfig());
    auto started = sale.start(Money{2865, Currency(currency)}, parsed(digits));
    QVERIFY(!started);
    QCOMPARE(int(started.error().code), error);
    QVERIFY(allOrders().isEmpty());
    QTest::qWait(100);
    QVERIFY(m_sim->orders().isEmpty());
}

void TestScanSale::tenScansOfOneCodeMakeOneOrder()
{
    startServices();
    Checkout checkout(*m_log, *m_client, m_clock, saleConfig());
    const PaymentCode code = parsed(walletCode(Channel::WxMicropay, MicropayScenario::PaidAtOnce, 7));
    int started = 0;
    int repeated = 0;
    for (int i = 0; i < 10; ++i) {
        auto sale = checkout.scan(Money{2865, Currency::CAD}, code);
        if (sale) {
            ++started;
        } else {
            QVERIFY2(sale.error().code == ErrorCode::PaymentCodeRepeated || sale.error().code == ErrorCode::Duplicate,
                     qPrintable(describe(sale.error())));
            QVERIFY(!sale.error().detail.contains(code.digitsForGateway()));
            ++repeated;
        }
        if (i == 0)
            QTRY_COMPARE(checkout.currentScan()->state(), OrderState::Paid);
    }
    QCOMPARE(started, 1);
    QCOMPARE(repeated, 9);
    QCOMPARE(allOrders().size(), 1);
    QCOMPARE(m_sim->orders().size(), 1);
    // Another customer's code is a new sale.
    auto next = checkout.scan(Money{500, Currency::CAD},
                              parsed(walletCode(Channel::WxMicropay, MicropayScenario::PaidAtOnce, 8)));
    QVERIFY(next);
    QTRY_COMPARE((*next)->state(), OrderState::Paid);
    QCOMPARE(allOrders().size(), 2);
}

void TestScanSale::refusedCodeMayStartANewOrder()
{
    startServices();
    Checkout checkout(*m_log, *m_client, m_clock, saleConfig());
    const PaymentCode code = parsed(walletCode(Channel::AlipayMicropay, MicropayScenario::InsufficientFunds));
    auto first = checkout.scan(Money{2865, Currency::CAD}, code);
    QVERIFY(first);
    QTRY_COMPARE((*first)->state(), OrderState::Failed);
    const QString firstNumber = (*first)->order().mchOrderNo;
    auto again = checkout.scan(Money{2865, Currency::CAD}, code); // "scan again" = a new order
    QVERIFY(again);
    QVERIFY((*again)->order().mchOrderNo != firstNumber);
    QTRY_COMPARE((*again)->state(), OrderState::Failed);
    // While an UNKNOWN order holds a code, the same code is refused.
    const PaymentCode lost = parsed(walletCode(Channel::AlipayMicropay, MicropayScenario::NoReply));
    auto unknown = checkout.scan(Money{100, Currency::CAD}, lost);
    QVERIFY(unknown);
    QTRY_COMPARE((*unknown)->state(), OrderState::Unknown);
    auto blocked = checkout.scan(Money{100, Currency::CAD}, lost);
    QVERIFY(!blocked);
    QCOMPARE(blocked.error().code, ErrorCode::PaymentCodeRepeated);
}

void TestScanSale::codeNeverLogsOrStored()
{
    SimOptions options;
    options.micropayConfirmMs = 300;
    startServices(options);
    {
        QMutexLocker lock(&g_logMutex);
        g_logLines.clear();
    }
    QStringList codes;
    for (auto scenario : {MicropayScenario::PaidAtOnce, MicropayScenario::Password, MicropayScenario::InsufficientFunds,
                          MicropayScenario::CodeRejected, MicropayScenario::RiskControl, MicropayScenario::NoReply}) {
        for (Channel channel : {Channel::WxMicropay, Channel::AlipayMicropay, Channel::UpiMicropay})
            codes.append(walletCode(channel, scenario, int(codes.size())));
    }
    QList<ScanSale *> sales;
    for (const QString &digits : std::as_const(codes)) {
        ScanSale *sale = startScan(digits);
        QVERIFY(sale);
        sales.append(sale);
    }
    // A signature the gateway rejects logs the request's canonical string: redacted too.
    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {MchId, u"cashier01"_s};
    config.key = MerchantKey(QByteArrayLiteral("WRONGKEY"));
    m_wrongKeyClient = std::make_unique<IotPayClient>(m_network.get(), config);
    const QString wrongKeyCode = walletCode(Channel::WxMicropay, MicropayScenario::PaidAtOnce, 99);
    codes.append(wrongKeyCode);
    ScanSale *rejected = startScan(wrongKeyCode, 2865, Currency::CAD, m_wrongKeyClient.get());
    QVERIFY(rejected);
    QTRY_COMPARE(rejected->state(), OrderState::Failed);
    for (ScanSale *sale : std::as_const(sales)) {
        if (sale->state() != OrderState::Unknown)
            QTRY_VERIFY_WITH_TIMEOUT(sale->isClosed(), 5000);
    }
    m_sales.clear();
    m_log.reset(); // flush the WAL into the file
    QStringList files;
    for (QDirIterator it(m_dir->path(), QDir::Files); it.hasNext();)
        files.append(it.next());
    QVERIFY(!files.isEmpty());
    QMutexLocker lock(&g_logMutex);
    QVERIFY(g_logLines.size() > 10);
    for (const QString &digits : std::as_const(codes)) {
        for (const QString &line : std::as_const(g_logLines))
            QVERIFY2(!line.contains(digits), "a log line carries a payment code");
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(digits.toLatin1()), "the order log stores a payment code");
        }
        for (const SimOrder &order : m_sim->orders())
            QVERIFY(order.identityCodeLastFour.size() == 4 && !order.device.contains(digits));
    }
}

QTEST_GUILESS_MAIN(TestScanSale)
#include "test_scan_sale.moc"

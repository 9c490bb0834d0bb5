// `paydeskctl charge` killed at every stage of a sale, with the simulator and the relay as real
// processes, then `paydeskctl reconcile` (reliability.md item 12); the demo charge end to end;
// and `paydeskctl charge --code` (scan to pay) against paydesk-sim, the code never in any output.

#include "NotifyFactory.h"
#include "ProcessSupport.h"
#include "RawHttp.h"

#include "common/Clock.h"
#include "config/Settings.h"
#include "orders/OrderLog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <map>

using namespace paydesk;
using namespace paydesk::test;

namespace {

QString ctlProgram()
{
    return builtProgram(QStringLiteral("app/paydeskctl/paydeskctl"));
}

// How a charge process was interrupted; the amount (minor units) tells its order apart.
struct Interrupted
{
    QString stage;
    qint64 amountMinor = 0;
};

QString amountText(qint64 minor)
{
    return QString::number(minor / 100) + u'.' + QString::number(minor % 100).rightJustified(2, u'0');
}

QJsonArray simOrders(quint16 simPort)
{
    const RawReply reply = rawExchange(simPort, httpRequest("GET", "/control/orders"), 10'000);
    return QJsonDocument::fromJson(reply.body).array();
}

QJsonObject simOrder(quint16 simPort, const QString &mchOrderNo)
{
    const QJsonArray orders = simOrders(simPort);
    for (const QJsonValue &value : orders) {
        if (value.toObject().value(QStringLiteral("mchOrderNo")).toString() == mchOrderNo)
            return value.toObject();
    }
    return {};
}

std::optional<Order> orderWithAmount(const OrderLog &log, qint64 amountMinor)
{
    auto all = log.ordersBetween(0, std::numeric_limits<qint64>::max());
    if (!all)
        return std::nullopt;
    for (const Order &order : *all) {
        if (order.amount.minor == amountMinor)
            return order;
    }
    return std::nullopt;
}

bool hasEventBy(const OrderLog &log, qint64 orderId, OrderState to, const QString &actor)
{
    auto events = log.events(orderId);
    return events && std::any_of(events->begin(), events->end(), [&](const OrderEvent &event) {
               return event.toState == to && event.actor == actor;
           });
}

} // namespace

class TestChargeProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killedChargesAreReconciled();
    void demoChargeIsPaid();
    void demoChargeCancelledOnTermination();
    void scanChargesAgainstTheSimulator();

private:
    static constexpr int SimValiditySeconds = 25;

    void startServices();
    bool writeSettings(const QString &file, const QString &baseUrl, QString *why);
    int runReconcile(QByteArray *output);
    void startCharge(qint64 amountMinor, const QString &settingsFile);
    void interruptRightAfterStart();
    void interruptBeforeTheGatewaySawIt();
    void interruptWhileTheReplyIsPending();
    void interruptAfterTheQr();
    void checkFirstReconcile();
    void checkSecondReconcile();
    QString orderNumberAfterQr(qint64 amountMinor) const { return m_afterQr.at(amountMinor); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_orderLogPath;
    QString m_settingsFile;
    QString m_blackHoleSettingsFile;
    QString m_notifyUrl;
    SystemClock m_clock;
    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<RelayProcess> m_relay;
    std::unique_ptr<OrderLog> m_log;
    std::unique_ptr<Child> m_charge;
    QTcpServer m_blackHole;
    QList<Interrupted> m_interrupted;
    std::map<qint64, QString> m_afterQr; // amount -> mchOrderNo of the sales killed after the QR
};

void TestChargeProcesses::initTestCase()
{
    for (const QString &program : {ctlProgram(), builtProgram(QStringLiteral("app/paydesk-relay/paydesk-relay")),
                                   builtProgram(QStringLiteral("app/paydesk-sim/paydesk-sim"))})
        QVERIFY2(QFile::exists(program), qPrintable(program + u" is not built"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_orderLogPath = m_dir->filePath(QStringLiteral("orders.sqlite"));
    m_settingsFile = m_dir->filePath(QStringLiteral("paydesk.ini"));
    m_blackHoleSettingsFile = m_dir->filePath(QStringLiteral("blackhole.ini"));
}

void TestChargeProcesses::cleanupTestCase()
{
    m_charge.reset();
    m_relay.reset();
    m_sim.reset();
    m_log.reset();
}

bool TestChargeProcesses::writeSettings(const QString &file, const QString &baseUrl, QString *why)
{
    Settings settings(file);
    if (auto migrated = settings.migrate(); !migrated) {
        *why = describe(migrated.error());
        return false;
    }
    const Result<void> steps[] = {
        settings.setMchId(QString::fromLatin1(TestMchId)),
        settings.setJobNo(QStringLiteral("cashier01")),
        settings.setGatewayBaseUrl(baseUrl),
        settings.setNotifyUrl(m_notifyUrl),
        settings.setGatewayDeadlineMs(30'000),
        settings.setRelayMode(RelayMode::Service), // the relay is its own process here
        settings.setOrderLogPath(m_orderLogPath),
        settings.setTerminalId(QStringLiteral("KILL")),
        settings.setValiditySeconds(120),
        settings.sync(),
    };
    for (const auto &step : steps) {
        if (!step) {
            *why = describe(step.error());
            return false;
        }
    }
    return true;
}

int TestChargeProcesses::runReconcile(QByteArray *output)
{
    Child reconcile(ctlProgram(), m_dir->filePath(QStringLiteral("reconcile-stderr.log")));
    reconcile.start({QStringLiteral("reconcile"), QStringLiteral("--config"), m_settingsFile,
                     QStringLiteral("--key-env"), QString::fromLatin1(KeyVariable)});
    if (!reconcile.waitForExit(120'000))
        return -1;
    *output = reconcile.readStdout();
    qInfo("reconcile: %s", output->trimmed().constData());
    return reconcile.process().exitStatus() == QProcess::NormalExit ? reconcile.process().exitCode() : -1;
}

void TestChargeProcesses::startCharge(qint64 amountMinor, const QString &settingsFile)
{
    m_charge->start({QStringLiteral("charge"), amountText(amountMinor), QStringLiteral("--channel"),
                     QStringLiteral("WX_NATIVE"), QStringLiteral("--config"), settingsFile, QStringLiteral("--key-env"),
                     QString::fromLatin1(KeyVariable)});
}

// The simulator (unpaid orders close after SimValiditySeconds) and the relay as processes,
// the settings `paydeskctl` reads, and a second settings file whose gateway is a black hole.
void TestChargeProcesses::startServices()
{
    QString why;
    m_sim = std::make_unique<SimProcess>(m_dir->path());
    QVERIFY2(m_sim->start(&why,
                          {QStringLiteral("--validity-seconds"), QString::number(SimValiditySeconds),
                           QStringLiteral("--notify-scale"), QStringLiteral("0.01")}),
             qPrintable(why));
    m_relay = std::make_unique<RelayProcess>(m_dir->path(), m_orderLogPath);
    QVERIFY2(m_relay->start(&why), qPrintable(why));
    m_notifyUrl = u"http://127.0.0.1:" + QString::number(m_relay->port()) + u"/notify/iotpay";
    QVERIFY2(writeSettings(m_settingsFile, m_sim->baseUrl(), &why), qPrintable(why));
    // Accepts the connection and never reads: the request leaves the terminal, but the
    // gateway never sees it.
    QVERIFY(m_blackHole.isListening() || m_blackHole.listen(QHostAddress::LocalHost));
    const QString blackHoleUrl = u"http://127.0.0.1:" + QString::number(m_blackHole.serverPort()) + u"/v1/";
    QVERIFY2(writeSettings(m_blackHoleSettingsFile, blackHoleUrl, &why), qPrintable(why));
    auto opened = OrderLog::open(m_orderLogPath, m_clock);
    QVERIFY(opened);
    m_log = std::move(*opened);
    m_charge = std::make_unique<Child>(ctlProgram(), m_dir->filePath(QStringLiteral("charge-stderr.log")));
}

// At growing delays after exec: before, while and after persisting and sending (on a quiet
// machine the whole sale up to the QR takes ~10 ms, some 15 ms after exec).
void TestChargeProcesses::interruptRightAfterStart()
{
    qint64 amount = 101;
    for (const int delayMs : {0, 8, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 28, 32, 40, 60, 120}) {
        startCharge(amount, m_settingsFile);
        QVERIFY(m_charge->process().waitForStarted(10'000));
        QThread::msleep(ulong(delayMs));
        m_charge->killHard();
        m_interrupted.append({u"after " + QString::number(delayMs) + u" ms", amount++});
    }
}

// Between persisting and sending: CREATING, and the gateway never received the request.
void TestChargeProcesses::interruptBeforeTheGatewaySawIt()
{
    startCharge(201, m_blackHoleSettingsFile);
    QTRY_VERIFY_WITH_TIMEOUT(orderWithAmount(*m_log, 201).value_or(Order{}).state == OrderState::Creating, 20'000);
    m_charge->killHard();
    m_interrupted.append({QStringLiteral("request never reached the gateway"), 201});
}

// Between sending and the reply: the gateway made the order, its answer is slow.
void TestChargeProcesses::interruptWhileTheReplyIsPending()
{
    const QByteArray faults = R"({"latencyMs":8000,"calls":1})";
    QCOMPARE(rawExchange(m_sim->port(), httpRequest("POST", "/control/faults", faults, "application/json")).status,
             200);
    startCharge(301, m_settingsFile);
    QTRY_VERIFY_WITH_TIMEOUT(orderWithAmount(*m_log, 301)
                                 && !simOrder(m_sim->port(), orderWithAmount(*m_log, 301)->mchOrderNo).isEmpty(),
                             20'000);
    m_charge->killHard();
    m_interrupted.append({QStringLiteral("gateway created the order, reply pending"), 301});
}

// Between the reply and the screen update, and later: the QR is out, the process dies. Then
// 401 is paid while the relay is up (the relay records it), 501 while the relay is down (only
// the reconciler can learn it), and nobody pays 601.
void TestChargeProcesses::interruptAfterTheQr()
{
    for (const qint64 amount : {401, 501, 601}) {
        startCharge(amount, m_settingsFile);
        const auto line = m_charge->waitForLine("weixin://wxpay/", 30'000);
        QVERIFY2(line, m_charge->readStdout().constData());
        m_charge->killHard();
        const auto order = orderWithAmount(*m_log, amount);
        QVERIFY(order);
        QCOMPARE(order->state, OrderState::Awaiting);
        m_afterQr[amount] = order->mchOrderNo;
        m_interrupted.append({QStringLiteral("after the QR was printed"), amount});
    }
    auto pay = [&](const QString &mchOrderNo) {
        const QByteArray target = "/control/pay?mchOrderNo=" + mchOrderNo.toLatin1();
        return rawExchange(m_sim->port(), httpRequest("POST", target, {}, "text/plain")).body;
    };
    QCOMPARE(pay(orderNumberAfterQr(401)), QByteArray("paid"));
    QTRY_COMPARE_WITH_TIMEOUT(m_log->orderByMchOrderNo(orderNumberAfterQr(401))->state, OrderState::Paid, 15'000);
    m_relay->child().killHard();
    QCOMPARE(pay(orderNumberAfterQr(501)), QByteArray("paid"));
}

void TestChargeProcesses::checkFirstReconcile()
{
    QByteArray output;
    QCOMPARE(runReconcile(&output), 0);
    auto all = m_log->ordersBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(all);
    for (const Order &order : *all) {
        const QString context = order.mchOrderNo + u' ' + orderStateName(order.state);
        // Nothing is left in a state only a running sale could resolve.
        QVERIFY2(order.state != OrderState::New && order.state != OrderState::Creating
                     && order.state != OrderState::Unknown,
                 qPrintable(context));
        // One sale, one gateway order: nothing was ever created twice.
        const QJsonObject atGateway = simOrder(m_sim->port(), order.mchOrderNo);
        if (!atGateway.isEmpty())
            QCOMPARE(atGateway.value(QStringLiteral("createRequests")).toInt(), 1);
        else
            QVERIFY2(order.state == OrderState::Failed, qPrintable(context));
    }
    QCOMPARE(orderWithAmount(*m_log, 201)->state, OrderState::Failed);
    QCOMPARE(orderWithAmount(*m_log, 301)->state, OrderState::Awaiting);
    QVERIFY(!orderWithAmount(*m_log, 301)->qrPayload.isEmpty());
    const auto paidByRelay = m_log->orderByMchOrderNo(orderNumberAfterQr(401));
    QCOMPARE(paidByRelay->state, OrderState::Paid);
    QVERIFY(hasEventBy(*m_log, paidByRelay->id, OrderState::Paid, QStringLiteral("relay")));
    const auto paidWhileRelayDown = m_log->orderByMchOrderNo(orderNumberAfterQr(501));
    QCOMPARE(paidWhileRelayDown->state, OrderState::Paid);
    QVERIFY(hasEventBy(*m_log, paidWhileRelayDown->id, OrderState::Paid, QStringLiteral("reconciler")));
    QCOMPARE(m_log->orderByMchOrderNo(orderNumberAfterQr(601))->state, OrderState::Awaiting);
}

// Once the gateway closed the unpaid ones, a second run leaves nothing open.
void TestChargeProcesses::checkSecondReconcile()
{
    QTest::qWait((SimValiditySeconds + 1) * 1000);
    QByteArray output;
    QCOMPARE(runReconcile(&output), 0);
    QVERIFY(m_log->openOrdersSince(0).value_or(QList<Order>{Order{}}).isEmpty());
    QCOMPARE(orderWithAmount(*m_log, 301)->state, OrderState::Expired);
    QCOMPARE(m_log->orderByMchOrderNo(orderNumberAfterQr(601))->state, OrderState::Expired);
    QCOMPARE(m_log->orderByMchOrderNo(orderNumberAfterQr(501))->state, OrderState::Paid);
    QCOMPARE(m_log->integrityCheck().value_or(QString()), QStringLiteral("ok"));
}

// reliability.md item 12: `paydeskctl charge` killed at every stage, then `paydeskctl reconcile`.
void TestChargeProcesses::killedChargesAreReconciled()
{
    for (auto step :
         {&TestChargeProcesses::startServices, &TestChargeProcesses::interruptRightAfterStart,
          &TestChargeProcesses::interruptBeforeTheGatewaySawIt, &TestChargeProcesses::interruptWhileTheReplyIsPending,
          &TestChargeProcesses::interruptAfterTheQr}) {
        (this->*step)();
        if (QTest::currentTestFailed())
            return;
    }
    for (const Interrupted &i : std::as_const(m_interrupted)) {
        const auto order = orderWithAmount(*m_log, i.amountMinor);
        qInfo("killed %-42s amount %lld: %s", qPrintable(i.stage), i.amountMinor,
              order ? qPrintable(orderStateName(order->state)) : "no order row");
    }
    checkFirstReconcile();
    if (QTest::currentTestFailed())
        return;
    checkSecondReconcile();
    QVERIFY(m_sim->child().stopGracefully(10'000));
}

void TestChargeProcesses::demoChargeIsPaid()
{
    Child charge(ctlProgram(), m_dir->filePath(QStringLiteral("demo-stderr.log")));
    charge.start({QStringLiteral("charge"), QStringLiteral("28.65"), QStringLiteral("--channel"),
                  QStringLiteral("ALIPAY_QR"), QStringLiteral("--demo"), QStringLiteral("--demo-pay-after-ms"),
                  QStringLiteral("500")});
    QVERIFY(charge.waitForExit(60'000));
    const QByteArray out = charge.readStdout();
    QCOMPARE(charge.process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(charge.process().exitCode() == 0, out.constData());
    QVERIFY2(out.contains("https://qr.alipay.com/"), out.constData());
    QVERIFY2(out.contains("PAID  28.65 CAD"), out.constData());
}

// The demo cannot be given a short validity from the command line (DemoOptions::validityMs is
// fixed at 2 minutes), so the unpaid outcome is exercised by the cashier giving up instead.
void TestChargeProcesses::demoChargeCancelledOnTermination()
{
    Child charge(ctlProgram(), m_dir->filePath(QStringLiteral("demo-stderr.log")));
    charge.start({QStringLiteral("charge"), QStringLiteral("28.65"), QStringLiteral("--channel"),
                  QStringLiteral("ALIPAY_QR"), QStringLiteral("--demo"), QStringLiteral("--demo-pay-after-ms"),
                  QStringLiteral("-1")});
    QVERIFY2(charge.waitForLine("https://qr.alipay.com/", 30'000), charge.readStdout().constData());
    QVERIFY(!charge.waitForExit(1500)); // nobody pays: it keeps waiting
    charge.process().terminate(); // SIGTERM: cancel the sale, as Ctrl+C does
    QVERIFY(charge.waitForExit(30'000));
    const QByteArray out = charge.readStdout();
    QCOMPARE(charge.process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(charge.process().exitCode() == 1, out.constData());
    QVERIFY2(out.contains("CANCELLED  28.65 CAD"), out.constData());
}

// Scan to pay in the terminal (issue 13): the code from standard input (paid at once, and a
// password the customer confirms a few seconds later) or the argument (a refusal); a code that
// fits no wallet is a usage error before anything is sent. No output of any process names it.
void TestChargeProcesses::scanChargesAgainstTheSimulator()
{
    startServices();
    if (QTest::currentTestFailed())
        return;
    struct Case
    {
        QString code;
        bool onStdin;
        int exitCode;
        QByteArray outcome;
    };
    // The simulator's test codes (core/sim/SimMicropay.h): the last four digits pick the outcome.
    const Case cases[] = {
        {QStringLiteral("134567890123490000"), true, 0, "PAID  12.34 CAD"}, // WeChat Pay, paid at once
        {QStringLiteral("2845678901234590001"), true, 0, "PAID  12.34 CAD"}, // Alipay, password
        {QStringLiteral("6234567890123490002"), false, 1, "FAILED  12.34 CAD"}, // UnionPay, no funds
        {QStringLiteral("99123456789012345"), true, 2, "fits no wallet"},
    };
    QByteArray everything;
    for (const Case &c : cases) {
        Child charge(ctlProgram(), m_dir->filePath(QStringLiteral("scan-stderr.log")));
        charge.start({QStringLiteral("charge"), QStringLiteral("12.34"), QStringLiteral("--code"),
                      c.onStdin ? QStringLiteral("-") : c.code, QStringLiteral("--config"), m_settingsFile,
                      QStringLiteral("--key-env"), QString::fromLatin1(KeyVariable)});
        if (c.onStdin) {
            QVERIFY(charge.process().waitForStarted(10'000));
            charge.process().write(c.code.toLatin1() + "\n");
            charge.process().closeWriteChannel();
        }
        QVERIFY(charge.waitForExit(60'000));
        const QByteArray out = charge.readStdout() + charge.readStderr();
        QCOMPARE(charge.process().exitStatus(), QProcess::NormalExit);
        QVERIFY2(charge.process().exitCode() == c.exitCode, out.constData());
        QVERIFY2(out.contains(c.outcome), out.constData());
        if (c.exitCode != 2)
            QVERIFY2(out.contains(QByteArray("****" + c.code.right(4).toLatin1())), out.constData());
        everything += out;
    }
    QVERIFY(m_sim->child().stopGracefully(10'000));
    QVERIFY(m_relay->child().stopGracefully(10'000));
    everything += m_sim->child().readStdout() + m_sim->child().readStderr() + m_relay->child().readStderr();
    m_log.reset();
    for (const QString &name : QDir(m_dir->path()).entryList(QDir::Files)) {
        QFile file(m_dir->filePath(name));
        if (file.open(QIODevice::ReadOnly))
            everything += file.readAll(); // order log, settings, every log file
    }
    for (const Case &c : cases)
        QVERIFY2(!everything.contains(c.code.toLatin1()), "a payment code appears in an output or a file");
}

QTEST_GUILESS_MAIN(TestChargeProcesses)
#include "test_charge_processes.moc"

// `paydeskctl refund` as a real process against the simulator: a sale paid through
// `paydeskctl charge` and the relay, then full and partial refunds, an over-refund, an unknown
// order and a wrong manager PIN, each with its exit code and what the order log then holds.

#include "NotifyFactory.h"
#include "ProcessSupport.h"
#include "RawHttp.h"

#include "common/Clock.h"
#include "config/ManagerPin.h"
#include "config/Settings.h"
#include "orders/OrderLog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::test;
using namespace Qt::StringLiterals;

namespace {

constexpr char ManagerPin[] = "4321";

QString ctlProgram()
{
    return builtProgram(u"app/paydeskctl/paydeskctl"_s);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestRefundProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void helpNamesTheCommand();
    void partialThenFullRefund();
    void overRefundIsRefused();
    void unknownOrderIsRefused();
    void wrongPinIsRefused();
    void missingReasonIsUsage();

private:
    bool writeSettings(QString *why);
    Order chargePaid(qint64 amountMinor);
    Run refund(const QStringList &arguments, const QByteArray &stdinText = QByteArray(ManagerPin) + '\n');
    qint64 refundedMinor(const QString &mchOrderNo) const;
    int refundCount(const QString &mchOrderNo) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_orderLogPath;
    QString m_settingsFile;
    QString m_notifyUrl;
    SystemClock m_clock;
    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<RelayProcess> m_relay;
    std::unique_ptr<OrderLog> m_log;
    Order m_paid; // 10.00, refunded by partialThenFullRefund
};

void TestRefundProcesses::initTestCase()
{
    for (const QString &program : {ctlProgram(), builtProgram(u"app/paydesk-relay/paydesk-relay"_s),
                                   builtProgram(u"app/paydesk-sim/paydesk-sim"_s)})
        QVERIFY2(QFile::exists(program), qPrintable(program + u" is not built"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_orderLogPath = m_dir->filePath(u"orders.sqlite"_s);
    m_settingsFile = m_dir->filePath(u"paydesk.ini"_s);
    QString why;
    m_sim = std::make_unique<SimProcess>(m_dir->path());
    QVERIFY2(m_sim->start(&why, {u"--notify-scale"_s, u"0.01"_s}), qPrintable(why));
    m_relay = std::make_unique<RelayProcess>(m_dir->path(), m_orderLogPath);
    QVERIFY2(m_relay->start(&why), qPrintable(why));
    m_notifyUrl = u"http://127.0.0.1:" + QString::number(m_relay->port()) + u"/notify/iotpay";
    QVERIFY2(writeSettings(&why), qPrintable(why));
    auto opened = OrderLog::open(m_orderLogPath, m_clock);
    QVERIFY(opened);
    m_log = std::move(*opened);
    m_paid = chargePaid(1000);
    QCOMPARE(m_paid.state, OrderState::Paid);
}

void TestRefundProcesses::cleanupTestCase()
{
    m_log.reset();
    m_relay.reset();
    m_sim.reset();
}

bool TestRefundProcesses::writeSettings(QString *why)
{
    Settings settings(m_settingsFile);
    auto verifier = makePinVerifier(QString::fromLatin1(ManagerPin), MinPinIterations);
    if (!verifier) {
        *why = describe(verifier.error());
        return false;
    }
    const Result<void> steps[] = {
        settings.migrate() ? Result<void>{} : fail(ErrorCode::ConfigMissing, u"migrate"_s),
        settings.setMchId(QString::fromLatin1(TestMchId)),
        settings.setJobNo(u"cashier01"_s),
        settings.setGatewayBaseUrl(m_sim->baseUrl()),
        settings.setNotifyUrl(m_notifyUrl),
        settings.setRelayMode(RelayMode::Service), // the relay is its own process here
        settings.setOrderLogPath(m_orderLogPath),
        settings.setTerminalId(u"REFD"_s),
        settings.setPinVerifier(*verifier),
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

// A WX_NATIVE sale through `paydeskctl charge`, paid at the simulator, confirmed by the relay.
Order TestRefundProcesses::chargePaid(qint64 amountMinor)
{
    Child charge(ctlProgram(), m_dir->filePath(u"charge-stderr.log"_s));
    charge.start({u"charge"_s, QString::number(amountMinor / 100) + u".00", u"--channel"_s, u"WX_NATIVE"_s,
                  u"--config"_s, m_settingsFile, u"--key-env"_s, QString::fromLatin1(KeyVariable)});
    if (!charge.waitForLine("weixin://wxpay/", 30'000))
        return {};
    auto open = m_log->openOrdersSince(0);
    if (!open || open->isEmpty())
        return {};
    const QString mchOrderNo = open->last().mchOrderNo;
    const QByteArray target = "/control/pay?mchOrderNo=" + mchOrderNo.toLatin1();
    if (rawExchange(m_sim->port(), httpRequest("POST", target, {}, "text/plain")).body != "paid")
        return {};
    if (!charge.waitForExit(30'000) || charge.process().exitCode() != 0)
        return {};
    return m_log->orderByMchOrderNo(mchOrderNo).value_or(Order{});
}

Run TestRefundProcesses::refund(const QStringList &arguments, const QByteArray &stdinText)
{
    Child child(ctlProgram(), m_dir->filePath(u"refund-stderr.log"_s));
    child.start(QStringList{u"refund"_s} + arguments
                + QStringList{u"--config"_s, m_settingsFile, u"--key-env"_s, QString::fromLatin1(KeyVariable)});
    child.process().write(stdinText);
    child.process().closeWriteChannel();
    Run run;
    if (!child.waitForExit(60'000))
        return run;
    run.out = child.readStdout();
    run.err = child.readStderr();
    run.exitCode = child.process().exitStatus() == QProcess::NormalExit ? child.process().exitCode() : -1;
    return run;
}

qint64 TestRefundProcesses::refundedMinor(const QString &mchOrderNo) const
{
    const auto order = m_log->orderByMchOrderNo(mchOrderNo);
    return order ? order->refundedMinor : -1;
}

int TestRefundProcesses::refundCount(const QString &mchOrderNo) const
{
    const auto order = m_log->orderByMchOrderNo(mchOrderNo);
    if (!order)
        return -1;
    const auto refunds = m_log->refundsOfOrder(order->id);
    return refunds ? int(refunds->size()) : -1;
}

void TestRefundProcesses::helpNamesTheCommand()
{
    Child help(ctlProgram(), m_dir->filePath(u"help-stderr.log"_s));
    help.start({u"help"_s});
    QVERIFY(help.waitForExit(10'000));
    QVERIFY(help.readStdout().contains("refund    refund a paid order"));
    Child refundHelp(ctlProgram(), m_dir->filePath(u"help-stderr.log"_s));
    refundHelp.start({u"refund"_s, u"--help"_s});
    QVERIFY(refundHelp.waitForExit(10'000));
    const QByteArray text = refundHelp.readStdout();
    QVERIFY2(text.contains("--amount") && text.contains("--reason") && text.contains("--pin-file"), text.constData());
}

void TestRefundProcesses::partialThenFullRefund()
{
    const QString order = m_paid.mchOrderNo;
    const Run partial = refund({order, u"--amount"_s, u"3.00"_s, u"--reason"_s, u"one item returned"_s});
    QVERIFY2(partial.exitCode == 0, partial.err.constData());
    QVERIFY2(partial.out.contains("SUCCEEDED") && partial.out.contains("3.00 CAD"), partial.out.constData());
    QCOMPARE(refundedMinor(order), 300);

    // The PIN from an owner-only file this time; no --amount: all that is left.
    const QString pinFile = m_dir->filePath(u"pin"_s);
    QFile file(pinFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(ManagerPin) + '\n');
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const Run full = refund({order, u"--reason"_s, u"customer changed their mind"_s, u"--pin-file"_s, pinFile}, {});
    QVERIFY2(full.exitCode == 0, full.err.constData());
    QVERIFY2(full.out.contains("SUCCEEDED") && full.out.contains("7.00 CAD"), full.out.constData());
    QCOMPARE(refundedMinor(order), 1000);
    QCOMPARE(refundCount(order), 2);
    // Both are in the audit trail with the manager account the settings' PIN became, and the
    // refunds record who made them.
    const auto audit = m_log->auditEventsBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(audit);
    const auto requests = std::count_if(audit->begin(), audit->end(), [](const AuditEvent &event) {
        return event.kind == u"refund_request" && event.actor == u"manager";
    });
    QCOMPARE(requests, 2);
    const auto made = m_log->refundsOfOrder(m_paid.id);
    QVERIFY(made);
    for (const Refund &refund : *made)
        QCOMPARE(refund.requestedBy, u"manager"_s);
}

void TestRefundProcesses::overRefundIsRefused()
{
    const Order order = chargePaid(500);
    QCOMPARE(order.state, OrderState::Paid);
    const Run over = refund({order.mchOrderNo, u"--amount"_s, u"5.01"_s, u"--reason"_s, u"too much"_s});
    QCOMPARE(over.exitCode, 1);
    QVERIFY2(over.err.contains("AmountTooLarge"), over.err.constData());
    QCOMPARE(refundCount(order.mchOrderNo), 0); // nothing reserved, nothing sent
    QCOMPARE(refundedMinor(order.mchOrderNo), 0);
    // Fully refunded already: a full refund has nothing left to give.
    const Run again = refund({m_paid.mchOrderNo, u"--reason"_s, u"again"_s});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(refundedMinor(m_paid.mchOrderNo), 1000);
    QCOMPARE(refundCount(m_paid.mchOrderNo), 2);
}

void TestRefundProcesses::unknownOrderIsRefused()
{
    const Run unknown = refund({u"NOSUCHORDER123"_s, u"--reason"_s, u"typo"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("NOSUCHORDER123"), unknown.err.constData());
}

void TestRefundProcesses::wrongPinIsRefused()
{
    const Order order = chargePaid(400);
    QCOMPARE(order.state, OrderState::Paid);
    const Run wrong = refund({order.mchOrderNo, u"--reason"_s, u"wrong pin"_s}, "9999\n");
    QCOMPARE(wrong.exitCode, 6);
    QVERIFY2(wrong.err.contains("wrong manager name or PIN"), wrong.err.constData());
    QVERIFY(!wrong.err.contains("9999") && !wrong.out.contains("9999")); // never echoed
    QCOMPARE(refundCount(order.mchOrderNo), 0);
    // The settings' PIN became the "manager" account, whose counter the failure goes to.
    QCOMPARE(m_log->staffAccountByName(u"manager"_s)->failedAttempts, 1); // counts towards the lock-out
    QVERIFY(m_log->auditEventsBetween(0, std::numeric_limits<qint64>::max())->last().kind == u"sign_in_failure"_s);
    // Another manager's name with this PIN is no better.
    const Run stranger = refund({order.mchOrderNo, u"--reason"_s, u"who"_s, u"--manager"_s, u"boss"_s});
    QCOMPARE(stranger.exitCode, 6);
    QVERIFY2(stranger.err.contains("wrong manager name or PIN"), stranger.err.constData());
    // The right PIN afterwards works and resets the count.
    const Run right = refund({order.mchOrderNo, u"--amount"_s, u"1.00"_s, u"--reason"_s, u"right pin"_s});
    QVERIFY2(right.exitCode == 0, right.err.constData());
    QCOMPARE(refundedMinor(order.mchOrderNo), 100);
    QCOMPARE(m_log->staffAccountByName(u"manager"_s)->failedAttempts, 0);
}

void TestRefundProcesses::missingReasonIsUsage()
{
    const Run noReason = refund({m_paid.mchOrderNo});
    QCOMPARE(noReason.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestRefundProcesses)
#include "test_refund_processes.moc"

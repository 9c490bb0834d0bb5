// `paydeskctl staff` as a real process: the manager PIN of before becomes the "manager"
// account, which then adds, disables and re-PINs accounts; wrong PINs, cashiers and usage
// errors get their exit codes, and no PIN ever shows in the output or the audit trail.

#include "ProcessSupport.h"

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

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestStaffProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void helpNamesTheCommand();
    void managerPinMigratesAndManagesStaff();
    void wrongPinAndCashierAreDenied();
    void refusalsAndUsage();
    void firstManagerWithoutAnyPin();

private:
    bool writeSettings(bool withPin);
    Run staff(const QStringList &arguments, const QByteArray &stdinText);
    QStringList auditKinds() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_orderLogPath;
    QString m_settingsFile;
    SystemClock m_clock;
};

void TestStaffProcesses::init()
{
    QVERIFY2(QFile::exists(builtProgram(u"app/paydeskctl/paydeskctl"_s)), "paydeskctl is not built");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_orderLogPath = m_dir->filePath(u"orders.sqlite"_s);
    m_settingsFile = m_dir->filePath(u"paydesk.ini"_s);
    QVERIFY(writeSettings(true));
}

void TestStaffProcesses::cleanup()
{
    m_dir.reset();
}

bool TestStaffProcesses::writeSettings(bool withPin)
{
    QFile::remove(m_settingsFile);
    Settings settings(m_settingsFile);
    if (!settings.migrate() || !settings.setOrderLogPath(m_orderLogPath) || !settings.setTerminalId(u"STAF"_s))
        return false;
    if (withPin) {
        auto verifier = makePinVerifier(QString::fromLatin1(ManagerPin), MinPinIterations);
        if (!verifier || !settings.setPinVerifier(*verifier))
            return false;
    }
    return bool(settings.sync());
}

Run TestStaffProcesses::staff(const QStringList &arguments, const QByteArray &stdinText)
{
    Child child(builtProgram(u"app/paydeskctl/paydeskctl"_s), m_dir->filePath(u"staff-stderr.log"_s));
    child.start(QStringList{u"staff"_s} + arguments + QStringList{u"--config"_s, m_settingsFile});
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

QStringList TestStaffProcesses::auditKinds() const
{
    auto log = OrderLog::open(m_orderLogPath, m_clock);
    if (!log)
        return {u"cannot open"_s};
    const auto events = (*log)->auditEventsBetween(0, std::numeric_limits<qint64>::max());
    if (!events)
        return {u"cannot read"_s};
    QStringList kinds;
    for (const AuditEvent &event : *events)
        kinds.append(event.kind);
    return kinds;
}

void TestStaffProcesses::helpNamesTheCommand()
{
    Child help(builtProgram(u"app/paydeskctl/paydeskctl"_s), m_dir->filePath(u"help-stderr.log"_s));
    help.start({u"help"_s});
    QVERIFY(help.waitForExit(10'000));
    QVERIFY(help.readStdout().contains("staff     list, add, disable, enable staff accounts"));
    const Run staffHelp = staff({u"--help"_s}, {});
    QCOMPARE(staffHelp.exitCode, 0);
    QVERIFY2(staffHelp.out.contains("--role") && staffHelp.out.contains("--manager")
                 && staffHelp.out.contains("--pin-file") && staffHelp.out.contains("disable NAME")
                 && staffHelp.out.contains("enable NAME"),
             staffHelp.out.constData());
}

void TestStaffProcesses::managerPinMigratesAndManagesStaff()
{
    const Run first = staff({u"list"_s}, {});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(first.out, QByteArray("manager\tmanager\tactive\n"));
    QCOMPARE(auditKinds().count(u"staff_migrated"_s), 1);

    const Run add = staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s}, "4321\n135792\n");
    QVERIFY2(add.exitCode == 0, add.err.constData());
    QVERIFY(add.out.contains("added li (cashier)"));
    const Run again = staff({u"add"_s, u"li"_s, u"--role"_s, u"manager"_s}, "4321\n246801\n");
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("Duplicate"), again.err.constData());

    // The manager's PIN from an owner-only file; the new PIN is then the first line.
    const QString pinFile = m_dir->filePath(u"pin"_s);
    QFile file(pinFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(ManagerPin) + '\n');
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const Run pin = staff({u"pin"_s, u"li"_s, u"--pin-file"_s, pinFile}, "864200\n");
    QVERIFY2(pin.exitCode == 0, pin.err.constData());
    const Run disable = staff({u"disable"_s, u"li"_s}, "4321\n");
    QVERIFY2(disable.exitCode == 0, disable.err.constData());
    const Run listed = staff({u"list"_s}, {});
    QCOMPARE(listed.out, QByteArray("li\tcashier\tdisabled\nmanager\tmanager\tactive\n"));
    const Run enable = staff({u"enable"_s, u"li"_s}, "4321\n");
    QVERIFY2(enable.exitCode == 0, enable.err.constData());
    QVERIFY(enable.out.contains("enabled li"));
    const Run relisted = staff({u"list"_s}, {});
    QCOMPARE(relisted.out, QByteArray("li\tcashier\tactive\nmanager\tmanager\tactive\n"));
    // Migrated once only, whatever the number of runs.
    const QStringList kinds = auditKinds();
    QCOMPARE(kinds.count(u"staff_migrated"_s), 1);
    QCOMPARE(kinds.count(u"staff_created"_s), 1);
    QCOMPARE(kinds.count(u"staff_pin_changed"_s), 1);
    QCOMPARE(kinds.count(u"staff_disabled"_s), 1);
    QCOMPARE(kinds.count(u"staff_enabled"_s), 1);
    QVERIFY(kinds.count(u"sign_in"_s) >= 5);
    for (const Run &run : {add, again, pin, disable, listed, enable, relisted}) {
        for (const char *secret : {"4321", "135792", "246801", "864200"})
            QVERIFY(!run.out.contains(secret) && !run.err.contains(secret));
    }
}

void TestStaffProcesses::wrongPinAndCashierAreDenied()
{
    const Run wrong = staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s}, "9999\n135792\n");
    QCOMPARE(wrong.exitCode, 6);
    QVERIFY2(wrong.err.contains("wrong manager name or PIN"), wrong.err.constData());
    QVERIFY(!wrong.err.contains("9999") && !wrong.out.contains("9999"));
    // An unknown manager reads the same as a wrong PIN.
    const Run unknown
        = staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s, u"--manager"_s, u"boss"_s}, "4321\n135792\n");
    QCOMPARE(unknown.exitCode, 6);
    QVERIFY2(unknown.err.contains("wrong manager name or PIN"), unknown.err.constData());
    QVERIFY(staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s}, "4321\n135792\n").exitCode == 0);
    // A cashier signs in fine but is no manager.
    const Run cashier
        = staff({u"add"_s, u"sam"_s, u"--role"_s, u"cashier"_s, u"--manager"_s, u"li"_s}, "135792\n111111\n");
    QCOMPARE(cashier.exitCode, 6);
    QVERIFY2(cashier.err.contains("li is not a manager"), cashier.err.constData());
    auto log = OrderLog::open(m_orderLogPath, m_clock);
    QVERIFY(log);
    QCOMPARE((*log)->staffAccounts()->size(), 2);
    QCOMPARE((*log)->staffAccountByName(u"manager"_s)->failedAttempts, 0); // the right PIN reset it
}

void TestStaffProcesses::refusalsAndUsage()
{
    QCOMPARE(staff({}, {}).exitCode, 2);
    QCOMPARE(staff({u"add"_s}, {}).exitCode, 2);
    QCOMPARE(staff({u"add"_s, u"li"_s}, "4321\n135792\n").exitCode, 2); // no --role
    QCOMPARE(staff({u"list"_s, u"extra"_s}, {}).exitCode, 2);
    QCOMPARE(staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s}, "4321\n").exitCode, 2); // no new PIN
    const Run last = staff({u"disable"_s, u"manager"_s}, "4321\n");
    QCOMPARE(last.exitCode, 1);
    QVERIFY2(last.err.contains("last manager"), last.err.constData());
    QCOMPARE(staff({u"pin"_s, u"nobody"_s}, "4321\n123456\n").exitCode, 1);
    const Run badPin = staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s}, "4321\n12\n");
    QCOMPARE(badPin.exitCode, 1);
}

void TestStaffProcesses::firstManagerWithoutAnyPin()
{
    QVERIFY(writeSettings(false));
    const Run cashierFirst = staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s}, "135792\n");
    QCOMPARE(cashierFirst.exitCode, 3); // a manager is needed first
    const Run first = staff({u"add"_s, u"mina"_s, u"--role"_s, u"manager"_s}, "246813\n");
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(staff({u"list"_s}, {}).out, QByteArray("mina\tmanager\tactive\n"));
    // From now on a manager must sign in.
    QCOMPARE(staff({u"add"_s, u"eve"_s, u"--role"_s, u"manager"_s}, "111111\n").exitCode, 6);
    QCOMPARE(
        staff({u"add"_s, u"li"_s, u"--role"_s, u"cashier"_s, u"--manager"_s, u"mina"_s}, "246813\n135792\n").exitCode,
        0);
}

QTEST_GUILESS_MAIN(TestStaffProcesses)
#include "test_staff_processes.moc"

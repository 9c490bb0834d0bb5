#include "orders/OrderLog.h"
#include "staff/CashierSession.h"
#include "staff/StaffService.h"

#include "TestStore.h"

#include <QTemporaryDir>
#include <QThread>

#include <QTest>
#include <latch>

using namespace paydesk;
using namespace Qt::StringLiterals;

// design.md "Staff": accounts in the order log, sign-in by name and PIN with a lock-out, the
// manager's actions on accounts, and the migration of the single manager PIN of before.
class TestStaffService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void signInWithTheRightPin();
    void wrongPinAndUnknownNameReadTheSame();
    void locksAtTheTenthFailureForThirtyMinutes();
    void lockHoldsAcrossServicesOnTheSameDatabase();
    void failuresAtOnceOnTwoConnectionsAllCount();
    void failureCountIsOneStatement();
    void managerEnablesADisabledAccount();
    void counterAsksOnceThereIsACashier();
    void switchAndSignOutAreAudited();
    void disabledWhileSignedInIsSignedOut();
    void disabledAccountIsRefused();
    void cashierCannotManageStaff();
    void managerManagesStaff();
    void lastManagerCannotBeDisabled();
    void changePinClearsTheLock();
    void migratesTheManagerPinOnce();
    void migrationKeepsTheLockout();
    void migrationLeavesAStoreWithManagersAlone();
    void firstManagerOnlyWithoutManagers();
    void settingsPinGoesToTheSignedInManager();
    void auditTrailHasNoPin();

private:
    StaffService service() { return StaffService(*m_log, m_clock, Iterations); }
    StaffAccount seedManager(const QString &name = u"mina"_s, const QString &pin = u"2468"_s);
    QList<AuditEvent> audit() const { return *m_log->auditEventsBetween(0, std::numeric_limits<qint64>::max()); }
    QStringList auditKinds() const;

    static constexpr int Iterations = MinPinIterations; // fast; production uses the default
    std::unique_ptr<testing::TestStore> m_store; // SQLite, or a PostgreSQL database (the _pg run)
    ManualClock m_clock;
    std::unique_ptr<OrderLog> m_log;
};

void TestStaffService::init()
{
    m_store = std::make_unique<testing::TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_clock.setWallMs(1'700'000'000'000);
    auto log = OrderLog::open(m_store->url(), m_clock);
    QVERIFY2(log, qPrintable(log ? QString() : describe(log.error())));
    m_log = std::move(*log);
}

void TestStaffService::cleanup()
{
    m_log.reset();
    m_store.reset();
}

StaffAccount TestStaffService::seedManager(const QString &name, const QString &pin)
{
    auto verifier = makePinVerifier(pin, Iterations);
    auto created = m_log->createStaffAccount({name, StaffRole::Manager, verifier->toString()});
    return created ? *created : StaffAccount{};
}

QStringList TestStaffService::auditKinds() const
{
    QStringList kinds;
    for (const AuditEvent &event : audit())
        kinds.append(event.kind);
    return kinds;
}

void TestStaffService::signInWithTheRightPin()
{
    seedManager();
    auto staff = service();
    const auto signedIn = staff.signIn(u"mina"_s, u"2468");
    QVERIFY(signedIn);
    QCOMPARE(signedIn->name, u"mina"_s);
    QCOMPARE(signedIn->role, StaffRole::Manager);
    QCOMPARE(auditKinds(), QStringList{u"sign_in"_s});
    QCOMPARE(audit().first().actor, u"mina"_s);
}

void TestStaffService::wrongPinAndUnknownNameReadTheSame()
{
    seedManager();
    auto staff = service();
    const auto wrong = staff.signIn(u"mina"_s, u"2469");
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().reason, SignInFailure::WrongPin);
    const auto unknown = staff.signIn(u"nobody"_s, u"2468");
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().reason, SignInFailure::UnknownName);
    QCOMPARE(signInRefusalForUi(unknown.error().reason), signInRefusalForUi(wrong.error().reason));
    QCOMPARE(auditKinds(), (QStringList{u"sign_in_failure"_s, u"sign_in_failure"_s}));
    QCOMPARE(m_log->staffAccountByName(u"mina"_s)->failedAttempts, 1);
}

void TestStaffService::locksAtTheTenthFailureForThirtyMinutes()
{
    seedManager();
    auto staff = service();
    for (int attempt = 1; attempt < 10; ++attempt)
        QCOMPARE(staff.signIn(u"mina"_s, u"0000").error().reason, SignInFailure::WrongPin);
    QVERIFY(!auditKinds().contains(u"lockout"_s));
    const auto tenth = staff.signIn(u"mina"_s, u"0000");
    QCOMPARE(tenth.error().reason, SignInFailure::Locked);
    QCOMPARE(tenth.error().remainingLockMinutes(), 30);
    QCOMPARE(auditKinds().count(u"lockout"_s), 1);
    // Locked: the right PIN is not even compared.
    m_clock.advanceMs(29 * 60'000);
    const auto stillLocked = staff.signIn(u"mina"_s, u"2468");
    QCOMPARE(stillLocked.error().reason, SignInFailure::Locked);
    QCOMPARE(stillLocked.error().remainingLockMinutes(), 1);
    m_clock.advanceMs(60'000);
    QVERIFY(staff.signIn(u"mina"_s, u"2468"));
    const auto account = m_log->staffAccountByName(u"mina"_s);
    QCOMPARE(account->failedAttempts, 0);
    QCOMPARE(account->lockedUntilUtcMs, 0);
}

void TestStaffService::lockHoldsAcrossServicesOnTheSameDatabase()
{
    seedManager();
    {
        auto first = service();
        for (int attempt = 0; attempt < 10; ++attempt)
            (void)first.signIn(u"mina"_s, u"1111");
    }
    // Another terminal (or a restart) sees the same lock: it lives on the account.
    auto reopened = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(reopened);
    StaffService second(**reopened, m_clock, Iterations);
    QCOMPARE(second.signIn(u"mina"_s, u"2468").error().reason, SignInFailure::Locked);
}

// Two terminals (two connections, two threads) typing wrong PINs at the same moment: each of
// the ten is counted, so the tenth locks the account, once. A read-then-write counter loses
// counts here, because the PBKDF2 check sits between its read and its write.
void TestStaffService::failuresAtOnceOnTwoConnectionsAllCount()
{
    seedManager();
    const QString path = m_store->url();
    QList<SignInFailure> reasons[2];
    QThread *threads[2] = {};
    std::latch ready(2); // both connections open before either types a PIN
    for (int t = 0; t < 2; ++t) {
        threads[t] = QThread::create([this, path, &reasons, &ready, t] {
            auto log = OrderLog::open(path, m_clock);
            ready.arrive_and_wait();
            if (!log)
                return;
            StaffService terminal(**log, m_clock, Iterations * 20);
            for (int attempt = 0; attempt < 5; ++attempt)
                reasons[t].append(terminal.signIn(u"mina"_s, u"1111").error().reason);
        });
        threads[t]->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60'000));
        delete thread;
    }
    QCOMPARE(reasons[0].size() + reasons[1].size(), 10);
    QCOMPARE(reasons[0].count(SignInFailure::Locked) + reasons[1].count(SignInFailure::Locked), 1);
    const auto account = m_log->staffAccountByName(u"mina"_s);
    QCOMPARE(account->failedAttempts, 10);
    QCOMPARE(account->lockedUntilUtcMs, m_clock.nowUtcMs() + PinLockout::DefaultLockoutMs);
    QCOMPARE(auditKinds().count(u"sign_in_failure"_s), 10);
    QCOMPARE(auditKinds().count(u"lockout"_s), 1);
}

// The order log's side: counts from what the row holds, not from what a caller read before.
void TestStaffService::failureCountIsOneStatement()
{
    const StaffAccount mina = seedManager();
    auto other = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(other);
    const qint64 now = m_clock.nowUtcMs();
    QCOMPARE(m_log->countStaffFailure(mina.id, now, 3, 60'000)->account.failedAttempts, 1);
    QCOMPARE((*other)->countStaffFailure(mina.id, now, 3, 60'000)->account.failedAttempts, 2);
    const auto third = m_log->countStaffFailure(mina.id, now, 3, 60'000);
    QVERIFY(third->counted);
    QCOMPARE(third->account.lockedUntilUtcMs, now + 60'000);
    // Locked: not counted, the row stays as it is.
    const auto whileLocked = (*other)->countStaffFailure(mina.id, now + 59'999, 3, 60'000);
    QVERIFY(!whileLocked->counted);
    QCOMPARE(whileLocked->account.failedAttempts, 3);
    QCOMPARE(whileLocked->account.lockedUntilUtcMs, now + 60'000);
    // A lock that has run out starts the count again.
    const auto after = m_log->countStaffFailure(mina.id, now + 60'000, 3, 60'000);
    QVERIFY(after->counted);
    QCOMPARE(after->account.failedAttempts, 1);
    QCOMPARE(after->account.lockedUntilUtcMs, 0);
    QCOMPARE(m_log->countStaffFailure(999, now, 3, 60'000).error().code, ErrorCode::NotFound);
}

void TestStaffService::managerEnablesADisabledAccount()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    const auto li = staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357");
    QVERIFY(li);
    QVERIFY(staff.disable(mina, u"li"_s));
    QCOMPARE(staff.enable(*li, u"li"_s).error().code, ErrorCode::InvalidArgument); // not a manager
    const auto enabled = staff.enable(mina, u"li"_s);
    QVERIFY(enabled);
    QVERIFY(!enabled->disabled);
    QVERIFY(staff.signIn(u"li"_s, u"1357"));
    QVERIFY(auditKinds().contains(u"staff_enabled"_s));
}

// The manager account the old PIN became does not make every counter ask for a sign-in; the
// first (enabled) cashier account does.
void TestStaffService::counterAsksOnceThereIsACashier()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    CashierSession session(staff);
    QCOMPARE(*session.signInRequired(), false);
    QVERIFY(staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357"));
    QCOMPARE(*session.signInRequired(), true);
    QCOMPARE(*session.names(), (QStringList{u"li"_s, u"mina"_s}));
    QVERIFY(staff.disable(mina, u"li"_s));
    QCOMPARE(*session.signInRequired(), false);
    QCOMPARE(*session.names(), QStringList{u"mina"_s});
}

void TestStaffService::switchAndSignOutAreAudited()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    QVERIFY(staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357"));
    CashierSession session(staff);
    QVERIFY(session.signIn(u"li"_s, u"1357"));
    QCOMPARE(session.cashierName(), u"li"_s);
    // A refused switch leaves the cashier signed in.
    QCOMPARE(session.signIn(u"mina"_s, u"0000").error().reason, SignInFailure::WrongPin);
    QCOMPARE(session.cashierName(), u"li"_s);
    QVERIFY(!auditKinds().contains(u"sign_out"_s));
    QVERIFY(session.signIn(u"mina"_s, u"2468"));
    QCOMPARE(session.cashierName(), u"mina"_s);
    session.signOut();
    QVERIFY(!session.cashier());
    QStringList signOuts;
    for (const AuditEvent &event : audit()) {
        if (event.kind == u"sign_out")
            signOuts.append(event.actor + u": "_s + event.detail);
    }
    QCOMPARE(signOuts, (QStringList{u"li: switched to mina"_s, u"mina: signed out"_s}));
}

// A manager disables a cashier who is signed in at a counter (from another terminal, say): the
// counter's next check signs them out, audited; a store that cannot be read signs nobody out.
void TestStaffService::disabledWhileSignedInIsSignedOut()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    QVERIFY(staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357"));
    CashierSession session(staff);
    QVERIFY(session.signIn(u"li"_s, u"1357"));
    QVERIFY(!session.recheck());
    QCOMPARE(session.cashierName(), u"li"_s);

    auto other = OrderLog::open(m_store->url(), m_clock);
    QVERIFY(other);
    StaffService managerTerminal(**other, m_clock, Iterations);
    QVERIFY(managerTerminal.disable(mina, u"li"_s));
    QVERIFY(session.recheck());
    QVERIFY(!session.cashier());
    QVERIFY(!session.recheck()); // nobody signed in: nothing to do
    QStringList signOuts;
    for (const AuditEvent &event : audit()) {
        if (event.kind == u"sign_out")
            signOuts.append(event.actor + u": "_s + event.detail);
    }
    QCOMPARE(signOuts, QStringList{u"li: account disabled"_s});
    QCOMPARE(session.signIn(u"li"_s, u"1357").error().reason, SignInFailure::Disabled);
}

void TestStaffService::disabledAccountIsRefused()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    QVERIFY(staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357"));
    QVERIFY(staff.disable(mina, u"li"_s));
    QCOMPARE(staff.signIn(u"li"_s, u"1357").error().reason, SignInFailure::Disabled);
    // A wrong PIN on a disabled account says nothing about it being disabled.
    QCOMPARE(staff.signIn(u"li"_s, u"9999").error().reason, SignInFailure::WrongPin);
}

void TestStaffService::cashierCannotManageStaff()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    const auto li = staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357");
    QVERIFY(li);
    QCOMPARE(staff.create(*li, u"sam"_s, StaffRole::Cashier, u"1111").error().code, ErrorCode::InvalidArgument);
    QCOMPARE(staff.create(*li, u"boss"_s, StaffRole::Manager, u"1111").error().code, ErrorCode::InvalidArgument);
    QCOMPARE(staff.disable(*li, u"mina"_s).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(staff.changePin(*li, u"mina"_s, u"1111").error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m_log->staffAccounts()->size(), 2);
    QVERIFY(staff.signIn(u"mina"_s, u"2468")); // untouched
    // A cashier may change their own PIN.
    QVERIFY(staff.changePin(*li, u"li"_s, u"8080"));
    QVERIFY(staff.signIn(u"li"_s, u"8080"));
    // A manager account that was disabled loses its rights at once.
    const auto boss = staff.create(mina, u"boss"_s, StaffRole::Manager, u"4444");
    QVERIFY(staff.disable(mina, u"boss"_s));
    QCOMPARE(staff.create(*boss, u"sam"_s, StaffRole::Cashier, u"1111").error().code, ErrorCode::InvalidArgument);
}

void TestStaffService::managerManagesStaff()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    const auto li = staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357");
    QVERIFY2(li, qPrintable(li ? QString() : describe(li.error())));
    QCOMPARE(li->role, StaffRole::Cashier);
    QVERIFY(li->pinVerifier.startsWith(u"pbkdf2-sha256$"_s));
    QCOMPARE(staff.create(mina, u"li"_s, StaffRole::Manager, u"2222").error().code, ErrorCode::Duplicate);
    QCOMPARE(staff.create(mina, u" sam"_s, StaffRole::Cashier, u"2222").error().code, ErrorCode::InvalidArgument);
    QCOMPARE(staff.create(mina, u"sam"_s, StaffRole::Cashier, u"12").error().code, ErrorCode::InvalidArgument);
    QCOMPARE(staff.create(mina, u"sam"_s, StaffRole::Invalid, u"1234").error().code, ErrorCode::InvalidArgument);
    QVERIFY(staff.changePin(mina, u"li"_s, u"7777"));
    QCOMPARE(staff.signIn(u"li"_s, u"1357").error().reason, SignInFailure::WrongPin);
    QVERIFY(staff.signIn(u"li"_s, u"7777"));
    QCOMPARE(staff.disable(mina, u"nobody"_s).error().code, ErrorCode::NotFound);
    const QStringList kinds = auditKinds();
    QVERIFY(kinds.contains(u"staff_created"_s));
    QVERIFY(kinds.contains(u"staff_pin_changed"_s));
}

void TestStaffService::lastManagerCannotBeDisabled()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    QCOMPARE(staff.disable(mina, u"mina"_s).error().code, ErrorCode::InvalidArgument);
    QVERIFY(staff.create(mina, u"jo"_s, StaffRole::Manager, u"5555"));
    QVERIFY(staff.disable(mina, u"jo"_s));
    QCOMPARE(staff.disable(mina, u"mina"_s).error().code, ErrorCode::InvalidArgument);
    QVERIFY(!m_log->staffAccountByName(u"mina"_s)->disabled);
}

void TestStaffService::changePinClearsTheLock()
{
    const StaffAccount mina = seedManager();
    auto staff = service();
    QVERIFY(staff.create(mina, u"li"_s, StaffRole::Cashier, u"1357"));
    for (int attempt = 0; attempt < 10; ++attempt)
        (void)staff.signIn(u"li"_s, u"0000");
    QCOMPARE(staff.signIn(u"li"_s, u"1357").error().reason, SignInFailure::Locked);
    QVERIFY(staff.changePin(mina, u"li"_s, u"2020"));
    QVERIFY(staff.signIn(u"li"_s, u"2020"));
}

void TestStaffService::migratesTheManagerPinOnce()
{
    const auto verifier = makePinVerifier(u"8642"_s, Iterations);
    auto staff = service();
    const auto first = staff.migrateManagerPin(*verifier, {}, u"T1"_s);
    QVERIFY(first);
    QVERIFY(*first);
    const auto again = staff.migrateManagerPin(*verifier, {}, u"T1"_s);
    QVERIFY(again);
    QVERIFY(!*again);
    QCOMPARE(m_log->staffAccounts()->size(), 1);
    QCOMPARE(auditKinds(), QStringList{u"staff_migrated"_s});
    // The old PIN now signs in as the manager account; nothing else does.
    const auto manager = staff.signIn(u"manager"_s, u"8642");
    QVERIFY(manager);
    QCOMPARE(manager->role, StaffRole::Manager);
    QVERIFY(!staff.signIn(u"manager"_s, u"8641"));
    // No PIN set before: nothing to migrate.
    QCOMPARE(*staff.migrateManagerPin(PinVerifier{}, {}, u"T1"_s), false);
}

void TestStaffService::migrationKeepsTheLockout()
{
    const auto verifier = makePinVerifier(u"8642"_s, Iterations);
    auto staff = service();
    const qint64 until = m_clock.nowUtcMs() + 10 * 60'000;
    QVERIFY(*staff.migrateManagerPin(*verifier, {10, until}, u"T1"_s));
    QCOMPARE(staff.signIn(u"manager"_s, u"8642").error().reason, SignInFailure::Locked);
}

void TestStaffService::migrationLeavesAStoreWithManagersAlone()
{
    seedManager();
    const auto verifier = makePinVerifier(u"8642"_s, Iterations);
    auto staff = service();
    QCOMPARE(*staff.migrateManagerPin(*verifier, {}, u"T2"_s), false);
    QCOMPARE(m_log->staffAccounts()->size(), 1);
    QCOMPARE(staff.signIn(u"manager"_s, u"8642").error().reason, SignInFailure::UnknownName);
}

void TestStaffService::firstManagerOnlyWithoutManagers()
{
    auto staff = service();
    QCOMPARE(*staff.hasManager(), false);
    const auto first = staff.createFirstManager(u"mina"_s, u"2468", u"T1"_s);
    QVERIFY(first);
    QCOMPARE(first->role, StaffRole::Manager);
    QCOMPARE(*staff.hasManager(), true);
    QCOMPARE(staff.createFirstManager(u"eve"_s, u"1111", u"T1"_s).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m_log->staffAccounts()->size(), 1);
    // Nor is the PIN of before migrated over it.
    QCOMPARE(*staff.migrateManagerPin(*makePinVerifier(u"8642"_s, Iterations), {}, u"T1"_s), false);
}

void TestStaffService::settingsPinGoesToTheSignedInManager()
{
    auto staff = service();
    // No manager yet: the PIN of the settings dialog makes the first one.
    QVERIFY(staff.adoptManagerPin({}, *makePinVerifier(u"1357"_s, Iterations), u"T1"_s));
    QVERIFY(staff.signIn(u"manager"_s, u"1357"));
    const auto li = staff.create(*m_log->staffAccountByName(u"manager"_s), u"li"_s, StaffRole::Cashier, u"2468");
    QVERIFY(li);
    // Then it is the PIN of the manager who signed in; a cashier's is not set this way.
    QVERIFY(staff.adoptManagerPin(u"manager"_s, *makePinVerifier(u"9753"_s, Iterations), u"manager"_s));
    QCOMPARE(staff.signIn(u"manager"_s, u"1357").error().reason, SignInFailure::WrongPin);
    QVERIFY(staff.signIn(u"manager"_s, u"9753"));
    QCOMPARE(staff.adoptManagerPin(u"li"_s, *makePinVerifier(u"1111"_s, Iterations), u"li"_s).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(m_log->staffAccounts()->size(), 2);
}

void TestStaffService::auditTrailHasNoPin()
{
    const StaffAccount mina = seedManager(u"mina"_s, u"246813"_s);
    auto staff = service();
    (void)staff.signIn(u"mina"_s, u"975319");
    (void)staff.signIn(u"mina"_s, u"246813");
    QVERIFY(staff.create(mina, u"li"_s, StaffRole::Cashier, u"135792"));
    QVERIFY(staff.changePin(mina, u"li"_s, u"864208"));
    for (const AuditEvent &event : audit()) {
        for (const QString &pin : {u"246813"_s, u"975319"_s, u"135792"_s, u"864208"_s}) {
            QVERIFY2(!event.detail.contains(pin) && !event.actor.contains(pin), qPrintable(event.kind));
        }
    }
    QVERIFY(audit().size() >= 4);
}

QTEST_GUILESS_MAIN(TestStaffService)
#include "test_staff_service.moc"

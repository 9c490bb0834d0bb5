#include "config/ManagerPin.h"

#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

class TestManagerPin : public QObject
{
    Q_OBJECT

private slots:
    void rightAndWrongPin();
    void defaultIterations();
    void knownAnswer();
    void pinFormat_data();
    void pinFormat();
    void saltIsRandom();
    void serializationRoundTrip();
    void badSerializations_data();
    void badSerializations();
    void tamperedVerifierFails();
    void locksAfterTenFailures();
    void unlocksAfterThirtyMinutes();
    void successResetsTheCount();
    void lockSurvivesRestartAndClockMovingBack();
};

namespace {

constexpr int FastIterations = MinPinIterations; // keeps the suite fast; production uses 200k

PinVerifier verifierFor(const QString &pin)
{
    Result<PinVerifier> verifier = makePinVerifier(pin, FastIterations);
    return verifier ? *verifier : PinVerifier{};
}

} // namespace

void TestManagerPin::rightAndWrongPin()
{
    const PinVerifier verifier = verifierFor(u"4821"_s);
    QVERIFY(!verifier.isNull());
    QCOMPARE(verifier.iterations, FastIterations);
    QCOMPARE(verifier.salt.size(), 16);
    QCOMPARE(verifier.hash.size(), 32);
    QVERIFY(verifyPin(verifier, u"4821"));
    QVERIFY(!verifyPin(verifier, u"4822"));
    QVERIFY(!verifyPin(verifier, u"48210"));
    QVERIFY(!verifyPin(verifier, u"1284"));
    QVERIFY(!verifyPin(verifier, u""));
    QVERIFY(!verifyPin(PinVerifier{}, u"4821"));
}

void TestManagerPin::defaultIterations()
{
    const Result<PinVerifier> verifier = makePinVerifier(u"123456");
    QVERIFY(verifier.has_value());
    QCOMPARE(verifier->iterations, 200'000);
    QVERIFY(verifyPin(*verifier, u"123456"));
    QVERIFY(!verifyPin(*verifier, u"123457"));
}

// PBKDF2-HMAC-SHA256("2468", salt 00..0f, 1000 iterations), computed with `openssl kdf` and
// Python's hashlib: the verifier is the standard construction, readable by other tools.
void TestManagerPin::knownAnswer()
{
    QByteArray salt;
    for (char i = 0; i < 16; ++i)
        salt.append(i);
    const PinVerifier verifier{salt, 1000,
                               QByteArray::fromHex("da0af9c4241f45ec5701b0f2e490f9c794db8f2aacca766c6081a721d04be295")};
    QVERIFY(verifyPin(verifier, u"2468"));
    QVERIFY(!verifyPin(verifier, u"2469"));
    QCOMPARE(verifier.toString(),
             u"pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$2gr5xCQfRexXAbDy5JD5x5TbjyqsynZsYIGnIdBL4pU="_s);
}

void TestManagerPin::pinFormat_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("valid");
    QTest::newRow("4 digits") << u"0000"_s << true;
    QTest::newRow("12 digits") << u"123456789012"_s << true;
    QTest::newRow("3 digits") << u"123"_s << false;
    QTest::newRow("13 digits") << u"1234567890123"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("letter") << u"12a4"_s << false;
    QTest::newRow("space") << u" 1234"_s << false;
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662\u0663\u0664"_s << false;
    QTest::newRow("full-width digits") << u"\uFF11\uFF12\uFF13\uFF14"_s << false;
}

void TestManagerPin::pinFormat()
{
    QFETCH(QString, pin);
    QFETCH(bool, valid);
    QCOMPARE(validatePinFormat(pin).has_value(), valid);
    const Result<PinVerifier> verifier = makePinVerifier(pin, FastIterations);
    QCOMPARE(verifier.has_value(), valid);
    if (!valid) {
        QCOMPARE(verifier.error().code, ErrorCode::InvalidArgument);
        QVERIFY(verifier.error().detail.startsWith(u"the PIN must"));
    }
}

void TestManagerPin::saltIsRandom()
{
    const PinVerifier a = verifierFor(u"1234"_s);
    const PinVerifier b = verifierFor(u"1234"_s);
    QVERIFY(a.salt != b.salt);
    QVERIFY(a.hash != b.hash);
    QVERIFY(verifyPin(a, u"1234") && verifyPin(b, u"1234"));
    QCOMPARE(makePinVerifier(u"1234", 999).error().code, ErrorCode::InvalidArgument);
}

void TestManagerPin::serializationRoundTrip()
{
    const PinVerifier verifier = verifierFor(u"97531"_s);
    const QString text = verifier.toString();
    QVERIFY(text.startsWith(u"pbkdf2-sha256$1000$"));
    QVERIFY(!text.contains(u"97531"));
    const Result<PinVerifier> parsed = PinVerifier::fromString(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, verifier);
    QVERIFY(verifyPin(*parsed, u"97531"));
    QVERIFY(PinVerifier{}.toString().isEmpty());
}

void TestManagerPin::badSerializations_data()
{
    QTest::addColumn<QString>("text");
    const QString salt = u"AAECAwQFBgcICQoLDA0ODw=="_s;
    const QString hash = u"2gr5xCQfRexXAbDy5JD5x5TbjyqsynZsYIGnIdBL4pU="_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("other scheme") << QString(u"pbkdf2-sha1$1000$" + salt + u'$' + hash);
    QTest::newRow("three parts") << QString(u"pbkdf2-sha256$1000$" + salt);
    QTest::newRow("five parts") << QString(u"pbkdf2-sha256$1000$" + salt + u'$' + hash + u"$x");
    QTest::newRow("iterations not a number") << QString(u"pbkdf2-sha256$many$" + salt + u'$' + hash);
    QTest::newRow("too few iterations") << QString(u"pbkdf2-sha256$10$" + salt + u'$' + hash);
    QTest::newRow("absurd iterations") << QString(u"pbkdf2-sha256$99999999999$" + salt + u'$' + hash);
    QTest::newRow("bad base64") << QString(u"pbkdf2-sha256$1000$!!!!$" + hash);
    QTest::newRow("short salt") << QString(u"pbkdf2-sha256$1000$AAEC$" + hash);
    QTest::newRow("short hash") << QString(u"pbkdf2-sha256$1000$" + salt + u"$AAECAwQF");
}

void TestManagerPin::badSerializations()
{
    QFETCH(QString, text);
    const Result<PinVerifier> parsed = PinVerifier::fromString(text);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!parsed.error().detail.isEmpty());
}

void TestManagerPin::tamperedVerifierFails()
{
    PinVerifier verifier = verifierFor(u"2580"_s);
    verifier.hash[0] = char(verifier.hash[0] ^ 1);
    QVERIFY(!verifyPin(verifier, u"2580"));
    PinVerifier otherSalt = verifierFor(u"2580"_s);
    otherSalt.salt[15] = char(otherSalt.salt[15] ^ 0x40);
    QVERIFY(!verifyPin(otherSalt, u"2580"));
    PinVerifier fewer = verifierFor(u"2580"_s);
    fewer.iterations = 10; // below the floor: never computed, never matches
    QVERIFY(!verifyPin(fewer, u"2580"));
}

void TestManagerPin::locksAfterTenFailures()
{
    ManualClock clock;
    const PinVerifier verifier = verifierFor(u"1357"_s);
    PinLockout lockout(clock);
    QCOMPARE(lockout.attemptsLeft(), 10);
    for (int i = 1; i <= 9; ++i) {
        QCOMPARE(lockout.check(verifier, u"0000"), PinCheck::Rejected);
        QVERIFY(!lockout.isLocked());
        QCOMPARE(lockout.attemptsLeft(), 10 - i);
    }
    QCOMPARE(lockout.check(verifier, u"0000"), PinCheck::Rejected);
    QVERIFY(lockout.isLocked());
    QCOMPARE(lockout.attemptsLeft(), 0);
    QCOMPARE(lockout.remainingLockMs(), 30 * 60 * 1000);
    QCOMPARE(lockout.state().failedAttempts, 10);
    QCOMPARE(lockout.state().lockedUntilUtcMs, clock.nowUtcMs() + 30 * 60 * 1000);
    // While locked the right PIN is not even looked at, and wrong ones do not extend the lock.
    QCOMPARE(lockout.check(verifier, u"1357"), PinCheck::LockedOut);
    clock.advanceMs(60'000);
    QCOMPARE(lockout.check(verifier, u"0000"), PinCheck::LockedOut);
    QCOMPARE(lockout.remainingLockMs(), 29 * 60 * 1000);
}

void TestManagerPin::unlocksAfterThirtyMinutes()
{
    ManualClock clock;
    const PinVerifier verifier = verifierFor(u"1357"_s);
    PinLockout lockout(clock);
    for (int i = 0; i < 10; ++i)
        lockout.recordFailure();
    QVERIFY(lockout.isLocked());
    clock.advanceMs(30 * 60 * 1000 - 1);
    QVERIFY(lockout.isLocked());
    QCOMPARE(lockout.remainingLockMs(), 1);
    QCOMPARE(lockout.check(verifier, u"1357"), PinCheck::LockedOut);
    clock.advanceMs(1);
    QVERIFY(!lockout.isLocked());
    QCOMPARE(lockout.state(), PinLockoutState{}); // a clean slate after the lock
    QCOMPARE(lockout.attemptsLeft(), 10);
    QCOMPARE(lockout.check(verifier, u"1357"), PinCheck::Accepted);
}

void TestManagerPin::successResetsTheCount()
{
    ManualClock clock;
    const PinVerifier verifier = verifierFor(u"1357"_s);
    PinLockout lockout(clock);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(lockout.check(verifier, u"9999"), PinCheck::Rejected);
    QCOMPARE(lockout.check(verifier, u"1357"), PinCheck::Accepted);
    QCOMPARE(lockout.state().failedAttempts, 0);
    for (int i = 0; i < 9; ++i)
        lockout.check(verifier, u"9999");
    QVERIFY(!lockout.isLocked());
    QCOMPARE(lockout.check(verifier, u"123"), PinCheck::Rejected); // a malformed PIN counts too
    QVERIFY(lockout.isLocked());
}

void TestManagerPin::lockSurvivesRestartAndClockMovingBack()
{
    ManualClock clock;
    PinLockoutState persisted;
    {
        PinLockout lockout(clock);
        for (int i = 0; i < 10; ++i)
            lockout.recordFailure();
        persisted = lockout.state();
    }
    clock.advanceMs(10 * 60 * 1000);
    PinLockout restarted(clock, persisted);
    QVERIFY(restarted.isLocked());
    QCOMPARE(restarted.remainingLockMs(), 20 * 60 * 1000);
    clock.setWallMs(clock.nowUtcMs() - 24 * 3600 * 1000); // someone sets the clock back a day
    QVERIFY(restarted.isLocked());
    QVERIFY(restarted.remainingLockMs() > 20 * 60 * 1000);
}

QTEST_GUILESS_MAIN(TestManagerPin)
#include "test_manager_pin.moc"

#pragma once

#include "common/Clock.h"
#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace paydesk {

inline constexpr int DefaultPinIterations = 200'000;
// Bounds accepted from a stored verifier: low enough to keep tests fast, high enough that a
// tampered settings file cannot make verification hang.
inline constexpr int MinPinIterations = 1'000;
inline constexpr int MaxPinIterations = 10'000'000;

// What is stored for the manager PIN: a salted PBKDF2-HMAC-SHA256 verifier, never the PIN.
// Not a secret in itself (it lives in the settings file), but only as strong as the PIN.
struct PinVerifier
{
    QByteArray salt; // 16 random bytes
    int iterations = 0;
    QByteArray hash; // 32 bytes

    bool isNull() const { return hash.isEmpty(); }

    // "pbkdf2-sha256$200000$<salt base64>$<hash base64>"
    QString toString() const;
    static Result<PinVerifier> fromString(QStringView text);

    friend bool operator==(const PinVerifier &, const PinVerifier &) = default;
};

// A PIN is 4 to 12 ASCII digits; InvalidArgument otherwise, with the reason.
Result<void> validatePinFormat(QStringView pin);

// A fresh verifier with a random salt. Fails on a badly formed PIN, on an iteration count out of
// [MinPinIterations, MaxPinIterations] (InvalidArgument), or if OpenSSL has no randomness.
Result<PinVerifier> makePinVerifier(QStringView pin, int iterations = DefaultPinIterations);

// Recomputes and compares in constant time. A badly formed PIN or a null verifier never matches.
bool verifyPin(const PinVerifier &verifier, QStringView pin);

// Failed-attempt counter and lock time, persisted in Settings so a restart does not reset them.
struct PinLockoutState
{
    int failedAttempts = 0;
    qint64 lockedUntilUtcMs = 0; // 0: not locked

    friend bool operator==(const PinLockoutState &, const PinLockoutState &) = default;
};

enum class PinCheck {
    Invalid = 0,
    Accepted,
    Rejected, // wrong PIN; counts towards the lock-out
    LockedOut, // not even compared while locked
};

// PCI DSS 8.3.4: lock after at most 10 failed attempts, for at least 30 minutes.
// Uses wall time because the lock must survive a restart; moving the clock back only extends it.
class PinLockout
{
public:
    static constexpr int DefaultMaxFailures = 10;
    static constexpr qint64 DefaultLockoutMs = 30 * 60 * 1000;

    explicit PinLockout(const Clock &clock, PinLockoutState state = {}, int maxFailures = DefaultMaxFailures,
                        qint64 lockoutMs = DefaultLockoutMs);

    bool isLocked() const;
    qint64 remainingLockMs() const; // 0 when not locked
    int attemptsLeft() const; // before the next lock
    PinLockoutState state() const; // to persist after every check

    // Verifies the PIN unless locked, and updates the counters.
    PinCheck check(const PinVerifier &verifier, QStringView pin);

    void recordFailure();
    void recordSuccess();

private:
    void expireLock();

    const Clock &m_clock;
    PinLockoutState m_state;
    int m_maxFailures;
    qint64 m_lockoutMs;
};

} // namespace paydesk

#include "ManagerPin.h"

#include <QList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace paydesk {
namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;
constexpr QStringView Scheme = u"pbkdf2-sha256";

QByteArray derive(QStringView pin, const QByteArray &salt, int iterations)
{
    const QByteArray pinUtf8 = pin.toUtf8();
    QByteArray out(HashBytes, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(
        pinUtf8.constData(), int(pinUtf8.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
        int(salt.size()), iterations, EVP_sha256(), HashBytes, reinterpret_cast<unsigned char *>(out.data()));
    return ok == 1 ? out : QByteArray();
}

Result<void> validateIterations(qint64 iterations)
{
    if (iterations < MinPinIterations || iterations > MaxPinIterations) {
        return fail(ErrorCode::InvalidArgument,
                    u"PBKDF2 iterations must be between " + QString::number(MinPinIterations) + u" and "
                        + QString::number(MaxPinIterations) + u", got " + QString::number(iterations));
    }
    return {};
}

} // namespace

QString PinVerifier::toString() const
{
    if (isNull())
        return {};
    return Scheme + u'$' + QString::number(iterations) + u'$' + QString::fromLatin1(salt.toBase64()) + u'$'
        + QString::fromLatin1(hash.toBase64());
}

Result<PinVerifier> PinVerifier::fromString(QStringView text)
{
    const QList<QStringView> parts = text.split(u'$');
    if (parts.size() != 4 || parts[0] != Scheme)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("not a pbkdf2-sha256 PIN verifier"));
    bool numeric = false;
    const qint64 iterations = parts[1].toLongLong(&numeric);
    if (!numeric)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("PIN verifier: iteration count is not a number"));
    if (Result<void> ok = validateIterations(iterations); !ok)
        return std::unexpected(ok.error());
    const auto options = QByteArray::AbortOnBase64DecodingErrors;
    const auto salt = QByteArray::fromBase64Encoding(parts[2].toLatin1(), options);
    const auto hash = QByteArray::fromBase64Encoding(parts[3].toLatin1(), options);
    if (!salt || !hash || salt.decoded.size() < SaltBytes || hash.decoded.size() != HashBytes)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("PIN verifier: bad salt or hash"));
    return PinVerifier{salt.decoded, int(iterations), hash.decoded};
}

Result<void> validatePinFormat(QStringView pin)
{
    if (pin.size() < 4 || pin.size() > 12)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the PIN must have 4 to 12 digits"));
    const bool digitsOnly = std::all_of(pin.begin(), pin.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digitsOnly)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the PIN must contain digits only"));
    return {};
}

Result<PinVerifier> makePinVerifier(QStringView pin, int iterations)
{
    if (Result<void> ok = validatePinFormat(pin); !ok)
        return std::unexpected(ok.error());
    if (Result<void> ok = validateIterations(iterations); !ok)
        return std::unexpected(ok.error());
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), SaltBytes) != 1)
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("OpenSSL could not produce random bytes"));
    QByteArray hash = derive(pin, salt, iterations);
    if (hash.isEmpty())
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("PBKDF2 failed in OpenSSL"));
    return PinVerifier{salt, iterations, hash};
}

bool verifyPin(const PinVerifier &verifier, QStringView pin)
{
    if (verifier.isNull() || verifier.hash.size() != HashBytes || !validatePinFormat(pin)
        || !validateIterations(verifier.iterations)) {
        return false;
    }
    const QByteArray candidate = derive(pin, verifier.salt, verifier.iterations);
    return candidate.size() == HashBytes
        && CRYPTO_memcmp(candidate.constData(), verifier.hash.constData(), HashBytes) == 0;
}

PinLockout::PinLockout(const Clock &clock, PinLockoutState state, int maxFailures, qint64 lockoutMs)
    : m_clock(clock), m_state(state), m_maxFailures(std::max(maxFailures, 1)),
      m_lockoutMs(std::max<qint64>(lockoutMs, 0))
{}

bool PinLockout::isLocked() const
{
    return m_state.lockedUntilUtcMs != 0 && m_clock.nowUtcMs() < m_state.lockedUntilUtcMs;
}

qint64 PinLockout::remainingLockMs() const
{
    return isLocked() ? m_state.lockedUntilUtcMs - m_clock.nowUtcMs() : 0;
}

int PinLockout::attemptsLeft() const
{
    if (isLocked())
        return 0;
    return m_maxFailures - state().failedAttempts;
}

PinLockoutState PinLockout::state() const
{
    // A lock that has run out leaves a clean slate.
    if (m_state.lockedUntilUtcMs != 0 && !isLocked())
        return {};
    return m_state;
}

void PinLockout::expireLock()
{
    m_state = state();
}

PinCheck PinLockout::check(const PinVerifier &verifier, QStringView pin)
{
    expireLock();
    if (isLocked())
        return PinCheck::LockedOut;
    if (verifyPin(verifier, pin)) {
        recordSuccess();
        return PinCheck::Accepted;
    }
    recordFailure();
    return PinCheck::Rejected;
}

void PinLockout::recordFailure()
{
    expireLock();
    if (isLocked())
        return;
    m_state.failedAttempts = std::max(m_state.failedAttempts, 0) + 1;
    if (m_state.failedAttempts >= m_maxFailures)
        m_state.lockedUntilUtcMs = m_clock.nowUtcMs() + m_lockoutMs;
}

void PinLockout::recordSuccess()
{
    if (!isLocked())
        m_state = {};
}

} // namespace paydesk

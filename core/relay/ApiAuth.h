#pragma once

#include "common/Error.h"
#include "http/HttpServer.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

namespace paydesk {

// Authentication of the merchant back-end API (README "Online orders"): the caller signs
//   METHOD "\n" PATH "\n" TIMESTAMP "\n" BODY
// (PATH as sent, without query; TIMESTAMP = the X-PayDesk-Timestamp header, Unix seconds in
// decimal; BODY the exact bytes) with HMAC-SHA256 and the shared secret, and sends the 64 hex
// characters in X-PayDesk-Signature. A timestamp more than maxSkewMs away from our clock, in
// either direction, is refused; the signature is compared in constant time.
namespace ApiAuth {

inline constexpr char TimestampHeader[] = "X-PayDesk-Timestamp";
inline constexpr char SignatureHeader[] = "X-PayDesk-Signature";
inline constexpr qsizetype MinSecretBytes = 16;

QByteArray canonical(QByteArrayView method, QByteArrayView path, QByteArrayView timestamp, QByteArrayView body);

// Lower-case hex HMAC-SHA256 of `message` under `secret`.
QByteArray hmacHex(const QByteArray &secret, QByteArrayView message);

// InvalidArgument with the reason ("signature missing", "timestamp expired", ...) — the
// caller answers 401 whatever the reason, and records it.
Result<void> verify(const HttpRequest &request, const QByteArray &secret, qint64 nowUtcMs, qint64 maxSkewMs);

} // namespace ApiAuth

// Signatures already accepted within the validity window: a captured request replayed while
// its timestamp is still fresh is refused too. Bounded: when full, new requests are refused
// until old entries expire (fails closed).
class ReplayGuard
{
public:
    explicit ReplayGuard(qsizetype capacity = 100'000) : m_capacity(capacity) {}

    // False when `signature` was seen before and has not expired, or the guard is full.
    bool admit(const QByteArray &signature, qint64 nowMs, qint64 expiresAtMs);

private:
    QMutex m_mutex;
    QHash<QByteArray, qint64> m_seen; // signature -> expiry (monotonic ms)
    qsizetype m_capacity;
};

} // namespace paydesk

#include "ApiAuth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype SignatureHexLength = 64;
constexpr qsizetype MaxTimestampDigits = 12;

std::unexpected<Error> refused(const QString &why)
{
    return fail(ErrorCode::InvalidArgument, why);
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isHex(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

QByteArray hmacRaw(const QByteArray &secret, QByteArrayView message)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
              reinterpret_cast<const unsigned char *>(message.data()), size_t(message.size()), digest, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length));
}

} // namespace

QByteArray ApiAuth::canonical(QByteArrayView method, QByteArrayView path, QByteArrayView timestamp, QByteArrayView body)
{
    QByteArray text;
    text.reserve(method.size() + path.size() + timestamp.size() + body.size() + 3);
    text.append(method).append('\n').append(path).append('\n').append(timestamp).append('\n').append(body);
    return text;
}

QByteArray ApiAuth::hmacHex(const QByteArray &secret, QByteArrayView message)
{
    return hmacRaw(secret, message).toHex();
}

Result<void> ApiAuth::verify(const HttpRequest &request, const QByteArray &secret, qint64 nowUtcMs, qint64 maxSkewMs)
{
    if (secret.size() < MinSecretBytes)
        return refused(u"no API secret configured"_s);
    if (request.headerCount(TimestampHeader) != 1 || request.headerCount(SignatureHeader) != 1)
        return refused(u"signature or timestamp header missing or repeated"_s);
    const QByteArray timestamp = request.header(TimestampHeader);
    const QByteArray claimed = request.header(SignatureHeader);
    if (!isDigits(timestamp) || timestamp.size() > MaxTimestampDigits)
        return refused(u"timestamp is not Unix seconds"_s);
    const qint64 skewMs = timestamp.toLongLong() * 1000 - nowUtcMs;
    if (skewMs < -maxSkewMs)
        return refused(u"timestamp expired"_s);
    if (skewMs > maxSkewMs)
        return refused(u"timestamp in the future"_s);
    if (claimed.size() != SignatureHexLength || !isHex(claimed))
        return refused(u"signature is not 64 hex characters"_s);
    const QByteArray expected = hmacRaw(secret, canonical(request.method, request.rawPath, timestamp, request.body));
    const QByteArray given = QByteArray::fromHex(claimed);
    if (expected.size() != given.size()
        || CRYPTO_memcmp(expected.constData(), given.constData(), size_t(expected.size())) != 0)
        return refused(u"signature mismatch"_s);
    return {};
}

bool ReplayGuard::admit(const QByteArray &signature, qint64 nowMs, qint64 expiresAtMs)
{
    QMutexLocker lock(&m_mutex);
    const QByteArray key = signature.toLower();
    if (auto it = m_seen.constFind(key); it != m_seen.constEnd() && *it > nowMs)
        return false;
    if (m_seen.size() >= m_capacity)
        m_seen.removeIf([nowMs](const QHash<QByteArray, qint64>::iterator &entry) { return entry.value() <= nowMs; });
    if (m_seen.size() >= m_capacity)
        return false;
    m_seen.insert(key, expiresAtMs);
    return true;
}

} // namespace paydesk

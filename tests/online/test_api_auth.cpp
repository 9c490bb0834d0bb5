// The back-end endpoint's guards as units: the HMAC rule, its time window and constant-time
// comparison, the replay guard and the per-address token bucket.

#include "common/Clock.h"
#include "relay/ApiAuth.h"
#include "relay/RateLimiter.h"

#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Secret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
constexpr qint64 NowUtcMs = 1'781'094'600'000;
constexpr qint64 FiveMinutesMs = 5 * 60 * 1000;

HttpRequest signedRequest(const QByteArray &body, qint64 timestampSeconds, const QByteArray &secret = Secret)
{
    HttpRequest request;
    request.method = "POST";
    request.rawPath = "/api/v1/payments";
    request.rawTarget = request.rawPath;
    request.body = body;
    const QByteArray timestamp = QByteArray::number(timestampSeconds);
    request.headers.append({"X-PayDesk-Timestamp", timestamp});
    request.headers.append({"X-PayDesk-Signature",
                            ApiAuth::hmacHex(secret, ApiAuth::canonical("POST", request.rawPath, timestamp, body))});
    return request;
}

QByteArray header(const HttpRequest &request, const QByteArray &name)
{
    return request.header(name);
}

void setHeader(HttpRequest &request, const QByteArray &name, const QByteArray &value)
{
    for (auto &h : request.headers) {
        if (h.first == name)
            h.second = value;
    }
}

} // namespace

class TestApiAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hmacMatchesRfc4231();
    void canonicalLayout();
    void acceptsFreshSignature();
    void refuses_data();
    void refuses();
    void replayGuard();
    void rateLimiterBucket();
    void rateLimiterBoundedKeys();
};

void TestApiAuth::hmacMatchesRfc4231()
{
    // RFC 4231 test case 2.
    QCOMPARE(ApiAuth::hmacHex("Jefe", "what do ya want for nothing?"),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

void TestApiAuth::canonicalLayout()
{
    QCOMPARE(ApiAuth::canonical("POST", "/api/v1/payments", "1781094600", "{}"),
             QByteArray("POST\n/api/v1/payments\n1781094600\n{}"));
}

void TestApiAuth::acceptsFreshSignature()
{
    const HttpRequest request = signedRequest("{\"amount\":1}", NowUtcMs / 1000);
    QVERIFY(ApiAuth::verify(request, Secret, NowUtcMs, FiveMinutesMs));
    HttpRequest upper = request;
    setHeader(upper, "X-PayDesk-Signature", header(request, "X-PayDesk-Signature").toUpper());
    QVERIFY(ApiAuth::verify(upper, Secret, NowUtcMs, FiveMinutesMs));
    // Four minutes old, and a clock two minutes behind ours: both inside the window.
    QVERIFY(ApiAuth::verify(signedRequest("x", NowUtcMs / 1000 - 240), Secret, NowUtcMs, FiveMinutesMs));
    QVERIFY(ApiAuth::verify(signedRequest("x", NowUtcMs / 1000 + 120), Secret, NowUtcMs, FiveMinutesMs));
}

void TestApiAuth::refuses_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no signature") << u"noSignature"_s << u"missing"_s;
    QTest::newRow("no timestamp") << u"noTimestamp"_s << u"missing"_s;
    QTest::newRow("two signatures") << u"twoSignatures"_s << u"repeated"_s;
    QTest::newRow("expired") << u"expired"_s << u"expired"_s;
    QTest::newRow("future") << u"future"_s << u"future"_s;
    QTest::newRow("timestamp in ms") << u"millis"_s << u"Unix seconds"_s;
    QTest::newRow("timestamp not digits") << u"letters"_s << u"Unix seconds"_s;
    QTest::newRow("body changed") << u"body"_s << u"mismatch"_s;
    QTest::newRow("path changed") << u"path"_s << u"mismatch"_s;
    QTest::newRow("method changed") << u"method"_s << u"mismatch"_s;
    QTest::newRow("timestamp changed") << u"timestamp"_s << u"mismatch"_s;
    QTest::newRow("other secret") << u"secret"_s << u"mismatch"_s;
    QTest::newRow("short signature") << u"short"_s << u"64 hex"_s;
    QTest::newRow("non-hex signature") << u"nonhex"_s << u"64 hex"_s;
    QTest::newRow("no secret configured") << u"noSecret"_s << u"secret"_s;
}

void TestApiAuth::refuses()
{
    QFETCH(QString, what);
    QFETCH(QString, mentions);
    HttpRequest request = signedRequest("{\"amount\":1}", NowUtcMs / 1000);
    QByteArray secret = Secret;
    if (what == u"noSignature")
        request.headers.removeIf([](const auto &h) { return h.first == "X-PayDesk-Signature"; });
    else if (what == u"noTimestamp")
        request.headers.removeIf([](const auto &h) { return h.first == "X-PayDesk-Timestamp"; });
    else if (what == u"twoSignatures")
        request.headers.append({"x-paydesk-signature", header(request, "X-PayDesk-Signature")});
    else if (what == u"expired")
        request = signedRequest("{\"amount\":1}", NowUtcMs / 1000 - 301);
    else if (what == u"future")
        request = signedRequest("{\"amount\":1}", NowUtcMs / 1000 + 301);
    else if (what == u"millis")
        request = signedRequest("{\"amount\":1}", NowUtcMs);
    else if (what == u"letters")
        setHeader(request, "X-PayDesk-Timestamp", "17810946OO");
    else if (what == u"body")
        request.body = "{\"amount\":100}";
    else if (what == u"path")
        request.rawPath = "/api/v1/payments/";
    else if (what == u"method")
        request.method = "PUT";
    else if (what == u"timestamp")
        setHeader(request, "X-PayDesk-Timestamp", QByteArray::number(NowUtcMs / 1000 - 1));
    else if (what == u"secret")
        request = signedRequest("{\"amount\":1}", NowUtcMs / 1000, "another secret of 32 bytes......");
    else if (what == u"short")
        setHeader(request, "X-PayDesk-Signature", header(request, "X-PayDesk-Signature").left(63));
    else if (what == u"nonhex")
        setHeader(request, "X-PayDesk-Signature", QByteArray(64, 'g'));
    else if (what == u"noSecret")
        secret = "short";
    const auto verdict = ApiAuth::verify(request, secret, NowUtcMs, FiveMinutesMs);
    QVERIFY(!verdict);
    QVERIFY2(verdict.error().detail.contains(mentions), qPrintable(verdict.error().detail));
}

void TestApiAuth::replayGuard()
{
    ReplayGuard guard(2);
    QVERIFY(guard.admit("aa", 0, 1000));
    QVERIFY(!guard.admit("AA", 10, 1010)); // same signature, hex case aside
    QVERIFY(guard.admit("bb", 10, 1010));
    QVERIFY(!guard.admit("cc", 20, 1020)); // full: refused, not evicted
    QVERIFY(guard.admit("cc", 1005, 2005)); // "aa" expired and made room
    QVERIFY(guard.admit("aa", 1011, 2011)); // after its window a signature is no longer tracked
}

void TestApiAuth::rateLimiterBucket()
{
    ManualClock clock;
    RateLimiter limiter({2.0, 3.0, 100}, clock);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire(u"203.0.113.9"_s));
    qint64 retryAfterMs = 0;
    QVERIFY(!limiter.tryAcquire(u"203.0.113.9"_s, &retryAfterMs));
    QCOMPARE(retryAfterMs, 500);
    QVERIFY(limiter.tryAcquire(u"203.0.113.10"_s)); // per address
    clock.advanceMs(499);
    QVERIFY(!limiter.tryAcquire(u"203.0.113.9"_s));
    clock.advanceMs(1);
    QVERIFY(limiter.tryAcquire(u"203.0.113.9"_s));
    clock.advanceMs(60'000); // refills up to the burst only
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire(u"203.0.113.9"_s));
    QVERIFY(!limiter.tryAcquire(u"203.0.113.9"_s));
}

void TestApiAuth::rateLimiterBoundedKeys()
{
    ManualClock clock;
    RateLimiter limiter({1.0, 2.0, 2}, clock);
    QVERIFY(limiter.tryAcquire(u"a"_s));
    QVERIFY(limiter.tryAcquire(u"b"_s));
    QVERIFY(!limiter.tryAcquire(u"c"_s)); // table full of busy buckets: a new address waits
    clock.advanceMs(2000); // both refilled: idle entries are dropped for it
    QVERIFY(limiter.tryAcquire(u"c"_s));
}

QTEST_GUILESS_MAIN(TestApiAuth)
#include "test_api_auth.moc"

#include "gateway/iotpay/IotPayNotifyDecoder.h"

#include <QTest>

using namespace paydesk;

class TestNotifyDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergesQueryAndBody();
    void decodesPercentAndPlus();
    void encodedDelimitersStayInsideValues();
    void rejects_data();
    void rejects();
};

static HttpRequest request(QByteArray query, QByteArray body = {},
                           QByteArray contentType = "application/x-www-form-urlencoded")
{
    HttpRequest r;
    r.method = "POST";
    r.rawQuery = std::move(query);
    r.body = std::move(body);
    if (!contentType.isEmpty())
        r.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return r;
}

void TestNotifyDecoder::mergesQueryAndBody()
{
    auto params = decodeNotifyParams(request("a=1&b=2", "c=3"));
    QVERIFY(params);
    QCOMPARE(params->size(), 3);
    QCOMPARE(params->at(2).first, QStringLiteral("c"));
    QCOMPARE(params->at(2).second, QStringLiteral("3"));
}

void TestNotifyDecoder::decodesPercentAndPlus()
{
    auto params = decodeNotifyParams(request("subject=Order+1001&body=%E6%B5%8B%E8%AF%95"));
    QVERIFY(params);
    QCOMPARE(params->at(0).second, QStringLiteral("Order 1001"));
    QCOMPARE(params->at(1).second, QString::fromUtf8("测试"));
}

void TestNotifyDecoder::encodedDelimitersStayInsideValues()
{
    auto params = decodeNotifyParams(request("subject=a%26b%3Dc&x=1"));
    QVERIFY(params);
    QCOMPARE(params->size(), 2);
    QCOMPARE(params->at(0).second, QStringLiteral("a&b=c"));
}

void TestNotifyDecoder::rejects_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("nothing") << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("duplicate in query") << QByteArray("a=1&a=2") << QByteArray() << QByteArray();
    QTest::newRow("duplicate across query and body")
        << QByteArray("a=1") << QByteArray("a=1") << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("broken percent") << QByteArray("a=%zz") << QByteArray() << QByteArray();
    QTest::newRow("percent at end") << QByteArray("a=1%") << QByteArray() << QByteArray();
    QTest::newRow("invalid utf-8") << QByteArray("a=%FF%FE") << QByteArray() << QByteArray();
    QTest::newRow("overlong utf-8") << QByteArray("a=%C0%AF") << QByteArray() << QByteArray();
    QTest::newRow("NUL") << QByteArray("a=%00") << QByteArray() << QByteArray();
    QTest::newRow("empty name") << QByteArray("=1") << QByteArray() << QByteArray();
    QTest::newRow("json body") << QByteArray() << QByteArray("{\"a\":1}") << QByteArray("application/json");
    QTest::newRow("body without content type") << QByteArray() << QByteArray("a=1") << QByteArray();
    QTest::newRow("utf-16 charset") << QByteArray() << QByteArray("a=1")
                                    << QByteArray("application/x-www-form-urlencoded; charset=utf-16");
    QByteArray many;
    for (int i = 0; i < 70; ++i)
        many += "p" + QByteArray::number(i) + "=1&";
    QTest::newRow("too many parameters") << many << QByteArray() << QByteArray();
}

void TestNotifyDecoder::rejects()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    auto params = decodeNotifyParams(request(query, body, contentType));
    QVERIFY(!params);
    QCOMPARE(params.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!params.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestNotifyDecoder)
#include "test_notify_decoder.moc"

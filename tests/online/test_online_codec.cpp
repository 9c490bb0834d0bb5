// IOTPay's online channels in the codec and client checks: WX_JSAPI (mini program) and WX_APP
// `extra` validation (payment-api.md §4.2) and the payParams they return.

#include "gateway/iotpay/IotPayCodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const MerchantKey Key(QByteArrayLiteral("TESTKEY0123456789"));
const MerchantIdentity Merchant{u"10000701"_s, u"cashier01"_s};

OrderRequest onlineOrder(Channel channel)
{
    OrderRequest request;
    request.mchOrderNo = u"WEB260610123000000001"_s;
    request.channel = channel;
    request.amount = Money{2865, Currency::CAD};
    request.subject = u"Order 1001"_s;
    request.body = u"2 items"_s;
    request.notifyUrl = u"https://example.com/notify/iotpay"_s;
    request.clientIp = u"203.0.113.9"_s;
    if (channel == Channel::WxJsapi)
        request.extra = {{u"openId"_s, u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s},
                         {u"type"_s, u"minipay"_s},
                         {u"appId"_s, u"wx1234567890abcdef"_s}};
    else
        request.extra = {{u"type"_s, u"apppay"_s}, {u"appId"_s, u"wx1234567890abcdef"_s}};
    return request;
}

QString field(const ParamList &params, QStringView name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

QJsonObject jsapiParams()
{
    return {{u"appId"_s, u"wx1234567890abcdef"_s},
            {u"timeStamp"_s, u"1781094600"_s},
            {u"nonceStr"_s, u"abc"_s},
            {u"package"_s, u"prepay_id=wx201410272009395522657a690389285100"_s},
            {u"signType"_s, u"MD5"_s},
            {u"paySign"_s, u"C380BEC2BFD727A4B6845133519F3AD6"_s}};
}

QJsonObject appParams()
{
    return {{u"appid"_s, u"wx1234567890abcdef"_s},
            {u"partnerid"_s, u"1900000109"_s},
            {u"prepayid"_s, u"WX1217752501201407033233368018"_s},
            {u"package"_s, u"Sign=WXPay"_s},
            {u"noncestr"_s, u"5K8264ILTKCH16CQ2502SI8ZNMTM67VS"_s},
            {u"timestamp"_s, 1412000000},
            {u"sign"_s, u"C380BEC2BFD727A4B6845133519F3AD6"_s}};
}

} // namespace

class TestOnlineCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsapiExtraIsSignedAsEmbeddedJson();
    void appExtra();
    void extraRejected_data();
    void extraRejected();
    void cnyOnJsapiOnly();
    void replyPayParamsDecoded();
    void payParamsAsJsonString();
    void payParamsChecked_data();
    void payParamsChecked();
};

void TestOnlineCodec::jsapiExtraIsSignedAsEmbeddedJson()
{
    const auto params = IotPayCodec::createOrderParams(onlineOrder(Channel::WxJsapi), Merchant);
    QVERIFY2(params, params ? "" : qPrintable(params.error().detail));
    QCOMPARE(field(*params, u"channelId"), u"WX_JSAPI"_s);
    const QJsonObject extra = QJsonDocument::fromJson(field(*params, u"extra").toUtf8()).object();
    QCOMPARE(extra.value(u"type").toString(), u"minipay"_s);
    QCOMPARE(extra.value(u"openId").toString(), u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s);
    QCOMPARE(extra.value(u"appId").toString(), u"wx1234567890abcdef"_s);
    // The signature covers the embedded JSON text exactly as sent.
    const QJsonObject sent = QJsonDocument::fromJson(IotPayCodec::signedJson(*params, Key)).object();
    QCOMPARE(sent.value(u"extra").toString(), field(*params, u"extra"));
    QCOMPARE(sent.value(u"sign").toString(), Signer::sign(*params, Key));
}

void TestOnlineCodec::appExtra()
{
    const auto params = IotPayCodec::createOrderParams(onlineOrder(Channel::WxApp), Merchant);
    QVERIFY(params);
    QCOMPARE(field(*params, u"channelId"), u"WX_APP"_s);
    const QJsonObject extra = QJsonDocument::fromJson(field(*params, u"extra").toUtf8()).object();
    QCOMPARE(extra, (QJsonObject{{u"type"_s, u"apppay"_s}, {u"appId"_s, u"wx1234567890abcdef"_s}}));
}

void TestOnlineCodec::extraRejected_data()
{
    QTest::addColumn<int>("channel");
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<QString>("mentions");
    const int jsapi = int(Channel::WxJsapi);
    const int app = int(Channel::WxApp);
    QTest::newRow("jsapi without extra") << jsapi << QJsonObject() << u"extra.type"_s;
    QTest::newRow("jsapi wrong type") << jsapi
                                      << QJsonObject{{u"openId"_s, u"o1"_s},
                                                     {u"type"_s, u"apppay"_s},
                                                     {u"appId"_s, u"wx1"_s}}
                                      << u"minipay"_s;
    QTest::newRow("jsapi no openId") << jsapi << QJsonObject{{u"type"_s, u"minipay"_s}, {u"appId"_s, u"wx1"_s}}
                                     << u"openId"_s;
    QTest::newRow("jsapi openId number") << jsapi
                                         << QJsonObject{{u"openId"_s, 5},
                                                        {u"type"_s, u"minipay"_s},
                                                        {u"appId"_s, u"wx1"_s}}
                                         << u"openId"_s;
    QTest::newRow("jsapi openId with space")
        << jsapi << QJsonObject{{u"openId"_s, u"o 1"_s}, {u"type"_s, u"minipay"_s}, {u"appId"_s, u"wx1"_s}}
        << u"openId"_s;
    QTest::newRow("jsapi openId too long")
        << jsapi << QJsonObject{{u"openId"_s, QString(129, u'o')}, {u"type"_s, u"minipay"_s}, {u"appId"_s, u"wx1"_s}}
        << u"openId"_s;
    QTest::newRow("jsapi no appId") << jsapi << QJsonObject{{u"openId"_s, u"o1"_s}, {u"type"_s, u"minipay"_s}}
                                    << u"appId"_s;
    QTest::newRow("app without extra") << app << QJsonObject() << u"apppay"_s;
    QTest::newRow("app wrong type") << app << QJsonObject{{u"type"_s, u"minipay"_s}, {u"appId"_s, u"wx1"_s}}
                                    << u"apppay"_s;
    QTest::newRow("app appId too long") << app << QJsonObject{{u"type"_s, u"apppay"_s}, {u"appId"_s, QString(33, u'w')}}
                                        << u"appId"_s;
}

void TestOnlineCodec::extraRejected()
{
    QFETCH(int, channel);
    QFETCH(QJsonObject, extra);
    QFETCH(QString, mentions);
    OrderRequest request = onlineOrder(Channel(channel));
    request.extra = extra;
    const auto params = IotPayCodec::createOrderParams(request, Merchant);
    QVERIFY(!params);
    QCOMPARE(params.error().code, ErrorCode::RequestInvalid);
    QVERIFY2(params.error().detail.contains(mentions), qPrintable(params.error().detail));
}

void TestOnlineCodec::cnyOnJsapiOnly()
{
    OrderRequest jsapi = onlineOrder(Channel::WxJsapi);
    jsapi.amount.currency = Currency::CNY;
    QVERIFY(IotPayCodec::createOrderParams(jsapi, Merchant));
    OrderRequest app = onlineOrder(Channel::WxApp);
    app.amount.currency = Currency::CNY;
    const auto refused = IotPayCodec::createOrderParams(app, Merchant);
    QVERIFY(!refused);
    QVERIFY(refused.error().detail.contains(u"currency"));
}

void TestOnlineCodec::replyPayParamsDecoded()
{
    QJsonObject reply{{u"retCode"_s, u"SUCCESS"_s},
                      {u"resCode"_s, u"SUCCESS"_s},
                      {u"payOrderId"_s, u"P1"_s},
                      {u"mchOrderNo"_s, u"WEB260610123000000001"_s},
                      {u"amount"_s, 2865}};
    // payParams is an object and not part of the reply signature (§2.2).
    ParamList signedPart{{u"retCode"_s, u"SUCCESS"_s},
                         {u"resCode"_s, u"SUCCESS"_s},
                         {u"payOrderId"_s, u"P1"_s},
                         {u"mchOrderNo"_s, u"WEB260610123000000001"_s},
                         {u"amount"_s, u"2865"_s}};
    reply.insert(u"payParams"_s, jsapiParams());
    reply.insert(u"sign"_s, Signer::sign(signedPart, Key));
    const auto decoded = IotPayCodec::decodeResponse(QJsonDocument(reply).toJson(QJsonDocument::Compact), Key, true);
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().detail));
    QCOMPARE(decoded->payParams, jsapiParams());
    QVERIFY(decoded->qrPayload.isEmpty());
    const auto checked = IotPayCodec::checkPayParams(Channel::WxJsapi, decoded->payParams);
    QVERIFY(checked);
    QCOMPARE(*checked, jsapiParams());
}

void TestOnlineCodec::payParamsAsJsonString()
{
    const QString text = QString::fromUtf8(QJsonDocument(appParams()).toJson(QJsonDocument::Compact));
    QJsonObject reply{{u"retCode"_s, u"SUCCESS"_s}, {u"resCode"_s, u"SUCCESS"_s}, {u"payParams"_s, text}};
    const auto decoded = IotPayCodec::decodeResponse(QJsonDocument(reply).toJson(QJsonDocument::Compact), Key);
    QVERIFY(decoded);
    QCOMPARE(decoded->payParams, appParams());
    reply.insert(u"payParams"_s, u"not json"_s);
    const auto garbage = IotPayCodec::decodeResponse(QJsonDocument(reply).toJson(QJsonDocument::Compact), Key);
    QVERIFY(!garbage);
    QCOMPARE(garbage.error().code, ErrorCode::Unparseable);
}

void TestOnlineCodec::payParamsChecked_data()
{
    QTest::addColumn<int>("channel");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<bool>("ok");
    const int jsapi = int(Channel::WxJsapi);
    const int app = int(Channel::WxApp);
    QTest::newRow("jsapi complete") << jsapi << jsapiParams() << true;
    QTest::newRow("app complete") << app << appParams() << true;
    QTest::newRow("jsapi params on app") << app << jsapiParams() << false;
    QTest::newRow("app params on jsapi") << jsapi << appParams() << false;
    QTest::newRow("empty") << jsapi << QJsonObject() << false;
    QJsonObject noSign = jsapiParams();
    noSign.remove(u"paySign"_s);
    QTest::newRow("jsapi without paySign") << jsapi << noSign << false;
    QJsonObject badPackage = jsapiParams();
    badPackage.insert(u"package"_s, u"Sign=WXPay"_s);
    QTest::newRow("jsapi package not prepay_id") << jsapi << badPackage << false;
    QJsonObject control = appParams();
    control.insert(u"noncestr"_s, u"a\nb"_s);
    QTest::newRow("control character") << app << control << false;
    QJsonObject nested = appParams();
    nested.insert(u"sign"_s, QJsonObject{{u"x"_s, 1}});
    QTest::newRow("object value") << app << nested << false;
    QJsonObject fraction = jsapiParams();
    fraction.insert(u"timeStamp"_s, 1.5);
    QTest::newRow("fractional timeStamp") << jsapi << fraction << false;
    QTest::newRow("counter channel") << int(Channel::WxNative) << jsapiParams() << false;
}

void TestOnlineCodec::payParamsChecked()
{
    QFETCH(int, channel);
    QFETCH(QJsonObject, params);
    QFETCH(bool, ok);
    const auto checked = IotPayCodec::checkPayParams(Channel(channel), params);
    QCOMPARE(bool(checked), ok);
    if (!ok) {
        QCOMPARE(checked.error().code, ErrorCode::Unparseable);
        return;
    }
    // wx.requestPayment takes strings: a numeric timeStamp would be turned into its digits.
    if (Channel(channel) == Channel::WxJsapi)
        QVERIFY(checked->value(u"timeStamp").isString());
    QVERIFY(!checked->contains(u"codeUrl"));
}

QTEST_GUILESS_MAIN(TestOnlineCodec)
#include "test_online_codec.moc"

#include "CodecTestCases.h"
#include "GatewayTestUtil.h"

#include "gateway/iotpay/IotPayCodec.h"

#include <QJsonArray>
#include <QTest>

#include <functional>
#include <tuple>

using namespace paydesk;
using namespace paydesk::testutil;
using namespace Qt::StringLiterals;

namespace {

QJsonObject formToJson(const QByteArray &form)
{
    if (!form.startsWith("params="))
        return {};
    return QJsonDocument::fromJson(QByteArray::fromPercentEncoding(form.sliced(7))).object();
}

QByteArray withField(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return signedReply(object);
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createParamsFollowVector2();
    void createRejectsEachInvalidField();
    void createAcceptsCnyOnWxNative();
    void queryParams();
    void queryRejects();
    void refundParamsFollowVector6();
    void refundRejects();
    void docFormBodyDecodesToSignedJson();
    void formBodyRoundTrips();
    void formBodyEncodesReservedCharacters();

    void decodeSuccess();
    void decodeSignsNumbersBooleansAndDropsNullAndObjects();
    void decodeRetCodeFail();
    void decodeResCodeFail_data();
    void decodeResCodeFail();
    void decodeRejectsMalformedBodies_data();
    void decodeRejectsMalformedBodies();
    void decodeAcceptsSixteenLevels();
    void decodeMissingRetCodeOrResCode();
    void decodeSignatureChecks();
    void decodeRejectsBadCounts_data();
    void decodeRejectsBadCounts();
    void decodeStatus();
    void qrPayloadFromEachField_data();
    void qrPayloadFromEachField();
    void qrPayloadMustBeALink_data();
    void qrPayloadMustBeALink();
    void checkMatchesOrderAndAmount();
};

void TestCodec::createParamsFollowVector2()
{
    const auto params = IotPayCodec::createOrderParams(vector2Order(), testMerchant());
    QVERIFY2(params.has_value(), qPrintable(params ? QString() : describe(params.error())));
    const ParamList expected{{u"mchId"_s, u"10000701"_s},
                             {u"mchOrderNo"_s, u"POS20240101123000001"_s},
                             {u"channelId"_s, u"WX_NATIVE"_s},
                             {u"currency"_s, u"CAD"_s},
                             {u"amount"_s, u"2865"_s},
                             {u"clientIp"_s, u"192.168.1.20"_s},
                             {u"device"_s, u"POS01"_s},
                             {u"notifyUrl"_s, u"https://example.com/iotpay/notify"_s},
                             {u"subject"_s, u"Order 1001"_s},
                             {u"body"_s, u"2 items"_s},
                             {u"extra"_s, u"{\"productId\":\"1001\"}"_s},
                             {u"jobNo"_s, u"cashier01"_s}};
    QCOMPARE(*params, expected);
    QCOMPARE(Signer::sign(*params, testKey()), u"041807E1FB72DE3A89C7D25CD83AD55C"_s);
}

void TestCodec::createRejectsEachInvalidField()
{
    for (const InvalidCase &c : invalidOrders()) {
        OrderRequest request = vector2Order();
        MerchantIdentity merchant = testMerchant();
        c.mutate(request, merchant);
        const auto params = IotPayCodec::createOrderParams(request, merchant);
        QVERIFY2(!params.has_value(), c.name);
        QVERIFY2(params.error().code == ErrorCode::RequestInvalid, c.name);
        QVERIFY2(params.error().detail.startsWith(c.field + u':'),
                 qPrintable(QString::fromLatin1(c.name) + u" -> " + params.error().detail));
    }
}

void TestCodec::createAcceptsCnyOnWxNative()
{
    OrderRequest request = vector2Order();
    request.amount.currency = Currency::CNY;
    QVERIFY(IotPayCodec::createOrderParams(request, testMerchant()).has_value());
    request.channel = Channel::AlipayQr;
    request.extra = {};
    request.amount.currency = Currency::USD;
    const auto params = IotPayCodec::createOrderParams(request, testMerchant());
    QVERIFY(params.has_value());
    for (const auto &[name, value] : *params)
        QVERIFY2(name != u"extra", "an empty extra is omitted");
}

void TestCodec::queryParams()
{
    const auto byMch = IotPayCodec::queryOrderParams(OrderLookup{u"POS20240101123000001"_s, {}}, testMerchant());
    QVERIFY(byMch.has_value());
    QCOMPARE(Signer::sign(*byMch, testKey()), u"C6F6D6744A84FE4626B41B0B23FC1C53"_s);
    const auto byPay = IotPayCodec::queryOrderParams(OrderLookup{{}, u"P01202401011230000001"_s}, testMerchant());
    QVERIFY(byPay.has_value());
    QCOMPARE(*byPay, (ParamList{{u"mchId"_s, u"10000701"_s}, {u"payOrderId"_s, u"P01202401011230000001"_s}}));
}

void TestCodec::queryRejects()
{
    const QList<std::pair<OrderLookup, QString>> cases{
        {OrderLookup{}, u"mchOrderNo/payOrderId"_s},
        {OrderLookup{u"POS1"_s, u"P1"_s}, u"mchOrderNo/payOrderId"_s},
        {OrderLookup{u"POS 1"_s, {}}, u"mchOrderNo"_s},
        {OrderLookup{{}, QString(31, u'P')}, u"payOrderId"_s},
    };
    for (const auto &[lookup, field] : cases) {
        const auto params = IotPayCodec::queryOrderParams(lookup, testMerchant());
        QVERIFY(!params.has_value());
        QCOMPARE(params.error().code, ErrorCode::RequestInvalid);
        QVERIFY2(params.error().detail.startsWith(field + u':'), qPrintable(params.error().detail));
    }
    const auto noMerchant = IotPayCodec::queryOrderParams(OrderLookup{u"POS1"_s, {}}, MerchantIdentity{});
    QVERIFY(!noMerchant.has_value());
    QVERIFY(noMerchant.error().detail.startsWith(u"mchId:"));
}

void TestCodec::refundParamsFollowVector6()
{
    const RefundRequest refund{
        u"R20240101123000001"_s, u"P01202401011230000001"_s, Money{2865, Currency::CAD}, u"192.168.1.20"_s, {}};
    const auto params = IotPayCodec::refundOrderParams(refund, testMerchant());
    QVERIFY(params.has_value());
    const ParamList expected{{u"mchId"_s, u"10000701"_s},      {u"mchRefundNo"_s, u"R20240101123000001"_s},
                             {u"refundAmount"_s, u"2865"_s},   {u"clientIp"_s, u"192.168.1.20"_s},
                             {u"loginName"_s, u"cashier01"_s}, {u"payOrderId"_s, u"P01202401011230000001"_s},
                             {u"currency"_s, u"CAD"_s}};
    QCOMPARE(*params, expected);
    QCOMPARE(Signer::sign(*params, testKey()), u"A9C0FF4EB573AC7A50F085F9B7B56262"_s);
    const QJsonObject json = formToJson(IotPayCodec::signedFormBody(*params, testKey()));
    QVERIFY(json.value(u"refundAmount").isDouble());
    QCOMPARE(json.value(u"refundAmount").toInteger(), 2865);
    QCOMPARE(json.value(u"sign").toString(), u"A9C0FF4EB573AC7A50F085F9B7B56262"_s);
}

void TestCodec::refundRejects()
{
    const RefundRequest valid{u"R1"_s, u"P01202401011230000001"_s, Money{100, Currency::CAD}, u"192.168.1.20"_s, {}};
    const QList<std::tuple<QString, std::function<void(RefundRequest &, MerchantIdentity &)>>> cases{
        {u"mchRefundNo"_s, [](RefundRequest &r, MerchantIdentity &) { r.mchRefundNo.clear(); }},
        {u"mchRefundNo"_s, [](RefundRequest &r, MerchantIdentity &) { r.mchRefundNo = QString(31, u'R'); }},
        {u"mchRefundNo"_s, [](RefundRequest &r, MerchantIdentity &) { r.mchRefundNo = u"R 1"_s; }},
        {u"refundAmount"_s, [](RefundRequest &r, MerchantIdentity &) { r.refundAmount.minor = 0; }},
        {u"currency"_s, [](RefundRequest &r, MerchantIdentity &) { r.refundAmount.currency = Currency::Invalid; }},
        {u"clientIp"_s, [](RefundRequest &r, MerchantIdentity &) { r.clientIp = u"x"_s; }},
        {u"device"_s, [](RefundRequest &r, MerchantIdentity &) { r.device = QString(65, u'd'); }},
        {u"loginName"_s, [](RefundRequest &, MerchantIdentity &m) { m.jobNo = QString(33, u'j'); }},
        {u"payOrderId"_s, [](RefundRequest &r, MerchantIdentity &) { r.payOrderId.clear(); }},
        {u"payOrderId"_s, [](RefundRequest &r, MerchantIdentity &) { r.payOrderId = QString(65, u'P'); }},
        {u"mchId"_s, [](RefundRequest &, MerchantIdentity &m) { m.mchId.clear(); }},
    };
    for (const auto &[field, mutate] : cases) {
        RefundRequest request = valid;
        MerchantIdentity merchant = testMerchant();
        mutate(request, merchant);
        const auto params = IotPayCodec::refundOrderParams(request, merchant);
        QVERIFY2(!params.has_value(), qPrintable(field));
        QCOMPARE(params.error().code, ErrorCode::RequestInvalid);
        QVERIFY2(params.error().detail.startsWith(field + u':'), qPrintable(params.error().detail));
    }
}

void TestCodec::docFormBodyDecodesToSignedJson()
{
    const QJsonObject doc = formToJson(DocVector2FormBody);
    QCOMPARE(doc.size(), 13);
    QCOMPARE(doc.value(u"sign").toString(), u"041807E1FB72DE3A89C7D25CD83AD55C"_s);
    QCOMPARE(doc.value(u"amount").toInteger(), 2865);
    QCOMPARE(doc.value(u"extra").toString(), u"{\"productId\":\"1001\"}"_s);
    QCOMPARE(doc.value(u"notifyUrl").toString(), u"https://example.com/iotpay/notify"_s);

    // What we put on the wire for the same order decodes to the same object (key order aside).
    const auto params = IotPayCodec::createOrderParams(vector2Order(), testMerchant());
    QVERIFY(params.has_value());
    const QByteArray ours = IotPayCodec::signedFormBody(*params, testKey());
    QCOMPARE(formToJson(ours), doc);
    QCOMPARE(QJsonDocument::fromJson(IotPayCodec::signedJson(*params, testKey())).object(), doc);
}

void TestCodec::formBodyRoundTrips()
{
    const auto params = IotPayCodec::createOrderParams(vector2Order(), testMerchant());
    QVERIFY(params.has_value());
    const QByteArray body = IotPayCodec::signedFormBody(*params, testKey());
    QVERIFY(body.startsWith("params="));
    for (const char c : body.sliced(7)) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~' || c == '%';
        QVERIFY2(allowed, "only unreserved characters and escapes");
    }
    const QJsonObject json = formToJson(body);
    QVERIFY(json.value(u"amount").isDouble());
    for (const QString &key : json.keys()) {
        if (key != u"amount")
            QVERIFY2(json.value(key).isString(), qPrintable(key));
    }
    QVERIFY(!IotPayCodec::signedJson(*params, testKey()).contains("TESTKEY"));
}

void TestCodec::formBodyEncodesReservedCharacters()
{
    OrderRequest request = vector2Order();
    request.subject = u"A&B=C+D%/é 测"_s;
    const auto params = IotPayCodec::createOrderParams(request, testMerchant());
    QVERIFY(params.has_value());
    const QByteArray body = IotPayCodec::signedFormBody(*params, testKey());
    QVERIFY(body.contains("A%26B%3DC%2BD%25%2F%C3%A9%20%E6%B5%8B"));
    const QJsonObject json = formToJson(body);
    QCOMPARE(json.value(u"subject").toString(), request.subject);
    QCOMPARE(json.value(u"sign").toString(), Signer::sign(*params, testKey()));
}

void TestCodec::decodeSuccess()
{
    const QByteArray body = signedReply(createSuccessFields());
    const auto response = IotPayCodec::decodeResponse(body, testKey(), true);
    QVERIFY2(response.has_value(), qPrintable(response ? QString() : describe(response.error())));
    QCOMPARE(response->payOrderId, u"P01202401011230000001"_s);
    QCOMPARE(response->mchOrderNo, u"POS20240101123000001"_s);
    QCOMPARE(response->amount, std::optional<Money>(Money{2865, Currency::CAD}));
    QCOMPARE(response->currencyCode, u"CAD"_s);
    QCOMPARE(response->channelId, u"WX_NATIVE"_s);
    QCOMPARE(response->qrPayload, u"weixin://wxpay/bizpayurl?pr=abc123"_s);
    QCOMPARE(response->status, RemoteStatus::Invalid);
    QVERIFY(response->signaturePresent);
    QCOMPARE(response->raw, body);
}

void TestCodec::decodeSignsNumbersBooleansAndDropsNullAndObjects()
{
    // Sign by hand: amount as its digits, a boolean as "true", null and payParams not signed.
    const ParamList fields{{u"retCode"_s, u"SUCCESS"_s}, {u"resCode"_s, u"SUCCESS"_s}, {u"amount"_s, u"100"_s},
                           {u"status"_s, u"2"_s},        {u"flag"_s, u"true"_s},       {u"mchOrderNo"_s, u"A1"_s}};
    const QString sign = Signer::sign(fields, testKey());
    const QByteArray body = R"({"retCode":"SUCCESS","resCode":"SUCCESS","amount":100,"status":2,"flag":true,)"
                            R"("note":null,"payParams":{"appId":"x"},"mchOrderNo":"A1","sign":")"
        + sign.toLatin1() + "\"}";
    const auto response = IotPayCodec::decodeResponse(body, testKey(), true);
    QVERIFY2(response.has_value(), qPrintable(response ? QString() : describe(response.error())));
    QCOMPARE(response->status, RemoteStatus::Paid);
    QCOMPARE(response->payParams.value(u"appId").toString(), u"x"_s);
    QCOMPARE(IotPayCodec::responseSignedFields(body).size(), fields.size());
}

void TestCodec::decodeRetCodeFail()
{
    const QByteArray body = R"({"retCode":"FAIL","retMsg":"signature error"})";
    const auto response = IotPayCodec::decodeResponse(body, testKey(), true);
    QVERIFY(!response.has_value());
    QCOMPARE(response.error().code, ErrorCode::SignatureRejected);
    QCOMPARE(response.error().gatewayCode, u"0013"_s);
    QVERIFY(response.error().detail.contains(u"signature error"));
    QVERIFY(!response.error().isAmbiguous());

    const auto withCode
        = IotPayCodec::decodeResponse(R"({"retCode":"FAIL","retMsg":"bad","errCode":"0014"})", testKey());
    QVERIFY(!withCode.has_value());
    QCOMPARE(withCode.error().code, ErrorCode::RequestRejected);
    QCOMPARE(withCode.error().gatewayCode, u"0014"_s);

    const auto system = IotPayCodec::decodeResponse(R"({"retCode":"FAIL","retMsg":"System error"})", testKey());
    QVERIFY(!system.has_value());
    QCOMPARE(system.error().code, ErrorCode::OutcomeUnknown);
    QVERIFY2(system.error().isAmbiguous(), "an unexplained system error may have created the order");
}

void TestCodec::decodeResCodeFail_data()
{
    QTest::addColumn<QString>("errCode");
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<int>("typed");
    QTest::newRow("0010 system error") << u"0010"_s << true << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("0110 third-party timeout") << u"0110"_s << true << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("SYSTEMERROR") << u"SYSTEMERROR"_s << true << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("0113 already paid") << u"0113"_s << false << int(ErrorCode::AlreadyPaid);
    QTest::newRow("0112 no such order") << u"0112"_s << false << int(ErrorCode::NoSuchOrder);
    QTest::newRow("0011 other") << u"0011"_s << false << int(ErrorCode::GatewayFail);
}

void TestCodec::decodeResCodeFail()
{
    QFETCH(QString, errCode);
    QFETCH(bool, ambiguous);
    QFETCH(int, typed);
    QJsonObject fields = successEnvelope();
    fields.insert(u"resCode"_s, u"FAIL"_s);
    fields.insert(u"errCode"_s, errCode);
    fields.insert(u"errCodeDes"_s, QString(u"description of "_s + errCode));
    for (const QByteArray &body : {signedReply(fields), QJsonDocument(fields).toJson()}) {
        const auto response = IotPayCodec::decodeResponse(body, testKey());
        QVERIFY(!response.has_value());
        QCOMPARE(int(response.error().code), typed);
        QCOMPARE(response.error().gatewayCode, errCode);
        QVERIFY(response.error().detail.contains(u"description of "_s + errCode));
        QCOMPARE(response.error().isAmbiguous(), ambiguous);
    }
}

void TestCodec::decodeRejectsMalformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    const QByteArray good = signedReply(createSuccessFields());
    QString deep;
    for (int i = 0; i < 16; ++i)
        deep += u"{\"a\":"_s;
    deep += u'1' + QString(16, u'}');

    QTest::newRow("empty") << QByteArray() << u"JSON"_s;
    QTest::newRow("HTML with 200") << QByteArray("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")
                                   << u"HTML"_s;
    QTest::newRow("truncated") << good.left(good.size() - 5) << u"JSON"_s;
    QTest::newRow("trailing garbage") << good + "xyz" << u"JSON"_s;
    QTest::newRow("two objects") << good + good << u"JSON"_s;
    QTest::newRow("array") << QByteArray("[" + good + "]") << u"not an object"_s;
    QTest::newRow("duplicate key") << QByteArray(R"({"retCode":"SUCCESS","resCode":"SUCCESS","retCode":"FAIL"})")
                                   << u"duplicate"_s;
    QTest::newRow("duplicate escaped key")
        << QByteArray(R"({"retCode":"SUCCESS","resCode":"SUCCESS","amount":1,"\u0061mount":2})") << u"duplicate"_s;
    QTest::newRow("17 levels") << QByteArray(R"({"retCode":"SUCCESS","x":)" + deep.toLatin1() + "}") << u"deep"_s;
    QTest::newRow("5000 levels") << QByteArray(QByteArray("{\"a\":").repeated(5000) + "1" + QByteArray(5000, '}'))
                                 << QString();
    QTest::newRow("huge") << QByteArray("{\"retCode\":\"SUCCESS\",\"pad\":\"" + QByteArray(1 << 20, 'x') + "\"}")
                          << u"limit"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"retCode\":\"SUCC\xff\"}") << u"JSON"_s;
}

void TestCodec::decodeRejectsMalformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    const auto response = IotPayCodec::decodeResponse(body, testKey());
    QVERIFY(!response.has_value());
    QCOMPARE(response.error().code, ErrorCode::Unparseable);
    QVERIFY2(response.error().detail.contains(why), qPrintable(response.error().detail));
    QVERIFY(response.error().isAmbiguous());
    QVERIFY(response.error().detail.size() < 400);
}

void TestCodec::decodeAcceptsSixteenLevels()
{
    // The top-level object is level 1; payParams may nest 15 more levels.
    const QByteArray nested = QByteArray("{\"a\":").repeated(15) + "1" + QByteArray(15, '}');
    const QByteArray body = R"({"retCode":"SUCCESS","resCode":"SUCCESS","payParams":)" + nested + "}";
    const auto response = IotPayCodec::decodeResponse(body, testKey());
    QVERIFY2(response.has_value(), qPrintable(response ? QString() : describe(response.error())));
}

void TestCodec::decodeMissingRetCodeOrResCode()
{
    const auto noRet = IotPayCodec::decodeResponse(R"({"resCode":"SUCCESS"})", testKey());
    QVERIFY(!noRet.has_value());
    QCOMPARE(noRet.error().code, ErrorCode::Unparseable);
    QVERIFY(noRet.error().detail.contains(u"missing retCode"));

    QJsonObject fields = createSuccessFields();
    fields.remove(u"resCode"_s);
    const auto noRes = IotPayCodec::decodeResponse(signedReply(fields), testKey());
    QVERIFY(!noRes.has_value());
    QCOMPARE(noRes.error().code, ErrorCode::Unparseable);
    QVERIFY(noRes.error().detail.contains(u"missing resCode"));

    fields.insert(u"resCode"_s, u"PENDING"_s);
    const auto oddRes = IotPayCodec::decodeResponse(signedReply(fields), testKey());
    QVERIFY(!oddRes.has_value());
    QCOMPARE(oddRes.error().code, ErrorCode::Unparseable);
}

void TestCodec::decodeSignatureChecks()
{
    const QJsonObject fields = createSuccessFields();
    const QByteArray unsignedBody = QJsonDocument(fields).toJson();
    const auto lenient = IotPayCodec::decodeResponse(unsignedBody, testKey(), false);
    QVERIFY(lenient.has_value());
    QVERIFY(!lenient->signaturePresent);
    const auto strict = IotPayCodec::decodeResponse(unsignedBody, testKey(), true);
    QVERIFY(!strict.has_value());
    QCOMPARE(strict.error().code, ErrorCode::BadSignature);

    QJsonObject signedFields = QJsonDocument::fromJson(signedReply(fields)).object();
    const QString goodSign = signedFields.value(u"sign").toString();
    const QList<QJsonValue> badSigns{QJsonValue(u""_s),
                                     QJsonValue(u"0123456789ABCDEF0123456789ABCDEF"_s),
                                     QJsonValue(goodSign.left(31)),
                                     QJsonValue(QString(goodSign + u'0')),
                                     QJsonValue(QString(32, u'Z')),
                                     QJsonValue(12345),
                                     QJsonValue(QJsonObject{})};
    for (const QJsonValue &bad : badSigns) {
        signedFields.insert(u"sign"_s, bad);
        const auto response = IotPayCodec::decodeResponse(QJsonDocument(signedFields).toJson(), testKey());
        QVERIFY(!response.has_value());
        QCOMPARE(response.error().code, ErrorCode::BadSignature);
        QVERIFY(!response.error().isAmbiguous());
    }

    signedFields.insert(u"sign"_s, goodSign.toLower());
    QVERIFY(IotPayCodec::decodeResponse(QJsonDocument(signedFields).toJson(), testKey()).has_value());

    // The amount changed, the old sign kept.
    signedFields.insert(u"sign"_s, goodSign);
    signedFields.insert(u"amount"_s, 1);
    const auto tampered = IotPayCodec::decodeResponse(QJsonDocument(signedFields).toJson(), testKey());
    QVERIFY(!tampered.has_value());
    QCOMPARE(tampered.error().code, ErrorCode::BadSignature);

    const auto otherKey = IotPayCodec::decodeResponse(signedReply(fields), MerchantKey(QByteArrayLiteral("OTHER")));
    QVERIFY(!otherKey.has_value());
    QCOMPARE(otherKey.error().code, ErrorCode::BadSignature);
}

void TestCodec::decodeRejectsBadCounts_data()
{
    QTest::addColumn<QByteArray>("amountJson");
    QTest::newRow("decimal") << QByteArray("28.65");
    QTest::newRow("decimal zero") << QByteArray("2865.0");
    QTest::newRow("exponent") << QByteArray("2.865e3");
    QTest::newRow("negative") << QByteArray("-2865");
    QTest::newRow("string decimal") << QByteArray("\"28.65\"");
    QTest::newRow("string hex") << QByteArray("\"0xB31\"");
    QTest::newRow("string padded") << QByteArray("\" 2865\"");
    QTest::newRow("string leading zero") << QByteArray("\"02865\"");
    QTest::newRow("larger than int64") << QByteArray("99999999999999999999");
    QTest::newRow("boolean") << QByteArray("true");
    QTest::newRow("object") << QByteArray("{}");
}

void TestCodec::decodeRejectsBadCounts()
{
    QFETCH(QByteArray, amountJson);
    const QByteArray body = R"({"retCode":"SUCCESS","resCode":"SUCCESS","amount":)" + amountJson + "}";
    const auto response = IotPayCodec::decodeResponse(body, testKey());
    QVERIFY(!response.has_value());
    QCOMPARE(response.error().code, ErrorCode::Unparseable);
    QVERIFY2(response.error().detail.contains(u"amount"), qPrintable(response.error().detail));

    const auto asString
        = IotPayCodec::decodeResponse(R"({"retCode":"SUCCESS","resCode":"SUCCESS","amount":"2865"})", testKey());
    QVERIFY(asString.has_value());
    QCOMPARE(asString->amount->minor, 2865);
}

void TestCodec::decodeStatus()
{
    const QList<std::pair<QByteArray, RemoteStatus>> good{{"0", RemoteStatus::Created},
                                                          {"1", RemoteStatus::Paying},
                                                          {"2", RemoteStatus::Paid},
                                                          {"3", RemoteStatus::PaidNotified},
                                                          {"4", RemoteStatus::CancelledBySystem},
                                                          {"9", RemoteStatus::CancelledByUser},
                                                          {"7", RemoteStatus::Invalid},
                                                          {"\"2\"", RemoteStatus::Paid}};
    for (const auto &[json, status] : good) {
        const auto response = IotPayCodec::decodeResponse(
            R"({"retCode":"SUCCESS","resCode":"SUCCESS","status":)" + json + "}", testKey());
        QVERIFY2(response.has_value(), json.constData());
        QCOMPARE(response->status, status);
    }
    for (const QByteArray json : {"\"2 \"", "\"02\"", "2.0", "-1"}) {
        const auto response = IotPayCodec::decodeResponse(
            R"({"retCode":"SUCCESS","resCode":"SUCCESS","status":)" + json + "}", testKey());
        QVERIFY2(!response.has_value(), json.constData());
        QCOMPARE(response.error().code, ErrorCode::Unparseable);
    }
}

void TestCodec::qrPayloadFromEachField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    const QString link = u"https://qr.alipay.com/bax01234"_s;
    QTest::newRow("codeUrl") << u"codeUrl"_s << QJsonValue(link);
    QTest::newRow("qr_code") << u"qr_code"_s << QJsonValue(link);
    QTest::newRow("qrCode") << u"qrCode"_s << QJsonValue(link);
    QTest::newRow("payUrl") << u"payUrl"_s << QJsonValue(link);
    QTest::newRow("retParams string") << u"retParams"_s << QJsonValue(link);
    QTest::newRow("retParams.codeUrl") << u"retParams"_s << QJsonValue(QJsonObject{{u"codeUrl"_s, link}});
    QTest::newRow("retParams.qr_code") << u"retParams"_s << QJsonValue(QJsonObject{{u"qr_code"_s, link}});
    QTest::newRow("retParams.payUrl") << u"retParams"_s << QJsonValue(QJsonObject{{u"payUrl"_s, link}});
    QTest::newRow("payParams.codeUrl") << u"payParams"_s << QJsonValue(QJsonObject{{u"codeUrl"_s, link}});
    QTest::newRow("payParams.payUrl") << u"payParams"_s << QJsonValue(QJsonObject{{u"payUrl"_s, link}});
}

void TestCodec::qrPayloadFromEachField()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject fields = createSuccessFields();
    fields.remove(u"codeUrl"_s);
    const auto response = IotPayCodec::decodeResponse(withField(fields, field, value), testKey(), true);
    QVERIFY2(response.has_value(), qPrintable(response ? QString() : describe(response.error())));
    QCOMPARE(response->qrPayload, u"https://qr.alipay.com/bax01234"_s);
}

void TestCodec::qrPayloadMustBeALink_data()
{
    QTest::addColumn<QString>("payload");
    QTest::newRow("javascript") << u"javascript:alert(1)"_s;
    QTest::newRow("plain text") << u"pay me"_s;
    QTest::newRow("data url") << u"data:text/html,hi"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("relative") << u"/pay/123"_s;
    QTest::newRow("control character") << u"weixin://wxpay/bizpayurl?pr=a\nb"_s;
    QTest::newRow("too long") << u"https://qr.alipay.com/"_s + QString(3000, u'a');
}

void TestCodec::qrPayloadMustBeALink()
{
    QFETCH(QString, payload);
    const auto response
        = IotPayCodec::decodeResponse(withField(createSuccessFields(), u"codeUrl"_s, payload), testKey());
    QVERIFY(!response.has_value());
    QCOMPARE(response.error().code, ErrorCode::Unparseable);
    QVERIFY2(response.error().detail.contains(u"QR payload"), qPrintable(response.error().detail));
}

void TestCodec::checkMatchesOrderAndAmount()
{
    const auto response = IotPayCodec::decodeResponse(signedReply(createSuccessFields()), testKey());
    QVERIFY(response.has_value());
    QVERIFY(IotPayCodec::checkMatches(*response, u"POS20240101123000001"_s, 2865).has_value());
    QVERIFY(IotPayCodec::checkMatches(*response, u"POS20240101123000001"_s, std::nullopt).has_value());

    const auto otherOrder = IotPayCodec::checkMatches(*response, u"POS20240101123000002"_s, 2865);
    QVERIFY(!otherOrder.has_value());
    QCOMPARE(otherOrder.error().code, ErrorCode::ResponseMismatch);
    const auto otherAmount = IotPayCodec::checkMatches(*response, u"POS20240101123000001"_s, 2866);
    QVERIFY(!otherAmount.has_value());
    QCOMPARE(otherAmount.error().code, ErrorCode::ResponseMismatch);

    GatewayResponse bare;
    QVERIFY(IotPayCodec::checkMatches(bare, u"POS1"_s, 100).has_value());
}

QTEST_GUILESS_MAIN(TestCodec)
#include "test_codec.moc"

// iOnline Pay codec (payment-api.md §13): the one signing function, jspay/inapp/query fields,
// reply decoding, trade_state mapping and the GMT+8 times.

#include "gateway/ionline/IOnlinePayCodec.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const MerchantKey Key(QByteArrayLiteral("TESTKEY0123456789"));
const IOnlineMerchant Merchant{u"10085200000000"_s, Currency::CAD, u"1.0"_s};
constexpr qint64 NowUtcMs = 1'781'094'600'000; // 2026-06-10 12:30:00 UTC

QString field(const ParamList &params, QStringView name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

OrderRequest miniProgramOrder()
{
    OrderRequest request;
    request.mchOrderNo = u"WEB260610124320000001"_s;
    request.channel = Channel::WxJsapi;
    request.amount = Money{2865, Currency::CAD};
    request.subject = u"Order 1001"_s;
    request.notifyUrl = u"https://pay.example.com/notify/ionline"_s;
    request.clientIp = u"203.0.113.9"_s;
    request.param1 = u"shop-42"_s;
    request.extra = {{u"openId"_s, u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s},
                     {u"type"_s, u"minipay"_s},
                     {u"appId"_s, u"wx1234567890abcdef"_s}};
    return request;
}

QByteArray reply(ParamList fields, const MerchantKey &key = Key)
{
    QJsonObject object;
    for (const auto &[name, value] : fields)
        object.insert(name, value);
    object.insert(u"sign"_s, IOnlinePayCodec::sign(fields, key));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestIOnlineCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signFollowsTheSwiftPassRule();
    void verify_data();
    void verify();
    void jspayFields();
    void inappFields();
    void createRejected_data();
    void createRejected();
    void queryFields();
    void formBodyCarriesTheSign();
    void decodeJspaySuccess();
    void decodeFailures_data();
    void decodeFailures();
    void tradeStates_data();
    void tradeStates();
    void gmt8Times();
};

void TestIOnlineCodec::signFollowsTheSwiftPassRule()
{
    // The field set of the rule-data-format sample (§13.5) with our test key; the expected value was
    // computed independently (Python hashlib) over the canonical string below. Empty values and
    // `sign` are left out; names sorted by ASCII.
    const ParamList fields{{u"service"_s, u"ionline.pay.weixin.native.intl"_s},
                           {u"sign_type"_s, u"MD5"_s},
                           {u"mch_id"_s, u"10085200000000"_s},
                           {u"out_trade_no"_s, u"TRDNO150271173415530"_s},
                           {u"body"_s, u"測試產品"_s},
                           {u"total_fee"_s, u"10"_s},
                           {u"mch_create_ip"_s, u"127.0.0.1"_s},
                           {u"notify_url"_s, u"http://www.ionline.com.hk/notify_callback"_s},
                           {u"nonce_str"_s, u"54fa7f8e1006aecb8b58ef6059abb09c"_s},
                           {u"attach"_s, u"test"_s},
                           {u"device_info"_s, QString()},
                           {u"sign"_s, u"IGNORED"_s}};
    QCOMPARE(IOnlinePayCodec::sign(fields, Key), u"CD797B32EA47BDCA2CBF6BE9157D7252"_s);
    QCOMPARE(IOnlinePayCodec::canonicalStringRedacted(fields),
             u"attach=test&body=測試產品&mch_create_ip=127.0.0.1&mch_id=10085200000000"
             "&nonce_str=54fa7f8e1006aecb8b58ef6059abb09c&notify_url=http://www.ionline.com.hk/notify_callback"
             "&out_trade_no=TRDNO150271173415530&service=ionline.pay.weixin.native.intl&sign_type=MD5&total_fee=10"
             "&key=***"_s);
}

void TestIOnlineCodec::verify_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<bool>("ok");
    const ParamList fields{{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}};
    const QString good = IOnlinePayCodec::sign(fields, Key);
    QTest::newRow("good") << good << true;
    QTest::newRow("lower case") << good.toLower() << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("short") << good.left(31) << false;
    QTest::newRow("long") << good + u'0' << false;
    QTest::newRow("non-hex") << QString(32, u'Z') << false;
    QTest::newRow("other") << u"0123456789ABCDEF0123456789ABCDEF"_s << false;
}

void TestIOnlineCodec::verify()
{
    QFETCH(QString, claim);
    QFETCH(bool, ok);
    QCOMPARE(IOnlinePayCodec::verify({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}}, Key, claim), ok);
}

void TestIOnlineCodec::jspayFields()
{
    const auto params
        = IOnlinePayCodec::createOrderParams(miniProgramOrder(), Merchant, {u"n0nce"_s, NowUtcMs, 2 * 60 * 60 * 1000});
    QVERIFY2(params, params ? "" : qPrintable(params.error().detail));
    QCOMPARE(field(*params, u"service"), u"ionline.pay.weixin.jspay.intl"_s);
    QCOMPARE(field(*params, u"is_raw"), u"1"_s);
    QCOMPARE(field(*params, u"is_minipg"), u"1"_s);
    QCOMPARE(field(*params, u"sub_openid"), u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s);
    QCOMPARE(field(*params, u"sub_appid"), u"wx1234567890abcdef"_s);
    QCOMPARE(field(*params, u"out_trade_no"), u"WEB260610124320000001"_s);
    QCOMPARE(field(*params, u"total_fee"), u"2865"_s);
    QCOMPARE(field(*params, u"mch_create_ip"), u"203.0.113.9"_s);
    QCOMPARE(field(*params, u"notify_url"), u"https://pay.example.com/notify/ionline"_s);
    QCOMPARE(field(*params, u"body"), u"Order 1001"_s);
    QCOMPARE(field(*params, u"attach"), u"shop-42"_s);
    QCOMPARE(field(*params, u"mch_id"), u"10085200000000"_s);
    QCOMPARE(field(*params, u"version"), u"1.0"_s);
    QCOMPARE(field(*params, u"charset"), u"UTF-8"_s);
    QCOMPARE(field(*params, u"sign_type"), u"MD5"_s);
    QCOMPARE(field(*params, u"nonce_str"), u"n0nce"_s);
    QCOMPARE(field(*params, u"time_start"), u"20260610203000"_s); // GMT+8
    QCOMPARE(field(*params, u"time_expire"), u"20260610223000"_s);
    const auto noWindow = IOnlinePayCodec::createOrderParams(miniProgramOrder(), Merchant, {u"n"_s, NowUtcMs, 0});
    QVERIFY(noWindow);
    QVERIFY(field(*noWindow, u"time_start").isEmpty());
    QVERIFY(field(*noWindow, u"time_expire").isEmpty());
}

void TestIOnlineCodec::inappFields()
{
    OrderRequest request = miniProgramOrder();
    request.channel = Channel::WxApp;
    request.extra = {{u"type"_s, u"apppay"_s}, {u"appId"_s, u"wxapp0000000000001"_s}};
    const auto params = IOnlinePayCodec::createOrderParams(request, Merchant, {u"n"_s, NowUtcMs, 0});
    QVERIFY(params);
    QCOMPARE(field(*params, u"service"), u"ionline.pay.weixin.inapp.intl"_s);
    QCOMPARE(field(*params, u"sub_appid"), u"wxapp0000000000001"_s);
    QVERIFY(field(*params, u"sub_openid").isEmpty());
    QVERIFY(field(*params, u"is_minipg").isEmpty());
}

void TestIOnlineCodec::createRejected_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("order number too long") << u"orderNo"_s << u"out_trade_no"_s;
    QTest::newRow("no openId") << u"openId"_s << u"sub_openid"_s;
    QTest::newRow("IPv6 too long for mch_create_ip") << u"ipv6"_s << u"mch_create_ip"_s;
    QTest::newRow("not an IP") << u"ip"_s << u"mch_create_ip"_s;
    QTest::newRow("body too long") << u"subject"_s << u"body"_s;
    QTest::newRow("other currency") << u"currency"_s << u"currency"_s;
    QTest::newRow("counter channel") << u"channel"_s << u"channel"_s;
    QTest::newRow("zero amount") << u"amount"_s << u"total_fee"_s;
    QTest::newRow("relative notify_url") << u"notify"_s << u"notify_url"_s;
    QTest::newRow("no nonce") << u"nonce"_s << u"nonce_str"_s;
}

void TestIOnlineCodec::createRejected()
{
    QFETCH(QString, what);
    QFETCH(QString, mentions);
    OrderRequest request = miniProgramOrder();
    IOnlinePayCodec::RequestContext context{u"n"_s, NowUtcMs, 0};
    if (what == u"orderNo")
        request.mchOrderNo = QString(33, u'A');
    else if (what == u"openId")
        request.extra.remove(u"openId"_s);
    else if (what == u"ipv6")
        request.clientIp = u"2001:db8:85a3::8a2e:370:7334"_s;
    else if (what == u"ip")
        request.clientIp = u"localhost"_s;
    else if (what == u"subject")
        request.subject = QString(128, u'x');
    else if (what == u"currency")
        request.amount.currency = Currency::USD;
    else if (what == u"channel")
        request.channel = Channel::WxNative;
    else if (what == u"amount")
        request.amount.minor = 0;
    else if (what == u"notify")
        request.notifyUrl = u"/notify/ionline"_s;
    else if (what == u"nonce")
        context.nonce.clear();
    const auto params = IOnlinePayCodec::createOrderParams(request, Merchant, context);
    QVERIFY(!params);
    QCOMPARE(params.error().code, ErrorCode::RequestInvalid);
    QVERIFY2(params.error().detail.contains(mentions), qPrintable(params.error().detail));
}

void TestIOnlineCodec::queryFields()
{
    const auto byOrder = IOnlinePayCodec::queryOrderParams({u"WEB1"_s, {}}, Merchant, {u"n"_s, NowUtcMs, 0});
    QVERIFY(byOrder);
    QCOMPARE(field(*byOrder, u"service"), u"ionline.unified.trade.query"_s);
    QCOMPARE(field(*byOrder, u"out_trade_no"), u"WEB1"_s);
    QVERIFY(field(*byOrder, u"transaction_id").isEmpty());
    const auto byTransaction = IOnlinePayCodec::queryOrderParams({{}, u"108500001"_s}, Merchant, {u"n"_s, NowUtcMs, 0});
    QVERIFY(byTransaction);
    QCOMPARE(field(*byTransaction, u"transaction_id"), u"108500001"_s);
    QVERIFY(!IOnlinePayCodec::queryOrderParams({u"A"_s, u"B"_s}, Merchant, {u"n"_s, NowUtcMs, 0}));
    QVERIFY(!IOnlinePayCodec::queryOrderParams({}, Merchant, {u"n"_s, NowUtcMs, 0}));
}

void TestIOnlineCodec::formBodyCarriesTheSign()
{
    const ParamList params{
        {u"service"_s, u"ionline.unified.trade.query"_s}, {u"body"_s, u"a&b=c d"_s}, {u"empty"_s, QString()}};
    const QByteArray form = IOnlinePayCodec::signedFormBody(params, Key);
    const QUrlQuery query(QString::fromLatin1(form));
    QCOMPARE(query.queryItemValue(u"body"_s, QUrl::FullyDecoded), u"a&b=c d"_s);
    QVERIFY(!query.hasQueryItem(u"empty"_s));
    QCOMPARE(query.queryItemValue(u"sign"_s), IOnlinePayCodec::sign(params, Key));
    const QJsonObject json = QJsonDocument::fromJson(IOnlinePayCodec::signedJson(params, Key)).object();
    QCOMPARE(json.value(u"sign").toString(), IOnlinePayCodec::sign(params, Key));
    QVERIFY(!IOnlinePayCodec::signedJson(params, Key).contains("TESTKEY"));
}

void TestIOnlineCodec::decodeJspaySuccess()
{
    const QString payInfo = u"{\"appId\":\"wx1234567890abcdef\",\"timeStamp\":\"1781094600\",\"nonceStr\":\"n\","
                            "\"package\":\"prepay_id=wx1\",\"signType\":\"MD5\",\"paySign\":\"ABC\"}"_s;
    const QByteArray body = reply({{u"version"_s, u"1.0"_s},
                                   {u"status"_s, u"0"_s},
                                   {u"result_code"_s, u"0"_s},
                                   {u"mch_id"_s, u"10085200000000"_s},
                                   {u"out_trade_no"_s, u"WEB1"_s},
                                   {u"transaction_id"_s, u"1085000001"_s},
                                   {u"pay_info"_s, payInfo},
                                   {u"pay_url"_s, u"https://pay.ionlinepay.com/pay/jspay?token_id=abc"_s}});
    const auto decoded = IOnlinePayCodec::decodeResponse(body, Key, true);
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().detail));
    QVERIFY(decoded->signaturePresent);
    QCOMPARE(decoded->mchOrderNo, u"WEB1"_s);
    QCOMPARE(decoded->payOrderId, u"1085000001"_s);
    QCOMPARE(decoded->payParams.value(u"package").toString(), u"prepay_id=wx1"_s);
    QCOMPARE(decoded->payUrl, u"https://pay.ionlinepay.com/pay/jspay?token_id=abc"_s);
}

void TestIOnlineCodec::decodeFailures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("gatewayCode");
    const ParamList ok{{u"status"_s, u"0"_s}, {u"result_code"_s, u"0"_s}, {u"out_trade_no"_s, u"WEB1"_s}};
    QTest::newRow("status 400") << QByteArray(R"({"status":"400","message":"sign error"})")
                                << int(ErrorCode::GatewayFail) << u"400"_s;
    QTest::newRow("result_code 1") << reply(
        {{u"status"_s, u"0"_s}, {u"result_code"_s, u"1"_s}, {u"err_code"_s, u"ORDERPAID"_s}, {u"err_msg"_s, u"paid"_s}})
                                   << int(ErrorCode::GatewayFail) << u"ORDERPAID"_s;
    QTest::newRow("ORDERNOTEXIST") << reply({{u"status"_s, u"0"_s},
                                             {u"result_code"_s, u"1"_s},
                                             {u"err_code"_s, u"ORDERNOTEXIST"_s},
                                             {u"err_msg"_s, u"no order"_s}})
                                   << int(ErrorCode::NoSuchOrder) << u"ORDERNOTEXIST"_s;
    QTest::newRow("SYSTEMERROR") << reply({{u"status"_s, u"0"_s},
                                           {u"result_code"_s, u"1"_s},
                                           {u"err_code"_s, u"SYSTEMERROR"_s},
                                           {u"err_msg"_s, u"busy"_s}})
                                 << int(ErrorCode::OutcomeUnknown) << u"SYSTEMERROR"_s;
    QTest::newRow("missing status") << QByteArray(R"({"result_code":"0"})") << int(ErrorCode::Unparseable) << QString();
    QTest::newRow("missing result_code") << reply({{u"status"_s, u"0"_s}}) << int(ErrorCode::Unparseable) << QString();
    QTest::newRow("bad sign") << reply(ok, MerchantKey(QByteArrayLiteral("OTHER"))) << int(ErrorCode::BadSignature)
                              << QString();
    QTest::newRow("xml error body") << QByteArray("<xml><status>500</status><message>SYSERR</message></xml>")
                                    << int(ErrorCode::Unparseable) << QString();
    QTest::newRow("duplicate keys") << QByteArray(R"({"status":"0","status":"1","result_code":"0"})")
                                    << int(ErrorCode::Unparseable) << QString();
    QTest::newRow("pay_info not json") << reply(
        {{u"status"_s, u"0"_s}, {u"result_code"_s, u"0"_s}, {u"pay_info"_s, u"weixin://x"_s}})
                                       << int(ErrorCode::Unparseable) << QString();
    QTest::newRow("pay_url not a link") << reply(
        {{u"status"_s, u"0"_s}, {u"result_code"_s, u"0"_s}, {u"pay_url"_s, u"javascript:alert(1)"_s}})
                                        << int(ErrorCode::Unparseable) << QString();
    QTest::newRow("total_fee decimal") << reply(
        {{u"status"_s, u"0"_s}, {u"result_code"_s, u"0"_s}, {u"total_fee"_s, u"28.65"_s}})
                                       << int(ErrorCode::Unparseable) << QString();
}

void TestIOnlineCodec::decodeFailures()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, gatewayCode);
    const auto decoded = IOnlinePayCodec::decodeResponse(body, Key);
    QVERIFY(!decoded);
    QCOMPARE(int(decoded.error().code), code);
    if (!gatewayCode.isEmpty())
        QCOMPARE(decoded.error().gatewayCode, gatewayCode);
}

void TestIOnlineCodec::tradeStates_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("status");
    QTest::newRow("SUCCESS") << u"SUCCESS"_s << int(RemoteStatus::Paid);
    QTest::newRow("REFUND") << u"REFUND"_s << int(RemoteStatus::Paid);
    QTest::newRow("NOTPAY") << u"NOTPAY"_s << int(RemoteStatus::Created);
    QTest::newRow("USERPAYING") << u"USERPAYING"_s << int(RemoteStatus::Paying);
    QTest::newRow("CLOSED") << u"CLOSED"_s << int(RemoteStatus::CancelledBySystem);
    QTest::newRow("REVOKED") << u"REVOKED"_s << int(RemoteStatus::CancelledBySystem);
    QTest::newRow("PAYERROR") << u"PAYERROR"_s << int(RemoteStatus::CancelledBySystem);
    QTest::newRow("unknown") << u"success"_s << int(RemoteStatus::Invalid);
}

void TestIOnlineCodec::tradeStates()
{
    QFETCH(QString, state);
    QFETCH(int, status);
    QCOMPARE(int(IOnlinePayCodec::remoteStatusFromTradeState(state)), status);
    const auto decoded = IOnlinePayCodec::decodeResponse(reply({{u"status"_s, u"0"_s},
                                                                {u"result_code"_s, u"0"_s},
                                                                {u"trade_state"_s, state},
                                                                {u"total_fee"_s, u"2865"_s},
                                                                {u"fee_type"_s, u"CAD"_s},
                                                                {u"time_end"_s, u"20260610203000"_s}}),
                                                         Key);
    QVERIFY(decoded);
    QCOMPARE(int(decoded->status), status);
    QCOMPARE(decoded->amount.value_or(Money{}).minor, 2865);
    QCOMPARE(decoded->amount.value_or(Money{}).currency, Currency::CAD);
    QCOMPARE(decoded->paySuccTimeMs, NowUtcMs);
}

void TestIOnlineCodec::gmt8Times()
{
    QCOMPARE(IOnlinePayCodec::gmt8Timestamp(NowUtcMs), u"20260610203000"_s);
    QCOMPARE(IOnlinePayCodec::parseGmt8Timestamp(u"20260610203000"), std::optional<qint64>(NowUtcMs));
    QVERIFY(!IOnlinePayCodec::parseGmt8Timestamp(u"2026061020300"));
    QVERIFY(!IOnlinePayCodec::parseGmt8Timestamp(u"20261310203000"));
    QVERIFY(!IOnlinePayCodec::parseGmt8Timestamp(u"2026061020300x"));
}

QTEST_GUILESS_MAIN(TestIOnlineCodec)
#include "test_ionline_codec.moc"

// Scan to pay, without the network: which wallet a payment code belongs to (payment-api.md §5),
// the code that never prints, the micropay create_order fields and the micropay reply decoder.

#include "gateway/PaymentCode.h"
#include "gateway/Signer.h"
#include "gateway/iotpay/IotPayChannels.h"
#include "gateway/iotpay/IotPayCodec.h"
#include "gateway/iotpay/IotPayPaymentCode.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const MerchantKey Key(QByteArrayLiteral("TESTKEY0123456789"));

PaymentCode code(const QString &digits)
{
    auto parsed = PaymentCode::fromText(digits);
    return parsed ? *parsed : PaymentCode();
}

OrderRequest micropayRequest(Channel channel, const QString &digits)
{
    OrderRequest request;
    request.mchOrderNo = QStringLiteral("POS20261204000001");
    request.channel = channel;
    request.amount = Money{2865, Currency::CAD};
    request.subject = QStringLiteral("PayDesk sale");
    request.body = QStringLiteral("PayDesk sale");
    request.notifyUrl = QStringLiteral("https://pos.example.com/notify/iotpay");
    request.device = QStringLiteral("T7");
    request.deviceId = QStringLiteral("T7");
    request.paymentCode = code(digits);
    return request;
}

QByteArray signedReply(QJsonObject reply)
{
    ParamList fields;
    for (auto it = reply.begin(); it != reply.end(); ++it)
        fields.append({it.key(), it->isDouble() ? QString::number(it->toInteger()) : it->toString()});
    reply.insert(QStringLiteral("sign"), Signer::sign(fields, Key));
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

// Why a result failed, for QVERIFY2 (which builds its message before it checks).
template<typename T> QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : describe(result.error()).toUtf8();
}

} // namespace

class TestPaymentCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifier_data();
    void classifier();
    void valueTypeNeverPrintsTheCode();
    void micropayCurrencyMatrix();
    void createOrderCarriesTheCode();
    void createOrderRefusesWrongCodes();
    void decodesMicropayReplies_data();
    void decodesMicropayReplies();
};

void TestPaymentCode::classifier_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("channel"); // Channel, or -1 for "fits no wallet"
    const int none = -1;
    QTest::newRow("WeChat 10") << u"101234567890123456"_s << int(Channel::WxMicropay);
    QTest::newRow("WeChat 13") << u"134567890123459000"_s << int(Channel::WxMicropay);
    QTest::newRow("WeChat 15 (Hong Kong)") << u"151234567890123456"_s << int(Channel::WxMicropay);
    QTest::newRow("WeChat 16 is Alipay-less gap") << u"161234567890123456"_s << none;
    QTest::newRow("WeChat 17 digits") << u"13456789012345900"_s << none;
    QTest::newRow("WeChat 19 digits") << u"1345678901234590001"_s << none;
    QTest::newRow("Alipay 25, 16 digits") << u"2512345678901234"_s << int(Channel::AlipayMicropay);
    QTest::newRow("Alipay 28, 18 digits") << u"284567890123459000"_s << int(Channel::AlipayMicropay);
    QTest::newRow("Alipay 30, 24 digits") << u"301234567890123456789012"_s << int(Channel::AlipayMicropay);
    QTest::newRow("Alipay 31") << u"311234567890123456"_s << none;
    QTest::newRow("Alipay 15 digits") << u"281234567890123"_s << none;
    QTest::newRow("UnionPay 62, 19 digits") << u"6234567890123459000"_s << int(Channel::UpiMicropay);
    QTest::newRow("UnionPay 18 digits") << u"623456789012345900"_s << none;
    QTest::newRow("UnionPay 61") << u"6134567890123459000"_s << none;
    QTest::newRow("bank card 4") << u"4111111111111111"_s << none;
    QTest::newRow("scanner CR LF") << u"134567890123459000\r\n"_s << int(Channel::WxMicropay);
    QTest::newRow("letters") << u"13456789012345900A"_s << none;
    QTest::newRow("empty") << QString() << none;
    QTest::newRow("inner space") << u"134567890 123459000"_s << none;
    QTest::newRow("full-width digits") << u"１３４５６７８９０１２３４５９０００"_s << none;
}

void TestPaymentCode::classifier()
{
    QFETCH(QString, digits);
    QFETCH(int, channel);
    const auto parsed = PaymentCode::fromText(digits);
    const Result<Channel> wallet = parsed ? iotpay::micropayChannelFor(*parsed) : Result<Channel>(fail(parsed.error()));
    if (channel < 0) {
        QVERIFY(!wallet);
        QCOMPARE(wallet.error().code, ErrorCode::PaymentCodeUnrecognised);
        QVERIFY(!wallet.error().detail.isEmpty());
        if (digits.size() > 8)
            QVERIFY2(!wallet.error().detail.contains(digits.trimmed()), qPrintable(wallet.error().detail));
    } else {
        QVERIFY2(wallet, why(wallet).constData());
        QCOMPARE(int(*wallet), channel);
    }
}

void TestPaymentCode::valueTypeNeverPrintsTheCode()
{
    const PaymentCode c = code(u"134567890123451234"_s);
    QVERIFY(!c.isEmpty());
    QCOMPARE(c.masked(), u"****1234"_s);
    QCOMPARE(c.lastFour(), u"1234"_s);
    QCOMPARE(c.redact(u"identityCode=134567890123451234&x=1"_s), u"identityCode=****1234&x=1"_s);
    QCOMPARE(c.redact(QByteArrayLiteral("{\"identityCode\":\"134567890123451234\"}")),
             QByteArrayLiteral("{\"identityCode\":\"****1234\"}"));
    QCOMPARE(PaymentCode().masked(), u"(no code)"_s);
    QVERIFY(code(u"134567890123451234"_s) == c);
    QVERIFY(!(code(u"134567890123451235"_s) == c));
}

void TestPaymentCode::micropayCurrencyMatrix()
{
    for (Channel channel : {Channel::WxMicropay, Channel::AlipayMicropay, Channel::UpiMicropay}) {
        QVERIFY(isMicropayChannel(channel));
        QVERIFY(!isCounterChannel(channel));
        QCOMPARE(channelFromId(channelId(channel)), channel);
        QVERIFY(channelAcceptsCurrency(channel, Currency::CAD));
        QVERIFY(channelAcceptsCurrency(channel, Currency::USD));
        QVERIFY(!channelAcceptsCurrency(channel, Currency::CNY)); // §5: CAD or USD only
        QVERIFY(!channelAcceptsCurrency(channel, Currency::HKD));
    }
    QCOMPARE(channelId(Channel::WxMicropay), u"WX_MICROPAY"_s);
    QCOMPARE(channelId(Channel::AlipayMicropay), u"ALIPAY_MICROPAY"_s);
    QCOMPARE(channelId(Channel::UpiMicropay), u"UPI_MICROPAY"_s);
    QVERIFY(!isMicropayChannel(Channel::WxNative));
}

void TestPaymentCode::createOrderCarriesTheCode()
{
    const auto params = IotPayCodec::createOrderParams(micropayRequest(Channel::WxMicropay, u"134567890123451234"_s),
                                                       {u"10000701"_s, u"cashier01"_s});
    QVERIFY2(params, why(params).constData());
    QCOMPARE(paramValue(*params, u"channelId"), u"WX_MICROPAY"_s);
    QCOMPARE(paramValue(*params, u"codeType"), u"barcode"_s);
    QCOMPARE(paramValue(*params, u"identityCode"), u"134567890123451234"_s);
    QCOMPARE(paramValue(*params, u"deviceId"), u"T7"_s);
    QCOMPARE(paramValue(*params, u"currency"), u"CAD"_s);
    QVERIFY(paramValue(*params, u"extra").isEmpty());
}

void TestPaymentCode::createOrderRefusesWrongCodes()
{
    const MerchantIdentity merchant{u"10000701"_s, u"cashier01"_s};
    // No code on a micropay channel.
    OrderRequest request = micropayRequest(Channel::WxMicropay, QString());
    auto params = IotPayCodec::createOrderParams(request, merchant);
    QVERIFY(!params);
    QCOMPARE(params.error().code, ErrorCode::RequestInvalid);
    // A WeChat code on the Alipay channel.
    request = micropayRequest(Channel::AlipayMicropay, u"134567890123451234"_s);
    params = IotPayCodec::createOrderParams(request, merchant);
    QVERIFY(!params);
    QCOMPARE(params.error().code, ErrorCode::RequestInvalid);
    QVERIFY(!params.error().detail.contains(u"134567890123451234"));
    // A code on a QR channel.
    request = micropayRequest(Channel::AlipayQr, u"284567890123451234"_s);
    params = IotPayCodec::createOrderParams(request, merchant);
    QVERIFY(!params);
    // CNY on a micropay channel.
    request = micropayRequest(Channel::WxMicropay, u"134567890123451234"_s);
    request.amount.currency = Currency::CNY;
    params = IotPayCodec::createOrderParams(request, merchant);
    QVERIFY(!params);
    QCOMPARE(params.error().code, ErrorCode::RequestInvalid);
}

void TestPaymentCode::decodesMicropayReplies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status"); // RemoteStatus when decoded, -1 for an error
    QTest::addColumn<int>("error"); // ErrorCode
    const int ok = int(ErrorCode::Invalid);
    const auto fails = [](const char *code, const char *text) {
        return signedReply({{u"retCode"_s, u"SUCCESS"_s},
                            {u"resCode"_s, u"FAIL"_s},
                            {u"errCode"_s, QString::fromLatin1(code)},
                            {u"errCodeDes"_s, QString::fromUtf8(text)}});
    };
    QTest::newRow("paid at once") << signedReply({{u"retCode"_s, u"SUCCESS"_s},
                                                  {u"resCode"_s, u"SUCCESS"_s},
                                                  {u"payOrderId"_s, u"P1"_s},
                                                  {u"amount"_s, 2865},
                                                  {u"currency"_s, u"CAD"_s}})
                                  << int(RemoteStatus::Paid) << ok;
    QTest::newRow("status 1") << signedReply(
        {{u"retCode"_s, u"SUCCESS"_s}, {u"resCode"_s, u"SUCCESS"_s}, {u"status"_s, 1}})
                              << int(RemoteStatus::Paying) << ok;
    QTest::newRow("status 0") << signedReply(
        {{u"retCode"_s, u"SUCCESS"_s}, {u"resCode"_s, u"SUCCESS"_s}, {u"status"_s, 0}})
                              << int(RemoteStatus::Paying) << ok;
    QTest::newRow("USERPAYING") << fails("USERPAYING", "user paying") << int(RemoteStatus::Paying) << ok;
    QTest::newRow("password words") << fails("", "please enter the password") << int(RemoteStatus::Paying) << ok;
    QTest::newRow("WeChat not enough") << fails("NOTENOUGH", "balance") << -1 << int(ErrorCode::InsufficientFunds);
    QTest::newRow("Alipay balance") << fails("ACQ.BUYER_BALANCE_NOT_ENOUGH", "") << -1
                                    << int(ErrorCode::InsufficientFunds);
    QTest::newRow("Chinese insufficient") << fails("", "余额不足") << -1 << int(ErrorCode::InsufficientFunds);
    QTest::newRow("code invalid") << fails("AUTH_CODE_INVALID", "") << -1 << int(ErrorCode::PaymentCodeRejected);
    QTest::newRow("code expired words") << fails("", "code expired") << -1 << int(ErrorCode::PaymentCodeRejected);
    QTest::newRow("Alipay auth code") << fails("ACQ.PAYMENT_AUTH_CODE_INVALID", "") << -1
                                      << int(ErrorCode::PaymentCodeRejected);
    QTest::newRow("risk") << fails("RISK_CONTROL", "") << -1 << int(ErrorCode::WalletRiskControl);
    QTest::newRow("risk Chinese") << fails("", "交易存在风险") << -1 << int(ErrorCode::WalletRiskControl);
    QTest::newRow("third party stays unknown")
        << fails("0111", "insufficient balance") << -1 << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("system error") << fails("SYSTEMERROR", "") << -1 << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("other decline") << fails("ORDERCLOSED", "closed") << -1 << int(ErrorCode::GatewayFail);
    QTest::newRow("communication fail") << QByteArray(R"({"retCode":"FAIL","retMsg":"user paying"})") << -1
                                        << int(ErrorCode::GatewayFail);
    QTest::newRow("bad sign") << QByteArray(
        R"({"retCode":"SUCCESS","resCode":"SUCCESS","sign":"00000000000000000000000000000000"})")
                              << -1 << int(ErrorCode::BadSignature);
    QTest::newRow("garbage") << QByteArray("<html>") << -1 << int(ErrorCode::Unparseable);
}

void TestPaymentCode::decodesMicropayReplies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(int, error);
    const auto decoded = IotPayCodec::decodeMicropayResponse(body, Key);
    if (status < 0) {
        QVERIFY(!decoded);
        QCOMPARE(int(decoded.error().code), error);
    } else {
        QVERIFY2(decoded, why(decoded).constData());
        QCOMPARE(int(decoded->status), status);
    }
}

QTEST_GUILESS_MAIN(TestPaymentCode)
#include "test_payment_code.moc"

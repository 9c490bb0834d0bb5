#include "gateway/GatewayRegistry.h"
#include "gateway/JsonReply.h"
#include "gateway/PaymentGateway.h"
#include "gateway/ionline/IOnlineErrors.h"
#include "gateway/ionline/IOnlineGateway.h"
#include "gateway/iotpay/IotPayChannels.h"
#include "gateway/iotpay/IotPayErrors.h"
#include "gateway/iotpay/IotPayGateway.h"

#include "common/Clock.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(paydesk::ErrorCode)

// The gateway modules seen from outside: the registry by name and notify path, each gateway's
// error classifier, IOTPay's channel/currency matrix, and the reply parser's duplicate keys.
class TestGatewayModules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryUnknownNameIsAClearError();
    void registryRefusesTwiceTheSameNameOrPath();
    void registryRoutesNotifyPathsToTheirGateway();
    void registryBuildsTheNamedClient();
    void registryKnowsEachGatewaysMatrixAndCodes();
    void iotPayClassifier_data();
    void iotPayClassifier();
    void iOnlineClassifier_data();
    void iOnlineClassifier();
    void typedOutcomeUnknownIsAmbiguous();
    void clientsAnswerNoSuchOrderFromTheTypedCode();
    void iotPayChannelCurrencies();
    void duplicateKeysAreRejectedAtEveryLevel_data();
    void duplicateKeysAreRejectedAtEveryLevel();
    void replyKeepsNumbersAsSent();
    void replyDepthLimit();

private:
    SystemClock m_clock;
};

namespace {

GatewayRegistry twoGateways(const Clock &clock)
{
    GatewayRegistry registry;
    IotPayConfig iotpay;
    iotpay.key = MerchantKey(QByteArrayLiteral("k1"));
    IOnlineNotifyConfig ionlineNotify;
    ionlineNotify.enabled = true;
    ionlineNotify.notifyPath = QByteArrayLiteral("/notify/second");
    (void)registry.add(iotPayGateway(
        iotpay, IotPayNotifyConfig{u"m1"_s, MerchantKey(QByteArrayLiteral("k1")), QByteArrayLiteral("/notify/first")}));
    (void)registry.add(iOnlineGateway(std::nullopt, ionlineNotify, clock));
    return registry;
}

} // namespace

void TestGatewayModules::registryUnknownNameIsAClearError()
{
    const GatewayRegistry registry = twoGateways(m_clock);
    QCOMPARE(registry.names(), QStringList({u"iotpay"_s, u"ionline"_s}));
    QVERIFY(registry.find(u"nosuch") == nullptr);
    const auto missing = registry.require(u"nosuch");
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY2(missing.error().detail.contains(u"'nosuch'") && missing.error().detail.contains(u"iotpay, ionline"),
             qPrintable(missing.error().detail));
    QNetworkAccessManager network;
    const auto client = registry.createClient(u"nosuch", network);
    QVERIFY(!client);
    QCOMPARE(client.error().code, ErrorCode::NotFound);
}

void TestGatewayModules::registryRefusesTwiceTheSameNameOrPath()
{
    GatewayRegistry registry = twoGateways(m_clock);
    const auto again = registry.add(iotPayGateway(std::nullopt, std::nullopt));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Duplicate);
    GatewayEntry samePath;
    samePath.name = u"third"_s;
    samePath.notify
        = std::make_shared<IotPayNotifyVerifier>(IotPayNotifyConfig{{}, {}, QByteArrayLiteral("/notify/second")});
    const auto clash = registry.add(std::move(samePath));
    QVERIFY(!clash);
    QCOMPARE(clash.error().code, ErrorCode::Duplicate);
    QVERIFY(!registry.add(GatewayEntry{}));
    QCOMPARE(registry.names().size(), 2);
}

void TestGatewayModules::registryRoutesNotifyPathsToTheirGateway()
{
    const GatewayRegistry registry = twoGateways(m_clock);
    const NotifyVerifier *first = registry.notifyFor("/notify/first");
    const NotifyVerifier *second = registry.notifyFor("/notify/second");
    QVERIFY(first && second);
    QCOMPARE(first->gatewayName(), u"iotpay"_s);
    QCOMPARE(second->gatewayName(), u"ionline"_s);
    QVERIFY(first->acceptsMethod("GET") && first->acceptsMethod("POST"));
    QVERIFY(!second->acceptsMethod("GET"));
    QVERIFY(registry.notifyFor("/notify/iotpay") == nullptr);
    QVERIFY(registry.notifyFor("/notify/first/") == nullptr);
    QVERIFY(registry.notifyFor("") == nullptr);
}

void TestGatewayModules::registryBuildsTheNamedClient()
{
    const GatewayRegistry registry = twoGateways(m_clock);
    QNetworkAccessManager network;
    const auto iotpay = registry.createClient(u"iotpay", network);
    QVERIFY(iotpay);
    QCOMPARE((*iotpay)->name(), u"iotpay"_s);
    // Configured for notifications only: asking for its client says so.
    const auto ionline = registry.createClient(u"ionline", network);
    QVERIFY(!ionline);
    QCOMPARE(ionline.error().code, ErrorCode::ConfigMissing);
}

void TestGatewayModules::registryKnowsEachGatewaysMatrixAndCodes()
{
    GatewayRegistry registry;
    IOnlinePayConfig ionline;
    ionline.merchant.currency = Currency::HKD;
    QVERIFY(registry.add(iotPayGateway(std::nullopt, std::nullopt)));
    QVERIFY(registry.add(iOnlineGateway(ionline, std::nullopt, m_clock)));
    const GatewayEntry *first = registry.find(u"iotpay");
    const GatewayEntry *second = registry.find(u"ionline");
    QVERIFY(first && second && first->accepts && second->accepts && first->classify && second->classify);
    QVERIFY(first->accepts(Channel::AlipayQr, Currency::CAD));
    QVERIFY(!first->accepts(Channel::AlipayQr, Currency::HKD));
    QVERIFY(second->accepts(Channel::WxJsapi, Currency::HKD));
    QVERIFY(!second->accepts(Channel::WxJsapi, Currency::CAD));
    QVERIFY(!second->accepts(Channel::WxNative, Currency::HKD));
    QCOMPARE(first->classify(u"0112"), ErrorCode::NoSuchOrder);
    QCOMPARE(second->classify(u"ORDERNOTEXIST"), ErrorCode::NoSuchOrder);
    QCOMPARE(second->classify(u"0112"), ErrorCode::GatewayFail);
}

void TestGatewayModules::iotPayClassifier_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorCode>("typed");
    QTest::newRow("signature") << u"0013"_s << ErrorCode::SignatureRejected;
    QTest::newRow("merchant") << u"0015"_s << ErrorCode::MerchantUnknown;
    QTest::newRow("parameters") << u"0014"_s << ErrorCode::RequestRejected;
    QTest::newRow("no order") << u"0112"_s << ErrorCode::NoSuchOrder;
    QTest::newRow("paid") << u"0113"_s << ErrorCode::AlreadyPaid;
    for (const char *code : {"0010", "0110", "0111", "0118", "SYSTEMERROR"})
        QTest::newRow(code) << QString::fromLatin1(code) << ErrorCode::OutcomeUnknown;
    QTest::newRow("POST required") << u"0011"_s << ErrorCode::GatewayFail;
    QTest::newRow("other") << u"FAIL"_s << ErrorCode::GatewayFail;
    QTest::newRow("iOnline's code means nothing here") << u"ORDERNOTEXIST"_s << ErrorCode::GatewayFail;
}

void TestGatewayModules::iotPayClassifier()
{
    QFETCH(QString, code);
    QFETCH(ErrorCode, typed);
    QCOMPARE(iotpay::errorCodeFor(code), typed);
}

void TestGatewayModules::iOnlineClassifier_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorCode>("typed");
    QTest::newRow("no order") << u"ORDERNOTEXIST"_s << ErrorCode::NoSuchOrder;
    QTest::newRow("system") << u"SYSTEMERROR"_s << ErrorCode::OutcomeUnknown;
    QTest::newRow("used") << u"OUT_TRADE_NO_USED"_s << ErrorCode::GatewayFail;
    QTest::newRow("IOTPay's code means nothing here") << u"0112"_s << ErrorCode::GatewayFail;
}

void TestGatewayModules::iOnlineClassifier()
{
    QFETCH(QString, code);
    QFETCH(ErrorCode, typed);
    QCOMPARE(ionline::errorCodeFor(code), typed);
}

void TestGatewayModules::typedOutcomeUnknownIsAmbiguous()
{
    const auto error = [](ErrorCode code, const QString &gatewayCode = {}) { return Error{code, {}, gatewayCode, 0}; };
    QVERIFY(error(ErrorCode::OutcomeUnknown).isAmbiguous());
    // The raw code alone decides nothing any more: only the gateway's classifier reads it.
    QVERIFY(!error(ErrorCode::GatewayFail, u"0010"_s).isAmbiguous());
    for (ErrorCode code : {ErrorCode::NoSuchOrder, ErrorCode::SignatureRejected, ErrorCode::MerchantUnknown,
                           ErrorCode::RequestRejected, ErrorCode::AlreadyPaid})
        QVERIFY(!error(code).isAmbiguous());
}

void TestGatewayModules::clientsAnswerNoSuchOrderFromTheTypedCode()
{
    QNetworkAccessManager network;
    IotPayClient iotpay(&network, IotPayConfig{});
    IOnlinePayClient ionline(&network, IOnlinePayConfig{}, m_clock);
    for (const PaymentGateway *gateway :
         {static_cast<const PaymentGateway *>(&iotpay), static_cast<const PaymentGateway *>(&ionline)}) {
        const auto error = [](ErrorCode code, const QString &gatewayCode = {}) {
            return Error{code, {}, gatewayCode, 0};
        };
        QVERIFY(gateway->isNoSuchOrder(error(ErrorCode::NoSuchOrder)));
        QVERIFY(!gateway->isNoSuchOrder(error(ErrorCode::GatewayFail, u"0112"_s)));
        QVERIFY(!gateway->isNoSuchOrder(error(ErrorCode::Timeout)));
    }
}

void TestGatewayModules::iotPayChannelCurrencies()
{
    for (Channel c : {Channel::WxNative, Channel::AlipayQr, Channel::UpiQr}) {
        QVERIFY(channelAcceptsCurrency(c, Currency::CAD));
        QVERIFY(channelAcceptsCurrency(c, Currency::USD));
        QVERIFY(!channelAcceptsCurrency(c, Currency::Invalid));
    }
    QVERIFY(channelAcceptsCurrency(Channel::WxNative, Currency::CNY));
    QVERIFY(!channelAcceptsCurrency(Channel::AlipayQr, Currency::CNY));
    QVERIFY(!channelAcceptsCurrency(Channel::UpiQr, Currency::CNY));
    QVERIFY(!channelAcceptsCurrency(Channel::Invalid, Currency::CAD));
    // HKD is an iOnline Pay currency: no IOTPay channel takes it.
    for (Channel c : {Channel::WxNative, Channel::AlipayQr, Channel::UpiQr, Channel::WxJsapi, Channel::WxApp})
        QVERIFY(!channelAcceptsCurrency(c, Currency::HKD));
    QVERIFY(iotPayAcceptsCurrency(Currency::CNY));
    QVERIFY(!iotPayAcceptsCurrency(Currency::HKD));
}

void TestGatewayModules::duplicateKeysAreRejectedAtEveryLevel_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("top level") << QByteArray(R"({"a":"1","b":2,"a":"3"})");
    QTest::newRow("escaped spelling") << QByteArray(R"({"amount":1,"\u0061mount":2})");
    QTest::newRow("nested object") << QByteArray(R"({"payParams":{"appId":"x","appId":"y"}})");
    QTest::newRow("object in an array") << QByteArray(R"({"list":[{"k":1},{"k":1,"k":2}]})");
}

void TestGatewayModules::duplicateKeysAreRejectedAtEveryLevel()
{
    QFETCH(QByteArray, json);
    JsonReply::Problem problem = JsonReply::Problem::None;
    const auto parsed = JsonReply::parse(json, {}, &problem);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::Unparseable);
    QCOMPARE(problem, JsonReply::Problem::DuplicateKey);
    QVERIFY2(parsed.error().detail.contains(u"duplicate"), qPrintable(parsed.error().detail));
    // The same key in two different objects is no duplicate.
    QVERIFY(JsonReply::parse(R"({"k":1,"o":{"k":2},"l":[{"k":3},{"k":4}]})"));
}

void TestGatewayModules::replyKeepsNumbersAsSent()
{
    const auto parsed = JsonReply::parse(R"({"amount":1e3,"n":2865,"nested":{"amount":5},"s":"7","t":true,"z":null})");
    QVERIFY(parsed);
    QCOMPARE(parsed->text(u"amount"_s), u"1e3"_s);
    QCOMPARE(parsed->text(u"n"_s), u"2865"_s);
    QCOMPARE(parsed->text(u"t"_s), u"true"_s);
    QVERIFY(!parsed->scalarText(u"z"_s));
    QVERIFY(!parsed->scalarText(u"nested"_s));
    QVERIFY(!parsed->count(u"amount"_s));
    QCOMPARE(parsed->count(u"n"_s).value(), std::optional<qint64>(2865));
    QCOMPARE(parsed->count(u"s"_s).value(), std::optional<qint64>(7));
    QCOMPARE(parsed->signedFields().size(), 4); // amount, n, s, t: nothing of null or objects
}

void TestGatewayModules::replyDepthLimit()
{
    JsonReply::Problem problem = JsonReply::Problem::None;
    QVERIFY(JsonReply::parse(R"({"a":{"b":[1]}})", {1024, 3}, &problem));
    QVERIFY(!JsonReply::parse(R"({"a":{"b":[1]}})", {1024, 2}, &problem));
    QCOMPARE(problem, JsonReply::Problem::TooDeep);
    QVERIFY(!JsonReply::parse(R"({"a":1} trailing)", {}, &problem));
    QCOMPARE(problem, JsonReply::Problem::NotJson);
    QVERIFY(!JsonReply::parse(R"([1,2])", {}, &problem));
    QCOMPARE(problem, JsonReply::Problem::NotObject);
    QVERIFY(!JsonReply::parse(QByteArray(2000, ' '), {1000, 16}, &problem));
    QCOMPARE(problem, JsonReply::Problem::TooLarge);
}

QTEST_GUILESS_MAIN(TestGatewayModules)
#include "test_gateway_modules.moc"

// The simulators' online parts, driven by the real clients: IOTPay's WX_JSAPI / WX_APP
// (extra checks, payParams), and the iOnline Pay service (jspay, inapp, query, signature
// errors, XML notify with retries until `success`).

#include "NotifyFactory.h"
#include "RawHttp.h"

#include "gateway/ionline/IOnlinePayClient.h"
#include "gateway/ionline/XmlNotifyDecoder.h"
#include "gateway/iotpay/IotPayClient.h"
#include "http/HttpServer.h"
#include "sim/GatewaySimulator.h"
#include "sim/IOnlineSimulator.h"

#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace paydesk;
using namespace paydesk::test;
using namespace Qt::StringLiterals;

namespace {

const MerchantKey IOnlineKey(QByteArrayLiteral("IONLINEKEY987654321"));

// Answers notifies from a script ("fail", "fail", "success", …) and keeps what it received.
class NotifyReceiver
{
public:
    explicit NotifyReceiver(QList<QByteArray> answers) : m_answers(std::move(answers)) {}

    quint16 start()
    {
        auto port = m_server.start({}, [this](const HttpRequest &request) {
            QMutexLocker lock(&m_mutex);
            m_requests.append(request);
            return HttpResponse::text(200, m_answers.isEmpty() ? QByteArray("success") : m_answers.takeFirst());
        });
        return port ? *port : 0;
    }
    QList<HttpRequest> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

private:
    HttpServer m_server;
    mutable QMutex m_mutex;
    QList<QByteArray> m_answers;
    QList<HttpRequest> m_requests;
};

Result<GatewayResponse> wait(GatewayCall *call)
{
    if (!call->isFinished()) {
        QSignalSpy finished(call, &GatewayCall::finished);
        finished.wait(10'000);
    }
    return call->result();
}

OrderRequest onlineOrder(const QString &number, Channel channel, const QString &notifyUrl)
{
    OrderRequest request;
    request.mchOrderNo = number;
    request.channel = channel;
    request.amount = Money{1500, Currency::CAD};
    request.subject = u"Tea"_s;
    request.body = u"Tea"_s;
    request.notifyUrl = notifyUrl;
    if (channel == Channel::WxJsapi)
        request.extra = {{u"openId"_s, u"o123"_s}, {u"type"_s, u"minipay"_s}, {u"appId"_s, u"wx1234567890abcdef"_s}};
    else
        request.extra = {{u"type"_s, u"apppay"_s}, {u"appId"_s, u"wx1234567890abcdef"_s}};
    return request;
}

} // namespace

class TestOnlineSimulators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void iotpayRejectsWrongExtra_data();
    void iotpayRejectsWrongExtra();
    void iotpayClientPayChannels();
    void ionlineCreateQueryPay();
    void ionlineRefusesBadSignatureAndReuse();
    void ionlineNotifyRetriesUntilSuccess();

private:
    SystemClock m_clock;
    QNetworkAccessManager m_network;
    MerchantKey m_key{QByteArray(TestKey)};
    std::unique_ptr<GatewaySimulator> m_iotpay;
    std::unique_ptr<IOnlineSimulator> m_ionline;
};

void TestOnlineSimulators::initTestCase()
{
    SimOptions options;
    options.key = m_key;
    m_iotpay = std::make_unique<GatewaySimulator>(options, m_clock, &m_network);
    QVERIFY(m_iotpay->start());
    IOnlineSimOptions ionline;
    ionline.key = IOnlineKey;
    ionline.notifyScheduleScale = 0.002;
    m_ionline = std::make_unique<IOnlineSimulator>(ionline, m_clock, &m_network);
    QVERIFY(m_ionline->start());
}

void TestOnlineSimulators::iotpayRejectsWrongExtra_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("extra");
    QTest::newRow("jsapi without openId") << u"WX_JSAPI"_s << u"{\"type\":\"minipay\",\"appId\":\"wx1\"}"_s;
    QTest::newRow("jsapi as apppay") << u"WX_JSAPI"_s << u"{\"type\":\"apppay\",\"openId\":\"o\",\"appId\":\"wx1\"}"_s;
    QTest::newRow("app without appId") << u"WX_APP"_s << u"{\"type\":\"apppay\"}"_s;
    QTest::newRow("app without extra") << u"WX_APP"_s << QString();
}

void TestOnlineSimulators::iotpayRejectsWrongExtra()
{
    QFETCH(QString, channel);
    QFETCH(QString, extra);
    // Signed correctly but never validated by our codec, to see the simulator's own checks.
    ParamList params{{u"mchId"_s, QString::fromLatin1(TestMchId)},
                     {u"mchOrderNo"_s, u"X1"_s},
                     {u"channelId"_s, channel},
                     {u"currency"_s, u"CAD"_s},
                     {u"amount"_s, u"100"_s},
                     {u"clientIp"_s, u"127.0.0.1"_s},
                     {u"notifyUrl"_s, u"http://127.0.0.1/n"_s},
                     {u"subject"_s, u"s"_s},
                     {u"body"_s, u"b"_s},
                     {u"jobNo"_s, u"j"_s}};
    if (!extra.isEmpty())
        params.append({u"extra"_s, extra});
    const RawReply reply
        = rawExchange(quint16(m_iotpay->baseUrl().port()),
                      httpRequest("POST", "/v1/create_order", IotPayCodec::signedFormBody(params, m_key)));
    const QJsonObject json = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(json.value(u"retCode").toString(), u"FAIL"_s);
    QCOMPARE(json.value(u"errCode").toString(), u"0014"_s);
    QVERIFY(!m_iotpay->order(u"X1"_s));
}

void TestOnlineSimulators::iotpayClientPayChannels()
{
    IotPayConfig config;
    config.baseUrl = m_iotpay->baseUrl();
    config.merchant = {QString::fromLatin1(TestMchId), u"cashier01"_s};
    config.key = m_key;
    config.requireSignedReplies = true;
    IotPayClient client(&m_network, config);
    const auto jsapi = wait(client.createOrder(onlineOrder(u"SIMJS1"_s, Channel::WxJsapi, u"http://127.0.0.1:9/n"_s)));
    QVERIFY2(jsapi, jsapi ? "" : qPrintable(describe(jsapi.error())));
    QCOMPARE(jsapi->payParams.value(u"signType").toString(), u"MD5"_s);
    QCOMPARE(jsapi->payParams.value(u"appId").toString(), u"wx1234567890abcdef"_s);
    QVERIFY(jsapi->qrPayload.isEmpty());
    const auto app = wait(client.createOrder(onlineOrder(u"SIMAPP1"_s, Channel::WxApp, u"http://127.0.0.1:9/n"_s)));
    QVERIFY(app);
    QCOMPARE(app->payParams.value(u"partnerid").toString(), QString::fromLatin1(TestMchId));
    QCOMPARE(app->payParams.value(u"package").toString(), u"Sign=WXPay"_s);
    // The query of a client-pay order carries no QR link.
    const auto query = wait(client.queryOrder({u"SIMJS1"_s, {}}));
    QVERIFY(query);
    QVERIFY(query->qrPayload.isEmpty());
    QCOMPARE(query->status, RemoteStatus::Created);
}

void TestOnlineSimulators::ionlineCreateQueryPay()
{
    IOnlinePayConfig config;
    config.gatewayUrl = m_ionline->gatewayUrl();
    config.merchant = {u"10085200000000"_s, Currency::CAD, u"1.0"_s};
    config.key = IOnlineKey;
    config.requireSignedReplies = true;
    IOnlinePayClient client(&m_network, config, m_clock);
    const auto created = wait(client.createOrder(onlineOrder(u"ION1"_s, Channel::WxJsapi, u"http://127.0.0.1:9/n"_s)));
    QVERIFY2(created, created ? "" : qPrintable(describe(created.error())));
    QVERIFY(created->signaturePresent);
    QVERIFY(created->payParams.value(u"package").toString().startsWith(u"prepay_id="));
    QVERIFY(!created->payUrl.isEmpty());
    QCOMPARE(created->payOrderId, m_ionline->order(u"ION1"_s)->transactionId);
    const auto inapp = wait(client.createOrder(onlineOrder(u"ION2"_s, Channel::WxApp, u"http://127.0.0.1:9/n"_s)));
    QVERIFY(inapp);
    QCOMPARE(inapp->payParams.value(u"package").toString(), u"Sign=WXPay"_s);

    auto unpaid = wait(client.queryOrder({u"ION1"_s, {}}));
    QVERIFY(unpaid);
    QCOMPARE(unpaid->status, RemoteStatus::Created);
    QVERIFY(m_ionline->pay(u"ION1"_s));
    auto paid = wait(client.queryOrder({{}, created->payOrderId}));
    QVERIFY(paid);
    QCOMPARE(paid->status, RemoteStatus::Paid);
    QCOMPARE(paid->amount, std::optional<Money>(Money{1500, Currency::CAD}));
    QVERIFY(paid->paySuccTimeMs > 0);
    const auto missing = wait(client.queryOrder({u"NOPE"_s, {}}));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NoSuchOrder);
    QCOMPARE(missing.error().gatewayCode, u"ORDERNOTEXIST"_s);
    const auto refund
        = wait(client.refundOrder({u"R1"_s, created->payOrderId, {1500, Currency::CAD}, u"127.0.0.1"_s, {}}));
    QCOMPARE(refund.error().code, ErrorCode::RequestInvalid);
}

void TestOnlineSimulators::ionlineRefusesBadSignatureAndReuse()
{
    IOnlinePayConfig config;
    config.gatewayUrl = m_ionline->gatewayUrl();
    config.merchant = {u"10085200000000"_s, Currency::CAD, u"1.0"_s};
    config.key = MerchantKey(QByteArrayLiteral("WRONGKEY"));
    IOnlinePayClient wrongKey(&m_network, config, m_clock);
    const auto refused
        = wait(wrongKey.createOrder(onlineOrder(u"ION3"_s, Channel::WxJsapi, u"http://127.0.0.1:9/n"_s)));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::GatewayFail);
    QCOMPARE(refused.error().gatewayCode, u"400"_s);
    QVERIFY(!m_ionline->order(u"ION3"_s));

    config.key = IOnlineKey;
    IOnlinePayClient client(&m_network, config, m_clock);
    QVERIFY(wait(client.createOrder(onlineOrder(u"ION4"_s, Channel::WxJsapi, u"http://127.0.0.1:9/n"_s))));
    const auto reused = wait(client.createOrder(onlineOrder(u"ION4"_s, Channel::WxJsapi, u"http://127.0.0.1:9/n"_s)));
    QVERIFY(!reused);
    QCOMPARE(reused.error().gatewayCode, u"OUT_TRADE_NO_USED"_s);
    QCOMPARE(m_ionline->order(u"ION4"_s)->createRequests, 2);
}

void TestOnlineSimulators::ionlineNotifyRetriesUntilSuccess()
{
    NotifyReceiver receiver({"fail", "FAIL", "  Success\r\n"});
    const quint16 port = receiver.start();
    QVERIFY(port);
    IOnlinePayConfig config;
    config.gatewayUrl = m_ionline->gatewayUrl();
    config.merchant = {u"10085200000000"_s, Currency::CAD, u"1.0"_s};
    config.key = IOnlineKey;
    IOnlinePayClient client(&m_network, config, m_clock);
    const QString notifyUrl = u"http://127.0.0.1:%1/notify/ionline"_s.arg(port);
    QVERIFY(wait(client.createOrder(onlineOrder(u"ION5"_s, Channel::WxJsapi, notifyUrl))));
    QSignalSpy answered(m_ionline.get(), &IOnlineSimulator::notifyAnswered);
    QVERIFY(m_ionline->pay(u"ION5"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_ionline->order(u"ION5"_s)->notifyAcknowledged, 10'000);
    QCOMPARE(m_ionline->order(u"ION5"_s)->notifyAttempts, 3);
    // (Other orders paid earlier keep retrying an address nobody listens on: count this one's.)
    const auto forThisOrder = std::count_if(answered.cbegin(), answered.cend(), [](const QList<QVariant> &answer) {
        return answer.at(0).toString() == u"ION5";
    });
    QCOMPARE(forThisOrder, 3);
    const QList<HttpRequest> requests = receiver.requests();
    QCOMPARE(requests.size(), 3);
    for (const HttpRequest &request : requests) {
        QCOMPARE(request.method, QByteArray("POST"));
        QVERIFY(request.header("Content-Type").startsWith("text/xml"));
        QVERIFY(request.body.contains("<![CDATA["));
        const auto fields = decodeXmlNotify(request.body); // the relay's strict decoder accepts it
        QVERIFY2(fields, fields ? "" : qPrintable(fields.error().detail));
        QString sign;
        QString total;
        for (const auto &[name, value] : *fields) {
            if (name == u"sign")
                sign = value;
            if (name == u"total_fee")
                total = value;
        }
        QVERIFY(IOnlinePayCodec::verify(*fields, IOnlineKey, sign));
        QCOMPARE(total, u"1500"_s);
    }
}

QTEST_GUILESS_MAIN(TestOnlineSimulators)
#include "test_online_simulators.moc"

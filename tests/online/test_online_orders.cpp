// Mini program and app orders end to end, through both gateways: a signed request to the
// relay's back-end endpoint -> the order in the log with its source -> the simulator's customer
// pays -> the gateway's notify -> PAID. Then everything the endpoint must refuse without
// creating anything: missing or bad authentication, bad requests, oversize bodies, floods.

#include "OnlineEnvironment.h"

#include "orders/OrderFilter.h"
#include "reports/DailyReport.h"

#include <QSignalSpy>
#include <QTest>

using namespace paydesk;
using namespace paydesk::test;
using namespace Qt::StringLiterals;

class TestOnlineOrders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void miniProgramThroughIotPay();
    void appThroughIotPay();
    void miniProgramThroughIOnline();
    void appThroughIOnline();
    void duplicateNotifiesAreIdempotent();
    void authenticationRequired_data();
    void authenticationRequired();
    void replayedRequestRefused();
    void badRequestsRejected_data();
    void badRequestsRejected();
    void transportRefusals_data();
    void transportRefusals();
    void clientOrderRefMakesOneOrder();
    void ambiguousGatewayAnswerLeavesOrderUnknown();
    void rateLimitedPerAddress();
    void endpointOffByDefault();
    void hongKongDollarsThroughIOnline();
    void onlineOrdersCarryTheRelaysStore();

private:
    // Creates an order through the endpoint; returns its reply (201 expected by the caller).
    QJsonObject create(const QJsonObject &body);
    void payAndExpectPaid(const QString &mchOrderNo, bool ionline);

    OnlineEnvironment m_env;
};

void TestOnlineOrders::initTestCase()
{
    QVERIFY(m_env.start());
    QVERIFY(m_env.m_apiPort != 0);
    QVERIFY(m_env.m_apiPort != m_env.m_notifyPort);
}

void TestOnlineOrders::cleanupTestCase()
{
    m_env.stop();
}

QJsonObject TestOnlineOrders::create(const QJsonObject &body)
{
    const RawReply reply = m_env.postPayment(body);
    if (reply.status != 201)
        qWarning() << "create:" << reply.status << reply.body;
    return reply.status == 201 ? jsonOf(reply) : QJsonObject();
}

void TestOnlineOrders::payAndExpectPaid(const QString &mchOrderNo, bool ionline)
{
    const auto paid = ionline ? m_env.m_ionline->pay(mchOrderNo) : m_env.m_iotpay->pay(mchOrderNo);
    QVERIFY2(paid, paid ? "" : qPrintable(describe(paid.error())));
    QTRY_COMPARE_WITH_TIMEOUT(m_env.stateOf(mchOrderNo), OrderState::Paid, 10'000);
    const auto order = m_env.m_log->orderByMchOrderNo(mchOrderNo);
    QVERIFY(order);
    QCOMPARE(m_env.paidTransitions(order->id), 1);
    QVERIFY(!order->late);
    QVERIFY(order->paidAtMs > 0);
    QVERIFY(!order->channelOrderNo.isEmpty());
}

void TestOnlineOrders::miniProgramThroughIotPay()
{
    QJsonObject body = miniProgramBody(2865);
    body.insert(u"clientOrderRef"_s, u"shop-1001"_s);
    const QJsonObject reply = create(body);
    QVERIFY(!reply.isEmpty());
    const QString number = reply.value(u"mchOrderNo").toString();
    QVERIFY2(number.startsWith(u"WEB"), qPrintable(number));
    QCOMPARE(reply.value(u"state").toString(), u"AWAITING"_s);
    QCOMPARE(reply.value(u"gateway").toString(), u"iotpay"_s);
    QCOMPARE(reply.value(u"clientOrderRef").toString(), u"shop-1001"_s);
    const QJsonObject payParams = reply.value(u"payParams").toObject();
    for (const QString &key : {u"appId"_s, u"timeStamp"_s, u"nonceStr"_s, u"package"_s, u"signType"_s, u"paySign"_s})
        QVERIFY2(payParams.value(key).isString() && !payParams.value(key).toString().isEmpty(), qPrintable(key));
    QVERIFY(payParams.value(u"package").toString().startsWith(u"prepay_id="));
    QCOMPARE(payParams.value(u"appId").toString(), QString::fromLatin1(AppId));

    // The order in the log, and what the gateway received.
    const auto order = m_env.m_log->orderByMchOrderNo(number);
    QVERIFY(order);
    QCOMPARE(order->source, OrderSource::MiniProgram);
    QCOMPARE(order->gateway, u"iotpay"_s);
    QCOMPARE(order->channel, Channel::WxJsapi);
    QCOMPARE(order->amount, (Money{2865, Currency::CAD}));
    QCOMPARE(order->state, OrderState::Awaiting);
    QVERIFY(!order->payOrderId.isEmpty());
    QVERIFY(order->expiresAtMs > order->createdAtMs);
    const auto simOrder = m_env.m_iotpay->order(number);
    QVERIFY(simOrder);
    QCOMPARE(simOrder->channelId, u"WX_JSAPI"_s);
    QCOMPARE(simOrder->payParams, payParams);
    QCOMPARE(simOrder->param1, u"shop-1001"_s);
    QCOMPARE(m_env.count(u"SELECT COUNT(*) FROM gateway_messages WHERE order_id = ?"_s, {order->id}), 2);

    payAndExpectPaid(number, false);
}

void TestOnlineOrders::appThroughIotPay()
{
    QJsonObject body = appBody(700);
    body.insert(u"currency"_s, u"USD"_s);
    const QJsonObject reply = create(body);
    QVERIFY(!reply.isEmpty());
    const QJsonObject payParams = reply.value(u"payParams").toObject();
    QCOMPARE(payParams.value(u"package").toString(), u"Sign=WXPay"_s);
    for (const QString &key : {u"appid"_s, u"partnerid"_s, u"prepayid"_s, u"noncestr"_s, u"timestamp"_s, u"sign"_s})
        QVERIFY2(!payParams.value(key).toString().isEmpty(), qPrintable(key));
    const QString number = reply.value(u"mchOrderNo").toString();
    const auto order = m_env.m_log->orderByMchOrderNo(number);
    QVERIFY(order);
    QCOMPARE(order->source, OrderSource::App);
    QCOMPARE(order->channel, Channel::WxApp);
    QCOMPARE(order->amount, (Money{700, Currency::USD}));
    payAndExpectPaid(number, false);
}

void TestOnlineOrders::miniProgramThroughIOnline()
{
    QJsonObject body = miniProgramBody(1888);
    body.insert(u"gateway"_s, u"ionline"_s);
    body.insert(u"clientIp"_s, u"203.0.113.9"_s);
    const QJsonObject reply = create(body);
    QVERIFY(!reply.isEmpty());
    QCOMPARE(reply.value(u"gateway").toString(), u"ionline"_s);
    QVERIFY(reply.value(u"payUrl").toString().startsWith(u"https://"));
    const QJsonObject payParams = reply.value(u"payParams").toObject();
    QVERIFY(payParams.value(u"package").toString().startsWith(u"prepay_id="));
    QVERIFY(!payParams.value(u"paySign").toString().isEmpty());
    const QString number = reply.value(u"mchOrderNo").toString();
    const auto order = m_env.m_log->orderByMchOrderNo(number);
    QVERIFY(order);
    QCOMPARE(order->source, OrderSource::MiniProgram);
    QCOMPARE(order->gateway, u"ionline"_s);
    QCOMPARE(order->qrPayload, reply.value(u"payUrl").toString());
    const auto simOrder = m_env.m_ionline->order(number);
    QVERIFY(simOrder);
    QCOMPARE(simOrder->service, u"ionline.pay.weixin.jspay.intl"_s);
    QCOMPARE(simOrder->subOpenId, QString::fromLatin1(OpenId));
    QCOMPARE(simOrder->subAppId, QString::fromLatin1(AppId));
    QCOMPARE(simOrder->totalFee, 1888);
    QCOMPARE(simOrder->payInfo, payParams);
    QCOMPARE(order->payOrderId, simOrder->transactionId);

    payAndExpectPaid(number, true);
    const auto audit = m_env.m_log->notificationsBetween(0, std::numeric_limits<qint64>::max());
    QVERIFY(audit);
    bool accepted = false;
    for (const NotificationRecord &record : *audit)
        accepted = accepted
            || (record.mchOrderNo == number && record.verdict == u"accepted" && record.gateway == u"ionline");
    QVERIFY(accepted);
    QTRY_VERIFY(m_env.m_ionline->order(number)->notifyAcknowledged);
}

void TestOnlineOrders::appThroughIOnline()
{
    QJsonObject body = appBody(4200);
    body.insert(u"gateway"_s, u"ionline"_s);
    const QJsonObject reply = create(body);
    QVERIFY(!reply.isEmpty());
    QCOMPARE(reply.value(u"payParams").toObject().value(u"package").toString(), u"Sign=WXPay"_s);
    QVERIFY(!reply.contains(u"payUrl"));
    const QString number = reply.value(u"mchOrderNo").toString();
    QCOMPARE(m_env.m_ionline->order(number)->service, u"ionline.pay.weixin.inapp.intl"_s);
    QCOMPARE(m_env.m_log->orderByMchOrderNo(number)->source, OrderSource::App);
    payAndExpectPaid(number, true);
}

void TestOnlineOrders::duplicateNotifiesAreIdempotent()
{
    const QString viaIotPay = create(miniProgramBody(111)).value(u"mchOrderNo").toString();
    QJsonObject ionlineBody = appBody(222);
    ionlineBody.insert(u"gateway"_s, u"ionline"_s);
    const QString viaIOnline = create(ionlineBody).value(u"mchOrderNo").toString();
    QVERIFY(!viaIotPay.isEmpty() && !viaIOnline.isEmpty());

    SimFaults faults;
    faults.duplicateNotifies = 3;
    m_env.m_iotpay->setFaults(faults);
    m_env.m_ionline->setFaults({false, false, 3});
    QSignalSpy iotpayAnswers(m_env.m_iotpay.get(), &GatewaySimulator::notifyAnswered);
    QSignalSpy ionlineAnswers(m_env.m_ionline.get(), &IOnlineSimulator::notifyAnswered);
    QVERIFY(m_env.m_iotpay->pay(viaIotPay));
    QVERIFY(m_env.m_ionline->pay(viaIOnline));
    QTRY_COMPARE_WITH_TIMEOUT(iotpayAnswers.size(), 4, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(ionlineAnswers.size(), 4, 10'000);
    m_env.m_iotpay->clearFaults();
    m_env.m_ionline->setFaults({});
    for (const QList<QVariant> &answer : iotpayAnswers)
        QVERIFY(answer.at(1).toBool()); // every copy acknowledged with `success`
    for (const QList<QVariant> &answer : ionlineAnswers)
        QVERIFY(answer.at(1).toBool());

    // And a replay of the XML, long after: acknowledged, nothing changes.
    const RawReply replay
        = m_env.postIOnlineNotify(OnlineEnvironment::ionlineNotify(viaIOnline, 222, m_env.m_ionlineKey));
    QCOMPARE(replay.body, QByteArray("success"));
    for (const QString &number : {viaIotPay, viaIOnline}) {
        const auto order = m_env.m_log->orderByMchOrderNo(number);
        QCOMPARE(order->state, OrderState::Paid);
        QCOMPARE(m_env.paidTransitions(order->id), 1);
    }
    QCOMPARE(m_env.count(u"SELECT COUNT(*) FROM notifications WHERE mch_order_no = ? AND verdict = 'duplicate'"_s,
                         {viaIOnline}),
             4);
}

void TestOnlineOrders::authenticationRequired_data()
{
    QTest::addColumn<QByteArray>("request");
    const QByteArray body = compact(miniProgramBody());
    QTest::newRow("no headers") << httpRequest("POST", "/api/v1/payments", body, "application/json");
    QTest::newRow("timestamp only") << httpRequest("POST", "/api/v1/payments", body, "application/json",
                                                   "X-PayDesk-Timestamp: " + QByteArray::number(nowSeconds()) + "\r\n");
    QTest::newRow("wrong secret") << signedApiRequest(body, nowSeconds(), "not-the-shared-secret-at-all-000");
    QTest::newRow("expired") << signedApiRequest(body, nowSeconds() - 6 * 60);
    QTest::newRow("from the future") << signedApiRequest(body, nowSeconds() + 6 * 60);
    QByteArray tampered = signedApiRequest(body, nowSeconds());
    tampered.replace("\"amount\":2865", "\"amount\":2866");
    QTest::newRow("body changed after signing") << tampered;
    QByteArray badSignature = signedApiRequest(body, nowSeconds());
    const qsizetype at = badSignature.indexOf("X-PayDesk-Signature: ") + 21;
    badSignature[at] = badSignature[at] == '0' ? '1' : '0';
    QTest::newRow("signature off by one digit") << badSignature;
}

void TestOnlineOrders::authenticationRequired()
{
    QFETCH(QByteArray, request);
    const qint64 ordersBefore = m_env.orderCount();
    const qsizetype gatewayOrdersBefore = m_env.m_iotpay->orders().size();
    const RawReply reply = rawExchange(m_env.m_apiPort, request);
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonOf(reply).value(u"error").toString(), u"unauthorized"_s);
    QCOMPARE(m_env.orderCount(), ordersBefore);
    QCOMPARE(m_env.m_iotpay->orders().size(), gatewayOrdersBefore);
}

void TestOnlineOrders::replayedRequestRefused()
{
    const QByteArray request = signedApiRequest(compact(miniProgramBody(333)), nowSeconds());
    QCOMPARE(rawExchange(m_env.m_apiPort, request, 15'000).status, 201);
    const qint64 orders = m_env.orderCount();
    const RawReply replay = rawExchange(m_env.m_apiPort, request, 15'000);
    QCOMPARE(replay.status, 401);
    QVERIFY(replay.body.contains("replayed"));
    QCOMPARE(m_env.orderCount(), orders);
}

void TestOnlineOrders::badRequestsRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    auto with = [](QJsonObject object, const QString &key, const QJsonValue &value) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return compact(object);
    };
    const QJsonObject mini = miniProgramBody();
    QTest::newRow("channel WX_NATIVE") << with(mini, u"channel"_s, u"WX_NATIVE"_s);
    QTest::newRow("channel lower case") << with(mini, u"channel"_s, u"wx_jsapi"_s);
    QTest::newRow("channel missing") << with(mini, u"channel"_s, QJsonValue::Undefined);
    QTest::newRow("amount zero") << with(mini, u"amount"_s, 0);
    QTest::newRow("amount negative") << with(mini, u"amount"_s, -5);
    QTest::newRow("amount decimal") << with(mini, u"amount"_s, 28.65);
    QTest::newRow("amount as string") << with(mini, u"amount"_s, u"2865"_s);
    QTest::newRow("amount too large") << with(mini, u"amount"_s, 100'000'001);
    QTest::newRow("amount missing") << with(mini, u"amount"_s, QJsonValue::Undefined);
    QByteArray exponent = compact(mini);
    exponent.replace("\"amount\":2865", "\"amount\":2.865e3");
    QTest::newRow("amount exponent") << exponent;
    QByteArray point = compact(mini);
    point.replace("\"amount\":2865", "\"amount\":2865.0");
    QTest::newRow("amount 2865.0") << point;
    QTest::newRow("missing openId") << with(mini, u"openId"_s, QJsonValue::Undefined);
    QTest::newRow("openId with spaces") << with(mini, u"openId"_s, u"o U p"_s);
    QTest::newRow("missing appId") << with(mini, u"appId"_s, QJsonValue::Undefined);
    QTest::newRow("openId on WX_APP") << with(appBody(), u"openId"_s, QString::fromLatin1(OpenId));
    QTest::newRow("currency unknown") << with(mini, u"currency"_s, u"EUR"_s);
    QTest::newRow("currency lower case") << with(mini, u"currency"_s, u"cad"_s);
    QTest::newRow("CNY on WX_APP") << with(appBody(), u"currency"_s, u"CNY"_s);
    QJsonObject ionlineUsd = mini;
    ionlineUsd.insert(u"gateway"_s, u"ionline"_s);
    QTest::newRow("USD on iOnline (CAD account)") << with(ionlineUsd, u"currency"_s, u"USD"_s);
    QTest::newRow("HKD on IOTPay") << with(mini, u"currency"_s, u"HKD"_s);
    QTest::newRow("subject missing") << with(mini, u"subject"_s, QJsonValue::Undefined);
    QTest::newRow("subject too long") << with(mini, u"subject"_s, QString(65, u'x'));
    QTest::newRow("subject control char") << with(mini, u"subject"_s, u"tea\u0001"_s);
    QTest::newRow("unknown gateway") << with(mini, u"gateway"_s, u"paypal"_s);
    QTest::newRow("unknown field") << with(mini, u"tip"_s, 100);
    QTest::newRow("bad clientOrderRef") << with(mini, u"clientOrderRef"_s, u"a b"_s);
    QTest::newRow("bad clientIp") << with(mini, u"clientIp"_s, u"localhost"_s);
    QTest::newRow("nested object") << with(mini, u"subject"_s, QJsonObject{{u"a"_s, 1}});
    QByteArray twice = compact(mini);
    twice.insert(1, "\"amount\":1,");
    QTest::newRow("amount twice") << twice;
    QTest::newRow("not JSON") << QByteArray("channel=WX_JSAPI&amount=2865");
    QTest::newRow("JSON array") << QByteArray("[1,2,3]");
    QTest::newRow("empty body") << QByteArray();
}

void TestOnlineOrders::badRequestsRejected()
{
    QFETCH(QByteArray, body);
    const qint64 ordersBefore = m_env.orderCount();
    const RawReply reply = rawExchange(m_env.m_apiPort, signedApiRequest(body, nowSeconds()));
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonOf(reply).value(u"error").toString(), u"bad_request"_s);
    QVERIFY(!jsonOf(reply).value(u"message").toString().isEmpty());
    QCOMPARE(m_env.orderCount(), ordersBefore);
}

void TestOnlineOrders::transportRefusals_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QJsonObject padded = miniProgramBody();
    padded.insert(u"body"_s, QString(250, u'x'));
    QByteArray fiveKiB = compact(padded);
    fiveKiB.append(QByteArray(5 * 1024, ' ')); // JSON allows trailing whitespace; the cap does not
    QTest::newRow("body over the endpoint cap") << signedApiRequest(fiveKiB, nowSeconds()) << 413;
    QTest::newRow("body over the listener cap") << signedApiRequest(QByteArray(9 * 1024, ' '), nowSeconds()) << 413;
    QTest::newRow("text/plain") << signedApiRequest(compact(miniProgramBody()), nowSeconds(), ApiSecret, "text/plain")
                                << 415;
    QTest::newRow("JSON in another charset")
        << signedApiRequest(compact(miniProgramBody(2866)), nowSeconds(), ApiSecret, "application/json; charset=latin1")
        << 415;
    QTest::newRow("GET") << signedApiRequest({}, nowSeconds(), ApiSecret, {}, "/api/v1/payments", "GET") << 405;
    // Each row signs a different body: the same signature twice would be refused as a replay.
    QTest::newRow("other path") << signedApiRequest(compact(miniProgramBody(2867)), nowSeconds(), ApiSecret,
                                                    "application/json", "/api/v1/refunds")
                                << 404;
    QTest::newRow("query string") << signedApiRequest(compact(miniProgramBody(2868)), nowSeconds(), ApiSecret,
                                                      "application/json", "/api/v1/payments?amount=1")
                                  << 400;
    QTest::newRow("notify path on the API port") << httpRequest("POST", "/notify/iotpay", "a=b") << 404;
}

void TestOnlineOrders::transportRefusals()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const qint64 ordersBefore = m_env.orderCount();
    QCOMPARE(rawExchange(m_env.m_apiPort, request).status, status);
    QCOMPARE(m_env.orderCount(), ordersBefore);
}

void TestOnlineOrders::clientOrderRefMakesOneOrder()
{
    QJsonObject body = miniProgramBody(555);
    body.insert(u"clientOrderRef"_s, u"cart-77"_s);
    const QJsonObject first = create(body);
    QVERIFY(!first.isEmpty());
    const qint64 orders = m_env.orderCount();
    body.insert(u"subject"_s, u"Bubble tea (retry)"_s); // another body, so another signature
    const RawReply again = m_env.postPayment(body);
    QCOMPARE(again.status, 409);
    QCOMPARE(jsonOf(again).value(u"error").toString(), u"duplicate_client_order_ref"_s);
    QCOMPARE(jsonOf(again).value(u"mchOrderNo").toString(), first.value(u"mchOrderNo").toString());
    QCOMPARE(m_env.orderCount(), orders);
    QCOMPARE(m_env.m_iotpay->order(first.value(u"mchOrderNo").toString())->createRequests, 1);
}

void TestOnlineOrders::ambiguousGatewayAnswerLeavesOrderUnknown()
{
    SimFaults faults;
    faults.serverErrorStatus = 502; // the order is made, the reply is an HTML error page
    faults.calls = 1;
    m_env.m_iotpay->setFaults(faults);
    const RawReply reply = m_env.postPayment(miniProgramBody(666));
    QCOMPARE(reply.status, 504);
    const QJsonObject json = jsonOf(reply);
    QCOMPARE(json.value(u"error").toString(), u"gateway_outcome_unknown"_s);
    const QString number = json.value(u"mchOrderNo").toString();
    QCOMPARE(m_env.stateOf(number), OrderState::Unknown);
    QVERIFY(m_env.m_iotpay->order(number)); // it does exist at the gateway: resolved by query later

    // A reply whose signature does not verify is not trusted either.
    m_env.m_ionline->setFaults({true, false, 0});
    QJsonObject body = miniProgramBody(667);
    body.insert(u"gateway"_s, u"ionline"_s);
    const RawReply forged = m_env.postPayment(body);
    m_env.m_ionline->setFaults({});
    QCOMPARE(forged.status, 504);
    QCOMPARE(m_env.stateOf(jsonOf(forged).value(u"mchOrderNo").toString()), OrderState::Unknown);
}

void TestOnlineOrders::rateLimitedPerAddress()
{
    OnlineEnvironment limited;
    QVERIFY(limited.start([](RelayOptions &options) { options.api.rate = {0.01, 3.0, 100}; }));
    // Unsigned requests count too: a flood of garbage cannot buy time for guessing.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            rawExchange(limited.m_apiPort, httpRequest("POST", "/api/v1/payments", "{}", "application/json")).status,
            401);
    const RawReply limitedReply = limited.postPayment(miniProgramBody());
    QCOMPARE(limitedReply.status, 429);
    QCOMPARE(jsonOf(limitedReply).value(u"error").toString(), u"rate_limited"_s);
    QVERIFY(limitedReply.headers.toLower().contains("retry-after: "));
    QCOMPARE(limited.orderCount(), 0);
    // The notify listener is not rate-limited by the endpoint's bucket.
    QCOMPARE(rawExchange(limited.m_notifyPort, httpRequest("GET", "/health")).status, 200);
    const QJsonObject health
        = QJsonDocument::fromJson(rawExchange(limited.m_notifyPort, httpRequest("GET", "/health")).body).object();
    QCOMPARE(health.value(u"api").toObject().value(u"rateLimited").toInteger(), 1);
    QCOMPARE(health.value(u"api").toObject().value(u"unauthorized").toInteger(), 3);
    limited.stop();
}

void TestOnlineOrders::endpointOffByDefault()
{
    QTemporaryDir dir;
    RelayOptions options;
    options.orderLogPath = dir.filePath(u"orders.sqlite"_s);
    options.notify.mchId = QString::fromLatin1(TestMchId);
    options.notify.key = MerchantKey(QByteArray(TestKey));
    SystemClock clock;
    RelayService relay(options, clock);
    auto port = relay.start();
    QVERIFY(port);
    QCOMPARE(relay.apiPort(), quint16(0));
    // Neither the API path nor the iOnline notify path answers on the notify listener.
    QCOMPARE(rawExchange(*port, signedApiRequest(compact(miniProgramBody()), nowSeconds())).status, 404);
    QCOMPARE(rawExchange(*port, httpRequest("POST", "/notify/ionline", "<xml/>", "text/xml")).status, 404);

    // Enabled without a usable secret or gateway, it refuses to start and says why.
    options.api.enabled = true;
    options.api.secret = "short";
    RelayService noSecret(options, clock);
    auto refused = noSecret.start();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::ConfigMissing);
    options.api.secret = ApiSecret;
    RelayService noGateway(options, clock);
    QVERIFY(!noGateway.start());
}

// iOnline Pay's default currency: an HKD account takes HKD orders end to end, and the order,
// the notify and the order log all say HKD.
void TestOnlineOrders::hongKongDollarsThroughIOnline()
{
    OnlineEnvironment hk;
    hk.m_ionlineCurrency = Currency::HKD;
    QVERIFY(hk.start());
    QJsonObject body = miniProgramBody(8800);
    body.insert(u"gateway"_s, u"ionline"_s);
    body.insert(u"currency"_s, u"HKD"_s);
    const RawReply reply = hk.postPayment(body);
    QCOMPARE(reply.status, 201);
    const QString number = jsonOf(reply).value(u"mchOrderNo").toString();
    QVERIFY(hk.m_ionline->pay(number));
    QTRY_COMPARE_WITH_TIMEOUT(hk.stateOf(number), OrderState::Paid, 10'000);
    const auto order = hk.m_log->orderByMchOrderNo(number);
    QVERIFY(order);
    QCOMPARE(order->amount, (Money{8800, Currency::HKD}));
    // CAD is not this account's currency.
    body.insert(u"currency"_s, u"CAD"_s);
    QCOMPARE(hk.postPayment(body).status, 400);
    hk.stop();
}

// In a chain's database a relay's online orders belong to its store (api storeId: store/storeId
// or --store-id): the order row and the store-scoped report have them, /health says the store.
// Without a store id they have none, as on a single store.
void TestOnlineOrders::onlineOrdersCarryTheRelaysStore()
{
    OnlineEnvironment store;
    QVERIFY(store.start([](RelayOptions &options) { options.api.storeId = u"S2"_s; }));
    const RawReply reply = store.postPayment(miniProgramBody(4100));
    QCOMPARE(reply.status, 201);
    const QString number = jsonOf(reply).value(u"mchOrderNo").toString();
    const auto order = store.m_log->orderByMchOrderNo(number);
    QVERIFY(order);
    QCOMPARE(order->storeId, u"S2"_s);
    OrderFilter filter;
    filter.storeId = u"S2"_s;
    QCOMPARE(*store.m_log->countFilteredOrders(filter), qint64(1));
    const ReportDay day{QDateTime::fromMSecsSinceEpoch(order->createdAtMs, QTimeZone::utc()).date(), QTimeZone::utc(),
                        0};
    const auto scoped = buildDailyReport(*store.m_log, day, {u"S2"_s, {}});
    QVERIFY(scoped);
    QCOMPARE(scoped->orderCount, 1);
    QCOMPARE(scoped->stores.size(), 1);
    QCOMPARE(scoped->stores.first().storeId, u"S2"_s);
    QCOMPARE(buildDailyReport(*store.m_log, day, {u"S1"_s, {}})->orderCount, 0);
    const QJsonObject health
        = QJsonDocument::fromJson(rawExchange(store.m_notifyPort, httpRequest("GET", "/health")).body).object();
    QCOMPARE(health.value(u"api"_s).toObject().value(u"storeId"_s).toString(), u"S2"_s);
    store.stop();

    // The shared environment's relay has none.
    const QJsonObject plain = create(appBody(650));
    QVERIFY(!plain.isEmpty());
    QCOMPARE(m_env.m_log->orderByMchOrderNo(plain.value(u"mchOrderNo"_s).toString())->storeId, QString());
    const QJsonObject none
        = QJsonDocument::fromJson(rawExchange(m_env.m_notifyPort, httpRequest("GET", "/health")).body).object();
    QVERIFY(none.value(u"api"_s).toObject().contains(u"storeId"_s));
    QCOMPARE(none.value(u"api"_s).toObject().value(u"storeId"_s).toString(), QString());
}

QTEST_GUILESS_MAIN(TestOnlineOrders)
#include "test_online_orders.moc"

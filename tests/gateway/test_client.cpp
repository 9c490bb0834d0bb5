#include "GatewayTestUtil.h"
#include "ScriptedHttpServer.h"
#include "SelfSignedTls.h"

#include "gateway/iotpay/IotPayClient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTest>

#include <memory>

using namespace paydesk;
using namespace paydesk::testutil;
using namespace Qt::StringLiterals;

namespace {

QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logLines.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray failReply(const QByteArray &errCode)
{
    QJsonObject fields = successEnvelope();
    fields.insert(u"resCode"_s, u"FAIL"_s);
    fields.insert(u"errCode"_s, QString::fromLatin1(errCode));
    fields.insert(u"errCodeDes"_s, QString(u"gateway says "_s + QString::fromLatin1(errCode)));
    return signedReply(fields);
}

QString errorText(const Result<GatewayResponse> &result)
{
    return result ? u"success"_s : describe(result.error());
}

} // namespace

class TestClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void successSendsExactRequest();
    void baseUrlWithoutTrailingSlash();
    void retCodeFailSignatureError();
    void resCodeFail_data();
    void resCodeFail();
    void badSignatureIsRejectedAndLoggedRedacted();
    void unsignedReplyWhenSignatureRequired();
    void lateReplyTimesOut();
    void tricklingBodyTimesOut();
    void redirectIsNotFollowed_data();
    void redirectIsNotFollowed();
    void garbageIsUnparseable_data();
    void garbageIsUnparseable();
    void serverErrors_data();
    void serverErrors();
    void closedWithoutReplyIsNetworkAndNotResent();
    void connectionRefusedIsNetwork();
    void oversizedReply_data();
    void oversizedReply();
    void invalidRequestSendsNothing();
    void replyForAnotherOrderOrAmount();
    void queryChecksTheOrderItAskedFor();
    void refundRequest();
    void untrustedCertificateIsTlsFailure();
    void deletingCallAbortsRequest();

private:
    IotPayClient *makeClient(int deadlineMs = 5000, qint64 maxReplyBytes = 1 << 20);
    bool waitFinished(GatewayCall *call, int timeoutMs = 5000);
    Result<GatewayResponse> createWith(ScriptedReply reply, int deadlineMs = 5000);

    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<IotPayClient> m_client;
};

void TestClient::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureLog);
}

void TestClient::init()
{
    g_logLines.clear();
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
    for (const QString &line : std::as_const(g_logLines))
        QVERIFY2(!line.contains(u"TESTKEY0123456789"), "the merchant key never reaches a log line");
}

IotPayClient *TestClient::makeClient(int deadlineMs, qint64 maxReplyBytes)
{
    IotPayConfig config;
    config.baseUrl = m_server->baseUrl();
    config.merchant = testMerchant();
    config.key = testKey();
    config.deadlineMs = deadlineMs;
    config.maxReplyBytes = maxReplyBytes;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
    return m_client.get();
}

bool TestClient::waitFinished(GatewayCall *call, int timeoutMs)
{
    QSignalSpy spy(call, &GatewayCall::finished);
    if (!call->isFinished() && !spy.wait(timeoutMs))
        return false;
    QTest::qWait(20); // a second finished() would show up here
    return call->isFinished() && spy.count() <= 1;
}

Result<GatewayResponse> TestClient::createWith(ScriptedReply reply, int deadlineMs)
{
    m_server->setReply(std::move(reply));
    GatewayCall *call = makeClient(deadlineMs)->createOrder(vector2Order());
    if (!waitFinished(call, deadlineMs + 5000))
        return fail(ErrorCode::Invalid, u"call did not finish"_s);
    return call->result();
}

void TestClient::successSendsExactRequest()
{
    m_server->setReply(
        {ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(createSuccessFields())), 0, 0});
    GatewayCall *call = makeClient()->createOrder(vector2Order());
    QVERIFY2(!call->isFinished(), "finished() is never delivered from inside createOrder()");
    QCOMPARE(call->kind(), GatewayCall::Kind::CreateOrder);
    QVERIFY(waitFinished(call));
    const auto &result = call->result();
    QVERIFY2(result.has_value(), qPrintable(errorText(result)));
    QCOMPARE(result->payOrderId, u"P01202401011230000001"_s);
    QCOMPARE(result->qrPayload, u"weixin://wxpay/bizpayurl?pr=abc123"_s);

    QCOMPARE(m_server->requests().size(), 1);
    const ReceivedRequest &request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/v1/create_order"));
    QCOMPARE(request.header("content-type"), QByteArray("application/x-www-form-urlencoded; charset=UTF-8"));
    QVERIFY(request.body.startsWith("params="));
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromPercentEncoding(request.body.sliced(7))).object();
    QCOMPARE(json.value(u"mchOrderNo").toString(), u"POS20240101123000001"_s);
    QCOMPARE(json.value(u"amount").toInteger(), 2865);
    QCOMPARE(json.value(u"sign").toString(), u"041807E1FB72DE3A89C7D25CD83AD55C"_s);
    ParamList fields;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        fields.append(
            {it.key(), it.value().isDouble() ? QString::number(it.value().toInteger()) : it.value().toString()});
    }
    QVERIFY(Signer::verify(fields, testKey(), json.value(u"sign").toString()));
    QCOMPARE(QJsonDocument::fromJson(call->requestJson()).object(), json);
    QVERIFY(!call->requestJson().contains("TESTKEY"));
    QVERIFY(!request.body.contains("TESTKEY"));
}

void TestClient::baseUrlWithoutTrailingSlash()
{
    m_server->setReply(
        {ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(successEnvelope())), 0, 0});
    IotPayConfig config;
    QUrl base = m_server->baseUrl();
    base.setPath(u"/v1"_s);
    config.baseUrl = base;
    config.merchant = testMerchant();
    config.key = testKey();
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
    GatewayCall *call = m_client->queryOrder(OrderLookup{u"POS20240101123000001"_s, {}});
    QVERIFY(waitFinished(call));
    QVERIFY2(call->result().has_value(), qPrintable(errorText(call->result())));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().target, QByteArray("/v1/query_order"));
}

void TestClient::retCodeFailSignatureError()
{
    const auto result
        = createWith({ScriptedReply::Kind::Respond,
                      ScriptedHttpServer::response(200, R"({"retCode":"FAIL","retMsg":"signature error"})"), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::SignatureRejected);
    QCOMPARE(result.error().gatewayCode, u"0013"_s);
    QVERIFY2(!result.error().isAmbiguous(), "a refused signature created nothing");
    const bool logged = std::any_of(g_logLines.cbegin(), g_logLines.cend(), [](const QString &line) {
        return line.contains(u"mchOrderNo=POS20240101123000001") && line.endsWith(u"&key=***");
    });
    QVERIFY2(logged, "the redacted request canonical string is logged on 0013");
}

void TestClient::resCodeFail_data()
{
    QTest::addColumn<QByteArray>("errCode");
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<int>("typed");
    QTest::newRow("0010") << QByteArray("0010") << true << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("0110") << QByteArray("0110") << true << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("SYSTEMERROR") << QByteArray("SYSTEMERROR") << true << int(ErrorCode::OutcomeUnknown);
    QTest::newRow("0113") << QByteArray("0113") << false << int(ErrorCode::AlreadyPaid);
}

void TestClient::resCodeFail()
{
    QFETCH(QByteArray, errCode);
    QFETCH(bool, ambiguous);
    QFETCH(int, typed);
    const auto result
        = createWith({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, failReply(errCode)), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().code), typed);
    QCOMPARE(result.error().gatewayCode, QString::fromLatin1(errCode));
    QCOMPARE(result.error().isAmbiguous(), ambiguous);
}

void TestClient::badSignatureIsRejectedAndLoggedRedacted()
{
    QJsonObject fields = QJsonDocument::fromJson(signedReply(createSuccessFields())).object();
    fields.insert(u"codeUrl"_s, u"https://evil.example/pay"_s); // swapped after signing
    const auto result = createWith(
        {ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, QJsonDocument(fields).toJson()), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::BadSignature);
    QVERIFY(!result.error().isAmbiguous());
    const bool logged = std::any_of(g_logLines.cbegin(), g_logLines.cend(), [](const QString &line) {
        return line.contains(u"codeUrl=https://evil.example/pay") && line.endsWith(u"&key=***");
    });
    QVERIFY2(logged, "the redacted reply canonical string is logged");
}

void TestClient::unsignedReplyWhenSignatureRequired()
{
    m_server->setReply({ScriptedReply::Kind::Respond,
                        ScriptedHttpServer::response(200, QJsonDocument(createSuccessFields()).toJson()), 0, 0});
    GatewayCall *lenient = makeClient()->createOrder(vector2Order());
    QVERIFY(waitFinished(lenient));
    QVERIFY2(lenient->result().has_value(), qPrintable(errorText(lenient->result())));
    QVERIFY(!lenient->result()->signaturePresent);

    IotPayConfig config = m_client->config();
    config.requireSignedReplies = true;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
    GatewayCall *strict = m_client->createOrder(vector2Order());
    QVERIFY(waitFinished(strict));
    QVERIFY(!strict->result().has_value());
    QCOMPARE(strict->result().error().code, ErrorCode::BadSignature);
}

void TestClient::lateReplyTimesOut()
{
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = createWith(
        {ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(createSuccessFields())), 1500, 0},
        300);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Timeout);
    QVERIFY(result.error().isAmbiguous());
    QVERIFY2(elapsed.elapsed() >= 280 && elapsed.elapsed() < 1400, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClient::tricklingBodyTimesOut()
{
    // 100 body bytes at one per 100 ms would take 10 s; the 500 ms deadline must win although
    // bytes keep arriving (an inactivity timeout would never fire).
    const QByteArray body = R"({"retCode":"SUCCESS","resCode":"SUCCESS","pad":")" + QByteArray(60, 'x') + "\"}";
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result
        = createWith({ScriptedReply::Kind::Trickle, ScriptedHttpServer::response(200, body), 0, 100}, 500);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Timeout);
    QVERIFY2(elapsed.elapsed() >= 480 && elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(m_server->bodyBytesTrickled() >= 2, "bytes were flowing when the deadline hit");
}

void TestClient::redirectIsNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("302") << 302;
    QTest::newRow("307 keeps POST") << 307;
    QTest::newRow("301") << 301;
}

void TestClient::redirectIsNotFollowed()
{
    QFETCH(int, status);
    const QByteArray location = "Location: http://127.0.0.1:" + QByteArray::number(m_server->baseUrl().port())
        + "/elsewhere/create_order\r\n";
    const auto result
        = createWith({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(status, "moved", location), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Redirected);
    QCOMPARE(result.error().httpStatus, status);
    QTest::qWait(200);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().target, QByteArray("/v1/create_order"));
}

void TestClient::garbageIsUnparseable_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("garbage") << QByteArray("\x01\x02 not json at all");
    QTest::newRow("HTML with 200") << QByteArray("<html><body>Service temporarily unavailable</body></html>");
    QTest::newRow("truncated") << signedReply(createSuccessFields()).chopped(10);
    QTest::newRow("trailing garbage") << signedReply(createSuccessFields()) + "}}";
    QTest::newRow("empty") << QByteArray();
}

void TestClient::garbageIsUnparseable()
{
    QFETCH(QByteArray, body);
    const auto result = createWith({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, body), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Unparseable);
    QVERIFY(result.error().isAmbiguous());
}

void TestClient::serverErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("ambiguous");
    QTest::newRow("500") << 500 << true;
    QTest::newRow("502") << 502 << true;
    QTest::newRow("503") << 503 << true;
    QTest::newRow("404") << 404 << false;
}

void TestClient::serverErrors()
{
    QFETCH(int, status);
    QFETCH(bool, ambiguous);
    const QByteArray body = "<html>upstream error " + QByteArray::number(status) + "</html>" + QByteArray(500, 'z');
    const auto result = createWith({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(status, body), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::HttpStatus);
    QCOMPARE(result.error().httpStatus, status);
    QVERIFY(result.error().detail.startsWith(u"<html>upstream error"));
    QCOMPARE(result.error().detail.size(), 200);
    QCOMPARE(result.error().isAmbiguous(), ambiguous);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClient::closedWithoutReplyIsNetworkAndNotResent()
{
    const auto result = createWith({ScriptedReply::Kind::CloseWithoutReply, {}, 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Network);
    QVERIFY(!result.error().detail.isEmpty());
    QVERIFY(result.error().isAmbiguous());
    QTest::qWait(300);
    QCOMPARE(m_server->requests().size(), 1); // create_order is never sent twice

    const RefundRequest refund{u"R1"_s, u"P01202401011230000001"_s, Money{100, Currency::CAD}, u"192.168.1.20"_s, {}};
    GatewayCall *call = m_client->refundOrder(refund);
    QVERIFY(waitFinished(call));
    QVERIFY(!call->result().has_value());
    QCOMPARE(call->result().error().code, ErrorCode::Network);
    QTest::qWait(300);
    QCOMPARE(m_server->requests().size(), 2); // one refund request, not resent either
}

void TestClient::connectionRefusedIsNetwork()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    IotPayConfig config;
    config.baseUrl = QUrl(u"http://127.0.0.1:%1/v1/"_s.arg(port));
    config.merchant = testMerchant();
    config.key = testKey();
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
    GatewayCall *call = m_client->createOrder(vector2Order());
    QVERIFY(waitFinished(call));
    QVERIFY(!call->result().has_value());
    QCOMPARE(call->result().error().code, ErrorCode::Network);
    QVERIFY(call->result().error().detail.contains(u"refused", Qt::CaseInsensitive));
}

void TestClient::oversizedReply_data()
{
    QTest::addColumn<bool>("withLength");
    QTest::newRow("declared length") << true;
    QTest::newRow("until close") << false;
}

void TestClient::oversizedReply()
{
    QFETCH(bool, withLength);
    const QByteArray body = R"({"retCode":"SUCCESS","resCode":"SUCCESS","pad":")" + QByteArray(100'000, 'x') + "\"}";
    m_server->setReply({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, body, {}, withLength), 0, 0});
    GatewayCall *call = makeClient(5000, 4096)->createOrder(vector2Order());
    QVERIFY(waitFinished(call));
    QVERIFY(!call->result().has_value());
    QCOMPARE(call->result().error().code, ErrorCode::Unparseable);
    QVERIFY2(call->result().error().detail.contains(u"4096"), qPrintable(call->result().error().detail));
}

void TestClient::invalidRequestSendsNothing()
{
    OrderRequest request = vector2Order();
    request.notifyUrl = u"https://example.com/notify?x=1"_s;
    GatewayCall *call = makeClient()->createOrder(request);
    QVERIFY2(!call->isFinished(), "finished() is never delivered from inside createOrder()");
    QVERIFY(waitFinished(call));
    QVERIFY(!call->result().has_value());
    QCOMPARE(call->result().error().code, ErrorCode::RequestInvalid);
    QVERIFY(call->result().error().detail.startsWith(u"notifyUrl:"));
    QTest::qWait(50);
    QCOMPARE(m_server->connectionCount(), 0);
}

void TestClient::replyForAnotherOrderOrAmount()
{
    QJsonObject otherOrder = createSuccessFields();
    otherOrder.insert(u"mchOrderNo"_s, u"POS20240101123000999"_s);
    auto result
        = createWith({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(otherOrder)), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::ResponseMismatch);

    QJsonObject otherAmount = createSuccessFields();
    otherAmount.insert(u"amount"_s, 1);
    result
        = createWith({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(otherAmount)), 0, 0});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::ResponseMismatch);
}

void TestClient::queryChecksTheOrderItAskedFor()
{
    QJsonObject reply = createSuccessFields();
    reply.insert(u"status"_s, 2);
    reply.insert(u"amount"_s, 999); // the lookup does not know the amount: not a mismatch
    m_server->setReply({ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(reply)), 0, 0});
    IotPayClient *client = makeClient();
    GatewayCall *same = client->queryOrder(OrderLookup{u"POS20240101123000001"_s, {}});
    QVERIFY(waitFinished(same));
    QVERIFY2(same->result().has_value(), qPrintable(errorText(same->result())));
    QCOMPARE(same->result()->status, RemoteStatus::Paid);

    GatewayCall *other = client->queryOrder(OrderLookup{u"POS20240101123000002"_s, {}});
    QVERIFY(waitFinished(other));
    QVERIFY(!other->result().has_value());
    QCOMPARE(other->result().error().code, ErrorCode::ResponseMismatch);

    GatewayCall *byPayId = client->queryOrder(OrderLookup{{}, u"P09999999999999999999"_s});
    QVERIFY(waitFinished(byPayId));
    QVERIFY(!byPayId->result().has_value());
    QCOMPARE(byPayId->result().error().code, ErrorCode::ResponseMismatch);
}

void TestClient::refundRequest()
{
    m_server->setReply(
        {ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(successEnvelope())), 0, 0});
    const RefundRequest refund{
        u"R20240101123000001"_s, u"P01202401011230000001"_s, Money{2865, Currency::CAD}, u"192.168.1.20"_s, {}};
    GatewayCall *call = makeClient()->refundOrder(refund);
    QVERIFY(waitFinished(call));
    QVERIFY2(call->result().has_value(), qPrintable(errorText(call->result())));
    QCOMPARE(m_server->requests().size(), 1);
    const ReceivedRequest &request = m_server->requests().first();
    QCOMPARE(request.target, QByteArray("/v1/refund_order"));
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromPercentEncoding(request.body.sliced(7))).object();
    QCOMPARE(json.value(u"refundAmount").toInteger(), 2865);
    QCOMPARE(json.value(u"loginName").toString(), u"cashier01"_s);
    QCOMPARE(json.value(u"currency").toString(), u"CAD"_s);
    QCOMPARE(json.value(u"sign").toString(), u"A9C0FF4EB573AC7A50F085F9B7B56262"_s);
}

void TestClient::untrustedCertificateIsTlsFailure()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    const SelfSigned selfSigned = makeSelfSigned();
    QVERIFY(!selfSigned.certificate.isNull());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(selfSigned.certificate);
    tls.setPrivateKey(selfSigned.key);
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    IotPayConfig config;
    config.baseUrl = QUrl(u"https://127.0.0.1:%1/v1/"_s.arg(server.serverPort()));
    config.merchant = testMerchant();
    config.key = testKey();
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
    GatewayCall *call = m_client->createOrder(vector2Order());
    QVERIFY(waitFinished(call));
    QVERIFY(!call->result().has_value());
    QCOMPARE(call->result().error().code, ErrorCode::TlsFailure);
    QVERIFY(!call->result().error().isAmbiguous());
}

void TestClient::deletingCallAbortsRequest()
{
    m_server->setReply(
        {ScriptedReply::Kind::Respond, ScriptedHttpServer::response(200, signedReply(createSuccessFields())), 2000, 0});
    GatewayCall *call = makeClient()->createOrder(vector2Order());
    QTRY_COMPARE(m_server->requests().size(), 1);
    delete call;
    QTest::qWait(50); // nothing may touch the deleted call
    QCOMPARE(m_server->requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestClient)
#include "test_client.moc"

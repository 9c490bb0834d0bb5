// The IOTPay simulator: real signature checks, error codes, payload shapes, validity window,
// notify delivery with retries, control endpoints and faults.

#include "NotifyFactory.h"
#include "RawHttp.h"

#include "common/Clock.h"
#include "gateway/iotpay/IotPayClient.h"
#include "http/HttpServer.h"
#include "sim/GatewaySimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace paydesk;
using namespace paydesk::test;

namespace {

// A notify receiver that answers from a script ("fail", "fail", "success", …).
class NotifyReceiver
{
public:
    explicit NotifyReceiver(QList<QByteArray> answers) : m_answers(std::move(answers)) {}

    quint16 start()
    {
        HttpServerOptions options;
        auto port = m_server.start(options, [this](const HttpRequest &request) {
            QMutexLocker lock(&m_mutex);
            m_requests.append(request);
            const QByteArray answer = m_answers.isEmpty() ? QByteArray("success") : m_answers.takeFirst();
            return HttpResponse::text(200, answer);
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

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createsOrdersWithChannelPayloads_data();
    void createsOrdersWithChannelPayloads();
    void rejectsWithDocumentedCodes_data();
    void rejectsWithDocumentedCodes();
    void rawRequestErrors();
    void statusFourAfterValidity();
    void notifyRetriedUntilExactlySuccess();
    void notifyInFormBodyMode();
    void duplicateNotifyFault();
    void controlEndpoints();
    void refundLimits();

private:
    void startSim(SimOptions options = {});
    GatewayCall *wait(GatewayCall *call);
    OrderRequest orderRequest(Channel channel, const QString &notifyUrl = QStringLiteral("http://127.0.0.1:9/n")) const;

    ManualClock m_clock{1'800'000'000'000};
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_sim;
    std::unique_ptr<IotPayClient> m_client;
    int m_sequence = 0;
};

void TestSimulator::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSimulator::cleanup()
{
    m_client.reset();
    m_sim.reset();
    m_network.reset();
}

void TestSimulator::startSim(SimOptions options)
{
    options.mchId = QString::fromLatin1(TestMchId);
    options.key = MerchantKey(QByteArray(TestKey));
    if (options.notifyScheduleScale == 1.0)
        options.notifyScheduleScale = 0.001; // retries after 60..300 ms
    m_sim = std::make_unique<GatewaySimulator>(options, m_clock, m_network.get());
    QVERIFY(m_sim->start());
    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {QString::fromLatin1(TestMchId), QStringLiteral("cashier01")};
    config.key = MerchantKey(QByteArray(TestKey));
    config.deadlineMs = 3000;
    m_client = std::make_unique<IotPayClient>(m_network.get(), config);
}

GatewayCall *TestSimulator::wait(GatewayCall *call)
{
    QSignalSpy finished(call, &GatewayCall::finished);
    if (!call->isFinished())
        finished.wait(5000);
    return call;
}

OrderRequest TestSimulator::orderRequest(Channel channel, const QString &notifyUrl) const
{
    OrderRequest request;
    request.mchOrderNo = u"SIM" + QString::number(m_clock.nowUtcMs())
        + QString::number(const_cast<TestSimulator *>(this)->m_sequence++);
    request.channel = channel;
    request.amount = Money{2865, Currency::CAD};
    request.subject = QStringLiteral("Order 1001");
    request.body = QStringLiteral("2 items");
    request.notifyUrl = notifyUrl;
    if (channel == Channel::WxNative)
        request.extra.insert(QStringLiteral("productId"), QStringLiteral("1001"));
    return request;
}

void TestSimulator::createsOrdersWithChannelPayloads_data()
{
    QTest::addColumn<Channel>("channel");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("WX_NATIVE") << Channel::WxNative << QStringLiteral("weixin://wxpay/bizpayurl?pr=");
    QTest::newRow("ALIPAY_QR") << Channel::AlipayQr << QStringLiteral("https://qr.alipay.com/");
    QTest::newRow("UPI_QR") << Channel::UpiQr << QStringLiteral("https://qr.95516.com/");
}

void TestSimulator::createsOrdersWithChannelPayloads()
{
    QFETCH(Channel, channel);
    QFETCH(QString, prefix);
    startSim();
    GatewayCall *call = wait(m_client->createOrder(orderRequest(channel)));
    QVERIFY2(call->result(), qPrintable(call->result() ? QString() : describe(call->result().error())));
    QVERIFY(call->result()->qrPayload.startsWith(prefix));
    QVERIFY(call->result()->signaturePresent);
    QVERIFY(!call->result()->payOrderId.isEmpty());
    QCOMPARE(m_sim->orders().size(), 1);
    GatewayCall *query = wait(m_client->queryOrder({m_sim->orders().first().mchOrderNo, {}}));
    QVERIFY(query->result());
    QCOMPARE(query->result()->status, RemoteStatus::Created);
    QCOMPARE(query->result()->amount, std::optional<Money>(Money{2865, Currency::CAD}));
}

void TestSimulator::rejectsWithDocumentedCodes_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("mchId");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<int>("typed");
    QTest::newRow("wrong key -> 0013") << QByteArray("WRONG") << QString::fromLatin1(TestMchId)
                                       << QStringLiteral("0013") << int(ErrorCode::SignatureRejected);
    QTest::newRow("unknown merchant -> 0015") << QByteArray(TestKey) << QStringLiteral("99999999")
                                              << QStringLiteral("0015") << int(ErrorCode::MerchantUnknown);
}

void TestSimulator::rejectsWithDocumentedCodes()
{
    QFETCH(QByteArray, key);
    QFETCH(QString, mchId);
    QFETCH(QString, expectedCode);
    QFETCH(int, typed);
    startSim();
    IotPayConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.merchant = {mchId, QStringLiteral("cashier01")};
    config.key = MerchantKey(key);
    IotPayClient client(m_network.get(), config);
    GatewayCall *call = wait(client.createOrder(orderRequest(Channel::AlipayQr)));
    QVERIFY(!call->result());
    QCOMPARE(int(call->result().error().code), typed);
    QCOMPARE(call->result().error().gatewayCode, expectedCode);
    QCOMPARE(m_sim->orders().size(), 0);
}

void TestSimulator::rawRequestErrors()
{
    startSim();
    const quint16 port = quint16(m_sim->baseUrl().port());
    const RawReply empty = rawExchange(port, httpRequest("POST", "/v1/create_order", {}));
    QVERIFY(empty.body.contains("\"errCode\":\"0012\""));
    const RawReply get = rawExchange(port, httpRequest("GET", "/v1/query_order"));
    QVERIFY(get.body.contains("\"errCode\":\"0011\""));
    const RawReply notJson = rawExchange(port, httpRequest("POST", "/v1/create_order", "params=%7Bbroken"));
    QVERIFY(notJson.body.contains("\"errCode\":\"0014\""));
    QCOMPARE(rawExchange(port, httpRequest("GET", "/v2/anything")).status, 404);
}

void TestSimulator::statusFourAfterValidity()
{
    SimOptions options;
    options.validityMs = 60'000;
    startSim(options);
    GatewayCall *call = wait(m_client->createOrder(orderRequest(Channel::WxNative)));
    QVERIFY(call->result());
    const QString number = m_sim->orders().first().mchOrderNo;
    m_clock.advanceMs(61'000);
    GatewayCall *query = wait(m_client->queryOrder({number, {}}));
    QVERIFY(query->result());
    QCOMPARE(query->result()->status, RemoteStatus::CancelledBySystem);
    QVERIFY(!m_sim->pay(number)); // an expired order cannot be paid
    QVERIFY(!m_sim->pay(QStringLiteral("NOSUCHORDER")));
    GatewayCall *missing = wait(m_client->queryOrder({QStringLiteral("NOSUCHORDER"), {}}));
    QCOMPARE(missing->result().error().code, ErrorCode::NoSuchOrder);
    QCOMPARE(missing->result().error().gatewayCode, QStringLiteral("0112"));
}

void TestSimulator::notifyRetriedUntilExactlySuccess()
{
    NotifyReceiver receiver({"fail", "SUCCESS ", "success"});
    const quint16 port = receiver.start();
    QVERIFY(port != 0);
    startSim();
    const QString url = u"http://127.0.0.1:" + QString::number(port) + u"/notify/iotpay";
    GatewayCall *call = wait(m_client->createOrder(orderRequest(Channel::AlipayQr, url)));
    QVERIFY(call->result());
    const QString number = m_sim->orders().first().mchOrderNo;
    QSignalSpy answered(m_sim.get(), &GatewaySimulator::notifyAnswered);
    QVERIFY(m_sim->pay(number));
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->order(number)->notifyAcknowledged, 5000);
    QCOMPARE(m_sim->order(number)->notifyAttempts, 3);
    const QList<HttpRequest> requests = receiver.requests();
    QCOMPARE(requests.size(), 3);
    const HttpRequest &first = requests.first();
    QCOMPARE(first.method, QByteArray("POST"));
    QVERIFY(first.body.isEmpty()); // IOTPay's way: fields in the URL, empty body
    QVERIFY(first.rawPath == "/notify/iotpay");
    QVERIFY(first.rawQuery.contains(QByteArray("mchOrderNo=" + number.toLatin1())));
    QVERIFY(first.rawQuery.contains("status=2"));
    // The fields verify with the merchant key.
    ParamList fields;
    for (const QByteArray &pair : first.rawQuery.split('&')) {
        const qsizetype eq = pair.indexOf('='); // an empty value may come without '='
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        fields.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    QString sign;
    for (const auto &[name, value] : fields) {
        if (name == u"sign")
            sign = value;
    }
    QVERIFY2(Signer::verify(fields, MerchantKey(QByteArray(TestKey)), sign),
             qPrintable(Signer::canonicalStringRedacted(fields)));
    // Paid and acknowledged: status 3.
    GatewayCall *query = wait(m_client->queryOrder({number, {}}));
    QCOMPARE(query->result()->status, RemoteStatus::PaidNotified);
}

void TestSimulator::notifyInFormBodyMode()
{
    NotifyReceiver receiver({});
    const quint16 port = receiver.start();
    SimOptions options;
    options.notifyMode = SimNotifyMode::FormBody;
    startSim(options);
    const QString url = u"http://127.0.0.1:" + QString::number(port) + u"/n";
    QVERIFY(wait(m_client->createOrder(orderRequest(Channel::UpiQr, url)))->result());
    const QString number = m_sim->orders().first().mchOrderNo;
    QVERIFY(m_sim->pay(number));
    QTRY_VERIFY(m_sim->order(number)->notifyAcknowledged);
    const HttpRequest request = receiver.requests().first();
    QVERIFY(request.rawQuery.isEmpty());
    QVERIFY(request.body.contains(QByteArray("mchOrderNo=" + number.toLatin1())));
    QVERIFY(request.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
}

void TestSimulator::duplicateNotifyFault()
{
    NotifyReceiver receiver({});
    const quint16 port = receiver.start();
    startSim();
    SimFaults faults;
    faults.duplicateNotifies = 4;
    faults.lateNotifyMs = 300;
    m_sim->setFaults(faults);
    const QString url = u"http://127.0.0.1:" + QString::number(port) + u"/n";
    QVERIFY(wait(m_client->createOrder(orderRequest(Channel::WxNative, url)))->result());
    const QString number = m_sim->orders().first().mchOrderNo;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_sim->pay(number));
    QTRY_COMPARE(receiver.requests().size(), 5);
    QVERIFY(timer.elapsed() >= 250);
    const QByteArray first = receiver.requests().first().rawQuery;
    for (const HttpRequest &request : receiver.requests())
        QCOMPARE(request.rawQuery, first);
}

void TestSimulator::controlEndpoints()
{
    startSim();
    QVERIFY(wait(m_client->createOrder(orderRequest(Channel::AlipayQr)))->result());
    const QString number = m_sim->orders().first().mchOrderNo;
    const quint16 port = quint16(m_sim->baseUrl().port());
    const RawReply faults = rawExchange(
        port, httpRequest("POST", "/control/faults", R"({"serverErrorStatus":503,"calls":1})", "application/json"));
    QCOMPARE(faults.status, 200);
    GatewayCall *failing = wait(m_client->queryOrder({number, {}}));
    QVERIFY(!failing->result());
    QCOMPARE(failing->result().error().httpStatus, 503);
    QVERIFY(wait(m_client->queryOrder({number, {}}))->result()); // fault used up

    QCOMPARE(rawExchange(port, httpRequest("POST", "/control/pay?mchOrderNo=" + number.toLatin1())).status, 200);
    QCOMPARE(rawExchange(port, httpRequest("POST", "/control/pay?mchOrderNo=NOPE")).status, 404);
    const RawReply list = rawExchange(port, httpRequest("GET", "/control/orders"));
    const QJsonArray orders = QJsonDocument::fromJson(list.body).array();
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().toObject().value(QStringLiteral("paid")).toBool(), true);
}

void TestSimulator::refundLimits()
{
    startSim();
    QVERIFY(wait(m_client->createOrder(orderRequest(Channel::WxNative)))->result());
    const SimOrder order = m_sim->orders().first();
    RefundRequest refund;
    refund.payOrderId = order.payOrderId;
    refund.refundAmount = Money{1000, Currency::CAD};
    refund.mchRefundNo = QStringLiteral("R1");
    QVERIFY(!wait(m_client->refundOrder(refund))->result()); // not paid yet
    QVERIFY(m_sim->pay(order.mchOrderNo));
    refund.mchRefundNo = QStringLiteral("R2");
    QVERIFY(wait(m_client->refundOrder(refund))->result());
    refund.mchRefundNo = QStringLiteral("R3");
    refund.refundAmount = Money{1866, Currency::CAD}; // 1000 + 1866 > 2865
    QVERIFY(!wait(m_client->refundOrder(refund))->result());
    refund.refundAmount = Money{1865, Currency::CAD};
    QVERIFY(wait(m_client->refundOrder(refund))->result());
    refund.mchRefundNo = QStringLiteral("R2"); // number already used
    refund.refundAmount = Money{1, Currency::CAD};
    QVERIFY(!wait(m_client->refundOrder(refund))->result());
    QCOMPARE(m_sim->order(order.mchOrderNo)->refundedMinor, 2865);
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "test_simulator.moc"

// The back-end endpoint's create outcomes follow the one payment lifecycle: a gateway that made
// the order but whose reply cannot be used (payParams unusable, a reply for another order)
// leaves the order UNKNOWN for the reconciler — never FAILED on a guess — and the caller gets
// a clear 504 telling it not to retry under a new order. A definite refusal is FAILED (502).

#include "common/Clock.h"
#include "gateway/PaymentGateway.h"
#include "gateway/iotpay/IotPayGateway.h"
#include "orders/OrderLog.h"
#include "relay/ApiAuth.h"
#include "relay/GatewayBridge.h"
#include "relay/OnlinePaymentApi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Secret = QByteArrayLiteral("shared-secret-of-the-merchant-backend-0001");

// Answers create_order with whatever the test put in `reply`.
class ScriptedGateway final : public PaymentGateway
{
public:
    explicit ScriptedGateway(Result<GatewayResponse> reply) : m_reply(std::move(reply)) {}

    GatewayCall *createOrder(const OrderRequest &request) override
    {
        auto *call = new GatewayCall(GatewayCall::Kind::CreateOrder, this);
        call->setRequestJson("{\"mchOrderNo\":\"" + request.mchOrderNo.toUtf8() + "\"}");
        QTimer::singleShot(0, call, [call, reply = m_reply] { call->finish(reply); });
        return call;
    }
    GatewayCall *queryOrder(const OrderLookup &) override { return nullptr; }
    GatewayCall *refundOrder(const RefundRequest &) override { return nullptr; }
    QString name() const override { return u"iotpay"_s; }
    bool accepts(Channel, Currency) const override { return true; }

private:
    Result<GatewayResponse> m_reply;
};

enum class Reply {
    UnusablePayParams,
    OtherOrder,
    Refused
};

GatewayResponse createdWith(QJsonObject payParams)
{
    GatewayResponse response;
    response.retCode = u"SUCCESS"_s;
    response.resCode = u"SUCCESS"_s;
    response.payOrderId = u"P0701LIVE"_s;
    response.payParams = std::move(payParams);
    response.raw = "{\"retCode\":\"SUCCESS\"}";
    return response;
}

Result<GatewayResponse> scripted(Reply reply)
{
    switch (reply) {
    case Reply::UnusablePayParams:
        return createdWith({{u"appId"_s, u"wx1234567890abcdef"_s}});
    case Reply::OtherOrder:
        return fail(ErrorCode::ResponseMismatch, u"reply names another mchOrderNo"_s);
    case Reply::Refused:
        break;
    }
    return std::unexpected(Error{ErrorCode::GatewayFail, u"refused"_s, u"0013"_s, 0});
}

HttpRequest signedRequest(const QByteArray &body, qint64 nowMs)
{
    HttpRequest request;
    request.method = "POST";
    request.rawTarget = "/api/v1/payments";
    request.rawPath = request.rawTarget;
    request.body = body;
    request.remoteAddress = u"127.0.0.1"_s;
    const QByteArray timestamp = QByteArray::number(nowMs / 1000);
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    request.headers.append({QByteArray(ApiAuth::TimestampHeader), timestamp});
    request.headers.append({QByteArray(ApiAuth::SignatureHeader),
                            ApiAuth::hmacHex(Secret, ApiAuth::canonical("POST", request.rawPath, timestamp, body))});
    return request;
}

QByteArray miniProgramPayment()
{
    return QJsonDocument(QJsonObject{{u"channel"_s, u"WX_JSAPI"_s},
                                     {u"amount"_s, 2865},
                                     {u"currency"_s, u"CAD"_s},
                                     {u"subject"_s, u"Bubble tea"_s},
                                     {u"openId"_s, u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s},
                                     {u"appId"_s, u"wx1234567890abcdef"_s}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestOnlineLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createOutcome_data();
    void createOutcome();
};

void TestOnlineLifecycle::createOutcome_data()
{
    QTest::addColumn<int>("reply");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("payOrderId");

    QTest::newRow("made, payParams unusable") << int(Reply::UnusablePayParams) << 504 << u"gateway_outcome_unknown"_s
                                              << int(OrderState::Unknown) << u"P0701LIVE"_s;
    QTest::newRow("reply for another order")
        << int(Reply::OtherOrder) << 504 << u"gateway_outcome_unknown"_s << int(OrderState::Unknown) << QString();
    QTest::newRow("definite refusal") << int(Reply::Refused) << 502 << u"gateway_rejected"_s << int(OrderState::Failed)
                                      << QString();
}

void TestOnlineLifecycle::createOutcome()
{
    QFETCH(int, reply);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(int, state);
    QFETCH(QString, payOrderId);

    QTemporaryDir dir;
    SystemClock clock;
    auto log = OrderLog::open(dir.filePath(u"orders.sqlite"_s), clock);
    QVERIFY(log);
    GatewayBridge bridge;
    bridge.addGateway(u"iotpay"_s, [reply](QNetworkAccessManager &) {
        return std::make_unique<ScriptedGateway>(scripted(Reply(reply)));
    });
    QVERIFY(bridge.start());
    OnlineApiOptions options;
    options.enabled = true;
    options.secret = Secret;
    options.gatewayWaitMs = 5000;
    GatewayRegistry gateways; // IOTPay with a client: the endpoint's one enabled gateway
    QVERIFY(gateways.add(iotPayGateway(IotPayConfig{}, std::nullopt)));
    OnlinePaymentApi api(options, gateways, bridge, clock);

    const HttpResponse response = api.handle(signedRequest(miniProgramPayment(), clock.nowUtcMs()), **log);
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(response.status, status);
    QCOMPARE(body.value(u"error"_s).toString(), error);
    const QString mchOrderNo = body.value(u"mchOrderNo"_s).toString();
    QVERIFY(!mchOrderNo.isEmpty());
    const auto order = (*log)->orderByMchOrderNo(mchOrderNo);
    QVERIFY(order);
    QCOMPARE(int(order->state), state);
    QCOMPARE(order->payOrderId, payOrderId);
    if (status == 504)
        QVERIFY2(body.value(u"message"_s).toString().contains(u"do not retry"_s),
                 qPrintable(body.value(u"message"_s).toString()));
    bridge.stop();
}

QTEST_GUILESS_MAIN(TestOnlineLifecycle)
#include "test_online_lifecycle.moc"

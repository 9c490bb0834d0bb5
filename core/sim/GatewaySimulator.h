#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "common/MerchantKey.h"
#include "http/HttpServer.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace paydesk {

// How the simulator delivers a notify: IOTPay's way (fields appended to notifyUrl, POST with an
// empty body) or as a form body.
enum class SimNotifyMode {
    Invalid = 0,
    QueryString,
    FormBody
};

struct SimOptions
{
    HttpServerOptions http = [] {
        HttpServerOptions o;
        o.threadPerConnection = true; // latency and trickle faults block their own thread only
        o.maxBodyBytes = 64 * 1024;
        return o;
    }();
    QString mchId = QStringLiteral("10000701");
    MerchantKey key;
    qint64 validityMs = 5 * 60 * 1000; // unpaid orders report status 4 afterwards
    double notifyScheduleScale = 1.0; // retries after 1,2,3,4,5 minutes x scale
    SimNotifyMode notifyMode = SimNotifyMode::QueryString;
    qint64 autoPayAfterMs = -1; // >= 0: the customer pays by itself (demo)
    bool queryCarriesQr = true; // query_order replies include codeUrl
    qint64 micropayConfirmMs = 5'000; // scan to pay, "password" codes: status 1 this long, then paid
};

// Faults apply to the next `calls` gateway calls (create/query/refund), or to all while -1.
struct SimFaults
{
    int latencyMs = 0;
    bool dropReply = false; // close the connection without answering (no order made)
    bool resetAfterCreate = false; // create the order, then close without answering
    int serverErrorStatus = 0; // e.g. 502, after creating the order
    bool badSignature = false; // replies carry a wrong sign
    bool badNotifySignature = false;
    int duplicateNotifies = 0; // extra identical copies of each notify
    int lateNotifyMs = 0; // wait before the first notify
    int trickleChunkBytes = 0;
    int trickleIntervalMs = 0;
    int calls = -1;

    static SimFaults fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

struct SimOrder
{
    QString mchOrderNo;
    QString payOrderId;
    QString channelId;
    qint64 amountMinor = 0;
    QString currency;
    QString notifyUrl;
    QString qrPayload;
    QJsonObject payParams; // WX_JSAPI / WX_APP: what the customer's WeChat takes
    QString subject;
    QString device;
    QString clientIp;
    QString param1;
    QString param2;
    qint64 createdMonotonicMs = 0;
    qint64 paidAtUtcMs = 0;
    QString channelOrderNo;
    bool paid = false;
    bool notifyAcknowledged = false;
    int notifyAttempts = 0;
    qint64 refundedMinor = 0;
    int createRequests = 0; // how many create_order calls named this mchOrderNo
    bool paying = false; // scan to pay: the customer is entering the password (status 1)
    QString identityCodeLastFour; // scan to pay: all the simulator keeps of the code
};

// An IOTPay v1 simulator on loopback for demo mode and tests: real signature checks, the error
// codes of payment-api.md §4.4, QR payloads shaped like the real ones, WX_JSAPI / WX_APP
// payParams for the mini program and the app SDK (notified like QR orders), a "customer pays"
// trigger, notify delivery with retries until the reply is exactly `success`, fault injection.
// Scan to pay (*_MICROPAY): the code's wallet is checked and its last four digits choose the
// outcome (sim/SimMicropay.h: paid at once, password, insufficient funds, expired/used code,
// risk control, no reply after create).
// HTTP: POST /v1/create_order, /v1/query_order, /v1/refund_order;
// control: POST /control/pay?mchOrderNo=…, POST /control/faults (JSON), GET /control/orders.
class GatewaySimulator : public QObject
{
    Q_OBJECT

public:
    GatewaySimulator(SimOptions options, const Clock &clock, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~GatewaySimulator() override;

    Result<quint16> start();
    void stop();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/v1/
    QUrl controlUrl() const; // http://127.0.0.1:<port>/control/

    void setFaults(const SimFaults &faults);
    void clearFaults();

    // The customer pays: status 2, then the notify is delivered (from this object's thread).
    Result<void> pay(const QString &mchOrderNo);

    std::optional<SimOrder> order(const QString &mchOrderNo) const;
    // How many query_order calls named this order number (by it or its payOrderId), whether the
    // simulator knows the order or not ("order not found").
    int queryRequests(const QString &mchOrderNo) const;
    QList<SimOrder> orders() const;

Q_SIGNALS:
    void orderCreated(const QString &mchOrderNo);
    void notifyAnswered(const QString &mchOrderNo, bool acknowledged);

private:
    HttpResponse route(const HttpRequest &request);
    HttpResponse createOrder(const QJsonObject &params, const SimFaults &faults);
    HttpResponse queryOrder(const QJsonObject &params);
    HttpResponse refundOrder(const QJsonObject &params);
    HttpResponse control(const HttpRequest &request);
    HttpResponse signedReply(QJsonObject reply, bool corrupt) const;
    HttpResponse createdReply(const SimOrder &created, const SimFaults &faults, bool noReply, qint64 confirmMs);
    HttpResponse micropayReply(const SimOrder &created, qint64 confirmMs);
    SimFaults takeFaults();
    void scheduleNotify(const QString &mchOrderNo, int attempt, qint64 delayMs);
    void deliverNotify(const QString &mchOrderNo, int attempt);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace paydesk

#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "common/MerchantKey.h"
#include "gateway/Signer.h"
#include "http/HttpServer.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace paydesk {

struct IOnlineSimOptions
{
    HttpServerOptions http = [] {
        HttpServerOptions o;
        o.threadPerConnection = true;
        o.maxBodyBytes = 64 * 1024;
        return o;
    }();
    QString mchId = QStringLiteral("10085200000000");
    MerchantKey key;
    QString feeType = QStringLiteral("CAD"); // sent in replies and notifies; empty: left out
    qint64 validityMs = 2 * 60 * 60 * 1000; // unpaid orders report CLOSED afterwards
    // Notify retries "for up to three hours" (§13.4): after 15 s, 30 s, 1, 3, 10, 30, 60, 75 min x scale.
    double notifyScheduleScale = 1.0;
};

struct IOnlineSimFaults
{
    bool badReplySignature = false;
    bool badNotifySignature = false;
    int duplicateNotifies = 0; // extra identical copies of each notify

    static IOnlineSimFaults fromJson(const QJsonObject &json);
};

struct IOnlineSimOrder
{
    QString outTradeNo;
    QString transactionId;
    QString service;
    qint64 totalFee = 0;
    QString notifyUrl;
    QString body;
    QString attach;
    QString subOpenId;
    QString subAppId;
    QJsonObject payInfo;
    qint64 createdMonotonicMs = 0;
    bool paid = false;
    qint64 paidAtUtcMs = 0;
    QString outTransactionId;
    int notifyAttempts = 0;
    bool notifyAcknowledged = false;
    int createRequests = 0;
};

// An iOnline Pay simulator on loopback (payment-api.md §13), signing with the rule of
// IOnlinePayCodec::sign (§13.5, unverified). HTTP: POST /gateway/ with the `service` fields as a
// form: ionline.pay.weixin.jspay.intl (pay_info for wx.requestPayment and a pay_url),
// ionline.pay.weixin.inapp.intl (pay_info for the app SDK), ionline.unified.trade.query
// (trade_state SUCCESS / NOTPAY / CLOSED). After "customer pays" it POSTs the XML notify (<xml>,
// CDATA values) until the reply is `success`. Control: POST /control/pay?out_trade_no=…,
// POST /control/faults (JSON), GET /control/orders.
class IOnlineSimulator : public QObject
{
    Q_OBJECT

public:
    IOnlineSimulator(IOnlineSimOptions options, const Clock &clock, QNetworkAccessManager *network,
                     QObject *parent = nullptr);
    ~IOnlineSimulator() override;

    Result<quint16> start();
    void stop();
    QUrl gatewayUrl() const; // http://127.0.0.1:<port>/gateway/
    QUrl controlUrl() const;

    void setFaults(const IOnlineSimFaults &faults);
    Result<void> pay(const QString &outTradeNo); // notify delivered from this object's thread

    std::optional<IOnlineSimOrder> order(const QString &outTradeNo) const;
    QList<IOnlineSimOrder> orders() const;

    // The XML notify for an order as the gateway would send it (also for tests of the relay).
    static QByteArray notifyXml(const ParamList &fields);

Q_SIGNALS:
    void orderCreated(const QString &outTradeNo);
    void notifyAnswered(const QString &outTradeNo, bool acknowledged);

private:
    HttpResponse route(const HttpRequest &request);
    HttpResponse gateway(const HttpRequest &request);
    HttpResponse createOrder(const QHash<QString, QString> &fields);
    HttpResponse queryOrder(const QHash<QString, QString> &fields);
    HttpResponse control(const HttpRequest &request);
    HttpResponse signedReply(ParamList fields) const;
    void scheduleNotify(const QString &outTradeNo, int attempt, qint64 delayMs);
    void deliverNotify(const QString &outTradeNo, int attempt);
    ParamList notifyFields(const IOnlineSimOrder &order, bool corruptSign) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace paydesk

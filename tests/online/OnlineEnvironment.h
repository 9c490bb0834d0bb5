#pragma once

// A whole online-order setup on loopback: the IOTPay and iOnline Pay simulators, a relay with
// the back-end endpoint and both notify paths, a real SQLite order log, and helpers to send
// signed back-end requests and raw notifies.

#include "NotifyFactory.h"
#include "RawHttp.h"

#include "common/Clock.h"
#include "gateway/ionline/IOnlinePayCodec.h"
#include "orders/OrderLog.h"
#include "relay/ApiAuth.h"
#include "relay/RelayService.h"
#include "sim/GatewaySimulator.h"
#include "sim/IOnlineSimulator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

namespace paydesk::test {

inline const QByteArray ApiSecret = QByteArrayLiteral("shared-secret-of-the-merchant-backend-0001");
inline const char IOnlineKey[] = "IONLINEKEY987654321";
inline const char IOnlineMchId[] = "10085200000000";
inline const char OpenId[] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
inline const char AppId[] = "wx1234567890abcdef";

inline QByteArray signedApiRequest(const QByteArray &body, qint64 timestampSeconds,
                                   const QByteArray &secret = ApiSecret,
                                   const QByteArray &contentType = QByteArrayLiteral("application/json"),
                                   const QByteArray &target = QByteArrayLiteral("/api/v1/payments"),
                                   const QByteArray &method = QByteArrayLiteral("POST"))
{
    const QByteArray path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    const QByteArray timestamp = QByteArray::number(timestampSeconds);
    const QByteArray signature = ApiAuth::hmacHex(secret, ApiAuth::canonical(method, path, timestamp, body));
    return httpRequest(method, target, body, contentType,
                       "X-PayDesk-Timestamp: " + timestamp + "\r\nX-PayDesk-Signature: " + signature + "\r\n");
}

inline qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

inline QJsonObject jsonOf(const RawReply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

inline QJsonObject miniProgramBody(qint64 amountMinor = 2865)
{
    return {{QStringLiteral("channel"), QStringLiteral("WX_JSAPI")},
            {QStringLiteral("amount"), amountMinor},
            {QStringLiteral("currency"), QStringLiteral("CAD")},
            {QStringLiteral("subject"), QStringLiteral("Bubble tea")},
            {QStringLiteral("openId"), QString::fromLatin1(OpenId)},
            {QStringLiteral("appId"), QString::fromLatin1(AppId)}};
}

inline QJsonObject appBody(qint64 amountMinor = 700)
{
    return {{QStringLiteral("channel"), QStringLiteral("WX_APP")},
            {QStringLiteral("amount"), amountMinor},
            {QStringLiteral("currency"), QStringLiteral("CAD")},
            {QStringLiteral("subject"), QStringLiteral("Gift card")},
            {QStringLiteral("appId"), QString::fromLatin1(AppId)}};
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

class OnlineEnvironment
{
public:
    // `tweak` adjusts the relay options before it starts (rate limits, disabled parts).
    bool start(const std::function<void(RelayOptions &)> &tweak = {})
    {
        if (!m_dir.isValid())
            return false;
        m_path = m_dir.filePath(QStringLiteral("orders.sqlite"));
        auto log = OrderLog::open(m_path, m_clock);
        if (!log)
            return false;
        m_log = std::move(*log);
        m_network = std::make_unique<QNetworkAccessManager>();

        SimOptions sim;
        sim.key = m_iotpayKey;
        sim.mchId = QString::fromLatin1(TestMchId);
        sim.notifyScheduleScale = 0.002; // retries after about 0.1 to 0.6 s
        m_iotpay = std::make_unique<GatewaySimulator>(sim, m_clock, m_network.get());
        IOnlineSimOptions ionline;
        ionline.key = m_ionlineKey;
        ionline.mchId = QString::fromLatin1(IOnlineMchId);
        ionline.feeType = currencyCode(m_ionlineCurrency);
        ionline.notifyScheduleScale = 0.002;
        m_ionline = std::make_unique<IOnlineSimulator>(ionline, m_clock, m_network.get());
        if (!m_iotpay->start() || !m_ionline->start())
            return false;

        RelayOptions options = relayOptions();
        if (tweak)
            tweak(options);
        m_relay = std::make_unique<RelayService>(options, m_clock);
        auto port = m_relay->start();
        if (!port)
            return false;
        m_notifyPort = *port;
        m_apiPort = m_relay->apiPort();
        return true;
    }

    RelayOptions relayOptions() const
    {
        RelayOptions options;
        options.orderLogPath = m_path;
        options.notify.mchId = QString::fromLatin1(TestMchId);
        options.notify.key = m_iotpayKey;
        options.ionline.enabled = true;
        options.ionline.mchId = QString::fromLatin1(IOnlineMchId);
        options.ionline.key = m_ionlineKey;
        options.ionline.currency = m_ionlineCurrency;
        options.api.enabled = true;
        options.api.secret = ApiSecret;
        options.api.rate = {1000.0, 1000.0, 1000};
        options.api.gatewayWaitMs = 10'000;
        IotPayConfig iotpay;
        iotpay.baseUrl = m_iotpay->baseUrl();
        iotpay.merchant = {QString::fromLatin1(TestMchId), QStringLiteral("cashier01")};
        iotpay.key = m_iotpayKey;
        iotpay.deadlineMs = 5000;
        iotpay.requireSignedReplies = true;
        options.api.iotpay = iotpay;
        IOnlinePayConfig ionline;
        ionline.gatewayUrl = m_ionline->gatewayUrl();
        ionline.merchant = {QString::fromLatin1(IOnlineMchId), m_ionlineCurrency, QStringLiteral("1.0")};
        ionline.key = m_ionlineKey;
        ionline.deadlineMs = 5000;
        ionline.validityMs = 2 * 60 * 60 * 1000;
        ionline.requireSignedReplies = true;
        options.api.ionline = ionline;
        return options;
    }

    void stop()
    {
        m_relay.reset();
        m_iotpay.reset();
        m_ionline.reset();
        m_network.reset();
        m_log.reset();
    }

    RawReply postPayment(const QJsonObject &body, quint16 port = 0)
    {
        return rawExchange(port ? port : m_apiPort, signedApiRequest(compact(body), nowSeconds()), 15'000);
    }

    RawReply postIOnlineNotify(const QByteArray &body, const QByteArray &contentType = QByteArrayLiteral("text/xml"))
    {
        return rawExchange(m_notifyPort, httpRequest("POST", "/notify/ionline", body, contentType));
    }

    // The XML notify iOnline would send for an order, signed with `key`.
    static QByteArray ionlineNotify(const QString &outTradeNo, qint64 totalFee, const MerchantKey &key,
                                    ParamList changes = {})
    {
        ParamList fields{{QStringLiteral("charset"), QStringLiteral("UTF-8")},
                         {QStringLiteral("fee_type"), QStringLiteral("CAD")},
                         {QStringLiteral("mch_id"), QString::fromLatin1(IOnlineMchId)},
                         {QStringLiteral("nonce_str"), QStringLiteral("n0nce")},
                         {QStringLiteral("out_trade_no"), outTradeNo},
                         {QStringLiteral("out_transaction_id"), QStringLiteral("4200000001")},
                         {QStringLiteral("result_code"), QStringLiteral("0")},
                         {QStringLiteral("sign_type"), QStringLiteral("MD5")},
                         {QStringLiteral("status"), QStringLiteral("0")},
                         {QStringLiteral("time_end"), QStringLiteral("20260610203000")},
                         {QStringLiteral("total_fee"), QString::number(totalFee)},
                         {QStringLiteral("trade_type"), QStringLiteral("ionline.pay.weixin.jspay.intl")},
                         {QStringLiteral("transaction_id"), QStringLiteral("1085000000000001")},
                         {QStringLiteral("version"), QStringLiteral("1.0")}};
        for (const auto &[name, value] : changes) {
            bool replaced = false;
            for (auto &field : fields) {
                if (field.first == name) {
                    field.second = value;
                    replaced = true;
                }
            }
            if (!replaced)
                fields.append({name, value});
        }
        fields.removeIf([](const auto &field) { return field.second.isEmpty(); });
        fields.append({QStringLiteral("sign"), IOnlinePayCodec::sign(fields, key)});
        return IOnlineSimulator::notifyXml(fields);
    }

    // A count read on a connection of its own, the way another process would see the file.
    qint64 count(const QString &statement, const QVariantList &values = {}) const
    {
        const QString name = QStringLiteral("online-env-count");
        qint64 result = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_log->path());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            QSqlQuery query(db);
            if (db.open() && query.prepare(statement)) {
                for (const QVariant &value : values)
                    query.addBindValue(value);
                if (query.exec() && query.next())
                    result = query.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }

    qint64 orderCount() const { return count(QStringLiteral("SELECT COUNT(*) FROM orders")); }
    qint64 notificationCount() const { return count(QStringLiteral("SELECT COUNT(*) FROM notifications")); }

    int paidTransitions(qint64 orderId) const
    {
        auto events = m_log->events(orderId);
        if (!events)
            return -1;
        int paid = 0;
        for (const OrderEvent &event : *events)
            paid += event.toState == OrderState::Paid ? 1 : 0;
        return paid;
    }

    OrderState stateOf(const QString &mchOrderNo) const
    {
        auto order = m_log->orderByMchOrderNo(mchOrderNo);
        return order ? order->state : OrderState::Invalid;
    }

    SystemClock m_clock;
    Currency m_ionlineCurrency = Currency::CAD; // the iOnline account's; set before start()
    MerchantKey m_iotpayKey{QByteArray(TestKey)};
    MerchantKey m_ionlineKey{QByteArray(IOnlineKey)};
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<OrderLog> m_log;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<GatewaySimulator> m_iotpay;
    std::unique_ptr<IOnlineSimulator> m_ionline;
    std::unique_ptr<RelayService> m_relay;
    quint16 m_notifyPort = 0;
    quint16 m_apiPort = 0;
};

} // namespace paydesk::test

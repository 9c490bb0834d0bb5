#include "IOnlineSimulator.h"

#include "gateway/ionline/IOnlinePayCodec.h"
#include "sim/SimPayloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcIOnlineSim, "paydesk.sim.ionline")

namespace paydesk {

namespace {

using namespace Qt::StringLiterals;

constexpr double NotifyScheduleMinutes[] = {0.25, 0.5, 1, 3, 10, 30, 60, 75};

HttpResponse jsonReply(const QJsonObject &object)
{
    return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse statusFail(const QString &status, const QString &message)
{
    return jsonReply({{u"status"_s, status}, {u"message"_s, message}});
}

// application/x-www-form-urlencoded: '+' is a space, every component percent-decoded. A name
// given twice is refused, as the gateway cannot know which one was signed.
std::optional<QHash<QString, QString>> parseForm(const QByteArray &body)
{
    QHash<QString, QString> fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        QByteArray name = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(name.replace('+', ' ')));
        if (fields.contains(key))
            return std::nullopt;
        fields.insert(key, QString::fromUtf8(QByteArray::fromPercentEncoding(value.replace('+', ' '))));
    }
    return fields;
}

ParamList toParams(const QHash<QString, QString> &fields)
{
    ParamList params;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        params.append({it.key(), it.value()});
    return params;
}

} // namespace

IOnlineSimFaults IOnlineSimFaults::fromJson(const QJsonObject &json)
{
    IOnlineSimFaults f;
    f.badReplySignature = json.value(u"badReplySignature").toBool();
    f.badNotifySignature = json.value(u"badNotifySignature").toBool();
    f.duplicateNotifies = json.value(u"duplicateNotifies").toInt();
    return f;
}

struct IOnlineSimulator::Private
{
    IOnlineSimOptions options;
    const Clock &clock;
    QNetworkAccessManager *network;
    HttpServer server;

    mutable QMutex mutex; // guards everything below: HTTP handlers run on server threads
    QHash<QString, IOnlineSimOrder> orders;
    QHash<QString, QString> byTransactionId;
    IOnlineSimFaults faults;
    quint64 sequence = 0;

    Private(IOnlineSimOptions o, const Clock &c, QNetworkAccessManager *n) : options(std::move(o)), clock(c), network(n)
    {}
};

IOnlineSimulator::IOnlineSimulator(IOnlineSimOptions options, const Clock &clock, QNetworkAccessManager *network,
                                   QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(std::move(options), clock, network))
{}

IOnlineSimulator::~IOnlineSimulator()
{
    stop();
}

Result<quint16> IOnlineSimulator::start()
{
    if (d->options.key.isEmpty())
        return fail(ErrorCode::ConfigMissing, u"simulator needs a merchant key"_s);
    return d->server.start(d->options.http, [this](const HttpRequest &request) { return route(request); });
}

void IOnlineSimulator::stop()
{
    d->server.stop();
}

QUrl IOnlineSimulator::gatewayUrl() const
{
    return QUrl(u"http://"_s + d->options.http.bindAddress + u':' + QString::number(d->server.port()) + u"/gateway/"_s);
}

QUrl IOnlineSimulator::controlUrl() const
{
    return QUrl(u"http://"_s + d->options.http.bindAddress + u':' + QString::number(d->server.port()) + u"/control/"_s);
}

void IOnlineSimulator::setFaults(const IOnlineSimFaults &faults)
{
    QMutexLocker lock(&d->mutex);
    d->faults = faults;
}

std::optional<IOnlineSimOrder> IOnlineSimulator::order(const QString &outTradeNo) const
{
    QMutexLocker lock(&d->mutex);
    auto it = d->orders.constFind(outTradeNo);
    return it == d->orders.constEnd() ? std::nullopt : std::optional<IOnlineSimOrder>(*it);
}

QList<IOnlineSimOrder> IOnlineSimulator::orders() const
{
    QMutexLocker lock(&d->mutex);
    return d->orders.values();
}

QByteArray IOnlineSimulator::notifyXml(const ParamList &fields)
{
    QByteArray xml = "<xml>";
    for (const auto &[name, value] : fields) {
        QByteArray text = value.toUtf8();
        text.replace("]]>", "]]]]><![CDATA[>"); // a value can never end the section early
        xml += '<' + name.toUtf8() + "><![CDATA[" + text + "]]></" + name.toUtf8() + '>';
    }
    return xml + "</xml>";
}

HttpResponse IOnlineSimulator::signedReply(ParamList fields) const
{
    bool corrupt = false;
    {
        QMutexLocker lock(&d->mutex);
        corrupt = d->faults.badReplySignature;
    }
    fields.prepend({u"sign_type"_s, u"MD5"_s});
    fields.prepend({u"charset"_s, u"UTF-8"_s});
    fields.prepend({u"version"_s, u"1.0"_s});
    fields.append({u"mch_id"_s, d->options.mchId});
    fields.append({u"nonce_str"_s, sim::randomToken(32)});
    QString sign = IOnlinePayCodec::sign(fields, d->options.key);
    if (corrupt)
        sign = sign.left(31) + (sign.endsWith(u'0') ? u'1' : u'0');
    QJsonObject reply;
    for (const auto &[name, value] : fields)
        reply.insert(name, value);
    reply.insert(u"sign"_s, sign);
    return jsonReply(reply);
}

HttpResponse IOnlineSimulator::route(const HttpRequest &request)
{
    if (request.rawPath.startsWith("/control/"))
        return control(request);
    if (request.rawPath != "/gateway/" && request.rawPath != "/gateway")
        return HttpResponse::text(404, QByteArrayLiteral("not found"));
    if (request.method != "POST")
        return statusFail(u"405"_s, u"POST required"_s);
    return gateway(request);
}

HttpResponse IOnlineSimulator::gateway(const HttpRequest &request)
{
    const auto form = parseForm(request.body);
    if (!form || form->isEmpty())
        return statusFail(u"400"_s, u"malformed form data"_s);
    const QHash<QString, QString> &fields = *form;
    if (fields.value(u"mch_id"_s) != d->options.mchId)
        return statusFail(u"400"_s, u"mch_id not found"_s);
    if (!IOnlinePayCodec::verify(toParams(fields), d->options.key, fields.value(u"sign"_s)))
        return statusFail(u"400"_s, u"sign error"_s);
    const QString service = fields.value(u"service"_s);
    if (service == IOnlinePayCodec::JsPayService || service == IOnlinePayCodec::InAppService)
        return createOrder(fields);
    if (service == IOnlinePayCodec::QueryService)
        return queryOrder(fields);
    return statusFail(u"400"_s, u"unknown service"_s);
}

HttpResponse IOnlineSimulator::createOrder(const QHash<QString, QString> &fields)
{
    static const QRegularExpression fee(u"^[1-9][0-9]{0,11}$"_s);
    const QString service = fields.value(u"service"_s);
    const bool jspay = service == IOnlinePayCodec::JsPayService;
    for (const QString &name : {u"out_trade_no"_s, u"body"_s, u"total_fee"_s, u"mch_create_ip"_s, u"notify_url"_s,
                                u"nonce_str"_s, u"sub_appid"_s}) {
        if (fields.value(name).isEmpty())
            return statusFail(u"400"_s, u"missing parameter "_s + name);
    }
    if (!fee.match(fields.value(u"total_fee"_s)).hasMatch())
        return statusFail(u"400"_s, u"total_fee must be a positive integer"_s);
    if (jspay && (fields.value(u"is_raw"_s) != u"1" || fields.value(u"sub_openid"_s).isEmpty()))
        return statusFail(u"400"_s, u"is_raw=1 and sub_openid are required"_s);

    IOnlineSimOrder created;
    {
        QMutexLocker lock(&d->mutex);
        const QString outTradeNo = fields.value(u"out_trade_no"_s);
        if (auto existing = d->orders.find(outTradeNo); existing != d->orders.end()) {
            ++existing->createRequests;
            lock.unlock(); // signedReply takes the lock itself
            return signedReply({{u"status"_s, u"0"_s},
                                {u"result_code"_s, u"1"_s},
                                {u"err_code"_s, u"OUT_TRADE_NO_USED"_s},
                                {u"err_msg"_s, u"out_trade_no already used"_s}});
        }
        IOnlineSimOrder order;
        order.outTradeNo = outTradeNo;
        order.transactionId = u"1085%1%2"_s.arg(d->clock.nowUtcMs()).arg(++d->sequence, 6, 10, QLatin1Char('0'));
        order.service = service;
        order.totalFee = fields.value(u"total_fee"_s).toLongLong();
        order.notifyUrl = fields.value(u"notify_url"_s);
        order.body = fields.value(u"body"_s);
        order.attach = fields.value(u"attach"_s);
        order.subOpenId = fields.value(u"sub_openid"_s);
        order.subAppId = fields.value(u"sub_appid"_s);
        order.payInfo = sim::wxPayParams(jspay ? u"WX_JSAPI"_s : u"WX_APP"_s, order.subAppId, d->options.mchId,
                                         d->clock.nowUtcMs(), d->options.key);
        order.createdMonotonicMs = d->clock.monotonicMs();
        order.createRequests = 1;
        d->orders.insert(outTradeNo, order);
        d->byTransactionId.insert(order.transactionId, outTradeNo);
        created = order;
    }
    Q_EMIT orderCreated(created.outTradeNo);
    ParamList reply{{u"status"_s, u"0"_s},
                    {u"result_code"_s, u"0"_s},
                    {u"out_trade_no"_s, created.outTradeNo},
                    {u"transaction_id"_s, created.transactionId},
                    {u"pay_info"_s, QString::fromUtf8(QJsonDocument(created.payInfo).toJson(QJsonDocument::Compact))}};
    if (jspay)
        reply.append({u"pay_url"_s, u"https://pay.ionlinepay.com/pay/jspay?token_id="_s + sim::randomToken(24)});
    return signedReply(reply);
}

HttpResponse IOnlineSimulator::queryOrder(const QHash<QString, QString> &fields)
{
    QMutexLocker lock(&d->mutex);
    QString key = fields.value(u"out_trade_no"_s);
    if (key.isEmpty())
        key = d->byTransactionId.value(fields.value(u"transaction_id"_s));
    const auto it = d->orders.constFind(key);
    if (key.isEmpty() || it == d->orders.constEnd()) {
        lock.unlock();
        return signedReply({{u"status"_s, u"0"_s},
                            {u"result_code"_s, u"1"_s},
                            {u"err_code"_s, u"ORDERNOTEXIST"_s},
                            {u"err_msg"_s, u"order does not exist"_s}});
    }
    // A copy: it is read after the lock is released.
    const IOnlineSimOrder order = *it; // NOLINT(performance-unnecessary-copy-initialization)
    const bool expired = d->clock.monotonicMs() - order.createdMonotonicMs > d->options.validityMs;
    lock.unlock();
    ParamList reply{{u"status"_s, u"0"_s},
                    {u"result_code"_s, u"0"_s},
                    {u"trade_state"_s, order.paid ? u"SUCCESS"_s : (expired ? u"CLOSED"_s : u"NOTPAY"_s)},
                    {u"trade_type"_s, order.service},
                    {u"out_trade_no"_s, order.outTradeNo},
                    {u"transaction_id"_s, order.transactionId},
                    {u"total_fee"_s, QString::number(order.totalFee)}};
    if (!d->options.feeType.isEmpty())
        reply.append({u"fee_type"_s, d->options.feeType});
    if (order.paid) {
        reply.append({u"time_end"_s, IOnlinePayCodec::gmt8Timestamp(order.paidAtUtcMs)});
        reply.append({u"out_transaction_id"_s, order.outTransactionId});
    }
    return signedReply(reply);
}

HttpResponse IOnlineSimulator::control(const HttpRequest &request)
{
    const QUrlQuery query(QString::fromUtf8(request.rawQuery));
    if (request.rawPath == "/control/pay" && request.method == "POST") {
        auto paid = pay(query.queryItemValue(u"out_trade_no"_s, QUrl::FullyDecoded));
        return paid ? HttpResponse::text(200, QByteArrayLiteral("paid"))
                    : HttpResponse::text(404, describe(paid.error()).toUtf8());
    }
    if (request.rawPath == "/control/faults" && request.method == "POST") {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject())
            return HttpResponse::text(400, QByteArrayLiteral("faults must be a JSON object"));
        setFaults(IOnlineSimFaults::fromJson(document.object()));
        return HttpResponse::text(200, QByteArrayLiteral("ok"));
    }
    if (request.rawPath == "/control/orders" && request.method == "GET") {
        QJsonArray list;
        for (const IOnlineSimOrder &o : orders()) {
            list.append(QJsonObject{{u"out_trade_no"_s, o.outTradeNo},
                                    {u"transaction_id"_s, o.transactionId},
                                    {u"service"_s, o.service},
                                    {u"total_fee"_s, o.totalFee},
                                    {u"paid"_s, o.paid},
                                    {u"notifyAttempts"_s, o.notifyAttempts},
                                    {u"notifyAcknowledged"_s, o.notifyAcknowledged}});
        }
        return HttpResponse::json(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
    }
    return HttpResponse::text(404, QByteArrayLiteral("not found"));
}

Result<void> IOnlineSimulator::pay(const QString &outTradeNo)
{
    {
        QMutexLocker lock(&d->mutex);
        auto it = d->orders.find(outTradeNo);
        if (it == d->orders.end())
            return fail(ErrorCode::NotFound, u"no such order: "_s + outTradeNo.left(40));
        if (it->paid)
            return {};
        if (d->clock.monotonicMs() - it->createdMonotonicMs > d->options.validityMs)
            return fail(ErrorCode::TransitionRejected, u"order closed"_s);
        it->paid = true;
        it->paidAtUtcMs = d->clock.nowUtcMs();
        it->outTransactionId = u"4200%1"_s.arg(it->paidAtUtcMs);
    }
    qCInfo(lcIOnlineSim).noquote() << "customer paid" << outTradeNo;
    QMetaObject::invokeMethod(
        this, [this, outTradeNo] { scheduleNotify(outTradeNo, 0, 0); }, Qt::QueuedConnection);
    return {};
}

void IOnlineSimulator::scheduleNotify(const QString &outTradeNo, int attempt, qint64 delayMs)
{
    if (delayMs <= 0) {
        deliverNotify(outTradeNo, attempt);
        return;
    }
    QTimer::singleShot(std::chrono::milliseconds(delayMs), this,
                       [this, outTradeNo, attempt] { deliverNotify(outTradeNo, attempt); });
}

ParamList IOnlineSimulator::notifyFields(const IOnlineSimOrder &order, bool corruptSign) const
{
    // The field set of the notify sample (§13.4), status and result_code from its table.
    ParamList fields{{u"attach"_s, order.attach},
                     {u"body"_s, order.body},
                     {u"charset"_s, u"UTF-8"_s},
                     {u"mch_id"_s, d->options.mchId},
                     {u"nonce_str"_s, sim::randomToken(32)},
                     {u"out_trade_no"_s, order.outTradeNo},
                     {u"out_transaction_id"_s, order.outTransactionId},
                     {u"result_code"_s, u"0"_s},
                     {u"sign_type"_s, u"MD5"_s},
                     {u"status"_s, u"0"_s},
                     {u"time_end"_s, IOnlinePayCodec::gmt8Timestamp(order.paidAtUtcMs)},
                     {u"total_fee"_s, QString::number(order.totalFee)},
                     {u"trade_type"_s, order.service},
                     {u"transaction_id"_s, order.transactionId},
                     {u"version"_s, u"1.0"_s}};
    if (!d->options.feeType.isEmpty())
        fields.append({u"fee_type"_s, d->options.feeType});
    fields.removeIf([](const auto &field) { return field.second.isEmpty(); });
    QString sign = IOnlinePayCodec::sign(fields, d->options.key);
    if (corruptSign)
        sign = sign.left(31) + (sign.endsWith(u'0') ? u'1' : u'0');
    fields.append({u"sign"_s, sign});
    return fields;
}

void IOnlineSimulator::deliverNotify(const QString &outTradeNo, int attempt)
{
    IOnlineSimOrder order;
    IOnlineSimFaults faults;
    {
        QMutexLocker lock(&d->mutex);
        auto it = d->orders.find(outTradeNo);
        if (it == d->orders.end() || it->notifyAcknowledged)
            return;
        ++it->notifyAttempts;
        order = *it;
        faults = d->faults;
    }
    const QByteArray xml = notifyXml(notifyFields(order, faults.badNotifySignature));

    const int copies = 1 + std::max(0, faults.duplicateNotifies);
    for (int copy = 0; copy < copies; ++copy) {
        QNetworkRequest request{QUrl(order.notifyUrl)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/xml; charset=UTF-8"));
        request.setTransferTimeout(10'000);
        QNetworkReply *reply = d->network->post(request, xml);
        const bool counts = copy == 0;
        connect(reply, &QNetworkReply::finished, this, [this, reply, outTradeNo, attempt, counts] {
            reply->deleteLater();
            // §13.4: the reply `success` is compared case-insensitively.
            const bool acknowledged = reply->error() == QNetworkReply::NoError
                && reply->readAll().trimmed().compare("success", Qt::CaseInsensitive) == 0;
            if (acknowledged) {
                QMutexLocker lock(&d->mutex);
                if (auto it = d->orders.find(outTradeNo); it != d->orders.end())
                    it->notifyAcknowledged = true;
            }
            Q_EMIT notifyAnswered(outTradeNo, acknowledged);
            if (!counts || acknowledged)
                return;
            if (attempt < int(std::size(NotifyScheduleMinutes))) {
                const auto delayMs = qint64(NotifyScheduleMinutes[attempt] * 60'000.0 * d->options.notifyScheduleScale);
                scheduleNotify(outTradeNo, attempt + 1, std::max<qint64>(1, delayMs));
            } else {
                qCWarning(lcIOnlineSim).noquote() << "notify for" << outTradeNo << "never acknowledged; giving up";
            }
        });
    }
}

} // namespace paydesk

#include "GatewaySimulator.h"

#include "gateway/Signer.h"
#include "sim/SimMicropay.h"
#include "sim/SimPayloads.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcSim, "paydesk.sim")

namespace paydesk {

namespace {

constexpr int NotifyScheduleMinutes[] = {1, 2, 3, 4, 5};

// Scalar JSON values as the signed text: integers without decimals, strings raw.
QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

ParamList scalarParams(const QJsonObject &object)
{
    ParamList params;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isObject() || it.value().isArray() || it.value().isNull())
            continue;
        params.append({it.key(), scalarText(it.value())});
    }
    return params;
}

QJsonObject failEnvelope(const QString &errCode, const QString &message)
{
    return {{QStringLiteral("retCode"), QStringLiteral("FAIL")},
            {QStringLiteral("retMsg"), message},
            {QStringLiteral("errCode"), errCode}};
}

QJsonObject businessFail(const QString &errCode, const QString &description)
{
    return {{QStringLiteral("retCode"), QStringLiteral("SUCCESS")},
            {QStringLiteral("resCode"), QStringLiteral("FAIL")},
            {QStringLiteral("errCode"), errCode},
            {QStringLiteral("errCodeDes"), description}};
}

HttpResponse jsonReply(const QJsonObject &object)
{
    return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

struct GatewaySimulator::Private
{
    SimOptions options;
    const Clock &clock;
    QNetworkAccessManager *network;
    HttpServer server;

    mutable QMutex mutex; // guards everything below: HTTP handlers run on server threads
    QHash<QString, SimOrder> orders;
    QHash<QString, QString> payOrderIndex; // payOrderId -> mchOrderNo
    QHash<QString, qint64> refunds; // mchRefundNo -> amount
    QHash<QString, int> queries; // mchOrderNo -> query_order calls naming it, known or not
    SimFaults faults;
    bool faultsActive = false;
    quint64 payOrderSequence = 0;

    Private(SimOptions o, const Clock &c, QNetworkAccessManager *n) : options(std::move(o)), clock(c), network(n) {}
};

GatewaySimulator::GatewaySimulator(SimOptions options, const Clock &clock, QNetworkAccessManager *network,
                                   QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(std::move(options), clock, network))
{}

GatewaySimulator::~GatewaySimulator()
{
    stop();
}

Result<quint16> GatewaySimulator::start()
{
    if (d->options.key.isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("simulator needs a merchant key"));
    return d->server.start(d->options.http, [this](const HttpRequest &request) { return route(request); });
}

void GatewaySimulator::stop()
{
    d->server.stop();
}

QUrl GatewaySimulator::baseUrl() const
{
    return QUrl(u"http://" + d->options.http.bindAddress + u':' + QString::number(d->server.port()) + u"/v1/");
}

QUrl GatewaySimulator::controlUrl() const
{
    return QUrl(u"http://" + d->options.http.bindAddress + u':' + QString::number(d->server.port()) + u"/control/");
}

void GatewaySimulator::setFaults(const SimFaults &faults)
{
    QMutexLocker lock(&d->mutex);
    d->faults = faults;
    d->faultsActive = true;
}

void GatewaySimulator::clearFaults()
{
    QMutexLocker lock(&d->mutex);
    d->faults = SimFaults();
    d->faultsActive = false;
}

SimFaults GatewaySimulator::takeFaults()
{
    QMutexLocker lock(&d->mutex);
    if (!d->faultsActive)
        return {};
    const SimFaults current = d->faults;
    if (d->faults.calls > 0)
        --d->faults.calls;
    if (current.calls == 1) {
        d->faults = SimFaults();
        d->faultsActive = false;
    }
    return current;
}

int GatewaySimulator::queryRequests(const QString &mchOrderNo) const
{
    QMutexLocker lock(&d->mutex);
    return d->queries.value(mchOrderNo);
}

std::optional<SimOrder> GatewaySimulator::order(const QString &mchOrderNo) const
{
    QMutexLocker lock(&d->mutex);
    auto it = d->orders.constFind(mchOrderNo);
    if (it == d->orders.constEnd())
        return std::nullopt;
    return *it;
}

QList<SimOrder> GatewaySimulator::orders() const
{
    QMutexLocker lock(&d->mutex);
    return d->orders.values();
}

HttpResponse GatewaySimulator::signedReply(QJsonObject reply, bool corrupt) const
{
    QString sign = Signer::sign(scalarParams(reply), d->options.key);
    if (corrupt)
        sign = sign.left(31) + (sign.endsWith(u'0') ? u'1' : u'0');
    reply.insert(QStringLiteral("sign"), sign);
    return jsonReply(reply);
}

HttpResponse GatewaySimulator::route(const HttpRequest &request)
{
    if (request.rawPath.startsWith("/control/"))
        return control(request);
    static const QByteArray endpoints[] = {"/v1/create_order", "/v1/query_order", "/v1/refund_order"};
    if (std::find(std::begin(endpoints), std::end(endpoints), request.rawPath) == std::end(endpoints))
        return HttpResponse::text(404, QByteArrayLiteral("not found"));
    if (request.method != "POST")
        return jsonReply(failEnvelope(QStringLiteral("0011"), QStringLiteral("POST required")));

    QUrlQuery form(QString::fromUtf8(request.body));
    QString paramsJson = form.queryItemValue(QStringLiteral("params"), QUrl::FullyDecoded);
    if (paramsJson.isEmpty())
        paramsJson = QUrlQuery(QString::fromUtf8(request.rawQuery))
                         .queryItemValue(QStringLiteral("params"), QUrl::FullyDecoded);
    if (paramsJson.isEmpty())
        return jsonReply(failEnvelope(QStringLiteral("0012"), QStringLiteral("POST data empty")));
    const QJsonDocument document = QJsonDocument::fromJson(paramsJson.toUtf8());
    if (!document.isObject())
        return jsonReply(failEnvelope(QStringLiteral("0014"), QStringLiteral("params is not a JSON object")));
    const QJsonObject params = document.object();

    const SimFaults faults = takeFaults();
    HttpResponse response;
    if (faults.dropReply) {
        response.dropConnection = true;
        return response;
    }
    if (params.value(QStringLiteral("mchId")).toString() != d->options.mchId) {
        response = jsonReply(failEnvelope(QStringLiteral("0015"), QStringLiteral("merchant id not found")));
    } else if (!Signer::verify(scalarParams(params), d->options.key, params.value(QStringLiteral("sign")).toString())) {
        response = jsonReply(failEnvelope(QStringLiteral("0013"), QStringLiteral("signature error")));
    } else if (request.rawPath == "/v1/create_order") {
        response = createOrder(params, faults);
    } else if (faults.serverErrorStatus >= 500) {
        // Query and refund fail before doing anything; create fails after making the order.
        response = HttpResponse::text(faults.serverErrorStatus,
                                      QByteArrayLiteral("<html><body>Service Unavailable</body></html>"));
        response.contentType = QByteArrayLiteral("text/html");
    } else if (request.rawPath == "/v1/query_order") {
        response = queryOrder(params);
    } else {
        response = refundOrder(params);
    }
    if (faults.badSignature && response.body.contains("\"sign\"")) {
        QJsonObject reply = QJsonDocument::fromJson(response.body).object();
        reply.remove(QStringLiteral("sign"));
        response = signedReply(reply, true);
    }
    response.delayMs = faults.latencyMs;
    response.trickleChunkBytes = faults.trickleChunkBytes;
    response.trickleIntervalMs = faults.trickleIntervalMs;
    return response;
}

namespace {

// The parameter checks of create_order: the failure envelope, or nothing when the request is fine.
std::optional<QJsonObject> createProblem(const QJsonObject &params)
{
    static const QRegularExpression orderNumber(QStringLiteral("^[A-Za-z0-9]{1,30}$"));
    for (const char *required :
         {"mchOrderNo", "channelId", "currency", "amount", "clientIp", "notifyUrl", "subject", "body", "jobNo"}) {
        if (scalarText(params.value(QLatin1StringView(required))).isEmpty())
            return failEnvelope(QStringLiteral("0014"), u"parameter missing: " + QLatin1StringView(required));
    }
    const QString channelId = params.value(QStringLiteral("channelId")).toString();
    const QString currency = params.value(QStringLiteral("currency")).toString();
    const bool knownChannel = !sim::qrPayloadFor(channelId).isEmpty() || sim::isClientPayChannel(channelId)
        || sim::isMicropayChannelId(channelId);
    const bool cnyAllowed = channelId == u"WX_NATIVE" || channelId == u"WX_JSAPI";
    if (!orderNumber.match(scalarText(params.value(QStringLiteral("mchOrderNo")))).hasMatch()
        || scalarText(params.value(QStringLiteral("amount"))).toLongLong() <= 0 || !knownChannel
        || (currency != u"CAD" && currency != u"USD" && !(currency == u"CNY" && cnyAllowed)))
        return failEnvelope(QStringLiteral("0014"), QStringLiteral("parameter error"));
    const QJsonObject extra
        = QJsonDocument::fromJson(params.value(QStringLiteral("extra")).toString().toUtf8()).object();
    if (const QString problem = sim::extraProblem(channelId, extra); !problem.isEmpty())
        return failEnvelope(QStringLiteral("0014"), problem);
    if (sim::isMicropayChannelId(channelId)) {
        if (const QString problem = sim::micropayProblem(params); !problem.isEmpty())
            return failEnvelope(QStringLiteral("0014"), problem);
    }
    return std::nullopt;
}

} // namespace

namespace {

// The fields of a create_order request that the order keeps as they were sent.
SimOrder orderAsRequested(const QJsonObject &params)
{
    SimOrder order;
    order.mchOrderNo = scalarText(params.value(QStringLiteral("mchOrderNo")));
    order.channelId = params.value(QStringLiteral("channelId")).toString();
    order.amountMinor = scalarText(params.value(QStringLiteral("amount"))).toLongLong();
    order.currency = params.value(QStringLiteral("currency")).toString();
    order.notifyUrl = params.value(QStringLiteral("notifyUrl")).toString();
    order.subject = params.value(QStringLiteral("subject")).toString();
    order.device = params.value(QStringLiteral("device")).toString();
    order.clientIp = params.value(QStringLiteral("clientIp")).toString();
    order.param1 = params.value(QStringLiteral("param1")).toString();
    order.param2 = params.value(QStringLiteral("param2")).toString();
    return order;
}

} // namespace

HttpResponse GatewaySimulator::createOrder(const QJsonObject &params, const SimFaults &faults)
{
    if (const auto problem = createProblem(params))
        return jsonReply(*problem);
    SimOrder order = orderAsRequested(params);
    const QString mchOrderNo = order.mchOrderNo;
    const QString channelId = order.channelId;
    const bool clientPays = sim::isClientPayChannel(channelId);
    const QJsonObject extra
        = QJsonDocument::fromJson(params.value(QStringLiteral("extra")).toString().toUtf8()).object();
    const bool micropay = sim::isMicropayChannelId(channelId);
    const QString identityCode = params.value(QStringLiteral("identityCode")).toString();
    const sim::MicropayScenario scenario = sim::micropayScenarioFor(identityCode);
    if (micropay && !sim::micropayRefusal(scenario).isEmpty())
        return signedReply(sim::micropayRefusal(scenario), false); // the wallet refused: no order

    SimOrder created;
    {
        QMutexLocker lock(&d->mutex);
        auto existing = d->orders.find(mchOrderNo);
        if (existing != d->orders.end()) {
            ++existing->createRequests;
            return signedReply(businessFail(existing->paid ? QStringLiteral("0113") : QStringLiteral("0014"),
                                            QStringLiteral("mchOrderNo already used")),
                               false);
        }
        order.payOrderId
            = QStringLiteral("P%1%2")
                  .arg(d->options.mchId.right(4))
                  .arg(++d->payOrderSequence + d->clock.nowUtcMs() % 100000000 * 1000, 17, 10, QLatin1Char('0'));
        order.qrPayload = sim::qrPayloadFor(channelId);
        if (clientPays) {
            order.payParams = sim::wxPayParams(channelId, extra.value(QStringLiteral("appId")).toString(),
                                               d->options.mchId, d->clock.nowUtcMs(), d->options.key);
        }
        order.createdMonotonicMs = d->clock.monotonicMs();
        order.createRequests = 1;
        order.paying = micropay && scenario == sim::MicropayScenario::Password;
        order.identityCodeLastFour = micropay ? identityCode.right(4) : QString();
        d->orders.insert(mchOrderNo, order);
        d->payOrderIndex.insert(order.payOrderId, mchOrderNo);
        created = order;
    }
    Q_EMIT orderCreated(mchOrderNo);
    if (d->options.autoPayAfterMs >= 0 && !micropay) {
        QMetaObject::invokeMethod(
            this,
            [this, mchOrderNo] {
                QTimer::singleShot(int(d->options.autoPayAfterMs), this, [this, mchOrderNo] { (void)pay(mchOrderNo); });
            },
            Qt::QueuedConnection);
    }

    return createdReply(created, faults, micropay && scenario == sim::MicropayScenario::NoReply,
                        d->options.micropayConfirmMs);
}

HttpResponse GatewaySimulator::queryOrder(const QJsonObject &params)
{
    const QString mchOrderNo = scalarText(params.value(QStringLiteral("mchOrderNo")));
    const QString payOrderId = params.value(QStringLiteral("payOrderId")).toString();
    QMutexLocker lock(&d->mutex);
    const QString key = mchOrderNo.isEmpty() ? d->payOrderIndex.value(payOrderId) : mchOrderNo;
    if (!key.isEmpty())
        ++d->queries[key];
    auto it = d->orders.constFind(key);
    if (key.isEmpty() || it == d->orders.constEnd())
        return signedReply(businessFail(QStringLiteral("0112"), QStringLiteral("order not found")), false);
    const SimOrder &order = *it;
    int status = 0;
    if (order.paid)
        status = order.notifyAcknowledged ? 3 : 2;
    else if (d->clock.monotonicMs() - order.createdMonotonicMs > d->options.validityMs)
        status = 4;
    else if (order.paying)
        status = 1;
    QJsonObject reply{{QStringLiteral("retCode"), QStringLiteral("SUCCESS")},
                      {QStringLiteral("resCode"), QStringLiteral("SUCCESS")},
                      {QStringLiteral("mchId"), d->options.mchId},
                      {QStringLiteral("payOrderId"), order.payOrderId},
                      {QStringLiteral("mchOrderNo"), order.mchOrderNo},
                      {QStringLiteral("channelId"), order.channelId},
                      {QStringLiteral("currency"), order.currency},
                      {QStringLiteral("amount"), order.amountMinor},
                      {QStringLiteral("status"), status},
                      {QStringLiteral("subject"), order.subject}};
    // xxpay's order record carries the channel payload; IOTPay's may not (payment-api.md gap 1),
    // so the client must cope either way.
    if (d->options.queryCarriesQr && !order.qrPayload.isEmpty())
        reply.insert(QStringLiteral("codeUrl"), order.qrPayload);
    if (order.paid) {
        reply.insert(QStringLiteral("paySuccTime"), order.paidAtUtcMs);
        reply.insert(QStringLiteral("channelOrderNo"), order.channelOrderNo);
    }
    return signedReply(reply, false);
}

HttpResponse GatewaySimulator::refundOrder(const QJsonObject &params)
{
    const QString payOrderId = params.value(QStringLiteral("payOrderId")).toString();
    const QString refundNo = scalarText(params.value(QStringLiteral("mchRefundNo")));
    const qint64 amount = scalarText(params.value(QStringLiteral("refundAmount"))).toLongLong();
    if (refundNo.isEmpty() || amount <= 0 || params.value(QStringLiteral("loginName")).toString().isEmpty())
        return jsonReply(failEnvelope(QStringLiteral("0014"), QStringLiteral("parameter error")));
    QMutexLocker lock(&d->mutex);
    auto it = d->orders.find(d->payOrderIndex.value(payOrderId));
    if (payOrderId.isEmpty() || it == d->orders.end())
        return signedReply(businessFail(QStringLiteral("0112"), QStringLiteral("order not found")), false);
    if (d->refunds.contains(refundNo))
        return signedReply(businessFail(QStringLiteral("0014"), QStringLiteral("mchRefundNo already used")), false);
    if (!it->paid || amount > it->amountMinor - it->refundedMinor)
        return signedReply(
            businessFail(QStringLiteral("0014"), QStringLiteral("refund amount exceeds the paid amount")), false);
    it->refundedMinor += amount;
    d->refunds.insert(refundNo, amount);
    QJsonObject reply{{QStringLiteral("retCode"), QStringLiteral("SUCCESS")},
                      {QStringLiteral("resCode"), QStringLiteral("SUCCESS")},
                      {QStringLiteral("payOrderId"), payOrderId},
                      {QStringLiteral("mchRefundNo"), refundNo},
                      {QStringLiteral("refundAmount"), amount},
                      {QStringLiteral("refundOrderId"), QString(u"R" + payOrderId.mid(1))}};
    return signedReply(reply, false);
}

HttpResponse GatewaySimulator::control(const HttpRequest &request)
{
    const QUrlQuery query(QString::fromUtf8(request.rawQuery));
    if (request.rawPath == "/control/pay" && request.method == "POST") {
        auto paid = pay(query.queryItemValue(QStringLiteral("mchOrderNo"), QUrl::FullyDecoded));
        if (!paid)
            return HttpResponse::text(404, describe(paid.error()).toUtf8());
        return HttpResponse::text(200, QByteArrayLiteral("paid"));
    }
    if (request.rawPath == "/control/faults" && request.method == "POST") {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject())
            return HttpResponse::text(400, QByteArrayLiteral("faults must be a JSON object"));
        setFaults(SimFaults::fromJson(document.object()));
        return HttpResponse::text(200, QByteArrayLiteral("ok"));
    }
    if (request.rawPath == "/control/orders" && request.method == "GET") {
        QJsonArray list;
        for (const SimOrder &o : orders()) {
            list.append(QJsonObject{{QStringLiteral("mchOrderNo"), o.mchOrderNo},
                                    {QStringLiteral("payOrderId"), o.payOrderId},
                                    {QStringLiteral("channelId"), o.channelId},
                                    {QStringLiteral("amount"), o.amountMinor},
                                    {QStringLiteral("currency"), o.currency},
                                    {QStringLiteral("paid"), o.paid},
                                    {QStringLiteral("notifyAcknowledged"), o.notifyAcknowledged},
                                    {QStringLiteral("notifyAttempts"), o.notifyAttempts},
                                    {QStringLiteral("createRequests"), o.createRequests}});
        }
        return HttpResponse::json(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
    }
    return HttpResponse::text(404, QByteArrayLiteral("not found"));
}

Result<void> GatewaySimulator::pay(const QString &mchOrderNo)
{
    int lateMs = 0;
    {
        QMutexLocker lock(&d->mutex);
        auto it = d->orders.find(mchOrderNo);
        if (it == d->orders.end())
            return fail(ErrorCode::NotFound, u"no such order: " + mchOrderNo.left(40));
        if (it->paid)
            return {};
        if (d->clock.monotonicMs() - it->createdMonotonicMs > d->options.validityMs)
            return fail(ErrorCode::TransitionRejected, QStringLiteral("order expired (status 4)"));
        it->paid = true;
        it->paidAtUtcMs = d->clock.nowUtcMs();
        it->channelOrderNo = QStringLiteral("42000%1").arg(it->paidAtUtcMs);
        if (d->faultsActive)
            lateMs = d->faults.lateNotifyMs;
    }
    qCInfo(lcSim).noquote() << "customer paid" << mchOrderNo;
    QMetaObject::invokeMethod(
        this, [this, mchOrderNo, lateMs] { scheduleNotify(mchOrderNo, 0, lateMs); }, Qt::QueuedConnection);
    return {};
}

void GatewaySimulator::scheduleNotify(const QString &mchOrderNo, int attempt, qint64 delayMs)
{
    if (delayMs <= 0) {
        deliverNotify(mchOrderNo, attempt);
        return;
    }
    QTimer::singleShot(std::chrono::milliseconds(delayMs), this,
                       [this, mchOrderNo, attempt] { deliverNotify(mchOrderNo, attempt); });
}

namespace {

// IOTPay's notify for a paid order, as query pairs, signed (wrongly when asked to).
QUrlQuery signedNotifyQuery(const SimOrder &order, const QString &mchId, const MerchantKey &key, bool badSignature)
{
    const ParamList fields = {
        {QStringLiteral("payOrderId"), order.payOrderId},
        {QStringLiteral("mchId"), mchId},
        {QStringLiteral("mchOrderNo"), order.mchOrderNo},
        {QStringLiteral("channelId"), order.channelId},
        {QStringLiteral("currency"), order.currency},
        {QStringLiteral("amount"), QString::number(order.amountMinor)},
        {QStringLiteral("status"), QStringLiteral("2")},
        {QStringLiteral("clientIp"), order.clientIp},
        {QStringLiteral("device"), order.device},
        {QStringLiteral("subject"), order.subject},
        {QStringLiteral("channelOrderNo"), order.channelOrderNo},
        {QStringLiteral("param1"), order.param1},
        {QStringLiteral("param2"), order.param2},
        {QStringLiteral("paySuccTime"), QString::number(order.paidAtUtcMs)},
        {QStringLiteral("backType"), QStringLiteral("2")},
    };
    QString sign = Signer::sign(fields, key);
    if (badSignature)
        sign = sign.left(31) + (sign.endsWith(u'0') ? u'1' : u'0');
    QUrlQuery query;
    for (const auto &[name, value] : fields)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    query.addQueryItem(QStringLiteral("sign"), sign);
    return query;
}

} // namespace

void GatewaySimulator::deliverNotify(const QString &mchOrderNo, int attempt)
{
    SimOrder order;
    SimFaults faults;
    {
        QMutexLocker lock(&d->mutex);
        auto it = d->orders.find(mchOrderNo);
        if (it == d->orders.end() || it->notifyAcknowledged)
            return;
        ++it->notifyAttempts;
        order = *it;
        if (d->faultsActive)
            faults = d->faults;
    }
    const QUrlQuery query = signedNotifyQuery(order, d->options.mchId, d->options.key, faults.badNotifySignature);

    QUrl url(order.notifyUrl);
    QByteArray body;
    if (d->options.notifyMode == SimNotifyMode::FormBody)
        body = query.toString(QUrl::FullyEncoded).toUtf8();
    else
        url.setQuery(query.toString(QUrl::FullyEncoded), QUrl::StrictMode);

    const int copies = 1 + std::max(0, faults.duplicateNotifies);
    for (int copy = 0; copy < copies; ++copy) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setTransferTimeout(10'000);
        QNetworkReply *reply = d->network->post(request, body);
        const bool counts = copy == 0;
        connect(reply, &QNetworkReply::finished, this, [this, reply, mchOrderNo, attempt, counts] {
            reply->deleteLater();
            const bool acknowledged = reply->error() == QNetworkReply::NoError && reply->readAll() == "success";
            if (acknowledged) {
                QMutexLocker lock(&d->mutex);
                auto it = d->orders.find(mchOrderNo);
                if (it != d->orders.end())
                    it->notifyAcknowledged = true;
            }
            Q_EMIT notifyAnswered(mchOrderNo, acknowledged);
            if (!counts || acknowledged)
                return;
            if (attempt < int(std::size(NotifyScheduleMinutes))) {
                const qint64 delayMs
                    = qint64(NotifyScheduleMinutes[attempt] * 60'000.0 * d->options.notifyScheduleScale);
                scheduleNotify(mchOrderNo, attempt + 1, std::max<qint64>(1, delayMs));
            } else {
                qCWarning(lcSim).noquote() << "notify for" << mchOrderNo << "never acknowledged; giving up";
            }
        });
    }
}

} // namespace paydesk

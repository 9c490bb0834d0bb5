#include "IOnlineNotifyHandler.h"

#include "gateway/IOnlinePayCodec.h"
#include "relay/XmlNotifyDecoder.h"

#include <QRegularExpression>

#include <algorithm>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

const QString Gateway = u"ionline"_s;

QString valueOf(const ParamList &params, QStringView name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

bool has(const ParamList &params, QStringView name)
{
    return std::any_of(params.cbegin(), params.cend(), [name](const auto &field) { return field.first == name; });
}

QByteArray auditRaw(const HttpRequest &request)
{
    return request.method + ' ' + request.rawTarget.left(256) + "\n\n" + request.body.left(MaxRecordedBytes);
}

// XML only; a charset, when given, must be UTF-8. No Content-Type at all is tolerated.
bool acceptableContentType(const QByteArray &header)
{
    if (header.isEmpty())
        return true;
    const QList<QByteArray> parts = header.toLower().split(';');
    const QByteArray type = parts.value(0).trimmed();
    if (type != "text/xml" && type != "application/xml")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        if (parameter.startsWith("charset=") && parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"")
            return false;
    }
    return true;
}

} // namespace

IOnlineNotifyHandler::IOnlineNotifyHandler(IOnlineNotifyConfig config, const Clock &clock)
    : m_config(std::move(config)), m_clock(clock)
{
}

NotifyVerdict IOnlineNotifyHandler::reject(OrderLog &orderLog, const HttpRequest &request, int status,
                                           const QString &reason, const QString &mchOrderNo) const
{
    NotificationRecord record;
    record.receivedAtMs = m_clock.nowUtcMs();
    record.gateway = Gateway;
    record.verdict = u"rejected"_s;
    record.reason = reason;
    record.mchOrderNo = mchOrderNo.left(64);
    record.remoteAddress = request.remoteAddress;
    record.raw = auditRaw(request);
    if (auto stored = orderLog.recordNotification(record); !stored) {
        return {NotifyVerdictKind::StoreFailed, reason + u"; audit not stored: " + describe(stored.error()),
                mchOrderNo, HttpResponse::text(503, QByteArrayLiteral("store unavailable"))};
    }
    return {NotifyVerdictKind::Rejected, reason, mchOrderNo,
            HttpResponse::text(status, QByteArrayLiteral("fail: ") + reason.toUtf8())};
}

// Signature first, then whose and what it is; nothing here touches the order row.
std::optional<NotifyVerdict> IOnlineNotifyHandler::checkFields(const ParamList &fields, const HttpRequest &request,
                                                               OrderLog &orderLog) const
{
    static const QRegularExpression orderNumber(u"^[A-Za-z0-9]{1,32}$"_s);
    static const QRegularExpression positive(u"^[1-9][0-9]{0,17}$"_s);
    const QString mchOrderNo = valueOf(fields, u"out_trade_no");
    const QString claimedSign = valueOf(fields, u"sign");
    if (claimedSign.isEmpty())
        return reject(orderLog, request, 403, u"signature missing"_s, mchOrderNo);
    if (!IOnlinePayCodec::verify(fields, m_config.key, claimedSign))
        return reject(orderLog, request, 403, u"signature mismatch"_s, mchOrderNo);
    if (valueOf(fields, u"mch_id") != m_config.mchId)
        return reject(orderLog, request, 403, u"foreign merchant id"_s, mchOrderNo);
    for (QStringView name : {u"status", u"result_code"}) {
        if (has(fields, name) && valueOf(fields, name) != u"0")
            return reject(orderLog, request, 400, name.toString() + u" is not 0 (not a payment)"_s, mchOrderNo);
    }
    if (!orderNumber.match(mchOrderNo).hasMatch())
        return reject(orderLog, request, 400, u"malformed out_trade_no"_s, mchOrderNo);
    if (!positive.match(valueOf(fields, u"total_fee")).hasMatch())
        return reject(orderLog, request, 400, u"malformed total_fee"_s, mchOrderNo);
    if (has(fields, u"fee_type") && currencyFromCode(valueOf(fields, u"fee_type")) == Currency::Invalid)
        return reject(orderLog, request, 400, u"unknown fee_type"_s, mchOrderNo);
    // An order of the other gateway is never paid by this one's message.
    if (auto order = orderLog.orderByMchOrderNo(mchOrderNo); order && order->gateway != Gateway)
        return reject(orderLog, request, 409, u"order belongs to another gateway"_s, mchOrderNo);
    return std::nullopt;
}

NotifyVerdict IOnlineNotifyHandler::handle(const HttpRequest &request, OrderLog &orderLog) const
{
    if (request.method != "POST") {
        NotifyVerdict verdict{NotifyVerdictKind::NotRoutable, u"method not allowed"_s, {},
                              HttpResponse::text(405, QByteArrayLiteral("method not allowed"))};
        verdict.reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        return verdict;
    }
    if (!isNotifyPath(request.rawPath))
        return {NotifyVerdictKind::NotRoutable, u"no such path"_s, {}, HttpResponse::text(404, QByteArrayLiteral("not found"))};
    if (!request.rawQuery.isEmpty())
        return reject(orderLog, request, 400, u"query string on the XML notify"_s, {});
    if (request.headerCount("Content-Type") > 1 || !acceptableContentType(request.header("Content-Type")))
        return reject(orderLog, request, 415, u"content type is not XML in UTF-8"_s, {});
    auto fields = decodeXmlNotify(request.body);
    if (!fields)
        return reject(orderLog, request, 400, fields.error().detail, {});
    if (auto refused = checkFields(*fields, request, orderLog))
        return *refused;

    const QString mchOrderNo = valueOf(*fields, u"out_trade_no");
    const QString feeType = valueOf(*fields, u"fee_type");
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = mchOrderNo;
    confirmation.payOrderId = valueOf(*fields, u"transaction_id").left(64);
    confirmation.amount = Money{valueOf(*fields, u"total_fee").toLongLong(),
                                feeType.isEmpty() ? m_config.currency : currencyFromCode(feeType)};
    confirmation.channelOrderNo = valueOf(*fields, u"out_transaction_id").left(64);
    confirmation.paidAtMs = IOnlinePayCodec::parseGmt8Timestamp(valueOf(*fields, u"time_end")).value_or(m_clock.nowUtcMs());
    confirmation.actor = u"relay"_s;

    NotificationRecord audit;
    audit.receivedAtMs = m_clock.nowUtcMs();
    audit.gateway = Gateway;
    audit.mchOrderNo = mchOrderNo;
    audit.payOrderId = confirmation.payOrderId;
    audit.remoteAddress = request.remoteAddress;
    audit.raw = auditRaw(request);
    return notifyVerdictFor(orderLog.confirmPayment(confirmation, audit), mchOrderNo);
}

} // namespace paydesk

#include "IOnlinePayCodec.h"

#include "gateway/GatewayTransport.h"
#include "gateway/JsonReply.h"
#include "gateway/ionline/IOnlineErrors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

// Reply side of the iOnline Pay codec (payment-api.md §13.2): trusted only when it is one small
// JSON object, status and result_code are "0", and its `sign` verifies.

namespace paydesk::IOnlinePayCodec {
namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype MaxReplyBytes = 1 << 20;
constexpr int MaxDepth = 16;
constexpr qsizetype MaxPayUrl = 2048;
constexpr qsizetype MaxDetail = 200;

using Reply = JsonReply;

// A log-safe start of an untrusted text: no control characters, bounded.
QString excerpt(const QString &text, qsizetype maxBytes = 80)
{
    return GatewayTransport::printableStart(text.toUtf8(), maxBytes);
}

Error gatewayFailure(const Reply &reply, bool communication)
{
    QString code = communication ? reply.text(u"status"_s) : reply.text(u"err_code"_s);
    if (code.isEmpty())
        code = reply.text(u"result_code"_s);
    QString message = communication ? reply.text(u"message"_s) : reply.text(u"err_msg"_s);
    if (message.isEmpty())
        message = reply.text(u"message"_s);
    const QString where = communication ? u"status "_s + excerpt(reply.text(u"status"_s), 16)
                                        : u"result_code "_s + excerpt(reply.text(u"result_code"_s), 16);
    code = excerpt(code, 32);
    return Error{ionline::errorCodeFor(code), where + u": " + excerpt(message, MaxDetail), code, 0};
}

// pay_info (is_raw=1) is the JSON wx.requestPayment or the app SDK takes, sent as a string.
Result<void> readPayInfo(const Reply &reply, GatewayResponse &response)
{
    const QJsonValue value = reply.object().value(u"pay_info");
    if (value.isObject()) {
        response.payParams = value.toObject();
        return {};
    }
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return JsonReply::unparseable(u"pay_info is not a JSON object: "_s + excerpt(text, 60));
    response.payParams = doc.object();
    return {};
}

Result<void> readPayUrl(const Reply &reply, GatewayResponse &response)
{
    const QString text = reply.text(u"pay_url"_s);
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (text.size() > MaxPayUrl || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https" && url.scheme() != u"http"))
        return JsonReply::unparseable(u"pay_url is not an http(s) link: "_s + excerpt(text, 60));
    response.payUrl = text;
    return {};
}

Result<void> extractFields(const Reply &reply, GatewayResponse &response)
{
    response.mchOrderNo = reply.text(u"out_trade_no"_s);
    response.payOrderId = reply.text(u"transaction_id"_s);
    response.currencyCode = reply.text(u"fee_type"_s);
    response.channelOrderNo = reply.text(u"out_transaction_id"_s);
    response.channelId = reply.text(u"trade_type"_s);
    const auto amount = reply.count(u"total_fee"_s);
    if (!amount)
        return fail(amount.error());
    if (const std::optional<qint64> &minor = *amount)
        response.amount = Money{minor.value(), currencyFromCode(response.currencyCode)};
    const QString tradeState = reply.text(u"trade_state"_s);
    if (!tradeState.isEmpty())
        response.status = remoteStatusFromTradeState(tradeState);
    if (const auto paidAt = parseGmt8Timestamp(reply.text(u"time_end"_s)))
        response.paySuccTimeMs = *paidAt;
    if (auto ok = readPayInfo(reply, response); !ok)
        return ok;
    return readPayUrl(reply, response);
}

} // namespace

Result<GatewayResponse> decodeResponse(const QByteArray &body, const MerchantKey &key, bool requireSignature)
{
    const Result<Reply> parsed = Reply::parse(body, {MaxReplyBytes, MaxDepth});
    if (!parsed)
        return fail(parsed.error());
    const Reply &reply = *parsed;
    GatewayResponse response;
    response.raw = body;
    const std::optional<QString> status = reply.scalarText(u"status"_s);
    if (!status)
        return JsonReply::unparseable(u"missing status"_s);
    response.retCode = *status;
    response.retMsg = reply.text(u"message"_s);
    response.resCode = reply.text(u"result_code"_s);
    response.errCode = reply.text(u"err_code"_s);
    response.errCodeDes = reply.text(u"err_msg"_s);
    if (*status != u"0")
        return fail(gatewayFailure(reply, true));
    if (auto ok = reply.checkSignature(&verify, key, requireSignature, response.signaturePresent); !ok)
        return fail(ok.error());
    if (!reply.contains(u"result_code"))
        return JsonReply::unparseable(u"missing result_code"_s);
    if (response.resCode != u"0")
        return fail(gatewayFailure(reply, false));
    if (auto ok = extractFields(reply, response); !ok)
        return fail(ok.error());
    return response;
}

ParamList responseSignedFields(const QByteArray &body)
{
    const Result<Reply> parsed = Reply::parse(body, {MaxReplyBytes, MaxDepth});
    return parsed ? parsed->signedFields() : ParamList();
}

} // namespace paydesk::IOnlinePayCodec

#include "IOnlinePayCodec.h"
#include "JsonScan.h"

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
constexpr qsizetype MaxCountDigits = 18;

struct Reply
{
    QJsonObject object;
    detail::JsonTopLevel scan;
};

QString excerpt(const QString &text, qsizetype maxChars = 80)
{
    QString cut = text.left(maxChars);
    for (QChar &c : cut) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return cut;
}

std::unexpected<Error> unparseable(const QString &why)
{
    return fail(ErrorCode::Unparseable, why);
}

Result<Reply> parseReply(const QByteArray &body)
{
    if (body.size() > MaxReplyBytes)
        return unparseable(u"reply of %1 bytes exceeds the limit"_s.arg(body.size()));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // The protocol-level error of §13.4 is XML (<xml><status>500</status>…): not JSON either.
        return unparseable(u"reply is not one JSON object: "_s + excerpt(QString::fromUtf8(body.left(80))));
    }
    Reply reply{doc.object(), detail::scanTopLevel(body)};
    if (reply.scan.maxDepth > MaxDepth)
        return unparseable(u"reply nests %1 levels deep"_s.arg(reply.scan.maxDepth));
    if (reply.scan.keyCount != reply.object.size())
        return unparseable(u"reply has duplicate top-level keys"_s);
    return reply;
}

std::optional<QString> scalarText(const Reply &reply, const QString &key)
{
    const QJsonValue value = reply.object.value(key);
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::fromLatin1(reply.scan.literalTokens.value(key));   // the digits as sent
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    default:
        return std::nullopt;
    }
}

QString textField(const Reply &reply, const QString &key)
{
    return scalarText(reply, key).value_or(QString());
}

ParamList signedFields(const Reply &reply)
{
    ParamList params;
    const QStringList keys = reply.object.keys();
    for (const QString &key : keys) {
        if (key == u"sign")
            continue;
        if (std::optional<QString> text = scalarText(reply, key))
            params.append({key, *text});
    }
    return params;
}

Result<std::optional<qint64>> countField(const Reply &reply, const QString &key)
{
    const std::optional<QString> text = scalarText(reply, key);
    if (!text || text->isEmpty())
        return std::optional<qint64>();
    const bool digits = text->size() <= MaxCountDigits && !(text->size() > 1 && text->front() == u'0')
        && std::all_of(text->cbegin(), text->cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits)
        return unparseable(key + u" is not a plain non-negative integer: " + excerpt(*text, 40));
    return std::optional<qint64>(text->toLongLong());
}

Error gatewayFailure(const Reply &reply, bool communication)
{
    QString code = communication ? textField(reply, u"status"_s) : textField(reply, u"err_code"_s);
    if (code.isEmpty())
        code = textField(reply, u"result_code"_s);
    QString message = communication ? textField(reply, u"message"_s) : textField(reply, u"err_msg"_s);
    if (message.isEmpty())
        message = textField(reply, u"message"_s);
    const QString where = communication ? u"status "_s + excerpt(textField(reply, u"status"_s), 16)
                                        : u"result_code "_s + excerpt(textField(reply, u"result_code"_s), 16);
    return Error{ErrorCode::GatewayFail, where + u": " + excerpt(message, MaxDetail), excerpt(code, 32), 0};
}

Result<void> checkSignature(const Reply &reply, GatewayResponse &response, const MerchantKey &key,
                            bool requireSignature)
{
    const QJsonValue claimed = reply.object.value(u"sign");
    response.signaturePresent = !claimed.isUndefined() && !claimed.isNull();
    if (!response.signaturePresent)
        return requireSignature ? Result<void>(fail(ErrorCode::BadSignature, u"reply is not signed"_s)) : Result<void>();
    if (!claimed.isString() || !verify(signedFields(reply), key, claimed.toString()))
        return fail(ErrorCode::BadSignature, u"reply signature does not verify"_s);
    return {};
}

// pay_info (is_raw=1) is the JSON wx.requestPayment or the app SDK takes, sent as a string.
Result<void> readPayInfo(const Reply &reply, GatewayResponse &response)
{
    const QJsonValue value = reply.object.value(u"pay_info");
    if (value.isObject()) {
        response.payParams = value.toObject();
        return {};
    }
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return unparseable(u"pay_info is not a JSON object: "_s + excerpt(text, 60));
    response.payParams = doc.object();
    return {};
}

Result<void> readPayUrl(const Reply &reply, GatewayResponse &response)
{
    const QString text = textField(reply, u"pay_url"_s);
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (text.size() > MaxPayUrl || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https" && url.scheme() != u"http"))
        return unparseable(u"pay_url is not an http(s) link: "_s + excerpt(text, 60));
    response.payUrl = text;
    return {};
}

Result<void> extractFields(const Reply &reply, GatewayResponse &response)
{
    response.mchOrderNo = textField(reply, u"out_trade_no"_s);
    response.payOrderId = textField(reply, u"transaction_id"_s);
    response.currency = textField(reply, u"fee_type"_s);
    response.channelOrderNo = textField(reply, u"out_transaction_id"_s);
    response.channelId = textField(reply, u"trade_type"_s);
    const auto amount = countField(reply, u"total_fee"_s);
    if (!amount)
        return fail(amount.error());
    response.amountMinor = *amount;
    const QString tradeState = textField(reply, u"trade_state"_s);
    if (!tradeState.isEmpty())
        response.status = remoteStatusFromTradeState(tradeState);
    if (const auto paidAt = parseGmt8Timestamp(textField(reply, u"time_end"_s)))
        response.paySuccTimeMs = *paidAt;
    if (auto ok = readPayInfo(reply, response); !ok)
        return ok;
    return readPayUrl(reply, response);
}

} // namespace

Result<GatewayResponse> decodeResponse(const QByteArray &body, const MerchantKey &key, bool requireSignature)
{
    const Result<Reply> parsed = parseReply(body);
    if (!parsed)
        return fail(parsed.error());
    const Reply &reply = *parsed;
    GatewayResponse response;
    response.raw = body;
    const std::optional<QString> status = scalarText(reply, u"status"_s);
    if (!status)
        return unparseable(u"missing status"_s);
    response.retCode = *status;
    response.retMsg = textField(reply, u"message"_s);
    response.resCode = textField(reply, u"result_code"_s);
    response.errCode = textField(reply, u"err_code"_s);
    response.errCodeDes = textField(reply, u"err_msg"_s);
    if (*status != u"0")
        return fail(gatewayFailure(reply, true));
    if (auto ok = checkSignature(reply, response, key, requireSignature); !ok)
        return fail(ok.error());
    if (!reply.object.contains(u"result_code"))
        return unparseable(u"missing result_code"_s);
    if (response.resCode != u"0")
        return fail(gatewayFailure(reply, false));
    if (auto ok = extractFields(reply, response); !ok)
        return fail(ok.error());
    return response;
}

ParamList responseSignedFields(const QByteArray &body)
{
    const Result<Reply> parsed = parseReply(body);
    return parsed ? signedFields(*parsed) : ParamList();
}

} // namespace paydesk::IOnlinePayCodec

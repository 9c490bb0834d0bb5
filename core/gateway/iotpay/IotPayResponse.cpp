#include "IotPayCodec.h"

#include "gateway/GatewayClientBase.h"
#include "gateway/GatewayTransport.h"
#include "gateway/JsonReply.h"
#include "gateway/WxPayParams.h"
#include "gateway/iotpay/IotPayErrors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <limits>

// Reply side of the codec (payment-api.md §2.3, §4.3, §7): a reply is trusted only when it is
// exactly one small JSON object, its envelope says SUCCESS twice and its `sign` verifies.

namespace paydesk::IotPayCodec {
namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype MaxReplyBytes = 1 << 20;
constexpr int MaxDepth = 16;
constexpr qsizetype MaxQrPayload = 2048; // well inside a QR code's capacity
constexpr qsizetype MaxDetail = 200;

using Reply = JsonReply;

// A log-safe start of an untrusted body: no control characters, bounded.
QString excerpt(const QByteArray &body, qsizetype maxBytes = 80)
{
    return GatewayTransport::printableStart(body, maxBytes);
}

Error gatewayFailure(const GatewayResponse &response, bool communication)
{
    const QString message = communication ? (response.retMsg.isEmpty() ? response.errCodeDes : response.retMsg)
                                          : (response.errCodeDes.isEmpty() ? response.retMsg : response.errCodeDes);
    QString code = response.errCode.trimmed().left(32);
    if (code.isEmpty())
        code = iotpay::codeFromMessage(message);
    if (code.isEmpty())
        code = u"FAIL"_s;
    const QString where = communication ? u"retCode "_s + response.retCode.left(16) : u"resCode FAIL"_s;
    return Error{iotpay::errorCodeFor(code), where + u": " + excerpt(message.toUtf8(), MaxDetail), code, 0};
}

Result<void> checkQrPayload(const QString &payload)
{
    if (payload.size() > MaxQrPayload)
        return JsonReply::unparseable(u"QR payload longer than %1 characters"_s.arg(MaxQrPayload));
    for (const QChar c : payload) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return JsonReply::unparseable(u"QR payload contains spaces, control or non-ASCII characters"_s);
    }
    const QUrl url(payload, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool linkScheme = scheme == u"weixin" || scheme == u"https" || scheme == u"http";
    if (!url.isValid() || !linkScheme || url.host().isEmpty())
        return JsonReply::unparseable(u"QR payload is not a payment link: "_s + excerpt(payload.toUtf8(), 60));
    return {};
}

QString stringIn(const QJsonObject &object, std::initializer_list<QStringView> keys)
{
    for (const QStringView key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
    }
    return {};
}

// payment-api.md §4.2 / §16.1: the QR field name is not documented, accept the known spellings.
QString findQrPayload(const QJsonObject &object)
{
    QString payload = stringIn(object, {u"codeUrl", u"qr_code", u"qrCode", u"payUrl", u"retParams"});
    if (payload.isEmpty())
        payload = stringIn(object.value(u"retParams").toObject(), {u"codeUrl", u"qr_code", u"payUrl"});
    if (payload.isEmpty())
        payload = stringIn(object.value(u"payParams").toObject(), {u"codeUrl", u"payUrl"});
    return payload;
}

// payParams is an object in xxpay; a gateway that embeds it as a JSON string is read the same way.
Result<QJsonObject> payParamsObject(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QJsonObject();
    if (value.isObject())
        return value.toObject();
    if (value.isString()) {
        const QString text = value.toString();
        if (text.isEmpty())
            return QJsonObject();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && doc.isObject())
            return doc.object();
    }
    return JsonReply::unparseable(u"payParams is neither an object nor a JSON object string"_s);
}

Result<void> extractFields(const Reply &reply, GatewayResponse &response)
{
    response.payOrderId = reply.text(u"payOrderId"_s);
    response.mchOrderNo = reply.text(u"mchOrderNo"_s);
    response.currencyCode = reply.text(u"currency"_s);
    response.channelId = reply.text(u"channelId"_s);
    response.channelOrderNo = reply.text(u"channelOrderNo"_s);
    if (auto payParams = payParamsObject(reply.object().value(u"payParams")); payParams)
        response.payParams = *payParams;
    else
        return fail(payParams.error());

    const auto amount = reply.count(u"amount"_s);
    if (!amount)
        return fail(amount.error());
    if (const std::optional<qint64> &minor = *amount)
        response.amount = Money{minor.value(), currencyFromCode(response.currencyCode)};

    const auto status = reply.count(u"status"_s);
    if (!status)
        return fail(status.error());
    if (const std::optional<qint64> &code = *status) {
        if (code.value() > std::numeric_limits<int>::max())
            return JsonReply::unparseable(u"status out of range"_s);
        response.status = remoteStatusFromCode(int(code.value()));
    }

    // Informational only: a malformed time must not hide a paid order.
    const auto paySuccTime = reply.count(u"paySuccTime"_s);
    response.paySuccTimeMs = paySuccTime ? paySuccTime->value_or(0) : 0;

    response.qrPayload = findQrPayload(reply.object());
    if (!response.qrPayload.isEmpty()) {
        if (auto ok = checkQrPayload(response.qrPayload); !ok)
            return ok;
    }
    return {};
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
    const QJsonValue retCode = reply.object().value(u"retCode");
    if (retCode.isUndefined() || retCode.isNull())
        return JsonReply::unparseable(u"missing retCode"_s);
    if (!retCode.isString())
        return JsonReply::unparseable(u"retCode is not a string"_s);
    response.retCode = retCode.toString();
    response.retMsg = reply.text(u"retMsg"_s);
    response.resCode = reply.text(u"resCode"_s);
    response.errCode = reply.text(u"errCode"_s);
    response.errCodeDes = reply.text(u"errCodeDes"_s);

    // Failure envelopes are unsigned (§2.3) and only ever make us stop, never record a payment.
    if (response.retCode != u"SUCCESS")
        return fail(gatewayFailure(response, true));
    if (auto ok = reply.checkSignature(&Signer::verify, key, requireSignature, response.signaturePresent); !ok)
        return fail(ok.error());
    if (!reply.contains(u"resCode"))
        return JsonReply::unparseable(u"missing resCode"_s);
    if (response.resCode == u"FAIL")
        return fail(gatewayFailure(response, false));
    if (response.resCode != u"SUCCESS")
        return JsonReply::unparseable(u"unexpected resCode: "_s + excerpt(response.resCode.toUtf8(), 20));
    if (auto ok = extractFields(reply, response); !ok)
        return fail(ok.error());
    return response;
}

ParamList responseSignedFields(const QByteArray &body)
{
    const Result<Reply> parsed = Reply::parse(body, {MaxReplyBytes, MaxDepth});
    return parsed ? parsed->signedFields() : ParamList();
}

Result<QJsonObject> checkPayParams(Channel channel, const QJsonObject &payParams)
{
    return checkWxPayParams(channel, payParams);
}

Result<void> checkMatches(const GatewayResponse &response, const QString &mchOrderNo, std::optional<qint64> amountMinor)
{
    return checkReplyMatches(response, u"mchOrderNo"_s, mchOrderNo, u"amount"_s, amountMinor);
}

} // namespace paydesk::IotPayCodec

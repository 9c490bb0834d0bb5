#include "IotPayCodec.h"

#include "gateway/JsonReply.h"
#include "gateway/iotpay/IotPayErrors.h"

// The reply to a scan-to-pay create_order (payment-api.md §5): the standard envelope, where a
// success is a payment, "user paying" is a pending order and the wallet's refusals are typed.

namespace paydesk::IotPayCodec {
namespace {

using namespace Qt::StringLiterals;

// A success envelope without a status is the documented "paid"; status 0/1 is the customer
// still confirming on their phone.
GatewayResponse withPaymentStatus(GatewayResponse response)
{
    if (response.status == RemoteStatus::Invalid)
        response.status = RemoteStatus::Paid;
    else if (response.status == RemoteStatus::Created)
        response.status = RemoteStatus::Paying;
    return response;
}

GatewayResponse pendingFrom(const JsonReply &reply, const QByteArray &body)
{
    GatewayResponse pending;
    pending.retCode = reply.text(u"retCode"_s);
    pending.retMsg = reply.text(u"retMsg"_s);
    pending.resCode = reply.text(u"resCode"_s);
    pending.errCode = reply.text(u"errCode"_s);
    pending.errCodeDes = reply.text(u"errCodeDes"_s);
    pending.payOrderId = reply.text(u"payOrderId"_s);
    pending.mchOrderNo = reply.text(u"mchOrderNo"_s);
    pending.status = RemoteStatus::Paying;
    pending.raw = body;
    return pending;
}

} // namespace

Result<GatewayResponse> decodeMicropayResponse(const QByteArray &body, const MerchantKey &key, bool requireSignature)
{
    Result<GatewayResponse> decoded = decodeResponse(body, key, requireSignature);
    if (decoded)
        return withPaymentStatus(std::move(*decoded));
    Error error = decoded.error();
    if (error.code != ErrorCode::GatewayFail && error.code != ErrorCode::OutcomeUnknown)
        return decoded;
    const Result<JsonReply> reply = JsonReply::parse(body);
    // A communication failure (retCode FAIL) never made an order: it stays what it is.
    if (!reply || reply->text(u"retCode"_s) != u"SUCCESS")
        return decoded;
    const QString code = reply->text(u"errCode"_s);
    QString message = reply->text(u"errCodeDes"_s);
    if (message.isEmpty())
        message = reply->text(u"retMsg"_s);
    if (iotpay::isUserPaying(code, message))
        return pendingFrom(*reply, body);
    // Only a refusal IOTPay has no code of its own for is the wallet's; a third-party timeout
    // or exception stays OutcomeUnknown whatever its text says.
    if (error.code == ErrorCode::GatewayFail) {
        if (const ErrorCode refusal = iotpay::micropayRefusalFor(code, message); refusal != ErrorCode::Invalid)
            error.code = refusal;
    }
    return fail(error);
}

} // namespace paydesk::IotPayCodec

#pragma once

#include "common/Error.h"
#include "common/MerchantKey.h"
#include "gateway/GatewayTypes.h"
#include "gateway/Signer.h"

#include <QByteArray>

namespace paydesk {

// The merchant identity every IOTPay request carries.
struct MerchantIdentity
{
    QString mchId;
    QString jobNo; // merchant login name (also `loginName` on refunds)
};

// Pure encoding/decoding of IOTPay v1 messages (payment-api.md §1–§9). No I/O.
namespace IotPayCodec {

// Validates (field lengths of §4.1, notifyUrl absolute http(s) without '?', channel rules of
// §4.2: WX_NATIVE needs extra.productId, WX_JSAPI extra {"openId","type":"minipay","appId"},
// WX_APP extra {"type":"apppay","appId"}; CNY only on WX_NATIVE and WX_JSAPI) and returns the
// unsigned fields. A *_MICROPAY order (§5) must carry the customer's payment code, of that
// channel's wallet, and adds deviceId, codeType=barcode and identityCode; no other channel
// takes a code.
Result<ParamList> createOrderParams(const OrderRequest &request, const MerchantIdentity &merchant);
Result<ParamList> queryOrderParams(const OrderLookup &lookup, const MerchantIdentity &merchant);
Result<ParamList> refundOrderParams(const RefundRequest &request, const MerchantIdentity &merchant);

// Adds `sign` and encodes the wire body: `params=` + percent-encoded JSON (numbers for
// `amount`/`refundAmount`, everything else strings, `extra` as an embedded JSON string).
QByteArray signedFormBody(const ParamList &params, const MerchantKey &key);

// The JSON object (with `sign`) before form encoding; for logs with the key never present.
QByteArray signedJson(const ParamList &params, const MerchantKey &key);

// Decodes a reply body. Errors: Unparseable (not a single JSON object, duplicate keys, too
// deep, trailing garbage), GatewayFail (retCode or resCode FAIL; gatewayCode = errCode or
// retMsg classification, e.g. "0013" for a signature error), BadSignature (a `sign` that
// does not verify, or none when `requireSignature`).
Result<GatewayResponse> decodeResponse(const QByteArray &body, const MerchantKey &key, bool requireSignature = false);

// Decodes the reply to a *_MICROPAY create_order (§5), on top of decodeResponse:
// - paid at once (retCode = resCode = SUCCESS, status absent, 2 or 3): status Paid;
// - the customer is confirming (status 0 or 1 on a success, or a FAIL whose errCode is
//   USERPAYING or whose text says the user is paying / entering the password): a response
//   with status Paying (never a payment: the order is then queried);
// - the wallet's refusals: InsufficientFunds, PaymentCodeRejected (expired, used, invalid
//   code), WalletRiskControl, with the gateway's words in the detail;
// - everything else as decodeResponse says (0110/0111/SYSTEMERROR stay OutcomeUnknown).
Result<GatewayResponse> decodeMicropayResponse(const QByteArray &body, const MerchantKey &key,
                                               bool requireSignature = false);

// The top-level scalar fields a reply signature covers (without `sign`), for logging the
// redacted canonical string when a reply does not verify. Empty when the body is not one object.
ParamList responseSignedFields(const QByteArray &body);

// The client-side parameters of a WX_JSAPI / WX_APP create_order reply (§4.2), as
// checkWxPayParams (gateway/WxPayParams.h) checks them.
Result<QJsonObject> checkPayParams(Channel channel, const QJsonObject &payParams);

// Checks a decoded create_order / query_order reply belongs to the order we asked about:
// ResponseMismatch when it names another mchOrderNo or amount.
Result<void> checkMatches(const GatewayResponse &response, const QString &mchOrderNo,
                          std::optional<qint64> amountMinor);

} // namespace IotPayCodec
} // namespace paydesk

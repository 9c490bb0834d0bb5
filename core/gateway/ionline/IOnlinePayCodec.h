#pragma once

#include "common/Error.h"
#include "common/MerchantKey.h"
#include "gateway/GatewayTypes.h"
#include "gateway/Signer.h"

#include <QByteArray>

namespace paydesk {

// Who we are at iOnline Pay and what the account settles in.
struct IOnlineMerchant
{
    QString mchId;
    // iOnline's default currency is HKD (payment-api.md §13.2), which PayDesk's Currency does not
    // know: an account is configured with the currency its orders are in, and only orders in that
    // currency are sent. A notify without fee_type is taken to be in this currency.
    Currency currency = Currency::Invalid;
    QString version = QStringLiteral("1.0");
};

// Pure encoding/decoding of iOnline Pay messages (payment-api.md §13). No I/O.
namespace IOnlinePayCodec {

inline constexpr QStringView JsPayService = u"ionline.pay.weixin.jspay.intl";
inline constexpr QStringView InAppService = u"ionline.pay.weixin.inapp.intl";
inline constexpr QStringView QueryService = u"ionline.unified.trade.query";

// THE signing rule of iOnline Pay, in one place. payment-api.md §13.5: the "Security
// Specification" page was not retrievable, so this is the SwiftPass-style rule the API's lineage
// suggests — unverified: drop `sign` and empty values, sort names by ASCII bytes, join raw
// `name=value` with '&', append `&key=<key>`, MD5 of the UTF-8 bytes, upper-case hex.
// `sign_type` is signed like any other field (as in SwiftPass and WeChat Pay v2); if the
// specification says otherwise, change canonicalBytes() in IOnlinePayCodec.cpp and nothing else.
QString sign(const ParamList &params, const MerchantKey &key);

// The string sign() hashes with the key replaced by `***`: for logs on a signature error.
QString canonicalStringRedacted(const ParamList &params);

// Recomputes over `params` (their `sign` ignored) and compares with `claimedSign` in constant
// time, hex case-insensitively. False for a missing, short, long or non-hex claim.
bool verify(const ParamList &params, const MerchantKey &key, QStringView claimedSign);

// The time fields (time_start, time_expire, time_end): yyyyMMddHHmmss in GMT+8 (§13.2).
QString gmt8Timestamp(qint64 utcMs);
std::optional<qint64> parseGmt8Timestamp(QStringView text); // UTC epoch ms

// Per-request values the client supplies (random and time), so the codec stays pure.
struct RequestContext
{
    QString nonce; // nonce_str: 1..32 characters
    qint64 nowUtcMs = 0;
    qint64 validityMs = 0; // > 0: time_start and time_expire are sent (both, or neither)
};

// WX_JSAPI (mini program) -> ionline.pay.weixin.jspay.intl with is_raw=1, is_minipg=1,
// sub_openid = extra.openId, sub_appid = extra.appId; WX_APP -> ionline.pay.weixin.inapp.intl
// with sub_appid = extra.appId (its page was not read in full: an assumption). body = subject,
// attach = param1. Validates lengths of §13.2 (out_trade_no 32, body 127, mch_create_ip 16,
// notify_url 255, nonce 32), the currency against the account's, and returns unsigned fields.
Result<ParamList> createOrderParams(const OrderRequest &request, const IOnlineMerchant &merchant,
                                    const RequestContext &context);
// ionline.unified.trade.query by out_trade_no (mchOrderNo) or transaction_id (payOrderId).
Result<ParamList> queryOrderParams(const OrderLookup &lookup, const IOnlineMerchant &merchant,
                                   const RequestContext &context);

// Adds `sign` and form-encodes every field (RFC 3986 unreserved characters kept).
QByteArray signedFormBody(const ParamList &params, const MerchantKey &key);
// The same fields with `sign`, as a JSON object: what the order log records (never the key).
QByteArray signedJson(const ParamList &params, const MerchantKey &key);

// Decodes a JSON reply (§13.2): status "0" = call ok, result_code "0" = business ok, anything
// else GatewayFail (gatewayCode = err_code, result_code or status). A `sign` that is present is
// verified over every top-level scalar (BadSignature), and required with `requireSignature`.
// pay_info must be a JSON object (is_raw=1) and goes to payParams; pay_url to payUrl;
// trade_state to status via remoteStatusFromTradeState. Unparseable like IOTPay's decoder for
// anything that is not one small JSON object.
Result<GatewayResponse> decodeResponse(const QByteArray &body, const MerchantKey &key, bool requireSignature = false);

// The fields a reply signature covers, for the redacted canonical string in logs.
ParamList responseSignedFields(const QByteArray &body);

// ASSUMPTION (payment-api.md §16.16: trade_state values are not documented): the WeChat Pay
// names SwiftPass passes through. SUCCESS -> Paid, REFUND -> Paid (it was paid), NOTPAY ->
// Created, USERPAYING -> Paying, CLOSED / REVOKED / PAYERROR -> CancelledBySystem, anything
// else -> Invalid (neither paid nor closed: keep asking).
RemoteStatus remoteStatusFromTradeState(QStringView tradeState);

} // namespace IOnlinePayCodec
} // namespace paydesk

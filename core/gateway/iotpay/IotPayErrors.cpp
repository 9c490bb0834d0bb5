#include "IotPayErrors.h"

#include <algorithm>

namespace paydesk::iotpay {

using namespace Qt::StringLiterals;

ErrorCode errorCodeFor(QStringView gatewayCode)
{
    if (gatewayCode == u"0013")
        return ErrorCode::SignatureRejected;
    if (gatewayCode == u"0015")
        return ErrorCode::MerchantUnknown;
    if (gatewayCode == u"0014")
        return ErrorCode::RequestRejected;
    if (gatewayCode == u"0112")
        return ErrorCode::NoSuchOrder;
    if (gatewayCode == u"0113")
        return ErrorCode::AlreadyPaid;
    if (gatewayCode == u"0010" || gatewayCode == u"0110" || gatewayCode == u"0111" || gatewayCode == u"0118"
        || gatewayCode == u"SYSTEMERROR")
        return ErrorCode::OutcomeUnknown;
    return ErrorCode::GatewayFail;
}

QString codeFromMessage(const QString &message)
{
    const QString lower = message.toLower();
    if (lower.contains(u"sign") || message.contains(u"签名"))
        return u"0013"_s;
    // Unknown server trouble may have created the order: classify as ambiguous (0010).
    if (lower.contains(u"system") || lower.contains(u"timeout") || lower.contains(u"time out")
        || message.contains(u"系统") || message.contains(u"超时"))
        return u"0010"_s;
    if (lower.contains(u"param") || message.contains(u"参数"))
        return u"0014"_s;
    return {};
}

namespace {

bool containsAny(const QString &text, std::initializer_list<QStringView> needles)
{
    return std::any_of(needles.begin(), needles.end(),
                       [&](QStringView needle) { return text.contains(needle, Qt::CaseInsensitive); });
}

} // namespace

ErrorCode micropayRefusalFor(QStringView gatewayCode, const QString &message)
{
    const QString code = gatewayCode.toString().toUpper();
    if (containsAny(code, {u"NOTENOUGH", u"BALANCE_NOT_ENOUGH", u"INSUFFICIENT"})
        || containsAny(message, {u"insufficient", u"not enough", u"余额不足"}))
        return ErrorCode::InsufficientFunds;
    if (containsAny(code, {u"RISK", u"BUYER_ENABLE_STATUS_FORBID"})
        || containsAny(message, {u"risk", u"风控", u"风险"}))
        return ErrorCode::WalletRiskControl;
    if (containsAny(code, {u"AUTH_CODE", u"AUTHCODE", u"CODE_EXPIRE", u"CODE_USED"})
        || containsAny(
            message,
            {u"expired", u"already used", u"payment code", u"auth code", u"authcode", u"付款码", u"条码", u"过期"}))
        return ErrorCode::PaymentCodeRejected;
    return ErrorCode::Invalid;
}

bool isUserPaying(QStringView gatewayCode, const QString &message)
{
    return gatewayCode.compare(u"USERPAYING", Qt::CaseInsensitive) == 0
        || containsAny(message, {u"user paying", u"userpaying", u"password", u"用户支付中", u"输入密码"});
}

} // namespace paydesk::iotpay

#include "IotPayErrors.h"

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

} // namespace paydesk::iotpay

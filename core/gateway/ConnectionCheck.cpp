#include "ConnectionCheck.h"

namespace paydesk {

QString probeOrderNumber(qint64 nowUtcMs)
{
    return u"PAYDESKTEST" + QString::number(nowUtcMs);
}

ConnectionVerdict classifyConnectionCheck(const Result<GatewayResponse> &result)
{
    if (result)
        return ConnectionVerdict::Ok;   // a signed, verified answer: id and key are right
    const Error &error = result.error();
    switch (error.code) {
    case ErrorCode::GatewayFail:
        if (error.gatewayCode == u"0112")
            return ConnectionVerdict::Ok;
        if (error.gatewayCode == u"0013")
            return ConnectionVerdict::KeyWrong;
        if (error.gatewayCode == u"0015")
            return ConnectionVerdict::MerchantUnknown;
        return ConnectionVerdict::Unexpected;
    case ErrorCode::BadSignature:
        return ConnectionVerdict::KeyWrong;
    case ErrorCode::Network:
    case ErrorCode::Timeout:
    case ErrorCode::TlsFailure:
    case ErrorCode::Redirected:
        return ConnectionVerdict::NetworkDown;
    default:
        return ConnectionVerdict::Unexpected;
    }
}

} // namespace paydesk

#include "ConnectionCheck.h"

namespace paydesk {

QString probeOrderNumber(qint64 nowUtcMs)
{
    return u"PAYDESKTEST" + QString::number(nowUtcMs);
}

ConnectionVerdict classifyConnectionCheck(const Result<GatewayResponse> &result)
{
    if (result)
        return ConnectionVerdict::Ok; // a signed, verified answer: id and key are right
    const Error &error = result.error();
    switch (error.code) {
    case ErrorCode::NoSuchOrder:
        return ConnectionVerdict::Ok; // the probe order does not exist: the gateway knows us
    case ErrorCode::SignatureRejected:
        return ConnectionVerdict::KeyWrong;
    case ErrorCode::MerchantUnknown:
        return ConnectionVerdict::MerchantUnknown;
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

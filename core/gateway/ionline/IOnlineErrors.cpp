#include "IOnlineErrors.h"

namespace paydesk::ionline {

ErrorCode errorCodeFor(QStringView gatewayCode)
{
    if (gatewayCode == u"ORDERNOTEXIST")
        return ErrorCode::NoSuchOrder;
    if (gatewayCode == u"SYSTEMERROR")
        return ErrorCode::OutcomeUnknown;
    return ErrorCode::GatewayFail;
}

} // namespace paydesk::ionline

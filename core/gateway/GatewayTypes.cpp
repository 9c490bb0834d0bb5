#include "GatewayTypes.h"

namespace paydesk {

RemoteStatus remoteStatusFromCode(int code)
{
    switch (code) {
    case 0:
        return RemoteStatus::Created;
    case 1:
        return RemoteStatus::Paying;
    case 2:
        return RemoteStatus::Paid;
    case 3:
        return RemoteStatus::PaidNotified;
    case 4:
        return RemoteStatus::CancelledBySystem;
    case 9:
        return RemoteStatus::CancelledByUser;
    default:
        break;
    }
    // xxpay's -1/-2 and anything new: neither paid nor closed, so callers keep polling.
    return RemoteStatus::Invalid;
}

bool isPaid(RemoteStatus status)
{
    return status == RemoteStatus::Paid || status == RemoteStatus::PaidNotified;
}

bool isClosed(RemoteStatus status)
{
    return status == RemoteStatus::CancelledBySystem || status == RemoteStatus::CancelledByUser;
}

} // namespace paydesk

#include "IotPayChannels.h"

namespace paydesk {

bool iotPayAcceptsCurrency(Currency currency)
{
    return currency == Currency::CAD || currency == Currency::USD || currency == Currency::CNY;
}

bool channelAcceptsCurrency(Channel channel, Currency currency)
{
    if (!iotPayAcceptsCurrency(currency)) // payment-api.md §5
        return false;
    switch (currency) {
    case Currency::CAD:
    case Currency::USD:
        return channel != Channel::Invalid;
    case Currency::CNY:
        return channel == Channel::WxNative || channel == Channel::WxJsapi;
    case Currency::HKD:
    case Currency::Invalid:
        break;
    }
    return false;
}

} // namespace paydesk

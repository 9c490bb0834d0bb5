#include "IOnlineChannels.h"

namespace paydesk::ionline {

bool accepts(Currency accountCurrency, Channel channel, Currency currency)
{
    return (channel == Channel::WxJsapi || channel == Channel::WxApp) && currency != Currency::Invalid
        && currency == accountCurrency;
}

} // namespace paydesk::ionline

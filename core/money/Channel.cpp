#include "Channel.h"

namespace paydesk {

QString channelId(Channel channel)
{
    switch (channel) {
    case Channel::WxNative: return QStringLiteral("WX_NATIVE");
    case Channel::AlipayQr: return QStringLiteral("ALIPAY_QR");
    case Channel::UpiQr: return QStringLiteral("UPI_QR");
    case Channel::WxJsapi: return QStringLiteral("WX_JSAPI");
    case Channel::WxApp: return QStringLiteral("WX_APP");
    case Channel::Invalid: break;
    }
    return {};
}

Channel channelFromId(QStringView id)
{
    for (Channel c : {Channel::WxNative, Channel::AlipayQr, Channel::UpiQr, Channel::WxJsapi, Channel::WxApp}) {
        if (id == channelId(c))
            return c;
    }
    return Channel::Invalid;
}

bool isCounterChannel(Channel channel)
{
    return channel == Channel::WxNative || channel == Channel::AlipayQr || channel == Channel::UpiQr;
}

bool iotPayAcceptsCurrency(Currency currency)
{
    return currency == Currency::CAD || currency == Currency::USD || currency == Currency::CNY;
}

bool channelAcceptsCurrency(Channel channel, Currency currency)
{
    if (!iotPayAcceptsCurrency(currency))   // payment-api.md §5
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

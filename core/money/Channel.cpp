#include "Channel.h"

namespace paydesk {

QString channelId(Channel channel)
{
    switch (channel) {
    case Channel::WxNative:
        return QStringLiteral("WX_NATIVE");
    case Channel::AlipayQr:
        return QStringLiteral("ALIPAY_QR");
    case Channel::UpiQr:
        return QStringLiteral("UPI_QR");
    case Channel::WxJsapi:
        return QStringLiteral("WX_JSAPI");
    case Channel::WxApp:
        return QStringLiteral("WX_APP");
    case Channel::WxMicropay:
        return QStringLiteral("WX_MICROPAY");
    case Channel::AlipayMicropay:
        return QStringLiteral("ALIPAY_MICROPAY");
    case Channel::UpiMicropay:
        return QStringLiteral("UPI_MICROPAY");
    case Channel::Invalid:
        break;
    }
    return {};
}

Channel channelFromId(QStringView id)
{
    for (Channel c : {Channel::WxNative, Channel::AlipayQr, Channel::UpiQr, Channel::WxJsapi, Channel::WxApp,
                      Channel::WxMicropay, Channel::AlipayMicropay, Channel::UpiMicropay}) {
        if (id == channelId(c))
            return c;
    }
    return Channel::Invalid;
}

bool isCounterChannel(Channel channel)
{
    return channel == Channel::WxNative || channel == Channel::AlipayQr || channel == Channel::UpiQr;
}

bool isMicropayChannel(Channel channel)
{
    return channel == Channel::WxMicropay || channel == Channel::AlipayMicropay || channel == Channel::UpiMicropay;
}

} // namespace paydesk

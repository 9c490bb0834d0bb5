#pragma once

#include <QString>
#include <QStringView>

namespace paydesk {

// IOTPay channelId values PayDesk creates orders on.
enum class Channel {
    Invalid = 0,
    WxNative, // WeChat Pay, customer scans the merchant QR
    AlipayQr, // Alipay, customer scans the merchant QR
    UpiQr, // UnionPay, customer scans the merchant QR
    WxJsapi, // WeChat mini program (online orders)
    WxApp, // WeChat app SDK (online orders)
};

QString channelId(Channel channel); // "WX_NATIVE"
Channel channelFromId(QStringView id); // exact match; Invalid otherwise
bool isCounterChannel(Channel channel); // the three QR channels
// Which gateway takes which currency on which channel is each gateway's business
// (gateway/iotpay/IotPayChannels.h).

} // namespace paydesk

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
    WxMicropay, // WeChat Pay, the cashier scans the customer's payment code
    AlipayMicropay, // Alipay, the cashier scans the customer's payment code
    UpiMicropay, // UnionPay, the cashier scans the customer's payment code
};

QString channelId(Channel channel); // "WX_NATIVE"
Channel channelFromId(QStringView id); // exact match; Invalid otherwise
bool isCounterChannel(Channel channel); // the three QR channels
bool isMicropayChannel(Channel channel); // the three scan-to-pay channels (payment-api.md §5)
// Which gateway takes which currency on which channel is each gateway's business
// (gateway/iotpay/IotPayChannels.h).

} // namespace paydesk

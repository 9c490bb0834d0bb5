#pragma once

#include "money/Money.h"

#include <QString>
#include <QStringView>

namespace paydesk {

// IOTPay channelId values PayDesk creates orders on.
enum class Channel {
    Invalid = 0,
    WxNative,    // WeChat Pay, customer scans the merchant QR
    AlipayQr,    // Alipay, customer scans the merchant QR
    UpiQr,       // UnionPay, customer scans the merchant QR
    WxJsapi,     // WeChat mini program (online orders)
    WxApp,       // WeChat app SDK (online orders)
};

QString channelId(Channel channel);               // "WX_NATIVE"
Channel channelFromId(QStringView id);            // exact match; Invalid otherwise
bool isCounterChannel(Channel channel);           // the three QR channels
// The currencies IOTPay takes at all (CAD, USD, CNY; HKD is iOnline Pay's) — and so the
// counter, which sells through IOTPay.
bool iotPayAcceptsCurrency(Currency currency);
// IOTPay's currency matrix: CAD/USD on every channel, CNY only on WeChat, never HKD.
bool channelAcceptsCurrency(Channel channel, Currency currency);

} // namespace paydesk

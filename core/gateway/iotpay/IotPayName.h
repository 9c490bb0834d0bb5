#pragma once

#include <QByteArrayView>
#include <QStringView>

// What the rest of PayDesk may call IOTPay by, without knowing anything else about it.
namespace paydesk::iotpay {

inline constexpr QStringView Name = u"iotpay"; // Order::gateway, registry name
inline constexpr QByteArrayView DefaultNotifyPath = "/notify/iotpay";

} // namespace paydesk::iotpay

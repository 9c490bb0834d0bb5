#pragma once

#include <QByteArrayView>
#include <QStringView>

// What the rest of PayDesk may call iOnline Pay by, without knowing anything else about it.
namespace paydesk::ionline {

inline constexpr QStringView Name = u"ionline"; // Order::gateway, registry name
inline constexpr QByteArrayView DefaultNotifyPath = "/notify/ionline";

} // namespace paydesk::ionline

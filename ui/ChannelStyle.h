#pragma once

#include "money/Channel.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace paydesk {

// How a payment method looks on screen: its name, brand colour and an icon drawn for PayDesk
// (simple shapes in the brand colours, not the trademarked logos).
QString channelDisplayName(Channel channel);
// For totals, where the three WeChat channels are separate rows: "WeChat Pay (mini program)".
QString channelTotalsName(Channel channel);
QColor channelColor(Channel channel);
QIcon channelIcon(Channel channel);
QPixmap paintChannelIcon(Channel channel, int sizePx);

} // namespace paydesk

#pragma once

#include "money/Channel.h"
#include "money/Money.h"

namespace paydesk {

// The currencies IOTPay takes at all (CAD, USD, CNY; HKD is iOnline Pay's) — and so the
// counter, which sells through IOTPay.
bool iotPayAcceptsCurrency(Currency currency);
// IOTPay's currency matrix: CAD/USD on every channel, CNY only on WeChat, never HKD.
bool channelAcceptsCurrency(Channel channel, Currency currency);

} // namespace paydesk

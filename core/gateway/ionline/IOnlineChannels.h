#pragma once

#include "money/Channel.h"
#include "money/Money.h"

namespace paydesk::ionline {

// iOnline Pay takes the online WeChat channels (mini program, app), in the one currency the
// account settles in.
bool accepts(Currency accountCurrency, Channel channel, Currency currency);

} // namespace paydesk::ionline

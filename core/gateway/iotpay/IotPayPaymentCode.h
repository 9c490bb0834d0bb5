#pragma once

#include "common/Error.h"
#include "gateway/PaymentCode.h"
#include "money/Channel.h"

namespace paydesk::iotpay {

// Which wallet a payment code belongs to (payment-api.md §5), as the IOTPay micropay channel:
// WeChat Pay 18 digits starting 10–15 → WX_MICROPAY; Alipay 16–24 digits starting 25–30 →
// ALIPAY_MICROPAY; UnionPay 19 digits starting 62 → UPI_MICROPAY. Any other code is
// PaymentCodeUnrecognised (its detail names the length and never the digits).
Result<Channel> micropayChannelFor(const PaymentCode &code);

} // namespace paydesk::iotpay

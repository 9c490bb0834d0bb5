#pragma once

#include "gateway/GatewayRegistry.h"
#include "gateway/iotpay/IotPayClient.h"
#include "gateway/iotpay/IotPayNotify.h"

#include <optional>

namespace paydesk {

// IOTPay's registry entry: a client when `client` is given, a notify verifier when `notify` is;
// its channel/currency matrix (channelAcceptsCurrency) and error classifier always.
GatewayEntry iotPayGateway(std::optional<IotPayConfig> client, std::optional<IotPayNotifyConfig> notify);

} // namespace paydesk

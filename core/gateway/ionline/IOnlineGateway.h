#pragma once

#include "gateway/GatewayRegistry.h"
#include "gateway/ionline/IOnlineNotify.h"
#include "gateway/ionline/IOnlinePayClient.h"

#include <optional>

namespace paydesk {

// iOnline Pay's registry entry: a client when `client` is given (its time from `clock`, which
// must outlive the clients), a notify verifier when `notify` is; its error classifier, and its
// matrix: WX_JSAPI and WX_APP in the account's currency (the client's, else the notify's). Its
// configuration check: a notify config complete; a client only with the notify path, in its currency.
GatewayEntry iOnlineGateway(std::optional<IOnlinePayConfig> client, std::optional<IOnlineNotifyConfig> notify,
                            const Clock &clock);

} // namespace paydesk

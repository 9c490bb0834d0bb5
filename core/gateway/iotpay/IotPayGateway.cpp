#include "IotPayGateway.h"

#include "gateway/iotpay/IotPayChannels.h"
#include "gateway/iotpay/IotPayErrors.h"

namespace paydesk {

GatewayEntry iotPayGateway(std::optional<IotPayConfig> client, std::optional<IotPayNotifyConfig> notify)
{
    GatewayEntry entry;
    entry.name = iotpay::Name.toString();
    entry.accepts = &channelAcceptsCurrency;
    entry.classify = &iotpay::errorCodeFor;
    if (client) {
        entry.createClient = [config = std::move(*client)](QNetworkAccessManager &network) {
            return std::make_unique<IotPayClient>(&network, config);
        };
    }
    if (notify)
        entry.notify = std::make_shared<IotPayNotifyVerifier>(std::move(*notify));
    return entry;
}

} // namespace paydesk

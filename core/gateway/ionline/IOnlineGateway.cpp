#include "IOnlineGateway.h"

namespace paydesk {

GatewayEntry iOnlineGateway(std::optional<IOnlinePayConfig> client, std::optional<IOnlineNotifyConfig> notify,
                            const Clock &clock)
{
    GatewayEntry entry;
    entry.name = ionline::Name.toString();
    if (client) {
        entry.createClient = [config = std::move(*client), &clock](QNetworkAccessManager &network) {
            return std::make_unique<IOnlinePayClient>(&network, config, clock);
        };
    }
    if (notify)
        entry.notify = std::make_shared<IOnlineNotifyVerifier>(std::move(*notify));
    return entry;
}

} // namespace paydesk

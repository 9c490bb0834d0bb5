#include "IOnlineGateway.h"

#include "gateway/ionline/IOnlineChannels.h"
#include "gateway/ionline/IOnlineErrors.h"

namespace paydesk {

GatewayEntry iOnlineGateway(std::optional<IOnlinePayConfig> client, std::optional<IOnlineNotifyConfig> notify,
                            const Clock &clock)
{
    GatewayEntry entry;
    entry.name = ionline::Name.toString();
    entry.classify = &ionline::errorCodeFor;
    // The online channels, in the one currency the account settles in.
    const Currency account = client ? client->merchant.currency : notify ? notify->currency : Currency::Invalid;
    entry.accepts
        = [account](Channel channel, Currency currency) { return ionline::accepts(account, channel, currency); };
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

#include "IotPayGateway.h"

#include "gateway/iotpay/IotPayChannels.h"
#include "gateway/iotpay/IotPayErrors.h"

namespace paydesk {

using namespace Qt::StringLiterals;

GatewayEntry iotPayGateway(std::optional<IotPayConfig> client, std::optional<IotPayNotifyConfig> notify)
{
    GatewayEntry entry;
    entry.name = iotpay::Name.toString();
    entry.accepts = &channelAcceptsCurrency;
    entry.classify = &iotpay::errorCodeFor;
    entry.createEndpoint = [](Channel) { return u"create_order"_s; };
    entry.refusal = [](Channel channel, Currency currency) -> QString {
        if (channelAcceptsCurrency(channel, currency))
            return QString();
        return u"currency: "_s + currencyCode(currency) + u" is not accepted by IOTPay on "_s + channelId(channel);
    };
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

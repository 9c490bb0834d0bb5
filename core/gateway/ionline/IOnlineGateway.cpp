#include "IOnlineGateway.h"

#include "gateway/ionline/IOnlineChannels.h"
#include "gateway/ionline/IOnlineErrors.h"
#include "gateway/ionline/IOnlinePayCodec.h"

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

Result<void> checkConfig(const std::optional<IOnlinePayConfig> &client,
                         const std::optional<IOnlineNotifyConfig> &notify)
{
    if (notify && (notify->key.isEmpty() || notify->mchId.isEmpty() || notify->currency == Currency::Invalid))
        return fail(ErrorCode::ConfigMissing, u"iOnline Pay needs a merchant id, a key and a currency"_s);
    if (client && !notify)
        return fail(ErrorCode::ConfigMissing, u"iOnline orders need the iOnline notify path enabled"_s);
    if (client && notify && client->merchant.currency != notify->currency)
        return fail(ErrorCode::ConfigMissing, u"iOnline currency differs between the endpoint and the notify path"_s);
    return {};
}

} // namespace

GatewayEntry iOnlineGateway(std::optional<IOnlinePayConfig> client, std::optional<IOnlineNotifyConfig> notify,
                            const Clock &clock)
{
    GatewayEntry entry;
    entry.name = ionline::Name.toString();
    entry.classify = &ionline::errorCodeFor;
    entry.createEndpoint = [](Channel channel) {
        return channel == Channel::WxJsapi ? IOnlinePayCodec::JsPayService.toString()
                                           : IOnlinePayCodec::InAppService.toString();
    };
    entry.checkConfig = [client, notify] { return checkConfig(client, notify); };
    // The online channels, in the one currency the account settles in.
    const Currency account = client ? client->merchant.currency : notify ? notify->currency : Currency::Invalid;
    entry.accepts
        = [account](Channel channel, Currency currency) { return ionline::accepts(account, channel, currency); };
    if (client) {
        entry.refusal = [account](Channel, Currency currency) -> QString {
            return currency == account ? QString()
                                       : u"currency: the iOnline Pay account takes "_s + currencyCode(account);
        };
    }
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

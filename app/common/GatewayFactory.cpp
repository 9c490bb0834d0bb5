#include "GatewayFactory.h"

#include "gateway/GatewayRegistry.h"
#include "gateway/iotpay/IotPayGateway.h"

namespace paydesk {

namespace {

// The gateways the counter sells through, one registration line each. The counter's QR and
// scan-to-pay sales go through IOTPay; online orders (iOnline Pay too) are the relay's.
Result<GatewayRegistry> counterGateways(const Settings &settings, const MerchantKey &key, const QUrl &baseUrlOverride)
{
    IotPayConfig iotPay;
    iotPay.baseUrl = baseUrlOverride.isValid() ? baseUrlOverride : QUrl(settings.gatewayBaseUrl());
    iotPay.merchant = {settings.mchId(), settings.jobNo()};
    iotPay.key = key;
    iotPay.deadlineMs = settings.gatewayDeadlineMs();

    GatewayRegistry registry;
    if (auto added = registry.add(iotPayGateway(std::move(iotPay), std::nullopt)); !added)
        return fail(added.error());
    return registry;
}

} // namespace

Result<std::unique_ptr<PaymentGateway>> makeGateway(const Settings &settings, SecretStore &secrets,
                                                    QNetworkAccessManager *network, const QUrl &baseUrlOverride)
{
    if (settings.mchId().isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no merchant id configured (merchant/mchId)"));
    auto key = secrets.readMerchantKey();
    if (!key)
        return fail(key.error());
    auto registry = counterGateways(settings, *key, baseUrlOverride);
    if (!registry)
        return fail(registry.error());
    return registry->createClient(iotpay::Name, *network);
}

bool isGatewayKey(QStringView key)
{
    return key == SettingKeys::MchId.name || key == SettingKeys::JobNo.name || key == SettingKeys::GatewayBaseUrl.name
        || key == SettingKeys::GatewayDeadlineMs.name;
}

} // namespace paydesk

#include "GatewayFactory.h"

#include "gateway/GatewayRegistry.h"
#include "gateway/iotpay/IotPayGateway.h"

namespace paydesk {

namespace {

// The gateways the counter sells through, one registration line each. The counter's QR and
// scan-to-pay sales go through IOTPay; online orders (iOnline Pay too) are the relay's.
Result<GatewayRegistry> counterGateways(const MerchantDetails &details, int deadlineMs)
{
    IotPayConfig iotPay;
    iotPay.baseUrl = QUrl(details.gatewayBaseUrl);
    iotPay.merchant = {details.mchId, details.jobNo};
    iotPay.key = details.key;
    iotPay.deadlineMs = deadlineMs;

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
    const QString baseUrl = baseUrlOverride.isValid() ? baseUrlOverride.toString() : settings.gatewayBaseUrl();
    return makeGateway({settings.mchId(), settings.jobNo(), baseUrl, *key}, settings.gatewayDeadlineMs(), *network);
}

Result<std::unique_ptr<PaymentGateway>> makeGateway(const MerchantDetails &details, int deadlineMs,
                                                    QNetworkAccessManager &network)
{
    auto registry = counterGateways(details, deadlineMs);
    if (!registry)
        return fail(registry.error());
    return registry->createClient(iotpay::Name, network);
}

std::function<Result<std::unique_ptr<PaymentGateway>>(const MerchantDetails &)>
connectionTestGateways(QNetworkAccessManager *network)
{
    constexpr int TestDeadlineMs = 10'000;
    return [network](const MerchantDetails &details) { return makeGateway(details, TestDeadlineMs, *network); };
}

bool isGatewayKey(QStringView key)
{
    return key == SettingKeys::MchId.name || key == SettingKeys::JobNo.name || key == SettingKeys::GatewayBaseUrl.name
        || key == SettingKeys::GatewayDeadlineMs.name;
}

} // namespace paydesk

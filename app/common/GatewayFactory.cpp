#include "GatewayFactory.h"

#include "gateway/IotPayClient.h"

namespace paydesk {

Result<std::unique_ptr<PaymentGateway>> makeGateway(const Settings &settings, SecretStore &secrets,
                                                    QNetworkAccessManager *network, const QUrl &baseUrlOverride)
{
    if (settings.mchId().isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no merchant id configured (merchant/mchId)"));
    auto key = secrets.readMerchantKey();
    if (!key)
        return fail(key.error());
    IotPayConfig config;
    config.baseUrl = baseUrlOverride.isValid() ? baseUrlOverride : QUrl(settings.gatewayBaseUrl());
    config.merchant = {settings.mchId(), settings.jobNo()};
    config.key = *key;
    config.deadlineMs = settings.gatewayDeadlineMs();
    return std::make_unique<IotPayClient>(network, config);
}

bool isGatewayKey(QStringView key)
{
    return key == SettingKeys::MchId.name || key == SettingKeys::JobNo.name
        || key == SettingKeys::GatewayBaseUrl.name || key == SettingKeys::GatewayDeadlineMs.name;
}

} // namespace paydesk

#include "DemoAssembly.h"

namespace paydesk {

Result<std::unique_ptr<DemoEnvironment>> startDemo(Settings &settings, const DemoOptions &options, const Clock &clock,
                                                   QNetworkAccessManager *network)
{
    auto demo = DemoEnvironment::start(options, clock, network);
    if (!demo)
        return fail(demo.error());
    const IotPayConfig gateway = (*demo)->gatewayConfig();
    const Result<void> steps[] = {
        settings.setMchId(gateway.merchant.mchId),
        settings.setJobNo(gateway.merchant.jobNo),
        settings.setGatewayBaseUrl(gateway.baseUrl.toString()),
        settings.setGatewayDeadlineMs(gateway.deadlineMs),
        settings.setNotifyUrl((*demo)->notifyUrl()),
        settings.setTerminalId(QStringLiteral("DEMO")),
        settings.setRelayMode(RelayMode::Service),
        settings.setOrderLogPath((*demo)->orderLogPath()),
    };
    for (const Result<void> &step : steps) {
        if (!step)
            return fail(step.error());
    }
    // A QR validity shorter than the settings allow (tests) is left to the caller's SaleConfig.
    (void)settings.setValiditySeconds(int(options.validityMs / 1000));
    return demo;
}

std::unique_ptr<SecretStore> demoSecrets()
{
    return std::make_unique<MemorySecretStore>(MerchantKey(QByteArray(DemoEnvironment::DemoKey)));
}

} // namespace paydesk

#include "CommandSupport.h"

namespace paydesk {

void addCounterOverrideOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("order-log"), QStringLiteral("Order log file instead of the configured one."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("gateway"), QStringLiteral("Gateway base URL instead of the configured one."),
                      QStringLiteral("URL")});
}

Result<std::unique_ptr<CounterAssembly>> counterFor(const QCommandLineParser &parser, Settings &settings,
                                                    SecretStore &secrets, QNetworkAccessManager *network,
                                                    const Clock &clock)
{
    CounterOptions options;
    options.orderLogPath = parser.value(QStringLiteral("order-log"));
    if (parser.isSet(QStringLiteral("gateway")))
        options.gatewayUrl = QUrl(parser.value(QStringLiteral("gateway")));
    return CounterAssembly::build(settings, secrets, network, clock, options);
}

} // namespace paydesk

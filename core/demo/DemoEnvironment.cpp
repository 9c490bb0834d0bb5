#include "DemoEnvironment.h"

#include <QDir>

namespace paydesk {

DemoEnvironment::~DemoEnvironment()
{
    if (m_relay)
        m_relay->stop();
    if (m_simulator)
        m_simulator->stop();
}

IotPayConfig DemoEnvironment::gatewayConfig() const
{
    IotPayConfig config;
    config.baseUrl = m_simulator->baseUrl();
    config.merchant = {QString::fromLatin1(MerchantId), QString::fromLatin1(JobNo)};
    config.key = MerchantKey(QByteArray(DemoKey));
    config.deadlineMs = 10'000;
    return config;
}

Result<std::unique_ptr<DemoEnvironment>> DemoEnvironment::start(const DemoOptions &options, const Clock &clock,
                                                                QNetworkAccessManager *network)
{
    std::unique_ptr<DemoEnvironment> demo(new DemoEnvironment);
    QString directory = options.dataDirectory;
    if (directory.isEmpty()) {
        demo->m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/paydesk-demo-XXXXXX");
        if (!demo->m_tempDir->isValid())
            return fail(ErrorCode::StoreUnavailable,
                        u"cannot create a temporary directory: " + demo->m_tempDir->errorString());
        directory = demo->m_tempDir->path();
    }
    demo->m_orderLogPath = QDir(directory).filePath(QStringLiteral("demo-orders.sqlite"));

    SimOptions simOptions;
    simOptions.mchId = QString::fromLatin1(MerchantId);
    simOptions.key = MerchantKey(QByteArray(DemoKey));
    simOptions.validityMs = options.validityMs;
    simOptions.autoPayAfterMs = options.autoPayAfterMs;
    simOptions.notifyScheduleScale = 1.0 / 60.0; // retries after 1..5 s instead of minutes
    demo->m_simulator = std::make_unique<GatewaySimulator>(simOptions, clock, network);
    if (auto port = demo->m_simulator->start(); !port)
        return fail(port.error());

    RelayOptions relayOptions;
    relayOptions.orderLogPath = demo->m_orderLogPath;
    relayOptions.notify.mchId = simOptions.mchId;
    relayOptions.notify.key = simOptions.key;
    demo->m_relay = std::make_unique<RelayService>(relayOptions, clock);
    auto relayPort = demo->m_relay->start();
    if (!relayPort)
        return fail(relayPort.error());
    demo->m_notifyUrl
        = u"http://127.0.0.1:" + QString::number(*relayPort) + QString::fromUtf8(relayOptions.notify.notifyPath);
    return demo;
}

} // namespace paydesk

#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "gateway/iotpay/IotPayClient.h"
#include "relay/RelayService.h"
#include "sim/GatewaySimulator.h"

#include <QTemporaryDir>

#include <memory>

class QNetworkAccessManager;

namespace paydesk {

struct DemoOptions
{
    qint64 autoPayAfterMs = -1; // >= 0: the simulated customer pays by itself
    qint64 validityMs = 2 * 60 * 1000;
    QString dataDirectory; // empty: a throw-away temporary directory
};

// Demo mode (design.md): the IOTPay simulator and the notification relay on loopback ports,
// a throw-away order log and a demo merchant key. Nothing here can touch real money: the
// gateway is the local simulator.
class DemoEnvironment
{
public:
    static constexpr const char *MerchantId = "10000701";
    static constexpr const char *JobNo = "demo";
    static constexpr const char *DemoKey = "PAYDESK-DEMO-KEY-NOT-FOR-REAL-MONEY";

    static Result<std::unique_ptr<DemoEnvironment>> start(const DemoOptions &options, const Clock &clock,
                                                          QNetworkAccessManager *network);
    ~DemoEnvironment();

    QString orderLogPath() const { return m_orderLogPath; }
    QString notifyUrl() const { return m_notifyUrl; }
    IotPayConfig gatewayConfig() const;
    GatewaySimulator &simulator() { return *m_simulator; }
    RelayService &relay() { return *m_relay; }

private:
    DemoEnvironment() = default;

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_orderLogPath;
    QString m_notifyUrl;
    std::unique_ptr<GatewaySimulator> m_simulator;
    std::unique_ptr<RelayService> m_relay;
};

} // namespace paydesk

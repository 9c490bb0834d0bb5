#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "payment/Sale.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;
class QTemporaryDir;

namespace paydesk {

class Checkout;
class DemoEnvironment;
class IotPayClient;
class LanguageSwitcher;
class MainWindow;
class MemorySecretStore;
class OrderLog;
class Settings;
class GatewaySwitch;

struct DemoCounterOptions
{
    qint64 validityMs = 0;            // 0: demo mode's default (DemoOptions)
    QString language = QStringLiteral("en");
};

// What `paydesk --demo` assembles in main(): simulator and relay on loopback, a throw-away order
// log and settings file, the demo key, a Checkout and the MainWindow. Shared by the GUI tests,
// the screenshot tour and the GUI benchmark so they all drive the real window. One extra seam:
// the gateway can be switched to a client that signs with a wrong key, for the error screens.
class DemoCounter
{
public:
    static Result<std::unique_ptr<DemoCounter>> start(const DemoCounterOptions &options = {});
    ~DemoCounter();

    MainWindow &window() { return *m_window; }
    DemoEnvironment &demo() { return *m_demo; }
    Checkout &checkout() { return *m_checkout; }
    OrderLog &orderLog() { return *m_orderLog; }
    Settings &settings() { return *m_settings; }
    LanguageSwitcher &language() { return *m_language; }

    // The next sales go to a client signing with a wrong merchant key (the gateway answers
    // "signature error"), or back to the demo key.
    void setWrongMerchantKey(bool wrong);

private:
    DemoCounter();
    Result<void> startServices(const DemoCounterOptions &options);
    SaleConfig saleConfig(const DemoCounterOptions &options) const;

    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<DemoEnvironment> m_demo;
    std::unique_ptr<OrderLog> m_orderLog;
    std::unique_ptr<IotPayClient> m_gateway;
    std::unique_ptr<IotPayClient> m_wrongKeyGateway;
    std::unique_ptr<GatewaySwitch> m_gatewaySwitch;
    std::unique_ptr<LanguageSwitcher> m_language;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace paydesk

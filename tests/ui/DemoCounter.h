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
class CounterAssembly;
class DemoEnvironment;
class LanguageSwitcher;
class MainWindow;
class OrderLog;
class SecretStore;
class Settings;
class StaffService;

struct DemoCounterOptions
{
    qint64 validityMs = 0; // 0: demo mode's default (DemoOptions)
    QString language = QStringLiteral("en");
};

// What `paydesk --demo` assembles in main(), through the same app/common functions (startDemo,
// CounterAssembly): simulator and relay on loopback, a throw-away order log and settings file,
// the demo key, the counter and the MainWindow. Shared by the GUI tests, the screenshot tour and
// the GUI benchmark so they all drive the real window. One extra seam: the gateway can be
// rebuilt with a wrong merchant key, for the error screens.
class DemoCounter
{
public:
    static Result<std::unique_ptr<DemoCounter>> start(const DemoCounterOptions &options = {});
    ~DemoCounter();

    MainWindow &window() { return *m_window; }
    DemoEnvironment &demo() { return *m_demo; }
    Checkout &checkout();
    OrderLog &orderLog();
    StaffService &staff();
    Settings &settings() { return *m_settings; }
    LanguageSwitcher &language() { return *m_language; }

    // The next sales go to a client signing with a wrong merchant key (the gateway answers
    // "signature error"), or back to the demo key.
    void setWrongMerchantKey(bool wrong);

private:
    DemoCounter();
    Result<void> startServices(const DemoCounterOptions &options);

    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<DemoEnvironment> m_demo;
    std::unique_ptr<CounterAssembly> m_counter;
    std::unique_ptr<LanguageSwitcher> m_language;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace paydesk

#include "DemoCounter.h"

#include "CounterAssembly.h"
#include "DemoAssembly.h"

#include "config/SecretStore.h"
#include "config/Settings.h"
#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace paydesk {

DemoCounter::DemoCounter() = default;

DemoCounter::~DemoCounter()
{
    // The window and the sale talk to everything below; they go first.
    m_window.reset();
    m_counter.reset();
}

StaffService &DemoCounter::staff()
{
    return m_counter->staff();
}

Checkout &DemoCounter::checkout()
{
    return m_counter->checkout();
}

OrderLog &DemoCounter::orderLog()
{
    return m_counter->orderLog();
}

Result<std::unique_ptr<DemoCounter>> DemoCounter::start(const DemoCounterOptions &options)
{
    std::unique_ptr<DemoCounter> counter(new DemoCounter);
    if (auto services = counter->startServices(options); !services)
        return fail(services.error());
    counter->m_language = std::make_unique<LanguageSwitcher>();
    if (!counter->m_language->setLanguage(options.language))
        return fail(ErrorCode::InvalidArgument, u"unknown language " + options.language);

    CounterServices services;
    services.checkout = &counter->m_counter->checkout();
    services.orderLog = &counter->m_counter->orderLog();
    services.settings = counter->m_settings.get();
    services.secrets = counter->m_secrets.get();
    services.network = counter->m_network.get();
    services.clock = &counter->m_clock;
    services.language = counter->m_language.get();
    services.demo = counter->m_demo.get();
    services.staff = &counter->m_counter->staff(); // as main() does: sign-in once there are cashiers
    counter->m_window = std::make_unique<MainWindow>(services);
    return counter;
}

// Simulator, relay, settings and the counter, as main() sets them up in demo mode.
Result<void> DemoCounter::startServices(const DemoCounterOptions &options)
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_settingsDir = std::make_unique<QTemporaryDir>();
    if (!m_settingsDir->isValid())
        return fail(ErrorCode::StoreUnavailable, m_settingsDir->errorString());
    m_settings = std::make_unique<Settings>(m_settingsDir->filePath(QStringLiteral("demo.ini")));
    DemoOptions demoOptions;
    if (options.validityMs > 0)
        demoOptions.validityMs = options.validityMs;
    auto environment = startDemo(*m_settings, demoOptions, m_clock, m_network.get());
    if (!environment)
        return fail(environment.error());
    m_demo = std::move(*environment);
    m_secrets = demoSecrets();
    auto counter = CounterAssembly::build(*m_settings, *m_secrets, m_network.get(), m_clock);
    if (!counter)
        return fail(counter.error());
    m_counter = std::move(*counter);
    m_counter->followSettings();
    if (options.validityMs > 0) {
        // A test may shorten the QR validity below what Settings allows.
        SaleConfig sale = m_counter->checkout().config();
        sale.validityMs = options.validityMs;
        m_counter->checkout().setConfig(sale);
    }
    return {};
}

void DemoCounter::setWrongMerchantKey(bool wrong)
{
    (void)m_secrets->writeMerchantKey(
        MerchantKey(wrong ? QByteArrayLiteral("NOT-THE-DEMO-KEY") : QByteArray(DemoEnvironment::DemoKey)));
    (void)m_counter->reloadGateway();
}

} // namespace paydesk

#include "DemoCounter.h"

#include "config/SecretStore.h"
#include "config/Settings.h"
#include "demo/DemoEnvironment.h"
#include "gateway/IotPayClient.h"
#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace paydesk {

// Forwards to one of two clients; lets a test turn the merchant key wrong between two sales.
class GatewaySwitch final : public PaymentGateway
{
public:
    explicit GatewaySwitch(PaymentGateway *active) : m_active(active) {}
    void setActive(PaymentGateway *active) { m_active = active; }

    GatewayCall *createOrder(const OrderRequest &request) override { return m_active->createOrder(request); }
    GatewayCall *queryOrder(const OrderLookup &lookup) override { return m_active->queryOrder(lookup); }
    GatewayCall *refundOrder(const RefundRequest &request) override { return m_active->refundOrder(request); }

private:
    PaymentGateway *m_active;
};

DemoCounter::DemoCounter() = default;

DemoCounter::~DemoCounter()
{
    // The window and the sale talk to everything below; they go first.
    m_window.reset();
    m_checkout.reset();
}

Result<std::unique_ptr<DemoCounter>> DemoCounter::start(const DemoCounterOptions &options)
{
    std::unique_ptr<DemoCounter> counter(new DemoCounter);
    counter->m_network = std::make_unique<QNetworkAccessManager>();
    counter->m_settingsDir = std::make_unique<QTemporaryDir>();
    if (!counter->m_settingsDir->isValid())
        return fail(ErrorCode::StoreUnavailable, counter->m_settingsDir->errorString());
    counter->m_settings = std::make_unique<Settings>(counter->m_settingsDir->filePath(QStringLiteral("demo.ini")));

    DemoOptions demoOptions;
    if (options.validityMs > 0)
        demoOptions.validityMs = options.validityMs;
    auto environment = DemoEnvironment::start(demoOptions, counter->m_clock, counter->m_network.get());
    if (!environment)
        return fail(environment.error());
    counter->m_demo = std::move(*environment);
    counter->m_secrets = std::make_unique<MemorySecretStore>(MerchantKey(QByteArray(DemoEnvironment::DemoKey)));

    // As main() does in demo mode.
    Settings &settings = *counter->m_settings;
    (void)settings.setMchId(QString::fromLatin1(DemoEnvironment::MerchantId));
    (void)settings.setTerminalId(QStringLiteral("DEMO"));
    (void)settings.setNotifyUrl(counter->m_demo->notifyUrl());
    (void)settings.setValiditySeconds(int(DemoOptions().validityMs / 1000));

    auto log = OrderLog::open(counter->m_demo->orderLogPath(), counter->m_clock);
    if (!log)
        return fail(log.error());
    counter->m_orderLog = std::move(*log);
    counter->m_gateway = std::make_unique<IotPayClient>(counter->m_network.get(), counter->m_demo->gatewayConfig());
    IotPayConfig wrongKey = counter->m_demo->gatewayConfig();
    wrongKey.key = MerchantKey(QByteArrayLiteral("NOT-THE-DEMO-KEY"));
    counter->m_wrongKeyGateway = std::make_unique<IotPayClient>(counter->m_network.get(), wrongKey);
    counter->m_gatewaySwitch = std::make_unique<GatewaySwitch>(counter->m_gateway.get());

    counter->m_language = std::make_unique<LanguageSwitcher>();
    if (!counter->m_language->setLanguage(options.language))
        return fail(ErrorCode::InvalidArgument, u"unknown language " + options.language);

    SaleConfig sale;
    sale.terminalId = settings.terminalId();
    sale.cashier = settings.cashier();
    sale.notifyUrl = settings.notifyUrl();
    sale.validityMs = options.validityMs > 0 ? options.validityMs : qint64(settings.validitySeconds()) * 1000;
    sale.graceMs = settings.graceMs();
    sale.queryIntervalMs = settings.queryIntervalMs();
    counter->m_checkout = std::make_unique<Checkout>(*counter->m_orderLog, *counter->m_gatewaySwitch,
                                                     counter->m_clock, sale);

    CounterServices services;
    services.checkout = counter->m_checkout.get();
    services.orderLog = counter->m_orderLog.get();
    services.settings = counter->m_settings.get();
    services.secrets = counter->m_secrets.get();
    services.network = counter->m_network.get();
    services.clock = &counter->m_clock;
    services.language = counter->m_language.get();
    services.demo = counter->m_demo.get();
    counter->m_window = std::make_unique<MainWindow>(services);
    return counter;
}

void DemoCounter::setWrongMerchantKey(bool wrong)
{
    m_gatewaySwitch->setActive(wrong ? m_wrongKeyGateway.get() : m_gateway.get());
}

} // namespace paydesk

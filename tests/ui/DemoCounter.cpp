#include "DemoCounter.h"

#include "config/SecretStore.h"
#include "config/Settings.h"
#include "demo/DemoEnvironment.h"
#include "gateway/iotpay/IotPayClient.h"
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
    QString name() const override { return m_active->name(); }
    bool accepts(Channel channel, Currency currency) const override { return m_active->accepts(channel, currency); }
    bool isNoSuchOrder(const Error &queryError) const override { return m_active->isNoSuchOrder(queryError); }

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
    if (auto services = counter->startServices(options); !services)
        return fail(services.error());
    counter->m_language = std::make_unique<LanguageSwitcher>();
    if (!counter->m_language->setLanguage(options.language))
        return fail(ErrorCode::InvalidArgument, u"unknown language " + options.language);
    counter->m_checkout = std::make_unique<Checkout>(*counter->m_orderLog, *counter->m_gatewaySwitch,
                                                     counter->m_clock, counter->saleConfig(options));

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

// Simulator, relay, order log, settings and gateway clients, as main() sets them up in demo mode.
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
    auto environment = DemoEnvironment::start(demoOptions, m_clock, m_network.get());
    if (!environment)
        return fail(environment.error());
    m_demo = std::move(*environment);
    m_secrets = std::make_unique<MemorySecretStore>(MerchantKey(QByteArray(DemoEnvironment::DemoKey)));
    (void)m_settings->setMchId(QString::fromLatin1(DemoEnvironment::MerchantId));
    (void)m_settings->setTerminalId(QStringLiteral("DEMO"));
    (void)m_settings->setNotifyUrl(m_demo->notifyUrl());
    (void)m_settings->setValiditySeconds(int(DemoOptions().validityMs / 1000));

    auto log = OrderLog::open(m_demo->orderLogPath(), m_clock);
    if (!log)
        return fail(log.error());
    m_orderLog = std::move(*log);
    m_gateway = std::make_unique<IotPayClient>(m_network.get(), m_demo->gatewayConfig());
    IotPayConfig wrongKey = m_demo->gatewayConfig();
    wrongKey.key = MerchantKey(QByteArrayLiteral("NOT-THE-DEMO-KEY"));
    m_wrongKeyGateway = std::make_unique<IotPayClient>(m_network.get(), wrongKey);
    m_gatewaySwitch = std::make_unique<GatewaySwitch>(m_gateway.get());
    return {};
}

// As main()'s saleConfigFrom(); a test may shorten the QR validity below what Settings allows.
SaleConfig DemoCounter::saleConfig(const DemoCounterOptions &options) const
{
    SaleConfig sale;
    sale.terminalId = m_settings->terminalId();
    sale.cashier = m_settings->cashier();
    sale.notifyUrl = m_settings->notifyUrl();
    sale.validityMs = options.validityMs > 0 ? options.validityMs : qint64(m_settings->validitySeconds()) * 1000;
    sale.graceMs = m_settings->graceMs();
    sale.queryIntervalMs = m_settings->queryIntervalMs();
    return sale;
}

void DemoCounter::setWrongMerchantKey(bool wrong)
{
    m_gatewaySwitch->setActive(wrong ? m_wrongKeyGateway.get() : m_gateway.get());
}

} // namespace paydesk

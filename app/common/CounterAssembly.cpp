#include "CounterAssembly.h"

#include "GatewayFactory.h"
#include "LiveGateway.h"
#include "RelayAssembly.h"

#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "relay/RelayService.h"
#include "staff/StaffService.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

namespace paydesk {

namespace {
Q_LOGGING_CATEGORY(lcAssembly, "paydesk.app")
} // namespace

SaleConfig saleConfigFrom(const Settings &settings)
{
    SaleConfig sale;
    sale.terminalId = settings.terminalId();
    sale.cashier = settings.cashier();
    sale.notifyUrl = settings.notifyUrl();
    sale.validityMs = qint64(settings.validitySeconds()) * 1000;
    sale.graceMs = settings.graceMs();
    sale.queryIntervalMs = settings.queryIntervalMs();
    return sale;
}

Result<bool> migrateManagerPin(const Settings &settings, StaffService &staff)
{
    auto migrated = staff.migrateManagerPin(settings.pinVerifier(), settings.pinLockoutState(), settings.terminalId());
    if (migrated && *migrated)
        qCInfo(lcAssembly) << "the manager PIN of the settings is now the staff account"
                           << StaffService::DefaultManagerName;
    return migrated;
}

Result<void> registerTerminal(Settings &settings, OrderLog &log)
{
    // A counter's own SQLite file belongs to that counter: its programs may run with settings
    // files of their own (paydeskctl as another user), which must not lock each other out.
    if (!log.isSharedStore())
        return {};
    QString instance = settings.value(SettingKeys::InstanceId);
    if (instance.isEmpty()) {
        // This install's identity, made once and kept with its settings.
        instance = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto saved = settings.setValue(SettingKeys::InstanceId, instance); !saved)
            return saved;
    }
    auto registered = log.registerTerminal(
        TerminalRegistration{settings.terminalId(), settings.value(SettingKeys::StoreId), instance, 0, 0});
    if (!registered)
        return fail(registered.error());
    return {};
}

bool isSaleKey(QStringView key)
{
    return key == SettingKeys::TerminalId.name || key == SettingKeys::Cashier.name || key == SettingKeys::NotifyUrl.name
        || key == SettingKeys::ValiditySeconds.name || key == SettingKeys::GraceMs.name
        || key == SettingKeys::QueryIntervalMs.name;
}

CounterAssembly::CounterAssembly(Settings &settings, SecretStore &secrets, QNetworkAccessManager *network,
                                 const Clock &clock)
    : m_settings(settings), m_secrets(secrets), m_network(network), m_clock(clock)
{}

CounterAssembly::~CounterAssembly()
{
    stopRelay();
}

Result<std::unique_ptr<CounterAssembly>> CounterAssembly::build(Settings &settings, SecretStore &secrets,
                                                                QNetworkAccessManager *network, const Clock &clock,
                                                                const CounterOptions &options)
{
    std::unique_ptr<CounterAssembly> counter(new CounterAssembly(settings, secrets, network, clock));
    counter->m_options = options;
    auto gateway = makeGateway(settings, secrets, network, options.gatewayUrl);
    if (!gateway)
        return fail(gateway.error());
    OrderLog::Options logOptions;
    logOptions.readOnly = options.readOnlyLog;
    logOptions.create = !options.readOnlyLog;
    auto log = OrderLog::open(options.orderLogPath.isEmpty() ? settings.orderLogPath() : options.orderLogPath, clock,
                              logOptions);
    if (!log)
        return fail(log.error());
    counter->m_orderLog = std::move(*log);
    counter->m_gateway = std::make_unique<LiveGateway>(std::move(*gateway));
    counter->m_checkout
        = std::make_unique<Checkout>(*counter->m_orderLog, *counter->m_gateway, clock, saleConfigFrom(settings));
    counter->m_reconciler = std::make_unique<Reconciler>(*counter->m_orderLog, *counter->m_gateway, clock);
    counter->m_refunds = std::make_unique<RefundService>(*counter->m_orderLog, *counter->m_gateway, clock);
    counter->m_staff = std::make_unique<StaffService>(*counter->m_orderLog, clock);
    if (!options.readOnlyLog) {
        // Refused here, before any sale, when another install holds the terminal id.
        if (auto registered = registerTerminal(settings, *counter->m_orderLog); !registered)
            return fail(registered.error());
        if (auto migrated = migrateManagerPin(settings, *counter->m_staff); !migrated)
            return fail(migrated.error());
    }
    return counter;
}

PaymentGateway &CounterAssembly::gateway() const
{
    return *m_gateway;
}

Result<void> CounterAssembly::startRelay()
{
    m_hostsRelay = true;
    return startRelayFromSettings();
}

Result<void> CounterAssembly::startRelayFromSettings()
{
    if (m_settings.relayMode() != RelayMode::InProcess)
        return {};
    auto key = m_secrets.readMerchantKey();
    if (!key)
        return fail(key.error());
    return startRelayWith(relayOptionsFrom(m_settings, *key));
}

Result<void> CounterAssembly::startRelayWith(const RelayOptions &options)
{
    auto relay = std::make_unique<RelayService>(options, m_clock);
    auto port = relay->start();
    if (!port)
        return fail(port.error());
    m_relay = std::move(relay);
    m_relayOptions = options;
    Q_EMIT relayRestarted(*port);
    return {};
}

void CounterAssembly::stopRelay()
{
    if (m_relay)
        m_relay->stop();
    m_relay.reset();
}

Result<void> CounterAssembly::restartRelay()
{
    m_relayRestartPending = false;
    const bool wasRunning = m_relay != nullptr;
    const RelayOptions previous = m_relayOptions;
    stopRelay();
    Result<void> started = startRelayFromSettings();
    // Back to the relay that ran: notifications keep arriving where they did.
    if (!started && wasRunning)
        (void)startRelayWith(previous);
    return started;
}

Result<void> CounterAssembly::reloadGateway()
{
    auto gateway = makeGateway(m_settings, m_secrets, m_network, m_options.gatewayUrl);
    if (!gateway)
        return fail(gateway.error());
    m_gateway->replace(std::move(*gateway));
    return {};
}

void CounterAssembly::applyMerchantKey()
{
    if (auto reloaded = reloadGateway(); !reloaded)
        Q_EMIT applyFailed(QString(), reloaded.error());
    if (!m_hostsRelay)
        return;
    if (auto restarted = restartRelay(); !restarted)
        Q_EMIT applyFailed(QString(), restarted.error());
}

void CounterAssembly::followSettings()
{
    connect(&m_settings, &Settings::changed, this, &CounterAssembly::onSettingChanged, Qt::UniqueConnection);
}

void CounterAssembly::onSettingChanged(const QString &key)
{
    if (isSaleKey(key))
        m_checkout->setConfig(saleConfigFrom(m_settings)); // the open sale keeps its own copy
    if ((key == SettingKeys::TerminalId.name || key == SettingKeys::StoreId.name) && !m_options.readOnlyLog) {
        if (auto registered = registerTerminal(m_settings, *m_orderLog); !registered)
            Q_EMIT applyFailed(key, registered.error());
    }
    if (isGatewayKey(key)) {
        if (auto reloaded = reloadGateway(); !reloaded)
            Q_EMIT applyFailed(key, reloaded.error());
    }
    // The settings screen writes several relay keys at once: restart once, after the last.
    if (isRelayKey(key) && m_hostsRelay && !m_relayRestartPending) {
        m_relayRestartPending = true;
        QTimer::singleShot(0, this, [this, key] {
            if (auto restarted = restartRelay(); !restarted) {
                qCWarning(lcAssembly) << "relay restart:" << describe(restarted.error());
                Q_EMIT applyFailed(key, restarted.error());
            }
        });
    }
}

} // namespace paydesk

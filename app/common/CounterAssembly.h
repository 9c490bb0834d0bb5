#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "payment/Sale.h"
#include "relay/RelayService.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace paydesk {

class Checkout;
class LiveGateway;
class OrderLog;
class PaymentGateway;
class Reconciler;
class RefundService;
class StaffService;

// The counter's sale settings (terminal, cashier, notify URL, timings) for Checkout.
SaleConfig saleConfigFrom(const Settings &settings);
bool isSaleKey(QStringView key); // a key saleConfigFrom reads

// The single manager PIN of earlier versions (settings) becomes the order log's first manager
// account, once (StaffService::migrateManagerPin); true when this call did it.
Result<bool> migrateManagerPin(const Settings &settings, StaffService &staff);

// On a store's shared database, registers terminal/id for this install (terminal/instanceId,
// made on first use) in store/storeId (OrderLog::registerTerminal): TerminalTaken when another
// install holds the id. Nothing on a counter's own SQLite file.
Result<void> registerTerminal(Settings &settings, OrderLog &log);

struct CounterOptions
{
    QString orderLogPath; // empty: store/orderLogPath
    QUrl gatewayUrl; // invalid: gateway/baseUrl
    bool readOnlyLog = false; // open the order log for reading only
};

// The counter's services, built once the same way for the GUI and paydeskctl: the order log,
// the gateway, the checkout, the reconciler, refunds and staff accounts, and the in-process
// relay when the program hosts it (startRelay()). Opening a writable order log registers the
// terminal id for this install (refused when another install holds it) and moves the manager
// PIN of earlier versions into a manager account (migrateManagerPin).
// With followSettings() the changes of the settings apply while running: sale keys to the next
// sale, gateway keys to a new gateway, relay keys restart the in-process relay.
class CounterAssembly : public QObject
{
    Q_OBJECT

public:
    static Result<std::unique_ptr<CounterAssembly>> build(Settings &settings, SecretStore &secrets,
                                                          QNetworkAccessManager *network, const Clock &clock,
                                                          const CounterOptions &options = {});
    ~CounterAssembly() override;

    OrderLog &orderLog() const { return *m_orderLog; }
    PaymentGateway &gateway() const;
    Checkout &checkout() const { return *m_checkout; }
    Reconciler &reconciler() const { return *m_reconciler; }
    RefundService &refunds() const { return *m_refunds; }
    StaffService &staff() const { return *m_staff; }
    RelayService *relay() const { return m_relay.get(); } // null unless running in-process

    // Starts the in-process relay when relay/mode says so; from then on this program hosts it.
    Result<void> startRelay();
    void followSettings();
    // Rebuilds the gateway from the settings and the secret store (a new merchant key).
    Result<void> reloadGateway();
    // Stops the in-process relay and starts it again from the settings (or only stops it when
    // relay/mode is service). On failure the previous relay runs again and the error is returned.
    Result<void> restartRelay();
    void stopRelay();
    // A new merchant key in the secret store: a new gateway, and the relay restarted with it.
    void applyMerchantKey();

Q_SIGNALS:
    void relayRestarted(quint16 port);
    // A changed setting could not be applied (the relay's new port is taken, no merchant key).
    void applyFailed(const QString &key, const paydesk::Error &error);

private:
    CounterAssembly(Settings &settings, SecretStore &secrets, QNetworkAccessManager *network, const Clock &clock);
    Result<void> startRelayFromSettings();
    Result<void> startRelayWith(const RelayOptions &options);
    void onSettingChanged(const QString &key);

    Settings &m_settings;
    SecretStore &m_secrets;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    CounterOptions m_options;
    std::unique_ptr<RelayService> m_relay;
    RelayOptions m_relayOptions; // of the running relay
    std::unique_ptr<OrderLog> m_orderLog;
    std::unique_ptr<LiveGateway> m_gateway;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<Reconciler> m_reconciler;
    std::unique_ptr<RefundService> m_refunds;
    std::unique_ptr<StaffService> m_staff;
    bool m_hostsRelay = false;
    bool m_relayRestartPending = false;
};

} // namespace paydesk

#pragma once

#include "common/Error.h"
#include "gateway/NotifyVerifier.h"
#include "money/Channel.h"
#include "money/Money.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace paydesk {

class PaymentGateway;

// One gateway as the rest of PayDesk sees it: its name, how to build its client (in the thread
// that owns `network`), how it verifies its notifications, which currencies it takes on which
// channel, and how its own error codes read as PayDesk's. Client and notify may be absent (a
// relay that only receives notifications builds no client).
struct GatewayEntry
{
    using ClientFactory = std::function<std::unique_ptr<PaymentGateway>(QNetworkAccessManager &network)>;

    QString name;
    ClientFactory createClient;
    std::shared_ptr<const NotifyVerifier> notify;
    std::function<bool(Channel channel, Currency currency)> accepts; // empty: takes nothing
    ErrorCode (*classify)(QStringView gatewayCode) = nullptr; // its codes as typed errors
    // The name of its create call for an order on `channel`, as the order's gateway messages record it.
    std::function<QString(Channel channel)> createEndpoint;
    // Why it does not take an online payment of `currency` on `channel`, in words for the
    // caller ("currency: …"); empty when it does. Empty function: no refusal of its own.
    std::function<QString(Channel channel, Currency currency)> refusal;
    // What is wrong with its configuration, checked before a service using it starts; empty: nothing.
    std::function<Result<void>()> checkConfig;
};

// The gateways by name, built by whoever assembles the services and passed down; never global.
// Each gateway folder (gateway/iotpay/, gateway/ionline/) provides a function that makes its
// entry: adding a gateway is a folder and one add() where the services are assembled.
class GatewayRegistry
{
public:
    // Duplicate for a name or a notify path already registered, InvalidArgument for an empty name.
    Result<void> add(GatewayEntry entry);

    const GatewayEntry *find(QStringView name) const;
    // NotFound, naming the gateway and the registered ones, when there is no such gateway.
    Result<const GatewayEntry *> require(QStringView name) const;
    // The verifier whose path is `rawPath`, or null.
    const NotifyVerifier *notifyFor(QByteArrayView rawPath) const;
    QStringList names() const;
    const QList<GatewayEntry> &entries() const { return m_entries; }

    // NotFound as require(); ConfigMissing when the gateway has no client configured.
    Result<std::unique_ptr<PaymentGateway>> createClient(QStringView name, QNetworkAccessManager &network) const;

private:
    QList<GatewayEntry> m_entries;
};

} // namespace paydesk

#pragma once

#include "payment/Sale.h"

#include <QObject>
#include <QPointer>

namespace paydesk {

// The counter: at most one open sale at a time, so a double (or tenfold) press on Charge
// creates one order. The GUI and `paydeskctl charge` both go through it.
class Checkout : public QObject
{
    Q_OBJECT

public:
    Checkout(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config,
             QObject *parent = nullptr);

    // Duplicate while the current sale is still open; otherwise the new, started sale
    // (owned by the Checkout until the next charge replaces it).
    Result<Sale *> charge(const Money &amount, Channel channel);

    Sale *current() const { return m_current; }
    bool hasOpenSale() const;

    const SaleConfig &config() const { return m_config; }
    void setConfig(const SaleConfig &config) { m_config = config; }

    // The signed-in cashier (a staff account's name), recorded on the next sales' orders in
    // place of the configured cashier; empty: the configured one (config().cashier).
    QString cashier() const { return m_cashier.isEmpty() ? m_config.cashier : m_cashier; }
    void setCashier(const QString &name) { m_cashier = name; }

Q_SIGNALS:
    void saleStarted(paydesk::Sale *sale);

private:
    OrderLog &m_orderLog;
    PaymentGateway &m_gateway;
    const Clock &m_clock;
    SaleConfig m_config;
    QString m_cashier;
    QPointer<Sale> m_current;
};

} // namespace paydesk

#pragma once

#include "payment/Sale.h"
#include "payment/ScanSale.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace paydesk {

// The counter: at most one open sale at a time, so a double (or tenfold) press on Charge
// creates one order. The GUI and `paydeskctl charge` both go through it.
// Scan to pay: a payment code is sent under one order only. The same code again is refused
// (PaymentCodeRepeated, nothing written or sent) while its order is open, after it was paid,
// and after it was given up on unresolved (EXPIRED / CANCELLED); only once the gateway refused
// it or never had it (FAILED) may it start a new order. So ten scans of one code in a row
// create one order. Only a hash of each code is kept, in memory, for RepeatWindowMs.
class Checkout : public QObject
{
    Q_OBJECT

public:
    Checkout(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config,
             QObject *parent = nullptr);

    // Duplicate while the current sale is still open; otherwise the new, started sale
    // (owned by the Checkout until the next charge replaces it).
    Result<Sale *> charge(const Money &amount, Channel channel);
    // Scan to pay: Duplicate while another sale is open, PaymentCodeRepeated for a code that
    // may not be sent again; otherwise the new, started scan sale (owned like charge()'s).
    Result<ScanSale *> scan(const Money &amount, const PaymentCode &code);

    // How long a code is remembered (WeChat's codes live a minute; an UNKNOWN order longer).
    static constexpr qint64 RepeatWindowMs = 10 * 60 * 1000;

    Sale *current() const { return m_current; }
    ScanSale *currentScan() const { return m_currentScan; }
    bool hasOpenSale() const;

    const SaleConfig &config() const { return m_config; }
    void setConfig(const SaleConfig &config) { m_config = config; }

    // The signed-in cashier (a staff account's name), recorded on the next sales' orders in
    // place of the configured cashier; empty: the configured one (config().cashier).
    QString cashier() const { return m_cashier.isEmpty() ? m_config.cashier : m_cashier; }
    void setCashier(const QString &name) { m_cashier = name; }

Q_SIGNALS:
    void saleStarted(paydesk::Sale *sale);
    void scanStarted(paydesk::ScanSale *sale);

private:
    // The configuration a new sale starts with: the signed-in cashier on it.
    SaleConfig saleConfig() const;
    struct SentCode
    {
        QByteArray hash; // SHA-256 of the digits, never the digits
        qint64 orderId = 0;
        qint64 sentMonotonicMs = 0;
    };

    std::optional<Error> repeatedCode(const QByteArray &hash);
    void replaceCurrent(QObject *sale);
    QString openSaleNumber() const;

    OrderLog &m_orderLog;
    PaymentGateway &m_gateway;
    const Clock &m_clock;
    SaleConfig m_config;
    QString m_cashier;
    QPointer<Sale> m_current;
    QPointer<ScanSale> m_currentScan;
    QList<SentCode> m_sentCodes;
};

} // namespace paydesk

#include "Checkout.h"

namespace paydesk {

Checkout::Checkout(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_config(std::move(config))
{}

bool Checkout::hasOpenSale() const
{
    // One read of the guarded pointer: GCC's -Wnull-dereference (at -O2) cannot see that two
    // reads of a QPointer agree.
    const Sale *sale = m_current.data();
    return sale && !sale->isClosed();
}

Result<Sale *> Checkout::charge(const Money &amount, Channel channel)
{
    if (hasOpenSale())
        return fail(ErrorCode::Duplicate, u"sale " + m_current->order().mchOrderNo + u" is still open");
    SaleConfig config = m_config;
    config.cashier = cashier();
    auto *sale = new Sale(m_orderLog, m_gateway, m_clock, config, this);
    if (auto started = sale->start(amount, channel); !started) {
        delete sale;
        return fail(started.error());
    }
    if (m_current)
        m_current->deleteLater();
    m_current = sale;
    Q_EMIT saleStarted(sale);
    return sale;
}

} // namespace paydesk

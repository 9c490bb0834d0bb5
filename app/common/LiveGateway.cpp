#include "LiveGateway.h"

namespace paydesk {

LiveGateway::LiveGateway(std::unique_ptr<PaymentGateway> current, QObject *parent)
    : PaymentGateway(parent), m_current(std::move(current))
{}

LiveGateway::~LiveGateway() = default;

void LiveGateway::replace(std::unique_ptr<PaymentGateway> next)
{
    m_retired.push_back(std::move(m_current));
    m_current = std::move(next);
}

GatewayCall *LiveGateway::createOrder(const OrderRequest &request)
{
    return m_current->createOrder(request);
}
GatewayCall *LiveGateway::queryOrder(const OrderLookup &lookup)
{
    return m_current->queryOrder(lookup);
}
GatewayCall *LiveGateway::refundOrder(const RefundRequest &request)
{
    return m_current->refundOrder(request);
}
QString LiveGateway::name() const
{
    return m_current->name();
}
bool LiveGateway::accepts(Channel channel, Currency currency) const
{
    return m_current->accepts(channel, currency);
}
bool LiveGateway::isNoSuchOrder(const Error &queryError) const
{
    return m_current->isNoSuchOrder(queryError);
}
Result<Channel> LiveGateway::micropayChannelFor(const PaymentCode &code) const
{
    return m_current->micropayChannelFor(code);
}

} // namespace paydesk

#pragma once

#include "gateway/PaymentGateway.h"

#include <memory>
#include <vector>

namespace paydesk {

// The counter's gateway as the sale, the reconciler and refunds see it: forwards every call to
// the gateway of the current settings, which replace() swaps when the settings change. Calls
// already made finish on the gateway that sent them; that gateway lives as long as this one.
class LiveGateway final : public PaymentGateway
{
    Q_OBJECT

public:
    explicit LiveGateway(std::unique_ptr<PaymentGateway> current, QObject *parent = nullptr);
    ~LiveGateway() override;

    void replace(std::unique_ptr<PaymentGateway> next);
    PaymentGateway &current() const { return *m_current; }

    GatewayCall *createOrder(const OrderRequest &request) override;
    GatewayCall *queryOrder(const OrderLookup &lookup) override;
    GatewayCall *refundOrder(const RefundRequest &request) override;
    QString name() const override;
    bool accepts(Channel channel, Currency currency) const override;
    bool isNoSuchOrder(const Error &queryError) const override;
    Result<Channel> micropayChannelFor(const PaymentCode &code) const override;

private:
    std::unique_ptr<PaymentGateway> m_current;
    std::vector<std::unique_ptr<PaymentGateway>> m_retired; // may still have calls in flight
};

} // namespace paydesk

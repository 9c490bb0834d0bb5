#pragma once

#include "gateway/PaymentCode.h"
#include "payment/SaleBase.h"

namespace paydesk {

// Scan to pay (design.md "Scan to pay"): the cashier scans the customer's payment code; one
// sale = one order = one create_order with the code (*_MICROPAY), driving the PaymentLifecycle,
// which owns every state move. The wallet follows from the code (PaymentGateway::
// micropayChannelFor); a code that fits no wallet, a channel or currency the gateway does not
// take is refused before anything is written or sent.
// - paid at once: PAID; refused (insufficient funds, code expired or used, risk control):
//   FAILED with the reason, and a new scan is a new order;
// - the customer confirming (password): AWAITING, queried every 2–3 s up to the limit, then
//   EXPIRED after one last answer; requestCancel() queries once more, then CANCELLED;
// - timeout, reset, 5xx, unreadable reply: UNKNOWN, resolved by query (never re-created).
// A PAID from a query, the relay or a late answer always wins. The code itself is only ever
// sent; the order log gets its last four digits (event "payment-code"), logs the same.
class ScanSale : public SaleBase
{
    Q_OBJECT

public:
    // The order event that records which code paid (masked to its last four digits).
    static QString paymentCodeEventKind();

    ScanSale(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config,
             QObject *parent = nullptr);
    ~ScanSale() override;

    // Single use (Duplicate on a second call). Errors before anything is persisted (amount,
    // code, channel, currency, store) are returned and nothing is charged.
    Result<void> start(const Money &amount, const PaymentCode &code);

    // requestCancel(): asks the gateway once more, then CANCELLED (or PAID if the customer just
    // confirmed).

    // AWAITING: the gateway has the order and the customer is confirming on their phone.
    bool isCustomerConfirming() const { return m_order.state == OrderState::Awaiting; }
    const QString &maskedCode() const { return m_maskedCode; }

Q_SIGNALS:
    void customerConfirming(); // the pending screen: "the customer is confirming the payment"

private:
    Result<void> openOrder(const Money &amount, Channel channel);
    void sendCreate(const PaymentCode &code);
    void onCreateFinished(GatewayCall *call);
    void onCreatePaidOrPending(const GatewayResponse &response);
    void onQueryFinished(GatewayCall *call) override;
    void scheduleNextQuery();
    void applyStep(const LifecycleStep &step);

    QString m_maskedCode;
    qint64 m_deadlineMonotonicMs = 0;
};

} // namespace paydesk

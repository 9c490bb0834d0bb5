#pragma once

#include "common/Clock.h"
#include "gateway/PaymentGateway.h"
#include "orders/OrderLog.h"
#include "payment/PaymentLifecycle.h"

#include <QHash>
#include <QObject>

namespace paydesk {

// Who is asking (StaffRole: orders/Staff.h). The staff sign-in decides who is a manager; this is
// the core's own check that a cashier session can never reach refund_order, whatever the UI does.
struct Requester
{
    QString name;
    StaffRole role = StaffRole::Invalid;
};

// Full and partial refunds through refund_order (payment-api.md §9). Order of work, so that a
// crash at any point leaves the amount reserved rather than refundable twice:
//   1. check and persist the PENDING refund (OrderLog::beginRefund, BEGIN IMMEDIATE),
//   2. send refund_order once (never retried automatically: resending is not documented as
//      idempotent on IOTPay),
//   3. record the request and the reply as gateway messages of the order,
//   4. finish as SUCCEEDED, FAILED (the gateway said no, or nothing was sent) or UNKNOWN
//      (timeout, reset, 5xx, unverifiable reply: the amount stays reserved until resolve()).
class RefundService : public QObject
{
    Q_OBJECT

public:
    RefundService(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, QObject *parent = nullptr);
    ~RefundService() override;

    // Orders paid through another gateway (an online order at iOnline Pay) are refused: this
    // service's gateway cannot refund them.
    bool canRefundThrough(const Order &order) const { return order.gateway == m_gateway.name(); }

    // A refusal (nothing persisted, nothing sent): InvalidArgument for a cashier or a requester
    // without a name, an empty reason, an order of another gateway or one without the gateway's
    // payOrderId; plus the
    // errors of OrderLog::beginRefund (TransitionRejected when not PAID, AmountTooLarge over
    // the balance, ...). Otherwise the PENDING refund; finished() follows for it exactly once,
    // never from within this call.
    Result<Refund> request(qint64 orderId, qint64 amountMinor, const QString &reason, const Requester &requestedBy);

    // A manager settles an UNKNOWN refund (or a PENDING one a crash left behind) after checking
    // the gateway's merchant portal: SUCCEEDED or FAILED, with a note for the audit trail.
    // InvalidArgument while this service still waits for the gateway's reply on it.
    Result<Refund> resolve(qint64 refundId, RefundState outcome, const QString &note, const Requester &resolvedBy);

    int inFlightCount() const { return int(m_inFlight.size()); }

    // How a failed refund_order call ends: UNKNOWN when the refund may have happened
    // (PaymentLifecycle::leavesOutcomeUnknown, the rule of create_order too).
    static RefundState stateForFailure(const Error &error);

Q_SIGNALS:
    void finished(const paydesk::Refund &refund);

private:
    void onRefundFinished(GatewayCall *call, const Refund &pending, const QString &requestedBy);

    OrderLog &m_orderLog;
    PaymentGateway &m_gateway;
    const Clock &m_clock;
    PaymentLifecycle m_lifecycle; // the outcome-unknown rule and the order's gateway messages
    QHash<qint64, GatewayCall *> m_inFlight; // refund id -> its call
};

} // namespace paydesk

#pragma once

// Refund records of the order log (payment-api.md §9, design.md "Order log").

#include "money/Money.h"

#include <QString>
#include <QStringView>

namespace paydesk {

// PENDING is written before refund_order is sent. SUCCEEDED and FAILED are final. UNKNOWN: the
// gateway's answer was ambiguous (timeout, reset, 5xx, unverifiable reply) — the money may or may
// not have gone back, so the amount stays reserved until someone resolves it to SUCCEEDED or
// FAILED. A PENDING row left by a crash is just as ambiguous and is resolved the same way.
enum class RefundState {
    Invalid = 0,
    Pending,
    Succeeded,
    Failed,
    Unknown,
};

QString refundStateName(RefundState state); // "PENDING", "SUCCEEDED", "FAILED", "UNKNOWN"
RefundState refundStateFromName(QStringView name); // Invalid for anything else
// PENDING and UNKNOWN: counted against what can still be refunded.
bool isRefundInFlight(RefundState state);
// PENDING -> SUCCEEDED | FAILED | UNKNOWN; UNKNOWN -> SUCCEEDED | FAILED; nothing leaves a final state.
bool isRefundTransitionAllowed(RefundState from, RefundState to);

inline constexpr qsizetype MaxRefundReasonLength = 200;

struct Refund
{
    qint64 id = 0;
    qint64 orderId = 0;
    QString mchRefundNo; // "R" + mchOrderNo + 2-digit sequence, <= 30, [A-Za-z0-9]
    Money amount;
    QString reason;
    RefundState state = RefundState::Invalid;
    QString requestedBy;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QString refundOrderId; // the gateway's refund id, when it said one
    QString detail; // the last gateway message or resolution note
};

struct NewRefund
{
    qint64 orderId = 0;
    qint64 amountMinor = 0; // in the order's currency
    QString reason; // required, <= MaxRefundReasonLength
    QString requestedBy; // required: who asked (the manager's name)
};

struct RefundFinish
{
    RefundState state = RefundState::Invalid;
    QString refundOrderId;
    QString detail;
    QString actor; // "gateway", or the manager who resolved it
};

// What an order can still give back: paid - refunded - in flight.
struct RefundBalance
{
    Money paid;
    qint64 refundedMinor = 0; // SUCCEEDED refunds (orders.refunded_minor)
    qint64 inFlightMinor = 0; // PENDING and UNKNOWN refunds

    qint64 refundableMinor() const { return paid.minor - refundedMinor - inFlightMinor; }
};

} // namespace paydesk

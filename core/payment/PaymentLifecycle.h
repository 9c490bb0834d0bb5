#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "gateway/PaymentGateway.h"
#include "orders/OrderLog.h"

#include <optional>

namespace paydesk {

// What a create_order call came back with, as its driver sees it.
struct CreateReply
{
    Result<GatewayResponse> result = fail(ErrorCode::Invalid, QStringLiteral("no reply"));
    QString payload; // what the customer is shown: the QR text, an online order's pay URL
    QString unusable; // non-empty: a success whose content cannot be used (no QR, bad payParams)
};

// What became of a gateway answer, for the driver to show, count or log.
struct LifecycleStep
{
    enum class Kind {
        Invalid = 0,
        Awaiting, // the customer can pay: a create, or a query that confirmed an UNKNOWN create
        Unknown, // the gateway may hold the order: resolved by query, never re-created
        Failed, // the gateway refused the create, or has no such order
        Paid, // confirmed (or already was)
        Refused, // the gateway reports a payment the order log does not accept
        Closed, // the gateway closed the order: EXPIRED
        StillOpen, // the gateway has it open (or, for an AWAITING order, contradicts itself): unchanged
        QueryFailed, // no answer to go by
    };

    Kind kind = Kind::Invalid;
    std::optional<Order> order; // the row afterwards (absent when it could not be read)
    std::optional<Error> error; // the gateway's error or the refusal, to report
    std::optional<Error> storeError; // the order log failed a write the step needed
};

// The one owner of every state move of a payment (design.md "A sale, step by step"): the
// counter sale, the relay's online orders, the reconcilers and refunds drive it and apply no
// rule of their own. Synchronous, over one order-log connection (one per thread, like the log).
//
// Rules kept here:
// - the row is written (NEW) before any network call, CREATING before the request leaves;
// - a create whose outcome may have happened at the gateway (ambiguous error, unverifiable or
//   mismatched reply, a success without usable content) is UNKNOWN, never FAILED on a guess;
// - an UNKNOWN or CREATING order is resolved by query: AWAITING when the gateway has it, FAILED
//   only when the gateway says it never had it, EXPIRED when the gateway closed it;
// - PAID is final and wins, late after EXPIRED/CANCELLED/FAILED; a repeat is harmless;
// - "paid at" is the local receive time; a gateway fact that contradicts the log (another
//   gateway order id, a payment time outside the order's life, another amount or currency) is
//   kept as a "contradiction" event and never overwrites what the log holds.
class PaymentLifecycle
{
public:
    // A payment time this far outside [created, now] contradicts the order.
    static constexpr qint64 MaxPayTimeSkewMs = 5 * 60 * 1000;

    PaymentLifecycle(OrderLog &orderLog, const Clock &clock);

    // The event kind of every contradiction (shown in the manager's alerts).
    static QString contradictionEventKind();

    // A create or refund failure after which the gateway may still have acted on the request.
    static bool leavesOutcomeUnknown(const Error &error);

    Result<Order> open(const NewOrder &order);
    // CREATING, before the request leaves; when the store refuses, FAILED (nothing was sent).
    Result<Order> beginCreate(const Order &order, const QString &actor);

    LifecycleStep createAnswered(const Order &order, const CreateReply &reply, const QString &actor);
    LifecycleStep queryAnswered(const Order &order, const Result<GatewayResponse> &result,
                                const PaymentGateway &gateway, const QString &actor);

    // A payment the gateway reports for an order (a verified notify, or a paid query result):
    // `confirmation.paidAtMs` is the gateway's own payment time (0 when it gave none). The
    // stored "paid at" is the local receive time.
    Result<ConfirmOutcome> confirm(PaymentConfirmation confirmation,
                                   const std::optional<NotificationRecord> &audit = std::nullopt);
    // The same, with the order's row as the caller has just read it (an error: it could not be
    // read, NotFound: there is none): one read fewer per notification.
    Result<ConfirmOutcome> confirmRead(const Result<Order> &stored, PaymentConfirmation confirmation,
                                       const std::optional<NotificationRecord> &audit);

    // EXPIRED, CANCELLED or FAILED by this side (validity window, cashier, never sent). A
    // CREATING order first becomes UNKNOWN: its create may have reached the gateway.
    Result<Order> close(const Order &order, OrderState to, const QString &reason, const QString &actor);
    bool isPastValidity(const Order &order) const;

    // The request and the reply (or the error) of one gateway call, as order messages.
    void recordExchange(qint64 orderId, const QString &endpoint, const QByteArray &requestJson,
                        const Result<GatewayResponse> &result);

private:
    LifecycleStep move(const Order &order, OrderState to, const TransitionDetails &details, LifecycleStep::Kind kind);
    LifecycleStep queryFailed(const Order &order, const Error &error, const PaymentGateway &gateway,
                              const QString &actor);
    LifecycleStep paidByQuery(const Order &order, const GatewayResponse &response, const QString &actor);
    LifecycleStep adopt(const Order &order, const GatewayResponse &response, const QString &actor);
    QStringList contradictions(const Order &order, const PaymentConfirmation &confirmation) const;
    void recordContradiction(qint64 orderId, const QString &actor, const QString &detail);
    LifecycleStep reread(qint64 orderId, LifecycleStep step);

    OrderLog &m_orderLog;
    const Clock &m_clock;
};

} // namespace paydesk

#include "PaymentLifecycle.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimeZone>

#include <algorithm>

Q_LOGGING_CATEGORY(lcLifecycle, "paydesk.lifecycle")

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxErrorChars = 500;

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

bool isRefusal(ConfirmVerdict verdict)
{
    return verdict == ConfirmVerdict::AmountMismatch || verdict == ConfirmVerdict::CurrencyMismatch;
}

TransitionDetails detailsOf(const QString &actor, const QString &reason, const QString &error = {})
{
    TransitionDetails details;
    details.actor = actor;
    details.reason = reason;
    details.error = error.left(MaxErrorChars);
    return details;
}

} // namespace

PaymentLifecycle::PaymentLifecycle(OrderLog &orderLog, const Clock &clock) : m_orderLog(orderLog), m_clock(clock)
{}

QString PaymentLifecycle::contradictionEventKind()
{
    return u"contradiction"_s;
}

bool PaymentLifecycle::leavesOutcomeUnknown(const Error &error)
{
    // A reply we cannot trust (bad signature, another order's data) may still mean the gateway
    // acted on the request.
    return error.isAmbiguous() || error.code == ErrorCode::BadSignature || error.code == ErrorCode::ResponseMismatch;
}

Result<Order> PaymentLifecycle::open(const NewOrder &order)
{
    return m_orderLog.createOrder(order);
}

Result<Order> PaymentLifecycle::beginCreate(const Order &order, const QString &actor)
{
    auto creating = m_orderLog.transition(order.id, OrderState::Creating, detailsOf(actor, {}));
    if (!creating) {
        (void)m_orderLog.transition(order.id, OrderState::Failed,
                                    detailsOf(actor, u"store refused CREATING"_s, describe(creating.error())));
        return fail(creating.error());
    }
    Order moved = order;
    moved.state = OrderState::Creating;
    return moved;
}

LifecycleStep PaymentLifecycle::createAnswered(const Order &order, const CreateReply &reply, const QString &actor)
{
    const Result<GatewayResponse> &result = reply.result;
    if (result) {
        TransitionDetails details = detailsOf(actor, {}, reply.unusable);
        details.payOrderId = result->payOrderId.left(64);
        if (reply.unusable.isEmpty()) {
            details.qrPayload = reply.payload;
            return move(order, OrderState::Awaiting, details, LifecycleStep::Kind::Awaiting);
        }
        // The gateway holds a live order: not ours to fail or to create again.
        details.reason = u"create answered without usable content"_s;
        LifecycleStep step = move(order, OrderState::Unknown, details, LifecycleStep::Kind::Unknown);
        step.error = Error{ErrorCode::Unparseable, reply.unusable, {}, 0};
        return step;
    }
    const Error &error = result.error();
    LifecycleStep step = leavesOutcomeUnknown(error)
        ? move(order, OrderState::Unknown, detailsOf(actor, u"create outcome unknown"_s, describe(error)),
               LifecycleStep::Kind::Unknown)
        : move(order, OrderState::Failed, detailsOf(actor, u"create_order failed"_s, describe(error)),
               LifecycleStep::Kind::Failed);
    step.error = error;
    return step;
}

LifecycleStep PaymentLifecycle::queryAnswered(const Order &order, const Result<GatewayResponse> &result,
                                              const PaymentGateway &gateway, const QString &actor)
{
    if (!result)
        return queryFailed(order, result.error(), gateway, actor);
    if (isPaid(result->status))
        return paidByQuery(order, *result, actor);
    if (isClosed(result->status)) {
        auto closed = close(order, OrderState::Expired, u"closed by the gateway"_s, actor);
        LifecycleStep step{LifecycleStep::Kind::Closed, {}, {}, {}};
        if (!closed && closed.error().code != ErrorCode::TransitionRejected)
            step.storeError = closed.error();
        return reread(order.id, step);
    }
    if (order.state == OrderState::Creating || order.state == OrderState::Unknown)
        return adopt(order, *result, actor);
    return reread(order.id, {LifecycleStep::Kind::StillOpen, {}, {}, {}});
}

LifecycleStep PaymentLifecycle::queryFailed(const Order &order, const Error &error, const PaymentGateway &gateway,
                                            const QString &actor)
{
    if (!gateway.isNoSuchOrder(error))
        return reread(order.id, {LifecycleStep::Kind::QueryFailed, {}, error, {}});
    if (order.state == OrderState::Awaiting) {
        // Its create was answered with something to pay: "no such order" contradicts the gateway
        // itself, so the order is not failed on it (it still expires with its validity window).
        recordContradiction(order.id, actor,
                            u"the gateway says it has no such order, although its create was answered: "_s
                                + describe(error).left(MaxErrorChars));
        return reread(order.id, {LifecycleStep::Kind::StillOpen, {}, error, {}});
    }
    // Known absent: the gateway never made the order, so nothing can be charged on it.
    LifecycleStep step
        = move(order, OrderState::Failed, detailsOf(actor, u"gateway has no such order"_s, describe(error)),
               LifecycleStep::Kind::Failed);
    Error absent = error;
    absent.detail = u"the gateway never received the order; nothing was charged"_s;
    step.error = absent;
    return step;
}

LifecycleStep PaymentLifecycle::paidByQuery(const Order &order, const GatewayResponse &response, const QString &actor)
{
    LifecycleStep step{LifecycleStep::Kind::Refused, {}, {}, {}};
    if (!response.amount || response.currencyCode.isEmpty()) {
        step.error = Error{ErrorCode::ResponseMismatch, u"paid status without amount or currency"_s, {}, 0};
        return reread(order.id, step);
    }
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = order.mchOrderNo;
    confirmation.payOrderId = response.payOrderId;
    confirmation.amount = *response.amount; // Currency::Invalid for a code PayDesk does not know: refused
    confirmation.channelOrderNo = response.channelOrderNo;
    confirmation.paidAtMs = response.paySuccTimeMs;
    confirmation.actor = actor;
    auto outcome = confirm(confirmation);
    if (!outcome && outcome.error().code == ErrorCode::StoreDenied) {
        // Store mode: only the relay's role may mark an order paid. The payment is real; the
        // order waits, open, for the relay to confirm it.
        step.error = Error{ErrorCode::PaidAwaitingRelay,
                           u"the gateway reports the payment; waiting for the store's relay to confirm it ("_s
                               + outcome.error().detail.left(MaxErrorChars) + u')',
                           {},
                           0};
    } else if (!outcome) {
        step.storeError = outcome.error();
    } else if (isRefusal(outcome->verdict) || outcome->verdict == ConfirmVerdict::UnknownOrder) {
        step.error = Error{ErrorCode::ResponseMismatch,
                           u"gateway reports a payment of "_s + formatMinorPlain(response.amount->minor) + u' '
                               + response.currencyCode + u" for this order"_s,
                           {},
                           0};
    } else {
        step.kind = LifecycleStep::Kind::Paid;
    }
    return reread(order.id, step);
}

// The gateway has the order and it is still open, so whether it was created is no longer in
// doubt: record what the query says (AWAITING with its QR), or, from CREATING, UNKNOWN when
// the query carries nothing to show.
LifecycleStep PaymentLifecycle::adopt(const Order &order, const GatewayResponse &response, const QString &actor)
{
    TransitionDetails details = detailsOf(actor, u"create confirmed by query"_s);
    details.payOrderId = response.payOrderId.left(64);
    if (!response.qrPayload.isEmpty()) {
        details.qrPayload = response.qrPayload;
        return move(order, OrderState::Awaiting, details, LifecycleStep::Kind::Awaiting);
    }
    if (order.state == OrderState::Creating) {
        details.reason = u"outcome unknown after restart"_s;
        return move(order, OrderState::Unknown, details, LifecycleStep::Kind::Unknown);
    }
    return reread(order.id, {LifecycleStep::Kind::StillOpen, {}, {}, {}});
}

Result<ConfirmOutcome> PaymentLifecycle::confirm(PaymentConfirmation confirmation,
                                                 const std::optional<NotificationRecord> &audit)
{
    const auto stored = m_orderLog.orderByMchOrderNo(confirmation.mchOrderNo);
    return confirmRead(stored, std::move(confirmation), audit);
}

Result<ConfirmOutcome> PaymentLifecycle::confirmRead(const Result<Order> &stored, PaymentConfirmation confirmation,
                                                     const std::optional<NotificationRecord> &audit)
{
    QStringList found;
    if (stored) {
        found = contradictions(*stored, confirmation);
        // The gateway order id the log holds (from the create) is evidence: never replaced.
        if (!stored->payOrderId.isEmpty() && confirmation.payOrderId != stored->payOrderId)
            confirmation.payOrderId.clear();
    }
    if (confirmation.paidAtMs > 0) {
        confirmation.eventsWhenApplied.append(
            {u"gateway-paid-at"_s, u"the gateway's payment time: "_s + utcText(confirmation.paidAtMs)});
    }
    confirmation.paidAtMs = m_clock.nowUtcMs(); // "paid at" is when we learnt it
    auto outcome = m_orderLog.confirmPayment(confirmation, audit);
    if (!outcome || !stored)
        return outcome;
    if (isRefusal(outcome->verdict)) {
        found.prepend(u"payment of "_s + formatMinorPlain(confirmation.amount.minor) + u' '
                      + currencyCode(confirmation.amount.currency) + u" refused: the order is "_s
                      + formatMinorPlain(stored->amount.minor) + u' ' + currencyCode(stored->amount.currency));
    }
    for (const QString &detail : std::as_const(found))
        recordContradiction(stored->id, confirmation.actor, detail);
    return outcome;
}

QStringList PaymentLifecycle::contradictions(const Order &order, const PaymentConfirmation &confirmation) const
{
    QStringList found;
    if (!confirmation.payOrderId.isEmpty() && !order.payOrderId.isEmpty()
        && confirmation.payOrderId != order.payOrderId) {
        found.append(u"the gateway names payment order "_s + confirmation.payOrderId.left(64)
                     + u", the order log holds "_s + order.payOrderId + u" (kept)"_s);
    }
    const qint64 paidAtMs = confirmation.paidAtMs;
    const qint64 nowMs = m_clock.nowUtcMs();
    if (paidAtMs > 0 && (paidAtMs > nowMs + MaxPayTimeSkewMs || paidAtMs < order.createdAtMs - MaxPayTimeSkewMs)) {
        // Without the receive time (the event's own time): a repeat reads the same and is kept once.
        found.append(u"the gateway's payment time "_s + utcText(paidAtMs) + u" is outside the order's life (created "_s
                     + utcText(order.createdAtMs) + u"); paid at is the receive time"_s);
    }
    return found;
}

void PaymentLifecycle::recordContradiction(qint64 orderId, const QString &actor, const QString &detail)
{
    // A repeat (a retried notify, the next reconcile pass) adds nothing a manager has not seen.
    const auto events = m_orderLog.events(orderId);
    const QString kind = contradictionEventKind();
    if (events && std::any_of(events->cbegin(), events->cend(), [&](const OrderEvent &event) {
            return event.kind == kind && event.detail == detail;
        })) {
        return;
    }
    qCWarning(lcLifecycle).noquote() << "order" << orderId << "contradiction:" << detail;
    if (auto recorded = m_orderLog.recordEvent(orderId, kind, actor, detail); !recorded)
        qCWarning(lcLifecycle).noquote() << "contradiction not recorded:" << describe(recorded.error());
}

Result<Order> PaymentLifecycle::close(const Order &order, OrderState to, const QString &reason, const QString &actor)
{
    if (order.state == OrderState::Creating && to != OrderState::Failed)
        (void)m_orderLog.transition(order.id, OrderState::Unknown,
                                    detailsOf(actor, u"outcome unknown after restart"_s));
    auto moved = m_orderLog.transition(order.id, to, detailsOf(actor, reason));
    if (!moved)
        return fail(moved.error());
    return m_orderLog.orderById(order.id);
}

bool PaymentLifecycle::isPastValidity(const Order &order) const
{
    return order.expiresAtMs > 0 && m_clock.nowUtcMs() > order.expiresAtMs;
}

void PaymentLifecycle::recordExchange(qint64 orderId, const QString &endpoint, const QByteArray &requestJson,
                                      const Result<GatewayResponse> &result)
{
    if (!requestJson.isEmpty())
        (void)m_orderLog.recordGatewayMessage(orderId, endpoint, u"request"_s, requestJson);
    const QByteArray response = result ? result->raw : describe(result.error()).toUtf8();
    (void)m_orderLog.recordGatewayMessage(orderId, endpoint, u"response"_s, response);
}

LifecycleStep PaymentLifecycle::move(const Order &order, OrderState to, const TransitionDetails &details,
                                     LifecycleStep::Kind kind)
{
    LifecycleStep step{kind, {}, {}, {}};
    auto moved = m_orderLog.transition(order.id, to, details);
    // A rejected move means another writer (the relay, a query) got there first: the re-read
    // row says what holds.
    if (!moved && moved.error().code != ErrorCode::TransitionRejected)
        step.storeError = moved.error();
    return reread(order.id, step);
}

LifecycleStep PaymentLifecycle::reread(qint64 orderId, LifecycleStep step)
{
    auto fresh = m_orderLog.orderById(orderId);
    if (fresh)
        step.order = *fresh;
    else if (!step.storeError)
        step.storeError = fresh.error();
    return step;
}

} // namespace paydesk

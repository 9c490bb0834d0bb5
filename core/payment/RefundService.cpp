#include "RefundService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

Q_LOGGING_CATEGORY(lcRefund, "paydesk.refund")

constexpr qsizetype MaxDetailChars = 300;

Result<void> checkRequester(const Requester &requester)
{
    if (requester.role != StaffRole::Manager)
        return fail(ErrorCode::InvalidArgument, u"only a manager can refund"_s);
    if (requester.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a refund needs the name of who asked for it"_s);
    return {};
}

// The gateway's own refund id, when the (verified) reply names one; GatewayResponse has no
// field for it because only refund_order replies carry it.
QString refundOrderIdOf(const GatewayResponse &response)
{
    const QJsonObject reply = QJsonDocument::fromJson(response.raw).object();
    return reply.value(u"refundOrderId"_s).toString().left(64);
}

} // namespace

RefundService::RefundService(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_lifecycle(orderLog, clock)
{}

// Calls still in flight belong to the gateway; their refunds stay PENDING (reserved) for a
// manager to resolve, exactly as after a crash.
RefundService::~RefundService() = default;

RefundState RefundService::stateForFailure(const Error &error)
{
    return PaymentLifecycle::leavesOutcomeUnknown(error) ? RefundState::Unknown : RefundState::Failed;
}

Result<Refund> RefundService::request(qint64 orderId, qint64 amountMinor, const QString &reason,
                                      const Requester &requestedBy)
{
    if (auto allowed = checkRequester(requestedBy); !allowed)
        return fail(allowed.error());
    const auto order = m_orderLog.orderById(orderId);
    if (!order)
        return fail(order.error());
    if (!canRefundThrough(*order)) {
        return fail(ErrorCode::InvalidArgument,
                    u"order "_s + order->mchOrderNo + u" was paid through "_s + order->gateway + u", not "_s
                        + m_gateway.name() + u"; refund it from that gateway's merchant portal"_s);
    }
    if (order->payOrderId.isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    u"order "_s + order->mchOrderNo + u" has no gateway order id to refund against"_s);
    }
    const QString name = requestedBy.name.trimmed();
    auto pending = m_orderLog.beginRefund({orderId, amountMinor, reason, name});
    if (!pending)
        return fail(pending.error());

    RefundRequest gatewayRequest;
    gatewayRequest.mchRefundNo = pending->mchRefundNo;
    gatewayRequest.payOrderId = order->payOrderId;
    gatewayRequest.refundAmount = pending->amount;
    GatewayCall *call = m_gateway.refundOrder(gatewayRequest);
    m_inFlight.insert(pending->id, call);
    const qint64 sentAtMs = m_clock.monotonicMs();
    qCInfo(lcRefund).noquote() << "refund" << pending->mchRefundNo << formatMinorPlain(amountMinor)
                               << currencyCode(pending->amount.currency) << "for" << order->mchOrderNo << "by" << name;
    connect(call, &GatewayCall::finished, this, [this, call, refund = *pending, name, sentAtMs] {
        qCInfo(lcRefund).noquote() << "refund" << refund.mchRefundNo << "answered after"
                                   << m_clock.monotonicMs() - sentAtMs << "ms";
        onRefundFinished(call, refund, name);
    });
    return pending;
}

void RefundService::onRefundFinished(GatewayCall *call, const Refund &pending, const QString &requestedBy)
{
    m_inFlight.remove(pending.id);
    m_lifecycle.recordExchange(pending.orderId, u"refund_order"_s, call->requestJson(), call->result());
    const Result<GatewayResponse> &result = call->result();
    RefundFinish finish;
    finish.actor = u"gateway"_s;
    if (result) {
        finish.state = RefundState::Succeeded;
        finish.refundOrderId = refundOrderIdOf(*result);
        finish.detail = u"refund_order SUCCESS, requested by "_s + requestedBy;
    } else {
        finish.state = stateForFailure(result.error());
        finish.detail = describe(result.error()).left(MaxDetailChars);
    }
    call->deleteLater();

    auto stored = m_orderLog.finishRefund(pending.id, finish);
    Refund outcome = pending;
    if (stored) {
        outcome = *stored;
    } else {
        // The gateway's answer could not be stored: the row stays PENDING, which keeps the
        // amount reserved; report what the gateway said and why it is not recorded.
        qCWarning(lcRefund).noquote() << "refund" << pending.mchRefundNo << "ended" << refundStateName(finish.state)
                                      << "but could not be recorded:" << describe(stored.error());
        outcome.detail = finish.detail + u"; not recorded: "_s + describe(stored.error());
    }
    qCInfo(lcRefund).noquote() << "refund" << outcome.mchRefundNo << refundStateName(outcome.state) << outcome.detail;
    Q_EMIT finished(outcome);
}

Result<Refund> RefundService::resolve(qint64 refundId, RefundState outcome, const QString &note,
                                      const Requester &resolvedBy)
{
    if (auto allowed = checkRequester(resolvedBy); !allowed)
        return fail(allowed.error());
    if (outcome != RefundState::Succeeded && outcome != RefundState::Failed)
        return fail(ErrorCode::InvalidArgument, u"a refund is resolved as SUCCEEDED or FAILED"_s);
    if (note.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"resolving a refund needs a note"_s);
    if (m_inFlight.contains(refundId))
        return fail(ErrorCode::InvalidArgument, u"the gateway has not answered this refund yet"_s);
    RefundFinish finish;
    finish.state = outcome;
    finish.actor = resolvedBy.name.trimmed();
    finish.detail = u"resolved by "_s + finish.actor + u": "_s + note.trimmed().left(MaxDetailChars);
    return m_orderLog.finishRefund(refundId, finish);
}

} // namespace paydesk

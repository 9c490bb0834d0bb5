#include "NotifyHandler.h"

#include "orders/OrderLog.h"
#include "payment/PaymentLifecycle.h"

namespace paydesk {

namespace {

const QByteArray SuccessBody = QByteArrayLiteral("success");

QByteArray auditRaw(const HttpRequest &request)
{
    QByteArray raw = request.method + ' ' + request.rawTarget.left(MaxRecordedBytes);
    if (!request.body.isEmpty())
        raw += "\n\n" + request.body.left(MaxRecordedBytes);
    return raw;
}

} // namespace

QString notifyVerdictName(NotifyVerdictKind kind)
{
    switch (kind) {
    case NotifyVerdictKind::Accepted:
        return QStringLiteral("accepted");
    case NotifyVerdictKind::Duplicate:
        return QStringLiteral("duplicate");
    case NotifyVerdictKind::Rejected:
        return QStringLiteral("rejected");
    case NotifyVerdictKind::Unmatched:
        return QStringLiteral("unmatched");
    case NotifyVerdictKind::StoreFailed:
        return QStringLiteral("store-failed");
    case NotifyVerdictKind::NotRoutable:
        return QStringLiteral("not-routable");
    case NotifyVerdictKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

NotifyHandler::NotifyHandler(const GatewayRegistry &gateways, const Clock &clock) : m_gateways(gateways), m_clock(clock)
{}

NotifyVerdict NotifyHandler::reject(const NotifyVerifier &gateway, OrderLog &orderLog, const HttpRequest &request,
                                    const NotifyRefusal &refusal) const
{
    NotificationRecord record;
    record.receivedAtMs = m_clock.nowUtcMs();
    record.gateway = gateway.gatewayName();
    record.verdict = QStringLiteral("rejected");
    record.reason = refusal.reason;
    record.mchOrderNo = refusal.mchOrderNo.left(64);
    record.remoteAddress = request.remoteAddress;
    record.raw = auditRaw(request);
    if (auto stored = orderLog.recordNotification(record); !stored) {
        return {NotifyVerdictKind::StoreFailed, refusal.reason + u"; audit not stored: " + describe(stored.error()),
                refusal.mchOrderNo, HttpResponse::text(503, QByteArrayLiteral("store unavailable"))};
    }
    return {NotifyVerdictKind::Rejected, refusal.reason, refusal.mchOrderNo,
            HttpResponse::text(refusal.httpStatus, gateway.refusalPrefix() + refusal.reason.toUtf8())};
}

NotifyVerdict NotifyHandler::handle(const HttpRequest &request, OrderLog &orderLog) const
{
    const NotifyVerifier *gateway = m_gateways.notifyFor(request.rawPath);
    if (!gateway)
        return {NotifyVerdictKind::NotRoutable,
                QStringLiteral("no such path"),
                {},
                HttpResponse::text(404, QByteArrayLiteral("not found"))};
    if (!gateway->acceptsMethod(request.method)) {
        NotifyVerdict verdict{NotifyVerdictKind::NotRoutable,
                              QStringLiteral("method not allowed"),
                              {},
                              HttpResponse::text(405, QByteArrayLiteral("method not allowed"))};
        verdict.reply.headers.append({QByteArrayLiteral("Allow"), gateway->allowedMethods()});
        return verdict;
    }
    const NotifyCheck checked = gateway->verify(request);
    if (!checked)
        return reject(*gateway, orderLog, request, checked.error());
    // An order of another gateway is never paid by this one's message.
    const auto order = orderLog.orderByMchOrderNo(checked->mchOrderNo);
    if (order && order->gateway != gateway->gatewayName())
        return reject(*gateway, orderLog, request,
                      {409, QStringLiteral("order belongs to another gateway"), checked->mchOrderNo});
    return apply(*gateway, orderLog, request, *checked, order);
}

NotifyVerdict NotifyHandler::apply(const NotifyVerifier &gateway, OrderLog &orderLog, const HttpRequest &request,
                                   const NotifyFacts &facts, const Result<Order> &stored) const
{
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = facts.mchOrderNo;
    confirmation.payOrderId = facts.payOrderId;
    confirmation.amount = facts.amount;
    confirmation.channelOrderNo = facts.channelOrderNo;
    confirmation.paidAtMs = facts.paidAtMs; // the gateway's own time; the lifecycle stores the receive time
    confirmation.actor = QStringLiteral("relay");

    NotificationRecord audit;
    audit.receivedAtMs = m_clock.nowUtcMs();
    audit.gateway = gateway.gatewayName();
    audit.mchOrderNo = facts.mchOrderNo;
    audit.payOrderId = facts.payOrderId;
    audit.remoteAddress = request.remoteAddress;
    audit.raw = auditRaw(request);
    PaymentLifecycle lifecycle(orderLog, m_clock);
    return verdictFor(lifecycle.confirmRead(stored, confirmation, audit), facts.mchOrderNo);
}

NotifyVerdict NotifyHandler::verdictFor(const Result<ConfirmOutcome> &outcome, const QString &mchOrderNo)
{
    if (!outcome)
        return {NotifyVerdictKind::StoreFailed, describe(outcome.error()), mchOrderNo,
                HttpResponse::text(503, QByteArrayLiteral("store unavailable, retry later"))};

    switch (outcome->verdict) {
    case ConfirmVerdict::Applied:
        return {NotifyVerdictKind::Accepted, outcome->late ? QStringLiteral("late payment") : QString(), mchOrderNo,
                HttpResponse::text(200, SuccessBody)};
    case ConfirmVerdict::AlreadyPaid:
        return {NotifyVerdictKind::Duplicate, {}, mchOrderNo, HttpResponse::text(200, SuccessBody)};
    case ConfirmVerdict::UnknownOrder:
        return {NotifyVerdictKind::Unmatched, QStringLiteral("unknown order"), mchOrderNo,
                HttpResponse::text(404, QByteArrayLiteral("unknown order"))};
    case ConfirmVerdict::AmountMismatch:
        return {NotifyVerdictKind::Rejected, QStringLiteral("amount differs from the order"), mchOrderNo,
                HttpResponse::text(409, QByteArrayLiteral("rejected: amount differs from the order"))};
    case ConfirmVerdict::CurrencyMismatch:
        return {NotifyVerdictKind::Rejected, QStringLiteral("currency differs from the order"), mchOrderNo,
                HttpResponse::text(409, QByteArrayLiteral("rejected: currency differs from the order"))};
    case ConfirmVerdict::Invalid:
        break;
    }
    return {NotifyVerdictKind::StoreFailed, QStringLiteral("no verdict"), mchOrderNo,
            HttpResponse::text(500, QByteArrayLiteral("internal error"))};
}

} // namespace paydesk

#include "NotifyHandler.h"

#include "gateway/Signer.h"
#include "money/Money.h"
#include "orders/OrderLog.h"
#include "relay/NotifyDecoder.h"

#include <QRegularExpression>

namespace paydesk {

namespace {

const QByteArray SuccessBody = QByteArrayLiteral("success");

QString valueOf(const ParamList &params, QStringView name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

bool isStrictPositiveInteger(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[1-9][0-9]{0,17}$"));
    return pattern.match(text).hasMatch();
}

bool isOrderNumber(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{1,30}$"));
    return pattern.match(text).hasMatch();
}

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
    case NotifyVerdictKind::Accepted: return QStringLiteral("accepted");
    case NotifyVerdictKind::Duplicate: return QStringLiteral("duplicate");
    case NotifyVerdictKind::Rejected: return QStringLiteral("rejected");
    case NotifyVerdictKind::Unmatched: return QStringLiteral("unmatched");
    case NotifyVerdictKind::StoreFailed: return QStringLiteral("store-failed");
    case NotifyVerdictKind::NotRoutable: return QStringLiteral("not-routable");
    case NotifyVerdictKind::Invalid: break;
    }
    return QStringLiteral("invalid");
}

NotifyHandler::NotifyHandler(NotifyConfig config, const Clock &clock)
    : m_config(std::move(config)), m_clock(clock)
{
}

NotifyVerdict NotifyHandler::reject(OrderLog &orderLog, const HttpRequest &request, int status,
                                    const QString &reason, const QString &mchOrderNo) const
{
    NotificationRecord record;
    record.receivedAtMs = m_clock.nowUtcMs();
    record.verdict = QStringLiteral("rejected");
    record.reason = reason;
    record.mchOrderNo = mchOrderNo.left(64);
    record.remoteAddress = request.remoteAddress;
    record.raw = auditRaw(request);
    if (auto stored = orderLog.recordNotification(record); !stored) {
        return {NotifyVerdictKind::StoreFailed, reason + u"; audit not stored: " + describe(stored.error()),
                mchOrderNo, HttpResponse::text(503, QByteArrayLiteral("store unavailable"))};
    }
    return {NotifyVerdictKind::Rejected, reason, mchOrderNo,
            HttpResponse::text(status, QByteArrayLiteral("rejected: ") + reason.toUtf8())};
}

NotifyVerdict NotifyHandler::handle(const HttpRequest &request, OrderLog &orderLog) const
{
    if (request.method != "POST" && request.method != "GET") {
        NotifyVerdict verdict{NotifyVerdictKind::NotRoutable, QStringLiteral("method not allowed"), {},
                              HttpResponse::text(405, QByteArrayLiteral("method not allowed"))};
        verdict.reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, POST")});
        return verdict;
    }
    if (!isNotifyPath(request.rawPath))
        return {NotifyVerdictKind::NotRoutable, QStringLiteral("no such path"), {},
                HttpResponse::text(404, QByteArrayLiteral("not found"))};

    auto decoded = decodeNotifyParams(request);
    if (!decoded)
        return reject(orderLog, request, 400, decoded.error().detail, {});
    const ParamList &params = *decoded;
    const QString mchOrderNo = valueOf(params, u"mchOrderNo");

    const QString claimedSign = valueOf(params, u"sign");
    if (claimedSign.isEmpty())
        return reject(orderLog, request, 403, QStringLiteral("signature missing"), mchOrderNo);
    // IOTPay always signs in upper case: anything else did not come from it unaltered. (The
    // signer itself compares case-insensitively, as the gateway does for our requests.)
    static const QRegularExpression signFormat(QStringLiteral("^[0-9A-F]{32}$"));
    if (!signFormat.match(claimedSign).hasMatch())
        return reject(orderLog, request, 403, QStringLiteral("malformed signature (32 upper-case hex characters expected)"), mchOrderNo);
    if (!Signer::verify(params, m_config.key, claimedSign))
        return reject(orderLog, request, 403, QStringLiteral("signature mismatch"), mchOrderNo);

    if (valueOf(params, u"mchId") != m_config.mchId)
        return reject(orderLog, request, 403, QStringLiteral("foreign merchant id"), mchOrderNo);
    if (valueOf(params, u"status") != u"2")
        return reject(orderLog, request, 400, QStringLiteral("status is not 2 (paid)"), mchOrderNo);
    if (!isOrderNumber(mchOrderNo))
        return reject(orderLog, request, 400, QStringLiteral("malformed mchOrderNo"), mchOrderNo);
    const QString amountText = valueOf(params, u"amount");
    if (!isStrictPositiveInteger(amountText))
        return reject(orderLog, request, 400, QStringLiteral("malformed amount"), mchOrderNo);
    const Currency currency = currencyFromCode(valueOf(params, u"currency"));
    if (currency == Currency::Invalid)
        return reject(orderLog, request, 400, QStringLiteral("unknown currency"), mchOrderNo);

    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = mchOrderNo;
    confirmation.payOrderId = valueOf(params, u"payOrderId").left(64);
    confirmation.amount = Money{amountText.toLongLong(), currency};
    confirmation.channelOrderNo = valueOf(params, u"channelOrderNo").left(64);
    const qint64 paidAtMs = valueOf(params, u"paySuccTime").toLongLong();
    confirmation.paidAtMs = paidAtMs > 0 ? paidAtMs : m_clock.nowUtcMs();
    confirmation.actor = QStringLiteral("relay");

    NotificationRecord audit;
    audit.receivedAtMs = m_clock.nowUtcMs();
    audit.mchOrderNo = mchOrderNo;
    audit.payOrderId = confirmation.payOrderId;
    audit.remoteAddress = request.remoteAddress;
    audit.raw = auditRaw(request);

    return notifyVerdictFor(orderLog.confirmPayment(confirmation, audit), mchOrderNo);
}

NotifyVerdict notifyVerdictFor(const Result<ConfirmOutcome> &outcome, const QString &mchOrderNo)
{
    if (!outcome)
        return {NotifyVerdictKind::StoreFailed, describe(outcome.error()), mchOrderNo,
                HttpResponse::text(503, QByteArrayLiteral("store unavailable, retry later"))};

    switch (outcome->verdict) {
    case ConfirmVerdict::Applied:
        return {NotifyVerdictKind::Accepted, outcome->late ? QStringLiteral("late payment") : QString(),
                mchOrderNo, HttpResponse::text(200, SuccessBody)};
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

#include "OrderLog.h"

#include "OrderLogPrivate.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

struct Judgement
{
    ConfirmVerdict verdict = ConfirmVerdict::Invalid;
    QString reason;
};

// Everything that matters is compared, not only that the order exists (reliability.md).
Judgement judge(const Order &order, const PaymentConfirmation &confirmation)
{
    if (confirmation.amount.currency != order.amount.currency) {
        return {ConfirmVerdict::CurrencyMismatch,
                u"currency "_s + currencyCode(confirmation.amount.currency) + u" does not match the order's "_s
                    + currencyCode(order.amount.currency)};
    }
    if (confirmation.amount.minor != order.amount.minor) {
        return {ConfirmVerdict::AmountMismatch,
                u"amount "_s + QString::number(confirmation.amount.minor) + u" does not match the order's "_s
                    + QString::number(order.amount.minor) + u" (minor units)"_s};
    }
    if (order.state == OrderState::Paid)
        return {ConfirmVerdict::AlreadyPaid, {}};
    return {ConfirmVerdict::Applied, {}};
}

QString auditVerdict(ConfirmVerdict verdict)
{
    switch (verdict) {
    case ConfirmVerdict::Applied:
        return u"accepted"_s;
    case ConfirmVerdict::AlreadyPaid:
        return u"duplicate"_s;
    case ConfirmVerdict::UnknownOrder:
        return u"unmatched"_s;
    case ConfirmVerdict::AmountMismatch:
    case ConfirmVerdict::CurrencyMismatch:
    case ConfirmVerdict::Invalid:
        break;
    }
    return u"rejected"_s;
}

Result<void> alert(const sql::Connection &db, const Order &order, qint64 nowMs, const QString &actor,
                   const QString &detail)
{
    const auto event = orderrows::insertEvent(
        db, {order.id, nowMs, u"alert"_s, OrderState::Invalid, OrderState::Invalid, actor, detail});
    if (!event)
        return fail(event.error());
    return {};
}

// A repeat changes nothing, but a replay for a refunded order, or a confirmation naming
// another gateway payment, is something a manager must see (reliability.md: replays).
Result<void> checkRepeat(const sql::Connection &db, const Order &order, const PaymentConfirmation &confirmation,
                         qint64 nowMs)
{
    const auto refunds = sql::scalar(db, u"SELECT COUNT(*) FROM refunds WHERE order_id = ?"_s, {order.id});
    if (!refunds)
        return fail(refunds.error());
    if (order.refundedMinor > 0 || refunds->toLongLong() > 0) {
        if (auto done
            = alert(db, order, nowMs, confirmation.actor, u"payment confirmed again for an order with refunds"_s);
            !done) {
            return done;
        }
    }
    if (!confirmation.payOrderId.isEmpty() && !order.payOrderId.isEmpty()
        && confirmation.payOrderId != order.payOrderId) {
        return alert(db, order, nowMs, confirmation.actor,
                     u"payment confirmed with payOrderId "_s + confirmation.payOrderId
                         + u" but the order was paid by "_s + order.payOrderId);
    }
    return {};
}

// `after`: the row once the verdict is applied (only a payment changes it).
Result<void> applyVerdict(const sql::Connection &db, const Order &order, const Judgement &judgement,
                          const PaymentConfirmation &confirmation, qint64 nowMs, Order &after)
{
    after = order;
    switch (judgement.verdict) {
    case ConfirmVerdict::Applied: {
        TransitionDetails details;
        details.actor = confirmation.actor;
        details.reason = u"payment confirmed"_s;
        details.payOrderId = confirmation.payOrderId;
        details.channelOrderNo = confirmation.channelOrderNo;
        details.paidAtMs = confirmation.paidAtMs;
        const auto late = orderrows::moveState(db, order, OrderState::Paid, details, nowMs, &after);
        if (!late)
            return fail(late.error());
        for (const EventNote &note : confirmation.eventsWhenApplied) {
            const auto event = orderrows::insertEvent(db,
                                                      {order.id, nowMs, note.kind, OrderState::Invalid,
                                                       OrderState::Invalid, confirmation.actor, note.detail});
            if (!event)
                return fail(event.error());
        }
        return {};
    }
    case ConfirmVerdict::AlreadyPaid:
        return checkRepeat(db, order, confirmation, nowMs);
    case ConfirmVerdict::AmountMismatch:
    case ConfirmVerdict::CurrencyMismatch:
        return alert(db, order, nowMs, confirmation.actor, u"payment confirmation rejected: "_s + judgement.reason);
    case ConfirmVerdict::UnknownOrder:
    case ConfirmVerdict::Invalid:
        break;
    }
    return {};
}

Result<void> recordAudit(const sql::Connection &db, NotificationRecord record, ConfirmVerdict verdict,
                         const QString &reason, const PaymentConfirmation &confirmation, qint64 nowMs)
{
    record.verdict = auditVerdict(verdict);
    if (!reason.isEmpty())
        record.reason = record.reason.isEmpty() ? reason : record.reason + u"; "_s + reason;
    if (record.mchOrderNo.isEmpty())
        record.mchOrderNo = confirmation.mchOrderNo;
    if (record.payOrderId.isEmpty())
        record.payOrderId = confirmation.payOrderId;
    const auto id = orderrows::insertNotification(db, record, nowMs);
    if (!id)
        return fail(id.error());
    return {};
}

} // namespace

Result<ConfirmOutcome> OrderLog::confirmPayment(const PaymentConfirmation &confirmation,
                                                const std::optional<NotificationRecord> &audit)
{
    return d->retryingConflicts([&]() -> Result<ConfirmOutcome> {
        auto transaction = d->writeTransaction();
        if (auto begun = transaction.begin(); !begun)
            return fail(begun.error());
        const qint64 now = d->now();
        ConfirmOutcome outcome;
        Judgement judgement;
        // The row locked on PostgreSQL: a second relay's confirmation waits here and then reads PAID.
        const auto order
            = orderrows::readOne(d->db, u"mch_order_no = ?"_s + d->backend->rowLockClause(), confirmation.mchOrderNo);
        if (!order) {
            if (order.error().code != ErrorCode::NotFound)
                return fail(order.error());
            // Possibly a notify that overtook its own order row: the gateway retries, and the audit
            // record keeps it either way.
            judgement = {ConfirmVerdict::UnknownOrder, u"no order "_s + confirmation.mchOrderNo};
        } else {
            judgement = judge(*order, confirmation);
            Order after;
            if (auto applied = applyVerdict(d->db, *order, judgement, confirmation, now, after); !applied)
                return fail(applied.error());
            // Store mode: the terminals listening hear of it when this commits, from the orders
            // table's trigger (schema step 10; a hint: they re-read).
            outcome.order = after;
            outcome.late = after.late
                && (judgement.verdict == ConfirmVerdict::Applied || judgement.verdict == ConfirmVerdict::AlreadyPaid);
        }
        outcome.verdict = judgement.verdict;
        if (audit) {
            if (auto recorded = recordAudit(d->db, *audit, judgement.verdict, judgement.reason, confirmation, now);
                !recorded) {
                return fail(recorded.error());
            }
        }
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.error());
        return outcome;
    });
}

} // namespace paydesk

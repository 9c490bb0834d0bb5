#include "OrderLog.h"

#include "OrderLogPrivate.h"

#include <QSqlQuery>

#include <array>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr std::array AllRefundStates{RefundState::Pending, RefundState::Succeeded, RefundState::Failed,
                                     RefundState::Unknown};

// "R" + mchOrderNo + two digits stays within the gateway's 30 characters for every number
// createOrder mints below 10^7 orders per terminal (8 + 12 + 7 = 27 characters).
constexpr qsizetype MaxMchRefundNoLength = 30;
constexpr int MaxRefundsPerOrder = 99;

QString refundColumns()
{
    return u"id, order_id, mch_refund_no, amount_minor, currency, reason, state, requested_by,"
           " created_at_ms, updated_at_ms, refund_order_id, detail"_s;
}

Refund refundFromQuery(const sql::Rows &query)
{
    Refund refund;
    refund.id = query.value(0).toLongLong();
    refund.orderId = query.value(1).toLongLong();
    refund.mchRefundNo = query.value(2).toString();
    refund.amount = Money{query.value(3).toLongLong(), currencyFromCode(query.value(4).toString())};
    refund.reason = query.value(5).toString();
    refund.state = refundStateFromName(query.value(6).toString());
    refund.requestedBy = query.value(7).toString();
    refund.createdAtMs = query.value(8).toLongLong();
    refund.updatedAtMs = query.value(9).toLongLong();
    refund.refundOrderId = query.value(10).toString();
    refund.detail = query.value(11).toString();
    return refund;
}

// `lock`: the backend's row lock clause when the caller goes on to change the rows.
Result<QList<Refund>> readRefunds(const sql::Connection &db, const QString &condition, const QVariantList &values,
                                  const QString &lock = {})
{
    auto query = sql::run(db,
                          u"SELECT "_s + refundColumns() + u" FROM refunds WHERE "_s + condition
                              + u" ORDER BY created_at_ms, id"_s + lock,
                          values);
    if (!query)
        return fail(query.error());
    QList<Refund> result;
    while (query->next())
        result.append(refundFromQuery(*query));
    if (query->lastError().isValid())
        return fail(sql::storeError(db, query->lastError(), u"reading refunds"_s));
    return result;
}

Result<Refund> readRefund(const sql::Connection &db, const QString &condition, const QVariant &value,
                          const QString &lock = {})
{
    const auto refunds = readRefunds(db, condition, {value}, lock);
    if (!refunds)
        return fail(refunds.error());
    if (refunds->isEmpty())
        return fail(ErrorCode::NotFound, u"no refund where "_s + QString(condition).replace(u'?', value.toString()));
    return refunds->first();
}

Result<RefundBalance> balanceOf(const sql::Connection &db, const Order &order)
{
    const auto inFlight
        = sql::scalar(db,
                      u"SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) FROM refunds"
                      " WHERE order_id = ? AND state IN (?, ?)"_s,
                      {order.id, refundStateName(RefundState::Pending), refundStateName(RefundState::Unknown)});
    if (!inFlight)
        return fail(inFlight.error());
    return RefundBalance{order.amount, order.refundedMinor, inFlight->toLongLong()};
}

Result<void> validateNewRefund(const NewRefund &refund)
{
    if (refund.amountMinor == 0)
        return fail(ErrorCode::AmountZero, u"refund amount is zero"_s);
    if (refund.amountMinor < 0)
        return fail(ErrorCode::AmountNegative, u"refund amount is negative"_s);
    if (refund.reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a refund needs a reason"_s);
    if (refund.reason.size() > MaxRefundReasonLength) {
        return fail(ErrorCode::InvalidArgument,
                    u"refund reason longer than "_s + QString::number(MaxRefundReasonLength) + u" characters"_s);
    }
    if (refund.requestedBy.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a refund needs the name of who asked for it"_s);
    return {};
}

Result<void> checkRefundable(const Order &order, const RefundBalance &balance, qint64 amountMinor)
{
    if (order.state != OrderState::Paid) {
        return fail(ErrorCode::TransitionRejected,
                    u"order "_s + order.mchOrderNo + u" is "_s + orderStateName(order.state)
                        + u"; only PAID orders can be refunded"_s);
    }
    if (amountMinor > balance.refundableMinor()) {
        const QString currency = u' ' + currencyCode(order.amount.currency);
        return fail(ErrorCode::AmountTooLarge,
                    u"refund of "_s + formatMinorPlain(amountMinor) + currency + u" exceeds what order "_s
                        + order.mchOrderNo + u" can still refund: "_s + formatMinorPlain(balance.refundableMinor())
                        + currency + u" (paid "_s + formatMinorPlain(balance.paid.minor) + u", refunded "_s
                        + formatMinorPlain(balance.refundedMinor) + u", in flight "_s
                        + formatMinorPlain(balance.inFlightMinor) + u')');
    }
    return {};
}

// Refund rows are never deleted, so the count of an order's refunds only grows and the next
// number stays unique across restarts; the UNIQUE column is the final word.
Result<QString> mintMchRefundNo(const sql::Connection &db, const Order &order)
{
    if (order.mchOrderNo.size() + 3 > MaxMchRefundNoLength) {
        return fail(ErrorCode::InvalidArgument,
                    u"order number "_s + order.mchOrderNo + u" is too long to derive a refund number"_s);
    }
    const auto count = sql::scalar(db, u"SELECT COUNT(*) FROM refunds WHERE order_id = ?"_s, {order.id});
    if (!count)
        return fail(count.error());
    for (qint64 sequence = count->toLongLong() + 1; sequence <= MaxRefundsPerOrder; ++sequence) {
        QString number = u'R' + order.mchOrderNo + QString::number(sequence).rightJustified(2, u'0');
        const auto taken = sql::scalar(db, u"SELECT COUNT(*) FROM refunds WHERE mch_refund_no = ?"_s, {number});
        if (!taken)
            return fail(taken.error());
        if (taken->toLongLong() == 0)
            return number;
    }
    return fail(ErrorCode::InvalidArgument,
                u"order "_s + order.mchOrderNo + u" has reached "_s + QString::number(MaxRefundsPerOrder)
                    + u" refunds"_s);
}

Result<void> refundEvent(const sql::Connection &db, qint64 orderId, qint64 nowMs, const QString &actor,
                         const QString &detail)
{
    const auto event = orderrows::insertEvent(
        db, {orderId, nowMs, u"refund"_s, OrderState::Invalid, OrderState::Invalid, actor, detail});
    if (!event)
        return fail(event.error());
    return {};
}

QString moneyText(const Money &money)
{
    return formatMinorPlain(money.minor) + u' ' + currencyCode(money.currency);
}

// Inside the caller's write transaction: the state change, and the order's refunded total when
// the money has gone back.
Result<void> applyFinish(const sql::Connection &db, const Refund &current, const RefundFinish &finish, qint64 nowMs)
{
    QString statement = u"UPDATE refunds SET state = ?, updated_at_ms = ?"_s;
    QVariantList values{refundStateName(finish.state), nowMs};
    if (!finish.refundOrderId.isEmpty()) {
        statement += u", refund_order_id = ?"_s;
        values.append(finish.refundOrderId);
    }
    if (!finish.detail.isEmpty()) {
        statement += u", detail = ?"_s;
        values.append(finish.detail);
    }
    statement += u" WHERE id = ? AND state = ?"_s;
    values << current.id << refundStateName(current.state);
    auto updated = sql::run(db, statement, values);
    if (!updated)
        return fail(updated.error());
    if (updated->numRowsAffected() != 1)
        return fail(ErrorCode::StoreFailure, u"refund "_s + current.mchRefundNo + u" changed under the write lock"_s);
    if (finish.state != RefundState::Succeeded)
        return {};
    // The guard keeps refunded_minor <= amount_minor even if a row were edited by hand.
    auto added = sql::run(db,
                          u"UPDATE orders SET refunded_minor = refunded_minor + ?, updated_at_ms = ?"
                          " WHERE id = ? AND refunded_minor + ? <= amount_minor"_s,
                          {current.amount.minor, nowMs, current.orderId, current.amount.minor});
    if (!added)
        return fail(added.error());
    if (added->numRowsAffected() != 1) {
        return fail(ErrorCode::StoreFailure,
                    u"refund "_s + current.mchRefundNo + u" would take the order past its paid amount"_s);
    }
    return {};
}

} // namespace

QString refundStateName(RefundState state)
{
    switch (state) {
    case RefundState::Pending:
        return u"PENDING"_s;
    case RefundState::Succeeded:
        return u"SUCCEEDED"_s;
    case RefundState::Failed:
        return u"FAILED"_s;
    case RefundState::Unknown:
        return u"UNKNOWN"_s;
    case RefundState::Invalid:
        break;
    }
    return {};
}

RefundState refundStateFromName(QStringView name)
{
    for (RefundState state : AllRefundStates) {
        if (name == refundStateName(state))
            return state;
    }
    return RefundState::Invalid;
}

bool isRefundInFlight(RefundState state)
{
    return state == RefundState::Pending || state == RefundState::Unknown;
}

bool isRefundTransitionAllowed(RefundState from, RefundState to)
{
    if (to == RefundState::Succeeded || to == RefundState::Failed)
        return from == RefundState::Pending || from == RefundState::Unknown;
    if (to == RefundState::Unknown)
        return from == RefundState::Pending;
    return false;
}

Result<Refund> OrderLog::beginRefund(const NewRefund &refund)
{
    if (auto valid = validateNewRefund(refund); !valid)
        return fail(valid.error());
    return d->retryingConflicts([&]() -> Result<Refund> {
        auto transaction = d->writeTransaction();
        if (auto begun = transaction.begin(); !begun)
            return fail(begun.error());
        // Read under the write lock (SQLite) or with the order's row locked (PostgreSQL): no other
        // connection can add a refund between this check and the insert below.
        const auto order = orderrows::readOne(d->db, u"id = ?"_s + d->backend->rowLockClause(), refund.orderId);
        if (!order)
            return fail(order.error());
        const auto balance = balanceOf(d->db, *order);
        if (!balance)
            return fail(balance.error());
        if (auto allowed = checkRefundable(*order, *balance, refund.amountMinor); !allowed)
            return fail(allowed.error());
        const auto number = mintMchRefundNo(d->db, *order);
        if (!number)
            return fail(number.error());

        const qint64 now = d->now();
        const QString reason = refund.reason.trimmed();
        const auto id = sql::insertReturningId(
            d->db,
            u"INSERT INTO refunds (order_id, mch_refund_no, amount_minor, currency, reason, state,"
            " requested_by, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {order->id, *number, refund.amountMinor, currencyCode(order->amount.currency), reason,
             refundStateName(RefundState::Pending), refund.requestedBy.trimmed(), now, now});
        if (!id)
            return fail(id.error());
        const QString detail = *number + u" PENDING "_s + moneyText(Money{refund.amountMinor, order->amount.currency})
            + u": "_s + reason;
        if (auto event = refundEvent(d->db, order->id, now, refund.requestedBy.trimmed(), detail); !event)
            return fail(event.error());
        auto created = readRefund(d->db, u"id = ?"_s, *id);
        if (!created)
            return fail(created.error());
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.error());
        return created;
    });
}

Result<Refund> OrderLog::finishRefund(qint64 refundId, const RefundFinish &finish)
{
    if (finish.state == RefundState::Invalid || finish.state == RefundState::Pending)
        return fail(ErrorCode::InvalidArgument, u"a refund finishes as SUCCEEDED, FAILED or UNKNOWN"_s);
    return d->retryingConflicts([&]() -> Result<Refund> {
        auto transaction = d->writeTransaction();
        if (auto begun = transaction.begin(); !begun)
            return fail(begun.error());
        const auto current = readRefund(d->db, u"id = ?"_s, refundId, d->backend->rowLockClause());
        if (!current)
            return fail(current.error());
        if (current->state == finish.state)
            return current; // a repeat: nothing to write
        if (!isRefundTransitionAllowed(current->state, finish.state)) {
            return fail(ErrorCode::TransitionRejected,
                        u"refund "_s + current->mchRefundNo + u": "_s + refundStateName(current->state) + u" -> "_s
                            + refundStateName(finish.state) + u" is not allowed"_s);
        }
        const qint64 now = d->now();
        if (auto applied = applyFinish(d->db, *current, finish, now); !applied)
            return fail(applied.error());
        QString detail = current->mchRefundNo + u' ' + refundStateName(current->state) + u" -> "_s
            + refundStateName(finish.state) + u' ' + moneyText(current->amount);
        if (!finish.refundOrderId.isEmpty())
            detail += u" refundOrderId "_s + finish.refundOrderId;
        if (!finish.detail.isEmpty())
            detail += u"; "_s + finish.detail;
        if (auto event = refundEvent(d->db, current->orderId, now, finish.actor, detail); !event)
            return fail(event.error());
        auto finished = readRefund(d->db, u"id = ?"_s, refundId);
        if (!finished)
            return fail(finished.error());
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.error());
        return finished;
    });
}

Result<Refund> OrderLog::refundById(qint64 refundId) const
{
    return readRefund(d->db, u"id = ?"_s, refundId);
}

Result<Refund> OrderLog::refundByNo(const QString &mchRefundNo) const
{
    return readRefund(d->db, u"mch_refund_no = ?"_s, mchRefundNo);
}

Result<QList<Refund>> OrderLog::refundsOfOrder(qint64 orderId) const
{
    return readRefunds(d->db, u"order_id = ?"_s, {orderId});
}

// The few refunds in flight (refunds_state) look up their own order: an IN over the store's
// order ids made SQLite list every order of the store first (0.55 s on 10,000,000 orders).
Result<QList<Refund>> OrderLog::unresolvedRefunds(const ReportScope &scope) const
{
    QVariantList values{refundStateName(RefundState::Pending), refundStateName(RefundState::Unknown)};
    QString condition = u"state IN (?, ?)"_s;
    if (!scope.isChain()) {
        QString scoped = orderrows::scopeCondition(scope, values, u"o."_s);
        condition += u" AND EXISTS (SELECT 1 FROM orders o WHERE o.id = refunds.order_id"_s + scoped + u')';
    }
    return readRefunds(d->db, condition, values);
}

Result<RefundBalance> OrderLog::refundBalance(qint64 orderId) const
{
    const auto order = orderrows::readOne(d->db, u"id = ?"_s, orderId);
    if (!order)
        return fail(order.error());
    return balanceOf(d->db, *order);
}

} // namespace paydesk

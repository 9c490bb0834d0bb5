#include "OrderLog.h"

#include "OrderLogPrivate.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr qsizetype MaxMchOrderNoLength = 30;
constexpr int MinSequenceDigits = 6;

Result<void> validateNewOrder(const NewOrder &order)
{
    static const QRegularExpression terminalPattern(u"^[A-Za-z0-9]{1,8}$"_s);
    if (!terminalPattern.match(order.terminalId).hasMatch()) {
        return fail(ErrorCode::InvalidArgument,
                    u"terminal id must be 1 to 8 letters or digits: \""_s + order.terminalId + u'"');
    }
    if (order.channel == Channel::Invalid)
        return fail(ErrorCode::InvalidArgument, u"order without a channel"_s);
    if (order.amount.currency == Currency::Invalid)
        return fail(ErrorCode::InvalidArgument, u"order without a currency"_s);
    if (order.amount.minor <= 0)
        return fail(ErrorCode::InvalidArgument, u"order amount must be positive"_s);
    if (order.source == OrderSource::Invalid)
        return fail(ErrorCode::InvalidArgument, u"order without a source"_s);
    if (auto store = checkStoreId(order.storeId); !store)
        return store;
    return {};
}

// The per-terminal sequence lives in the log itself and is advanced inside the caller's write
// transaction, so numbers stay unique across restarts and between processes. One statement: a
// read then a write would lose updates under PostgreSQL's READ COMMITTED (the upsert waits for
// the row's lock and adds to the committed value).
Result<qint64> nextSequence(const sql::Connection &db, const QString &name)
{
    const auto next = sql::scalar(db,
                                  u"INSERT INTO sequences (name, value) VALUES (?, 1)"
                                  " ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value"_s,
                                  {name});
    if (!next)
        return fail(next.error());
    return next->toLongLong();
}

// terminal id + UTC yyMMddHHmmss + sequence (>= 6 digits): at most 8 + 12 + 10 = 30 characters.
Result<QString> mintMchOrderNo(const sql::Connection &db, const QString &terminalId, qint64 nowUtcMs)
{
    const auto sequence = nextSequence(db, u"mch_order_no/"_s + terminalId);
    if (!sequence)
        return fail(sequence.error());
    const QString stamp = QDateTime::fromMSecsSinceEpoch(nowUtcMs, QTimeZone::utc()).toString(u"yyMMddHHmmss"_s);
    QString number = terminalId + stamp + QString::number(*sequence).rightJustified(MinSequenceDigits, u'0');
    if (number.size() > MaxMchOrderNoLength) {
        return fail(ErrorCode::StoreFailure, u"order number sequence of terminal "_s + terminalId + u" is exhausted"_s);
    }
    return number;
}

// One order per client reference, across every process on the store: the look-up runs in the
// creating transaction after a lock on the reference (PostgreSQL: an advisory lock released at
// COMMIT; SQLite: the write transaction itself), so two relays cannot both find none.
Result<void> checkClientReference(const sql::Connection &db, const NewOrder &order)
{
    if (order.clientReference.isEmpty() || order.clientReferenceSinceUtcMs <= 0)
        return {};
    if (const QString lock = db.backend->clientReferenceLockStatement(); !lock.isEmpty()) {
        if (auto locked = sql::run(db, lock, {order.clientReference}); !locked)
            return fail(locked.error());
    }
    auto existing
        = sql::run(db, u"SELECT mch_order_no FROM orders WHERE client_reference = ? AND created_at_ms >= ? LIMIT 1"_s,
                   {order.clientReference, order.clientReferenceSinceUtcMs});
    if (!existing)
        return fail(existing.error());
    if (existing->next()) {
        return fail(ErrorCode::Duplicate,
                    u"order "_s + existing->value(0).toString() + u" already has client reference "_s
                        + order.clientReference);
    }
    return {};
}

Result<Order> requireOrder(const sql::Connection &db, qint64 orderId)
{
    return orderrows::readOne(db, u"id = ?"_s, orderId);
}

} // namespace

Result<Order> OrderLog::createOrder(const NewOrder &order)
{
    if (auto valid = validateNewOrder(order); !valid)
        return fail(valid.error());
    return d->retryingConflicts([&]() -> Result<Order> {
        auto transaction = d->writeTransaction();
        if (auto begun = transaction.begin(); !begun)
            return fail(begun.error());
        const qint64 now = d->now();
        if (auto unique = checkClientReference(d->db, order); !unique)
            return fail(unique.error());
        const auto number = mintMchOrderNo(d->db, order.terminalId, now);
        if (!number)
            return fail(number.error());

        // A taken mch_order_no is a unique violation: Duplicate, classified by the backend.
        const auto id = sql::insertReturningId(
            d->db,
            u"INSERT INTO orders (mch_order_no, terminal_id, cashier, channel, amount_minor, currency,"
            " state, late, source, gateway, subject, created_at_ms, updated_at_ms, expires_at_ms, client_reference,"
            " store_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?,"
            " COALESCE(NULLIF(?, ''), (SELECT t.store_id FROM terminals t WHERE t.terminal_id = ?), ''))"_s,
            {*number, order.terminalId, sql::nonNull(order.cashier), channelId(order.channel), order.amount.minor,
             currencyCode(order.amount.currency), orderStateName(OrderState::New), orderSourceName(order.source),
             order.gateway.isEmpty() ? iotpay::Name.toString() : order.gateway, sql::nonNull(order.subject), now, now,
             sql::nullIfZero(order.expiresAtMs), sql::nullIfEmpty(order.clientReference), sql::nonNull(order.storeId),
             order.terminalId});
        if (!id)
            return fail(id.error());

        const QString detail = formatMinorPlain(order.amount.minor) + u' ' + currencyCode(order.amount.currency) + u' '
            + channelId(order.channel) + u" by "_s + order.cashier;
        if (auto event = orderrows::insertEvent(
                d->db, {*id, now, u"created"_s, OrderState::Invalid, OrderState::New, u"sale"_s, detail});
            !event) {
            return fail(event.error());
        }
        auto created = requireOrder(d->db, *id);
        if (!created)
            return fail(created.error());
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.error());
        return created;
    });
}

Result<TransitionOutcome> OrderLog::transition(qint64 orderId, OrderState to, const TransitionDetails &details)
{
    if (to == OrderState::Invalid)
        return fail(ErrorCode::InvalidArgument, u"transition to an invalid state"_s);
    return d->retryingConflicts([&]() -> Result<TransitionOutcome> {
        auto transaction = d->writeTransaction();
        if (auto begun = transaction.begin(); !begun)
            return fail(begun.error());
        // Locked on PostgreSQL, so that a racing writer waits and then sees the state this one set.
        const auto current = orderrows::readOne(d->db, u"id = ?"_s + d->backend->rowLockClause(), orderId);
        if (!current)
            return fail(current.error());

        TransitionOutcome outcome{current->state, current->state, false, current->late};
        if (current->state == to)
            return outcome; // a repeat (two confirmations, a retried call): nothing to write
        if (!isTransitionAllowed(current->state, to)) {
            return fail(ErrorCode::TransitionRejected,
                        u"order "_s + QString::number(orderId) + u": "_s + orderStateName(current->state) + u" -> "_s
                            + orderStateName(to) + u" is not allowed"_s);
        }
        const auto late = orderrows::moveState(d->db, *current, to, details, d->now());
        if (!late)
            return fail(late.error());
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.error());
        outcome.current = to;
        outcome.changed = true;
        outcome.late = outcome.late || *late;
        return outcome;
    });
}

Result<qint64> OrderLog::recordNotification(const NotificationRecord &record)
{
    if (record.verdict.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"notification record without a verdict"_s);
    auto transaction = d->writeTransaction();
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    const auto id = orderrows::insertNotification(d->db, record, d->now());
    if (!id)
        return fail(id.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    return id;
}

Result<void> OrderLog::recordGatewayMessage(qint64 orderId, const QString &endpoint, const QString &direction,
                                            const QByteArray &body)
{
    auto transaction = d->writeTransaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto exists = requireOrder(d->db, orderId); !exists)
        return fail(exists.error());
    const qint64 now = d->now();
    if (auto inserted = sql::run(
            d->db,
            u"INSERT INTO gateway_messages (order_id, at_ms, endpoint, direction, body)"
            " VALUES (?, ?, ?, ?, ?)"_s,
            {orderId, now, sql::nonNull(endpoint), sql::nonNull(direction), sql::capRecorded(body, MaxRecordedBytes)});
        !inserted) {
        return fail(inserted.error());
    }
    const QString detail = direction + u' ' + endpoint + u" ("_s + QString::number(body.size()) + u" bytes)"_s;
    if (auto event = orderrows::insertEvent(
            d->db, {orderId, now, u"gateway"_s, OrderState::Invalid, OrderState::Invalid, u"gateway"_s, detail});
        !event) {
        return fail(event.error());
    }
    return transaction.commit();
}

Result<void> OrderLog::recordEvent(qint64 orderId, const QString &kind, const QString &actor, const QString &detail)
{
    if (kind.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"event without a kind"_s);
    auto transaction = d->writeTransaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto exists = requireOrder(d->db, orderId); !exists)
        return fail(exists.error());
    if (auto event = orderrows::insertEvent(
            d->db, {orderId, d->now(), kind, OrderState::Invalid, OrderState::Invalid, actor, detail});
        !event) {
        return fail(event.error());
    }
    return transaction.commit();
}

namespace orderrows {

Result<bool> moveState(const sql::Connection &db, const Order &current, OrderState to, const TransitionDetails &details,
                       qint64 nowMs, Order *after)
{
    const bool late = to == OrderState::Paid && isClosedState(current.state);
    QString statement = u"UPDATE orders SET state = ?, updated_at_ms = ?"_s;
    QVariantList values{orderStateName(to), nowMs};
    const auto set = [&](QStringView column, const QVariant &value) {
        statement += u", "_s + column + u" = ?"_s;
        values.append(value);
    };
    if (late)
        set(u"late", 1);
    if (!details.payOrderId.isEmpty())
        set(u"pay_order_id", details.payOrderId);
    if (!details.qrPayload.isEmpty())
        set(u"qr_payload", details.qrPayload);
    if (!details.channelOrderNo.isEmpty())
        set(u"channel_order_no", details.channelOrderNo);
    const qint64 paidAtMs = details.paidAtMs != 0 || to != OrderState::Paid ? details.paidAtMs : nowMs;
    if (paidAtMs != 0)
        set(u"paid_at_ms", paidAtMs);
    if (details.expiresAtMs != 0)
        set(u"expires_at_ms", details.expiresAtMs);
    if (!details.error.isEmpty())
        set(u"last_error", details.error);
    // Conditional on the state we read: the write lock makes a mismatch impossible, and if it
    // ever happened nothing may move backwards silently.
    statement += u" WHERE id = ? AND state = ?"_s;
    values << current.id << orderStateName(current.state);
    if (after)
        statement += u" RETURNING "_s + columns();
    auto updated = sql::run(db, statement, values);
    if (!updated)
        return fail(updated.error());
    if (after ? !updated->next() : updated->numRowsAffected() != 1) {
        if (updated->lastError().isValid())
            return fail(sql::storeError(db, updated->lastError(), statement));
        return fail(ErrorCode::StoreFailure,
                    u"order "_s + QString::number(current.id) + u" changed state under the write lock"_s);
    }
    if (after) {
        *after = fromQuery(*updated);
        updated->finish();
    }

    QStringList notes;
    if (!details.reason.isEmpty())
        notes.append(details.reason);
    if (!details.error.isEmpty())
        notes.append(u"error: "_s + details.error);
    if (late)
        notes.append(u"late payment, order was "_s + orderStateName(current.state));
    const auto event
        = insertEvent(db, {current.id, nowMs, u"transition"_s, current.state, to, details.actor, notes.join(u"; ")});
    if (!event)
        return fail(event.error());
    return late;
}

} // namespace orderrows

} // namespace paydesk

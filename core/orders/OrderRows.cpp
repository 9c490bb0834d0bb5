#include "OrderLogPrivate.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace paydesk::orderrows {

namespace {

// Positions in columns().
enum Column : int {
    Id,
    MchOrderNo,
    TerminalId,
    Cashier,
    ChannelColumn,
    AmountMinor,
    CurrencyColumn,
    State,
    Late,
    Source,
    Gateway,
    Subject,
    PayOrderId,
    ChannelOrderNo,
    QrPayload,
    CreatedAtMs,
    UpdatedAtMs,
    PaidAtMs,
    ExpiresAtMs,
    RefundedMinor,
    LastError,
    ClientReference,
    StoreId,
};

} // namespace

QStringList openStateNames()
{
    QStringList names;
    for (OrderState state : {OrderState::New, OrderState::Creating, OrderState::Unknown, OrderState::Awaiting})
        names.append(orderStateName(state));
    return names;
}

QString columns()
{
    return u"id, mch_order_no, terminal_id, cashier, channel, amount_minor, currency, state, late,"
           " source, gateway, subject, pay_order_id, channel_order_no, qr_payload, created_at_ms,"
           " updated_at_ms, paid_at_ms, expires_at_ms, refunded_minor, last_error, client_reference, store_id"_s;
}

Order fromQuery(const sql::Rows &query)
{
    Order order;
    order.id = query.value(Id).toLongLong();
    order.mchOrderNo = query.value(MchOrderNo).toString();
    order.terminalId = query.value(TerminalId).toString();
    order.cashier = query.value(Cashier).toString();
    order.channel = channelFromId(query.value(ChannelColumn).toString());
    order.amount
        = Money{query.value(AmountMinor).toLongLong(), currencyFromCode(query.value(CurrencyColumn).toString())};
    order.state = orderStateFromName(query.value(State).toString());
    order.late = query.value(Late).toLongLong() != 0;
    order.source = orderSourceFromName(query.value(Source).toString());
    order.gateway = query.value(Gateway).toString();
    order.subject = query.value(Subject).toString();
    order.payOrderId = query.value(PayOrderId).toString();
    order.channelOrderNo = query.value(ChannelOrderNo).toString();
    order.qrPayload = query.value(QrPayload).toString();
    order.createdAtMs = query.value(CreatedAtMs).toLongLong();
    order.updatedAtMs = query.value(UpdatedAtMs).toLongLong();
    order.paidAtMs = query.value(PaidAtMs).toLongLong();
    order.expiresAtMs = query.value(ExpiresAtMs).toLongLong();
    order.refundedMinor = query.value(RefundedMinor).toLongLong();
    order.lastError = query.value(LastError).toString();
    order.clientReference = query.value(ClientReference).toString();
    order.storeId = query.value(StoreId).toString();
    return order;
}

Result<Order> readOne(const sql::Connection &db, const QString &condition, const QVariant &value)
{
    auto query = sql::run(db, u"SELECT "_s + columns() + u" FROM orders WHERE "_s + condition, {value});
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        if (query->lastError().isValid())
            return fail(sql::storeError(db, query->lastError(), u"reading order"_s));
        return fail(ErrorCode::NotFound, u"no order where "_s + QString(condition).replace(u'?', value.toString()));
    }
    return fromQuery(*query);
}

Result<QList<Order>> readOrders(const sql::Connection &db, const QString &statement, const QVariantList &values)
{
    auto query = sql::run(db, statement, values);
    if (!query)
        return fail(query.error());
    QList<Order> result;
    while (query->next())
        result.append(fromQuery(*query));
    if (query->lastError().isValid())
        return fail(sql::storeError(db, query->lastError(), u"reading orders"_s));
    return result;
}

Result<QList<Order>> readMany(const sql::Connection &db, const QString &condition, const QVariantList &values)
{
    return readOrders(
        db, u"SELECT "_s + columns() + u" FROM orders WHERE "_s + condition + u" ORDER BY created_at_ms, id"_s, values);
}

Result<qint64> insertEvent(const sql::Connection &db, const EventRow &event)
{
    return sql::insertReturningId(
        db,
        u"INSERT INTO events (order_id, at_ms, kind, from_state, to_state, actor, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {event.orderId, event.atMs, event.kind, sql::nullIfEmpty(orderStateName(event.fromState)),
         sql::nullIfEmpty(orderStateName(event.toState)), sql::nonNull(event.actor), sql::nonNull(event.detail)});
}

QString notificationColumns()
{
    return u"id, received_at_ms, gateway, verdict, reason, mch_order_no, pay_order_id, remote_address"_s;
}

NotificationRecord notificationFromQuery(const sql::Rows &query)
{
    NotificationRecord record;
    record.id = query.value(0).toLongLong();
    record.receivedAtMs = query.value(1).toLongLong();
    record.gateway = query.value(2).toString();
    record.verdict = query.value(3).toString();
    record.reason = query.value(4).toString();
    record.mchOrderNo = query.value(5).toString();
    record.payOrderId = query.value(6).toString();
    record.remoteAddress = query.value(7).toString();
    return record;
}

Result<qint64> insertNotification(const sql::Connection &db, const NotificationRecord &record,
                                  qint64 fallbackReceivedAtMs)
{
    // raw is bound as bytes: a hostile request need not be valid UTF-8 and the audit view
    // shows exactly what arrived.
    return sql::insertReturningId(
        db,
        u"INSERT INTO notifications (received_at_ms, gateway, verdict, reason,"
        " mch_order_no, pay_order_id, remote_address, raw)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {record.receivedAtMs != 0 ? record.receivedAtMs : fallbackReceivedAtMs,
         record.gateway.isEmpty() ? iotpay::Name.toString() : record.gateway, sql::nonNull(record.verdict),
         sql::nonNull(record.reason), sql::nullIfEmpty(record.mchOrderNo), sql::nullIfEmpty(record.payOrderId),
         sql::nullIfEmpty(record.remoteAddress), sql::capRecorded(record.raw, MaxRecordedBytes)});
}

} // namespace paydesk::orderrows

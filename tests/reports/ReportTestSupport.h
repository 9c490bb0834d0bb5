#pragma once

// Builds an order log with orders, refunds and notifications at chosen local times, for the
// report, filter and CSV tests.

#include "common/Clock.h"
#include "orders/OrderLog.h"

#include <QDateTime>
#include <QTimeZone>

namespace paydesk::testing {

struct OrderSpec
{
    Channel channel = Channel::WxNative;
    Money amount{2865, Currency::CAD};
    OrderState state = OrderState::Paid;
    bool late = false; // paid after being cancelled
    QString terminalId = QStringLiteral("T1");
    QString cashier = QStringLiteral("alice");
    QString subject = QStringLiteral("Coffee");
    OrderSource source = OrderSource::Counter;
    QString gateway = QStringLiteral("iotpay");
};

class LogBuilder
{
public:
    LogBuilder(OrderLog &log, ManualClock &clock, QTimeZone zone) : m_log(log), m_clock(clock), m_zone(std::move(zone))
    {}

    // A local wall time of the builder's zone; use UTC directly for the repeated hour of a
    // daylight-saving change, which a local time cannot name.
    qint64 utcMs(const QString &localIso) const
    {
        const QDate date = QDate::fromString(localIso.left(10), Qt::ISODate);
        const QTime time = QTime::fromString(localIso.mid(11), Qt::ISODate);
        return QDateTime(date, time, m_zone).toMSecsSinceEpoch();
    }

    // Creates the order at `localIso` ("2026-06-10T12:30:00" in the builder's zone) and drives it
    // to spec.state; the order, or an empty Order on failure.
    Order order(const QString &localIso, const OrderSpec &spec = {}) { return orderAtUtc(utcMs(localIso), spec); }

    Order orderAtUtc(qint64 atUtcMs, const OrderSpec &spec = {})
    {
        m_clock.setWallMs(atUtcMs);
        NewOrder newOrder;
        newOrder.terminalId = spec.terminalId;
        newOrder.cashier = spec.cashier;
        newOrder.channel = spec.channel;
        newOrder.amount = spec.amount;
        newOrder.subject = spec.subject;
        newOrder.source = spec.source;
        newOrder.gateway = spec.gateway;
        const auto created = m_log.createOrder(newOrder);
        if (!created)
            return {};
        QList<OrderState> path;
        switch (spec.state) {
        case OrderState::New:
            break;
        case OrderState::Creating:
            path = {OrderState::Creating};
            break;
        case OrderState::Unknown:
            path = {OrderState::Creating, OrderState::Unknown};
            break;
        case OrderState::Awaiting:
            path = {OrderState::Creating, OrderState::Awaiting};
            break;
        case OrderState::Expired:
            path = {OrderState::Creating, OrderState::Awaiting, OrderState::Expired};
            break;
        case OrderState::Cancelled:
            path = {OrderState::Creating, OrderState::Awaiting, OrderState::Cancelled};
            break;
        case OrderState::Failed:
            path = {OrderState::Creating, OrderState::Failed};
            break;
        case OrderState::Paid:
            // NEW -> PAID directly (allowed: a confirmation always wins) keeps the tests quick.
            path = spec.late
                ? QList<OrderState>{OrderState::Creating, OrderState::Awaiting, OrderState::Cancelled, OrderState::Paid}
                : QList<OrderState>{OrderState::Paid};
            break;
        case OrderState::Invalid:
            return {};
        }
        for (OrderState step : path) {
            TransitionDetails details;
            details.actor = QStringLiteral("test");
            if (step == OrderState::Paid) {
                m_clock.advanceMs(spec.late ? 10 * 60 * 1000 : 20 * 1000);
                details.payOrderId = QStringLiteral("P") + created->mchOrderNo;
            }
            if (!m_log.transition(created->id, step, details))
                return {};
        }
        const auto order = m_log.orderById(created->id);
        return order ? *order : Order{};
    }

    // A refund requested at `localIso` and finished as `state` right away (PENDING: left as is).
    Refund refund(const QString &localIso, qint64 orderId, qint64 amountMinor, RefundState state)
    {
        m_clock.setWallMs(utcMs(localIso));
        const auto pending = m_log.beginRefund({orderId, amountMinor, QStringLiteral("test"), QStringLiteral("mina")});
        if (!pending)
            return {};
        if (state == RefundState::Pending)
            return *pending;
        RefundFinish finish;
        finish.state = state;
        finish.actor = QStringLiteral("test");
        const auto finished = m_log.finishRefund(pending->id, finish);
        return finished ? *finished : Refund{};
    }

    bool notification(const QString &localIso, const QString &verdict, const QString &mchOrderNo = {})
    {
        NotificationRecord record;
        record.receivedAtMs = utcMs(localIso);
        record.verdict = verdict;
        record.reason = verdict == QStringLiteral("accepted") ? QString() : QStringLiteral("test ") + verdict;
        record.mchOrderNo = mchOrderNo;
        record.raw = QByteArray("mchOrderNo=") + mchOrderNo.toUtf8();
        return bool(m_log.recordNotification(record));
    }

private:
    OrderLog &m_log;
    ManualClock &m_clock;
    QTimeZone m_zone;
};

} // namespace paydesk::testing

// A second process for test_orderlog_concurrency: opens an existing order log and races the
// other workers over every order in it, the way the relay and the GUI do.
//
//   orderlog_worker <store URL> <confirm|expire|refund|create|open> <seed> <startAtUtcMs>
//
// "open" only opens (creating and migrating the store if needed) and reads; "refund" asks for a
// refund of 60 % of every order; "create" creates CreateCount orders on terminal T1.
// Prints one JSON object with its counts on stdout. Exit code 0 when it ran (whatever the
// counts), 2 when it could not start.

#include "orders/OrderLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <random>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

struct Counts
{
    int applied = 0;
    int alreadyPaid = 0;
    int otherVerdicts = 0;
    int changed = 0;
    int unchanged = 0;
    int rejected = 0;
    int refunded = 0;
    int created = 0;
    int busy = 0;
    int errors = 0;
    QString firstError;

    void failed(const Error &error)
    {
        if (error.code == ErrorCode::StoreBusy)
            ++busy;
        else
            ++errors;
        if (firstError.isEmpty())
            firstError = describe(error);
    }

    QJsonObject toJson() const
    {
        return {{u"applied"_s, applied},   {u"alreadyPaid"_s, alreadyPaid}, {u"otherVerdicts"_s, otherVerdicts},
                {u"changed"_s, changed},   {u"unchanged"_s, unchanged},     {u"rejected"_s, rejected},
                {u"refunded"_s, refunded}, {u"created"_s, created},         {u"busy"_s, busy},
                {u"errors"_s, errors},     {u"firstError"_s, firstError}};
    }
};

void confirm(OrderLog &log, const Order &order, Counts &counts)
{
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = order.mchOrderNo;
    confirmation.payOrderId = u"P"_s + order.mchOrderNo;
    confirmation.amount = order.amount;
    confirmation.actor = u"relay"_s;
    NotificationRecord audit;
    audit.mchOrderNo = order.mchOrderNo;
    audit.remoteAddress = u"127.0.0.1"_s;
    audit.raw = "mchOrderNo=" + order.mchOrderNo.toLatin1() + "&status=2";
    const auto outcome = log.confirmPayment(confirmation, audit);
    if (!outcome) {
        counts.failed(outcome.error());
        return;
    }
    if (outcome->verdict == ConfirmVerdict::Applied)
        ++counts.applied;
    else if (outcome->verdict == ConfirmVerdict::AlreadyPaid)
        ++counts.alreadyPaid;
    else
        ++counts.otherVerdicts;
}

void expire(OrderLog &log, const Order &order, Counts &counts)
{
    TransitionDetails details;
    details.actor = u"sale"_s;
    details.reason = u"validity window over"_s;
    const auto outcome = log.transition(order.id, OrderState::Expired, details);
    if (!outcome) {
        if (outcome.error().code == ErrorCode::TransitionRejected)
            ++counts.rejected; // PAID won the race: expected
        else
            counts.failed(outcome.error());
        return;
    }
    ++(outcome->changed ? counts.changed : counts.unchanged);
}

void refund(OrderLog &log, const Order &order, Counts &counts)
{
    const auto begun = log.beginRefund({order.id, order.amount.minor * 6 / 10, u"race"_s, u"manager"_s});
    if (begun)
        ++counts.refunded;
    else if (begun.error().code == ErrorCode::AmountTooLarge)
        ++counts.rejected; // another terminal's refund got there first: expected
    else
        counts.failed(begun.error());
}

constexpr int CreateCount = 50;

void create(OrderLog &log, std::mt19937 &random, Counts &counts)
{
    std::uniform_int_distribution<unsigned long> pauseUs(0, 1500);
    for (int i = 0; i < CreateCount; ++i) {
        NewOrder order;
        order.terminalId = u"T1"_s;
        order.cashier = u"worker"_s;
        order.channel = Channel::WxNative;
        order.amount = Money{100 + i, Currency::CAD};
        const auto created = log.createOrder(order);
        if (created)
            ++counts.created;
        else
            counts.failed(created.error());
        QThread::usleep(pauseUs(random));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr,
                     "usage: orderlog_worker <store URL> <confirm|expire|refund|create|open> <seed> <startAtUtcMs>\n");
        return 2;
    }
    const QString mode = args.at(2);
    // Start together, opening included, so the workers really overlap.
    const qint64 waitMs = args.at(4).toLongLong() - QDateTime::currentMSecsSinceEpoch();
    if (waitMs > 0)
        QThread::msleep(static_cast<unsigned long>(waitMs));
    SystemClock clock;
    auto opened = OrderLog::open(args.at(1), clock);
    if (!opened) {
        std::fprintf(stderr, "open: %s\n", qPrintable(describe(opened.error())));
        return 2;
    }
    OrderLog &log = **opened;
    auto orders = log.ordersBetween(0, std::numeric_limits<qint64>::max());
    if (!orders) {
        std::fprintf(stderr, "read: %s\n", qPrintable(describe(orders.error())));
        return 2;
    }
    std::mt19937 random(args.at(3).toUInt());
    std::shuffle(orders->begin(), orders->end(), random);

    Counts counts;
    if (mode == u"create"_s)
        create(log, random, counts);
    std::uniform_int_distribution<unsigned long> pauseUs(0, 1500);
    for (const Order &order : *orders) {
        if (mode == u"confirm"_s)
            confirm(log, order, counts);
        else if (mode == u"expire"_s)
            expire(log, order, counts);
        else if (mode == u"refund"_s)
            refund(log, order, counts);
        else
            break;
        // Requests arrive spread out, not back to back: without a pause one process re-takes
        // the write lock each time before the sleeping ones wake, and nothing interleaves.
        QThread::usleep(pauseUs(random));
    }
    QJsonObject result = counts.toJson();
    result.insert(u"mode"_s, mode);
    result.insert(u"orders"_s, int(orders->size()));
    result.insert(u"schemaVersion"_s, log.schemaVersion());
    std::fprintf(stdout, "%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

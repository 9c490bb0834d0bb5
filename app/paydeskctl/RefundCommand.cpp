#include "AppSupport.h"
#include "CommandSupport.h"
#include "Commands.h"
#include "ManagerSignIn.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "payment/RefundService.h"
#include "staff/StaffService.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <limits>

namespace paydesk {

namespace {

void addRefundOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Refunds a paid order, all of what is still refundable or --amount of it, through the same\n"
                       "rules and limits as the manager view (never more than was paid, less earlier refunds and\n"
                       "refunds whose outcome is not known yet). Needs a manager's sign-in: --manager NAME and the\n"
                       "PIN from --pin-file, or typed on standard input (not echoed). Exit 0 when the gateway "
                       "confirmed the refund, 1 when it was\n"
                       "refused or failed, 5 when its outcome is unknown (check the merchant portal, then resolve it\n"
                       "in the manager view), 6 when the name or PIN is wrong or the account locked."));
    parser.addHelpOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addPositionalArgument(QStringLiteral("ORDER"), QStringLiteral("The merchant order number (mchOrderNo)."));
    parser.addOption({QStringLiteral("amount"),
                      QStringLiteral("Refund only this much, e.g. 5.00 (default: all that is refundable)."),
                      QStringLiteral("A")});
    parser.addOption(
        {QStringLiteral("reason"), QStringLiteral("Why (required; kept with the refund)."), QStringLiteral("TEXT")});
    addManagerOptions(parser);
    addCounterOverrideOptions(parser);
}

// What to refund: --amount, or all that is still refundable.
Result<qint64> refundAmount(const QCommandLineParser &parser, const OrderLog &log, const Order &order)
{
    if (parser.isSet(QStringLiteral("amount")))
        return parseAmount(parser.value(QStringLiteral("amount")), QLocale(QLocale::English, QLocale::Canada),
                           std::numeric_limits<qint64>::max() / 2);
    auto balance = log.refundBalance(order.id);
    if (!balance)
        return fail(balance.error());
    return std::max<qint64>(0, balance->refundableMinor());
}

// A refusal of the order log's rules (not PAID, over the balance, ...) is "did not succeed".
int refusalExitCode(const Error &error)
{
    const int code = exitCodeFor(error);
    return code == ExitStore ? ExitStore : ExitFailed;
}

int refundExitCode(const Refund &refund)
{
    switch (refund.state) {
    case RefundState::Succeeded:
        return ExitOk;
    case RefundState::Unknown:
    case RefundState::Pending:
        return ExitNetwork;
    default:
        return ExitFailed;
    }
}

// Sends the refund and waits for the gateway's answer; the finished refund.
Refund sendRefund(QCoreApplication &app, RefundService &refunds, const Refund &pending)
{
    Refund done = pending;
    QObject::connect(&refunds, &RefundService::finished, &app, [&](const Refund &refund) {
        if (refund.id != pending.id)
            return;
        done = refund;
        app.quit();
    });
    app.exec();
    return done;
}

QString moneyText(qint64 minor, Currency currency)
{
    return formatMinorPlain(minor) + u' ' + currencyCode(currency);
}

struct RefundRun
{
    QString mchOrderNo;
    QString reason;
    Requester manager;
};

int refund(QCoreApplication &app, const QCommandLineParser &parser, CounterAssembly &counter, const RefundRun &run)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto order = counter.orderLog().orderByMchOrderNo(run.mchOrderNo);
    if (!order) {
        err << "paydeskctl refund: order " << run.mchOrderNo << ": " << describe(order.error()) << Qt::endl;
        return refusalExitCode(order.error());
    }
    auto amount = refundAmount(parser, counter.orderLog(), *order);
    if (!amount) {
        err << "paydeskctl refund: amount: " << describe(amount.error()) << Qt::endl;
        return amount.error().code == ErrorCode::StoreFailure ? ExitStore : ExitUsage;
    }
    auto pending = counter.refunds().request(order->id, *amount, run.reason, run.manager);
    if (!pending) {
        err << "paydeskctl refund: refused: " << describe(pending.error()) << Qt::endl;
        return refusalExitCode(pending.error());
    }
    const QString what = pending->mchRefundNo + u' ' + moneyText(pending->amount.minor, pending->amount.currency)
        + u" of order " + order->mchOrderNo;
    (void)counter.orderLog().recordAuditEvent(QStringLiteral("refund_request"), run.manager.name,
                                              what + u": " + pending->reason);
    const Refund done = sendRefund(app, counter.refunds(), *pending);
    (void)counter.orderLog().recordAuditEvent(QStringLiteral("refund_result"), run.manager.name,
                                              done.mchRefundNo + u' ' + refundStateName(done.state) + u": "
                                                  + done.detail);
    out << refundStateName(done.state) << "  refund " << what << Qt::endl;
    if (done.state != RefundState::Succeeded && !done.detail.isEmpty())
        err << "  " << done.detail << Qt::endl;
    return refundExitCode(done);
}

} // namespace

int runRefund(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    addRefundOptions(parser);
    parser.process(arguments);

    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    const QString reason = parser.value(QStringLiteral("reason")).trimmed();
    if (positional.size() != 1 || reason.isEmpty()) {
        err << "usage: paydeskctl refund ORDER [--amount A] --reason TEXT [--manager NAME] [--pin-file FILE]"
            << Qt::endl;
        return ExitUsage;
    }
    const auto settings = settingsFor(parser);
    if (auto migrated = settings->migrate(); !migrated) {
        err << "paydeskctl refund: settings: " << describe(migrated.error()) << Qt::endl;
        return ExitConfig;
    }
    SystemClock clock;
    auto secrets = secretStoreFor(parser, settings->mchId());
    QNetworkAccessManager network;
    auto counter = counterFor(parser, *settings, *secrets, &network, clock);
    if (!counter) {
        err << "paydeskctl refund: " << describe(counter.error()) << Qt::endl;
        return exitCodeFor(counter.error());
    }
    StaffAccount manager;
    if (const int signedIn
        = signInManager((*counter)->staff(), parser, QStringLiteral("paydeskctl refund"), err, &manager);
        signedIn != ExitOk)
        return signedIn;
    return refund(app, parser, **counter, {positional.first(), reason, {manager.name, StaffRole::Manager}});
}

} // namespace paydesk

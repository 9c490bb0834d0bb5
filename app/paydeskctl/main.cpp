// paydeskctl: PayDesk's command line for managers and installers.

#include "AppSupport.h"
#include "Commands.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

using namespace paydesk;

namespace {

const char Usage[] =
    "Usage: paydeskctl <command> [options]\n"
    "\n"
    "Commands:\n"
    "  sign      compute an IOTPay signature (the validator for \"signature error\")\n"
    "  query     ask the gateway about one order\n"
    "  orders    list the orders of a day from the order log\n"
    "  charge    take a whole payment in the terminal (QR drawn with text blocks)\n"
    "  reconcile check open orders with the gateway and record what changed\n"
    "  report    the day's totals per channel and alerts (Z report); --csv exports the day\n"
    "\n"
    "  paydeskctl <command> --help   options of a command\n"
    "  paydeskctl --version          version\n"
    "\n"
    "Exit codes: 0 ok, 1 failed (not paid, gateway said no), 2 usage, 3 configuration or key,\n"
    "4 order log unavailable, 5 gateway unreachable or outcome unknown.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("paydesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));

    // The terminal is for the cashier: component logs only when asked for (QT_LOGGING_RULES).
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("paydesk.*.info=false"));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == u"--version" || command == u"-v") {
        QTextStream(stdout) << "paydeskctl " << PAYDESK_VERSION << Qt::endl;
        return ExitOk;
    }
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        QTextStream(command.isEmpty() ? stderr : stdout) << Usage;
        return command.isEmpty() ? ExitUsage : ExitOk;
    }
    arguments.removeAt(1);
    arguments[0] = u"paydeskctl " + command;
    if (command == u"sign")
        return runSign(app, arguments);
    if (command == u"query")
        return runQuery(app, arguments);
    if (command == u"orders")
        return runOrders(app, arguments);
    if (command == u"charge")
        return runCharge(app, arguments);
    if (command == u"reconcile")
        return runReconcile(app, arguments);
    if (command == u"report")
        return runReport(app, arguments);
    QTextStream(stderr) << "paydeskctl: unknown command '" << command << "'\n\n" << Usage;
    return ExitUsage;
}

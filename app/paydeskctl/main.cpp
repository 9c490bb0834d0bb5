// paydeskctl: PayDesk's command line for managers and installers.

#include "AppSupport.h"
#include "Commands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstring>
#include <memory>

using namespace paydesk;

namespace {

const char Usage[] = "Usage: paydeskctl <command> [options]\n"
                     "\n"
                     "Commands:\n"
                     "  sign      compute an IOTPay signature (the validator for \"signature error\")\n"
                     "  query     ask the gateway about one order\n"
                     "  orders    list the orders of a day from the order log\n"
                     "  charge    take a whole payment in the terminal (QR drawn with text blocks)\n"
                     "  reconcile check open orders with the gateway and record what changed\n"
                     "  report    the day's totals per channel and alerts (Z report); --csv, --pdf export it\n"
                     "  refund    refund a paid order, in full or --amount of it (needs a manager's PIN)\n"
                     "  staff     list, add, disable, enable staff accounts, set PINs (needs a manager's PIN)\n"
                     "  store     init URL: create or migrate a store; on PostgreSQL also its roles and grants\n"
                     "\n"
                     "  paydeskctl <command> --help   options of a command\n"
                     "  paydeskctl --version          version\n"
                     "\n"
                     "Exit codes: 0 ok, 1 failed (not paid, gateway said no), 2 usage, 3 configuration or key,\n"
                     "4 order log unavailable, 5 gateway unreachable or outcome unknown, 6 manager name or PIN wrong,\n"
                     "or the account locked.\n";

// `report --pdf` paints the Z report with QtGui, which needs a QGuiApplication; every other
// command stays a plain console program.
bool paintsPdf(int argc, char *argv[])
{
    if (argc < 2 || std::strcmp(argv[1], "report") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pdf") == 0 || std::strncmp(argv[i], "--pdf=", 6) == 0)
            return true;
    }
    return false;
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (!paintsPdf(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    // A PDF needs fonts, not a screen: unattended runs (cron, a service) have no display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication &app = *application;
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
    if (command == u"refund")
        return runRefund(app, arguments);
    if (command == u"staff")
        return runStaff(app, arguments);
    if (command == u"store")
        return runStore(app, arguments);
    QTextStream(stderr) << "paydeskctl: unknown command '" << command << "'\n\n" << Usage;
    return ExitUsage;
}

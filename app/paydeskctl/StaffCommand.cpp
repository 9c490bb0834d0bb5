#include "AppSupport.h"
#include "Commands.h"
#include "CounterAssembly.h"
#include "ManagerSignIn.h"
#include "PinInput.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "staff/StaffService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QTimeZone>

namespace paydesk {

namespace {

const QString Command = QStringLiteral("paydeskctl staff");

void addStaffOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "The staff accounts kept in the order log (shared by every terminal of a store's database):\n"
        "  list                            names, roles and whether disabled or locked\n"
        "  add NAME --role cashier|manager a new account; its PIN is read from standard input\n"
        "  disable NAME                    the account can no longer sign in\n"
        "  enable NAME                     a disabled account can sign in again\n"
        "  pin NAME                        sets a new PIN (read from standard input), lifting a lock\n"
        "add, disable, enable and pin need a manager's sign-in: --manager NAME and the PIN from --pin-file, or\n"
        "the first line of standard input (not echoed on a terminal); the new PIN is the next line.\n"
        "Without any manager account yet, `add NAME --role manager` makes the first one.\n"
        "Exit 0 done, 1 refused (name taken, no such account, the last manager), 2 usage,\n"
        "3 configuration, 4 order log unavailable, 6 the manager's name or PIN wrong or locked."));
    parser.addHelpOption();
    addConfigOption(parser);
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("list, add, disable, enable or pin."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The staff account (not for list)."));
    parser.addOption({QStringLiteral("role"), QStringLiteral("add: cashier or manager."), QStringLiteral("ROLE")});
    addManagerOptions(parser);
    parser.addOption({QStringLiteral("order-log"), QStringLiteral("Order log file instead of the configured one."),
                      QStringLiteral("FILE")});
}

int refusedWith(const Error &error, QTextStream &err)
{
    err << Command << ": " << describe(error) << Qt::endl;
    return exitCodeFor(error) == ExitStore ? ExitStore : ExitFailed;
}

int list(const StaffService &staff, const Clock &clock)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto accounts = staff.accounts();
    if (!accounts)
        return refusedWith(accounts.error(), err);
    for (const StaffAccount &account : *accounts) {
        QString status = account.disabled ? QStringLiteral("disabled") : QStringLiteral("active");
        if (account.lockedUntilUtcMs > clock.nowUtcMs()) {
            status += u", locked until "
                + QDateTime::fromMSecsSinceEpoch(account.lockedUntilUtcMs, QTimeZone::utc()).toString(Qt::ISODate);
        }
        out << account.name << '\t' << staffRoleName(account.role) << '\t' << status << Qt::endl;
    }
    return ExitOk;
}

// Without any manager account, the first manager needs no sign-in.
int addFirstManager(StaffService &staff, const QString &name, const QString &actor, QTextStream &err)
{
    auto pin = readNewPin(name);
    if (!pin) {
        err << Command << ": " << describe(pin.error()) << Qt::endl;
        return ExitUsage;
    }
    auto created = staff.createFirstManager(name, *pin, actor);
    if (!created)
        return refusedWith(created.error(), err);
    QTextStream(stdout) << "added " << name << " (manager)" << Qt::endl;
    return ExitOk;
}

int add(StaffService &staff, const QCommandLineParser &parser, const QString &name, const QString &actor)
{
    QTextStream err(stderr);
    const StaffRole role = staffRoleFromName(parser.value(QStringLiteral("role")));
    if (role == StaffRole::Invalid) {
        err << Command << ": add needs --role cashier or --role manager" << Qt::endl;
        return ExitUsage;
    }
    const auto managed = staff.hasManager();
    if (!managed)
        return refusedWith(managed.error(), err);
    if (!*managed && role == StaffRole::Manager)
        return addFirstManager(staff, name, actor, err);
    StaffAccount manager;
    if (const int signedIn = signInManager(staff, parser, Command, err, &manager); signedIn != ExitOk)
        return signedIn;
    auto pin = readNewPin(name);
    if (!pin) {
        err << Command << ": " << describe(pin.error()) << Qt::endl;
        return ExitUsage;
    }
    auto created = staff.create(manager, name, role, *pin);
    if (!created)
        return refusedWith(created.error(), err);
    QTextStream(stdout) << "added " << name << " (" << staffRoleName(role) << ")" << Qt::endl;
    return ExitOk;
}

int changeAccount(StaffService &staff, const QCommandLineParser &parser, const QString &action, const QString &name)
{
    QTextStream err(stderr);
    StaffAccount manager;
    if (const int signedIn = signInManager(staff, parser, Command, err, &manager); signedIn != ExitOk)
        return signedIn;
    Result<StaffAccount> done;
    if (action == u"disable") {
        done = staff.disable(manager, name);
    } else if (action == u"enable") {
        done = staff.enable(manager, name);
    } else {
        auto pin = readNewPin(name);
        if (!pin) {
            err << Command << ": " << describe(pin.error()) << Qt::endl;
            return ExitUsage;
        }
        done = staff.changePin(manager, name, *pin);
    }
    if (!done)
        return refusedWith(done.error(), err);
    const char *what = action == u"disable" ? "disabled " : action == u"enable" ? "enabled " : "new PIN set for ";
    QTextStream(stdout) << what << name << Qt::endl;
    return ExitOk;
}

} // namespace

int runStaff(QCoreApplication &, const QStringList &arguments)
{
    QCommandLineParser parser;
    addStaffOptions(parser);
    parser.process(arguments);

    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool named = action == u"add" || action == u"disable" || action == u"enable" || action == u"pin";
    if (!(action == u"list" && positional.size() == 1) && !(named && positional.size() == 2)) {
        err << "usage: paydeskctl staff list | add NAME --role cashier|manager | disable NAME | enable NAME | pin NAME"
               " [--manager NAME] [--pin-file FILE]"
            << Qt::endl;
        return ExitUsage;
    }
    const auto settings = settingsFor(parser);
    if (auto migrated = settings->migrate(); !migrated) {
        err << Command << ": settings: " << describe(migrated.error()) << Qt::endl;
        return ExitConfig;
    }
    SystemClock clock;
    const QString path = parser.isSet(QStringLiteral("order-log")) ? parser.value(QStringLiteral("order-log"))
                                                                   : settings->orderLogPath();
    auto log = OrderLog::open(path, clock);
    if (!log) {
        err << Command << ": order log: " << describe(log.error()) << Qt::endl;
        return ExitStore;
    }
    StaffService staff(**log, clock);
    if (auto migrated = migrateManagerPin(*settings, staff); !migrated)
        return refusedWith(migrated.error(), err);
    if (action == u"list")
        return list(staff, clock);
    if (action == u"add")
        return add(staff, parser, positional.at(1), settings->terminalId());
    return changeAccount(staff, parser, action, positional.at(1));
}

} // namespace paydesk

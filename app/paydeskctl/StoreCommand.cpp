#include "AppSupport.h"
#include "Commands.h"

#include "common/Clock.h"
#include "orders/OrderFilter.h"
#include "orders/OrderLog.h"
#include "orders/StoreSetup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>

namespace paydesk {

namespace {

const QString Command = QStringLiteral("paydeskctl store");

void addStoreOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Sets up a store's PostgreSQL database (or creates or migrates a SQLite order log file):\n"
        "  init URL [--login ROLE=NAME ...]\n"
        "connects to URL (postgresql://ADMIN@HOST/DB?sslmode=verify-full&sslrootcert=FILE) as an\n"
        "administrative role (the database's owner, with CREATEROLE; its password from a passfile, the\n"
        "URL's passfile= option or PGPASSFILE, never from the command line), brings the schema to this\n"
        "version, creates the NOLOGIN group roles paydesk_terminal, paydesk_relay, paydesk_manager and\n"
        "paydesk_report where missing, each --login role (ROLE terminal, relay, manager or report) as a\n"
        "member of its group, grants each group only what it may do, and prints a summary. PayDesk never\n"
        "sets a password. Safe to run again, and run it again after every upgrade.\n"
        "Exit 0 done, 2 usage, a malformed URL or login name, 4 the database refused or is unreachable."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("init"));
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("postgresql:// URL of the store database."));
    parser.addOption({QStringLiteral("login"),
                      QStringLiteral("A login role to create (if missing) in a group: terminal=counter1,"
                                     " relay=relay1, manager=office, report=accounts. Repeatable."),
                      QStringLiteral("ROLE=NAME")});
}

Result<QList<StoreLogin>> loginsOf(const QStringList &values)
{
    QList<StoreLogin> logins;
    for (const QString &value : values) {
        const auto role = storeRoleFromKey(value.section(u'=', 0, 0));
        if (!role || !value.contains(u'=')) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("--login ") + value.left(80)
                            + QStringLiteral(": expected ROLE=NAME, ROLE one of terminal, relay, manager, report"));
        }
        logins.append(StoreLogin{*role, value.section(u'=', 1), false});
    }
    return logins;
}

// The store URL a program of `role` puts in its store/orderLogPath setting: the administrator's URL with
// the login's name instead, less the administrator's own credentials (passfile, certificate).
QString urlFor(const QString &adminUrl, const QString &login)
{
    QUrl url(adminUrl);
    url.setUserName(login);
    QUrlQuery query(url);
    for (const QString &key :
         {QStringLiteral("user"), QStringLiteral("passfile"), QStringLiteral("sslcert"), QStringLiteral("sslkey")})
        query.removeAllQueryItems(key);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

void printRoles(const StoreSetupReport &report, QTextStream &out)
{
    out << "Group roles (NOLOGIN; a program connects as a login role that is a member of one):\n";
    for (const StoreRole role : AllStoreRoles) {
        out << "  " << storeRoleGroup(role).leftJustified(18)
            << (report.createdGroups.contains(role) ? "(created)  " : "(existed)  ") << storeRoleDuties(role) << '\n';
    }
    out << "  events, notifications and audit are append-only for every role, the owner included.\n";
}

void printLogins(const StoreSetupReport &report, const QString &adminUrl, QTextStream &out)
{
    if (report.logins.isEmpty()) {
        out << "Login roles: none asked for (--login terminal=counter1 makes one; or CREATE ROLE counter1 LOGIN"
               " IN ROLE paydesk_terminal).\n";
    } else {
        out << "Login roles:\n";
        for (const StoreLogin &login : report.logins) {
            out << "  " << login.name.leftJustified(18) << " in " << storeRoleGroup(login.role)
                << (login.created ? " (created, no password set)" : " (existed, granted the group)") << '\n';
        }
    }
    out << "Passwords: PayDesk never sets or prints one. Set each with psql as an administrator:\n"
           "  psql \""
        << adminUrl
        << "\" -c '\\password NAME'   (or interactively: \\password NAME)\n"
           "and give each program a passfile (chmod 600; the URL's passfile= option or PGPASSFILE), or use\n"
           "client certificates (pg_hba.conf `hostssl ... cert`, sslcert= and sslkey= in the URL).\n";
    out << "store/orderLogPath of each program (add sslmode=verify-full&sslrootcert=FILE over TCP):\n";
    for (const StoreRole role : AllStoreRoles) {
        QString name = QStringLiteral("NAME");
        for (const StoreLogin &login : report.logins) {
            if (login.role == role) {
                name = login.name;
                break;
            }
        }
        out << "  " << storeRoleKey(role).leftJustified(9) << urlFor(adminUrl, name) << '\n';
    }
}

// The order log as every program will open it: its version, orders and integrity.
int printStore(const StoreSetupReport &report, const QString &url, QTextStream &out, QTextStream &err)
{
    SystemClock clock;
    const auto log = OrderLog::open(url, clock);
    const auto orders = log ? (*log)->countFilteredOrders(OrderFilter{}) : Result<qint64>(fail(log.error()));
    if (!orders) {
        err << Command << " init: " << describe(orders.error()) << Qt::endl;
        return ExitStore;
    }
    out << "store:          " << (*log)->path() << '\n'
        << "schema version: " << (*log)->schemaVersion() << " (this build's: " << OrderLog::currentSchemaVersion()
        << "; before this run: " << report.schemaVersionBefore << ")\n"
        << "orders:         " << *orders << '\n'
        << "integrity:      " << (*log)->integrityCheck().value_or(QStringLiteral("not checked")) << '\n';
    if (report.hasRoles)
        out << "set up by:      " << report.adminUser << '\n';
    else
        out << "roles:          none (a SQLite file is one terminal's own order log)\n";
    return ExitOk;
}

int init(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << Command << " init: expected one URL (postgresql://ADMIN@HOST/DB, or a SQLite file)" << Qt::endl;
        return ExitUsage;
    }
    const auto logins = loginsOf(parser.values(QStringLiteral("login")));
    if (!logins) {
        err << Command << " init: " << describe(logins.error()) << Qt::endl;
        return ExitUsage;
    }
    // The error never repeats the URL (a password in it is refused, unread).
    const auto report = setUpStore(positional.at(1), *logins);
    if (!report) {
        err << Command << " init: " << describe(report.error()) << Qt::endl;
        return report.error().code == ErrorCode::InvalidArgument ? int(ExitUsage) : int(ExitStore);
    }
    if (const int printed = printStore(*report, positional.at(1), out, err); printed != ExitOk)
        return printed;
    if (report->hasRoles) {
        printRoles(*report, out);
        printLogins(*report, positional.at(1), out);
    }
    out.flush();
    return ExitOk;
}

} // namespace

int runStore(QCoreApplication &, const QStringList &arguments)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString action = parser.positionalArguments().value(0);
    if (action == u"init")
        return init(parser, out, err);
    err << Command << ": unknown action '" << action.left(40) << "' (init)" << Qt::endl;
    return ExitUsage;
}

} // namespace paydesk

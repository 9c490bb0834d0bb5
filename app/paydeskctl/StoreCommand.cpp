#include "AppSupport.h"
#include "Commands.h"

#include "common/Clock.h"
#include "orders/OrderFilter.h"
#include "orders/OrderLog.h"
#include "orders/StoreSetup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QTimeZone>
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
        "  import ORDERS.sqlite [URL] [--store STORE]\n"
        "copies a terminal's whole SQLite history (orders, events, gateway messages, refunds,\n"
        "notifications, audit, staff accounts whose name is new) into the store at URL (default: the\n"
        "configured store/orderLogPath), from a snapshot of the file (never changed), in one transaction;\n"
        "run again, it copies nothing twice: it copies what is new and brings the orders and refunds it\n"
        "imported before up to the source's (paid, refunded, closed since), except where the store's row\n"
        "is the later one (changed in the store), which it keeps and lists, and where neither is, which it\n"
        "keeps and lists as a CONFLICT. --store stamps the imported orders with STORE. Prints the source's\n"
        "and the imported rows' totals per currency, which must agree (the rows kept counted as the store\n"
        "has them). Run it as the store's administrator (it writes every history table).\n"
        "  terminals [URL]               the terminal ids registered in the store, by which store\n"
        "  release-terminal TERMINAL [URL]  frees the id of a replaced counter (as the administrator)\n"
        "Exit 0 done, 2 usage, a malformed URL or login name, 4 the database refused or is unreachable,\n"
        "1 an import whose totals do not agree or that kept a conflicting row."));
    parser.addHelpOption();
    addConfigOption(parser);
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("init, import, terminals, release-terminal"));
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("postgresql:// URL of the store database."));
    parser.addOption({QStringLiteral("store"), QStringLiteral("import: the store id of the imported orders."),
                      QStringLiteral("STORE")});
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

// The store a command other than init works on: the URL given, or the configured one.
Result<std::unique_ptr<OrderLog>> openStore(const QCommandLineParser &parser, const QString &given, const Clock &clock)
{
    const QString url = given.isEmpty() ? settingsFor(parser)->orderLogPath() : given;
    OrderLog::Options options;
    options.create = false;
    return OrderLog::open(url, clock, options);
}

void printTotals(const QString &title, const HistoryTotals &totals, QTextStream &out)
{
    out << title << ": " << totals.orders << " orders, " << totals.events << " events, " << totals.gatewayMessages
        << " gateway messages, " << totals.refunds << " refunds, " << totals.notifications << " notifications, "
        << totals.audit << " audit, " << totals.staff << " staff\n";
    out << "  Cur  Orders         Amount   Paid           Paid       Refunded Refunds        Refunds\n";
    for (const CurrencyHistoryTotals &row : totals.currencies) {
        out << "  " << currencyCode(row.currency).leftJustified(4) << QString::number(row.orders).rightJustified(7)
            << formatMinorPlain(row.ordersMinor).rightJustified(15) << QString::number(row.paidOrders).rightJustified(7)
            << formatMinorPlain(row.paidMinor).rightJustified(15)
            << formatMinorPlain(row.refundedMinor).rightJustified(15) << QString::number(row.refunds).rightJustified(8)
            << formatMinorPlain(row.refundsMinor).rightJustified(15) << '\n';
    }
}

QString utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

// An order or refund imported before that this run left as the store has it.
void printKept(const ImportDifference &kept, QTextStream &out)
{
    const bool order = kept.table == u"orders";
    const auto side = [&](const QString &state, qint64 refundedMinor, qint64 updatedAtMs) -> QString {
        QString text = state;
        if (order)
            text += QStringLiteral(" refunded ") + formatMinorPlain(refundedMinor);
        return text + QStringLiteral(" (updated ") + utcTime(updatedAtMs) + u')';
    };
    out << (kept.conflict ? "  CONFLICT " : "  kept     ") << (order ? "order  " : "refund ") << kept.number
        << ": the store " << side(kept.storeState, kept.storeRefundedMinor, kept.storeUpdatedAtMs) << ", the source "
        << side(kept.sourceState, kept.sourceRefundedMinor, kept.sourceUpdatedAtMs)
        << (kept.conflict ? ": neither is later, check it by hand\n" : ": the store's is later\n");
}

int import(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.size() > 3) {
        err << Command << " import: expected ORDERS.sqlite and optionally the store URL" << Qt::endl;
        return ExitUsage;
    }
    ImportOptions options;
    options.storeId = parser.value(QStringLiteral("store"));
    if (auto valid = checkStoreId(options.storeId); !valid) {
        err << Command << " import: --store: " << describe(valid.error()) << Qt::endl;
        return ExitUsage;
    }
    SystemClock clock;
    auto log = openStore(parser, positional.value(2), clock);
    if (!log) {
        err << Command << " import: " << describe(log.error()) << Qt::endl;
        return ExitStore;
    }
    const auto storeBefore = (*log)->historyTotals();
    if (!storeBefore) {
        err << Command << " import: " << describe(storeBefore.error()) << Qt::endl;
        return ExitStore;
    }
    const auto report = (*log)->importHistory(positional.at(1), options);
    if (!report) {
        err << Command << " import: " << describe(report.error()) << Qt::endl;
        return report.error().code == ErrorCode::InvalidArgument ? int(ExitUsage) : int(ExitStore);
    }
    const auto storeAfter = (*log)->historyTotals();
    if (!storeAfter) {
        err << Command << " import: " << describe(storeAfter.error()) << Qt::endl;
        return ExitStore;
    }
    out << "source:   " << positional.at(1) << " (schema version " << report->sourceSchemaVersion << ", identity "
        << report->sourceId << ")\n"
        << "store:    " << (*log)->path() << '\n';
    printTotals(QStringLiteral("before: the source"), report->source, out);
    printTotals(QStringLiteral("after: imported from it into the store"), report->imported, out);
    const HistoryTotals &now = report->copiedNow;
    out << "copied by this run: " << now.orders << " orders, " << now.events << " events, " << now.gatewayMessages
        << " gateway messages, " << now.refunds << " refunds, " << now.notifications << " notifications, " << now.audit
        << " audit, " << now.staff << " staff";
    if (report->staffSkipped > 0)
        out << " (" << report->staffSkipped << " staff accounts kept as the store has them)";
    out << '\n';
    out << "updated by this run: " << report->ordersUpdated << " orders, " << report->refundsUpdated
        << " refunds (imported before, moved on in the source since)\n";
    qsizetype conflicts = 0;
    if (!report->kept.isEmpty()) {
        out << "kept as the store has them: " << report->kept.size()
            << " orders and refunds imported before that differ from the source\n";
        for (const ImportDifference &kept : report->kept) {
            printKept(kept, out);
            conflicts += kept.conflict ? 1 : 0;
        }
        printTotals(QStringLiteral("expected: the source, with the rows kept counted as the store has them"),
                    report->expected, out);
    }
    printTotals(QStringLiteral("the store before"), *storeBefore, out);
    printTotals(QStringLiteral("the store after"), *storeAfter, out);
    const bool agree = report->imported == report->expected;
    out << (agree ? "totals agree" : "TOTALS DIFFER");
    if (agree && !report->kept.isEmpty())
        out << " (with the " << report->kept.size() << " rows kept as the store has them)";
    out << '\n';
    if (conflicts > 0)
        out << conflicts
            << " CONFLICTS: kept as the store has them; compare each with the counter and correct by hand\n";
    out.flush();
    return agree && conflicts == 0 ? int(ExitOk) : int(ExitFailed);
}

int terminals(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    SystemClock clock;
    auto log = openStore(parser, parser.positionalArguments().value(1), clock);
    const auto registered = log ? (*log)->terminals() : Result<QList<TerminalRegistration>>(fail(log.error()));
    if (!registered) {
        err << Command << " terminals: " << describe(registered.error()) << Qt::endl;
        return ExitStore;
    }
    out << "Terminal Store    Registered (UTC)     Last seen (UTC)\n";
    for (const TerminalRegistration &terminal : *registered) {
        out << terminal.terminalId.leftJustified(8) << ' '
            << (terminal.storeId.isEmpty() ? QStringLiteral("-") : terminal.storeId).leftJustified(8) << ' '
            << QDateTime::fromMSecsSinceEpoch(terminal.registeredAtMs, QTimeZone::utc()).toString(Qt::ISODate) << ' '
            << QDateTime::fromMSecsSinceEpoch(terminal.lastSeenMs, QTimeZone::utc()).toString(Qt::ISODate) << '\n';
    }
    return ExitOk;
}

int releaseTerminal(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.size() > 3) {
        err << Command << " release-terminal: expected TERMINAL and optionally the store URL" << Qt::endl;
        return ExitUsage;
    }
    SystemClock clock;
    auto log = openStore(parser, positional.value(2), clock);
    const auto released = log ? (*log)->releaseTerminal(positional.at(1)) : Result<void>(fail(log.error()));
    if (!released) {
        err << Command << " release-terminal: " << describe(released.error()) << Qt::endl;
        return exitCodeFor(released.error());
    }
    out << "terminal " << positional.at(1) << " released: the next install that starts with it registers it\n";
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
    if (action == u"import")
        return import(parser, out, err);
    if (action == u"terminals")
        return terminals(parser, out, err);
    if (action == u"release-terminal")
        return releaseTerminal(parser, out, err);
    err << Command << ": unknown action '" << action.left(40) << "' (init, import, terminals, release-terminal)"
        << Qt::endl;
    return ExitUsage;
}

} // namespace paydesk

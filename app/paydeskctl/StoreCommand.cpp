#include "AppSupport.h"
#include "Commands.h"

#include "common/Clock.h"
#include "orders/OrderFilter.h"
#include "orders/OrderLog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace paydesk {

namespace {

const QString Command = QStringLiteral("paydeskctl store");

void addStoreOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("The order log's store (design.md \"Storage backends\"):\n"
                       "  init URL   creates the schema (or migrates it to this build's version) and prints a summary\n"
                       "URL: a SQLite file path, or postgresql://[user@]host[:port]/dbname?sslmode=verify-full&...\n"
                       "(never a password: a passfile, PGPASSFILE, or a client certificate).\n"
                       "Exit 0 done, 2 usage or a malformed URL, 4 the store unavailable or refused."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("init."));
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The store."));
}

int init(const QString &url)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    SystemClock clock;
    const auto log = OrderLog::open(url, clock);
    if (!log) {
        // The error never repeats the URL (which may carry a password).
        err << Command << " init: " << describe(log.error()) << Qt::endl;
        return log.error().code == ErrorCode::InvalidArgument ? int(ExitUsage) : int(ExitStore);
    }
    const auto orders = (*log)->countFilteredOrders(OrderFilter{});
    if (!orders) {
        err << Command << " init: " << describe(orders.error()) << Qt::endl;
        return ExitStore;
    }
    out << "store:          " << (*log)->path() << Qt::endl
        << "schema version: " << (*log)->schemaVersion() << " (this build's: " << OrderLog::currentSchemaVersion()
        << ")" << Qt::endl
        << "orders:         " << *orders << Qt::endl
        << "integrity:      " << (*log)->integrityCheck().value_or(QStringLiteral("not checked")) << Qt::endl;
    return ExitOk;
}

} // namespace

int runStore(QCoreApplication &, const QStringList &arguments)
{
    QCommandLineParser parser;
    addStoreOptions(parser);
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.at(0) != u"init") {
        QTextStream(stderr) << Command << ": expected `init URL`" << Qt::endl;
        return ExitUsage;
    }
    return init(positional.at(1));
}

} // namespace paydesk

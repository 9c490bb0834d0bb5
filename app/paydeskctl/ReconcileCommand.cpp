#include "AppSupport.h"
#include "CommandSupport.h"
#include "Commands.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "payment/Reconciler.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace paydesk {

namespace {

void printReport(const ReconcileReport &report, QTextStream &out, QTextStream &err)
{
    for (const ReconcileChange &change : report.changes) {
        out << change.mchOrderNo << "  " << orderStateName(change.before) << " -> " << orderStateName(change.after)
            << (change.note.isEmpty() ? QString() : u"  (" + change.note + u')') << '\n';
    }
    for (const QString &detail : report.errorDetails)
        err << "not checked: " << detail << '\n';
    out << "examined " << report.examined << ", changed " << report.changed << ", still open " << report.stillOpen
        << ", not checked " << report.errors << Qt::endl;
    err.flush();
}

} // namespace

int runReconcile(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check open orders: asks the gateway about every order of the last HOURS that is not final\n"
                       "(NEW, CREATING, UNKNOWN, AWAITING) and records what it says. Prints each change.\n"
                       "Exit 0 when every order could be checked, 5 when some could not (gateway unreachable)."));
    parser.addHelpOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addOption({QStringLiteral("hours"), QStringLiteral("How far back to look (default 24)."),
                      QStringLiteral("HOURS"), QStringLiteral("24")});
    parser.addOption({QStringLiteral("store"),
                      QStringLiteral("Only the open orders of this store (default: store/storeId of the settings; "
                                     "without one, every store's)."),
                      QStringLiteral("ID")});
    addCounterOverrideOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ok = false;
    const qint64 hours = parser.value(QStringLiteral("hours")).toLongLong(&ok);
    if (!ok || hours <= 0) {
        err << "paydeskctl reconcile: --hours must be a positive number" << Qt::endl;
        return ExitUsage;
    }
    const auto settings = settingsFor(parser);
    const QString storeId = parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store"))
                                                                  : settings->value(SettingKeys::StoreId);
    if (auto valid = checkStoreId(storeId); !valid) {
        err << "paydeskctl reconcile: --store: " << valid.error().detail << Qt::endl;
        return ExitUsage;
    }
    auto secrets = secretStoreFor(parser, settings->mchId());
    SystemClock clock;
    QNetworkAccessManager network;
    auto counter = counterFor(parser, *settings, *secrets, &network, clock);
    if (!counter) {
        err << "paydeskctl reconcile: " << describe(counter.error()) << Qt::endl;
        return exitCodeFor(counter.error());
    }
    Reconciler &reconciler = (*counter)->reconciler();
    reconciler.setStoreId(storeId); // a chain: each store's orders with that store's merchant account
    ReconcileReport report;
    QObject::connect(&reconciler, &Reconciler::finished, &app, [&](const ReconcileReport &done) {
        report = done;
        app.quit();
    });
    reconciler.run(hours * 60 * 60 * 1000);
    app.exec();

    printReport(report, out, err);
    return report.errors == 0 ? ExitOk : ExitNetwork;
}

} // namespace paydesk

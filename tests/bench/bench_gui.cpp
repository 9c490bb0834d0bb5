// bench_gui [--runs N] [--sales N]: the cashier window's figures beside a minimal Qt Widgets
// window built in the same tree, printed as one JSON object.
//  - cold start to first frame: a fresh process each run (N runs, median), timed from the
//    parent's spawn to the end of the first frame, and as the outer process wall time;
//  - idle memory: VmRSS 2 s after the first frame;
//  - Charge -> QR painted: Enter in the amount field to the QrWidget's first paint of that
//    sale's code, against the demo simulator (p50/p99 over --sales sales).
// The cashier side is the same assembly as `paydesk --demo` (tests/ui/DemoCounter).
// Run it on the display you care about: xvfb-run -a ./bench_gui, or QT_QPA_PLATFORM=offscreen.

#include "DemoCounter.h"
#include "GuiProbe.h"

#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "payment/Sale.h"
#include "ui/MainWindow.h"
#include "ui/QrWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

constexpr int ChildTimeoutMs = 60'000;

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(p / 100.0 * double(values.size() - 1) + 0.5));
    return values.at(index);
}

QJsonObject summary(const QList<double> &values)
{
    return {{QStringLiteral("median"), percentile(values, 50)},
            {QStringLiteral("min"), percentile(values, 0)},
            {QStringLiteral("max"), percentile(values, 100)}};
}

struct ChildRun
{
    QJsonObject json;
    double wallMs = -1;
    QString error;
};

// One fresh process; its last stdout line is a JSON object.
ChildRun runChild(const QString &program, const QStringList &arguments)
{
    ChildRun run;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer wall;
    const qint64 spawnNs = steadyNowNs();
    environment.insert(QString::fromLatin1(SpawnVariable), QString::number(spawnNs));
    process.setProcessEnvironment(environment);
    wall.start();
    process.start(program, arguments);
    if (!process.waitForFinished(ChildTimeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        run.error = program + u' ' + arguments.join(u' ') + u": " + process.errorString();
        process.kill();
        return run;
    }
    run.wallMs = double(wall.nsecsElapsed()) / 1e6;
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    run.json = QJsonDocument::fromJson(lines.last()).object();
    if (run.json.isEmpty())
        run.error = program + u": no JSON result";
    return run;
}

QJsonObject startupFigures(const QString &program, int runs, QStringList &errors)
{
    QList<double> firstFrame;
    QList<double> inProcess;
    QList<double> wall;
    for (int i = 0; i < runs; ++i) {
        const ChildRun run = runChild(program, {QStringLiteral("--child"), QStringLiteral("startup")});
        if (!run.error.isEmpty()) {
            errors.append(run.error);
            continue;
        }
        firstFrame.append(run.json.value(QStringLiteral("first_frame_ms")).toDouble());
        inProcess.append(run.json.value(QStringLiteral("in_process_first_frame_ms")).toDouble());
        wall.append(run.wallMs);
    }
    QList<double> rss;
    for (int i = 0; i < 3; ++i) {
        const ChildRun run = runChild(program, {QStringLiteral("--child"), QStringLiteral("idle")});
        if (run.error.isEmpty())
            rss.append(run.json.value(QStringLiteral("rss_kb")).toDouble());
        else
            errors.append(run.error);
    }
    return {{QStringLiteral("first_frame_ms"), summary(firstFrame)},
            {QStringLiteral("main_to_first_frame_ms"), summary(inProcess)},
            {QStringLiteral("process_wall_ms"), summary(wall)},
            {QStringLiteral("idle_rss_kb"), percentile(rss, 50)},
            {QStringLiteral("runs"), firstFrame.size()}};
}

int driver(int runs, int sales)
{
    const QString self = QCoreApplication::applicationFilePath();
    const QString minimal = QCoreApplication::applicationDirPath() + u"/bench_minimal_window";
    QStringList errors;
    QJsonObject result;
    result.insert(QStringLiteral("platform"), qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("(default)")));
    result.insert(QStringLiteral("paydesk_demo"), startupFigures(self, runs, errors));
    result.insert(QStringLiteral("minimal_window"), startupFigures(minimal, runs, errors));
    const ChildRun charge = runChild(self, {QStringLiteral("--child"), QStringLiteral("charge"),
                                            QStringLiteral("--sales"), QString::number(sales)});
    if (charge.error.isEmpty())
        result.insert(QStringLiteral("charge_to_qr_painted_ms"), charge.json);
    else
        errors.append(charge.error);
    if (!errors.isEmpty())
        result.insert(QStringLiteral("errors"), QJsonArray::fromStringList(errors));
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Indented).constData(), stdout);
    return errors.isEmpty() ? 0 : 1;
}

// Enter -> the QrWidget paints this sale's code; then the customer pays and the next sale starts.
int chargeLatency(int sales)
{
    auto counter = DemoCounter::start();
    if (!counter) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(describe(counter.error())));
        return 1;
    }
    MainWindow &window = (*counter)->window();
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    auto *amount = window.findChild<QLineEdit *>(QStringLiteral("amountEdit"));
    QrWidget *qr = window.findChild<QrWidget *>(QStringLiteral("qrWidget"));
    QList<double> latencies;
    qint64 paintedNs = 0;
    QString paintedPayload;
    QObject::connect(qr, &QrWidget::painted, qr, [&](const QString &payload) {
        if (paintedNs == 0 && !payload.isEmpty()) {
            paintedNs = steadyNowNs();
            paintedPayload = payload;
        }
    });
    for (int i = 0; i < sales; ++i) {
        amount->setText(QString::number(10 + i) + u".25");
        paintedNs = 0;
        const qint64 enterNs = steadyNowNs();
        QTest::keyClick(amount, Qt::Key_Return);
        Sale *sale = (*counter)->checkout().current();
        if (!sale || !QTest::qWaitFor([&] { return paintedNs != 0; }, 10'000) || paintedPayload != sale->qrPayload()) {
            std::fprintf(stderr, "bench_gui: sale %d: no QR painted\n", i);
            return 1;
        }
        latencies.append(msBetween(enterNs, paintedNs));
        (void)(*counter)->demo().simulator().pay(sale->order().mchOrderNo);
        if (!QTest::qWaitFor([&] { return window.currentScreen() == window.outcomeScreen(); }, 10'000))
            return 1;
        window.newSale();
    }
    printJson({{QStringLiteral("sales"), latencies.size()},
               {QStringLiteral("p50"), percentile(latencies, 50)},
               {QStringLiteral("p90"), percentile(latencies, 90)},
               {QStringLiteral("p99"), percentile(latencies, 99)},
               {QStringLiteral("min"), percentile(latencies, 0)},
               {QStringLiteral("max"), percentile(latencies, 100)}});
    return 0;
}

int child(const QString &mode, int sales, qint64 mainEnteredNs)
{
    if (mode == u"charge")
        return chargeLatency(sales);
    auto counter = DemoCounter::start();
    if (!counter) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(describe(counter.error())));
        return 1;
    }
    return runFrameProbe((*counter)->window(), mode, mainEnteredNs);
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 ? std::max(1, args.value(at + 1).toInt()) : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    const qint64 mainEnteredNs = steadyNowNs();
    bool isChild = false;
    for (int i = 1; i < argc; ++i)
        isChild = isChild || qstrcmp(argv[i], "--child") == 0;
    if (!isChild) {
        QCoreApplication app(argc, argv);   // the driver shows nothing
        const QStringList args = QCoreApplication::arguments();
        return driver(intOption(args, QStringLiteral("--runs"), 10), intOption(args, QStringLiteral("--sales"), 50));
    }
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    return child(args.value(args.indexOf(QStringLiteral("--child")) + 1), intOption(args, QStringLiteral("--sales"), 50),
                 mainEnteredNs);
}

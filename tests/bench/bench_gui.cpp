// bench_gui [--runs N] [--sales N]: the cashier window's figures beside a minimal Qt Widgets
// window built in the same tree, printed as one JSON object.
//  - cold start to first frame: a fresh process each run (N runs, median), timed from the
//    parent's spawn to the end of the first frame, and as the outer process wall time;
//  - idle memory: VmRSS 2 s after the first frame;
//  - Charge -> QR painted: Enter in the amount field to the QrWidget's first paint of that
//    sale's code, against the demo simulator (p50/p99 over --sales sales).
// The cashier side is the same assembly as `paydesk --demo` (tests/ui/DemoCounter).
// Run it on the display you care about: xvfb-run -a ./bench_gui, or QT_QPA_PLATFORM=offscreen.

#include "BenchSupport.h"
#include "DemoCounter.h"
#include "GuiProbe.h"

#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "payment/Sale.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeScreen.h"
#include "ui/QrWidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLineEdit>
#include <QProcess>
#include <QTest>

#include <vector>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

constexpr int ChildTimeoutMs = 60'000;
constexpr int IdleRuns = 3;

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

QJsonObject startupFigures(const QString &program, int runs, QStringList &errors, QString &platform)
{
    std::vector<double> firstFrame;
    std::vector<double> inProcess;
    std::vector<double> wall;
    for (int i = 0; i < runs; ++i) {
        const ChildRun run = runChild(program, {QStringLiteral("--child"), QStringLiteral("startup")});
        if (!run.error.isEmpty()) {
            errors.append(run.error);
            continue;
        }
        platform = run.json.value(QStringLiteral("platform")).toString();
        firstFrame.push_back(run.json.value(QStringLiteral("first_frame_ms")).toDouble());
        inProcess.push_back(run.json.value(QStringLiteral("in_process_first_frame_ms")).toDouble());
        wall.push_back(run.wallMs);
    }
    std::vector<double> rssKb;
    for (int i = 0; i < IdleRuns; ++i) {
        const ChildRun run = runChild(program, {QStringLiteral("--child"), QStringLiteral("idle")});
        if (run.error.isEmpty())
            rssKb.push_back(run.json.value(QStringLiteral("rss_kb")).toDouble());
        else
            errors.append(run.error);
    }
    // summarize() speaks milliseconds; for kB only its median is used.
    return {{QStringLiteral("spawnToFirstFrameMs"), toJson(summarize(firstFrame))},
            {QStringLiteral("mainToFirstFrameMs"), toJson(summarize(inProcess))},
            {QStringLiteral("processWallMs"), toJson(summarize(wall))},
            {QStringLiteral("idleRssKbMedian"), summarize(rssKb).p50Ms}};
}

int driver(int runs, int sales)
{
    const QString self = QCoreApplication::applicationFilePath();
    const QString minimal = QCoreApplication::applicationDirPath() + u"/bench_minimal_window";
    QStringList errors;
    QString platform;
    QJsonObject result{{QStringLiteral("benchmark"), QStringLiteral("gui")},
                       {QStringLiteral("environment"), environmentJson()},
                       {QStringLiteral("startRuns"), runs}};
    result.insert(QStringLiteral("paydeskDemo"), startupFigures(self, runs, errors, platform));
    result.insert(QStringLiteral("minimalWindow"), startupFigures(minimal, runs, errors, platform));
    result.insert(QStringLiteral("platform"), platform);
    const ChildRun charge = runChild(
        self, {QStringLiteral("--child"), QStringLiteral("charge"), QStringLiteral("--sales"), QString::number(sales)});
    if (charge.error.isEmpty())
        result.insert(QStringLiteral("chargeToQrPaintedMs"), charge.json);
    else
        errors.append(charge.error);
    if (!errors.isEmpty())
        result.insert(QStringLiteral("errors"), QJsonArray::fromStringList(errors));
    printJson(result);
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
    std::vector<double> latencies;
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
        // A real event loop, not QTest::qWaitFor: its 10 ms naps between polls would be measured.
        if (!sale
            || !waitUntil(
                qr, &QrWidget::painted, [&] { return paintedNs != 0; }, 10'000)
            || paintedPayload != sale->qrPayload()) {
            std::fprintf(stderr, "bench_gui: sale %d: no QR painted\n", i);
            return 1;
        }
        latencies.push_back(msBetween(enterNs, paintedNs));
        (void)(*counter)->demo().simulator().pay(sale->order().mchOrderNo);
        if (!waitUntil(
                sale, &Sale::finished, [&] { return window.currentScreen() == window.outcomeScreen(); }, 10'000))
            return 1;
        window.newSale();
    }
    printJsonLine(toJson(summarize(latencies)));
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

} // namespace

int main(int argc, char *argv[])
{
    const qint64 mainEnteredNs = steadyNowNs();
    bool isChild = false;
    for (int i = 1; i < argc; ++i)
        isChild = isChild || qstrcmp(argv[i], "--child") == 0;
    // The driver shows nothing: only the children it starts create a QApplication.
    std::unique_ptr<QCoreApplication> app
        = isChild ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("Fresh processes per start-up figure (10)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("sales"), QStringLiteral("Sales for Charge -> QR (50)."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("child"), QStringLiteral("Internal: startup, idle or charge."), QStringLiteral("MODE")});
    parser.process(*app);
    const int sales = intOption(parser, QStringLiteral("sales"), 50);
    if (!isChild)
        return driver(intOption(parser, QStringLiteral("runs"), 10), sales);
    return child(parser.value(QStringLiteral("child")), sales, mainEnteredNs);
}

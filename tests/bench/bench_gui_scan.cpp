// bench_gui_scan [--sales N]: scan to pay at the counter, timed as the cashier sees it, beside the
// QR flow in the same run, printed as one JSON object:
//  - scanner Enter -> Paid painted: a code typed at scanner speed into the amount field, from the
//    scanner's Enter to the paint of the outcome screen's Paid headline, the simulator answering
//    at once (paid-at-once codes; target p50 <= 30 ms), and to the sale's PAID in the order log
//    (what of it is the order log and the gateway round trip, what is the screen);
//  - Charge Enter -> QR painted: Enter in the amount field to the QrWidget's paint of that sale's
//    code (as bench_gui measures it).
// The counter is the `paydesk --demo` assembly (tests/ui/DemoCounter): real SQLite order log with
// synchronous=FULL, real HTTP to the simulator over loopback. Run under xvfb-run or offscreen.

#include "BenchSupport.h"
#include "DemoCounter.h"
#include "GuiProbe.h"

#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "payment/Sale.h"
#include "payment/ScanSale.h"
#include "sim/SimMicropay.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeScreen.h"
#include "ui/QrWidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <functional>
#include <vector>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

constexpr int StepTimeoutMs = 10'000;

// Calls back when `widget` receives a Paint event while `armed()` holds (the paint starts then;
// a label's own painting takes microseconds).
class PaintWatch final : public QObject
{
public:
    PaintWatch(QWidget *widget, std::function<void()> painted) : QObject(widget), m_painted(std::move(painted))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_painted();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_painted;
};

// Runs `loop` (its quit() comes from a callback) until `done` holds or the timeout passes.
bool runUntil(QEventLoop &loop, const std::function<bool()> &done)
{
    if (done())
        return true;
    QTimer::singleShot(StepTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

struct Counter
{
    DemoCounter &counter;
    MainWindow &window;
    QLineEdit *amount;
};

struct ScanTimes
{
    double paidStoredMs = -1; // the sale's finished(PAID): the order log has it
    double paidPaintedMs = -1;
};

ScanTimes scanOnce(Counter &c, int serial)
{
    const QString code
        = sim::micropayTestCode(QStringLiteral("WX_MICROPAY"), sim::MicropayScenario::PaidAtOnce, serial);
    c.amount->setText(QString::number(10 + serial) + u".50");
    c.amount->setFocus();
    for (const QChar digit : code)
        QTest::keyClick(c.amount, char(digit.toLatin1())); // back to back: a scanner's burst
    auto *headline = c.window.outcomeScreen()->findChild<QLabel *>(QStringLiteral("outcomeHeadline"));
    QEventLoop loop;
    qint64 paintedNs = 0;
    const ScanSale *sale = nullptr;
    PaintWatch watch(headline, [&] {
        if (paintedNs == 0 && sale && sale->state() == OrderState::Paid && headline->isVisible()) {
            paintedNs = steadyNowNs();
            loop.quit();
        }
    });
    qint64 storedNs = 0;
    const QMetaObject::Connection started
        = QObject::connect(&c.counter.checkout(), &Checkout::scanStarted, &loop, [&](ScanSale *scan) {
              QObject::connect(scan, &ScanSale::finished, &loop, [&] { storedNs = steadyNowNs(); });
          });
    const qint64 enterNs = steadyNowNs();
    QTest::keyClick(c.amount, Qt::Key_Return);
    QObject::disconnect(started);
    sale = c.counter.checkout().currentScan();
    ScanTimes times;
    if (!sale || !runUntil(loop, [&] { return paintedNs != 0; }))
        return times;
    times.paidPaintedMs = msBetween(enterNs, paintedNs);
    times.paidStoredMs = storedNs ? msBetween(enterNs, storedNs) : -1;
    c.window.newSale();
    return times;
}

double chargeOnce(Counter &c, int serial)
{
    QrWidget *qr = c.window.findChild<QrWidget *>(QStringLiteral("qrWidget"));
    c.amount->setText(QString::number(10 + serial) + u".25");
    qint64 paintedNs = 0;
    QString paintedPayload;
    const QMetaObject::Connection painted = QObject::connect(qr, &QrWidget::painted, qr, [&](const QString &payload) {
        if (paintedNs == 0 && !payload.isEmpty()) {
            paintedNs = steadyNowNs();
            paintedPayload = payload;
        }
    });
    const qint64 enterNs = steadyNowNs();
    QTest::keyClick(c.amount, Qt::Key_Return);
    Sale *sale = c.counter.checkout().current();
    const bool shown = sale
        && waitUntil(
                           qr, &QrWidget::painted, [&] { return paintedNs != 0; }, StepTimeoutMs)
        && paintedPayload == sale->qrPayload();
    QObject::disconnect(painted);
    if (!shown)
        return -1;
    (void)c.counter.demo().simulator().pay(sale->order().mchOrderNo);
    if (!waitUntil(
            sale, &Sale::finished, [&] { return c.window.currentScreen() == c.window.outcomeScreen(); }, StepTimeoutMs))
        return -1;
    c.window.newSale();
    return msBetween(enterNs, paintedNs);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sales"), QStringLiteral("Sales of each kind (50)."), QStringLiteral("N")});
    parser.process(app);
    const int sales = intOption(parser, QStringLiteral("sales"), 50);
    auto started = DemoCounter::start();
    if (!started) {
        std::fprintf(stderr, "bench_gui_scan: %s\n", qPrintable(describe(started.error())));
        return 1;
    }
    DemoCounter &counter = **started;
    MainWindow &window = counter.window();
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return 1;
    Counter c{counter, window, window.findChild<QLineEdit *>(QStringLiteral("amountEdit"))};
    std::vector<double> scans;
    std::vector<double> stored;
    std::vector<double> charges;
    // Interleaved, so both flows see the same machine load and the same order log size.
    for (int i = 0; i < sales; ++i) {
        const ScanTimes scan = scanOnce(c, i);
        const double charge = chargeOnce(c, i);
        if (scan.paidPaintedMs < 0 || scan.paidStoredMs < 0 || charge < 0) {
            std::fprintf(stderr, "bench_gui_scan: sale %d: no %s painted\n", i, charge >= 0 ? "Paid" : "QR");
            return 1;
        }
        scans.push_back(scan.paidPaintedMs);
        stored.push_back(scan.paidStoredMs);
        charges.push_back(charge);
    }
    printJson({{QStringLiteral("benchmark"), QStringLiteral("gui_scan")},
               {QStringLiteral("environment"), environmentJson()},
               {QStringLiteral("platform"), QGuiApplication::platformName()},
               {QStringLiteral("sales"), sales},
               {QStringLiteral("scanEnterToPaidPaintedMs"), toJson(summarize(scans))},
               {QStringLiteral("scanEnterToPaidStoredMs"), toJson(summarize(stored))},
               {QStringLiteral("chargeEnterToQrPaintedMs"), toJson(summarize(charges))},
               {QStringLiteral("scanTargetP50Ms"), 30}});
    return 0;
}

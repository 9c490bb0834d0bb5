// screenshot_tour [OUTPUT_DIR]: shows the real cashier window in demo mode on a real X display
// (ctest runs it under xvfb-run) and, in English, French (Canada) and Simplified Chinese, saves a
// PNG of the whole screen at each step: sale, QR, Paid, cancel confirmation, Cancelled, Failed,
// Expired, customer display (QR and Paid), settings, scan to pay (Paid, refused, customer
// confirming with the customer display, processing). Then it checks what a phone would see: zbarimg
// must decode the QR in the screenshots back to the sale's payment link, every module must be at
// least 4 px and the light quiet zone at least 4 modules wide. Exits 1 on any failure.
//
// screenshot_tour OUTPUT_DIR --sizes: the layout on the X screen it runs on (ctest runs it at
// 1024x768, 1366x768 and 1920x1080): in each language the demo window must fit the available
// area; then in kiosk mode (ui/kiosk) it must fill the screen without a frame, and on the sale,
// QR and Paid screens no label, button or the amount may be clipped or leave the screen, the
// amount must stay big, and the QR must be large and read back by zbarimg; the scan-to-pay
// screens (refused, customer confirming, processing) must not clip either.

#include "DemoCounter.h"

#include "config/SettingKeys.h"
#include "payment/Checkout.h"
#include "payment/Sale.h"
#include "staff/StaffService.h"
#include "ui/CustomerDisplay.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeScreen.h"
#include "ui/QrWidget.h"
#include "ui/SaleScreen.h"
#include "ui/ScanScreen.h"
#include "ui/SignInScreen.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QFontMetrics>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QStyleOptionButton>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>

#include <functional>
#include <memory>

using namespace paydesk;

namespace {

constexpr int StepTimeoutMs = 8'000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

class Tour
{
public:
    explicit Tour(QString outputDir) : m_outputDir(std::move(outputDir)) {}

    void run(const QString &language);
    void runSizes(const QString &language);
    void checkClipCheckFails();
    int failures() const { return m_failures; }

private:
    bool check(bool ok, const QString &what);
    QString shoot(const QString &name);
    void settle(int ms = 250);
    template<typename T> T *child(const char *name)
    {
        return m_counter->window().findChild<T *>(QString::fromLatin1(name));
    }
    bool waitFor(const std::function<bool()> &condition, const QString &what);
    bool charge(const QString &amount, const char *channelButton);
    bool waitForOutcome(const QString &what);
    void checkOutcomeColour(const QString &png, QRgb expected);
    void newSale();
    void answerNextModal(const std::function<void(QWidget *)> &answer);
    void checkQrInScreenshot(const QString &png, QrWidget *widget, const QString &payload);
    void paymentSteps();
    void customerDisplaySteps();
    void settingsStep();
    void expiredStep();
    bool scan(const QString &amount, const char *demoButton, ScanScreen::Step until, const QString &what);
    void scanSteps(bool kiosk);
    void signInSteps(const QString &where);
    void checkFitsScreen(const QString &where);
    void customerDisplayPlacementStep();
    void checkNothingClipped(const QString &where);
    QString clippedReason(QWidget *widget) const;

    QString m_outputDir;
    QString m_language;
    int m_step = 0;
    int m_failures = 0;
    std::unique_ptr<DemoCounter> m_counter;
};

bool Tour::check(bool ok, const QString &what)
{
    out() << (ok ? "  ok   " : "  FAIL ") << m_language << ": " << what << Qt::endl;
    if (!ok)
        ++m_failures;
    return ok;
}

void Tour::settle(int ms)
{
    // Lets the window system map, lay out and paint before the screen is read back.
    QTest::qWait(ms);
}

QString Tour::shoot(const QString &name)
{
    settle();
    const QString path
        = QDir(m_outputDir)
              .filePath(
                  QStringLiteral("%1-%2-%3.png").arg(m_language).arg(++m_step, 2, 10, QLatin1Char('0')).arg(name));
    const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0);
    check(!screen.isNull() && screen.save(path), u"screenshot " + path);
    return path;
}

bool Tour::waitFor(const std::function<bool()> &condition, const QString &what)
{
    return check(QTest::qWaitFor(condition, StepTimeoutMs), what);
}

bool Tour::charge(const QString &amount, const char *channelButton)
{
    auto *edit = child<QLineEdit>("amountEdit");
    edit->setText(amount);
    child<QToolButton>(channelButton)->click();
    QTest::keyClick(edit, Qt::Key_Return);
    auto *qr = child<QrWidget>("qrWidget");
    return waitFor([qr] { return qr->isVisible() && !qr->payload().isEmpty(); },
                   u"QR shown for " + amount + u" (" + QString::fromLatin1(channelButton) + u')');
}

bool Tour::waitForOutcome(const QString &what)
{
    MainWindow &window = m_counter->window();
    return waitFor([&window] { return window.currentScreen() == window.outcomeScreen(); }, what);
}

// The outcome is told by colour first: check the screen really shows it.
void Tour::checkOutcomeColour(const QString &png, QRgb expected)
{
    const QImage shot(png);
    const QWidget *outcome = m_counter->window().outcomeScreen();
    const QPoint probe = outcome->mapToGlobal(QPoint(6, 6));
    const QRgb seen = shot.pixel(probe);
    check(qAbs(qRed(seen) - qRed(expected)) + qAbs(qGreen(seen) - qGreen(expected))
                  + qAbs(qBlue(seen) - qBlue(expected))
              < 24,
          QStringLiteral("outcome background is #%1 (expected #%2)")
              .arg(seen & 0xFFFFFF, 6, 16, QLatin1Char('0'))
              .arg(expected & 0xFFFFFF, 6, 16, QLatin1Char('0')));
}

void Tour::newSale()
{
    m_counter->window().newSale();
    settle(50);
}

void Tour::answerNextModal(const std::function<void(QWidget *)> &answer)
{
    // Pending timers hold the poller; it goes away with the last one (no self-owning cycle).
    auto poll = std::make_shared<std::function<void(int)>>();
    *poll = [answer, weak = std::weak_ptr(poll)](int triesLeft) {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            answer(modal);
            return;
        }
        if (auto self = weak.lock(); self && triesLeft > 0)
            QTimer::singleShot(20, qApp, [self, triesLeft] { (*self)(triesLeft - 1); });
    };
    QTimer::singleShot(0, qApp, [poll] { (*poll)(200); });
}

// Reads the QR back from the screenshot, as a phone camera would, and measures it.
QStringList zbarDecode(const QString &png)
{
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), png});
    if (!zbar.waitForFinished(30'000))
        return {};
    return QString::fromUtf8(zbar.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

void Tour::checkQrInScreenshot(const QString &png, QrWidget *widget, const QString &payload)
{
    // Every code on the screen is this sale's (the customer display may show a second copy)...
    const QStringList onScreen = zbarDecode(png);
    check(!onScreen.isEmpty() && onScreen.count(payload) == onScreen.size(),
          u"zbarimg decodes \"" + onScreen.join(QStringLiteral(" | ")) + u"\" from the screen, the sale's link is \""
              + payload + u'"');
    // ...and the window showing this widget, cut out of the screenshot, decodes on its own.
    const QRect windowArea = widget->window()->frameGeometry();
    const QString cropped = QString(png).replace(QStringLiteral(".png"), QStringLiteral("-window.png"));
    QImage(png).copy(windowArea).save(cropped);
    const QStringList inWindow = zbarDecode(cropped);
    check(inWindow == QStringList{payload},
          u"zbarimg decodes " + inWindow.join(QStringLiteral(" | ")) + u" from " + widget->window()->objectName()
              + u" alone");
    QFile::remove(cropped);

    check(widget->modulePixels() >= 4, u"module size " + QString::number(widget->modulePixels()) + u" px >= 4");
    const QImage shot(png);
    const QRect area(widget->mapToGlobal(QPoint(0, 0)), widget->size());
    auto dark = [&shot](int x, int y) { return qGray(shot.pixel(x, y)) < 128; };
    QRect symbol;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (dark(x, y))
                symbol |= QRect(x, y, 1, 1);
        }
    }
    const int modules = widget->matrix().size;
    if (!check(!symbol.isEmpty() && modules > 0, QStringLiteral("QR symbol found in the screenshot")))
        return;
    const int module = symbol.width() / modules;
    check(symbol.width() == symbol.height() && symbol.width() == module * modules,
          QStringLiteral("QR is %1x%2 px for %3 modules: whole pixels per module")
              .arg(symbol.width())
              .arg(symbol.height())
              .arg(modules));
    check(module >= 4, QStringLiteral("module measured on screen: %1 px >= 4").arg(module));
    const QRect quiet = symbol.adjusted(-4 * module, -4 * module, 4 * module, 4 * module);
    bool light = area.contains(quiet);
    for (int y = quiet.top(); light && y <= quiet.bottom(); ++y) {
        for (int x = quiet.left(); light && x <= quiet.right(); ++x)
            light = symbol.contains(x, y) || !dark(x, y);
    }
    check(light, QStringLiteral("quiet zone of 4 modules (%1 px) is light on every side").arg(4 * module));
}

void Tour::paymentSteps()
{
    MainWindow &window = m_counter->window();
    child<QLineEdit>("amountEdit")->setText(QStringLiteral("28.65"));
    child<QToolButton>("channel_ALIPAY_QR")->click();
    shoot(QStringLiteral("sale"));

    if (!charge(QStringLiteral("28.65"), "channel_WX_NATIVE"))
        return;
    const QString qrShot = shoot(QStringLiteral("qr"));
    checkQrInScreenshot(qrShot, child<QrWidget>("qrWidget"), m_counter->checkout().current()->qrPayload());
    child<QPushButton>("simulatePaymentButton")->click();
    if (waitForOutcome(QStringLiteral("Paid screen")))
        checkOutcomeColour(shoot(QStringLiteral("paid")), qRgb(0x1B, 0x5E, 0x20));

    newSale();
    if (!charge(QStringLiteral("12.00"), "channel_UPI_QR"))
        return;
    answerNextModal([this](QWidget *modal) {
        shoot(QStringLiteral("cancel-confirmation"));
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            box->button(QMessageBox::Yes)->click();
    });
    window.confirmCancel();
    if (waitForOutcome(QStringLiteral("Cancelled screen")))
        checkOutcomeColour(shoot(QStringLiteral("cancelled")), qRgb(0x45, 0x5A, 0x64));

    newSale();
    m_counter->setWrongMerchantKey(true);
    auto *edit = child<QLineEdit>("amountEdit");
    edit->setText(QStringLiteral("7.50"));
    QTest::keyClick(edit, Qt::Key_Return);
    if (waitForOutcome(QStringLiteral("Failed screen")))
        checkOutcomeColour(shoot(QStringLiteral("failed")), qRgb(0xB7, 0x1C, 0x1C));
    m_counter->setWrongMerchantKey(false);
    newSale();
}

void Tour::customerDisplaySteps()
{
    MainWindow &window = m_counter->window();
    CustomerDisplay *display = window.customerDisplay();
    window.activateWindow();
    const bool cashierActive = QTest::qWaitForWindowActive(&window);
    window.setCustomerDisplayVisible(true);
    const QRect screen = QGuiApplication::primaryScreen()->geometry();
    display->setGeometry(screen.right() - 600, 60, 560, 720);
    check(QTest::qWaitForWindowExposed(display), QStringLiteral("customer display shown"));
    settle();
    check(cashierActive && QApplication::activeWindow() == &window,
          QStringLiteral("the customer display leaves the keyboard with the cashier's window"));
    if (!charge(QStringLiteral("88.80"), "channel_ALIPAY_QR"))
        return;
    waitFor([display] { return display->qrWidget()->isVisible(); }, QStringLiteral("customer display shows the QR"));
    display->raise();
    const QString shot = shoot(QStringLiteral("customer-display-qr"));
    checkQrInScreenshot(shot, display->qrWidget(), m_counter->checkout().current()->qrPayload());
    child<QPushButton>("simulatePaymentButton")->click();
    if (waitForOutcome(QStringLiteral("Paid on the customer display")))
        shoot(QStringLiteral("customer-display-paid"));
    window.setCustomerDisplayVisible(false);
    newSale();
}

void Tour::settingsStep()
{
    bool shown = false;
    answerNextModal([this, &shown](QWidget *modal) {
        shown = modal->objectName() == u"settingsDialog";
        shoot(QStringLiteral("settings"));
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
    });
    m_counter->window().openSettings();
    check(shown, QStringLiteral("settings dialog opened"));
}

void Tour::expiredStep()
{
    DemoCounterOptions options;
    options.language = m_language;
    options.validityMs = 1'500;
    m_counter.reset();
    auto counter = DemoCounter::start(options);
    if (!check(counter.has_value(), QStringLiteral("demo counter with a short QR validity")))
        return;
    m_counter = std::move(*counter);
    m_counter->window().setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
    m_counter->window().show();
    if (charge(QStringLiteral("3.20"), "channel_UPI_QR") && waitForOutcome(QStringLiteral("Expired screen")))
        checkOutcomeColour(shoot(QStringLiteral("expired")), qRgb(0x45, 0x5A, 0x64));
}

// Scan to pay through demo mode's "Simulate a scan" buttons (the scanner path); waits for the
// scan screen's step, or the outcome screen when `until` is Invalid.
bool Tour::scan(const QString &amount, const char *demoButton, ScanScreen::Step until, const QString &what)
{
    MainWindow &window = m_counter->window();
    child<QLineEdit>("amountEdit")->setText(amount);
    child<QPushButton>(demoButton)->click();
    if (until == ScanScreen::Step::Invalid)
        return waitForOutcome(what);
    return waitFor(
        [&window, until] {
            return window.currentScreen() == window.scanScreen() && window.scanScreen()->step() == until;
        },
        what);
}

// Paid, refused, the customer confirming (then cancelled) and, last since it stays open,
// processing (the gateway never answers). In kiosk mode nothing may be clipped.
void Tour::scanSteps(bool kiosk)
{
    const QString prefix = kiosk ? QStringLiteral("kiosk-") : QString();
    auto look = [this, kiosk, prefix](const QString &name) {
        const QString png = shoot(prefix + name);
        if (kiosk)
            checkNothingClipped(prefix + name);
        return png;
    };
    // A scanner types into the window that has the keyboard, as a cashier's click gives it.
    m_counter->window().activateWindow();
    check(QTest::qWaitForWindowActive(&m_counter->window()), QStringLiteral("scan: the counter has the keyboard"));
    newSale();
    if (!kiosk
        && scan(QStringLiteral("42.00"), "simulateScanPaid", ScanScreen::Step::Invalid,
                QStringLiteral("scan: Paid screen")))
        checkOutcomeColour(look(QStringLiteral("scan-paid")), qRgb(0x1B, 0x5E, 0x20));
    newSale();
    if (scan(QStringLiteral("19.99"), "simulateScanInsufficientFunds", ScanScreen::Step::Refused,
             QStringLiteral("scan: refused screen")))
        look(QStringLiteral("scan-refused"));
    child<QPushButton>("scanAgainButton")->click();
    CustomerDisplay *display = m_counter->window().customerDisplay();
    if (!kiosk) { // the customer's side: asked for the code, then to confirm on the phone
        m_counter->window().setCustomerDisplayVisible(true);
        const QRect screen = QGuiApplication::primaryScreen()->geometry();
        display->setGeometry(screen.right() - 600, 60, 560, 720);
        check(QTest::qWaitForWindowExposed(display), QStringLiteral("scan: customer display shown"));
        child<QLineEdit>("amountEdit")->setText(QStringLiteral("19.99"));
        display->raise();
        shoot(QStringLiteral("customer-display-scan-prompt"));
    }
    if (scan(QStringLiteral("19.99"), "simulateScanPassword", ScanScreen::Step::Confirming,
             QStringLiteral("scan: customer confirming screen"))) {
        if (!kiosk)
            display->raise();
        look(QStringLiteral("scan-confirming"));
        child<QPushButton>("scanCancelButton")->click();
        waitForOutcome(QStringLiteral("scan: cancelled while confirming"));
    }
    m_counter->window().setCustomerDisplayVisible(false);
    newSale();
    if (scan(QStringLiteral("7.00"), "simulateScanNoReply", ScanScreen::Step::Processing,
             QStringLiteral("scan: processing screen")))
        look(QStringLiteral("scan-processing"));
}

// Who is selling: with cashier accounts the counter opens on the sign-in screen; a wrong PIN
// says so; once signed in the top bar names the cashier. Nothing clipped at any step.
void Tour::signInSteps(const QString &where)
{
    StaffService &staff = m_counter->staff();
    auto manager = staff.createFirstManager(QStringLiteral("Mina"), u"2468", QStringLiteral("tour"));
    if (!check(manager.has_value(), where + QStringLiteral(": first manager account")))
        return;
    for (const QString &name : {QStringLiteral("Li Wei"), QStringLiteral("Zoé Tremblay")})
        (void)staff.create(*manager, name, StaffRole::Cashier, u"1357");
    newSale();
    MainWindow &window = m_counter->window();
    if (!check(window.currentScreen() == window.signInScreen(), where + QStringLiteral(": sign-in screen at start")))
        return;
    settle();
    checkNothingClipped(where + QStringLiteral(", sign-in"));
    shoot(where + QStringLiteral("-sign-in"));
    auto *name = child<QComboBox>("cashierNameCombo");
    auto *pin = child<QLineEdit>("cashierPinEdit");
    name->setEditText(QStringLiteral("Zoé Tremblay"));
    QTest::keyClicks(pin, QStringLiteral("0000"));
    QTest::keyClick(pin, Qt::Key_Return);
    check(!child<QLabel>("signInMessage")->text().isEmpty(), where + QStringLiteral(": a wrong PIN is refused"));
    settle();
    checkNothingClipped(where + QStringLiteral(", sign-in refused"));
    shoot(where + QStringLiteral("-sign-in-wrong-pin"));
    QTest::keyClicks(pin, QStringLiteral("1357"));
    QTest::keyClick(pin, Qt::Key_Return);
    if (!check(window.currentScreen() == static_cast<QWidget *>(window.saleScreen()),
               where + QStringLiteral(": signed in, on the sale screen")))
        return;
    settle();
    checkNothingClipped(where + QStringLiteral(", sale with a cashier signed in"));
    shoot(where + QStringLiteral("-signed-in"));
    window.switchCashier();
    settle();
    checkNothingClipped(where + QStringLiteral(", switching cashier"));
    shoot(where + QStringLiteral("-switch-cashier"));
}

void Tour::run(const QString &language)
{
    m_language = language;
    m_step = 0;
    DemoCounterOptions options;
    options.language = language;
    auto counter = DemoCounter::start(options);
    if (!check(counter.has_value(), u"demo counter started: " + (counter ? QString() : describe(counter.error()))))
        return;
    m_counter = std::move(*counter);
    MainWindow &window = m_counter->window();
    window.setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
    window.show();
    window.activateWindow();
    check(QTest::qWaitForWindowExposed(&window), QStringLiteral("main window shown"));

    paymentSteps();
    customerDisplaySteps();
    settingsStep();
    signInSteps(QStringLiteral("window"));
    expiredStep();
    scanSteps(false);
    m_counter.reset();
}

// Why the widget's text does not fit (empty: it fits).
QString Tour::clippedReason(QWidget *widget) const
{
    const QFontMetrics metrics(widget->font());
    auto tooNarrow = [](int needed, int has) { return QStringLiteral("needs %1 px, has %2").arg(needed).arg(has); };
    if (auto *label = qobject_cast<QLabel *>(widget)) {
        if (label->text().isEmpty())
            return {};
        if (label->wordWrap() || Qt::mightBeRichText(label->text())) {
            const int needed = label->heightForWidth(label->width());
            return needed > label->height() ? u"height " + tooNarrow(needed, label->height()) : QString();
        }
        const QRect inside = label->contentsRect().marginsRemoved(
            QMargins(label->margin(), label->margin(), label->margin(), label->margin()));
        const QStringList lines = label->text().split(u'\n');
        int widest = 0;
        for (const QString &line : lines)
            widest = std::max(widest, metrics.horizontalAdvance(line));
        if (widest > inside.width())
            return tooNarrow(widest, inside.width());
        const int tall = int(lines.size()) * metrics.height();
        return tall > inside.height() ? u"height " + tooNarrow(tall, inside.height()) : QString();
    }
    if (auto *button = qobject_cast<QPushButton *>(widget)) {
        QStyleOptionButton option;
        option.initFrom(button);
        option.text = button->text();
        option.icon = button->icon();
        option.iconSize = button->iconSize();
        const QRect inside = button->style()->subElementRect(QStyle::SE_PushButtonContents, &option, button);
        const int needed = metrics.horizontalAdvance(button->text().remove(u'&'))
            + (button->icon().isNull() ? 0 : button->iconSize().width() + 4);
        if (needed > inside.width())
            return tooNarrow(needed, inside.width());
        return metrics.height() > inside.height() ? u"height " + tooNarrow(metrics.height(), inside.height())
                                                  : QString();
    }
    if (qobject_cast<QToolButton *>(widget) || qobject_cast<QComboBox *>(widget)) {
        const QSize hint = widget->sizeHint();
        if (hint.width() > widget->width() || hint.height() > widget->height())
            return QStringLiteral("needs %1x%2, has %3x%4")
                .arg(hint.width())
                .arg(hint.height())
                .arg(widget->width())
                .arg(widget->height());
        return {};
    }
    if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
        const int needed = metrics.horizontalAdvance(edit->text().isEmpty() ? edit->placeholderText() : edit->text());
        const int has = edit->contentsRect().width() - 8; // the frame and the text margins
        return needed > has ? tooNarrow(needed, has) : QString();
    }
    return {};
}

void Tour::checkNothingClipped(const QString &where)
{
    MainWindow &window = m_counter->window();
    const QRect screen = window.screen()->geometry();
    QStringList problems;
    int checked = 0;
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        const bool kind = qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractButton *>(widget)
            || qobject_cast<QComboBox *>(widget) || qobject_cast<QLineEdit *>(widget);
        if (!kind || !widget->isVisible() || widget->window() != &window)
            continue;
        ++checked;
        const QString name = QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
        if (const QString reason = clippedReason(widget); !reason.isEmpty())
            problems << name + u": " + reason;
        const QRect global(widget->mapToGlobal(QPoint(0, 0)), widget->size());
        if (!screen.contains(global))
            problems << name + u" leaves the screen";
    }
    check(problems.isEmpty() && checked > 0,
          QStringLiteral("%1: nothing clipped or off screen among %2 widgets %3")
              .arg(where)
              .arg(checked)
              .arg(problems.join(QStringLiteral("; "))));
}

void Tour::checkFitsScreen(const QString &where)
{
    MainWindow &window = m_counter->window();
    const QRect available = window.screen()->availableGeometry();
    check(available.contains(window.frameGeometry()),
          QStringLiteral("%1: window %2x%3+%4+%5 within the available %6x%7")
              .arg(where)
              .arg(window.frameGeometry().width())
              .arg(window.frameGeometry().height())
              .arg(window.frameGeometry().x())
              .arg(window.frameGeometry().y())
              .arg(available.width())
              .arg(available.height()));
}

// The clipping check can fail: a button and a label too narrow for their text are reported.
void Tour::checkClipCheckFails()
{
    m_language = QStringLiteral("-");
    QWidget probe;
    auto *button = new QPushButton(QStringLiteral("Simulate customer payment (demo)"), &probe);
    auto *label = new QLabel(QStringLiteral("Scan with UnionPay to pay"), &probe);
    button->setGeometry(0, 0, 60, 44);
    label->setGeometry(0, 50, 60, 30);
    check(!clippedReason(button).isEmpty() && !clippedReason(label).isEmpty(),
          QStringLiteral("the clipping check reports a 60 px button and label: ") + clippedReason(button) + u"; "
              + clippedReason(label));
    button->setGeometry(0, 0, 600, 44);
    label->setGeometry(0, 50, 600, 30);
    check(clippedReason(button).isEmpty() && clippedReason(label).isEmpty(),
          QStringLiteral("the clipping check passes them at 600 px"));
}

// On this single screen the customer display opens beside the counter without covering it or
// running off the screen, or, when there is no room, does not open and its button says why.
void Tour::customerDisplayPlacementStep()
{
    MainWindow &window = m_counter->window();
    CustomerDisplay *display = window.customerDisplay();
    const QRect available = window.screen()->availableGeometry();
    const bool room = !CustomerDisplay::besideCounter(available, window.minimumSizeHint().width()).isNull();
    window.setCustomerDisplayVisible(true);
    settle();
    auto *button = child<QPushButton>("customerDisplayButton");
    if (!room) {
        check(!display->isVisible() && !button->isEnabled() && !button->isChecked() && !button->toolTip().isEmpty(),
              QStringLiteral("no room beside the counter: the customer display stays closed, its button disabled"));
        return;
    }
    check(QTest::qWaitForWindowExposed(display) && button->isChecked(), QStringLiteral("customer display beside"));
    check(available.contains(display->frameGeometry()) && available.contains(window.frameGeometry())
              && !display->frameGeometry().intersects(window.frameGeometry()),
          QStringLiteral("customer display %1x%2+%3+%4 beside the counter %5x%6, both on the screen")
              .arg(display->frameGeometry().width())
              .arg(display->frameGeometry().height())
              .arg(display->frameGeometry().x())
              .arg(display->frameGeometry().y())
              .arg(window.frameGeometry().width())
              .arg(window.frameGeometry().height()));
    checkNothingClipped(QStringLiteral("counter beside the customer display"));
    shoot(QStringLiteral("window-customer-display"));
    window.setCustomerDisplayVisible(false);
    settle();
    checkFitsScreen(QStringLiteral("counter after the customer display closed"));
}

void Tour::runSizes(const QString &language)
{
    m_language = language;
    m_step = 0;
    DemoCounterOptions options;
    options.language = language;
    auto counter = DemoCounter::start(options);
    if (!check(counter.has_value(), u"demo counter started: " + (counter ? QString() : describe(counter.error()))))
        return;
    m_counter = std::move(*counter);
    MainWindow &window = m_counter->window();
    window.showCounter();
    check(QTest::qWaitForWindowExposed(&window), QStringLiteral("demo window shown"));
    settle();
    check(!window.isFullScreen(), QStringLiteral("demo mode is windowed"));
    checkFitsScreen(QStringLiteral("demo window"));
    checkNothingClipped(QStringLiteral("demo window, sale"));
    shoot(QStringLiteral("window-sale"));
    customerDisplayPlacementStep();

    (void)m_counter->settings().setValue(SettingKeys::UiKiosk, true);
    waitFor([&window] { return window.isFullScreen() && window.isVisible(); }, QStringLiteral("kiosk: full screen"));
    const QRect screen = window.screen()->geometry();
    waitFor([&window, screen] { return window.geometry() == screen; }, QStringLiteral("kiosk: fills the screen"));
    check(window.windowFlags().testFlag(Qt::FramelessWindowHint), QStringLiteral("kiosk: no window frame"));
    window.setCustomerDisplayVisible(true);
    check(!window.customerDisplay()->isVisible(),
          QStringLiteral("kiosk on a single screen: the customer display does not cover the counter"));
    child<QLineEdit>("amountEdit")->setText(QStringLiteral("1234.56"));
    settle();
    checkNothingClipped(QStringLiteral("kiosk, sale"));
    const int amountPixels = QFontInfo(child<QLineEdit>("amountEdit")->font()).pixelSize();
    check(amountPixels >= 36, QStringLiteral("amount font %1 px >= 36").arg(amountPixels));
    shoot(QStringLiteral("kiosk-sale"));

    if (!charge(QStringLiteral("88.80"), "channel_ALIPAY_QR"))
        return;
    auto *qr = child<QrWidget>("qrWidget");
    const QString qrShot = shoot(QStringLiteral("kiosk-qr"));
    checkNothingClipped(QStringLiteral("kiosk, QR"));
    checkQrInScreenshot(qrShot, qr, m_counter->checkout().current()->qrPayload());
    const int qrSide = qr->modulePixels() * (qr->matrix().size + 2 * QrWidget::QuietZoneModules);
    check(qrSide * 2 >= screen.height(), QStringLiteral("QR %1 px, at least half the screen's height").arg(qrSide));
    child<QPushButton>("simulatePaymentButton")->click();
    if (waitForOutcome(QStringLiteral("Paid screen"))) {
        shoot(QStringLiteral("kiosk-paid"));
        checkNothingClipped(QStringLiteral("kiosk, Paid"));
    }
    scanSteps(true);
    signInSteps(QStringLiteral("kiosk"));
    m_counter.reset();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString outputDir = args.size() > 1 ? args.at(1) : QStringLiteral(PAYDESK_SCREENSHOT_DIR);
    if (!QDir().mkpath(outputDir)) {
        out() << "screenshot_tour: cannot create " << outputDir << Qt::endl;
        return 1;
    }
    if (QGuiApplication::platformName() != u"xcb") {
        out() << "screenshot_tour: needs a real X display (run it under xvfb-run), platform is "
              << QGuiApplication::platformName() << Qt::endl;
        return 1;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty()) {
        out() << "screenshot_tour: zbarimg is missing (package zbar-tools)" << Qt::endl;
        return 1;
    }
    Tour tour(outputDir);
    const bool sizes = args.contains(QStringLiteral("--sizes"));
    if (sizes) { // as paydesk's main() does
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF()
                           * MainWindow::fontScaleFor(QGuiApplication::primaryScreen()->availableGeometry().size()));
        QApplication::setFont(font);
    }
    if (sizes)
        tour.checkClipCheckFails();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr_CA"), QStringLiteral("zh_CN")}) {
        if (sizes)
            tour.runSizes(language);
        else
            tour.run(language);
    }
    out() << (tour.failures() == 0 ? "screenshot_tour: all checks passed, PNGs in "
                                   : "screenshot_tour: failures, PNGs in ")
          << QDir(outputDir).absolutePath() << Qt::endl;
    return tour.failures() == 0 ? 0 : 1;
}

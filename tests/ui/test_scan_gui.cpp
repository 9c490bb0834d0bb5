// Scan to pay through the real cashier window, offscreen, against the demo simulator on loopback
// (the `paydesk --demo` assembly): a code typed at scanner speed into whatever has the focus is
// charged to the right wallet and never ends up in the amount; slow typing is an amount; each
// simulator scenario (paid, password, insufficient funds, expired/used, risk control, no reply)
// gives its screen; ten scans of one code make one order; the code appears in no log line and
// in no byte of the order log's files; Cancel while the customer confirms; the customer display.

#include "DemoCounter.h"

#include "demo/DemoEnvironment.h"
#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "payment/ScanSale.h"
#include "sim/SimMicropay.h"
#include "ui/CustomerDisplay.h"
#include "ui/ErrorText.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeScreen.h"
#include "ui/PaymentScreen.h"
#include "ui/SaleScreen.h"
#include "ui/ScanScreen.h"
#include "ui/ScannerInput.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

#include <limits>
#include <memory>

Q_DECLARE_METATYPE(paydesk::Channel)
Q_DECLARE_METATYPE(paydesk::ErrorCode)

using namespace paydesk;

namespace {

constexpr int ScannerGapMs = 5; // a wedge scanner's pace
constexpr int TypistGapMs = 120; // a fast cashier's
constexpr int OutcomeTimeoutMs = 8'000;
constexpr int ConfirmTimeoutMs = 15'000; // the simulator's password scenario: 5 s, queried every 2.5 s

QString testCode(const char *channel, sim::MicropayScenario scenario, int serial)
{
    return sim::micropayTestCode(QString::fromLatin1(channel), scenario, serial);
}

QString messageFor(ErrorCode code)
{
    return errorMessage(Error{code, {}, {}, 0});
}

// Every message any part of the program logs while the handler is installed.
QMutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&g_logMutex);
        g_logLines.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestScanGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void scanPaysWithEachWallet_data();
    void scanPaysWithEachWallet();
    void slowTypingIsAnAmount();
    void typedCodeIsCharged();
    void scanWithoutAmountSendsNothing();
    void unrecognisedCodesSendNothing_data();
    void unrecognisedCodesSendNothing();
    void refusalsSayWhyAndScanAgain_data();
    void refusalsSayWhyAndScanAgain();
    void passwordPendingThenPaid();
    void cancelWhileCustomerConfirms();
    void noReplyKeepsChecking();
    void tenScansOfOneCodeMakeOneOrder();
    void codeIsNeverLoggedNorStored();
    void demoButtonsScanThroughTheScanner();
    void customerDisplayAsksForTheCode();
    void refusalScreenTakesTheNextScan();

private:
    MainWindow &window() { return m_counter->window(); }
    template<typename T> T *child(const char *name) { return window().findChild<T *>(QString::fromLatin1(name)); }
    QLineEdit *amountEdit() { return child<QLineEdit>("amountEdit"); }
    QList<Order> orders();
    void typeIntoFocus(const QString &digits, int gapMs, bool enter = true);
    bool scanAndWaitForOutcome(const QString &amount, const QString &code);
    QString saleError() { return child<QLabel>("saleError")->text(); }

    std::unique_ptr<DemoCounter> m_counter;
};

void TestScanGui::init()
{
    auto counter = DemoCounter::start({});
    QVERIFY2(counter, counter ? "" : qPrintable(describe(counter.error())));
    m_counter = std::move(*counter);
    window().show();
    window().activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window()));
    QTRY_COMPARE(QApplication::focusWidget(), amountEdit());
}

void TestScanGui::cleanup()
{
    m_counter.reset();
}

QList<Order> TestScanGui::orders()
{
    auto all = m_counter->orderLog().ordersBetween(0, std::numeric_limits<qint64>::max());
    return all ? *all : QList<Order>{};
}

// Key by key into whatever has the focus, `gapMs` apart, as a scanner or a person would.
void TestScanGui::typeIntoFocus(const QString &digits, int gapMs, bool enter)
{
    for (const QChar digit : digits) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus, "nothing has the keyboard focus");
        QTest::keyClick(focus, char(digit.toLatin1()));
        QTest::qWait(gapMs);
    }
    if (enter) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus, "nothing has the keyboard focus");
        QTest::keyClick(focus, Qt::Key_Return);
    }
}

bool TestScanGui::scanAndWaitForOutcome(const QString &amount, const QString &code)
{
    amountEdit()->setText(amount);
    typeIntoFocus(code, ScannerGapMs);
    return QTest::qWaitFor([this] { return window().currentScreen() == window().outcomeScreen(); }, OutcomeTimeoutMs);
}

void TestScanGui::scanPaysWithEachWallet_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("focus"); // the widget that has the focus when the scan comes
    QTest::addColumn<Channel>("wallet");
    const QString amount = QStringLiteral("amountEdit");
    QTest::newRow("WeChat 13, amount field")
        << testCode("WX_MICROPAY", sim::MicropayScenario::PaidAtOnce, 1) << amount << Channel::WxMicropay;
    QTest::newRow("WeChat 10, channel button")
        << QStringLiteral("101234567890123456") << QStringLiteral("channel_ALIPAY_QR") << Channel::WxMicropay;
    QTest::newRow("WeChat 15 (Hong Kong), Charge button")
        << QStringLiteral("151234567890123456") << QStringLiteral("chargeButton") << Channel::WxMicropay;
    QTest::newRow("Alipay 28, amount field")
        << testCode("ALIPAY_MICROPAY", sim::MicropayScenario::PaidAtOnce, 2) << amount << Channel::AlipayMicropay;
    QTest::newRow("Alipay 25, 16 digits, payment code field")
        << QStringLiteral("2512345678901234") << QStringLiteral("paymentCodeEdit") << Channel::AlipayMicropay;
    QTest::newRow("Alipay 30, 24 digits, channel button")
        << QStringLiteral("301234567890123456789012") << QStringLiteral("channel_UPI_QR") << Channel::AlipayMicropay;
    QTest::newRow("UnionPay 62, amount field")
        << testCode("UPI_MICROPAY", sim::MicropayScenario::PaidAtOnce, 3) << amount << Channel::UpiMicropay;
}

void TestScanGui::scanPaysWithEachWallet()
{
    QFETCH(QString, code);
    QFETCH(QString, focus);
    QFETCH(Channel, wallet);
    amountEdit()->setText(QStringLiteral("28.65"));
    auto *target = window().findChild<QWidget *>(focus);
    QVERIFY(target);
    target->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), target);

    typeIntoFocus(code, ScannerGapMs);
    // The burst's digits were taken back out of the amount (and the code field) at once.
    QCOMPARE(amountEdit()->text(), QStringLiteral("28.65"));
    QVERIFY(child<QLineEdit>("paymentCodeEdit")->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(child<QLabel>("outcomeHeadline")->text(), QStringLiteral("✔ Paid"));
    QVERIFY(child<QPushButton>("printReceiptButton")->isVisible());
    const QList<Order> all = orders();
    QCOMPARE(all.size(), 1); // the scan's Enter started no QR sale
    QCOMPARE(all.first().channel, wallet);
    QCOMPARE(all.first().amount.minor, 2865);
    QCOMPARE(all.first().state, OrderState::Paid);
    QCOMPARE(window().customerDisplay()->message(), QStringLiteral("Paid — thank you!"));
}

void TestScanGui::slowTypingIsAnAmount()
{
    const QString digits = testCode("WX_MICROPAY", sim::MicropayScenario::PaidAtOnce, 4);
    typeIntoFocus(digits, TypistGapMs, false);
    QCOMPARE(amountEdit()->text(), digits.left(amountEdit()->maxLength()));
    QCOMPARE(window().currentScreen(), window().saleScreen());
    // Enter charges that "amount" as a QR sale, which refuses it: still no order.
    QTest::keyClick(amountEdit(), Qt::Key_Return);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QCOMPARE(saleError(), messageFor(ErrorCode::AmountTooLarge));
    QVERIFY(orders().isEmpty());
    // A short fast burst (an amount typed briskly) is typing too.
    amountEdit()->clear();
    typeIntoFocus(QStringLiteral("1250"), ScannerGapMs, false);
    QCOMPARE(amountEdit()->text(), QStringLiteral("1250"));
}

void TestScanGui::typedCodeIsCharged()
{
    amountEdit()->setText(QStringLiteral("4.20"));
    auto *field = child<QLineEdit>("paymentCodeEdit");
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    field->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), field);
    const QString code = testCode("ALIPAY_MICROPAY", sim::MicropayScenario::PaidAtOnce, 5);
    typeIntoFocus(code, TypistGapMs, false);
    QCOMPARE(field->text(), code); // typed by hand: it stays in the field until charged
    QTest::keyClick(field, Qt::Key_Return); // Enter in the code field charges the code, not a QR
    QVERIFY(field->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(orders().size(), 1);
    QCOMPARE(orders().first().channel, Channel::AlipayMicropay);
    QCOMPARE(orders().first().amount.minor, 420);
}

void TestScanGui::scanWithoutAmountSendsNothing()
{
    typeIntoFocus(testCode("WX_MICROPAY", sim::MicropayScenario::PaidAtOnce, 6), ScannerGapMs);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QCOMPARE(saleError(), messageFor(ErrorCode::AmountEmpty));
    QVERIFY(amountEdit()->text().isEmpty());
    QVERIFY(orders().isEmpty());
    QCOMPARE(m_counter->demo().simulator().orders().size(), 0);
}

void TestScanGui::unrecognisedCodesSendNothing_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("fits no wallet") << QStringLiteral("991234567890123456");
    QTest::newRow("WeChat prefix, wrong length") << QStringLiteral("1312345678901234567890");
    QTest::newRow("misread: 12 digits") << QStringLiteral("131234567890");
}

void TestScanGui::unrecognisedCodesSendNothing()
{
    QFETCH(QString, code);
    amountEdit()->setText(QStringLiteral("9.99"));
    typeIntoFocus(code, ScannerGapMs);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QCOMPARE(amountEdit()->text(), QStringLiteral("9.99"));
    QCOMPARE(saleError(), messageFor(ErrorCode::PaymentCodeUnrecognised));
    QVERIFY(orders().isEmpty());
    QCOMPARE(m_counter->demo().simulator().orders().size(), 0);
}

void TestScanGui::refusalsSayWhyAndScanAgain_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorCode>("reason");
    QTest::newRow("insufficient funds") << testCode("WX_MICROPAY", sim::MicropayScenario::InsufficientFunds, 7)
                                        << ErrorCode::InsufficientFunds;
    QTest::newRow("expired or used code")
        << testCode("ALIPAY_MICROPAY", sim::MicropayScenario::CodeRejected, 8) << ErrorCode::PaymentCodeRejected;
    QTest::newRow("risk control") << testCode("UPI_MICROPAY", sim::MicropayScenario::RiskControl, 9)
                                  << ErrorCode::WalletRiskControl;
}

void TestScanGui::refusalsSayWhyAndScanAgain()
{
    QFETCH(QString, code);
    QFETCH(ErrorCode, reason);
    amountEdit()->setText(QStringLiteral("15.00"));
    typeIntoFocus(code, ScannerGapMs);
    QTRY_COMPARE_WITH_TIMEOUT(window().scanScreen()->step(), ScanScreen::Step::Refused, OutcomeTimeoutMs);
    QCOMPARE(window().currentScreen(), window().scanScreen());
    QCOMPARE(child<QLabel>("scanHeadline")->text(), QStringLiteral("Not charged"));
    QCOMPARE(child<QLabel>("scanDetail")->text(), messageFor(reason));
    QVERIFY(child<QPushButton>("scanAgainButton")->isVisible());
    QVERIFY(!child<QPushButton>("scanCancelButton")->isVisible());
    QCOMPARE(orders().size(), 1);
    QCOMPARE(orders().first().state, OrderState::Failed);
    QCOMPARE(window().customerDisplay()->message(), QStringLiteral("Payment not completed"));

    // "Scan again": the sale screen with the amount kept; the next scan is a new order.
    QTest::mouseClick(child<QPushButton>("scanAgainButton"), Qt::LeftButton);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QCOMPARE(amountEdit()->text(), QStringLiteral("15.00"));
    QTRY_COMPARE(QApplication::focusWidget(), amountEdit());
    typeIntoFocus(testCode("WX_MICROPAY", sim::MicropayScenario::PaidAtOnce, 10), ScannerGapMs);
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(orders().size(), 2);
}

void TestScanGui::passwordPendingThenPaid()
{
    amountEdit()->setText(QStringLiteral("66.00"));
    typeIntoFocus(testCode("WX_MICROPAY", sim::MicropayScenario::Password, 11), ScannerGapMs);
    QTRY_COMPARE_WITH_TIMEOUT(window().scanScreen()->step(), ScanScreen::Step::Confirming, OutcomeTimeoutMs);
    QCOMPARE(child<QLabel>("scanHeadline")->text(), QStringLiteral("Customer confirming…"));
    QVERIFY(child<QLabel>("scanAmount")->text().contains(u"66.00"));
    QCOMPARE(child<QLabel>("scanWallet")->text(), QStringLiteral("WeChat Pay · code ****0001"));
    QVERIFY(child<QPushButton>("scanCancelButton")->isVisible());
    QCOMPARE(window().customerDisplay()->message(), QStringLiteral("Confirm the payment on your phone (WeChat Pay)"));
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), ConfirmTimeoutMs);
    QCOMPARE(child<QLabel>("outcomeHeadline")->text(), QStringLiteral("✔ Paid"));
    QCOMPARE(orders().size(), 1);
    QCOMPARE(orders().first().state, OrderState::Paid);
}

void TestScanGui::cancelWhileCustomerConfirms()
{
    amountEdit()->setText(QStringLiteral("5.00"));
    typeIntoFocus(testCode("ALIPAY_MICROPAY", sim::MicropayScenario::Password, 12), ScannerGapMs);
    QTRY_COMPARE_WITH_TIMEOUT(window().scanScreen()->step(), ScanScreen::Step::Confirming, OutcomeTimeoutMs);
    QTest::mouseClick(child<QPushButton>("scanCancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    const OrderState state = orders().first().state;
    // Cancel asks once more: the customer may have confirmed just then.
    QVERIFY2(state == OrderState::Cancelled || state == OrderState::Paid, qPrintable(orderStateName(state)));
    QCOMPARE(child<QLabel>("outcomeHeadline")->text(),
             state == OrderState::Paid ? QStringLiteral("✔ Paid") : QStringLiteral("Cancelled"));
}

void TestScanGui::noReplyKeepsChecking()
{
    amountEdit()->setText(QStringLiteral("7.00"));
    typeIntoFocus(testCode("UPI_MICROPAY", sim::MicropayScenario::NoReply, 13), ScannerGapMs);
    QTRY_COMPARE(window().currentScreen(), window().scanScreen());
    QCOMPARE(window().scanScreen()->step(), ScanScreen::Step::Processing);
    QCOMPARE(child<QLabel>("scanHeadline")->text(), QStringLiteral("Processing…"));
    QCOMPARE(window().customerDisplay()->message(), QStringLiteral("Processing…"));
    QTest::qWait(1'000);
    QCOMPARE(window().currentScreen(), window().scanScreen()); // no answer is no outcome
    QCOMPARE(orders().size(), 1);
    QVERIFY(!isClosedState(orders().first().state));
    // Meanwhile another scan is swallowed: no second order, nothing typed anywhere.
    typeIntoFocus(testCode("UPI_MICROPAY", sim::MicropayScenario::PaidAtOnce, 14), ScannerGapMs);
    QCOMPARE(window().currentScreen(), window().scanScreen());
    QCOMPARE(orders().size(), 1);
}

void TestScanGui::tenScansOfOneCodeMakeOneOrder()
{
    const QString code = testCode("WX_MICROPAY", sim::MicropayScenario::PaidAtOnce, 15);
    amountEdit()->setText(QStringLiteral("3.00"));
    for (int i = 0; i < 10; ++i) {
        typeIntoFocus(code, ScannerGapMs);
        QTest::qWait(20);
    }
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(orders().size(), 1);
    // On the Paid screen a scan's Enter is not "New sale".
    typeIntoFocus(code, ScannerGapMs);
    QCOMPARE(window().currentScreen(), window().outcomeScreen());
    QCOMPARE(orders().size(), 1);
    // A new sale, the same code again: refused on the spot, nothing sent.
    window().newSale();
    amountEdit()->setText(QStringLiteral("3.00"));
    typeIntoFocus(code, ScannerGapMs);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QCOMPARE(saleError(), messageFor(ErrorCode::PaymentCodeRepeated));
    QCOMPARE(orders().size(), 1);
    QCOMPARE(m_counter->demo().simulator().orders().size(), 1);
}

void TestScanGui::codeIsNeverLoggedNorStored()
{
    QLoggingCategory::setFilterRules(QStringLiteral("paydesk.*=true"));
    {
        const QMutexLocker lock(&g_logMutex);
        g_logLines.clear();
    }
    g_previousHandler = qInstallMessageHandler(captureMessage);
    const QStringList codes = {testCode("WX_MICROPAY", sim::MicropayScenario::PaidAtOnce, 16),
                               testCode("ALIPAY_MICROPAY", sim::MicropayScenario::InsufficientFunds, 17),
                               testCode("UPI_MICROPAY", sim::MicropayScenario::Password, 18)};
    const bool paid = scanAndWaitForOutcome(QStringLiteral("1.00"), codes.at(0));
    window().newSale();
    amountEdit()->setText(QStringLiteral("2.00"));
    typeIntoFocus(codes.at(1), ScannerGapMs);
    const bool refused = QTest::qWaitFor([this] { return window().scanScreen()->step() == ScanScreen::Step::Refused; },
                                         OutcomeTimeoutMs);
    QTest::mouseClick(child<QPushButton>("scanAgainButton"), Qt::LeftButton);
    typeIntoFocus(codes.at(2), ScannerGapMs);
    const bool confirmed
        = QTest::qWaitFor([this] { return window().currentScreen() == window().outcomeScreen(); }, ConfirmTimeoutMs);
    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(paid && refused && confirmed);

    const QMutexLocker lock(&g_logMutex);
    QVERIFY2(g_logLines.size() > 3, "the scan sales logged nothing: the check would prove nothing");
    const QString logPath = m_counter->demo().orderLogPath();
    QByteArray stored;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        QFile file(logPath + suffix);
        if (file.open(QIODevice::ReadOnly))
            stored += file.readAll();
    }
    QVERIFY(stored.size() > 4096);
    QVERIFY(stored.contains("0001")); // the last four digits are kept, as designed
    for (const QString &code : codes) {
        const QString withoutLastFour = code.left(code.size() - 4);
        for (const QString &line : std::as_const(g_logLines))
            QVERIFY2(!line.contains(withoutLastFour), "a log line holds a payment code's digits");
        QVERIFY2(!stored.contains(withoutLastFour.toLatin1()), "the order log holds a payment code (UTF-8)");
        const QByteArray utf16(reinterpret_cast<const char *>(withoutLastFour.utf16()), withoutLastFour.size() * 2);
        QVERIFY2(!stored.contains(utf16), "the order log holds a payment code (UTF-16)");
    }
}

void TestScanGui::demoButtonsScanThroughTheScanner()
{
    amountEdit()->setText(QStringLiteral("12.34"));
    QTest::mouseClick(child<QToolButton>("channel_ALIPAY_QR"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("simulateScanPaid"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(orders().size(), 1);
    QCOMPARE(orders().first().channel, Channel::AlipayMicropay);
    QCOMPARE(orders().first().amount.minor, 1234);

    window().newSale();
    amountEdit()->setText(QStringLiteral("8.00"));
    QTest::mouseClick(child<QPushButton>("simulateScanInsufficientFunds"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window().scanScreen()->step(), ScanScreen::Step::Refused, OutcomeTimeoutMs);
    QCOMPARE(child<QLabel>("scanDetail")->text(), messageFor(ErrorCode::InsufficientFunds));
    QCOMPARE(orders().size(), 2);
}

void TestScanGui::customerDisplayAsksForTheCode()
{
    CustomerDisplay *display = window().customerDisplay();
    QCOMPARE(display->message(), QStringLiteral("Welcome"));
    QTest::keyClicks(amountEdit(), QStringLiteral("18.40"));
    QCOMPARE(display->message(), QStringLiteral("Show your payment code to the cashier"));
    amountEdit()->clear();
    QCOMPARE(display->message(), QStringLiteral("Welcome")); // no amount, nothing to pay yet
    amountEdit()->setText(QStringLiteral("0"));
    QCOMPARE(display->message(), QStringLiteral("Welcome"));
    amountEdit()->setText(QStringLiteral("18.40"));
    // The QR flow replaces the prompt with its own.
    QTest::keyClick(amountEdit(), Qt::Key_Return);
    QTRY_COMPARE(window().currentScreen(), window().paymentScreen());
    QCOMPARE(display->message(), QStringLiteral("Scan with WeChat Pay to pay"));
}

void TestScanGui::refusalScreenTakesTheNextScan()
{
    amountEdit()->setText(QStringLiteral("11.00"));
    typeIntoFocus(testCode("WX_MICROPAY", sim::MicropayScenario::CodeRejected, 19), ScannerGapMs);
    QTRY_COMPARE_WITH_TIMEOUT(window().scanScreen()->step(), ScanScreen::Step::Refused, OutcomeTimeoutMs);
    // The customer refreshed the code: scanning it at once is "scan again", for the same amount.
    typeIntoFocus(testCode("WX_MICROPAY", sim::MicropayScenario::PaidAtOnce, 20), ScannerGapMs);
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    const QList<Order> all = orders();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).state == OrderState::Paid ? all.at(0).amount.minor : all.at(1).amount.minor, 1100);
    QVERIFY((all.at(0).state == OrderState::Failed) != (all.at(1).state == OrderState::Failed));
}

QTEST_MAIN(TestScanGui)
#include "test_scan_gui.moc"

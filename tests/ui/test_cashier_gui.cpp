// The cashier window driven through its real widgets, offscreen, against the demo simulator and
// relay on loopback (the same assembly as `paydesk --demo`): type an amount, pick a channel, see
// the QR, the customer pays, Paid; cancel; expiry; gateway errors in plain words; invalid amounts;
// keyboard only; a hammered Enter; the language switched while running; the customer display.

#include "DemoCounter.h"

#include "demo/DemoEnvironment.h"
#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "payment/Sale.h"
#include "ui/CustomerDisplay.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeScreen.h"
#include "ui/PaymentScreen.h"
#include "ui/QrWidget.h"
#include "ui/SaleScreen.h"

#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <functional>
#include <limits>
#include <memory>

using namespace paydesk;

namespace {

constexpr int QrTimeoutMs = 5'000;
constexpr int OutcomeTimeoutMs = 6'000;

QString qrPrefix(const QString &channelId)
{
    if (channelId == u"WX_NATIVE")
        return QStringLiteral("weixin://");
    if (channelId == u"ALIPAY_QR")
        return QStringLiteral("https://qr.alipay.com/");
    return QStringLiteral("https://qr.95516.com/");
}

} // namespace

class TestCashierGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void paysWithEachChannel_data();
    void paysWithEachChannel();
    void functionKeysPickTheChannel();
    void keypadEntersTheAmount();
    void cancelAsksThenCancels();
    void keepWaitingKeepsTheSale();
    void expiryShowsExpired();
    void gatewayErrorShowsPlainMessage();
    void invalidAmountsCreateNoOrder_data();
    void invalidAmountsCreateNoOrder();
    void keyboardOnlySale();
    void tenEntersMakeOneOrder();
    void paidReturnsToNewSaleByItself();
    void settingsAreLockedDuringASale();
    void languageSwitchesWhileRunning();
    void customerDisplayFollowsTheSale();

private:
    bool startCounter(const DemoCounterOptions &options);
    MainWindow &window() { return m_counter->window(); }
    template<typename T> T *child(const char *name) { return window().findChild<T *>(QString::fromLatin1(name)); }
    QLineEdit *amountEdit() { return child<QLineEdit>("amountEdit"); }
    QString headline() { return child<QLabel>("outcomeHeadline")->text(); }
    qsizetype orderCount();
    bool chargeAndWaitForQr(const QString &amount, const char *channelButton);
    void whenModal(const std::function<void(QWidget *)> &answer);
    void pressOnFocus(Qt::Key key);
    bool selectLanguage(const QString &code);
    bool reactivateMainWindow();

    std::unique_ptr<DemoCounter> m_counter;
    bool m_modalAnswered = false;
};

bool TestCashierGui::startCounter(const DemoCounterOptions &options)
{
    m_counter.reset();
    auto counter = DemoCounter::start(options);
    if (!counter) {
        qWarning("demo counter: %s", qPrintable(describe(counter.error())));
        return false;
    }
    m_counter = std::move(*counter);
    window().show();
    window().activateWindow();
    return QTest::qWaitForWindowActive(&window());
}

void TestCashierGui::init()
{
    m_modalAnswered = false;
    QVERIFY(startCounter({}));
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QTRY_COMPARE(QApplication::focusWidget(), amountEdit());
}

void TestCashierGui::cleanup()
{
    m_counter.reset();
}

qsizetype TestCashierGui::orderCount()
{
    auto orders = m_counter->orderLog().ordersBetween(0, std::numeric_limits<qint64>::max());
    return orders ? orders->size() : -1;
}

bool TestCashierGui::chargeAndWaitForQr(const QString &amount, const char *channelButton)
{
    QTest::keyClicks(amountEdit(), amount);
    QTest::mouseClick(child<QToolButton>(channelButton), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("chargeButton"), Qt::LeftButton);
    return QTest::qWaitFor(
        [this] {
            return !child<QrWidget>("qrWidget")->payload().isEmpty() && child<QrWidget>("qrWidget")->isVisible();
        },
        QrTimeoutMs);
}

// Answers the next modal dialog (QMessageBox::exec runs its own event loop).
void TestCashierGui::whenModal(const std::function<void(QWidget *)> &answer)
{
    // Pending timers hold the poller; it goes away with the last one (no self-owning cycle).
    auto poll = std::make_shared<std::function<void(int)>>();
    *poll = [this, answer, weak = std::weak_ptr(poll)](int triesLeft) {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            m_modalAnswered = true;
            answer(modal);
            // Never hang the suite on a dialog the answer left open; the test then fails on state.
            QTimer::singleShot(3'000, this, [dialog = QPointer<QDialog>(qobject_cast<QDialog *>(modal))] {
                if (dialog && dialog->isVisible()) {
                    qWarning("a modal dialog was left open; rejecting it");
                    dialog->reject();
                }
            });
            return;
        }
        if (auto self = weak.lock(); self && triesLeft > 0)
            QTimer::singleShot(20, this, [self, triesLeft] { (*self)(triesLeft - 1); });
    };
    QTimer::singleShot(0, this, [poll] { (*poll)(100); });
}

void TestCashierGui::pressOnFocus(Qt::Key key)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClick(focus, key);
}

// What a window manager does when a dialog on top closes; the offscreen platform has none.
bool TestCashierGui::reactivateMainWindow()
{
    window().activateWindow();
    return QTest::qWaitForWindowActive(&window());
}

bool TestCashierGui::selectLanguage(const QString &code)
{
    // As a cashier would: focus the combo box and arrow through it.
    auto *combo = child<QComboBox>("languageCombo");
    combo->setFocus();
    for (int i = 0; i < combo->count() && combo->currentData().toString() != code; ++i)
        QTest::keyClick(combo, combo->findData(code) > combo->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
    QCoreApplication::processEvents(); // widgets retranslate on the posted LanguageChange
    return m_counter->language().language() == code;
}

void TestCashierGui::paysWithEachChannel_data()
{
    QTest::addColumn<QString>("channel");
    QTest::newRow("WeChat Pay") << QStringLiteral("WX_NATIVE");
    QTest::newRow("Alipay") << QStringLiteral("ALIPAY_QR");
    QTest::newRow("UnionPay") << QStringLiteral("UPI_QR");
}

void TestCashierGui::paysWithEachChannel()
{
    QFETCH(QString, channel);
    const QByteArray button = "channel_" + channel.toLatin1();
    QVERIFY(chargeAndWaitForQr(QStringLiteral("28.65"), button.constData()));

    QCOMPARE(window().currentScreen(), window().paymentScreen());
    const QString payload = child<QrWidget>("qrWidget")->payload();
    QVERIFY2(payload.startsWith(qrPrefix(channel)), qPrintable(payload));
    Sale *sale = m_counter->checkout().current();
    QVERIFY(sale);
    QCOMPARE(sale->order().amount.minor, 2865);
    QCOMPARE(channelId(sale->order().channel), channel);
    QCOMPARE(payload, sale->qrPayload());
    QVERIFY(child<QLabel>("paymentAmount")->text().contains(u"28.65"));
    QVERIFY(child<QLabel>("paymentState")->text().startsWith(u"Scan with "));
    QVERIFY(child<QLabel>("paymentCountdown")->text().endsWith(u" left"));

    QTest::mouseClick(child<QPushButton>("simulatePaymentButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(headline(), QStringLiteral("✔ Paid"));
    QVERIFY(child<QLabel>("outcomeAmount")->text().contains(u"28.65"));
    // Unmistakable: the white text sits on the green Paid background, not on the default grey.
    const QImage outcome = window().outcomeScreen()->grab().toImage();
    QCOMPARE(outcome.pixelColor(4, 4), QColor(0x1B, 0x5E, 0x20));
    auto stored = m_counter->orderLog().orderById(sale->order().id);
    QVERIFY(stored);
    QCOMPARE(stored->state, OrderState::Paid);

    pressOnFocus(Qt::Key_Return);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QVERIFY(amountEdit()->text().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget(), amountEdit());
}

void TestCashierGui::functionKeysPickTheChannel()
{
    auto *saleScreen = window().saleScreen();
    QTest::keyClick(amountEdit(), Qt::Key_F2);
    QCOMPARE(saleScreen->selectedChannel(), Channel::AlipayQr);
    QVERIFY(child<QToolButton>("channel_ALIPAY_QR")->isChecked());
    QTest::keyClick(amountEdit(), Qt::Key_F3);
    QCOMPARE(saleScreen->selectedChannel(), Channel::UpiQr);
    QTest::keyClick(amountEdit(), Qt::Key_F1);
    QCOMPARE(saleScreen->selectedChannel(), Channel::WxNative);
    QVERIFY(child<QToolButton>("channel_WX_NATIVE")->isChecked());
    QVERIFY(!child<QToolButton>("channel_ALIPAY_QR")->isChecked());
    QCOMPARE(QApplication::focusWidget(), amountEdit());
    // A click, then a key again: the last choice wins.
    QTest::mouseClick(child<QToolButton>("channel_UPI_QR"), Qt::LeftButton);
    QCOMPARE(saleScreen->selectedChannel(), Channel::UpiQr);
    QTest::keyClick(amountEdit(), Qt::Key_F2);
    QCOMPARE(saleScreen->selectedChannel(), Channel::AlipayQr);
}

void TestCashierGui::keypadEntersTheAmount()
{
    for (const char *key :
         {"keypad_1", "keypad_2", "keypad_decimal", "keypad_5", "keypad_9", "keypad_backspace", "keypad_0"})
        QTest::mouseClick(child<QPushButton>(key), Qt::LeftButton);
    QCOMPARE(amountEdit()->text(), QStringLiteral("12.50"));
    QTest::mouseClick(child<QPushButton>("keypad_clear"), Qt::LeftButton);
    QVERIFY(amountEdit()->text().isEmpty());
    QTest::mouseClick(child<QPushButton>("keypad_7"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("keypad_00"), Qt::LeftButton);
    QCOMPARE(amountEdit()->text(), QStringLiteral("700"));
    QCOMPARE(QApplication::focusWidget(), amountEdit());
    QTest::mouseClick(child<QPushButton>("chargeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QrWidget>("qrWidget")->payload().isEmpty(), QrTimeoutMs);
    QCOMPARE(m_counter->checkout().current()->order().amount.minor, 70000);
}

void TestCashierGui::cancelAsksThenCancels()
{
    QVERIFY(chargeAndWaitForQr(QStringLiteral("5"), "channel_ALIPAY_QR"));
    QString boxName;
    whenModal([&boxName](QWidget *modal) {
        boxName = modal->objectName();
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        QCOMPARE(box->button(QMessageBox::Yes)->text(), QStringLiteral("Cancel the sale"));
        box->button(QMessageBox::Yes)->click();
    });
    pressOnFocus(Qt::Key_Escape);
    QVERIFY(m_modalAnswered);
    QCOMPARE(boxName, QStringLiteral("cancelConfirmation"));
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(headline(), QStringLiteral("Cancelled"));
    QCOMPARE(child<QLabel>("outcomeDetail")->text(), QStringLiteral("The sale was cancelled. Nothing was charged."));
    QCOMPARE(m_counter->checkout().current()->state(), OrderState::Cancelled);
}

void TestCashierGui::keepWaitingKeepsTheSale()
{
    QVERIFY(chargeAndWaitForQr(QStringLiteral("5"), "channel_WX_NATIVE"));
    whenModal([](QWidget *modal) {
        // The safe answer is the default: Enter keeps the sale.
        QTest::keyClick(modal, Qt::Key_Return);
    });
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QVERIFY(m_modalAnswered);
    QTest::qWait(300);
    QCOMPARE(window().currentScreen(), window().paymentScreen());
    QCOMPARE(m_counter->checkout().current()->state(), OrderState::Awaiting);
    QVERIFY(!m_counter->checkout().current()->isClosing());
}

void TestCashierGui::expiryShowsExpired()
{
    DemoCounterOptions options;
    options.validityMs = 1'500;
    QVERIFY(startCounter(options));
    QVERIFY(chargeAndWaitForQr(QStringLiteral("9.99"), "channel_UPI_QR"));
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(headline(), QStringLiteral("Expired"));
    QCOMPARE(child<QLabel>("outcomeDetail")->text(),
             QStringLiteral("The customer did not pay in time. Nothing was charged."));
    QCOMPARE(m_counter->checkout().current()->state(), OrderState::Expired);
}

void TestCashierGui::gatewayErrorShowsPlainMessage()
{
    m_counter->setWrongMerchantKey(true);
    QTest::keyClicks(amountEdit(), QStringLiteral("12"));
    QTest::keyClick(amountEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(headline(), QStringLiteral("Not charged"));
    QCOMPARE(child<QLabel>("outcomeDetail")->text(),
             QStringLiteral("Signature error — check the merchant key in Settings."));
    QCOMPARE(m_counter->checkout().current()->state(), OrderState::Failed);

    // Fixed key, next sale goes through.
    m_counter->setWrongMerchantKey(false);
    pressOnFocus(Qt::Key_Return);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QVERIFY(chargeAndWaitForQr(QStringLiteral("12"), "channel_WX_NATIVE"));
}

void TestCashierGui::invalidAmountsCreateNoOrder_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("Enter an amount.");
    QTest::newRow("letters") << QStringLiteral("abc") << QString() << QStringLiteral("Enter an amount.");
    QTest::newRow("zero") << QStringLiteral("0.00") << QStringLiteral("0.00")
                          << QStringLiteral("The amount must be more than zero.");
    QTest::newRow("three decimals") << QStringLiteral("12.345") << QStringLiteral("12.345")
                                    << QStringLiteral("Use at most two decimals.");
    QTest::newRow("two points") << QStringLiteral("1.2.3") << QStringLiteral("1.2.3")
                                << QStringLiteral(
                                       "That is not an amount. Use digits and at most one decimal separator.");
    QTest::newRow("bad grouping") << QStringLiteral("1,23") << QStringLiteral("1,23")
                                  << QStringLiteral(
                                         "That is not an amount. Use digits and at most one decimal separator.");
    QTest::newRow("too large") << QStringLiteral("100000.01") << QStringLiteral("100000.01")
                               << QStringLiteral("The amount is above the maximum allowed for one sale.");
}

void TestCashierGui::invalidAmountsCreateNoOrder()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    QFETCH(QString, message);
    QTest::keyClicks(amountEdit(), typed);
    QCOMPARE(amountEdit()->text(), shown);
    QTest::keyClick(amountEdit(), Qt::Key_Return);
    QCOMPARE(child<QLabel>("saleError")->text(), message);
    QTest::mouseClick(child<QPushButton>("chargeButton"), Qt::LeftButton);
    QCOMPARE(child<QLabel>("saleError")->text(), message);
    QTest::qWait(100);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QVERIFY(child<QPushButton>("chargeButton")->isEnabled());
    QCOMPARE(m_counter->checkout().current(), nullptr);
    QCOMPARE(orderCount(), 0);
    QVERIFY(m_counter->demo().simulator().orders().isEmpty());
    // Typing again clears the message.
    QTest::keyClick(amountEdit(), Qt::Key_1);
    QVERIFY(child<QLabel>("saleError")->text().isEmpty());
}

void TestCashierGui::keyboardOnlySale()
{
    // Every key goes where the keyboard focus is; no mouse event at all.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("42.10"));
    pressOnFocus(Qt::Key_F2);
    pressOnFocus(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(child<QrWidget>("qrWidget")->payload().startsWith(u"https://qr.alipay.com/"), QrTimeoutMs);
    Sale *sale = m_counter->checkout().current();
    QCOMPARE(sale->order().amount.minor, 4210);
    QCOMPARE(sale->order().channel, Channel::AlipayQr);

    // The customer pays on the phone; the cashier only watches.
    QVERIFY(m_counter->demo().simulator().pay(sale->order().mchOrderNo));
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().outcomeScreen(), OutcomeTimeoutMs);
    QCOMPARE(headline(), QStringLiteral("✔ Paid"));
    pressOnFocus(Qt::Key_Return);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QTRY_COMPARE(QApplication::focusWidget(), amountEdit());

    // Next sale, cancelled from the keyboard: Esc, then move to "Cancel the sale" and press it.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3"));
    pressOnFocus(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QrWidget>("qrWidget")->payload().isEmpty(), QrTimeoutMs);
    bool reachedYes = false;
    whenModal([&reachedYes](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        // Keys go to the dialog's focus widget, as they do once a window manager activates it.
        QAbstractButton *yes = box->button(QMessageBox::Yes);
        for (int i = 0; i < 4 && box->focusWidget() != yes; ++i)
            QTest::keyClick(box->focusWidget(), Qt::Key_Tab);
        reachedYes = box->focusWidget() == yes;
        QTest::keyClick(box->focusWidget(), Qt::Key_Space);
    });
    pressOnFocus(Qt::Key_Escape);
    QVERIFY(m_modalAnswered);
    QVERIFY(reachedYes);
    QVERIFY(reactivateMainWindow());
    QTRY_COMPARE_WITH_TIMEOUT(headline(), QStringLiteral("Cancelled"), OutcomeTimeoutMs);
    pressOnFocus(Qt::Key_Escape);
    QCOMPARE(window().currentScreen(), window().saleScreen());
    QCOMPARE(orderCount(), 2);
}

void TestCashierGui::tenEntersMakeOneOrder()
{
    QTest::keyClicks(amountEdit(), QStringLiteral("15.00"));
    // All ten presses are queued before the first is handled, as with a bouncing key.
    for (int i = 0; i < 10; ++i) {
        QApplication::postEvent(amountEdit(), new QKeyEvent(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier));
        QApplication::postEvent(amountEdit(), new QKeyEvent(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier));
    }
    QCoreApplication::processEvents();
    for (int i = 0; i < 10; ++i)
        pressOnFocus(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QrWidget>("qrWidget")->payload().isEmpty(), QrTimeoutMs);
    QTest::qWait(200);
    QCOMPARE(orderCount(), 1);
    QCOMPARE(m_counter->demo().simulator().orders().size(), 1);
    QCOMPARE(window().currentScreen(), window().paymentScreen());
}

void TestCashierGui::paidReturnsToNewSaleByItself()
{
    QVERIFY(chargeAndWaitForQr(QStringLiteral("1"), "channel_WX_NATIVE"));
    QTest::mouseClick(child<QPushButton>("simulatePaymentButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(headline(), QStringLiteral("✔ Paid"), OutcomeTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), window().saleScreen(),
                              (OutcomeScreen::AutoReturnSeconds + 2) * 1000);
    QVERIFY(amountEdit()->text().isEmpty());
}

void TestCashierGui::settingsAreLockedDuringASale()
{
    QVERIFY(chargeAndWaitForQr(QStringLiteral("2"), "channel_WX_NATIVE"));
    QTest::keyClick(&window(), Qt::Key_F10);
    QTest::qWait(100);
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    QCOMPARE(window().currentScreen(), window().paymentScreen());
}

void TestCashierGui::languageSwitchesWhileRunning()
{
    auto *charge = child<QPushButton>("chargeButton");
    QCOMPARE(charge->text(), QStringLiteral("Charge  (Enter)"));

    QVERIFY(selectLanguage(QStringLiteral("fr_CA")));
    QCOMPARE(charge->text(), QStringLiteral("Encaisser  (Entrée)"));
    QCOMPARE(charge->accessibleName(), QStringLiteral("Encaisser"));
    QCOMPARE(child<QLabel>("saleTitle")->text(), QStringLiteral("Nouvelle vente"));
    QCOMPARE(child<QPushButton>("settingsButton")->text(), QStringLiteral("Paramètres (F10)"));
    QCOMPARE(child<QLabel>("demoBanner")->text(), QStringLiteral("DÉMO — passerelle simulée, aucun argent réel"));
    // Error texts follow too, and the keypad's decimal key is the French one, which parses.
    amountEdit()->setFocus();
    QTest::keyClick(amountEdit(), Qt::Key_Return);
    QCOMPARE(child<QLabel>("saleError")->text(), QStringLiteral("Entrez un montant."));
    QCOMPARE(child<QPushButton>("keypad_decimal")->text(), QStringLiteral(","));
    for (const char *key : {"keypad_1", "keypad_2", "keypad_decimal", "keypad_5", "keypad_0"})
        QTest::mouseClick(child<QPushButton>(key), Qt::LeftButton);
    QCOMPARE(amountEdit()->text(), QStringLiteral("12,50"));
    QTest::mouseClick(child<QToolButton>("channel_ALIPAY_QR"), Qt::LeftButton);
    QTest::mouseClick(charge, Qt::LeftButton);
    QCOMPARE(child<QLabel>("saleError")->text(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!child<QrWidget>("qrWidget")->payload().isEmpty(), QrTimeoutMs);
    QCOMPARE(m_counter->checkout().current()->order().amount.minor, 1250);
    QTRY_COMPARE(child<QLabel>("paymentState")->text(), QStringLiteral("Balayez avec Alipay pour payer"));
    QCOMPARE(child<QPushButton>("cancelButton")->text(), QStringLiteral("Annuler la vente  (Échap)"));

    // Switched again in the middle of the sale: the QR screen follows at once.
    QVERIFY(selectLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(child<QLabel>("paymentState")->text(), QStringLiteral("请使用支付宝扫码付款"));
    QCOMPARE(child<QLabel>("paymentChannel")->text(), QStringLiteral("支付宝"));
    QTest::mouseClick(child<QPushButton>("simulatePaymentButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(headline(), QStringLiteral("✔ 已收款"), OutcomeTimeoutMs);
    QTest::mouseClick(child<QPushButton>("newSaleButton"), Qt::LeftButton);
    QCOMPARE(charge->text(), QStringLiteral("收款（Enter）"));
    QCOMPARE(child<QToolButton>("channel_WX_NATIVE")->accessibleName(), QStringLiteral("微信支付"));
    QCOMPARE(child<QToolButton>("channel_UPI_QR")->accessibleName(), QStringLiteral("银联"));

    QVERIFY(selectLanguage(QStringLiteral("en")));
    QCOMPARE(charge->text(), QStringLiteral("Charge  (Enter)"));
    QCOMPARE(child<QPushButton>("keypad_decimal")->text(), QStringLiteral("."));
}

void TestCashierGui::customerDisplayFollowsTheSale()
{
    window().setCustomerDisplayVisible(true);
    CustomerDisplay *display = window().customerDisplay();
    QVERIFY(QTest::qWaitForWindowExposed(display));
    QVERIFY(child<QPushButton>("customerDisplayButton")->isChecked());
    // The display asks the window manager not to take the keyboard from the cashier (the
    // screenshot tour checks that on X11; the offscreen platform activates every new window).
    QVERIFY(display->testAttribute(Qt::WA_ShowWithoutActivating));
    QVERIFY(display->windowFlags().testFlag(Qt::WindowDoesNotAcceptFocus));
    QVERIFY(reactivateMainWindow());
    auto *message = display->findChild<QLabel *>(QStringLiteral("customerMessage"));
    auto *amount = display->findChild<QLabel *>(QStringLiteral("customerAmount"));
    QCOMPARE(message->text(), QStringLiteral("Welcome"));

    QVERIFY(chargeAndWaitForQr(QStringLiteral("28.65"), "channel_UPI_QR"));
    const QString payload = m_counter->checkout().current()->qrPayload();
    QTRY_COMPARE(display->qrWidget()->payload(), payload);
    QVERIFY(display->qrWidget()->isVisible());
    QVERIFY(amount->text().contains(u"28.65"));
    QCOMPARE(message->text(), QStringLiteral("Scan with UnionPay to pay"));
    QVERIFY(display->qrWidget()->modulePixels() >= 4);

    QTest::mouseClick(child<QPushButton>("simulatePaymentButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Paid — thank you!"), OutcomeTimeoutMs);
    QVERIFY(!display->qrWidget()->isVisible());
    QVERIFY(amount->text().contains(u"28.65"));

    pressOnFocus(Qt::Key_Return);
    QCOMPARE(message->text(), QStringLiteral("Welcome"));
    QTest::mouseClick(child<QPushButton>("customerDisplayButton"), Qt::LeftButton);
    QVERIFY(!display->isVisible());
}

QTEST_MAIN(TestCashierGui)
#include "test_cashier_gui.moc"

#pragma once

#include "SettingsDialog.h"

#include "common/Clock.h"
#include "money/Channel.h"
#include "money/Money.h"
#include "orders/OrderLog.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;

namespace paydesk {

class CashierSession;
class Checkout;
class CustomerDisplay;
class DemoEnvironment;
class LanguageSwitcher;
class ManagerWindow;
struct ManagerServices;
class OrderLog;
class OutcomeScreen;
class PaymentScreen;
class PrinterTransport;
class ReceiptActions;
class Reconciler;
class RefundService;
class StaffService;
class Sale;
class SaleScreen;
class ScanDemoPanel;
class ScannerInput;
class ScanSale;
class ScanScreen;
class SecretStore;
class Settings;
class SignInScreen;
struct StaffAccount;

// What the window needs, built in main() and passed down.
struct CounterServices
{
    Checkout *checkout = nullptr;
    OrderLog *orderLog = nullptr;
    Settings *settings = nullptr;
    SecretStore *secrets = nullptr;
    QNetworkAccessManager *network = nullptr;
    const Clock *clock = nullptr;
    LanguageSwitcher *language = nullptr;
    DemoEnvironment *demo = nullptr; // null outside demo mode
    RefundService *refunds = nullptr; // null: the manager view cannot refund
    Reconciler *reconciler = nullptr; // null: no "Check open orders"
    PrinterTransport *receiptPrinter = nullptr; // null: the ESC/POS printer of the settings
    TestGatewayFactory testGateway; // the settings screen's "Test connection"; empty: none
    StaffService *staff = nullptr; // null: manager functions without a sign-in (no PIN)
};

// Assembles the screens — new sale, QR, scan to pay, outcome — and moves between them. The logic lives in
// core (Checkout, Sale); this class only wires it to the widgets. It follows the settings while
// running (language, sale currency); main()'s assembly applies the gateway, relay and sale keys.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const CounterServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    SaleScreen *saleScreen() const { return m_saleScreen; }
    PaymentScreen *paymentScreen() const { return m_paymentScreen; }
    OutcomeScreen *outcomeScreen() const { return m_outcomeScreen; }
    ScanScreen *scanScreen() const { return m_scanScreen; }
    CustomerDisplay *customerDisplay() const { return m_customerDisplay; }
    SignInScreen *signInScreen() const { return m_signInScreen; } // null without staff accounts
    CashierSession *cashierSession() const { return m_session.get(); }
    ManagerWindow *managerWindow() const; // the open manager view, if any
    ReceiptActions *receiptActions() const { return m_receipts; }
    QWidget *currentScreen() const;

    void setCustomerDisplayVisible(bool visible);

    // Shows the counter as the kiosk setting (ui/kiosk) or --fullscreen asks: the whole screen
    // without a window frame, or else a normal window that fits the screen's available area.
    // Follows ui/kiosk while running. A second screen gets the customer display, full screen.
    void showCounter();
    void setFullScreenRequested(bool fullScreen); // --fullscreen: kiosk for this run
    bool kioskMode() const;
    // The application font grows with a tall screen (1 at 768 px and less, up to 1.5 at 1152 px
    // and more), so a 1920x1080 counter is not small print on a big panel. main() applies it to
    // the application font before the window is built.
    static qreal fontScaleFor(const QSize &screen);

public Q_SLOTS:
    void newSale();
    void openSettings();
    void openManager();
    void confirmCancel();
    // F8: another cashier signs in (never while a customer may be paying). With no staff
    // accounts yet, says how to add them.
    void switchCashier();

Q_SIGNALS:
    // Saved in the settings screen; the assembly in main() rebuilds what signs with it.
    void merchantKeyChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void charge(const Money &amount, Channel channel);
    void onSaleFinished(Sale *sale);
    void showClosedSale(const Order &order, const Error &lastError);
    // Scan to pay (MainWindowScan.cpp).
    void setUpScanToPay();
    void onScanned(const QString &digits);
    void startScan(const QString &digits, bool scanned);
    void onScanStateChanged(ScanSale *sale);
    void scanAgain();
    void updateScanPrompt();
    void watchClosedOrder();
    void printReceipt(const Order &order);
    ManagerServices managerServices() const;
    void retranslate();
    void applySetting(const QString &key);
    QWidget *buildTopBar();
    void fitToScreen();
    bool placeCustomerDisplay();
    void updateDisplayButton();
    void followScreens();

    // MainWindowCashier.cpp: who is selling.
    void buildCashierControls(QWidget *bar, QLayout *row);
    bool needsSignIn() const;
    void showSignIn();
    void onSignedIn(const StaffAccount &account);
    void signOut();
    void updateCashier();
    void explainStaffAccounts();
    void retranslateCashier();

    CounterServices m_services;
    QStackedWidget *m_stack = nullptr;
    SaleScreen *m_saleScreen = nullptr;
    PaymentScreen *m_paymentScreen = nullptr;
    OutcomeScreen *m_outcomeScreen = nullptr;
    ScanScreen *m_scanScreen = nullptr;
    ScannerInput *m_scanner = nullptr;
    ScanDemoPanel *m_scanDemo = nullptr; // demo mode only
    CustomerDisplay *m_customerDisplay = nullptr;
    std::unique_ptr<CashierSession> m_session; // null without a StaffService
    SignInScreen *m_signInScreen = nullptr;
    QPushButton *m_switchButton = nullptr;
    QLabel *m_demoBanner = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QPushButton *m_settingsButton = nullptr;
    QPushButton *m_managerButton = nullptr;
    ReceiptActions *m_receipts = nullptr;
    QPointer<ManagerWindow> m_managerWindow;
    QPushButton *m_displayButton = nullptr;
    QTimer m_closedOrderWatch; // a cancelled/expired sale can still turn PAID (late)
    qint64 m_closedOrderId = 0;
    bool m_fullScreenRequested = false;
};

} // namespace paydesk

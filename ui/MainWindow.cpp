#include "MainWindow.h"

#include "CustomerDisplay.h"
#include "ErrorText.h"
#include "Language.h"
#include "OutcomeScreen.h"
#include "PaymentScreen.h"
#include "SaleScreen.h"
#include "ScanScreen.h"
#include "SettingsDialog.h"
#include "SignInScreen.h"
#include "manager/ManagerText.h"
#include "manager/ManagerWindow.h"
#include "manager/ReceiptActions.h"

#include "config/Settings.h"
#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "staff/CashierSession.h"
#include "staff/StaffService.h"

#include <QComboBox>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace paydesk {

MainWindow::MainWindow(const CounterServices &services, QWidget *parent) : QMainWindow(parent), m_services(services)
{
    setObjectName(QStringLiteral("mainWindow"));
    if (services.staff)
        m_session = std::make_unique<CashierSession>(*services.staff);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->addWidget(buildTopBar());

    m_stack = new QStackedWidget(central);
    m_saleScreen = new SaleScreen(services.settings->saleCurrency(), services.settings->maxAmountMinor(), m_stack);
    m_paymentScreen = new PaymentScreen(services.demo != nullptr, m_stack);
    m_outcomeScreen = new OutcomeScreen(m_stack);
    m_scanScreen = new ScanScreen(m_stack);
    m_stack->addWidget(m_saleScreen);
    m_stack->addWidget(m_paymentScreen);
    m_stack->addWidget(m_outcomeScreen);
    m_stack->addWidget(m_scanScreen);
    if (m_session) {
        m_signInScreen = new SignInScreen(*m_session, m_stack);
        m_stack->addWidget(m_signInScreen);
        connect(m_signInScreen, &SignInScreen::signedIn, this, &MainWindow::onSignedIn);
        connect(m_signInScreen, &SignInScreen::backRequested, this, &MainWindow::newSale);
        connect(m_signInScreen, &SignInScreen::signOutRequested, this, &MainWindow::signOut);
    }
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_customerDisplay = new CustomerDisplay(this);
    m_receipts = new ReceiptActions(*services.settings, services.receiptPrinter, this);

    connect(m_saleScreen, &SaleScreen::chargeRequested, this, &MainWindow::charge);
    connect(m_paymentScreen, &PaymentScreen::cancelRequested, this, &MainWindow::confirmCancel);
    connect(m_paymentScreen, &PaymentScreen::simulatePaymentRequested, this, [this](const QString &mchOrderNo) {
        if (m_services.demo)
            (void)m_services.demo->simulator().pay(mchOrderNo);
    });
    connect(m_outcomeScreen, &OutcomeScreen::newSaleRequested, this, &MainWindow::newSale);
    connect(m_outcomeScreen, &OutcomeScreen::receiptRequested, this, &MainWindow::printReceipt);
    connect(m_receipts, &ReceiptActions::thermalFinished, this,
            [this](bool, const QString &message) { m_outcomeScreen->setReceiptStatus(message); });

    auto *settingsShortcut = new QShortcut(QKeySequence(Qt::Key_F10), this);
    connect(settingsShortcut, &QShortcut::activated, this, &MainWindow::openSettings);
    auto *managerShortcut = new QShortcut(QKeySequence(Qt::Key_F9), this);
    connect(managerShortcut, &QShortcut::activated, this, &MainWindow::openManager);
    auto *switchShortcut = new QShortcut(QKeySequence(Qt::Key_F8), this);
    connect(switchShortcut, &QShortcut::activated, this, &MainWindow::switchCashier);

    connect(services.settings, &Settings::changed, this, &MainWindow::applySetting);
    setUpScanToPay();

    m_closedOrderWatch.setInterval(500);
    connect(&m_closedOrderWatch, &QTimer::timeout, this, &MainWindow::watchClosedOrder);

    // A customer-facing panel plugged in or out while the counter runs.
    connect(qApp, &QGuiApplication::screenAdded, this, [this] { followScreens(); });
    connect(qApp, &QGuiApplication::screenRemoved, this, [this] { followScreens(); });

    fitToScreen();
    retranslate();
    newSale();
}

MainWindow::~MainWindow()
{
    // The manager view goes with this window: nothing left here to follow its closing.
    if (m_managerWindow)
        disconnect(m_managerWindow, nullptr, this, nullptr);
}

QWidget *MainWindow::buildTopBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_demoBanner = new QLabel(bar);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setStyleSheet(
        QStringLiteral("background: #FFC107; color: black; font-weight: bold; padding: 6px 14px; border-radius: 4px;"));
    m_demoBanner->setVisible(m_services.demo != nullptr);
    row->addWidget(m_demoBanner);
    row->addStretch(1);
    buildCashierControls(bar, row);
    m_languageCombo = new QComboBox(bar);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->setFocusPolicy(Qt::TabFocus);
    for (const QString &code : LanguageSwitcher::available())
        m_languageCombo->addItem(LanguageSwitcher::nativeName(code), code);
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(m_services.language->language())));
    connect(m_languageCombo, &QComboBox::activated, this,
            [this](int index) { m_services.language->setLanguage(m_languageCombo->itemData(index).toString()); });
    row->addWidget(m_languageCombo);
    m_displayButton = new QPushButton(bar);
    m_displayButton->setObjectName(QStringLiteral("customerDisplayButton"));
    m_displayButton->setCheckable(true);
    m_displayButton->setFocusPolicy(Qt::TabFocus);
    connect(m_displayButton, &QPushButton::toggled, this, &MainWindow::setCustomerDisplayVisible);
    row->addWidget(m_displayButton);
    m_managerButton = new QPushButton(bar);
    m_managerButton->setObjectName(QStringLiteral("managerButton"));
    m_managerButton->setFocusPolicy(Qt::TabFocus);
    connect(m_managerButton, &QPushButton::clicked, this, &MainWindow::openManager);
    row->addWidget(m_managerButton);
    m_settingsButton = new QPushButton(bar);
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    m_settingsButton->setFocusPolicy(Qt::TabFocus);
    connect(m_settingsButton, &QPushButton::clicked, this, &MainWindow::openSettings);
    row->addWidget(m_settingsButton);
    // Touch-sized, like the rest of the counter: a finger cannot hit a 22 px button.
    for (QWidget *control :
         std::initializer_list<QWidget *>{m_languageCombo, m_displayButton, m_managerButton, m_settingsButton})
        control->setMinimumHeight(44);
    m_demoBanner->setMinimumHeight(44);
    return bar;
}

ManagerWindow *MainWindow::managerWindow() const
{
    return m_managerWindow;
}

QWidget *MainWindow::currentScreen() const
{
    return m_stack->currentWidget();
}

void MainWindow::setCustomerDisplayVisible(bool visible)
{
    const bool wasVisible = m_customerDisplay->isVisible();
    if (visible && !placeCustomerDisplay())
        visible = false;
    m_customerDisplay->setVisible(visible);
    // On a single screen the counter made room for the display: it takes the room back.
    if (!visible && wasVisible && QGuiApplication::screens().size() == 1 && !kioskMode())
        fitToScreen();
    if (m_displayButton->isChecked() != visible) {
        const QSignalBlocker blocker(m_displayButton);
        m_displayButton->setChecked(visible);
    }
}

bool MainWindow::kioskMode() const
{
    return m_fullScreenRequested || m_services.settings->value(SettingKeys::UiKiosk);
}

void MainWindow::setFullScreenRequested(bool fullScreen)
{
    m_fullScreenRequested = fullScreen;
    if (isVisible())
        showCounter();
}

void MainWindow::showCounter()
{
    const bool kiosk = kioskMode();
    if (windowFlags().testFlag(Qt::FramelessWindowHint) != kiosk)
        setWindowFlag(Qt::FramelessWindowHint, kiosk); // hides the window: shown again below
    if (kiosk) {
        if (const QScreen *own = screen())
            setGeometry(own->geometry());
        showFullScreen();
    } else {
        if (isFullScreen())
            showNormal();
        fitToScreen();
        show();
    }
    followScreens();
}

qreal MainWindow::fontScaleFor(const QSize &screen)
{
    return std::clamp(screen.height() / 768.0, 1.0, 1.5);
}

// A normal window: its usual size, never more than the screen's available area.
void MainWindow::fitToScreen()
{
    const QScreen *own = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!own)
        return;
    // The window manager's frame is known once the window is shown; before, a typical title bar.
    QMargins frame(0, 32, 0, 0);
    if (isVisible() && frameGeometry() != geometry()) {
        const QRect outer = frameGeometry();
        const QRect inner = geometry();
        frame = QMargins(inner.left() - outer.left(), inner.top() - outer.top(), outer.right() - inner.right(),
                         outer.bottom() - inner.bottom());
    }
    const QRect room = own->availableGeometry().marginsRemoved(frame);
    QRect target(QPoint(), QSize(1100, 720).boundedTo(room.size()));
    target.moveCenter(room.center());
    setGeometry(target);
}

// Full screen on a screen other than the counter's (the customer-facing panel); on a single
// screen a window beside the counter, which gives it the room. False when there is no room:
// the counter is full screen on the only screen, or the screen is too narrow for both.
bool MainWindow::placeCustomerDisplay()
{
    QScreen *own = screen() ? screen() : QGuiApplication::primaryScreen();
    for (QScreen *other : QGuiApplication::screens()) {
        if (other != own) {
            m_customerDisplay->setGeometry(other->geometry());
            m_customerDisplay->setWindowState(Qt::WindowFullScreen);
            return true;
        }
    }
    if (!own || kioskMode())
        return false;
    const QRect outer = frameGeometry();
    const QRect inner = geometry();
    const QMargins frame(inner.left() - outer.left(), inner.top() - outer.top(), outer.right() - inner.right(),
                         outer.bottom() - inner.bottom());
    const QRect available = own->availableGeometry();
    const int counterMinimum = minimumSizeHint().width() + frame.left() + frame.right();
    const QRect side = CustomerDisplay::besideCounter(available, counterMinimum);
    if (side.isNull())
        return false;
    setWindowState(windowState() & ~(Qt::WindowMaximized | Qt::WindowFullScreen));
    setGeometry(
        QRect(available.topLeft(), QSize(available.width() - side.width(), available.height())).marginsRemoved(frame));
    m_customerDisplay->setWindowState(Qt::WindowNoState);
    m_customerDisplay->setGeometry(side.marginsRemoved(frame));
    return true;
}

void MainWindow::updateDisplayButton()
{
    const QScreen *own = screen() ? screen() : QGuiApplication::primaryScreen();
    const bool secondScreen = QGuiApplication::screens().size() > 1;
    const bool room = own && !kioskMode()
        && !CustomerDisplay::besideCounter(own->availableGeometry(), minimumSizeHint().width()).isNull();
    m_displayButton->setEnabled(secondScreen || room || m_customerDisplay->isVisible());
    m_displayButton->setToolTip(secondScreen || room
                                    ? QString()
                                    : tr("The customer display needs a second screen, or room beside this window."));
}

// A second screen is the customer's: the display opens there by itself. An open display
// moves when screens come and go (and closes when no room is left for it).
void MainWindow::followScreens()
{
    if (QGuiApplication::screens().size() > 1 || m_customerDisplay->isVisible())
        setCustomerDisplayVisible(true);
    updateDisplayButton();
}

void MainWindow::newSale()
{
    m_closedOrderWatch.stop();
    if (m_session && m_session->recheck()) { // disabled by a manager since the sign-in
        m_services.checkout->setCashier({});
        updateCashier();
    }
    if (needsSignIn()) {
        showSignIn();
        return;
    }
    m_saleScreen->reset();
    m_stack->setCurrentWidget(m_saleScreen);
    m_customerDisplay->showWelcome();
    m_saleScreen->setFocus();
    m_saleScreen->reset();
}

void MainWindow::charge(const Money &amount, Channel channel)
{
    m_saleScreen->setBusy(true);
    auto started = m_services.checkout->charge(amount, channel);
    if (!started) {
        m_saleScreen->setBusy(false);
        m_saleScreen->showError(errorMessage(started.error()));
        return;
    }
    Sale *sale = *started;
    m_paymentScreen->showSale(sale);
    m_stack->setCurrentWidget(m_paymentScreen);
    m_paymentScreen->setFocus();
    m_customerDisplay->showPayment(amount, QString(), channel);
    connect(sale, &Sale::qrReady, this, [this, sale](const QString &payload) {
        m_customerDisplay->showPayment(sale->order().amount, payload, sale->order().channel);
    });
    connect(sale, &Sale::finished, this, [this, sale] { onSaleFinished(sale); });
    // A sale that fails reports why just after it closes: show the reason when it arrives.
    connect(sale, &Sale::errorOccurred, this, [this, sale] {
        if (sale->isClosed() && sale->state() != OrderState::Paid && m_stack->currentWidget() == m_outcomeScreen
            && m_outcomeScreen->order().id == sale->order().id)
            m_outcomeScreen->showOutcome(sale->order(), sale->lastError());
    });
    if (sale->isClosed())
        onSaleFinished(sale);
}

void MainWindow::onSaleFinished(Sale *sale)
{
    showClosedSale(sale->order(), sale->lastError());
}

// A QR or scan sale's outcome; one that closed unpaid is watched, as it can still turn PAID.
void MainWindow::showClosedSale(const Order &order, const Error &lastError)
{
    m_outcomeScreen->showOutcome(order, lastError);
    m_stack->setCurrentWidget(m_outcomeScreen);
    m_outcomeScreen->setFocus();
    m_customerDisplay->showOutcome(order);
    m_closedOrderId = order.state == OrderState::Paid ? 0 : order.id;
    if (m_closedOrderId != 0)
        m_closedOrderWatch.start();
}

void MainWindow::watchClosedOrder()
{
    if (m_stack->currentWidget() != m_outcomeScreen || m_closedOrderId == 0) {
        m_closedOrderWatch.stop();
        return;
    }
    auto order = m_services.orderLog->orderById(m_closedOrderId);
    if (order && order->state == OrderState::Paid) {
        m_closedOrderWatch.stop();
        m_outcomeScreen->showOutcome(*order, {});
        m_customerDisplay->showOutcome(*order);
    }
}

void MainWindow::confirmCancel()
{
    Sale *sale = m_services.checkout->current();
    if (!sale || sale->isClosed() || sale->isClosing())
        return;
    // The question goes in the box itself too: window titles are easy to miss, and a kiosk
    // session may have no title bar at all.
    QMessageBox box(QMessageBox::Question, tr("Cancel this sale?"), tr("Cancel this sale?"),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setInformativeText(
        tr("The customer may be paying right now. PayDesk asks the gateway once more before cancelling."));
    box.setObjectName(QStringLiteral("cancelConfirmation"));
    box.button(QMessageBox::Yes)->setText(tr("Cancel the sale"));
    box.button(QMessageBox::No)->setText(tr("Keep waiting"));
    for (QMessageBox::StandardButton answer : {QMessageBox::Yes, QMessageBox::No})
        box.button(answer)->setMinimumSize(160, 44); // touch-sized
    box.setDefaultButton(QMessageBox::No);
    if (box.exec() == QMessageBox::Yes && sale == m_services.checkout->current())
        sale->requestCancel();
}

void MainWindow::openSettings()
{
    if (m_services.checkout->hasOpenSale())
        return; // never while a customer may be paying
    QString manager;
    if (!ManagerWindow::askPin(managerServices(), this, &manager))
        return;
    const QString actor = manager.isEmpty() ? managerActorName(m_services.settings->terminalId()) : manager;
    const PinVerifier before = m_services.settings->pinVerifier();
    // What the dialog saves applies at once (applySetting and main()'s assembly follow Settings).
    SettingsDialog dialog(*m_services.settings, *m_services.secrets, m_services.testGateway, false, this);
    connect(&dialog, &SettingsDialog::merchantKeySaved, this, &MainWindow::merchantKeyChanged);
    if (dialog.exec() == QDialog::Accepted) {
        // "New manager PIN" is the PIN of the manager who signed in (or, with none yet, the first
        // manager account's).
        if (m_services.staff && m_services.settings->pinVerifier() != before)
            (void)m_services.staff->adoptManagerPin(manager, m_services.settings->pinVerifier(), actor);
        (void)m_services.orderLog->recordAuditEvent(QStringLiteral("settings"), actor,
                                                    QStringLiteral("saved in the settings dialog"));
        QMessageBox::information(this, tr("Settings saved"), tr("The new settings apply from now on."));
    }
}

void MainWindow::applySetting(const QString &key)
{
    if (key == SettingKeys::UiLanguage.name)
        m_services.language->setLanguage(m_services.settings->uiLanguage());
    else if (key == SettingKeys::SaleCurrency.name)
        m_saleScreen->setCurrency(m_services.settings->saleCurrency());
    else if (key == SettingKeys::UiKiosk.name && isVisible())
        showCounter();
}

ManagerServices MainWindow::managerServices() const
{
    ManagerServices manager;
    manager.orderLog = m_services.orderLog;
    manager.settings = m_services.settings;
    manager.clock = m_services.clock;
    manager.refunds = m_services.refunds;
    manager.reconciler = m_services.reconciler;
    manager.checkout = m_services.checkout;
    manager.staff = m_services.staff;
    manager.receipts = m_receipts;
    return manager;
}

void MainWindow::openManager()
{
    if (m_services.checkout->hasOpenSale())
        return; // the payment screen stays in front while a customer may be paying
    if (m_managerWindow) {
        m_managerWindow->show();
        m_managerWindow->raise();
        m_managerWindow->activateWindow();
        return;
    }
    const ManagerServices manager = managerServices();
    QString name;
    if (!ManagerWindow::askPin(manager, this, &name))
        return;
    (void)m_services.orderLog->recordAuditEvent(
        QStringLiteral("manager_unlock"), name.isEmpty() ? managerActorName(m_services.settings->terminalId()) : name,
        QStringLiteral("manager view opened with a manager's PIN"));
    m_managerWindow = new ManagerWindow(manager, this);
    // The manager may have added or disabled cashiers: the counter follows once the view closes.
    connect(m_managerWindow, &QObject::destroyed, this, [this] {
        updateCashier();
        if (m_stack->currentWidget() == m_saleScreen && needsSignIn())
            showSignIn();
    });
    m_managerWindow->setManagerName(name);
    m_managerWindow->show();
}

void MainWindow::printReceipt(const Order &order)
{
    const ReceiptData receipt = m_receipts->saleReceipt(order);
    // The counter's receipt printer when there is one: no dialog between the customer and
    // the receipt. Otherwise the system's print dialog.
    if (m_receipts->hasThermalPrinter()) {
        if (m_receipts->sendToThermal(receipt))
            m_outcomeScreen->setReceiptStatus(tr("Printing the receipt…"));
        return;
    }
    if (m_receipts->printWithDialog(receipt, this))
        m_outcomeScreen->setReceiptStatus(tr("Receipt sent to the printer."));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(m_services.demo ? tr("PayDesk — DEMO") : tr("PayDesk"));
    m_demoBanner->setText(tr("DEMO — simulated gateway, no real money"));
    m_settingsButton->setText(tr("Settings (F10)"));
    m_managerButton->setText(tr("Manager (F9)"));
    m_displayButton->setText(tr("Customer display"));
    // Room around the text: the style's own margin leaves it touching the border.
    for (QPushButton *button : {m_displayButton, m_managerButton, m_settingsButton}) {
        button->setMinimumWidth(0);
        button->setMinimumWidth(button->sizeHint().width() + 16);
    }
    const int index = m_languageCombo->findData(m_services.language->language());
    if (index >= 0)
        m_languageCombo->setCurrentIndex(index);
    m_languageCombo->setAccessibleName(tr("Language"));
    retranslateCashier();
    updateDisplayButton();
}

} // namespace paydesk

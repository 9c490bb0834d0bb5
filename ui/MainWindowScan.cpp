// Scan to pay on the counter (design.md "Scan to pay"): MainWindow's part, kept apart from the
// QR flow. The scanner (ScannerInput) or the payment code field hands over the digits; the
// amount and the code are checked here and by Checkout::scan, which sends nothing for a code
// that fits no wallet, a channel the account does not offer or a currency it does not take.

#include "MainWindow.h"

#include "CustomerDisplay.h"
#include "ErrorText.h"
#include "SaleScreen.h"
#include "ScanDemoPanel.h"
#include "ScanScreen.h"
#include "ScannerInput.h"

#include "gateway/PaymentCode.h"
#include "payment/Checkout.h"
#include "payment/ScanSale.h"

#include <QStackedWidget>

namespace paydesk {

void MainWindow::setUpScanToPay()
{
    m_scanner = new ScannerInput(this);
    connect(m_scanner, &ScannerInput::scanned, this, &MainWindow::onScanned);
    connect(m_saleScreen, &SaleScreen::codeEntered, this, [this](const QString &digits) { startScan(digits, false); });
    connect(m_saleScreen, &SaleScreen::amountChanged, this, &MainWindow::updateScanPrompt);
    connect(m_scanScreen, &ScanScreen::cancelRequested, this, [this] {
        if (ScanSale *sale = m_scanScreen->sale(); sale && sale == m_services.checkout->currentScan())
            sale->requestCancel(); // queries once more: the customer may just have confirmed
    });
    connect(m_scanScreen, &ScanScreen::scanAgainRequested, this, &MainWindow::scanAgain);
    if (!m_services.demo)
        return;
    m_scanDemo = new ScanDemoPanel;
    m_saleScreen->addTitleRowWidget(m_scanDemo);
    connect(m_scanDemo, &ScanDemoPanel::scanRequested, this, [this](sim::MicropayScenario scenario) {
        m_scanner->typeAsScanner(m_scanDemo->nextCode(m_saleScreen->selectedChannel(), scenario));
    });
}

// A scan on the sale screen, or on a refusal (then it is the "scan again"), starts a sale.
// Anywhere else — a sale in progress, an outcome — it is swallowed: never a keystroke there,
// never a second order.
void MainWindow::onScanned(const QString &digits)
{
    if (m_stack->currentWidget() == m_scanScreen && m_scanScreen->step() == ScanScreen::Step::Refused)
        scanAgain();
    if (m_stack->currentWidget() == m_saleScreen)
        startScan(digits, true);
}

void MainWindow::startScan(const QString &digits, bool scanned)
{
    auto refuse = [this, scanned](const Error &error) {
        if (scanned)
            m_saleScreen->showError(errorMessage(error));
        else
            m_saleScreen->showCodeError(errorMessage(error));
    };
    const Result<Money> amount = m_saleScreen->amount();
    if (!amount) {
        m_saleScreen->showError(errorMessage(amount.error()));
        return;
    }
    const Result<PaymentCode> code = PaymentCode::fromText(digits);
    if (!code) {
        refuse(code.error());
        return;
    }
    const Result<ScanSale *> started = m_services.checkout->scan(*amount, *code);
    if (!started) {
        refuse(started.error());
        return;
    }
    ScanSale *sale = *started;
    m_scanScreen->showSale(sale);
    m_stack->setCurrentWidget(m_scanScreen);
    m_scanScreen->setFocus();
    m_customerDisplay->showScanProcessing(sale->order().amount);
    connect(sale, &ScanSale::stateChanged, this, [this, sale] { onScanStateChanged(sale); });
    connect(sale, &ScanSale::customerConfirming, this, [this, sale] { onScanStateChanged(sale); });
}

void MainWindow::onScanStateChanged(ScanSale *sale)
{
    if (m_scanScreen->sale() != sale || m_stack->currentWidget() != m_scanScreen)
        return;
    const Order &order = sale->order();
    if (order.state == OrderState::Failed) {
        m_customerDisplay->showOutcome(order); // the refusal stays on the scan screen
        m_scanScreen->setFocus();
    } else if (sale->isClosed()) {
        showClosedSale(order, sale->lastError());
    } else if (sale->isCustomerConfirming()) {
        m_customerDisplay->showScanConfirming(order.amount, order.channel);
    }
}

// Back to the sale screen with the amount kept: the next scan is a new order.
void MainWindow::scanAgain()
{
    m_stack->setCurrentWidget(m_saleScreen);
    m_saleScreen->setBusy(false);
    m_saleScreen->selectChannel(m_saleScreen->selectedChannel()); // the focus back on the amount
    updateScanPrompt();
}

// The customer display asks for the payment code as soon as the cashier has typed an amount:
// that is when a shop's customer opens the wallet, before the cashier picks a way to pay (if
// they prefer the QR, Charge replaces the prompt with it).
void MainWindow::updateScanPrompt()
{
    if (m_stack->currentWidget() != m_saleScreen)
        return;
    if (const Result<Money> amount = m_saleScreen->amount(); amount)
        m_customerDisplay->showScanPrompt(*amount);
    else
        m_customerDisplay->showWelcome();
}

} // namespace paydesk

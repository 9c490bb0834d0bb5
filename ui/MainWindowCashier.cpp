// MainWindow's part in who is selling: the cashier on the top bar, the sign-in screen at start
// and on F8, sign-out. The rules are CashierSession's and StaffService's.
#include "MainWindow.h"

#include "CustomerDisplay.h"
#include "SignInScreen.h"

#include "payment/Checkout.h"
#include "staff/CashierSession.h"

#include <QFontMetrics>
#include <QLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>

namespace paydesk {

// One top-bar button: who is selling, and a click (or F8) to switch. Shown while someone is
// signed in, so a store without cashier accounts keeps the bar as it was (F8 then says how to
// add them).
void MainWindow::buildCashierControls(QWidget *bar, QLayout *row)
{
    m_switchButton = new QPushButton(bar);
    m_switchButton->setObjectName(QStringLiteral("switchCashierButton"));
    m_switchButton->setFocusPolicy(Qt::TabFocus);
    m_switchButton->setMinimumHeight(44);
    m_switchButton->setStyleSheet(QStringLiteral("font-weight: bold;"));
    connect(m_switchButton, &QPushButton::clicked, this, &MainWindow::switchCashier);
    row->addWidget(m_switchButton);
}

// Sign-in is asked for once the store has a cashier account; with none the counter sells under
// the configured cashier, as before staff accounts.
bool MainWindow::needsSignIn() const
{
    if (!m_session || m_session->cashier())
        return false;
    const auto required = m_session->signInRequired();
    return !required || *required; // an order log that cannot be read: nobody sells unknown
}

void MainWindow::showSignIn()
{
    m_signInScreen->start();
    m_stack->setCurrentWidget(m_signInScreen);
    m_customerDisplay->showWelcome();
    updateCashier();
}

void MainWindow::switchCashier()
{
    if (m_services.checkout->hasOpenSale())
        return; // never while a customer may be paying
    const auto required = m_session ? m_session->signInRequired() : Result<bool>(false);
    if (!m_session || (required && !*required && !m_session->cashier())) {
        explainStaffAccounts();
        return;
    }
    showSignIn();
}

void MainWindow::onSignedIn(const StaffAccount &account)
{
    m_services.checkout->setCashier(account.name);
    updateCashier();
    newSale();
}

void MainWindow::signOut()
{
    m_session->signOut();
    m_services.checkout->setCashier({});
    showSignIn();
}

// The signed-in cashier's name on the top bar, elided so that a long name never pushes the bar
// off a 1024 px screen; the whole name in the tooltip.
void MainWindow::updateCashier()
{
    constexpr int MaxNameWidth = 160;
    const QString name = m_session && m_session->cashier() ? m_session->cashierName() : QString();
    m_switchButton->setVisible(!name.isEmpty());
    const QFontMetrics metrics(m_switchButton->font());
    m_switchButton->setText(metrics.elidedText(name, Qt::ElideRight, MaxNameWidth));
    m_switchButton->setToolTip(tr("Cashier: %1. F8 switches to another cashier.").arg(name));
    m_switchButton->setAccessibleName(m_switchButton->toolTip());
    m_switchButton->setMinimumWidth(0);
    m_switchButton->setMinimumWidth(m_switchButton->sizeHint().width() + 16);
}

void MainWindow::explainStaffAccounts()
{
    QMessageBox box(QMessageBox::Information, tr("No cashier accounts yet"), tr("No cashier accounts yet"),
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("staffAccountsHelp"));
    box.setInformativeText(
        tr("Sales are recorded under the cashier name of the settings (%1). To have each cashier sign in, a "
           "manager adds their accounts in Manager (F9) → Staff, or on the command line with "
           "\"paydeskctl staff add NAME --role cashier\". From then on the counter asks who is selling.")
            .arg(m_services.checkout->cashier()));
    box.exec();
}

void MainWindow::retranslateCashier()
{
    updateCashier();
}

} // namespace paydesk

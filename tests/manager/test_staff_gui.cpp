#include "ManagerRig.h"
#include "PdfText.h"

#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "payment/RefundService.h"
#include "reports/Csv.h"
#include "staff/CashierSession.h"
#include "staff/StaffService.h"
#include "ui/MainWindow.h"
#include "ui/SaleScreen.h"
#include "ui/SignInScreen.h"
#include "ui/manager/DaySummaryView.h"
#include "ui/manager/ManagerWindow.h"
#include "ui/manager/OrderFilterBar.h"
#include "ui/manager/OrderTableModel.h"
#include "ui/manager/StaffPage.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

// Who is selling, through the real widgets offscreen against the demo simulator: the counter's
// sign-in and quick switch (F8), wrong PINs and the lock-out, a disabled account, a cashier kept
// out of the manager view, the cashier on orders and refunds, the per-cashier totals of the day
// summary, the Z report and the CSV, and the manager's Staff page.

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

QTableWidgetItem *staffCell(StaffPage *page, const QString &name, int column)
{
    for (int row = 0; row < page->table()->rowCount(); ++row) {
        if (page->table()->item(row, 0)->text() == name)
            return page->table()->item(row, column);
    }
    return nullptr;
}

} // namespace

class TestStaffGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void withoutCashiersTheCounterSellsAsBefore();
    void counterAsksWhoIsSelling();
    void quickSwitchWithF8();
    void wrongPinsLockTheAccount();
    void disabledAccountIsRefused();
    void disabledWhileSellingIsSignedOutAtTheNextSale();
    void cashierIsKeptOutOfTheManagerView();
    void cashierOnOrdersRefundsAndTotals();
    void staffPageAddsDisablesAndResets();
    void lastManagerStaysEnabled();

private:
    MainWindow &window() { return m_rig->window(); }
    QWidget *signIn() { return window().signInScreen(); }
    void addCashiers();
    bool signInAs(const QString &name, const QString &pin);
    bool signInAs(const QString &name, const char16_t *pin) { return signInAs(name, QString::fromUtf16(pin)); }
    QString signInMessage() { return signIn()->findChild<QLabel *>(u"signInMessage"_s)->text(); }
    QStringList auditLines(const QString &kind);
    ManagerWindow *openManager() { return m_rig->openManager(); }

    std::unique_ptr<ManagerRig> m_rig;
    QTemporaryDir m_files;
};

void TestStaffGui::init()
{
    auto rig = ManagerRig::start();
    QVERIFY2(rig, qPrintable(rig ? QString() : describe(rig.error())));
    m_rig = std::move(*rig);
    QVERIFY(m_rig->showWindow());
}

void TestStaffGui::cleanup()
{
    m_rig.reset();
}

// Two cashiers, added as a manager would; the counter asks for a sign-in from the next sale on.
void TestStaffGui::addCashiers()
{
    const auto manager = m_rig->orderLog().staffAccountByName(u"manager"_s);
    QVERIFY(manager);
    QVERIFY(m_rig->staff().create(*manager, u"li"_s, StaffRole::Cashier, u"1357"));
    QVERIFY(m_rig->staff().create(*manager, u"bob"_s, StaffRole::Cashier, u"8642"));
    window().newSale();
    QCOMPARE(window().currentScreen(), signIn());
}

// As at the counter: the first letters of the name, Enter, the PIN, Enter.
bool TestStaffGui::signInAs(const QString &name, const QString &pin)
{
    auto *combo = signIn()->findChild<QComboBox *>(u"cashierNameCombo"_s);
    auto *pinEdit = signIn()->findChild<QLineEdit *>(u"cashierPinEdit"_s);
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), name);
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    if (!pinEdit->hasFocus())
        return false;
    QTest::keyClicks(pinEdit, pin);
    QTest::keyClick(pinEdit, Qt::Key_Return);
    return window().currentScreen() == static_cast<QWidget *>(window().saleScreen());
}

QStringList TestStaffGui::auditLines(const QString &kind)
{
    QStringList lines;
    const auto events = m_rig->orderLog().auditEventsBetween(0, m_rig->clock().nowUtcMs() + 1);
    for (const AuditEvent &event : events.value_or(QList<AuditEvent>{})) {
        if (event.kind == kind)
            lines.append(event.actor + u": "_s + event.detail);
    }
    return lines;
}

void TestStaffGui::withoutCashiersTheCounterSellsAsBefore()
{
    QCOMPARE(window().currentScreen(), static_cast<QWidget *>(window().saleScreen()));
    QVERIFY(!window().findChild<QPushButton *>(u"switchCashierButton"_s)->isVisible());
    // F8 says how to add cashiers instead.
    QString help;
    ModalAnswer answer([&help](QWidget *modal) {
        help = modal->findChild<QLabel *>(u"qt_msgbox_informativelabel"_s)->text();
        qobject_cast<QDialog *>(modal)->accept();
    });
    QTest::keyClick(&window(), Qt::Key_F8);
    QVERIFY(answer.answered());
    QVERIFY2(help.contains(u"Manager (F9) → Staff"_s) && help.contains(u"paydeskctl staff add"_s), qPrintable(help));
    const auto paid = m_rig->paidSale(1200, Channel::WxNative);
    QVERIFY(paid);
    QCOMPARE(paid->cashier, u"alice"_s); // the configured cashier, as before staff accounts
}

void TestStaffGui::counterAsksWhoIsSelling()
{
    addCashiers();
    auto *combo = signIn()->findChild<QComboBox *>(u"cashierNameCombo"_s);
    QCOMPARE(combo->count(), 3); // bob, li, manager
    QVERIFY(!signIn()->findChild<QPushButton *>(u"signInBackButton"_s)->isVisible());
    QVERIFY(signInAs(u"l"_s, u"1357")); // type-ahead: "l" completes to li
    QCOMPARE(m_rig->checkout().cashier(), u"li"_s);
    auto *switchButton = window().findChild<QPushButton *>(u"switchCashierButton"_s);
    QVERIFY(switchButton->isVisible());
    QCOMPARE(switchButton->text(), u"li"_s);
    QCOMPARE(switchButton->toolTip(), u"Cashier: li. F8 switches to another cashier."_s);
    QCOMPARE(auditLines(u"sign_in"_s), QStringList{u"li: cashier"_s});
    const auto paid = m_rig->paidSale(2865, Channel::AlipayQr);
    QVERIFY(paid);
    QCOMPARE(paid->cashier, u"li"_s);
}

void TestStaffGui::quickSwitchWithF8()
{
    addCashiers();
    QVERIFY(signInAs(u"li"_s, u"1357"));
    QTest::keyClick(&window(), Qt::Key_F8);
    QCOMPARE(window().currentScreen(), signIn());
    // Back to the sale: nothing changes.
    QTest::mouseClick(signIn()->findChild<QPushButton *>(u"signInBackButton"_s), Qt::LeftButton);
    QCOMPARE(window().currentScreen(), static_cast<QWidget *>(window().saleScreen()));
    QCOMPARE(m_rig->checkout().cashier(), u"li"_s);
    QTest::keyClick(&window(), Qt::Key_F8);
    QVERIFY(signInAs(u"bob"_s, u"8642"));
    QCOMPARE(m_rig->checkout().cashier(), u"bob"_s);
    QCOMPARE(auditLines(u"sign_out"_s), QStringList{u"li: switched to bob"_s});
    // Sign-out: nobody sells until someone signs in.
    QTest::keyClick(&window(), Qt::Key_F8);
    QTest::mouseClick(signIn()->findChild<QPushButton *>(u"signOutButton"_s), Qt::LeftButton);
    QCOMPARE(window().currentScreen(), signIn());
    QVERIFY(!window().cashierSession()->cashier());
    window().newSale();
    QCOMPARE(window().currentScreen(), signIn());
    QCOMPARE(auditLines(u"sign_out"_s), (QStringList{u"li: switched to bob"_s, u"bob: signed out"_s}));
}

void TestStaffGui::wrongPinsLockTheAccount()
{
    addCashiers();
    for (int attempt = 1; attempt < 10; ++attempt) {
        QVERIFY(!signInAs(u"li"_s, u"0000"));
        QCOMPARE(signInMessage(), u"Wrong name or PIN."_s);
    }
    QVERIFY(!signInAs(u"li"_s, u"0000"));
    const auto li = m_rig->orderLog().staffAccountByName(u"li"_s);
    const QString until = QLocale().toString(QDateTime::fromMSecsSinceEpoch(li->lockedUntilUtcMs).toLocalTime().time(),
                                             QLocale::ShortFormat);
    QCOMPARE(signInMessage(), u"Too many wrong PINs. Locked until %1 (30 more minutes)."_s.arg(until));
    // Locked: the right PIN is not even compared; another cashier still signs in.
    QVERIFY(!signInAs(u"li"_s, u"1357"));
    QVERIFY(signInMessage().startsWith(u"Too many wrong PINs. Locked until "_s));
    QCOMPARE(auditLines(u"lockout"_s).size(), 1);
    QCOMPARE(auditLines(u"sign_in_failure"_s).size(), 11);
    QVERIFY(signInAs(u"bob"_s, u"8642"));
}

void TestStaffGui::disabledAccountIsRefused()
{
    addCashiers();
    const auto manager = m_rig->orderLog().staffAccountByName(u"manager"_s);
    QVERIFY(m_rig->staff().disable(*manager, u"li"_s));
    QVERIFY(!signInAs(u"li"_s, u"1357"));
    QCOMPARE(signInMessage(), u"This account is disabled. A manager can enable it again."_s);
    QCOMPARE(window().currentScreen(), signIn());
    QCOMPARE(auditLines(u"sign_in_failure"_s), QStringList{u"li: account disabled"_s});
}

// A manager disables li (at another terminal) while li is selling here: li keeps the sale on the
// screen, and the next sale asks who is selling; the orders after it are not li's.
void TestStaffGui::disabledWhileSellingIsSignedOutAtTheNextSale()
{
    addCashiers();
    QVERIFY(signInAs(u"li"_s, u"1357"));
    const auto manager = m_rig->orderLog().staffAccountByName(u"manager"_s);
    QVERIFY(m_rig->staff().disable(*manager, u"li"_s));
    QCOMPARE(window().currentScreen(), static_cast<QWidget *>(window().saleScreen()));
    window().newSale();
    QCOMPARE(window().currentScreen(), signIn());
    QCOMPARE(auditLines(u"sign_out"_s), QStringList{u"li: account disabled"_s});
    QVERIFY(m_rig->checkout().cashier() != u"li"_s);
    QVERIFY(signInAs(u"bob"_s, u"8642"));
    QCOMPARE(m_rig->checkout().cashier(), u"bob"_s);
}

void TestStaffGui::cashierIsKeptOutOfTheManagerView()
{
    addCashiers();
    QVERIFY(signInAs(u"li"_s, u"1357"));
    QString message;
    ModalAnswer answer([&message](QWidget *modal) {
        auto *name = modal->findChild<QLineEdit *>(u"staffNameEdit"_s);
        name->setText(u"li"_s);
        enterPin(modal, u"1357"_s);
        message = modal->findChild<QLabel *>(u"pinMessage"_s)->text();
        if (modal->isVisible())
            qobject_cast<QDialog *>(modal)->reject();
    });
    QTest::keyClick(&window(), Qt::Key_F9);
    QVERIFY(answer.answered());
    QCOMPARE(message, u"li is not a manager."_s);
    QVERIFY(!window().managerWindow());
    // Nor can a cashier manage staff or refund through core, whatever a UI does.
    const auto li = m_rig->orderLog().staffAccountByName(u"li"_s);
    QCOMPARE(m_rig->staff().create(*li, u"eve"_s, StaffRole::Manager, u"1111").error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(m_rig->staff().disable(*li, u"bob"_s).error().code, ErrorCode::InvalidArgument);
}

// Sales by two cashiers and a refund: each cashier's figures in the day summary, the Z report
// (read back with pdftotext) and the CSV of the list filtered by cashier; the refund carries the
// manager who made it.
void TestStaffGui::cashierOnOrdersRefundsAndTotals()
{
    addCashiers();
    QVERIFY(signInAs(u"li"_s, u"1357"));
    const auto byLi = m_rig->paidSale(2865, Channel::WxNative);
    QVERIFY(byLi);
    QTest::keyClick(&window(), Qt::Key_F8);
    window().newSale();
    QVERIFY(signInAs(u"bob"_s, u"8642"));
    const auto byBob = m_rig->paidSale(1000, Channel::AlipayQr);
    QVERIFY(byBob);
    QCOMPARE(byBob->cashier, u"bob"_s);
    window().newSale();

    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    const auto refund
        = m_rig->refunds().request(byLi->id, 500, u"broken cup"_s, {manager->managerName(), StaffRole::Manager});
    QVERIFY(refund);
    QCOMPARE(refund->requestedBy, u"manager"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->orderLog().refundsOfOrder(byLi->id)->first().state, RefundState::Succeeded, 8000);
    manager->refresh();

    QTableWidget *cashiers = manager->daySummary()->cashierTotals();
    QCOMPARE(cashiers->rowCount(), 2);
    QCOMPARE(cashiers->item(0, 0)->text(), u"bob"_s);
    QCOMPARE(cashiers->item(0, 6)->text(), u"$10.00"_s);
    QCOMPARE(cashiers->item(1, 0)->text(), u"li"_s);
    QCOMPARE(cashiers->item(1, 3)->text(), u"$28.65"_s);
    QCOMPARE(cashiers->item(1, 5)->text(), u"$5.00"_s);
    QCOMPARE(cashiers->item(1, 6)->text(), u"$23.65"_s);

    {
        QVERIFY2(!pdfToTextProgram().isEmpty(), "pdftotext (poppler-utils) reads the Z report back");
        const QString pdf = m_files.filePath(u"z.pdf"_s);
        QVERIFY(manager->writeZReportTo(pdf));
        const QString text = pdfToText(pdf);
        QVERIFY2(text.contains(u"Totals per cashier and currency"_s), qPrintable(text));
        const QStringList liLines = text.split(u'\n').filter(QRegularExpression(u"^\\s*li\\s"_s));
        QCOMPARE(liLines.size(), 1);
        QVERIFY2(liLines.first().contains(u"28.65"_s) && liLines.first().contains(u"23.65"_s), qPrintable(liLines[0]));
    }

    QTest::keyClicks(manager->findChild<QLineEdit *>(u"cashierFilter"_s), u"li"_s);
    QTRY_COMPARE(manager->orderModel()->rowCount(), 1);
    const QString csv = m_files.filePath(u"li.csv"_s);
    QCOMPARE(*manager->exportCsvTo(csv, false), 1);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3);
    const int cashierColumn = int(orderCsvHeader().indexOf(u"cashier"_s));
    QVERIFY(cashierColumn >= 0);
    QCOMPARE(lines[1].split(',').value(cashierColumn), QByteArray("li"));
    QVERIFY(lines[1].startsWith(byLi->mchOrderNo.toUtf8()));
}

void TestStaffGui::staffPageAddsDisablesAndResets()
{
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    StaffPage *page = manager->staffPage();
    QVERIFY(page);
    manager->tabs()->setCurrentWidget(page);
    QCOMPARE(page->table()->rowCount(), 1); // the manager account the PIN of before became

    QStringList refusals;
    ModalAnswer add([&refusals](QWidget *dialog) {
        const auto type = [dialog](const char *name, const QString &text) {
            auto *edit = dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
            edit->clear();
            QTest::keyClicks(edit, text);
        };
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        type("newStaffName", u"li"_s);
        type("newStaffPin", u"1357"_s);
        type("newStaffPinAgain", u"1358"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
        refusals.append(dialog->findChild<QLabel *>(u"staffDialogMessage"_s)->text());
        type("newStaffPin", u"13"_s);
        type("newStaffPinAgain", u"13"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
        refusals.append(dialog->findChild<QLabel *>(u"staffDialogMessage"_s)->text());
        type("newStaffPin", u"1357"_s);
        type("newStaffPinAgain", u"1357"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QTest::mouseClick(page->findChild<QPushButton *>(u"addStaffButton"_s), Qt::LeftButton);
    QVERIFY(add.answered());
    QCOMPARE(refusals,
             (QStringList{u"The two PINs differ. Type the same PIN twice."_s, u"A PIN is 4 to 12 digits."_s}));
    QCOMPARE(page->table()->rowCount(), 2);
    QCOMPARE(page->selectedName(), u"li"_s);
    QCOMPARE(m_rig->orderLog().staffAccountByName(u"li"_s)->role, StaffRole::Cashier);
    QVERIFY(m_rig->staff().signIn(u"li"_s, u"1357"));

    QTest::mouseClick(page->findChild<QPushButton *>(u"disableStaffButton"_s), Qt::LeftButton);
    QVERIFY(m_rig->orderLog().staffAccountByName(u"li"_s)->disabled);
    QCOMPARE(staffCell(page, u"li"_s, 2)->text(), u"Disabled"_s);
    QVERIFY(!page->findChild<QPushButton *>(u"disableStaffButton"_s)->isEnabled());
    QTest::mouseClick(page->findChild<QPushButton *>(u"enableStaffButton"_s), Qt::LeftButton);
    QVERIFY(!m_rig->orderLog().staffAccountByName(u"li"_s)->disabled);

    // A locked account: the page shows until when; a new PIN lifts the lock.
    for (int attempt = 0; attempt < 10; ++attempt)
        (void)m_rig->staff().signIn(u"li"_s, u"0000");
    page->reload();
    QVERIFY(!staffCell(page, u"li"_s, 3)->text().isEmpty());
    ModalAnswer reset([](QWidget *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"resetPin"_s), u"9753"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"resetPinAgain"_s), u"9753"_s);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QVERIFY(page->selectName(u"li"_s));
    QTest::mouseClick(page->findChild<QPushButton *>(u"resetPinButton"_s), Qt::LeftButton);
    QVERIFY(reset.answered());
    QVERIFY(staffCell(page, u"li"_s, 3)->text().isEmpty());
    QVERIFY(m_rig->staff().signIn(u"li"_s, u"9753"));
    const QStringList changes = auditLines(u"staff_created"_s) + auditLines(u"staff_disabled"_s)
        + auditLines(u"staff_enabled"_s) + auditLines(u"staff_pin_changed"_s);
    QCOMPARE(changes, (QStringList{u"manager: li (cashier)"_s, u"manager: li"_s, u"manager: li"_s, u"manager: li"_s}));
}

void TestStaffGui::lastManagerStaysEnabled()
{
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    StaffPage *page = manager->staffPage();
    QVERIFY(page->selectName(u"manager"_s));
    QVERIFY(!page->setAccountDisabled(u"manager"_s, true));
    QVERIFY2(page->message().startsWith(u"manager is the last manager."_s), qPrintable(page->message()));
    QVERIFY(!m_rig->orderLog().staffAccountByName(u"manager"_s)->disabled);
    // With a second manager, the first may go.
    QVERIFY(page->addAccount(u"mina"_s, StaffRole::Manager, u"2468"_s, u"2468"_s));
    QVERIFY(page->setAccountDisabled(u"manager"_s, true));
    QVERIFY(m_rig->orderLog().staffAccountByName(u"manager"_s)->disabled);
}

QTEST_MAIN(TestStaffGui)
#include "test_staff_gui.moc"

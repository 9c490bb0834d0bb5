// The manager view driven through its real widgets, offscreen, against the demo simulator and
// relay on loopback: the PIN gate and its lock-out, the day's orders and filters, an order's
// timeline, a partial refund through the dialog, a refund of unknown outcome resolved, CSV
// export of the filtered list, "Check open orders", the idle lock, the audit trail, and the
// receipt from the cashier's Paid screen to the ESC/POS printer.

#include "ManagerRig.h"
#include "OrderSteps.h"
#include "PdfText.h"

#include "config/Settings.h"
#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "payment/Sale.h"
#include "receipts/PrinterTransport.h"
#include "reports/Csv.h"
#include "ui/MainWindow.h"
#include "ui/OutcomeScreen.h"
#include "ui/manager/AuditView.h"
#include "ui/manager/DaySummaryView.h"
#include "ui/manager/IdleLock.h"
#include "ui/manager/ManagerWindow.h"
#include "ui/manager/OrderDetailView.h"
#include "ui/manager/OrderTableModel.h"
#include "ui/manager/SalesChart.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

class TestManagerGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wrongPinKeepsTheManagerOut();
    void lockOutAfterTenWrongPins();
    void cashierCannotRefund();
    void dayListShowsTheOrdersAndFilters();
    void storeAndTerminalFiltersScopeTheDay();
    void timelineOfTheSelectedOrder();
    void partialRefundThroughTheDialog();
    void unknownRefundIsResolvedLater();
    void csvExportWritesTheFilteredRows();
    void checkOpenOrdersShowsWhatChanged();
    void locksWhenIdle();
    void paidScreenPrintsToTheReceiptPrinter();
    void receiptPdfFromTheOrderDetail();
    void onlineOrdersInTheDay();
    void contradictionsAreInTheAlerts();

private:
    MainWindow &window() { return m_rig->window(); }
    ManagerWindow *openManager() { return m_rig->openManager(); }
    QStringList auditKinds();
    int rowOf(ManagerWindow *manager, const QString &mchOrderNo);
    bool selectOrder(ManagerWindow *manager, const QString &mchOrderNo);

    std::unique_ptr<ManagerRig> m_rig;
    QTemporaryDir m_files;
};

void TestManagerGui::init()
{
    auto rig = ManagerRig::start();
    QVERIFY2(rig, qPrintable(rig ? QString() : describe(rig.error())));
    m_rig = std::move(*rig);
    QVERIFY(m_rig->showWindow());
}

void TestManagerGui::cleanup()
{
    m_rig.reset();
}

QStringList TestManagerGui::auditKinds()
{
    QStringList kinds;
    const auto events = m_rig->orderLog().auditEventsBetween(0, m_rig->clock().nowUtcMs() + 1);
    for (const AuditEvent &event : events.value_or(QList<AuditEvent>{}))
        kinds.append(event.kind);
    return kinds;
}

int TestManagerGui::rowOf(ManagerWindow *manager, const QString &mchOrderNo)
{
    for (int row = 0; row < manager->orderModel()->rowCount(); ++row) {
        if (manager->orderModel()->orderAt(row)->mchOrderNo == mchOrderNo)
            return row;
    }
    return -1;
}

bool TestManagerGui::selectOrder(ManagerWindow *manager, const QString &mchOrderNo)
{
    const int row = rowOf(manager, mchOrderNo);
    if (row < 0)
        return false;
    QTableView *view = manager->orderView();
    view->setCurrentIndex(manager->orderModel()->index(row, 0));
    return manager->orderDetail()->order() && manager->orderDetail()->order()->mchOrderNo == mchOrderNo;
}

void TestManagerGui::wrongPinKeepsTheManagerOut()
{
    // No refund control anywhere on the cashier's screens.
    QVERIFY(!window().findChild<QPushButton *>(u"refundButton"_s));

    QString message;
    ModalAnswer wrong([&message](QWidget *modal) {
        enterPin(modal, u"1111"_s);
        message = modal->findChild<QLabel *>(u"pinMessage"_s)->text();
        qobject_cast<QDialog *>(modal)->reject();
    });
    QTest::keyClick(&window(), Qt::Key_F9);
    QVERIFY(wrong.answered());
    QVERIFY(!window().managerWindow());
    QCOMPARE(message, u"Wrong name or PIN."_s);
    // The manager PIN of the settings became the "manager" account: the failure counts there.
    QCOMPARE(auditKinds(), (QStringList{u"staff_migrated"_s, u"sign_in_failure"_s}));
    QCOMPARE(m_rig->orderLog().staffAccountByName(u"manager"_s)->failedAttempts, 1);

    // A name that does not exist reads exactly the same.
    QString unknown;
    ModalAnswer stranger([&unknown](QWidget *modal) {
        auto *name = modal->findChild<QLineEdit *>(u"staffNameEdit"_s);
        name->clear();
        QTest::keyClicks(name, u"nobody"_s);
        enterPin(modal, QString::fromLatin1(ManagerRig::Pin));
        unknown = modal->findChild<QLabel *>(u"pinMessage"_s)->text();
        qobject_cast<QDialog *>(modal)->reject();
    });
    QTest::mouseClick(window().findChild<QPushButton *>(u"managerButton"_s), Qt::LeftButton);
    QVERIFY(stranger.answered());
    QVERIFY(!window().managerWindow());
    QCOMPARE(unknown, message);

    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    QVERIFY(!manager->isLocked());
    QCOMPARE(manager->managerName(), u"manager"_s);
    QCOMPARE(m_rig->orderLog().staffAccountByName(u"manager"_s)->failedAttempts, 0);
    QCOMPARE(auditKinds(),
             (QStringList{u"staff_migrated"_s, u"sign_in_failure"_s, u"sign_in_failure"_s, u"sign_in"_s,
                          u"manager_unlock"_s}));
}

void TestManagerGui::lockOutAfterTenWrongPins()
{
    QStringList messages;
    ModalAnswer wrong([&messages](QWidget *modal) {
        for (int attempt = 0; attempt < 10; ++attempt) {
            enterPin(modal, u"000"_s + QString::number(attempt));
            messages.append(modal->findChild<QLabel *>(u"pinMessage"_s)->text());
        }
        // Locked: even the right PIN is not compared now.
        enterPin(modal, QString::fromLatin1(ManagerRig::Pin));
        messages.append(modal->findChild<QLabel *>(u"pinMessage"_s)->text());
        if (modal->isVisible())
            qobject_cast<QDialog *>(modal)->reject();
    });
    QTest::mouseClick(window().findChild<QPushButton *>(u"managerButton"_s), Qt::LeftButton);
    QVERIFY(wrong.answered());
    QCOMPARE(messages.size(), 11);
    QCOMPARE(messages[8], u"Wrong name or PIN."_s);
    QVERIFY2(messages[9].startsWith(u"Too many wrong PINs. Locked until "_s)
                 && messages[9].endsWith(u" (30 more minutes)."_s),
             qPrintable(messages[9]));
    QVERIFY2(messages[10].startsWith(u"Too many wrong PINs"_s), qPrintable(messages[10]));
    QVERIFY(!window().managerWindow());
    QVERIFY(m_rig->orderLog().staffAccountByName(u"manager"_s)->lockedUntilUtcMs > m_rig->clock().nowUtcMs());
    QCOMPARE(auditKinds().count(u"sign_in_failure"_s), 11);
    QCOMPARE(auditKinds().count(u"lockout"_s), 1);

    // Still locked the next time, so a cashier cannot simply reopen the dialog and keep guessing.
    QVERIFY(!openManager());
}

void TestManagerGui::cashierCannotRefund()
{
    const auto paid = m_rig->paidSale(1500, Channel::AlipayQr);
    QVERIFY2(paid, qPrintable(paid ? QString() : describe(paid.error())));
    // The core's own check, whatever a UI does: a cashier session never reaches refund_order.
    const auto refused = m_rig->refunds().request(paid->id, 500, u"asked nicely"_s, {u"alice"_s, StaffRole::Cashier});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(m_rig->orderLog().refundsOfOrder(paid->id)->isEmpty());
    QCOMPARE(m_rig->demo().simulator().order(paid->mchOrderNo)->refundedMinor, 0);
    // And without the PIN there is no manager view to refund from.
    ModalAnswer cancel([](QWidget *modal) { qobject_cast<QDialog *>(modal)->reject(); });
    QTest::keyClick(&window(), Qt::Key_F9);
    QVERIFY(cancel.answered());
    QVERIFY(!window().managerWindow());
}

void TestManagerGui::dayListShowsTheOrdersAndFilters()
{
    const auto wechat = m_rig->paidSale(2865, Channel::WxNative);
    const auto alipay = m_rig->paidSale(1000, Channel::AlipayQr);
    const auto unionPay = m_rig->paidSale(500, Channel::UpiQr);
    QVERIFY(wechat && alipay && unionPay);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    OrderTableModel *model = manager->orderModel();
    QCOMPARE(model->totalCount(), 3);
    QCOMPARE(model->rowCount(), 3);
    // Newest first.
    QCOMPARE(model->orderAt(0)->mchOrderNo, unionPay->mchOrderNo);
    QCOMPARE(model->index(2, OrderTableModel::Amount).data().toString(), u"$28.65"_s);
    QCOMPARE(model->index(2, OrderTableModel::State).data().toString(), u"Paid"_s);
    QCOMPARE(model->index(2, OrderTableModel::ChannelColumn).data().toString(), u"WeChat Pay"_s);
    QCOMPARE(manager->findChild<QLabel *>(u"orderCountLabel"_s)->text(), u"Showing 3 of 3 orders"_s);

    // Filter by channel, as a manager would: pick it in the combo box.
    auto *channel = manager->findChild<QComboBox *>(u"channelFilter"_s);
    channel->setCurrentIndex(channel->findText(u"Alipay"_s));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->orderAt(0)->mchOrderNo, alipay->mchOrderNo);
    QCOMPARE(model->filter().channels, QList<Channel>{Channel::AlipayQr});
    // Typed filters wait for a pause in typing.
    channel->setCurrentIndex(0);
    auto *number = manager->findChild<QLineEdit *>(u"orderNumberFilter"_s);
    // The whole number as printed on the receipt: a part of it (its last six digits, say) may also
    // occur inside another order's gateway number, which the simulator derives from the clock.
    QTest::keyClicks(number, wechat->mchOrderNo);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->orderAt(0)->id, wechat->id);
    // The gateway's number finds the order as well.
    QVERIFY(!alipay->payOrderId.isEmpty());
    QTest::mouseClick(manager->findChild<QPushButton *>(u"clearFiltersButton"_s), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 3);
    QTest::keyClicks(number, alipay->payOrderId);
    QTRY_COMPARE(model->rowCount(), 1);
    QTRY_COMPARE(model->orderAt(0)->id, alipay->id);
    QTest::mouseClick(manager->findChild<QPushButton *>(u"clearFiltersButton"_s), Qt::LeftButton);
    auto *minimum = manager->findChild<QLineEdit *>(u"minAmountFilter"_s);
    QTest::keyClicks(minimum, u"10.00"_s);
    QTest::keyClick(minimum, Qt::Key_Return);
    QCOMPARE(model->rowCount(), 2);
    QTest::keyClicks(minimum, u"x"_s);
    QTest::keyClick(minimum, Qt::Key_Return);
    QVERIFY(manager->findChild<QLabel *>(u"filterMessage"_s)->isVisible());
    QTest::mouseClick(manager->findChild<QPushButton *>(u"clearFiltersButton"_s), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 3);

    // The day's totals and the chart agree with the sales.
    const DailyReport &report = manager->report();
    QCOMPARE(report.totals.size(), 3);
    auto *totals = manager->daySummary()->findChild<QTableWidget *>(u"totalsTable"_s);
    QCOMPARE(totals->rowCount(), 3);
    // Every sale here is from the counter: one source row carrying all of them.
    auto *sources = manager->daySummary()->findChild<QTableWidget *>(u"sourceTotalsTable"_s);
    QVERIFY(sources);
    QCOMPARE(sources->rowCount(), 1);
    QCOMPARE(sources->item(0, 0)->text(), u"Counter"_s);
    int paidSales = 0;
    for (const ChannelTotals &channelTotals : report.totals)
        paidSales += channelTotals.paidCount;
    QCOMPARE(report.sources.first().paidCount, paidSales);
    QCOMPARE(sources->item(0, 2)->text(), QLocale().toString(paidSales));
    qreal charted = 0;
    for (const QList<qreal> &channelValues : manager->daySummary()->chart()->seriesValues()) {
        for (qreal value : channelValues)
            charted += value;
    }
    QCOMPARE(charted, 43.65); // amounts in CAD, the default measure
    QCOMPARE(manager->daySummary()->alertLines(), QStringList{u"Nothing to check before closing the day."_s});
}

// A store's database: the list and the day summary narrowed to a store or a terminal, and the
// totals per store and terminal.
void TestManagerGui::storeAndTerminalFiltersScopeTheDay()
{
    OrderLog &log = m_rig->orderLog();
    QVERIFY(log.registerTerminal({m_rig->settings().terminalId(), u"SA"_s, u"rig"_s, 0, 0}));
    QVERIFY(log.registerTerminal({u"B1"_s, u"SB"_s, u"other-counter"_s, 0, 0}));
    const auto here = m_rig->paidSale(2865, Channel::WxNative);
    QVERIFY(here);
    QCOMPARE(log.orderById(here->id)->storeId, u"SA"_s);
    for (qint64 amount : {1000, 700}) {
        NewOrder order;
        order.terminalId = u"B1"_s;
        order.channel = Channel::AlipayQr;
        order.amount = Money{amount, Currency::CAD};
        const auto created = log.createOrder(order);
        QVERIFY(created);
        QVERIFY(log.transition(created->id, OrderState::Paid, paidBy(u"relay"_s, u"P"_s + QString::number(amount))));
    }
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    OrderTableModel *model = manager->orderModel();
    QCOMPARE(model->rowCount(), 3);
    auto *places = manager->daySummary()->placeTotals();
    QCOMPARE(places->rowCount(), 4); // SA's terminal and SA, B1 and SB
    QCOMPARE(manager->report().stores.size(), 2);

    auto *store = manager->findChild<QLineEdit *>(u"storeFilter"_s);
    QVERIFY(store);
    QTest::keyClicks(store, u"SB"_s);
    QTest::keyClick(store, Qt::Key_Return);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->filter().storeId, u"SB"_s);
    QCOMPARE(manager->report().orderCount, 2);
    QCOMPARE(manager->report().scope.storeId, u"SB"_s);
    QCOMPARE(places->rowCount(), 2);
    QCOMPARE(places->item(1, 0)->text(), u"SB · whole store"_s);
    QCOMPARE(places->item(1, 6)->text(), u"$17.00"_s);

    QTest::mouseClick(manager->findChild<QPushButton *>(u"clearFiltersButton"_s), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(manager->report().orderCount, 3);
    auto *terminal = manager->findChild<QLineEdit *>(u"terminalFilter"_s);
    QTest::keyClicks(terminal, m_rig->settings().terminalId());
    QTest::keyClick(terminal, Qt::Key_Return);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(manager->report().orderCount, 1);
    QCOMPARE(manager->report().terminals.size(), 1);
    QCOMPARE(manager->report().terminals.first().grossMinor, qint64(2865));
}

void TestManagerGui::timelineOfTheSelectedOrder()
{
    const auto paid = m_rig->paidSale(2865, Channel::WxNative);
    QVERIFY(paid);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    QVERIFY(selectOrder(manager, paid->mchOrderNo));
    OrderDetailView *detail = manager->orderDetail();
    const auto events = m_rig->orderLog().events(paid->id);
    QVERIFY(events && events->size() >= 3);
    QCOMPARE(detail->events().size(), events->size());
    auto *table = detail->findChild<QTableWidget *>(u"eventTable"_s);
    QCOMPARE(table->rowCount(), int(events->size()));
    QCOMPARE(table->item(0, 1)->text(), u"Created"_s);
    QStringList changes;
    for (int row = 0; row < table->rowCount(); ++row)
        changes.append(table->item(row, 2) ? table->item(row, 2)->text() : QString());
    QVERIFY2(changes.contains(u"Awaiting payment → Paid"_s), qPrintable(changes.join(u" | ")));
    QVERIFY(detail->findChild<QLabel *>(u"orderSummary"_s)->text().contains(paid->payOrderId));
    QVERIFY(detail->findChild<QPushButton *>(u"refundButton"_s)->isEnabled());
}

void TestManagerGui::partialRefundThroughTheDialog()
{
    const auto paid = m_rig->paidSale(2865, Channel::WxNative);
    QVERIFY(paid);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    QVERIFY(selectOrder(manager, paid->mchOrderNo));

    QString balance;
    bool overLimitRefused = false;
    bool noReasonRefused = false;
    QString result;
    ModalAnswer answer([&](QWidget *dialog) {
        balance = dialog->findChild<QLabel *>(u"refundBalance"_s)->text();
        auto *send = dialog->findChild<QPushButton *>(u"sendRefundButton"_s);
        auto *amount = dialog->findChild<QLineEdit *>(u"refundAmountEdit"_s);
        auto *reason = dialog->findChild<QLineEdit *>(u"refundReasonEdit"_s);
        QTest::keyClicks(reason, u"broken cup"_s);
        QTest::keyClicks(amount, u"30.00"_s); // more than was paid
        overLimitRefused = dialog->findChild<QRadioButton *>(u"partialRefundRadio"_s)->isChecked() && !send->isEnabled()
            && dialog->findChild<QLabel *>(u"refundMessage"_s)->text().contains(u"At most $28.65"_s);
        amount->clear();
        QTest::keyClicks(amount, u"5.00"_s);
        reason->clear();
        noReasonRefused = !send->isEnabled();
        QTest::keyClicks(reason, u"broken cup"_s);
        QTest::mouseClick(send, Qt::LeftButton);
        auto *label = dialog->findChild<QLabel *>(u"refundResult"_s);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(u"SUCCEEDED"_s), 8000);
        result = label->text();
        qobject_cast<QDialog *>(dialog)->reject();
    });
    QTest::mouseClick(manager->orderDetail()->findChild<QPushButton *>(u"refundButton"_s), Qt::LeftButton);
    QVERIFY(answer.answered());
    QVERIFY2(balance.contains(u"still refundable $28.65"_s), qPrintable(balance));
    QVERIFY(overLimitRefused);
    QVERIFY(noReasonRefused);
    QVERIFY2(result.contains(u"$5.00 refunded"_s), qPrintable(result));

    // Recorded everywhere: the log, the simulator, the list, the detail and the audit trail.
    const auto refunds = m_rig->orderLog().refundsOfOrder(paid->id);
    QCOMPARE(refunds->size(), 1);
    QCOMPARE(refunds->first().state, RefundState::Succeeded);
    QCOMPARE(refunds->first().amount.minor, 500);
    QCOMPARE(refunds->first().reason, u"broken cup"_s);
    QCOMPARE(refunds->first().requestedBy, u"manager"_s); // the manager who signed in
    QCOMPARE(m_rig->demo().simulator().order(paid->mchOrderNo)->refundedMinor, 500);
    const int row = rowOf(manager, paid->mchOrderNo);
    QCOMPARE(manager->orderModel()->index(row, OrderTableModel::Refunded).data().toString(), u"$5.00"_s);
    auto *refundTable = manager->orderDetail()->findChild<QTableWidget *>(u"refundTable"_s);
    QCOMPARE(refundTable->rowCount(), 1);
    QCOMPARE(refundTable->item(0, 3)->text(), u"Refunded"_s);
    QCOMPARE(manager->report().totals.first().refundsMinor, 500);
    QVERIFY(auditKinds().contains(u"refund_request"_s));
    QVERIFY(auditKinds().contains(u"refund_result"_s));
    QVERIFY(manager->auditView()->rowTexts().join(u'\n').contains(u"SUCCEEDED"_s));
}

void TestManagerGui::unknownRefundIsResolvedLater()
{
    const auto paid = m_rig->paidSale(1200, Channel::AlipayQr);
    QVERIFY(paid);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    QVERIFY(selectOrder(manager, paid->mchOrderNo));
    SimFaults faults;
    faults.serverErrorStatus = 502; // the gateway may or may not have refunded
    faults.calls = 1;
    m_rig->demo().simulator().setFaults(faults);

    QString result;
    ModalAnswer answer([&](QWidget *dialog) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"refundReasonEdit"_s), u"customer changed mind"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"sendRefundButton"_s), Qt::LeftButton); // full
        auto *label = dialog->findChild<QLabel *>(u"refundResult"_s);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(u"UNKNOWN"_s), 8000);
        result = label->text();
        qobject_cast<QDialog *>(dialog)->reject();
    });
    QTest::mouseClick(manager->orderDetail()->findChild<QPushButton *>(u"refundButton"_s), Qt::LeftButton);
    QVERIFY2(result.contains(u"Ask IOTPay"_s), qPrintable(result));
    const auto unknown = m_rig->orderLog().refundsOfOrder(paid->id)->first();
    QCOMPARE(unknown.state, RefundState::Unknown);
    // Reserved: nothing more can be refunded, and the day's alerts say so.
    QCOMPARE(m_rig->orderLog().refundBalance(paid->id)->refundableMinor(), 0);
    QVERIFY(manager->daySummary()->alertLines().join(u'\n').contains(unknown.mchRefundNo));

    auto *resolve = manager->orderDetail()->findChild<QPushButton *>(u"resolveRefundButton"_s);
    QVERIFY(resolve->isEnabled());
    ModalAnswer resolveAnswer([](QWidget *dialog) {
        auto *outcome = dialog->findChild<QComboBox *>(u"resolveOutcomeCombo"_s);
        outcome->setCurrentIndex(outcome->findData(int(RefundState::Failed)));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"resolveNoteEdit"_s), u"not in the portal"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"resolveSaveButton"_s), Qt::LeftButton);
    });
    QTest::mouseClick(resolve, Qt::LeftButton);
    QVERIFY(resolveAnswer.answered());
    const auto resolved = m_rig->orderLog().refundById(unknown.id);
    QCOMPARE(resolved->state, RefundState::Failed);
    QVERIFY(resolved->detail.contains(u"not in the portal"_s));
    QCOMPARE(m_rig->orderLog().refundBalance(paid->id)->refundableMinor(), 1200);
    QVERIFY(auditKinds().contains(u"refund_resolve"_s));
    QVERIFY(!resolve->isEnabled());
}

void TestManagerGui::csvExportWritesTheFilteredRows()
{
    const auto wechat = m_rig->paidSale(2865, Channel::WxNative);
    const auto alipay = m_rig->paidSale(1000, Channel::AlipayQr);
    QVERIFY(wechat && alipay);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    auto *channel = manager->findChild<QComboBox *>(u"channelFilter"_s);
    channel->setCurrentIndex(channel->findText(u"WeChat Pay"_s));
    QCOMPARE(manager->orderModel()->rowCount(), 1);

    for (bool bom : {false, true}) {
        const QString path = m_files.filePath(bom ? u"excel.csv"_s : u"plain.csv"_s);
        manager->findChild<QCheckBox *>(u"csvBomCheck"_s)->setChecked(bom);
        QString dialogName;
        ModalAnswer answer([&](QWidget *modal) {
            dialogName = modal->objectName();
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept();
        });
        QTest::mouseClick(manager->findChild<QPushButton *>(u"exportCsvButton"_s), Qt::LeftButton);
        QCOMPARE(dialogName, u"csvExportDialog"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
        const QList<QByteArray> lines = bytes.mid(bom ? 3 : 0).split('\n');
        QCOMPARE(lines.size(), 3); // header, one order, the empty rest after the last CRLF
        QCOMPARE(lines[0], (orderCsvHeader().join(u',') + u'\r').toUtf8());
        QVERIFY(lines[1].startsWith(QByteArray(wechat->mchOrderNo.toUtf8() + ',')));
        QVERIFY(lines[1].contains(",28.65,CAD,"));
        QVERIFY(!bytes.contains(alipay->mchOrderNo.toUtf8()));
    }
    const QStringList rows = manager->auditView()->rowTexts();
    QCOMPARE(rows.filter(u"export|"_s).size(), 2);
    QVERIFY2(rows.filter(u"export|"_s).constLast().contains(u"1 orders"_s)
                 && rows.constLast().contains(u"channel=WX_NATIVE"_s),
             qPrintable(rows.join(u'\n')));
}

// A gateway fact the order log did not take (PaymentLifecycle's "contradiction" events) is
// something to check before closing the day.
void TestManagerGui::contradictionsAreInTheAlerts()
{
    const auto paid = m_rig->paidSale(2865, Channel::WxNative);
    QVERIFY(paid);
    QVERIFY(m_rig->orderLog().recordEvent(paid->id, u"contradiction"_s, u"relay"_s,
                                          u"the gateway names payment order P-OTHER, the order log holds P1 (kept)"_s));
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    const QString alerts = manager->daySummary()->alertLines().join(u'\n');
    QVERIFY2(alerts.contains(u"Gateway contradicts the order log on "_s + paid->mchOrderNo), qPrintable(alerts));
    QVERIFY(alerts.contains(u"P-OTHER"_s));
}

void TestManagerGui::checkOpenOrdersShowsWhatChanged()
{
    const auto orphan = m_rig->orphanOrder(777, Channel::UpiQr, true);
    QVERIFY2(orphan, qPrintable(orphan ? QString() : describe(orphan.error())));
    QCOMPARE(orphan->state, OrderState::Awaiting);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    QVERIFY(manager->daySummary()->alertLines().join(u'\n').contains(orphan->mchOrderNo));

    qRegisterMetaType<ReconcileReport>();
    QSignalSpy shown(manager, &ManagerWindow::reconcileShown);
    QTest::mouseClick(manager->findChild<QPushButton *>(u"checkOpenOrdersButton"_s), Qt::LeftButton);
    QVERIFY(shown.wait(8000));
    auto *dialog = manager->findChild<QDialog *>(u"reconcileResultDialog"_s);
    QVERIFY(dialog && dialog->isVisible());
    auto *changes = dialog->findChild<QTableWidget *>(u"reconcileChanges"_s);
    QCOMPARE(changes->rowCount(), 1);
    QCOMPARE(changes->item(0, 0)->text(), orphan->mchOrderNo);
    QCOMPARE(changes->item(0, 1)->text(), u"Awaiting payment"_s);
    QCOMPARE(changes->item(0, 2)->text(), u"Paid"_s);
    QVERIFY(dialog->findChild<QLabel *>(u"reconcileSummary"_s)->text().startsWith(u"1 order checked"_s));
    QCOMPARE(m_rig->orderLog().orderById(orphan->id)->state, OrderState::Paid);
    // The list and the alerts follow.
    QCOMPARE(manager->orderModel()->index(rowOf(manager, orphan->mchOrderNo), OrderTableModel::State).data().toString(),
             u"Paid"_s);
    QCOMPARE(manager->report().alerts.openCount, 0);
    QVERIFY(auditKinds().contains(u"reconcile"_s));
}

void TestManagerGui::locksWhenIdle()
{
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    QCOMPARE(manager->idleLock()->timeoutMs(), 5 * 60'000); // the setting's default
    auto *table = manager->orderView();

    // Activity keeps it open.
    manager->idleLock()->setTimeoutMs(600);
    for (int i = 0; i < 8; ++i) {
        QTest::qWait(150);
        QTest::mouseMove(table->viewport(), QPoint(10 + i, 10 + i));
        QTest::keyClick(table, Qt::Key_Down);
    }
    QVERIFY(!manager->isLocked());
    // Idle locks it, whatever dialog was open.
    QTRY_VERIFY_WITH_TIMEOUT(manager->isLocked(), 3000);
    QVERIFY(!manager->orderDetail()->order());
    QVERIFY(manager->findChild<QWidget *>(u"managerLockPage"_s)->isVisible());
    QVERIFY(!manager->findChild<QWidget *>(u"managerTabs"_s)->isVisible());
    QCOMPARE(auditKinds().constLast(), u"manager_lock"_s);

    // A wrong PIN does not unlock; the right one does.
    ModalAnswer wrong([](QWidget *modal) {
        enterPin(modal, u"9999"_s);
        qobject_cast<QDialog *>(modal)->reject();
    });
    QTest::mouseClick(manager->findChild<QPushButton *>(u"unlockButton"_s), Qt::LeftButton);
    QVERIFY(manager->isLocked());
    ModalAnswer right([](QWidget *modal) { enterPin(modal, QString::fromLatin1(ManagerRig::Pin)); });
    QTest::mouseClick(manager->findChild<QPushButton *>(u"unlockButton"_s), Qt::LeftButton);
    QVERIFY(!manager->isLocked());
    QVERIFY(manager->idleLock()->isRunning());
    QCOMPARE(auditKinds().mid(auditKinds().size() - 3),
             (QStringList{u"sign_in_failure"_s, u"sign_in"_s, u"manager_unlock"_s}));
}

void TestManagerGui::paidScreenPrintsToTheReceiptPrinter()
{
    // A sale through the cashier's screens, as in tests/ui.
    auto *amount = window().findChild<QLineEdit *>(u"amountEdit"_s);
    QTRY_COMPARE(QApplication::focusWidget(), amount);
    QTest::keyClicks(amount, u"12.34"_s);
    QTest::keyClick(amount, Qt::Key_F1); // WeChat Pay
    QTest::keyClick(amount, Qt::Key_Return); // charge
    QTRY_VERIFY_WITH_TIMEOUT(
        m_rig->checkout().current() && m_rig->checkout().current()->state() == OrderState::Awaiting, 5000);
    const Order order = m_rig->checkout().current()->order();
    QVERIFY(m_rig->demo().simulator().pay(order.mchOrderNo));
    QTRY_COMPARE_WITH_TIMEOUT(window().currentScreen(), static_cast<QWidget *>(window().outcomeScreen()), 8000);
    auto *print = window().outcomeScreen()->findChild<QPushButton *>(u"printReceiptButton"_s);
    QVERIFY(print->isVisible());
    QTest::mouseClick(print, Qt::LeftButton);
    QTRY_COMPARE(m_rig->printer().sent().size(), 1);
    const QByteArray bytes = m_rig->printer().sent().first();
    QVERIFY(bytes.startsWith("\x1b@")); // ESC @ initialise
    QVERIFY(bytes.contains("Cafe Lumiere")); // the merchant, in ASCII
    QVERIFY(bytes.contains("12.34 CAD"));
    QVERIFY(bytes.contains(order.mchOrderNo.toLatin1()));
    QVERIFY(bytes.contains("WeChat Pay"));
    QVERIFY(bytes.contains("\x1d(k")); // the QR of the order number
    QVERIFY(bytes.contains("\x1dV")); // cut
    QTRY_VERIFY(
        window().outcomeScreen()->findChild<QLabel *>(u"receiptStatus"_s)->text().startsWith(u"Receipt sent"_s));
    // Printing stopped the countdown: the customer is still there.
    QTest::qWait(OutcomeScreen::AutoReturnSeconds * 1000 + 500);
    QCOMPARE(window().currentScreen(), static_cast<QWidget *>(window().outcomeScreen()));

    // A printer that fails says so on the screen.
    m_rig->printer().failNextWith(Error{ErrorCode::Network, u"connection refused"_s, {}, 0});
    QTest::mouseClick(print, Qt::LeftButton);
    QTRY_VERIFY(window()
                    .outcomeScreen()
                    ->findChild<QLabel *>(u"receiptStatus"_s)
                    ->text()
                    .startsWith(u"The receipt printer did not print"_s));
}

void TestManagerGui::receiptPdfFromTheOrderDetail()
{
    QVERIFY2(!pdfToTextProgram().isEmpty(), "pdftotext (poppler-utils) is required for this test");
    const auto paid = m_rig->paidSale(4321, Channel::AlipayQr);
    QVERIFY(paid);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    QVERIFY(selectOrder(manager, paid->mchOrderNo));
    const QString path = m_files.filePath(u"receipt.pdf"_s);
    ModalAnswer answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept();
    });
    manager->orderDetail()->findChild<QAction *>(u"saleReceiptPdfAction"_s)->trigger();
    QVERIFY(answer.answered());
    const QString text = pdfToText(path);
    QVERIFY2(text.contains(u"Café Lumière"_s), qPrintable(text));
    QVERIFY(text.contains(u"PAYMENT RECEIPT"_s));
    QVERIFY(text.contains(u"43.21 CAD"_s));
    QVERIFY(text.contains(paid->mchOrderNo));
    QVERIFY(text.contains(paid->payOrderId));
    QVERIFY(text.contains(u"Alipay"_s));

    // And the thermal printer from the same menu.
    manager->orderDetail()->findChild<QAction *>(u"saleReceiptThermalAction"_s)->trigger();
    QTRY_COMPARE(m_rig->printer().sent().size(), 1);
    QVERIFY(m_rig->printer().sent().first().contains(paid->mchOrderNo.toLatin1()));
    QCOMPARE(auditKinds().count(u"receipt"_s), 2);
}

// Mini-program and app sales share the day with the counter's: the list says where each came
// from, "WeChat Pay" finds every WeChat payment, and the totals split by source and currency.
void TestManagerGui::onlineOrdersInTheDay()
{
    const auto counter = m_rig->paidSale(2865, Channel::WxNative);
    const auto mini = m_rig->onlineSale({1880, Currency::CAD}, Channel::WxJsapi, OrderSource::MiniProgram, u"iotpay"_s);
    const auto app = m_rig->onlineSale({8800, Currency::HKD}, Channel::WxApp, OrderSource::App, u"ionline"_s);
    const auto alipay = m_rig->paidSale(1000, Channel::AlipayQr);
    QVERIFY(counter && mini && app && alipay);
    ManagerWindow *manager = openManager();
    QVERIFY(manager);
    OrderTableModel *model = manager->orderModel();
    QCOMPARE(model->rowCount(), 4);
    QHash<QString, QString> sourceOf;
    for (int row = 0; row < model->rowCount(); ++row)
        sourceOf.insert(model->orderAt(row)->mchOrderNo, model->index(row, OrderTableModel::Source).data().toString());
    QCOMPARE(sourceOf.value(counter->mchOrderNo), u"Counter"_s);
    QCOMPARE(sourceOf.value(mini->mchOrderNo), u"Mini program"_s);
    QCOMPARE(sourceOf.value(app->mchOrderNo), u"App"_s);

    auto *channel = manager->findChild<QComboBox *>(u"channelFilter"_s);
    channel->setCurrentIndex(channel->findText(u"WeChat Pay"_s));
    QCOMPARE(model->rowCount(), 3);
    QSet<QString> wechat;
    for (int row = 0; row < model->rowCount(); ++row)
        wechat.insert(model->orderAt(row)->mchOrderNo);
    QCOMPARE(wechat, (QSet<QString>{counter->mchOrderNo, mini->mchOrderNo, app->mchOrderNo}));
    channel->setCurrentIndex(0);

    auto *sources = manager->daySummary()->findChild<QTableWidget *>(u"sourceTotalsTable"_s);
    QVERIFY(sources);
    QStringList rows;
    for (int row = 0; row < sources->rowCount(); ++row) {
        rows.append(sources->item(row, 0)->text() + u' ' + sources->item(row, 1)->text() + u' '
                    + sources->item(row, 2)->text() + u' ' + sources->item(row, 6)->text());
    }
    QCOMPARE(rows, (QStringList{u"Counter CAD 2 $38.65"_s, u"Mini program CAD 1 $18.80"_s, u"App HKD 1 HK$88.00"_s}));
    auto *totals = manager->daySummary()->findChild<QTableWidget *>(u"totalsTable"_s);
    QStringList channels;
    for (int row = 0; row < totals->rowCount(); ++row)
        channels.append(totals->item(row, 0)->text());
    QVERIFY2(channels.contains(u"WeChat Pay (mini program)"_s), qPrintable(channels.join(u", ")));
    QVERIFY2(channels.contains(u"WeChat Pay (app)"_s), qPrintable(channels.join(u", ")));

    // The iOnline order cannot be refunded through IOTPay: its button is off and says where to
    // go; the mini-program order, paid through IOTPay, can be.
    auto *refund = manager->orderDetail()->findChild<QPushButton *>(u"refundButton"_s);
    QVERIFY(refund);
    QVERIFY(selectOrder(manager, app->mchOrderNo));
    QVERIFY(!refund->isEnabled());
    QVERIFY2(refund->toolTip().contains(u"ionline"_s), qPrintable(refund->toolTip()));
    QVERIFY(selectOrder(manager, mini->mchOrderNo));
    QVERIFY(refund->isEnabled());
    QVERIFY(refund->toolTip().isEmpty());
}

QTEST_MAIN(TestManagerGui)
#include "test_manager_gui.moc"

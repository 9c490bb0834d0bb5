#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "orders/OrderLog.h"
#include "reports/DailyReport.h"

#include <QDate>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace paydesk {

class AuditView;
class Checkout;
class DaySummaryView;
class IdleLock;
class ManagerSettingsPage;
class OrderDetailView;
class OrderFilterBar;
class OrderTableModel;
class Reconciler;
class ReceiptActions;
class RefundService;
class Settings;
class StaffPage;
class StaffService;
struct ReceiptData;
struct ReconcileReport;
enum class ReceiptOutput;

// What the manager view works with, built in main() and handed down through the cashier window.
struct ManagerServices
{
    OrderLog *orderLog = nullptr;
    Settings *settings = nullptr;
    const Clock *clock = nullptr;
    RefundService *refunds = nullptr; // null: refunds unavailable here
    Reconciler *reconciler = nullptr; // null: "Check open orders" unavailable
    Checkout *checkout = nullptr; // its live sale is left alone by the check
    StaffService *staff = nullptr; // null: no sign-in (as with no manager account)
    ReceiptActions *receipts = nullptr;
};

// The manager view, behind the manager PIN: the orders of a business day with filters, an
// order's timeline and refunds, the day's totals, alerts and chart, exports (CSV, Z report),
// receipts, "Check open orders", the audit trail, the receipt printer settings and the staff
// accounts. Locks
// itself after the configured idle time. The work is done by core; this window wires it up.
class ManagerWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit ManagerWindow(const ManagerServices &services, QWidget *parent = nullptr);
    ~ManagerWindow() override;

    // A manager's sign-in (PinDialog, name and PIN); every attempt goes to the audit trail. True
    // when a manager signed in (their name in `*managerName`) or when there is no manager
    // account to sign in with (demo mode, no PIN ever set).
    static bool askPin(const ManagerServices &services, QWidget *parent, QString *managerName = nullptr);

    QDate businessDay() const;
    void setBusinessDay(const QDate &day);
    BusinessDayRange dayRange() const;
    const DailyReport &report() const { return m_report; }
    // The manager who signed in; managerActorName(terminal) when nobody had to.
    QString managerName() const;
    void setManagerName(const QString &name);

    bool isLocked() const;
    IdleLock *idleLock() const { return m_idleLock; }
    OrderTableModel *orderModel() const { return m_model; }
    QTableView *orderView() const { return m_orderView; }
    OrderDetailView *orderDetail() const { return m_detail; }
    DaySummaryView *daySummary() const { return m_summary; }
    AuditView *auditView() const { return m_audit; }
    StaffPage *staffPage() const { return m_staffPage; } // null without staff accounts
    QTabWidget *tabs() const { return m_tabs; }
    OrderFilterBar *filterBar() const { return m_filters; }

    // The non-interactive halves of the export buttons.
    Result<qint64> exportCsvTo(const QString &path, bool byteOrderMark);
    Result<void> writeZReportTo(const QString &path);

public Q_SLOTS:
    void refresh();
    void reloadOrders();
    void lock();
    bool unlock();
    void exportCsv();
    void saveZReportPdf();
    void printZReport();
    void checkOpenOrders();
    bool selectOrder(const QString &mchOrderNo);

Q_SIGNALS:
    void lockedChanged(bool locked);
    void reconcileShown(const paydesk::ReconcileReport &report);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildTopBar();
    QWidget *buildOrdersTab();
    QWidget *buildLockPage();
    void connectServices();
    void showSelectedOrder();
    void updateCount();
    void refreshReport();
    void refreshAudit();
    void retranslate();
    void status(const QString &message, bool ok = true);
    void audit(const QString &kind, const QString &detail);
    void closeDialogs();

    // ManagerActions.cpp
    void openRefundDialog(const Order &order);
    void openResolveDialog(const Refund &refund);
    void onRefundFinished(const Refund &refund);
    void onReconciled(const ReconcileReport &report);
    void printReceipt(const ReceiptData &receipt, ReceiptOutput output, const QString &what);
    void printTestReceipt();

    ManagerServices m_services;
    QString m_managerName;
    DailyReport m_report;
    QSet<qint64> m_refundsOfThisWindow;
    bool m_reconcileRequested = false;
    IdleLock *m_idleLock = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_content = nullptr;
    QTabWidget *m_tabs = nullptr;
    QDateEdit *m_day = nullptr;
    QLabel *m_dayLabel = nullptr;
    QLabel *m_zoneLabel = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_export = nullptr;
    QCheckBox *m_bom = nullptr;
    QPushButton *m_zPdf = nullptr;
    QPushButton *m_zPrint = nullptr;
    QPushButton *m_lock = nullptr;
    OrderFilterBar *m_filters = nullptr;
    OrderTableModel *m_model = nullptr;
    QTableView *m_orderView = nullptr;
    QLabel *m_count = nullptr;
    OrderDetailView *m_detail = nullptr;
    DaySummaryView *m_summary = nullptr;
    AuditView *m_audit = nullptr;
    ManagerSettingsPage *m_settingsPage = nullptr;
    StaffPage *m_staffPage = nullptr;
    QLabel *m_lockMessage = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_closeLocked = nullptr;
};

} // namespace paydesk

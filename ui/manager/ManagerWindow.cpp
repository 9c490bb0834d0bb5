#include "ManagerWindow.h"

#include "AuditView.h"
#include "DaySummaryView.h"
#include "ErrorText.h"
#include "IdleLock.h"
#include "ManagerSettingsPage.h"
#include "ManagerText.h"
#include "OrderDetailView.h"
#include "OrderFilterBar.h"
#include "OrderTableModel.h"
#include "PinDialog.h"
#include "ReceiptActions.h"
#include "StaffPage.h"
#include "staff/StaffService.h"

#include "config/Settings.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "reports/BusinessDay.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialog>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace paydesk {

ManagerWindow::ManagerWindow(const ManagerServices &services, QWidget *parent)
    : QMainWindow(parent), m_services(services)
{
    setObjectName(QStringLiteral("managerWindow"));
    setWindowFlag(Qt::Window);
    setAttribute(Qt::WA_DeleteOnClose);
    m_pages = new QStackedWidget(this);
    m_content = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(m_content);
    layout->addWidget(buildTopBar());
    m_tabs = new QTabWidget(m_content);
    m_tabs->setObjectName(QStringLiteral("managerTabs"));
    m_tabs->addTab(buildOrdersTab(), QString());
    m_summary = new DaySummaryView(m_tabs);
    m_tabs->addTab(m_summary, QString());
    m_audit = new AuditView(m_tabs);
    m_tabs->addTab(m_audit, QString());
    m_settingsPage = new ManagerSettingsPage(*services.settings, m_tabs);
    m_tabs->addTab(m_settingsPage, QString());
    if (services.staff) {
        m_staffPage = new StaffPage(*services.staff, *services.clock, m_tabs);
        m_staffPage->setTimeZone(services.settings->reportTimeZone());
        m_tabs->addTab(m_staffPage, QString());
    }
    layout->addWidget(m_tabs, 1);
    m_pages->addWidget(m_content);
    m_pages->addWidget(buildLockPage());
    setCentralWidget(m_pages);

    m_idleLock = new IdleLock(this, services.settings->managerIdleLockMinutes() * 60'000, this);
    connect(m_idleLock, &IdleLock::idle, this, [this] {
        audit(QStringLiteral("manager_lock"), u"idle for " + QString::number(m_idleLock->timeoutMs() / 1000) + u" s");
        lock();
    });
    connectServices();
    resize(1360, 860);
    retranslate();
    setBusinessDay(businessDayOf(services.clock->nowUtcMs(), services.settings->reportTimeZone(),
                                 services.settings->reportCutoffHour()));
    m_idleLock->start();
}

ManagerWindow::~ManagerWindow() = default;

bool ManagerWindow::askPin(const ManagerServices &services, QWidget *parent, QString *managerName)
{
    if (!services.staff)
        return true;
    // An order log that cannot be read is reported by the sign-in itself.
    if (const auto managed = services.staff->hasManager(); managed && !*managed)
        return true;
    PinDialog dialog(*services.staff, parent);
    if (dialog.exec() != QDialog::Accepted || !dialog.account())
        return false;
    if (managerName)
        *managerName = dialog.account()->name;
    return true;
}

QWidget *ManagerWindow::buildTopBar()
{
    auto *bar = new QWidget(m_content);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_dayLabel = new QLabel(bar);
    m_day = new QDateEdit(bar);
    m_day->setObjectName(QStringLiteral("businessDayEdit"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_dayLabel->setBuddy(m_day);
    m_zoneLabel = new QLabel(bar);
    m_zoneLabel->setObjectName(QStringLiteral("zoneLabel"));
    const auto button = [bar, row](const char *objectName) {
        auto *b = new QPushButton(bar);
        b->setObjectName(QString::fromLatin1(objectName));
        row->addWidget(b);
        return b;
    };
    row->addWidget(m_dayLabel);
    row->addWidget(m_day);
    row->addWidget(m_zoneLabel);
    m_refresh = button("refreshButton");
    row->addStretch(1);
    m_check = button("checkOpenOrdersButton");
    m_export = button("exportCsvButton");
    m_bom = new QCheckBox(bar);
    m_bom->setObjectName(QStringLiteral("csvBomCheck"));
    row->addWidget(m_bom);
    m_zPdf = button("zReportPdfButton");
    m_zPrint = button("zReportPrintButton");
    m_lock = button("lockButton");
    connect(m_day, &QDateEdit::dateChanged, this, &ManagerWindow::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &ManagerWindow::refresh);
    connect(m_check, &QPushButton::clicked, this, &ManagerWindow::checkOpenOrders);
    connect(m_export, &QPushButton::clicked, this, &ManagerWindow::exportCsv);
    connect(m_zPdf, &QPushButton::clicked, this, &ManagerWindow::saveZReportPdf);
    connect(m_zPrint, &QPushButton::clicked, this, &ManagerWindow::printZReport);
    connect(m_lock, &QPushButton::clicked, this, [this] {
        audit(QStringLiteral("manager_lock"), QStringLiteral("locked by hand"));
        lock();
    });
    m_check->setEnabled(m_services.reconciler != nullptr);
    return bar;
}

QWidget *ManagerWindow::buildOrdersTab()
{
    auto *tab = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(tab);
    m_filters = new OrderFilterBar(tab);
    layout->addWidget(m_filters);
    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    auto *listSide = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new OrderTableModel(*m_services.orderLog, this);
    m_model->setTimeZone(m_services.settings->reportTimeZone());
    m_orderView = new QTableView(listSide);
    m_orderView->setObjectName(QStringLiteral("orderTable"));
    m_orderView->setModel(m_model);
    m_orderView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_orderView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_orderView->setSortingEnabled(true);
    m_orderView->horizontalHeader()->setSortIndicator(OrderTableModel::Time, Qt::DescendingOrder);
    m_orderView->horizontalHeader()->setStretchLastSection(true);
    m_orderView->verticalHeader()->hide();
    m_orderView->setWordWrap(false);
    // Fixed row heights: the view never measures rows it has not fetched.
    m_orderView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_orderView->verticalHeader()->setDefaultSectionSize(m_orderView->fontMetrics().height() + 8);
    listLayout->addWidget(m_orderView, 1);
    m_count = new QLabel(listSide);
    m_count->setObjectName(QStringLiteral("orderCountLabel"));
    listLayout->addWidget(m_count);
    m_detail = new OrderDetailView(*m_services.orderLog, splitter);
    m_detail->setTimeZone(m_services.settings->reportTimeZone());
    m_detail->setRefundService(m_services.refunds);
    splitter->addWidget(listSide);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 640});
    layout->addWidget(splitter, 1);

    // Column widths from the first page only: measuring costs nothing more than showing it.
    connect(m_model, &OrderTableModel::modelReset, this,
            [this] { QTimer::singleShot(0, this, [this] { m_orderView->resizeColumnsToContents(); }); });
    connect(m_filters, &OrderFilterBar::filterChanged, this, &ManagerWindow::reloadOrders);
    connect(m_filters, &OrderFilterBar::filterChanged, this, &ManagerWindow::refreshReport);
    connect(m_orderView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ManagerWindow::showSelectedOrder);
    connect(m_model, &OrderTableModel::rowsInserted, this, &ManagerWindow::updateCount);
    connect(m_model, &OrderTableModel::modelReset, this, &ManagerWindow::updateCount);
    connect(m_model, &OrderTableModel::loadFailed, this,
            [this](const Error &error) { status(errorMessage(error), false); });
    // Only the creation time sorts (see OrderTableModel); the indicator follows.
    connect(m_orderView->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (column != OrderTableModel::Time)
                    m_orderView->horizontalHeader()->setSortIndicator(
                        OrderTableModel::Time,
                        m_model->listOrder() == ListOrder::OldestFirst ? Qt::AscendingOrder : Qt::DescendingOrder);
                else
                    m_model->sort(column, order);
            });
    return tab;
}

QWidget *ManagerWindow::buildLockPage()
{
    auto *page = new QWidget(m_pages);
    page->setObjectName(QStringLiteral("managerLockPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    m_lockMessage = new QLabel(page);
    m_lockMessage->setObjectName(QStringLiteral("lockMessage"));
    m_lockMessage->setAlignment(Qt::AlignCenter);
    m_lockMessage->setWordWrap(true);
    QFont big = m_lockMessage->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_lockMessage->setFont(big);
    layout->addWidget(m_lockMessage);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    m_unlock = new QPushButton(page);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setMinimumSize(180, 44);
    m_closeLocked = new QPushButton(page);
    m_closeLocked->setObjectName(QStringLiteral("closeLockedButton"));
    m_closeLocked->setMinimumSize(180, 44);
    row->addWidget(m_unlock);
    row->addWidget(m_closeLocked);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    connect(m_unlock, &QPushButton::clicked, this, &ManagerWindow::unlock);
    connect(m_closeLocked, &QPushButton::clicked, this, &ManagerWindow::close);
    return page;
}

void ManagerWindow::connectServices()
{
    connect(m_detail, &OrderDetailView::refundRequested, this, &ManagerWindow::openRefundDialog);
    connect(m_detail, &OrderDetailView::resolveRequested, this, &ManagerWindow::openResolveDialog);
    connect(m_summary, &DaySummaryView::orderActivated, this, [this](const QString &number) {
        m_tabs->setCurrentIndex(0);
        selectOrder(number);
    });
    connect(m_settingsPage, &ManagerSettingsPage::saved, this, [this](const QString &changes) {
        audit(QStringLiteral("settings"), changes);
        m_idleLock->setTimeoutMs(m_services.settings->managerIdleLockMinutes() * 60'000);
        refreshAudit();
    });
    if (m_staffPage) {
        connect(m_staffPage, &StaffPage::changed, this, [this](const QString &what) {
            status(what);
            refreshAudit();
        });
    }
    connect(m_settingsPage, &ManagerSettingsPage::testPrintRequested, this, &ManagerWindow::printTestReceipt);
    connect(m_detail, &OrderDetailView::saleReceiptRequested, this, [this](const Order &order, ReceiptOutput output) {
        printReceipt(m_services.receipts->saleReceipt(order), output, u"sale receipt " + order.mchOrderNo);
    });
    connect(m_detail, &OrderDetailView::refundReceiptRequested, this,
            [this](const Order &order, const Refund &refund, ReceiptOutput output) {
                printReceipt(m_services.receipts->refundReceipt(order, refund), output,
                             u"refund receipt " + refund.mchRefundNo);
            });
    connect(m_services.receipts, &ReceiptActions::thermalFinished, this,
            [this](bool ok, const QString &message) { status(message, ok); });
    if (m_services.refunds)
        connect(m_services.refunds, &RefundService::finished, this, &ManagerWindow::onRefundFinished);
    if (m_services.reconciler)
        connect(m_services.reconciler, &Reconciler::finished, this, &ManagerWindow::onReconciled);
}

QDate ManagerWindow::businessDay() const
{
    return m_day->date();
}

void ManagerWindow::setBusinessDay(const QDate &day)
{
    if (m_day->date() == day)
        refresh();
    else
        m_day->setDate(day); // dateChanged refreshes
}

BusinessDayRange ManagerWindow::dayRange() const
{
    return businessDayRange(businessDay(), m_services.settings->reportTimeZone(),
                            m_services.settings->reportCutoffHour());
}

void ManagerWindow::setManagerName(const QString &name)
{
    m_managerName = name;
    if (m_staffPage)
        m_staffPage->setManagerName(name);
}

QString ManagerWindow::managerName() const
{
    return m_managerName.isEmpty() ? managerActorName(m_services.settings->terminalId()) : m_managerName;
}

void ManagerWindow::refresh()
{
    reloadOrders();
    refreshReport();
    refreshAudit();
    if (m_staffPage)
        m_staffPage->reload();
}

void ManagerWindow::reloadOrders()
{
    const BusinessDayRange range = dayRange();
    const auto filter = m_filters->filter(range.fromUtcMs, range.toUtcMs);
    if (!filter)
        return;
    const qint64 selected = m_detail->order() ? m_detail->order()->id : 0;
    m_model->setFilter(*filter);
    const int row = selected ? m_model->rowOfOrder(selected) : -1;
    if (row >= 0)
        m_orderView->selectRow(row);
    else
        m_detail->clear();
}

void ManagerWindow::refreshReport()
{
    const ReportDay day{businessDay(), m_services.settings->reportTimeZone(), m_services.settings->reportCutoffHour()};
    // Scoped like the list: one store's day, one terminal's, or the whole database's.
    const auto report = buildDailyReport(*m_services.orderLog, day, m_filters->scope());
    if (!report) {
        status(errorMessage(report.error()), false);
        return;
    }
    m_report = *report;
    m_summary->setReport(m_report);
    m_tabs->setTabText(1,
                       m_report.alerts.total() > 0 ? tr("Day summary (%n alert(s))", nullptr, m_report.alerts.total())
                                                   : tr("Day summary"));
}

void ManagerWindow::refreshAudit()
{
    const BusinessDayRange range = dayRange();
    const auto events = m_services.orderLog->auditEventsBetween(range.fromUtcMs, range.toUtcMs, AuditView::MaxRows);
    if (events)
        m_audit->setEvents(*events, m_services.settings->reportTimeZone());
    else
        m_audit->showError(errorMessage(events.error()));
}

void ManagerWindow::showSelectedOrder()
{
    const QModelIndex current = m_orderView->currentIndex();
    const auto order = current.isValid() ? m_model->orderAt(current.row()) : std::nullopt;
    if (order)
        m_detail->showOrder(order->id);
    else
        m_detail->clear();
}

bool ManagerWindow::selectOrder(const QString &mchOrderNo)
{
    // Loaded rows first; an order further down the list is shown directly.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->orderAt(row)->mchOrderNo == mchOrderNo) {
            m_orderView->selectRow(row);
            m_orderView->scrollTo(m_model->index(row, 0));
            return true;
        }
    }
    const auto order = m_services.orderLog->orderByMchOrderNo(mchOrderNo);
    return order && m_detail->showOrder(order->id);
}

void ManagerWindow::updateCount()
{
    m_count->setText(tr("Showing %1 of %n order(s)", nullptr,
                        int(std::min<qint64>(m_model->totalCount(), std::numeric_limits<int>::max())))
                         .arg(m_model->rowCount()));
}

bool ManagerWindow::isLocked() const
{
    return m_pages->currentIndex() == 1;
}

void ManagerWindow::closeDialogs()
{
    // Whatever was open (a refund dialog, a file dialog) goes with the lock; a refund already
    // sent carries on in RefundService and its result is in the order's timeline.
    const QList<QDialog *> dialogs = findChildren<QDialog *>();
    for (QDialog *dialog : dialogs) {
        if (dialog->isVisible())
            dialog->reject();
    }
}

void ManagerWindow::lock()
{
    if (isLocked())
        return;
    m_idleLock->stop();
    closeDialogs();
    m_detail->clear();
    m_pages->setCurrentIndex(1);
    Q_EMIT lockedChanged(true);
}

bool ManagerWindow::unlock()
{
    if (!isLocked())
        return true;
    QString name;
    if (!askPin(m_services, this, &name))
        return false;
    setManagerName(name);
    audit(QStringLiteral("manager_unlock"), QStringLiteral("unlocked with a manager's PIN"));
    m_pages->setCurrentIndex(0);
    refresh();
    m_idleLock->start();
    Q_EMIT lockedChanged(false);
    return true;
}

void ManagerWindow::status(const QString &message, bool ok)
{
    statusBar()->setStyleSheet(ok ? QString() : QStringLiteral("color: #B00020;"));
    statusBar()->showMessage(message, ok ? 10'000 : 0);
}

void ManagerWindow::audit(const QString &kind, const QString &detail)
{
    if (auto recorded = m_services.orderLog->recordAuditEvent(kind, managerName(), detail); !recorded)
        status(tr("The audit trail could not be written: %1").arg(errorMessage(recorded.error())), false);
}

void ManagerWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void ManagerWindow::retranslate()
{
    setWindowTitle(tr("PayDesk — Manager"));
    m_dayLabel->setText(tr("Business day"));
    m_zoneLabel->setText(tr("(%1, starts %2:00)")
                             .arg(QString::fromLatin1(m_services.settings->reportTimeZone().id()))
                             .arg(m_services.settings->reportCutoffHour(), 2, 10, QLatin1Char('0')));
    m_refresh->setText(tr("Refresh"));
    m_check->setText(tr("Check open orders"));
    m_check->setToolTip(tr("Ask IOTPay about every order of the day whose outcome is not final"));
    m_export->setText(tr("Export CSV…"));
    m_export->setToolTip(tr("The orders of the list as it is filtered now"));
    m_bom->setText(tr("for spreadsheet programs"));
    m_bom->setToolTip(tr("Starts the file with a byte order mark, so Excel reads accents and Chinese correctly"));
    m_zPdf->setText(tr("Z report as PDF…"));
    m_zPrint->setText(tr("Print Z report…"));
    m_lock->setText(tr("Lock"));
    m_tabs->setTabText(0, tr("Orders"));
    m_tabs->setTabText(1, tr("Day summary"));
    m_tabs->setTabText(2, tr("Audit trail"));
    m_tabs->setTabText(3, tr("Receipts and lock"));
    if (m_staffPage)
        m_tabs->setTabText(4, tr("Staff"));
    m_lockMessage->setText(tr("The manager view is locked. Enter the manager PIN to continue."));
    m_unlock->setText(tr("Unlock…"));
    m_closeLocked->setText(tr("Close"));
    if (m_model)
        updateCount();
}

} // namespace paydesk

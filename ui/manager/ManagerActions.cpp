// ManagerWindow's actions: refunds, receipts, exports, the Z report and "Check open orders".

#include "ManagerWindow.h"

#include "DaySummaryView.h"
#include "ErrorText.h"
#include "ManagerText.h"
#include "OrderDetailView.h"
#include "OrderFilterBar.h"
#include "OrderTableModel.h"
#include "ReceiptActions.h"
#include "ReconcileResultDialog.h"
#include "RefundDialog.h"
#include "SaveFileDialog.h"
#include "ZReport.h"

#include "config/Settings.h"
#include "payment/Checkout.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "reports/Csv.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>

namespace paydesk {

void ManagerWindow::openRefundDialog(const Order &order)
{
    if (!m_services.refunds)
        return;
    RefundDialog dialog(*m_services.orderLog, *m_services.refunds, order, {managerName(), StaffRole::Manager}, this);
    connect(&dialog, &RefundDialog::refundRequested, this, [this, order](const Refund &pending) {
        m_refundsOfThisWindow.insert(pending.id);
        audit(QStringLiteral("refund_request"),
              pending.mchRefundNo + u' ' + formatMinorPlain(pending.amount.minor) + u' '
                  + currencyCode(pending.amount.currency) + u" of order " + order.mchOrderNo + u": " + pending.reason);
        m_detail->reload();
    });
    dialog.exec();
    m_model->refreshOrder(order.id);
    m_detail->reload();
}

void ManagerWindow::onRefundFinished(const Refund &refund)
{
    if (m_refundsOfThisWindow.remove(refund.id)) {
        audit(QStringLiteral("refund_result"),
              refund.mchRefundNo + u' ' + refundStateName(refund.state) + u": " + refund.detail);
    }
    m_model->refreshOrder(refund.orderId);
    if (m_detail->order() && m_detail->order()->id == refund.orderId)
        m_detail->reload();
    refreshReport();
    refreshAudit();
}

void ManagerWindow::openResolveDialog(const Refund &refund)
{
    if (!m_services.refunds)
        return;
    ResolveRefundDialog dialog(*m_services.refunds, refund, {managerName(), StaffRole::Manager}, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.resolved())
        return;
    const Refund resolved = *dialog.resolved();
    audit(QStringLiteral("refund_resolve"),
          resolved.mchRefundNo + u" -> " + refundStateName(resolved.state) + u": " + resolved.detail);
    m_model->refreshOrder(resolved.orderId);
    m_detail->reload();
    refreshReport();
    refreshAudit();
    status(tr("Refund %1 recorded as %2.").arg(resolved.mchRefundNo, refundStateText(resolved.state)));
}

void ManagerWindow::printReceipt(const ReceiptData &receipt, ReceiptOutput output, const QString &what)
{
    ReceiptActions &receipts = *m_services.receipts;
    switch (output) {
    case ReceiptOutput::Thermal:
        if (!receipts.sendToThermal(receipt)) {
            status(tr("No receipt printer is set up: choose one under \"Receipts and lock\"."), false);
            return;
        }
        audit(QStringLiteral("receipt"), what + u" to the receipt printer");
        status(tr("Sending the receipt to the receipt printer…"));
        break;
    case ReceiptOutput::Printer:
        if (receipts.printWithDialog(receipt, this))
            audit(QStringLiteral("receipt"), what + u" printed");
        break;
    case ReceiptOutput::Pdf:
        if (const QString path = receipts.saveAsPdfWithDialog(receipt, this); !path.isEmpty()) {
            audit(QStringLiteral("receipt"), what + u" saved as " + QFileInfo(path).fileName());
            status(tr("Receipt saved as %1.").arg(QDir::toNativeSeparators(path)));
        }
        break;
    case ReceiptOutput::Invalid:
        return;
    }
    refreshAudit();
}

void ManagerWindow::printTestReceipt()
{
    Order sample;
    sample.mchOrderNo = QStringLiteral("TEST") + m_services.settings->terminalId();
    sample.terminalId = m_services.settings->terminalId();
    sample.channel = Channel::WxNative;
    sample.amount = Money{100, m_services.settings->saleCurrency()};
    sample.paidAtMs = m_services.clock->nowUtcMs();
    sample.state = OrderState::Paid;
    printReceipt(m_services.receipts->saleReceipt(sample), ReceiptOutput::Thermal, QStringLiteral("test receipt"));
}

Result<qint64> ManagerWindow::exportCsvTo(const QString &path, bool byteOrderMark)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::InvalidArgument, path + u": " + file.errorString());
    CsvOptions options;
    options.zone = m_services.settings->reportTimeZone();
    options.byteOrderMark = byteOrderMark;
    const auto written = exportOrdersCsv(*m_services.orderLog, m_model->filter(), file, options);
    if (!written)
        return written;
    if (!file.commit())
        return fail(ErrorCode::InvalidArgument, path + u": " + file.errorString());
    const QString filters = m_filters->describe();
    audit(QStringLiteral("export"),
          QString::number(*written) + u" orders of " + businessDay().toString(Qt::ISODate)
              + (filters.isEmpty() ? QString() : u" (" + filters + u')') + u" to " + QFileInfo(path).fileName()
              + (byteOrderMark ? u", with BOM" : u""));
    refreshAudit();
    return written;
}

void ManagerWindow::exportCsv()
{
    const QString name = u"paydesk-orders-" + businessDay().toString(Qt::ISODate) + u".csv";
    const QString path = askSavePath(this, QStringLiteral("csvExportDialog"), tr("Export orders as CSV"), name,
                                     tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto written = exportCsvTo(path, m_bom->isChecked());
    if (!written) {
        status(tr("The CSV file was not written: %1").arg(written.error().detail), false);
        return;
    }
    status(tr("%n order(s) exported to %1.", nullptr, int(*written)).arg(QDir::toNativeSeparators(path)));
}

Result<void> ManagerWindow::writeZReportTo(const QString &path)
{
    ZReportInfo info{m_services.settings->merchantName(), m_services.settings->terminalId(),
                     m_services.clock->nowUtcMs()};
    if (auto written = writeZReportPdf(path, m_report, info); !written)
        return written;
    audit(QStringLiteral("report"),
          u"Z report of " + businessDay().toString(Qt::ISODate) + u" saved as " + QFileInfo(path).fileName());
    refreshAudit();
    return {};
}

void ManagerWindow::saveZReportPdf()
{
    refreshReport();
    const QString path = askSavePath(this, QStringLiteral("zReportPdfDialog"), tr("Save Z report as PDF"),
                                     zReportFileName(m_report), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto written = writeZReportTo(path); !written) {
        status(tr("The Z report was not written: %1").arg(written.error().detail), false);
        return;
    }
    status(tr("Z report saved as %1.").arg(QDir::toNativeSeparators(path)));
}

void ManagerWindow::printZReport()
{
    refreshReport();
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setObjectName(QStringLiteral("zReportPrintDialog"));
    dialog.setWindowTitle(tr("Print Z report"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    ZReportInfo info{m_services.settings->merchantName(), m_services.settings->terminalId(),
                     m_services.clock->nowUtcMs()};
    if (auto painted = paintZReport(printer, m_report, info); !painted) {
        status(tr("The Z report could not be printed."), false);
        return;
    }
    audit(QStringLiteral("report"),
          u"Z report of " + businessDay().toString(Qt::ISODate) + u" printed on " + printer.printerName());
    refreshAudit();
}

void ManagerWindow::checkOpenOrders()
{
    if (!m_services.reconciler)
        return;
    if (m_services.reconciler->isRunning()) {
        status(tr("Open orders are being checked already; the result follows."));
        m_reconcileRequested = true;
        return;
    }
    QSet<qint64> live;
    if (m_services.checkout && m_services.checkout->hasOpenSale())
        live.insert(m_services.checkout->current()->order().id);
    const qint64 windowMs = std::max<qint64>(m_services.clock->nowUtcMs() - dayRange().fromUtcMs, 60'000);
    m_reconcileRequested = true;
    m_check->setEnabled(false);
    status(tr("Checking open orders with IOTPay…"));
    m_services.reconciler->run(windowMs, live);
}

void ManagerWindow::onReconciled(const ReconcileReport &report)
{
    if (!m_reconcileRequested)
        return;
    m_reconcileRequested = false;
    m_check->setEnabled(true);
    audit(QStringLiteral("reconcile"),
          u"examined " + QString::number(report.examined) + u", changed " + QString::number(report.changed)
              + u", still open " + QString::number(report.stillOpen) + u", errors " + QString::number(report.errors));
    refresh();
    auto *dialog = new ReconcileResultDialog(report, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    Q_EMIT reconcileShown(report);
}

} // namespace paydesk

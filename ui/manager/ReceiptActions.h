#pragma once

#include "orders/OrderLog.h"
#include "receipts/Receipt.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace paydesk {

class PrinterTransport;
class Settings;

// Receipts from the cashier's Paid screen and the manager's order detail: to the ESC/POS
// thermal printer of the settings (TCP port 9100 or a device file), to any installed printer
// (print dialog) or to a PDF file.
class ReceiptActions : public QObject
{
    Q_OBJECT

public:
    // `thermalOverride` (not owned) replaces the printer of the settings: tests and demo mode.
    ReceiptActions(Settings &settings, PrinterTransport *thermalOverride, QObject *parent = nullptr);

    bool hasThermalPrinter() const;
    ReceiptData saleReceipt(const Order &order) const;
    ReceiptData refundReceipt(const Order &order, const Refund &refund) const;

    // Asynchronous; thermalFinished() follows once. False when no thermal printer is set up or the
    // receipt cannot be built (thermalFinished() is not emitted then).
    bool sendToThermal(const ReceiptData &receipt);
    // Print dialog, then the installed printer. True when something was sent to print.
    bool printWithDialog(const ReceiptData &receipt, QWidget *parent);
    // File dialog, then the PDF. The written path, or empty when cancelled or failed.
    QString saveAsPdfWithDialog(const ReceiptData &receipt, QWidget *parent);
    Result<void> writePdf(const ReceiptData &receipt, const QString &path) const;

Q_SIGNALS:
    void thermalFinished(bool ok, const QString &message);

private:
    PrinterTransport *thermalTransport();

    Settings &m_settings;
    QPointer<PrinterTransport> m_override;
};

} // namespace paydesk

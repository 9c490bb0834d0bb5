#include "ReceiptActions.h"

#include "ChannelStyle.h"
#include "ErrorText.h"
#include "ReceiptPainter.h"
#include "SaveFileDialog.h"

#include "config/Settings.h"
#include "receipts/PrinterTransport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>

namespace paydesk {

namespace {

// Thermal printers without a Chinese font print '?' for Chinese: English words go to them.
bool printableInCharset(EscPosCharset charset)
{
    return charset == EscPosCharset::Gb18030 || QLocale().language() != QLocale::Chinese;
}

} // namespace

ReceiptActions::ReceiptActions(Settings &settings, PrinterTransport *thermalOverride, QObject *parent)
    : QObject(parent), m_settings(settings), m_override(thermalOverride)
{}

bool ReceiptActions::hasThermalPrinter() const
{
    return m_override || m_settings.escPosPrinter().connection != EscPosConnection::None;
}

ReceiptData ReceiptActions::saleReceipt(const Order &order) const
{
    ReceiptData receipt = saleReceiptFor(order, m_settings.merchantName());
    receipt.channelName = channelDisplayName(order.channel);
    receipt.footer = {tr("Thank you!")};
    return receipt;
}

ReceiptData ReceiptActions::refundReceipt(const Order &order, const Refund &refund) const
{
    ReceiptData receipt = refundReceiptFor(order, refund, m_settings.merchantName());
    receipt.channelName = channelDisplayName(order.channel);
    return receipt;
}

PrinterTransport *ReceiptActions::thermalTransport()
{
    if (m_override)
        return m_override;
    const EscPosPrinterConfig config = m_settings.escPosPrinter();
    switch (config.connection) {
    case EscPosConnection::Tcp:
        return new TcpPrinterTransport(config.host, quint16(config.port), 5000, this);
    case EscPosConnection::DeviceFile:
        return new DeviceFilePrinterTransport(config.device, this);
    case EscPosConnection::None:
    case EscPosConnection::Invalid:
        break;
    }
    return nullptr;
}

bool ReceiptActions::sendToThermal(const ReceiptData &receipt)
{
    const EscPosPrinterConfig config = m_settings.escPosPrinter();
    ReceiptOptions options;
    options.encoding = config.charset == EscPosCharset::Gb18030 && isGb18030Available() ? PrinterEncoding::Gb18030
                                                                                        : PrinterEncoding::Ascii;
    options.charsPerLine = config.charsPerLine;
    options.zone = m_settings.reportTimeZone();
    ReceiptData printed = receipt;
    if (printableInCharset(config.charset)) {
        options.labels = translatedReceiptLabels();
    } else {
        printed.channelName.clear();
        printed.footer.clear();
    }
    const auto bytes = buildReceipt(printed, options);
    PrinterTransport *transport = bytes ? thermalTransport() : nullptr;
    if (!transport)
        return false;
    PrintJob *job = transport->send(*bytes);
    const QString where = transport->description();
    connect(job, &PrintJob::finished, this, [this, job, transport, where] {
        const Result<void> &result = job->result();
        const bool ok = result.has_value();
        Q_EMIT thermalFinished(
            ok,
            ok ? tr("Receipt sent to %1.").arg(where)
               : tr("The receipt printer did not print (%1): %2").arg(where, errorMessage(result.error())));
        job->deleteLater();
        if (transport != m_override)
            transport->deleteLater();
    });
    return true;
}

bool ReceiptActions::printWithDialog(const ReceiptData &receipt, QWidget *parent)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, parent);
    dialog.setObjectName(QStringLiteral("receiptPrintDialog"));
    dialog.setWindowTitle(tr("Print receipt"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return paintReceiptPage(printer, receipt, translatedReceiptLabels(), m_settings.reportTimeZone()).has_value();
}

QString ReceiptActions::saveAsPdfWithDialog(const ReceiptData &receipt, QWidget *parent)
{
    const QString name = (receipt.kind == ReceiptKind::Refund ? receipt.mchRefundNo : receipt.mchOrderNo) + u".pdf";
    const QString path = askSavePath(parent, QStringLiteral("receiptPdfDialog"), tr("Save receipt as PDF"), name,
                                     tr("PDF files (*.pdf)"));
    if (path.isEmpty() || !writePdf(receipt, path))
        return {};
    return path;
}

Result<void> ReceiptActions::writePdf(const ReceiptData &receipt, const QString &path) const
{
    return writeReceiptPdf(path, receipt, translatedReceiptLabels(), m_settings.reportTimeZone());
}

} // namespace paydesk

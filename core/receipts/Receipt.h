#pragma once

#include "money/Channel.h"
#include "orders/OrderLog.h"
#include "receipts/EscPos.h"

#include <QTimeZone>

namespace paydesk {

// The words on a receipt. English by default; the UI passes its translations (with Chinese
// labels, print with PrinterEncoding::Gb18030).
struct ReceiptLabels
{
    QString saleTitle = QStringLiteral("PAYMENT RECEIPT");
    QString refundTitle = QStringLiteral("REFUND RECEIPT");
    QString amount = QStringLiteral("Amount");
    QString refundAmount = QStringLiteral("Refunded");
    QString channel = QStringLiteral("Paid with");
    QString time = QStringLiteral("Time");
    QString orderNumber = QStringLiteral("Order no.");
    QString gatewayOrderId = QStringLiteral("Gateway order");
    QString refundNumber = QStringLiteral("Refund no.");
    QString reason = QStringLiteral("Reason");
    QString terminal = QStringLiteral("Terminal");
    QString cashier = QStringLiteral("Cashier");
};

enum class ReceiptKind {
    Invalid = 0,
    Sale,
    Refund
};

struct ReceiptData
{
    ReceiptKind kind = ReceiptKind::Invalid;
    QString merchantName;
    Money amount; // the order's amount
    Channel channel = Channel::Invalid;
    QString channelName; // printed; empty: receiptChannelName(channel)
    qint64 timeUtcMs = 0; // paid at (sale) or refunded at (refund)
    QString mchOrderNo; // also the QR's content
    QString payOrderId;
    QString terminalId;
    QString cashier;
    // Refund receipts only.
    QString mchRefundNo;
    Money refundAmount;
    QString reason;
    QStringList footer; // e.g. "Thank you", the shop's address
};

struct ReceiptOptions
{
    PrinterEncoding encoding = PrinterEncoding::Ascii;
    int charsPerLine = 42; // 80 mm paper, font A: 42-48; 58 mm: 32
    int qrModuleSize = 6;
    QTimeZone zone = QTimeZone::systemTimeZone();
    ReceiptLabels labels;
    CutMode cut = CutMode::Partial;
};

// "WeChat Pay", "Alipay", "UnionPay", ...: the English names printed on receipts. (Not called
// channelDisplayName: ui/ChannelStyle has the translated one under that name.)
QString receiptChannelName(Channel channel);

ReceiptData saleReceiptFor(const Order &order, const QString &merchantName);
ReceiptData refundReceiptFor(const Order &order, const Refund &refund, const QString &merchantName);

// The whole ESC/POS job: initialize, header, lines, QR of the order number, cut.
// InvalidArgument for a receipt without a kind, an order number or a width below 24.
Result<QByteArray> buildReceipt(const ReceiptData &receipt, const ReceiptOptions &options);

} // namespace paydesk

#include "Receipt.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr int MinCharsPerLine = 24;
constexpr int FeedBeforeCut = 3;

// Lays out label and value on one line, the value flush right; on two lines when they do not
// fit. Widths are counted in encoded bytes, which is the printer's column count in ASCII and,
// for the common Chinese characters, in GB18030 too (two bytes, two columns).
void twoColumns(EscPosBuilder &printer, const QString &label, const QString &value, int width)
{
    const qsizetype labelWidth = encodeForPrinter(label, printer.encoding()).size();
    const qsizetype valueWidth = encodeForPrinter(value, printer.encoding()).size();
    if (labelWidth + 1 + valueWidth <= width) {
        printer.text(label).text(QString(width - labelWidth - valueWidth, u' ')).line(value);
        return;
    }
    printer.line(label);
    const qsizetype indent = qMax<qsizetype>(0, width - valueWidth);
    printer.line(QString(QString(indent, u' ') + value));
}

QString moneyText(const Money &money)
{
    return formatMinorPlain(money.minor) + u' ' + currencyCode(money.currency);
}

Result<void> validate(const ReceiptData &receipt, const ReceiptOptions &options)
{
    if (receipt.kind == ReceiptKind::Invalid)
        return fail(ErrorCode::InvalidArgument, u"receipt without a kind"_s);
    if (receipt.mchOrderNo.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"receipt without an order number"_s);
    if (options.charsPerLine < MinCharsPerLine || options.charsPerLine > 255)
        return fail(ErrorCode::InvalidArgument, u"receipt width must be 24 to 255 characters"_s);
    return {};
}

void header(EscPosBuilder &printer, const ReceiptData &receipt, const ReceiptLabels &labels)
{
    printer.initialize().align(Alignment::Center);
    if (!receipt.merchantName.isEmpty())
        printer.bold(true).doubleSize(true).line(receipt.merchantName).doubleSize(false).bold(false);
    printer.line(receipt.kind == ReceiptKind::Refund ? labels.refundTitle : labels.saleTitle);
    printer.align(Alignment::Left);
}

void body(EscPosBuilder &printer, const ReceiptData &receipt, const ReceiptOptions &options)
{
    const ReceiptLabels &labels = options.labels;
    const int width = options.charsPerLine;
    const QString rule(width, u'-');
    printer.line(rule);
    printer.bold(true);
    if (receipt.kind == ReceiptKind::Refund)
        twoColumns(printer, labels.refundAmount, moneyText(receipt.refundAmount), width);
    else
        twoColumns(printer, labels.amount, moneyText(receipt.amount), width);
    printer.bold(false);
    if (receipt.kind == ReceiptKind::Refund)
        twoColumns(printer, labels.amount, moneyText(receipt.amount), width);
    twoColumns(printer, labels.channel,
               receipt.channelName.isEmpty() ? receiptChannelName(receipt.channel) : receipt.channelName, width);
    if (receipt.timeUtcMs > 0) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(receipt.timeUtcMs, options.zone);
        twoColumns(printer, labels.time, time.toString(u"yyyy-MM-dd HH:mm:ss"_s), width);
    }
    twoColumns(printer, labels.orderNumber, receipt.mchOrderNo, width);
    if (!receipt.payOrderId.isEmpty())
        twoColumns(printer, labels.gatewayOrderId, receipt.payOrderId, width);
    if (receipt.kind == ReceiptKind::Refund) {
        twoColumns(printer, labels.refundNumber, receipt.mchRefundNo, width);
        if (!receipt.reason.isEmpty())
            twoColumns(printer, labels.reason, receipt.reason, width);
    }
    if (!receipt.terminalId.isEmpty())
        twoColumns(printer, labels.terminal, receipt.terminalId, width);
    if (!receipt.cashier.isEmpty())
        twoColumns(printer, labels.cashier, receipt.cashier, width);
    printer.line(rule);
}

} // namespace

QString receiptChannelName(Channel channel)
{
    switch (channel) {
    case Channel::WxNative:
    case Channel::WxJsapi:
    case Channel::WxApp:
    case Channel::WxMicropay:
        return u"WeChat Pay"_s;
    case Channel::AlipayQr:
    case Channel::AlipayMicropay:
        return u"Alipay"_s;
    case Channel::UpiQr:
    case Channel::UpiMicropay:
        return u"UnionPay"_s;
    case Channel::Invalid:
        break;
    }
    return {};
}

ReceiptData saleReceiptFor(const Order &order, const QString &merchantName)
{
    ReceiptData receipt;
    receipt.kind = ReceiptKind::Sale;
    receipt.merchantName = merchantName;
    receipt.amount = order.amount;
    receipt.channel = order.channel;
    receipt.timeUtcMs = order.paidAtMs != 0 ? order.paidAtMs : order.createdAtMs;
    receipt.mchOrderNo = order.mchOrderNo;
    receipt.payOrderId = order.payOrderId;
    receipt.terminalId = order.terminalId;
    receipt.cashier = order.cashier;
    return receipt;
}

ReceiptData refundReceiptFor(const Order &order, const Refund &refund, const QString &merchantName)
{
    ReceiptData receipt = saleReceiptFor(order, merchantName);
    receipt.kind = ReceiptKind::Refund;
    receipt.timeUtcMs = refund.updatedAtMs != 0 ? refund.updatedAtMs : refund.createdAtMs;
    receipt.mchRefundNo = refund.mchRefundNo;
    receipt.refundAmount = refund.amount;
    receipt.reason = refund.reason;
    receipt.cashier = refund.requestedBy;
    return receipt;
}

Result<QByteArray> buildReceipt(const ReceiptData &receipt, const ReceiptOptions &options)
{
    if (auto valid = validate(receipt, options); !valid)
        return fail(valid.error());
    EscPosBuilder printer(options.encoding);
    header(printer, receipt, options.labels);
    body(printer, receipt, options);
    printer.align(Alignment::Center);
    // The order number is [A-Za-z0-9]: its QR needs no encoding decision.
    if (auto qr = printer.qrCode(receipt.mchOrderNo.toLatin1(), options.qrModuleSize); !qr)
        return fail(qr.error());
    printer.line().line(receipt.mchOrderNo);
    for (const QString &text : receipt.footer)
        printer.line(text);
    printer.align(Alignment::Left).feed(FeedBeforeCut).cut(options.cut);
    return printer.bytes();
}

} // namespace paydesk

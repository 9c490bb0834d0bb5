#include "ReceiptPainter.h"

#include "ManagerText.h"

#include "qr/QrMatrix.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

namespace paydesk {

namespace {

constexpr qreal ColumnWidthMm = 72.0;
constexpr qreal QrSideMm = 30.0;
constexpr int QrQuietModules = 4;

class ReceiptText
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptText)

public:
    static ReceiptLabels labels();
};

ReceiptLabels ReceiptText::labels()
{
    ReceiptLabels labels;
    labels.saleTitle = tr("PAYMENT RECEIPT");
    labels.refundTitle = tr("REFUND RECEIPT");
    labels.amount = tr("Amount");
    labels.refundAmount = tr("Refunded");
    labels.channel = tr("Paid with");
    labels.time = tr("Time");
    labels.orderNumber = tr("Order no.");
    labels.gatewayOrderId = tr("Gateway order");
    labels.refundNumber = tr("Refund no.");
    labels.reason = tr("Reason");
    labels.terminal = tr("Terminal");
    labels.cashier = tr("Cashier");
    return labels;
}

// Lays the receipt down a column, in the painter's device units.
class Column
{
public:
    Column(QPainter &painter, const QRectF &area)
        : m_painter(painter), m_dpi(painter.device()->logicalDpiY()), m_x(area.left()), m_y(area.top())
    {
        m_width = std::min(area.width(), mm(ColumnWidthMm));
        m_x += (area.width() - m_width) / 2;
    }

    qreal mm(qreal millimetres) const { return millimetres * m_dpi / 25.4; }
    qreal used(qreal top) const { return m_y - top; }
    qreal y() const { return m_y; }

    void centred(const QString &text, qreal points, bool bold)
    {
        font(points, bold);
        const QRectF box
            = m_painter.boundingRect(QRectF(m_x, m_y, m_width, mm(100)), Qt::AlignHCenter | Qt::TextWordWrap, text);
        m_painter.drawText(QRectF(m_x, m_y, m_width, box.height()), Qt::AlignHCenter | Qt::TextWordWrap, text);
        m_y += box.height() + mm(0.8);
    }

    // Label left, value right; the value on its own line when both do not fit.
    void pair(const QString &label, const QString &value, bool bold = false)
    {
        font(9, bold);
        const QFontMetricsF metrics(m_painter.font(), m_painter.device());
        const qreal height = metrics.lineSpacing();
        m_painter.drawText(QRectF(m_x, m_y, m_width, height), Qt::AlignLeft | Qt::AlignVCenter, label);
        if (metrics.horizontalAdvance(label) + metrics.horizontalAdvance(value) + mm(3) > m_width)
            m_y += height;
        m_painter.drawText(QRectF(m_x, m_y, m_width, height), Qt::AlignRight | Qt::AlignVCenter, value);
        m_y += height + mm(0.6);
    }

    void rule()
    {
        m_y += mm(1);
        m_painter.drawLine(QPointF(m_x, m_y), QPointF(m_x + m_width, m_y));
        m_y += mm(1.5);
    }

    void qr(const QString &text)
    {
        const auto matrix = encodeQr(text.toUtf8(), QrEcc::Medium);
        if (!matrix)
            return;
        const int modules = matrix->size + 2 * QrQuietModules;
        const qreal module = mm(QrSideMm) / modules;
        const qreal left = m_x + (m_width - module * modules) / 2 + QrQuietModules * module;
        const qreal top = m_y + QrQuietModules * module;
        m_painter.save();
        m_painter.setRenderHint(QPainter::Antialiasing, false);
        for (int row = 0; row < matrix->size; ++row) {
            for (int col = 0; col < matrix->size; ++col) {
                if (matrix->dark(col, row))
                    m_painter.fillRect(QRectF(left + col * module, top + row * module, module, module), Qt::black);
            }
        }
        m_painter.restore();
        m_y += module * modules;
    }

private:
    void font(qreal points, bool bold)
    {
        QFont f;
        f.setStyleHint(QFont::SansSerif);
        f.setPointSizeF(points);
        f.setBold(bold);
        m_painter.setFont(f);
    }

    QPainter &m_painter;
    qreal m_dpi;
    qreal m_x;
    qreal m_y;
    qreal m_width = 0;
};

QString receiptMoney(const Money &money)
{
    return amountWithCode(money.minor, money.currency);
}

} // namespace

ReceiptLabels translatedReceiptLabels()
{
    return ReceiptText::labels();
}

qreal paintReceipt(QPainter &painter, const QRectF &area, const ReceiptData &receipt, const ReceiptLabels &labels,
                   const QTimeZone &zone)
{
    Column column(painter, area);
    const bool refund = receipt.kind == ReceiptKind::Refund;
    if (!receipt.merchantName.isEmpty())
        column.centred(receipt.merchantName, 13, true);
    column.centred(refund ? labels.refundTitle : labels.saleTitle, 10, true);
    column.rule();
    if (refund) {
        column.pair(labels.refundAmount, receiptMoney(receipt.refundAmount), true);
        column.pair(labels.amount, receiptMoney(receipt.amount));
    } else {
        column.pair(labels.amount, receiptMoney(receipt.amount), true);
    }
    column.pair(labels.channel,
                receipt.channelName.isEmpty() ? receiptChannelName(receipt.channel) : receipt.channelName);
    if (receipt.timeUtcMs > 0)
        column.pair(labels.time, localDateTimeText(receipt.timeUtcMs, zone));
    column.pair(labels.orderNumber, receipt.mchOrderNo);
    if (!receipt.payOrderId.isEmpty())
        column.pair(labels.gatewayOrderId, receipt.payOrderId);
    if (refund) {
        column.pair(labels.refundNumber, receipt.mchRefundNo);
        if (!receipt.reason.isEmpty())
            column.pair(labels.reason, receipt.reason);
    }
    if (!receipt.terminalId.isEmpty())
        column.pair(labels.terminal, receipt.terminalId);
    if (!receipt.cashier.isEmpty())
        column.pair(labels.cashier, receipt.cashier);
    column.rule();
    column.qr(receipt.mchOrderNo);
    column.centred(receipt.mchOrderNo, 8, false);
    for (const QString &line : receipt.footer)
        column.centred(line, 9, false);
    return column.used(area.top());
}

Result<void> paintReceiptPage(QPagedPaintDevice &device, const ReceiptData &receipt, const ReceiptLabels &labels,
                              const QTimeZone &zone)
{
    QPainter painter;
    if (!painter.begin(&device))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot paint on the receipt's device"));
    paintReceipt(painter, QRectF(0, 0, device.width(), device.height()), receipt, labels, zone);
    painter.end();
    return {};
}

Result<void> writeReceiptPdf(const QString &path, const ReceiptData &receipt, const ReceiptLabels &labels,
                             const QTimeZone &zone)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QSizeF(80, 200), QPageSize::Millimeter, QStringLiteral("Receipt 80 mm")));
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("PayDesk"));
    writer.setTitle(receipt.mchRefundNo.isEmpty() ? receipt.mchOrderNo : receipt.mchRefundNo);
    if (auto painted = paintReceiptPage(writer, receipt, labels, zone); !painted)
        return fail(ErrorCode::InvalidArgument, u"cannot write " + path);
    return {};
}

} // namespace paydesk

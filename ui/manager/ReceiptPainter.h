#pragma once

#include "common/Error.h"
#include "receipts/Receipt.h"

#include <QRectF>
#include <QTimeZone>

class QPainter;
class QPagedPaintDevice;

namespace paydesk {

// The receipt's words in the interface language (core's ReceiptLabels are English).
ReceiptLabels translatedReceiptLabels();

// A receipt for a page printer or a PDF: the content of the thermal receipt (core/receipts) in a
// column at most 72 mm wide at the top of `area`, with the QR of the order number drawn module by
// module (crisp at any resolution). Returns the height used, in the painter's units.
qreal paintReceipt(QPainter &painter, const QRectF &area, const ReceiptData &receipt, const ReceiptLabels &labels,
                   const QTimeZone &zone);

// On a whole paged device (a QPrinter chosen by the user), from the top of its first page.
Result<void> paintReceiptPage(QPagedPaintDevice &device, const ReceiptData &receipt, const ReceiptLabels &labels,
                              const QTimeZone &zone);

// A PDF sized like a till roll (80 mm wide).
Result<void> writeReceiptPdf(const QString &path, const ReceiptData &receipt, const ReceiptLabels &labels,
                             const QTimeZone &zone);

} // namespace paydesk

#pragma once

#include "orders/OrderFilter.h"
#include "orders/OrderLog.h"

#include <QByteArray>
#include <QStringList>
#include <QTimeZone>

class QIODevice;

namespace paydesk {

// RFC 4180: fields separated by ',', records ended by CRLF; a field containing ',', '"', CR or
// LF is enclosed in double quotes with inner quotes doubled. Text is UTF-8.
QString csvField(QStringView value);
QString csvRecord(const QStringList &fields); // with the trailing CRLF

struct CsvOptions
{
    QTimeZone zone = QTimeZone::utc(); // times as ISO 8601 with this zone's offset
    bool byteOrderMark = false; // UTF-8 BOM: lets Excel detect UTF-8
    // Free text (subject, cashier) starting with = + - @ TAB or CR gets a leading apostrophe, so a
    // spreadsheet shows it instead of evaluating it as a formula (OWASP "CSV injection").
    bool guardFormulas = true;
};

// order_number, created_at, paid_at, state, late, channel, amount, currency, refunded, net,
// terminal, cashier, gateway_order_id, subject, source ("counter", "miniprogram", "app"),
// gateway (the registered name), store (empty for a single counter). Amounts are plain decimals ("28.65"). New columns are
// appended, so spreadsheets built on the earlier layout keep working.
QStringList orderCsvHeader();
QStringList orderCsvFields(const Order &order, const CsvOptions &options);

// The whole document for a list already in memory (BOM, header, one record per order).
QByteArray ordersToCsv(const QList<Order> &orders, const CsvOptions &options);

// Streams every order matching `filter`, oldest first, in keyset pages so that memory stays
// flat on any size. Returns the number of orders written; StoreFailure when the device does
// not take the bytes.
Result<qint64> exportOrdersCsv(const OrderLog &log, const OrderFilter &filter, QIODevice &device,
                               const CsvOptions &options);

} // namespace paydesk

#include "Csv.h"

#include <QDateTime>
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr int ExportPageSize = 1000;
const QByteArray Utf8Bom("\xEF\xBB\xBF");

QString isoTime(qint64 utcMs, const QTimeZone &zone)
{
    if (utcMs == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(Qt::ISODate);
}

QString freeText(const QString &text, const CsvOptions &options)
{
    if (!options.guardFormulas || text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
        return u'\'' + text;
    return text;
}

Result<void> writeAll(QIODevice &device, const QByteArray &bytes)
{
    if (device.write(bytes) != bytes.size()) {
        return fail(ErrorCode::StoreFailure, u"writing CSV failed: "_s + device.errorString());
    }
    return {};
}

} // namespace

QString csvField(QStringView value)
{
    const bool needsQuotes
        = value.contains(u',') || value.contains(u'"') || value.contains(u'\r') || value.contains(u'\n');
    if (!needsQuotes)
        return value.toString();
    QString quoted = value.toString();
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString csvRecord(const QStringList &fields)
{
    QString record;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            record += u',';
        record += csvField(fields[i]);
    }
    return record + u"\r\n"_s;
}

QStringList orderCsvHeader()
{
    return {u"order_number"_s,     u"created_at"_s, u"paid_at"_s,  u"state"_s,   u"late"_s,     u"channel"_s,
            u"amount"_s,           u"currency"_s,   u"refunded"_s, u"net"_s,     u"terminal"_s, u"cashier"_s,
            u"gateway_order_id"_s, u"subject"_s,    u"source"_s,   u"gateway"_s, u"store"_s};
}

QStringList orderCsvFields(const Order &order, const CsvOptions &options)
{
    // Net is what the shop kept: the amount when paid, minus what went back.
    const qint64 netMinor = order.state == OrderState::Paid ? order.amount.minor - order.refundedMinor : 0;
    return {order.mchOrderNo,
            isoTime(order.createdAtMs, options.zone),
            isoTime(order.paidAtMs, options.zone),
            orderStateName(order.state),
            order.late ? u"yes"_s : u"no"_s,
            channelId(order.channel),
            formatMinorPlain(order.amount.minor),
            currencyCode(order.amount.currency),
            formatMinorPlain(order.refundedMinor),
            formatMinorPlain(netMinor),
            order.terminalId,
            freeText(order.cashier, options),
            order.payOrderId,
            freeText(order.subject, options),
            orderSourceName(order.source),
            order.gateway,
            order.storeId};
}

QByteArray ordersToCsv(const QList<Order> &orders, const CsvOptions &options)
{
    QByteArray bytes = options.byteOrderMark ? Utf8Bom : QByteArray();
    bytes += csvRecord(orderCsvHeader()).toUtf8();
    for (const Order &order : orders)
        bytes += csvRecord(orderCsvFields(order, options)).toUtf8();
    return bytes;
}

Result<qint64> exportOrdersCsv(const OrderLog &log, const OrderFilter &filter, QIODevice &device,
                               const CsvOptions &options)
{
    if (!device.isWritable())
        return fail(ErrorCode::InvalidArgument, u"CSV device is not open for writing"_s);
    QByteArray head = options.byteOrderMark ? Utf8Bom : QByteArray();
    head += csvRecord(orderCsvHeader()).toUtf8();
    if (auto written = writeAll(device, head); !written)
        return fail(written.error());
    qint64 rows = 0;
    std::optional<OrderCursor> cursor;
    do {
        auto page = orderPage(log, filter, ExportPageSize, cursor, ListOrder::OldestFirst);
        if (!page)
            return fail(page.error());
        QByteArray chunk;
        for (const Order &order : page->orders)
            chunk += csvRecord(orderCsvFields(order, options)).toUtf8();
        if (auto written = writeAll(device, chunk); !written)
            return fail(written.error());
        rows += page->orders.size();
        cursor = page->next;
    } while (cursor);
    return rows;
}

} // namespace paydesk

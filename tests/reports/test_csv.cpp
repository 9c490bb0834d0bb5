// CSV export: RFC 4180 quoting, UTF-8 (Chinese text), the optional BOM, amounts and times.

#include "ReportTestSupport.h"

#include "reports/Csv.h"

#include <QBuffer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone Toronto("America/Toronto");

// A minimal RFC 4180 reader, to prove what was written reads back field for field.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldQuoting_data();
    void fieldQuoting();
    void recordsEndWithCrlf();
    void orderRowsWithAmountsAndTimes();
    void chineseTextAndBom();
    void formulasAreNeutralised();
    void exportStreamsTheFilteredList();
    void exportReportsWriteErrors();
};

void TestCsv::fieldQuoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Coffee"_s << u"Coffee"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"Tea, green"_s << u"\"Tea, green\""_s;
    QTest::newRow("quote") << u"12\" pizza"_s << u"\"12\"\" pizza\""_s;
    QTest::newRow("only quotes") << u"\"\""_s << u"\"\"\"\"\"\""_s;
    QTest::newRow("LF") << u"line1\nline2"_s << u"\"line1\nline2\""_s;
    QTest::newRow("CR") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("CRLF") << u"a\r\nb"_s << u"\"a\r\nb\""_s;
    QTest::newRow("spaces kept") << u"  padded  "_s << u"  padded  "_s;
    QTest::newRow("semicolon is not special") << u"a;b"_s << u"a;b"_s;
    QTest::newRow("chinese") << u"珍珠奶茶"_s << u"珍珠奶茶"_s;
    QTest::newRow("chinese comma") << u"奶茶，大杯, 少冰"_s << u"\"奶茶，大杯, 少冰\""_s;
}

void TestCsv::fieldQuoting()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(csvField(value), expected);
    QCOMPARE(parseCsv(csvRecord({value, u"x"_s})), (QList<QStringList>{{value, u"x"_s}}));
}

void TestCsv::recordsEndWithCrlf()
{
    QCOMPARE(csvRecord({u"a"_s, u"b,c"_s, QString()}), u"a,\"b,c\",\r\n"_s);
    QCOMPARE(csvRecord({}), u"\r\n"_s);
}

void TestCsv::orderRowsWithAmountsAndTimes()
{
    Order order;
    order.mchOrderNo = u"T1260610163000000001"_s;
    order.createdAtMs = QDateTime(QDate(2026, 6, 10), QTime(16, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    order.paidAtMs = order.createdAtMs + 21'000;
    order.state = OrderState::Paid;
    order.channel = Channel::AlipayQr;
    order.amount = Money{2865, Currency::CAD};
    order.refundedMinor = 5;
    order.terminalId = u"T1"_s;
    order.cashier = u"Zoé"_s;
    order.payOrderId = u"P0701000000001"_s;
    order.subject = u"Latte, large"_s;
    order.source = OrderSource::MiniProgram;
    order.gateway = u"ionline"_s;
    CsvOptions options;
    options.zone = Toronto;
    const QStringList fields = orderCsvFields(order, options);
    QCOMPARE(fields.size(), orderCsvHeader().size());
    QCOMPARE(fields,
             (QStringList{u"T1260610163000000001"_s, u"2026-06-10T12:30:00-04:00"_s, u"2026-06-10T12:30:21-04:00"_s,
                          u"PAID"_s, u"no"_s, u"ALIPAY_QR"_s, u"28.65"_s, u"CAD"_s, u"0.05"_s, u"28.60"_s, u"T1"_s,
                          u"Zoé"_s, u"P0701000000001"_s, u"Latte, large"_s, u"miniprogram"_s, u"ionline"_s, u""_s}));
    order.state = OrderState::Expired;
    order.paidAtMs = 0;
    order.refundedMinor = 0;
    const QStringList expired = orderCsvFields(order, options);
    QCOMPARE(expired[2], QString());
    QCOMPARE(expired[9], u"0.00"_s); // nothing kept from an unpaid order
    const QByteArray csv = ordersToCsv({order}, options);
    QVERIFY(csv.startsWith("order_number,created_at,paid_at,state,late,channel,amount,currency,refunded,net,"
                           "terminal,cashier,gateway_order_id,subject,source,gateway,store\r\n"));
    QVERIFY(csv.endsWith(",\"Latte, large\",miniprogram,ionline,\r\n"));
    order.storeId = u"S1"_s;
    QCOMPARE(orderCsvFields(order, options).value(16), u"S1"_s);
    order.storeId.clear();
    order.source = OrderSource::App;
    QCOMPARE(orderCsvFields(order, options).value(14), u"app"_s);
    order.source = OrderSource::Counter;
    order.gateway = u"iotpay"_s;
    QCOMPARE(orderCsvFields(order, options).mid(14), (QStringList{u"counter"_s, u"iotpay"_s, u""_s}));
}

void TestCsv::chineseTextAndBom()
{
    Order order;
    order.mchOrderNo = u"T1260610163000000002"_s;
    order.state = OrderState::Paid;
    order.channel = Channel::WxNative;
    order.amount = Money{880, Currency::CNY};
    order.cashier = u"王小明"_s;
    order.subject = u"珍珠奶茶\n\"大杯\""_s;
    CsvOptions options;
    const QByteArray plain = ordersToCsv({order}, options);
    QVERIFY(!plain.startsWith("\xEF\xBB\xBF"));
    options.byteOrderMark = true;
    const QByteArray withBom = ordersToCsv({order}, options);
    QVERIFY(withBom.startsWith("\xEF\xBB\xBF"
                               "order_number,"));
    QCOMPARE(withBom.mid(3), plain);
    // UTF-8 bytes of the text as is, the subject quoted with its quotes doubled.
    QVERIFY(plain.contains(QByteArray("\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E"))); // 王小明
    QVERIFY(plain.contains(u"\"珍珠奶茶\n\"\"大杯\"\"\","_s.toUtf8()));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(plain));
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[1][11], u"王小明"_s);
    QCOMPARE(records[1][13], u"珍珠奶茶\n\"大杯\""_s);
    QCOMPARE(records[1][7], u"CNY"_s);
    QCOMPARE(records[1][6], u"8.80"_s);
}

void TestCsv::formulasAreNeutralised()
{
    Order order;
    order.state = OrderState::Paid;
    order.amount = Money{100, Currency::CAD};
    order.subject = u"=HYPERLINK(\"http://x\",\"y\")"_s;
    order.cashier = u"@admin"_s;
    CsvOptions options;
    QStringList fields = orderCsvFields(order, options);
    QCOMPARE(fields[13], u"'=HYPERLINK(\"http://x\",\"y\")"_s);
    QCOMPARE(fields[11], u"'@admin"_s);
    QCOMPARE(fields[6], u"1.00"_s); // numbers are never touched
    options.guardFormulas = false;
    fields = orderCsvFields(order, options);
    QCOMPARE(fields[13], order.subject);
}

void TestCsv::exportStreamsTheFilteredList()
{
    QTemporaryDir dir;
    ManualClock clock;
    auto log = OrderLog::open(dir.filePath(u"orders.sqlite"_s), clock);
    QVERIFY(log);
    LogBuilder b(**log, clock, Toronto);
    // More than one export page (1000 rows), so the keyset paging is exercised.
    const qint64 start = b.utcMs(u"2026-06-10T08:00:00"_s);
    for (int i = 0; i < 1120; ++i) {
        OrderSpec spec;
        spec.amount = Money{100 + i, Currency::CAD};
        spec.state = i % 10 == 0 ? OrderState::Expired : OrderState::Paid;
        spec.subject = i == 7 ? u"Tea, \"special\""_s : u"Coffee"_s;
        QVERIFY(b.orderAtUtc(start + qint64(i) * 1000, spec).id > 0);
    }
    OrderFilter filter = OrderFilter::forRange(start, start + 86'400'000LL);
    filter.states = {OrderState::Paid};
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvOptions options;
    options.zone = Toronto;
    options.byteOrderMark = true;
    const auto written = exportOrdersCsv(**log, filter, buffer, options);
    QVERIFY2(written, qPrintable(written ? QString() : describe(written.error())));
    QCOMPARE(*written, 1008);
    const QByteArray bytes = buffer.data();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
    QCOMPARE(records.size(), 1009);
    QCOMPARE(records.first(), orderCsvHeader());
    QCOMPARE(records[1][1], u"2026-06-10T08:00:01-04:00"_s); // i = 1, oldest first
    QCOMPARE(records[1][6], u"1.01"_s);
    QCOMPARE(records[7][13], u"Tea, \"special\""_s); // i = 7
    QSet<QString> numbers;
    for (qsizetype i = 1; i < records.size(); ++i) {
        QCOMPARE(records[i].size(), 17);
        QCOMPARE(records[i][14], u"counter"_s);
        QCOMPARE(records[i][3], u"PAID"_s);
        numbers.insert(records[i][0]);
    }
    QCOMPARE(numbers.size(), 1008);
}

void TestCsv::exportReportsWriteErrors()
{
    QTemporaryDir dir;
    ManualClock clock;
    auto log = OrderLog::open(dir.filePath(u"orders.sqlite"_s), clock);
    QVERIFY(log);
    QBuffer closed;
    const auto notOpen = exportOrdersCsv(**log, {}, closed, {});
    QVERIFY(!notOpen);
    QCOMPARE(notOpen.error().code, ErrorCode::InvalidArgument);
    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    QVERIFY(!exportOrdersCsv(**log, {}, readOnly, {}));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"

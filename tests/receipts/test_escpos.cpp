// ESC/POS bytes: commands, the QR function block with its lengths, text encoding for the
// printer, and whole receipts byte for byte.

#include "receipts/EscPos.h"
#include "receipts/Receipt.h"

#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray result;
    for (int value : values)
        result += char(value);
    return result;
}

// The five GS ( k functions for a model-2 QR of `data`, module size 6, level M.
QByteArray qrBlock(const QByteArray &data)
{
    const int stored = int(data.size()) + 3;
    return bytes({0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00})
        + bytes({0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06})
        + bytes({0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31})
        + bytes({0x1d, 0x28, 0x6b, stored & 0xff, stored >> 8, 0x31, 0x50, 0x30}) + data
        + bytes({0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30});
}

// label, `spaces` blanks, value, LF: one two-column line of a receipt.
QByteArray row(const char *label, int spaces, const char *value)
{
    return QByteArray(label) + QByteArray(spaces, ' ') + QByteArray(value) + '\n';
}

template<typename T> ErrorCode codeOf(const Result<T> &result)
{
    return result ? ErrorCode::Invalid : result.error().code;
}

ReceiptData sampleSale()
{
    ReceiptData receipt;
    receipt.kind = ReceiptKind::Sale;
    receipt.merchantName = u"Café Lumière"_s;
    receipt.amount = Money{2865, Currency::CAD};
    receipt.channel = Channel::AlipayQr;
    receipt.timeUtcMs = QDateTime(QDate(2026, 6, 10), QTime(16, 30, 21), QTimeZone::utc()).toMSecsSinceEpoch();
    receipt.mchOrderNo = u"T1260610163000000001"_s;
    receipt.payOrderId = u"P07010000000000001"_s;
    receipt.terminalId = u"T1"_s;
    receipt.cashier = u"Zoé"_s;
    receipt.footer = {u"Merci!"_s};
    return receipt;
}

} // namespace

class TestEscPos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands();
    void qrCommandBytes();
    void qrLengthsAboveOneByte();
    void qrRefusesBadInput();
    void asciiTransliteration_data();
    void asciiTransliteration();
    void controlCharactersCannotInjectCommands();
    void gb18030ForChinesePrinters();
    void saleReceiptExactBytes();
    void refundReceipt();
    void narrowPaperWrapsLongValues();
    void receiptRefusesBadInput();
};

void TestEscPos::commands()
{
    EscPosBuilder printer;
    printer.initialize().align(Alignment::Center).bold(true).doubleSize(true).text(u"Hi").doubleSize(false).bold(false);
    printer.align(Alignment::Right)
        .line(u"R")
        .align(Alignment::Left)
        .feed(3)
        .cut(CutMode::Partial)
        .cut(CutMode::Full, 10);
    QCOMPARE(printer.bytes(), bytes({0x1b, 0x40, // ESC @
                                     0x1b, 0x61, 0x01, // ESC a 1
                                     0x1b, 0x45, 0x01, // ESC E 1
                                     0x1d, 0x21, 0x11, // GS ! 0x11
                                     'H',  'i',  0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00, 0x1b, 0x61,
                                     0x02, 'R',  0x0a, 0x1b, 0x61, 0x00, 0x1b, 0x64, 0x03, // ESC d 3
                                     0x1d, 0x56, 0x42, 0x00, // GS V 66 0: partial cut
                                     0x1d, 0x56, 0x41, 0x0a})); // GS V 65 10: full cut
    EscPosBuilder clamped;
    clamped.feed(1000).feed(-1);
    QCOMPARE(clamped.bytes(), bytes({0x1b, 0x64, 0xff, 0x1b, 0x64, 0x00}));
}

void TestEscPos::qrCommandBytes()
{
    EscPosBuilder printer;
    QVERIFY(printer.qrCode("T1260610163000000001"));
    QCOMPARE(printer.bytes(), qrBlock("T1260610163000000001"));
    // pL = 20 data bytes + 3 (cn, fn, m) = 0x17, pH = 0
    QVERIFY(printer.bytes().contains(bytes({0x1d, 0x28, 0x6b, 0x17, 0x00, 0x31, 0x50, 0x30, 'T', '1'})));

    EscPosBuilder levels;
    QVERIFY(levels.qrCode("A", 16, QrErrorCorrection::High));
    QVERIFY(levels.bytes().contains(bytes({0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x10})));
    QVERIFY(levels.bytes().contains(bytes({0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x33})));
    QVERIFY(levels.bytes().contains(bytes({0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x50, 0x30, 'A'})));
    EscPosBuilder low;
    QVERIFY(low.qrCode("A", 1, QrErrorCorrection::Low));
    QVERIFY(low.bytes().contains(bytes({0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x30})));
}

void TestEscPos::qrLengthsAboveOneByte()
{
    const QByteArray data(300, 'x');
    EscPosBuilder printer;
    QVERIFY(printer.qrCode(data));
    // 303 = 0x012F: pL 0x2F, pH 0x01
    QVERIFY(printer.bytes().contains(QByteArray(bytes({0x1d, 0x28, 0x6b, 0x2f, 0x01, 0x31, 0x50, 0x30}) + data)));
    QCOMPARE(printer.bytes(), qrBlock(data));
    EscPosBuilder largest;
    QVERIFY(largest.qrCode(QByteArray(EscPosBuilder::MaxQrBytes, '7')));
    // 2956 = 0x0B8C
    QVERIFY(largest.bytes().contains(bytes({0x1d, 0x28, 0x6b, 0x8c, 0x0b, 0x31, 0x50, 0x30, '7'})));
}

void TestEscPos::qrRefusesBadInput()
{
    EscPosBuilder printer;
    QCOMPARE(codeOf(printer.qrCode({})), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(printer.qrCode(QByteArray(EscPosBuilder::MaxQrBytes + 1, 'x'))), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(printer.qrCode("A", 0)), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(printer.qrCode("A", 17)), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf(printer.qrCode("A", 6, QrErrorCorrection::Invalid)), ErrorCode::InvalidArgument);
    QVERIFY(printer.bytes().isEmpty());
}

void TestEscPos::asciiTransliteration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ascii") << u"Coffee 2x"_s << QByteArray("Coffee 2x");
    QTest::newRow("french") << u"Café crème, façade, où, Noël"_s << QByteArray("Cafe creme, facade, ou, Noel");
    QTest::newRow("ligatures") << u"Œuvre, cœur, Æsir, Straße"_s << QByteArray("OEuvre, coeur, AEsir, Strasse");
    QTest::newRow("fr_CA money") << u"28,65\u00a0$ et 1\u202f234,50\u00a0$"_s << QByteArray("28,65 $ et 1 234,50 $");
    QTest::newRow("punctuation") << u"l’été «bon» — “ok”…"_s << QByteArray("l'ete \"bon\" - \"ok\"...");
    QTest::newRow("full-width") << u"ＡＢＣ１２３"_s << QByteArray("ABC123");
    QTest::newRow("chinese") << u"珍珠奶茶"_s << QByteArray("????");
    QTest::newRow("mixed") << u"Tea 奶茶 x2"_s << QByteArray("Tea ?? x2");
    QTest::newRow("emoji is one character") << u"A😀B"_s << QByteArray("A?B");
    QTest::newRow("euro") << u"5 €"_s << QByteArray("5 EUR");
}

void TestEscPos::asciiTransliteration()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(toPrinterAscii(text), expected);
    QCOMPARE(encodeForPrinter(text, PrinterEncoding::Ascii), expected);
}

void TestEscPos::controlCharactersCannotInjectCommands()
{
    // A merchant name or subject holding ESC @, GS V (cut) or a line break prints as text.
    const QString hostile = u"Shop\u001b@\u001dV\u0000A\nB\r\tC"_s;
    const QByteArray encoded = encodeForPrinter(hostile, PrinterEncoding::Ascii);
    QCOMPARE(encoded, QByteArray("Shop @ V A B  C"));
    for (char c : encoded)
        QVERIFY(uchar(c) >= 0x20 && uchar(c) < 0x7f);
    EscPosBuilder printer;
    printer.line(hostile);
    QCOMPARE(printer.bytes(), QByteArray("Shop @ V A B  C\n"));
}

void TestEscPos::gb18030ForChinesePrinters()
{
    if (!isGb18030Available())
        QSKIP("Qt without ICU: no GB18030 encoder; receipts fall back to ASCII");
    QCOMPARE(encodeForPrinter(u"珍珠奶茶 Tea 28.65"_s, PrinterEncoding::Gb18030),
             bytes({0xd5, 0xe4, 0xd6, 0xe9, 0xc4, 0xcc, 0xb2, 0xe8}) + QByteArray(" Tea 28.65"));
    EscPosBuilder printer(PrinterEncoding::Gb18030);
    QCOMPARE(printer.encoding(), PrinterEncoding::Gb18030);
    printer.initialize();
    QCOMPARE(printer.bytes(), bytes({0x1b, 0x40, 0x1c, 0x26})); // ESC @, FS & (Chinese mode)
    QCOMPARE(encodeForPrinter(u"\u001b奶"_s, PrinterEncoding::Gb18030), bytes({' ', 0xc4, 0xcc}));
}

void TestEscPos::saleReceiptExactBytes()
{
    ReceiptOptions options;
    options.zone = QTimeZone("America/Toronto");
    options.charsPerLine = 32;
    const auto receipt = buildReceipt(sampleSale(), options);
    QVERIFY2(receipt, qPrintable(receipt ? QString() : describe(receipt.error())));
    const QByteArray rule(32, '-');
    const QByteArray expected = bytes({0x1b, 0x40, 0x1b, 0x61, 0x01}) + bytes({0x1b, 0x45, 0x01, 0x1d, 0x21, 0x11})
        + "Cafe Lumiere\n" + bytes({0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00}) + "PAYMENT RECEIPT\n"
        + bytes({0x1b, 0x61, 0x00}) + rule + "\n" + bytes({0x1b, 0x45, 0x01}) + row("Amount", 17, "28.65 CAD")
        + bytes({0x1b, 0x45, 0x00}) + row("Paid with", 17, "Alipay") + row("Time", 9, "2026-06-10 12:30:21")
        + row("Order no.", 3, "T1260610163000000001")
        + row("Gateway order", 1, "P07010000000000001") // exactly 32 columns
        + row("Terminal", 22, "T1") + row("Cashier", 22, "Zoe") + rule + "\n" + bytes({0x1b, 0x61, 0x01})
        + qrBlock("T1260610163000000001") + "\nT1260610163000000001\n" + "Merci!\n"
        + bytes({0x1b, 0x61, 0x00, 0x1b, 0x64, 0x03, 0x1d, 0x56, 0x42, 0x00});
    QCOMPARE(*receipt, expected);
    QVERIFY(receipt->startsWith(bytes({0x1b, 0x40})));
    QVERIFY(receipt->endsWith(bytes({0x1d, 0x56, 0x42, 0x00})));
}

void TestEscPos::refundReceipt()
{
    Order order;
    order.mchOrderNo = u"T1260610163000000001"_s;
    order.payOrderId = u"P07010000000000001"_s;
    order.amount = Money{2865, Currency::CAD};
    order.channel = Channel::WxNative;
    order.terminalId = u"T1"_s;
    Refund refund;
    refund.mchRefundNo = u"RT126061016300000000101"_s;
    refund.amount = Money{1000, Currency::CAD};
    refund.reason = u"Wrong size"_s;
    refund.requestedBy = u"Mina"_s;
    refund.updatedAtMs = QDateTime(QDate(2026, 6, 10), QTime(17, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    ReceiptOptions options;
    options.zone = QTimeZone::utc();
    const auto bytesOut = buildReceipt(refundReceiptFor(order, refund, u"Shop"_s), options);
    QVERIFY(bytesOut);
    const QByteArray text = *bytesOut;
    QVERIFY(text.contains("REFUND RECEIPT\n"));
    QVERIFY(text.contains(QByteArray(bytes({0x1b, 0x45, 0x01}) + row("Refunded", 42 - 8 - 9, "10.00 CAD"))));
    QVERIFY(text.contains(row("Amount", 42 - 6 - 9, "28.65 CAD")));
    QVERIFY(text.contains(row("Paid with", 42 - 9 - 10, "WeChat Pay")));
    QVERIFY(text.contains(row("Refund no.", 42 - 10 - 23, "RT126061016300000000101")));
    QVERIFY(text.contains(row("Reason", 42 - 6 - 10, "Wrong size")));
    QVERIFY(text.contains(row("Cashier", 42 - 7 - 4, "Mina")));
    QVERIFY(text.contains(row("Time", 42 - 4 - 19, "2026-06-10 17:00:00")));
    QVERIFY(text.contains(qrBlock("T1260610163000000001"))); // the QR is the order, found for the refund
}

void TestEscPos::narrowPaperWrapsLongValues()
{
    ReceiptData receipt = sampleSale();
    receipt.payOrderId = QString(40, u'9');
    ReceiptOptions options;
    options.charsPerLine = 32;
    const auto out = buildReceipt(receipt, options);
    QVERIFY(out);
    // Too long for one line: the label alone, then the value (wider than the paper, unpadded).
    QVERIFY(out->contains(QByteArray(QByteArray("\nGateway order\n") + QByteArray(40, '9') + '\n')));
}

void TestEscPos::receiptRefusesBadInput()
{
    ReceiptData noKind = sampleSale();
    noKind.kind = ReceiptKind::Invalid;
    QCOMPARE(codeOf(buildReceipt(noKind, {})), ErrorCode::InvalidArgument);
    ReceiptData noNumber = sampleSale();
    noNumber.mchOrderNo.clear();
    QCOMPARE(codeOf(buildReceipt(noNumber, {})), ErrorCode::InvalidArgument);
    ReceiptOptions narrow;
    narrow.charsPerLine = 10;
    QCOMPARE(codeOf(buildReceipt(sampleSale(), narrow)), ErrorCode::InvalidArgument);
    QCOMPARE(receiptChannelName(Channel::UpiQr), u"UnionPay"_s);
}

QTEST_GUILESS_MAIN(TestEscPos)
#include "test_escpos.moc"

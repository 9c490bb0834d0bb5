#include "money/Money.h"

#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(paydesk::ErrorCode)

class TestAmountParser : public QObject
{
    Q_OBJECT

private:
    // Rows shared by the English-number locales (en_CA, en_US, zh_CN all use '.' and ',').
    static void addDotDecimalRows(const char *localeName);

private slots:
    void parse_data();
    void parse();
    void detailsAreHuman();
    void maxMinorBoundary();
    void keypad_data();
    void keypad();
};

namespace {

void row(const char *localeName, const QString &input, ErrorCode code, qint64 minor = 0)
{
    QTest::addRow("%s \"%s\"", localeName, qPrintable(input))
        << QString::fromLatin1(localeName) << input << code << minor;
}

void ok(const char *localeName, const QString &input, qint64 minor)
{
    row(localeName, input, ErrorCode::Invalid, minor);
}

} // namespace

void TestAmountParser::addDotDecimalRows(const char *l)
{
    ok(l, u"28.65"_s, 2865);
    ok(l, u"28.6"_s, 2860);
    ok(l, u"0.01"_s, 1);
    ok(l, u"28"_s, 2800);
    ok(l, u".5"_s, 50);
    ok(l, u"5."_s, 500);
    ok(l, u"007.50"_s, 750);
    ok(l, u"  28.65\t"_s, 2865);
    ok(l, u"1,234.50"_s, 123450);
    ok(l, u"1,234"_s, 123400);
    ok(l, u"99,999.99"_s, 9999999);
    ok(l, u"100,000.00"_s, 10000000);
    row(l, u""_s, ErrorCode::AmountEmpty);
    row(l, u"   "_s, ErrorCode::AmountEmpty);
    row(l, u"12a"_s, ErrorCode::AmountMalformed);
    row(l, u"1.2.3"_s, ErrorCode::AmountMalformed);
    row(l, u"1,23,4"_s, ErrorCode::AmountMalformed);
    row(l, u"1234,567"_s, ErrorCode::AmountMalformed);
    row(l, u",234"_s, ErrorCode::AmountMalformed);
    row(l, u"1,,234"_s, ErrorCode::AmountMalformed);
    row(l, u"1,2345"_s, ErrorCode::AmountMalformed);
    row(l, u"28,65"_s, ErrorCode::AmountMalformed);
    row(l, u"1 234.50"_s, ErrorCode::AmountMalformed);
    row(l, u"1.234,5"_s, ErrorCode::AmountMalformed);
    row(l, u"."_s, ErrorCode::AmountMalformed);
    row(l, u"+5"_s, ErrorCode::AmountMalformed);
    row(l, u"-"_s, ErrorCode::AmountMalformed);
    row(l, u"5 $"_s, ErrorCode::AmountMalformed);
    row(l, u"1e3"_s, ErrorCode::AmountMalformed);
    row(l, u"0x10"_s, ErrorCode::AmountMalformed);
    row(l, u"\uFF12\uFF18.65"_s, ErrorCode::AmountMalformed); // full-width digits
    row(l, u"\u0662\u0668"_s, ErrorCode::AmountMalformed); // Arabic-Indic digits
    row(l, u"-5"_s, ErrorCode::AmountNegative);
    row(l, u"- 5.00"_s, ErrorCode::AmountNegative);
    row(l, u"\u22125"_s, ErrorCode::AmountNegative); // U+2212 MINUS SIGN
    row(l, u"-5x"_s, ErrorCode::AmountMalformed);
    row(l, u"0"_s, ErrorCode::AmountZero);
    row(l, u"0.00"_s, ErrorCode::AmountZero);
    row(l, u".0"_s, ErrorCode::AmountZero);
    row(l, u"1.234"_s, ErrorCode::AmountTooPrecise);
    row(l, u"28.650"_s, ErrorCode::AmountTooPrecise);
    row(l, u"0.001"_s, ErrorCode::AmountTooPrecise);
    row(l, u"100,000.01"_s, ErrorCode::AmountTooLarge);
    row(l, u"100001"_s, ErrorCode::AmountTooLarge);
    row(l, u"99999999999999999999999999999999999999"_s, ErrorCode::AmountTooLarge);
    row(l, u"9223372036854775807"_s, ErrorCode::AmountTooLarge);
    row(l, u"92233720368547758.08"_s, ErrorCode::AmountTooLarge);
    ok(l, u"000000000000000000000000000000000001"_s, 100);
}

void TestAmountParser::parse_data()
{
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<QString>("input");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<qint64>("minor");

    addDotDecimalRows("en_CA");
    addDotDecimalRows("en_US");
    addDotDecimalRows("zh_CN");

    const char *fr = "fr_CA";
    ok(fr, u"28,65"_s, 2865);
    ok(fr, u"28,6"_s, 2860);
    ok(fr, u"0,01"_s, 1);
    ok(fr, u"28"_s, 2800);
    ok(fr, u",5"_s, 50);
    ok(fr, u"28.65"_s, 2865); // '.' is not a group separator here
    ok(fr, u"1 234,50"_s, 123450); // U+0020
    ok(fr, u"1\u00A0234,50"_s, 123450); // NBSP, what Qt's fr_CA uses
    ok(fr, u"1\u202F234,50"_s, 123450); // narrow NBSP, what CLDR fr_FR uses
    ok(fr, u"1 234.50"_s, 123450);
    ok(fr, u"99 999,99"_s, 9999999);
    ok(fr, u"\u00A028,65\u202F"_s, 2865);
    row(fr, u""_s, ErrorCode::AmountEmpty);
    row(fr, u"\u00A0"_s, ErrorCode::AmountEmpty);
    row(fr, u"12a"_s, ErrorCode::AmountMalformed);
    row(fr, u"1,2,3"_s, ErrorCode::AmountMalformed);
    row(fr, u"1.2,3"_s, ErrorCode::AmountMalformed);
    row(fr, u"12 34"_s, ErrorCode::AmountMalformed);
    row(fr, u"1 23 4"_s, ErrorCode::AmountMalformed);
    row(fr, u"1  234"_s, ErrorCode::AmountMalformed);
    row(fr, u"1,234 5"_s, ErrorCode::AmountMalformed);
    row(fr, u"-5"_s, ErrorCode::AmountNegative);
    row(fr, u"0,00"_s, ErrorCode::AmountZero);
    row(fr, u"1,234"_s, ErrorCode::AmountTooPrecise); // ',' is the decimal separator in French
    row(fr, u"1.234"_s, ErrorCode::AmountTooPrecise);
    row(fr, u"100 000,01"_s, ErrorCode::AmountTooLarge);
}

void TestAmountParser::parse()
{
    QFETCH(QString, localeName);
    QFETCH(QString, input);
    QFETCH(ErrorCode, code);
    QFETCH(qint64, minor);

    const Result<qint64> result = parseAmount(input, QLocale(localeName));
    if (code == ErrorCode::Invalid) {
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(*result, minor);
    } else {
        QVERIFY2(!result.has_value(), qPrintable(u"parsed as "_s + QString::number(result.value_or(0))));
        QCOMPARE(errorCodeName(result.error().code), errorCodeName(code));
        QVERIFY(!result.error().detail.isEmpty());
    }
}

void TestAmountParser::detailsAreHuman()
{
    const QLocale en(u"en_CA"_s);
    QCOMPARE(parseAmount(u"12a"_s, en).error().detail, u"unexpected character 'a' at position 3"_s);
    QCOMPARE(parseAmount(u"1.2.3"_s, en).error().detail, u"a second decimal separator at position 4"_s);
    QCOMPARE(parseAmount(u"1.234"_s, en).error().detail, u"at most 2 decimals, got 3"_s);
    QCOMPARE(parseAmount(u"200000"_s, en).error().detail, u"the amount is above the maximum of 100000.00"_s);
    QCOMPARE(parseAmount(u"1,23,4"_s, en).error().detail, u"misplaced group separator"_s);
}

void TestAmountParser::maxMinorBoundary()
{
    const QLocale en(u"en_CA"_s);
    QCOMPARE(parseAmount(u"5.00"_s, en, 500).value_or(-1), qint64(500));
    QCOMPARE(parseAmount(u"5.01"_s, en, 500).error().code, ErrorCode::AmountTooLarge);
    QCOMPARE(parseAmount(u"0.07"_s, en, 5).error().code, ErrorCode::AmountTooLarge);
    QCOMPARE(parseAmount(u"0.05"_s, en, 5).value_or(-1), qint64(5));
    QCOMPARE(parseAmount(u"0.01"_s, en, 0).error().code, ErrorCode::AmountTooLarge);
    const qint64 max = std::numeric_limits<qint64>::max();
    QCOMPARE(parseAmount(u"92233720368547758.07"_s, en, max).value_or(-1), max);
    QCOMPARE(parseAmount(u"92233720368547758.08"_s, en, max).error().code, ErrorCode::AmountTooLarge);
    QCOMPARE(parseKeypadCents(u"9223372036854775807"_s, max).value_or(-1), max);
    QCOMPARE(parseKeypadCents(u"9223372036854775808"_s, max).error().code, ErrorCode::AmountTooLarge);
}

void TestAmountParser::keypad_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<qint64>("minor");

    QTest::newRow("2865") << u"2865"_s << ErrorCode::Invalid << qint64(2865);
    QTest::newRow("1") << u"1"_s << ErrorCode::Invalid << qint64(1);
    QTest::newRow("leading zeros") << u"0002865"_s << ErrorCode::Invalid << qint64(2865);
    QTest::newRow("max") << u"10000000"_s << ErrorCode::Invalid << qint64(10000000);
    QTest::newRow("empty") << u""_s << ErrorCode::AmountEmpty << qint64(0);
    QTest::newRow("zero") << u"0"_s << ErrorCode::AmountZero << qint64(0);
    QTest::newRow("zeros") << u"0000"_s << ErrorCode::AmountZero << qint64(0);
    QTest::newRow("too large") << u"10000001"_s << ErrorCode::AmountTooLarge << qint64(0);
    QTest::newRow("absurd") << QString(200, u'9') << ErrorCode::AmountTooLarge << qint64(0);
    QTest::newRow("dot") << u"28.65"_s << ErrorCode::AmountMalformed << qint64(0);
    QTest::newRow("minus") << u"-5"_s << ErrorCode::AmountMalformed << qint64(0);
    QTest::newRow("full-width") << u"\uFF12\uFF18"_s << ErrorCode::AmountMalformed << qint64(0);
}

void TestAmountParser::keypad()
{
    QFETCH(QString, input);
    QFETCH(ErrorCode, code);
    QFETCH(qint64, minor);

    const Result<qint64> result = parseKeypadCents(input);
    if (code == ErrorCode::Invalid) {
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(*result, minor);
    } else {
        QVERIFY(!result.has_value());
        QCOMPARE(errorCodeName(result.error().code), errorCodeName(code));
    }
}

QTEST_GUILESS_MAIN(TestAmountParser)
#include "test_amount_parser.moc"

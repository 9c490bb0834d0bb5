#include "money/Channel.h"
#include "money/Money.h"

#include <QTest>

#include <limits>

using namespace paydesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(paydesk::Currency)

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void formatMinorPlain_data();
    void formatMinorPlain();
    void formatMoney_data();
    void formatMoney();
    void frenchUsesTheLocaleGroupSeparator();
    void currencyCodeRoundTrip();
    void currencyFromCodeIsStrict();
    void channelIds();
    void counterChannels();
};

void TestMoney::formatMinorPlain_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << qint64(0) << u"0.00"_s;
    QTest::newRow("one cent") << qint64(1) << u"0.01"_s;
    QTest::newRow("ten cents") << qint64(10) << u"0.10"_s;
    QTest::newRow("28.65") << qint64(2865) << u"28.65"_s;
    QTest::newRow("no grouping") << qint64(123456789) << u"1234567.89"_s;
    QTest::newRow("negative cent") << qint64(-1) << u"-0.01"_s;
    QTest::newRow("negative") << qint64(-2865) << u"-28.65"_s;
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max() << u"92233720368547758.07"_s;
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << u"-92233720368547758.08"_s;
}

void TestMoney::formatMinorPlain()
{
    QFETCH(qint64, minor);
    QFETCH(QString, text);
    QCOMPARE(paydesk::formatMinorPlain(minor), text);
}

void TestMoney::formatMoney_data()
{
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<Currency>("currency");
    QTest::addColumn<QString>("text");

    const QString nbsp(QChar(0x00A0));
    QTest::newRow("CAD en_CA") << u"en_CA"_s << qint64(123450) << Currency::CAD << u"$1,234.50"_s;
    QTest::newRow("CAD en_CA small") << u"en_CA"_s << qint64(5) << Currency::CAD << u"$0.05"_s;
    QTest::newRow("CAD en_CA million") << u"en_CA"_s << qint64(100000000) << Currency::CAD << u"$1,000,000.00"_s;
    QTest::newRow("CAD en_CA negative") << u"en_CA"_s << qint64(-500) << Currency::CAD << u"-$5.00"_s;
    QTest::newRow("USD en_US") << u"en_US"_s << qint64(2865) << Currency::USD << u"$28.65"_s;
    QTest::newRow("USD en_CA") << u"en_CA"_s << qint64(2865) << Currency::USD << u"US$28.65"_s;
    QTest::newRow("CAD fr_CA") << u"fr_CA"_s << qint64(123450) << Currency::CAD
                               << QString(u"1" + nbsp + u"234,50" + nbsp + u'$');
    QTest::newRow("CAD fr_CA small") << u"fr_CA"_s << qint64(2865) << Currency::CAD << QString(u"28,65" + nbsp + u'$');
    QTest::newRow("CAD fr_CA negative") << u"fr_CA"_s << qint64(-2865) << Currency::CAD
                                        << QString(u"-28,65" + nbsp + u'$');
    QTest::newRow("CAD zh_CN") << u"zh_CN"_s << qint64(750) << Currency::CAD << u"CA$7.50"_s;
    QTest::newRow("CAD en_US") << u"en_US"_s << qint64(750) << Currency::CAD << u"CA$7.50"_s;
    QTest::newRow("CNY zh_CN") << u"zh_CN"_s << qint64(123450) << Currency::CNY << u"¥1,234.50"_s;
    QTest::newRow("HKD en_CA") << u"en_CA"_s << qint64(2865) << Currency::HKD << u"HK$28.65"_s;
    QTest::newRow("HKD fr_CA") << u"fr_CA"_s << qint64(2865) << Currency::HKD << QString(u"28,65" + nbsp + u"HK$"_s);
    QTest::newRow("CNY zh_CN fen") << u"zh_CN"_s << qint64(1) << Currency::CNY << u"¥0.01"_s;
    QTest::newRow("int64 min") << u"en_CA"_s << std::numeric_limits<qint64>::min() << Currency::CAD
                               << u"-$92,233,720,368,547,758.08"_s;
    QTest::newRow("no currency") << u"en_CA"_s << qint64(2865) << Currency::Invalid << u"28.65"_s;
}

void TestMoney::formatMoney()
{
    QFETCH(QString, localeName);
    QFETCH(qint64, minor);
    QFETCH(Currency, currency);
    QFETCH(QString, text);
    QCOMPARE(paydesk::formatMoney(Money{minor, currency}, QLocale(localeName)), text);
}

// Qt 6.4's CLDR data gives fr_CA U+00A0 (fr_FR has U+202F); formatMoney must follow the locale
// rather than hard-code a space, so the cashier's display matches every other number Qt shows.
void TestMoney::frenchUsesTheLocaleGroupSeparator()
{
    const QLocale frCa(u"fr_CA"_s);
    QCOMPARE(frCa.groupSeparator(), QString(QChar(0x00A0)));
    const QString text = paydesk::formatMoney(Money{123450, Currency::CAD}, frCa);
    QCOMPARE(text.mid(1, 1), frCa.groupSeparator());
    const QString grouped = paydesk::formatMoney(Money{123450, Currency::CAD}, QLocale(u"fr_FR"_s));
    QCOMPARE(grouped.mid(1, 1), QLocale(u"fr_FR"_s).groupSeparator());
    // What we display, the parser reads back.
    QCOMPARE(parseAmount(text.chopped(2), frCa).value_or(-1), qint64(123450));
}

void TestMoney::currencyCodeRoundTrip()
{
    for (Currency c : AllCurrencies) {
        const QString code = currencyCode(c);
        QCOMPARE(code.size(), 3);
        QCOMPARE(currencyFromCode(code), c);
    }
    QCOMPARE(currencyCode(Currency::CAD), u"CAD"_s);
    QCOMPARE(currencyCode(Currency::USD), u"USD"_s);
    QCOMPARE(currencyCode(Currency::CNY), u"CNY"_s);
    QCOMPARE(currencyCode(Currency::HKD), u"HKD"_s);
    QVERIFY(currencyCode(Currency::Invalid).isEmpty());
}

void TestMoney::currencyFromCodeIsStrict()
{
    QCOMPARE(currencyFromCode(u"cad"), Currency::Invalid);
    QCOMPARE(currencyFromCode(u" CAD"), Currency::Invalid);
    QCOMPARE(currencyFromCode(u"EUR"), Currency::Invalid);
    QCOMPARE(currencyFromCode(u""), Currency::Invalid);
}

void TestMoney::channelIds()
{
    const QList<std::pair<Channel, QString>> expected{
        {Channel::WxNative, u"WX_NATIVE"_s}, {Channel::AlipayQr, u"ALIPAY_QR"_s}, {Channel::UpiQr, u"UPI_QR"_s},
        {Channel::WxJsapi, u"WX_JSAPI"_s},   {Channel::WxApp, u"WX_APP"_s},
    };
    for (const auto &[channel, id] : expected) {
        QCOMPARE(channelId(channel), id);
        QCOMPARE(channelFromId(id), channel);
    }
    QVERIFY(channelId(Channel::Invalid).isEmpty());
    QCOMPARE(channelFromId(u"wx_native"), Channel::Invalid);
    QCOMPARE(channelFromId(u"WX_MICROPAY"), Channel::WxMicropay); // scan to pay (issue 13)
    QCOMPARE(channelFromId(u"wx_micropay"), Channel::Invalid);
    QCOMPARE(channelFromId(u""), Channel::Invalid);
}

void TestMoney::counterChannels()
{
    QVERIFY(isCounterChannel(Channel::WxNative));
    QVERIFY(isCounterChannel(Channel::AlipayQr));
    QVERIFY(isCounterChannel(Channel::UpiQr));
    QVERIFY(!isCounterChannel(Channel::WxJsapi));
    QVERIFY(!isCounterChannel(Channel::WxApp));
    QVERIFY(!isCounterChannel(Channel::Invalid));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "test_money.moc"

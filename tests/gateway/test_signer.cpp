#include "gateway/Signer.h"

#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

MerchantKey key()
{
    return MerchantKey(QByteArrayLiteral("TESTKEY0123456789"));
}

ParamList params(std::initializer_list<std::pair<const char16_t *, const char16_t *>> list)
{
    ParamList out;
    for (const auto &[name, value] : list)
        out.append({QString::fromUtf16(name), QString::fromUtf16(value)});
    return out;
}

QByteArray withKey(const char *canonicalWithoutKey)
{
    return QByteArray(canonicalWithoutKey) + "&key=TESTKEY0123456789";
}

} // namespace

class TestSigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data();
    void vectors();
    void redactedStringNeverHoldsTheKey();
    void signIsExcludedFromItsOwnComputation();
    void verifyAcceptsLowerCaseHex();
    void verifyRejectsMalformedClaims_data();
    void verifyRejectsMalformedClaims();
    void verifyRejectsChangedValue();
    void verifyWithEmptyKeyFails();
};

// payment-api.md §14.2, key TESTKEY0123456789. Vectors 8 and 9 follow our rule: names compared
// ASCII case-folded, ties by raw bytes (the PHP sample's order for both edges).
void TestSigner::vectors_data()
{
    QTest::addColumn<ParamList>("input");
    QTest::addColumn<QByteArray>("canonical");
    QTest::addColumn<QString>("sign");

    QTest::newRow("1 doc example") << params({{u"c", u"cat"}, {u"a", u"apple"}, {u"b", u"boat"}, {u"d", u""}})
                                   << withKey("a=apple&b=boat&c=cat") << u"41B714157139D669289209D7225F27A9"_s;
    QTest::newRow("2 WX_NATIVE create")
        << params({{u"mchId", u"10000701"},
                   {u"mchOrderNo", u"POS20240101123000001"},
                   {u"channelId", u"WX_NATIVE"},
                   {u"currency", u"CAD"},
                   {u"amount", u"2865"},
                   {u"clientIp", u"192.168.1.20"},
                   {u"device", u"POS01"},
                   {u"notifyUrl", u"https://example.com/iotpay/notify"},
                   {u"subject", u"Order 1001"},
                   {u"body", u"2 items"},
                   {u"extra", u"{\"productId\":\"1001\"}"},
                   {u"jobNo", u"cashier01"}})
        << withKey("amount=2865&body=2 items&channelId=WX_NATIVE&clientIp=192.168.1.20&currency=CAD&device=POS01"
                   "&extra={\"productId\":\"1001\"}&jobNo=cashier01&mchId=10000701&mchOrderNo=POS20240101123000001"
                   "&notifyUrl=https://example.com/iotpay/notify&subject=Order 1001")
        << u"041807E1FB72DE3A89C7D25CD83AD55C"_s;
    QTest::newRow("3 ALIPAY_MICROPAY")
        << params({{u"mchId", u"10000701"},
                   {u"mchOrderNo", u"POS20240101123000002"},
                   {u"channelId", u"ALIPAY_MICROPAY"},
                   {u"currency", u"CAD"},
                   {u"amount", u"100"},
                   {u"clientIp", u"192.168.1.20"},
                   {u"device", u"POS01"},
                   {u"deviceId", u"TERM-0001"},
                   {u"notifyUrl", u"https://example.com/iotpay/notify"},
                   {u"subject", u"Order 1002"},
                   {u"body", u"1 item"},
                   {u"codeType", u"barcode"},
                   {u"identityCode", u"284957415846666792"},
                   {u"jobNo", u"cashier01"}})
        << withKey("amount=100&body=1 item&channelId=ALIPAY_MICROPAY&clientIp=192.168.1.20&codeType=barcode"
                   "&currency=CAD&device=POS01&deviceId=TERM-0001&identityCode=284957415846666792&jobNo=cashier01"
                   "&mchId=10000701&mchOrderNo=POS20240101123000002&notifyUrl=https://example.com/iotpay/notify"
                   "&subject=Order 1002")
        << u"DFB0660A6B473AB29F890B8A18A814F2"_s;
    QTest::newRow("4 query") << params({{u"mchId", u"10000701"}, {u"mchOrderNo", u"POS20240101123000001"}})
                             << withKey("mchId=10000701&mchOrderNo=POS20240101123000001")
                             << u"C6F6D6744A84FE4626B41B0B23FC1C53"_s;
    QTest::newRow("5 notify")
        << params({{u"payOrderId", u"P01202401011230000001"},
                   {u"mchId", u"10000701"},
                   {u"mchOrderNo", u"POS20240101123000001"},
                   {u"channelId", u"WX_NATIVE"},
                   {u"currency", u"CAD"},
                   {u"amount", u"2865"},
                   {u"status", u"2"},
                   {u"clientIp", u"192.168.1.20"},
                   {u"device", u"POS01"},
                   {u"subject", u"Order 1001"},
                   {u"channelOrderNo", u"4200001234202401011234567890"},
                   {u"param1", u""},
                   {u"param2", u""},
                   {u"paySuccTime", u"1704112345678"},
                   {u"backType", u"2"}})
        << withKey("amount=2865&backType=2&channelId=WX_NATIVE&channelOrderNo=4200001234202401011234567890"
                   "&clientIp=192.168.1.20&currency=CAD&device=POS01&mchId=10000701&mchOrderNo=POS20240101123000001"
                   "&payOrderId=P01202401011230000001&paySuccTime=1704112345678&status=2&subject=Order 1001")
        << u"AC3B8B8F20EB632148CF3732B901A8F9"_s;
    QTest::newRow("6 refund")
        << params({{u"mchId", u"10000701"},
                   {u"mchRefundNo", u"R20240101123000001"},
                   {u"refundAmount", u"2865"},
                   {u"clientIp", u"192.168.1.20"},
                   {u"loginName", u"cashier01"},
                   {u"payOrderId", u"P01202401011230000001"},
                   {u"currency", u"CAD"}})
        << withKey("clientIp=192.168.1.20&currency=CAD&loginName=cashier01&mchId=10000701"
                   "&mchRefundNo=R20240101123000001&payOrderId=P01202401011230000001&refundAmount=2865")
        << u"A9C0FF4EB573AC7A50F085F9B7B56262"_s;
    QTest::newRow("7 UTF-8") << params({{u"amount", u"1"}, {u"subject", u"测试商品"}, {u"mchId", u"10000701"}})
                             << withKey(
                                    "amount=1&mchId=10000701&subject=\xE6\xB5\x8B\xE8\xAF\x95\xE5\x95\x86\xE5\x93\x81")
                             << u"3FBD5E2FCB23AAA5A0044FFC8D9E323A"_s;
    QTest::newRow("8 mixed case, case-insensitive")
        << params({{u"Zeta", u"1"}, {u"alpha", u"2"}, {u"beta", u"3"}}) << withKey("alpha=2&beta=3&Zeta=1")
        << u"7CF8251E8B6BA9333C1216E4B3205C33"_s;
    QTest::newRow("9 prefix, key sort") << params({{u"param1", u"y"}, {u"param", u"x"}}) << withKey("param=x&param1=y")
                                        << u"7FC96F6F054AEA807F93892D2E8B1621"_s;
    QTest::newRow("10 empty dropped, zero kept") << params({{u"b", u"x"}, {u"c", u""}, {u"a", u"0"}})
                                                 << withKey("a=0&b=x") << u"D5307BD809609E25E0432D46FD385FDC"_s;
}

void TestSigner::vectors()
{
    QFETCH(ParamList, input);
    QFETCH(QByteArray, canonical);
    QFETCH(QString, sign);

    QCOMPARE(Signer::canonicalBytes(input, key()), canonical);
    QCOMPARE(Signer::sign(input, key()), sign);
    QVERIFY(Signer::verify(input, key(), sign));
}

void TestSigner::redactedStringNeverHoldsTheKey()
{
    const ParamList input = params({{u"mchId", u"10000701"}, {u"mchOrderNo", u"POS20240101123000001"}});
    const QString redacted = Signer::canonicalStringRedacted(input);
    QCOMPARE(redacted, u"mchId=10000701&mchOrderNo=POS20240101123000001&key=***"_s);
    QVERIFY(!redacted.contains(u"TESTKEY"));
}

void TestSigner::signIsExcludedFromItsOwnComputation()
{
    ParamList input = params({{u"mchId", u"10000701"}, {u"mchOrderNo", u"POS20240101123000001"}});
    const QString expected = Signer::sign(input, key());
    input.append({u"sign"_s, u"0123456789ABCDEF0123456789ABCDEF"_s});
    QCOMPARE(Signer::sign(input, key()), expected);
    QVERIFY(Signer::verify(input, key(), expected));
}

void TestSigner::verifyAcceptsLowerCaseHex()
{
    const ParamList input = params({{u"mchId", u"10000701"}, {u"mchOrderNo", u"POS20240101123000001"}});
    QVERIFY(Signer::verify(input, key(), u"c6f6d6744a84fe4626b41b0b23fc1c53"));
    QVERIFY(Signer::verify(input, key(), u"C6f6D6744a84FE4626b41b0b23fc1C53"));
}

void TestSigner::verifyRejectsMalformedClaims_data()
{
    QTest::addColumn<QString>("claim");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << u"C6F6D6744A84FE4626B41B0B23FC1C5"_s;
    QTest::newRow("long") << u"C6F6D6744A84FE4626B41B0B23FC1C533"_s;
    QTest::newRow("non-hex") << u"C6F6D6744A84FE4626B41B0B23FC1C5G"_s;
    QTest::newRow("spaces") << u" C6F6D6744A84FE4626B41B0B23FC1C5"_s;
    QTest::newRow("padded") << u"C6F6D6744A84FE4626B41B0B23FC1C53 "_s;
    QTest::newRow("fullwidth digit") << u"C6F6D6744A84FE4626B41B0B23FC1C5３"_s;
    QTest::newRow("wrong") << u"C6F6D6744A84FE4626B41B0B23FC1C54"_s;
}

void TestSigner::verifyRejectsMalformedClaims()
{
    QFETCH(QString, claim);
    const ParamList input = params({{u"mchId", u"10000701"}, {u"mchOrderNo", u"POS20240101123000001"}});
    QVERIFY(!Signer::verify(input, key(), claim));
}

void TestSigner::verifyRejectsChangedValue()
{
    const ParamList input = params({{u"mchId", u"10000701"}, {u"amount", u"2865"}});
    const QString sign = Signer::sign(input, key());
    QVERIFY(!Signer::verify(params({{u"mchId", u"10000701"}, {u"amount", u"1"}}), key(), sign));
    QVERIFY(!Signer::verify(input, MerchantKey(QByteArrayLiteral("OTHERKEY")), sign));
}

void TestSigner::verifyWithEmptyKeyFails()
{
    const ParamList input = params({{u"mchId", u"10000701"}});
    const QString signedWithEmpty = Signer::sign(input, MerchantKey());
    QVERIFY(!Signer::verify(input, MerchantKey(), signedWithEmpty));
}

QTEST_GUILESS_MAIN(TestSigner)
#include "test_signer.moc"

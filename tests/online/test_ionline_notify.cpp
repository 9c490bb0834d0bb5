// iOnline Pay's XML notify on the relay's own path: XML attacks and every failed check are
// answered with something other than `success`, recorded for the audit view, and never pay
// the order; a correct notify is applied once and answered exactly `success`.

#include "OnlineEnvironment.h"

#include <QDateTime>
#include <QTest>

using namespace paydesk;
using namespace paydesk::test;
using namespace Qt::StringLiterals;

class TestIOnlineNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void xmlAttacksRejected_data();
    void xmlAttacksRejected();
    void failedChecksRejected_data();
    void failedChecksRejected();
    void unknownOrderIsUnmatchedThenRetried();
    void iotPayNotifyNeverPaysAnIOnlineOrder();
    void correctNotifyPaysOnce();

private:
    Order newIOnlineOrder(qint64 amountMinor);

    OnlineEnvironment m_env;
    Order m_target; // an AWAITING iOnline order none of the hostile notifies may pay
    Order m_iotpayOrder; // an IOTPay order the iOnline path must never pay
};

void TestIOnlineNotify::initTestCase()
{
    QVERIFY(m_env.start());
    m_target = newIOnlineOrder(2865);
    QVERIFY(m_target.id > 0);
    const QJsonObject reply = jsonOf(m_env.postPayment(miniProgramBody(2865)));
    m_iotpayOrder = m_env.m_log->orderByMchOrderNo(reply.value(u"mchOrderNo").toString()).value_or(Order{});
    QVERIFY(m_iotpayOrder.id > 0);
}

void TestIOnlineNotify::cleanupTestCase()
{
    // Whatever was thrown at it, the target is still waiting for its customer.
    QCOMPARE(m_env.stateOf(m_target.mchOrderNo), OrderState::Awaiting);
    QCOMPARE(m_env.stateOf(m_iotpayOrder.mchOrderNo), OrderState::Awaiting);
    m_env.stop();
}

Order TestIOnlineNotify::newIOnlineOrder(qint64 amountMinor)
{
    QJsonObject body = miniProgramBody(amountMinor);
    body.insert(u"gateway"_s, u"ionline"_s);
    const RawReply reply = m_env.postPayment(body);
    if (reply.status != 201)
        return {};
    return m_env.m_log->orderByMchOrderNo(jsonOf(reply).value(u"mchOrderNo").toString()).value_or(Order{});
}

void TestIOnlineNotify::xmlAttacksRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    const QByteArray valid = OnlineEnvironment::ionlineNotify(m_target.mchOrderNo, 2865, m_env.m_ionlineKey);
    const QByteArray inner = valid.mid(5, valid.size() - 11); // the fields without <xml> and </xml>
    const QByteArray xml = "text/xml";

    // A correctly signed notify, wrapped with a DTD that declares an external entity.
    QTest::newRow("doctype with external entity")
        << "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml>" + inner
            + "<attach>&xxe;</attach></xml>"
        << xml;
    QTest::newRow("doctype alone, fields intact") << "<!DOCTYPE xml>" + valid << xml;
    QTest::newRow("billion laughs")
        << "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol \"lol\">"
           "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
           "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
           "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]><xml>"
            + inner + "<attach>&lol4;</attach></xml>"
        << xml;
    QTest::newRow("parameter entity to a remote DTD")
        << "<!DOCTYPE xml [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>" + valid << xml;
    QByteArray reference = valid;
    reference.replace("<total_fee><![CDATA[2865]]></total_fee>", "<total_fee>&#50;865</total_fee>");
    QTest::newRow("character reference in a field") << reference << xml;
    QTest::newRow("undeclared entity reference") << "<xml>" + inner + "<attach>&foo;</attach></xml>" << xml;
    QTest::newRow("malformed") << valid.left(valid.size() - 3) << xml;
    QTest::newRow("non-xml root") << "<root>" + inner + "</root>" << xml;
    QTest::newRow("nested element") << "<xml>" + inner + "<attach><a>1</a></attach></xml>" << xml;
    QTest::newRow("duplicate total_fee") << "<xml><total_fee>1</total_fee>" + inner + "</xml>" << xml;
    QTest::newRow("processing instruction") << "<xml><?evil?>" + inner + "</xml>" << xml;
    QTest::newRow("declared other encoding") << "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + valid << xml;
    QTest::newRow("JSON content type") << valid << QByteArray("application/json");
    QTest::newRow("form content type") << valid << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("latin1 charset") << valid << QByteArray("text/xml; charset=ISO-8859-1");
    QTest::newRow("empty body") << QByteArray() << xml;
}

void TestIOnlineNotify::xmlAttacksRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const qint64 audited = m_env.notificationCount();
    const RawReply reply = m_env.postIOnlineNotify(body, contentType);
    QVERIFY(reply.connected);
    QVERIFY2(reply.status >= 400 && reply.status < 500, qPrintable(QString::number(reply.status)));
    QVERIFY(reply.body != "success");
    QCOMPARE(m_env.stateOf(m_target.mchOrderNo), OrderState::Awaiting);
    QCOMPARE(m_env.notificationCount(), audited + 1);
    QCOMPARE(m_env.count(u"SELECT COUNT(*) FROM notifications WHERE id = (SELECT MAX(id) FROM notifications)"
                         " AND verdict = 'rejected' AND gateway = 'ionline'"_s),
             1);
}

void TestIOnlineNotify::failedChecksRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const QString no = m_target.mchOrderNo;
    const MerchantKey &key = m_env.m_ionlineKey;
    using E = OnlineEnvironment;
    QByteArray unsigned_ = E::ionlineNotify(no, 2865, key);
    unsigned_.replace(unsigned_.indexOf("<sign>"), unsigned_.indexOf("</sign>") + 7 - unsigned_.indexOf("<sign>"), "");
    QTest::newRow("sign missing") << unsigned_ << 403;
    QTest::newRow("signed with the IOTPay key") << E::ionlineNotify(no, 2865, m_env.m_iotpayKey) << 403;
    QByteArray tampered = E::ionlineNotify(no, 2865, key);
    tampered.replace("<total_fee><![CDATA[2865]]>", "<total_fee><![CDATA[1]]>");
    QTest::newRow("amount changed, old sign kept") << tampered << 403;
    QTest::newRow("foreign mch_id") << E::ionlineNotify(no, 2865, key, {{u"mch_id"_s, u"10085299999999"_s}}) << 403;
    QTest::newRow("result_code 1") << E::ionlineNotify(no, 2865, key, {{u"result_code"_s, u"1"_s}}) << 400;
    QTest::newRow("status 500") << E::ionlineNotify(no, 2865, key, {{u"status"_s, u"500"_s}}) << 400;
    QTest::newRow("signed, wrong amount") << E::ionlineNotify(no, 2864, key) << 409;
    QTest::newRow("signed, wrong currency") << E::ionlineNotify(no, 2865, key, {{u"fee_type"_s, u"USD"_s}}) << 409;
    // HKD is a currency PayDesk knows, but not this CAD order's: refused as a mismatch.
    QTest::newRow("signed, HKD on a CAD order") << E::ionlineNotify(no, 2865, key, {{u"fee_type"_s, u"HKD"_s}}) << 409;
    QTest::newRow("signed, unknown currency") << E::ionlineNotify(no, 2865, key, {{u"fee_type"_s, u"EUR"_s}}) << 400;
    QTest::newRow("signed, amount 02865") << E::ionlineNotify(no, 2865, key, {{u"total_fee"_s, u"02865"_s}}) << 400;
    QTest::newRow("signed, order of the other gateway")
        << E::ionlineNotify(m_iotpayOrder.mchOrderNo, m_iotpayOrder.amount.minor, key) << 409;
    QTest::newRow("signed, order number with a space") << E::ionlineNotify(u"WEB 1"_s, 2865, key) << 400;
}

void TestIOnlineNotify::failedChecksRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const qint64 audited = m_env.notificationCount();
    const RawReply reply = m_env.postIOnlineNotify(body);
    QCOMPARE(reply.status, status);
    QVERIFY(reply.body != "success");
    QCOMPARE(m_env.stateOf(m_target.mchOrderNo), OrderState::Awaiting);
    QCOMPARE(m_env.stateOf(m_iotpayOrder.mchOrderNo), OrderState::Awaiting);
    QCOMPARE(m_env.notificationCount(), audited + 1);
}

void TestIOnlineNotify::unknownOrderIsUnmatchedThenRetried()
{
    const QByteArray notify = OnlineEnvironment::ionlineNotify(u"WEB999999999999999999"_s, 100, m_env.m_ionlineKey);
    const RawReply reply = m_env.postIOnlineNotify(notify);
    QCOMPARE(reply.status, 404);
    QCOMPARE(m_env.count(u"SELECT COUNT(*) FROM notifications WHERE mch_order_no = 'WEB999999999999999999'"
                         " AND verdict = 'unmatched' AND gateway = 'ionline'"_s),
             1);
}

// Every gateway's notify goes through the same rule: an order is paid only by its own gateway's
// message. (Before the gateways became modules only the iOnline path checked it: a correctly
// signed IOTPay notify paid an iOnline order.)
void TestIOnlineNotify::iotPayNotifyNeverPaysAnIOnlineOrder()
{
    const ParamList fields = signedFields(notifyFields(m_target.mchOrderNo, 2865), m_env.m_iotpayKey);
    const qint64 audited = m_env.notificationCount();
    const RawReply reply = rawExchange(m_env.m_notifyPort, httpRequest("GET", "/notify/iotpay?" + formEncode(fields)));
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.body != "success");
    QCOMPARE(m_env.stateOf(m_target.mchOrderNo), OrderState::Awaiting);
    QCOMPARE(m_env.notificationCount(), audited + 1);
    QCOMPARE(m_env.count(u"SELECT COUNT(*) FROM notifications WHERE id = (SELECT MAX(id) FROM notifications)"
                         " AND verdict = 'rejected' AND gateway = 'iotpay'"_s),
             1);
}

void TestIOnlineNotify::correctNotifyPaysOnce()
{
    const Order order = newIOnlineOrder(990);
    QVERIFY(order.id > 0);
    // Without fee_type the amount is taken in the account's currency (CAD).
    const QByteArray notify
        = OnlineEnvironment::ionlineNotify(order.mchOrderNo, 990, m_env.m_ionlineKey, {{u"fee_type"_s, QString()}});
    QVERIFY(!notify.contains("fee_type"));
    const qint64 beforeMs = QDateTime::currentMSecsSinceEpoch();
    const RawReply first = m_env.postIOnlineNotify(notify, "application/xml; charset=UTF-8");
    const qint64 afterMs = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, QByteArray("success")); // exactly the 7 bytes
    QCOMPARE(m_env.stateOf(order.mchOrderNo), OrderState::Paid);
    const RawReply again = m_env.postIOnlineNotify(notify);
    QCOMPARE(again.body, QByteArray("success"));
    QCOMPARE(m_env.paidTransitions(order.id), 1);
    const auto paid = m_env.m_log->orderByMchOrderNo(order.mchOrderNo);
    // The notify names another transaction id than the create returned, and a payment time
    // (time_end 20260610203000 GMT+8) outside the order's life: the stored id stays, "paid at"
    // is the receive time, and the gateway's facts are kept as events (PaymentLifecycle).
    QVERIFY(!order.payOrderId.isEmpty());
    QVERIFY(order.payOrderId != u"1085000000000001"_s);
    QCOMPARE(paid->payOrderId, order.payOrderId);
    QCOMPARE(paid->channelOrderNo, u"4200000001"_s);
    QVERIFY2(paid->paidAtMs >= beforeMs && paid->paidAtMs <= afterMs, qPrintable(QString::number(paid->paidAtMs)));
    const auto events = m_env.m_log->events(order.id);
    QVERIFY(events);
    QStringList kept;
    for (const OrderEvent &event : *events) {
        if (event.kind == u"contradiction"_s || event.kind == u"gateway-paid-at"_s)
            kept.append(event.kind + u": "_s + event.detail);
    }
    const QString keptText = kept.join(u'\n');
    QVERIFY2(keptText.contains(u"1085000000000001"_s), qPrintable(keptText));
    QVERIFY2(keptText.contains(u"gateway-paid-at: the gateway's payment time: 2026-06-10T12:30:00.000+00:00"_s),
             qPrintable(keptText));
    QCOMPARE(kept.size(), 3); // the repeat added none

    // GET is not how iOnline delivers: refused, nothing recorded.
    QCOMPARE(rawExchange(m_env.m_notifyPort, httpRequest("GET", "/notify/ionline")).status, 405);
}

QTEST_GUILESS_MAIN(TestIOnlineNotify)
#include "test_ionline_notify.moc"

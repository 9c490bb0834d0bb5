// The notification relay over real HTTP on loopback, with a real SQLite order log:
// design.md "Notification relay rules" and reliability.md items 2, 3, 5, 7, 8 and the hostile inputs.

#include "NotifyFactory.h"
#include "RawHttp.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "relay/RelayService.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <barrier>
#include <thread>

using namespace paydesk;
using namespace paydesk::test;

namespace {

int paidTransitions(OrderLog &log, qint64 orderId)
{
    auto events = log.events(orderId);
    if (!events)
        return -1;
    int count = 0;
    for (const OrderEvent &event : *events) {
        if (event.toState == OrderState::Paid)
            ++count;
    }
    return count;
}

} // namespace

class TestRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void acceptsNotifyInQueryString();
    void acceptsFormBody();
    void duplicateIsAcknowledgedWithoutSecondTransition();
    void contradictingNotifyConfirmsAndKeepsTheEvidence();
    void hostileNotifies_data();
    void hostileNotifies();
    void hostileHttp_data();
    void hostileHttp();
    void incompleteBodyTimesOut();
    void pipelinedRequestsEachAnswered();
    void relayStaysUpAfterAbuse();
    void rejectionsAreAudited();
    void notifyBeforeOrderRowThenRetry();
    void fiftySimultaneousDuplicates();
    void longReaderDoesNotBlockAcknowledgement();
    void refusesToStartWithoutWritableStore_data();
    void refusesToStartWithoutWritableStore();
    void healthReportsWritableStore();

private:
    Order newAwaitingOrder(qint64 amountMinor, Currency currency = Currency::CAD);
    RawReply postNotify(const ParamList &fields);

    QTemporaryDir m_dir;
    SystemClock m_clock;
    MerchantKey m_key{QByteArray(TestKey)};
    std::unique_ptr<OrderLog> m_log;
    std::unique_ptr<RelayService> m_relay;
    quint16 m_port = 0;
    Order m_target; // the order every hostile notify aims at; must never become PAID
    int m_hostileCount = 0;
};

void TestRelay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("orders.sqlite"));
    auto log = OrderLog::open(path, m_clock);
    QVERIFY2(log.has_value(), qPrintable(log ? QString() : describe(log.error())));
    m_log = std::move(*log);

    RelayOptions options;
    options.orderLogPath = path;
    options.notify.mchId = QString::fromLatin1(TestMchId);
    options.notify.key = m_key;
    options.http.idleTimeoutSeconds = 2;
    options.http.connectionLimit = 64;
    m_relay = std::make_unique<RelayService>(options, m_clock);
    auto port = m_relay->start();
    QVERIFY2(port.has_value(), qPrintable(port ? QString() : describe(port.error())));
    m_port = *port;
    m_target = newAwaitingOrder(2865);
}

void TestRelay::cleanupTestCase()
{
    m_relay.reset();
    m_log.reset();
}

Order TestRelay::newAwaitingOrder(qint64 amountMinor, Currency currency)
{
    NewOrder order;
    order.terminalId = QStringLiteral("T1");
    order.channel = Channel::WxNative;
    order.amount = Money{amountMinor, currency};
    auto created = m_log->createOrder(order);
    if (!created)
        return {};
    (void)m_log->transition(created->id, OrderState::Creating, {});
    TransitionDetails details;
    details.payOrderId = QStringLiteral("P1");
    details.qrPayload = QStringLiteral("weixin://wxpay/bizpayurl?pr=abc");
    (void)m_log->transition(created->id, OrderState::Awaiting, details);
    return m_log->orderById(created->id).value_or(Order{});
}

RawReply TestRelay::postNotify(const ParamList &fields)
{
    return rawExchange(m_port, httpRequest("POST", "/notify/iotpay?" + formEncode(fields), {}));
}

void TestRelay::acceptsNotifyInQueryString()
{
    const Order order = newAwaitingOrder(2865);
    QVERIFY(order.id > 0);
    const RawReply reply = postNotify(signedFields(notifyFields(order.mchOrderNo, 2865), m_key));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("success")); // exactly 7 bytes (reliability.md item 5)
    auto after = m_log->orderById(order.id);
    QVERIFY(after);
    QCOMPARE(after->state, OrderState::Paid);
    QCOMPARE(after->channelOrderNo, QStringLiteral("4200001234202401011234567890"));
    QVERIFY(!after->late);
}

void TestRelay::acceptsFormBody()
{
    const Order order = newAwaitingOrder(100, Currency::USD);
    const QByteArray body = formEncode(signedFields(notifyFields(order.mchOrderNo, 100, QStringLiteral("USD")), m_key));
    const RawReply reply = rawExchange(
        m_port, httpRequest("POST", "/notify/iotpay", body, "application/x-www-form-urlencoded; charset=UTF-8"));
    QCOMPARE(reply.body, QByteArray("success"));
    QCOMPARE(m_log->orderById(order.id)->state, OrderState::Paid);
}

void TestRelay::duplicateIsAcknowledgedWithoutSecondTransition()
{
    const Order order = newAwaitingOrder(500);
    const ParamList fields = signedFields(notifyFields(order.mchOrderNo, 500), m_key);
    QCOMPARE(postNotify(fields).body, QByteArray("success"));
    QCOMPARE(postNotify(fields).body, QByteArray("success"));
    // GET works too (some gateways re-deliver that way).
    QCOMPARE(rawExchange(m_port, httpRequest("GET", "/notify/iotpay?" + formEncode(fields))).body,
             QByteArray("success"));
    QCOMPARE(paidTransitions(*m_log, order.id), 1);
}

void TestRelay::contradictingNotifyConfirmsAndKeepsTheEvidence()
{
    // The stored order came back from its create as "P1"; the notify names another payment
    // order and a payment time of 2024: the payment is confirmed by the rules, the stored id
    // stays, "paid at" is when the relay received it, and both facts are kept as events.
    const Order order = newAwaitingOrder(740);
    QCOMPARE(order.payOrderId, QStringLiteral("P1"));
    const qint64 beforeMs = m_clock.nowUtcMs();
    QCOMPARE(postNotify(signedFields(notifyFields(order.mchOrderNo, 740), m_key)).body, QByteArray("success"));
    const qint64 afterMs = m_clock.nowUtcMs();

    auto after = m_log->orderById(order.id);
    QVERIFY(after);
    QCOMPARE(after->state, OrderState::Paid);
    QCOMPARE(after->payOrderId, QStringLiteral("P1"));
    QVERIFY2(after->paidAtMs >= beforeMs && after->paidAtMs <= afterMs, qPrintable(QString::number(after->paidAtMs)));

    auto events = m_log->events(order.id);
    QVERIFY(events);
    QStringList contradictions;
    for (const OrderEvent &event : *events) {
        if (event.kind == QStringLiteral("contradiction"))
            contradictions.append(event.detail);
    }
    QCOMPARE(contradictions.size(), 2);
    QVERIFY2(contradictions.join(u'\n').contains(u"P0701" + order.mchOrderNo.right(12)),
             qPrintable(contradictions.join(u'\n')));
    QVERIFY(contradictions.join(u'\n').contains(QStringLiteral("payment time")));
}

void TestRelay::hostileNotifies_data()
{
    QTest::addColumn<QByteArray>("query");
    const QString no = m_target.mchOrderNo;
    const ParamList base = notifyFields(no, 2865);
    auto with = [&](const QString &name, const QString &value) {
        ParamList fields = base;
        for (auto &field : fields) {
            if (field.first == name)
                field.second = value;
        }
        return fields;
    };
    auto without = [&](const QString &name) {
        ParamList fields = base;
        fields.removeIf([&](const auto &field) { return field.first == name; });
        return fields;
    };
    const ParamList good = signedFields(base, m_key);
    const QString goodSign = good.last().second;
    auto replaceSign = [&](const QString &sign) {
        ParamList fields = base;
        fields.append({QStringLiteral("sign"), sign});
        return formEncode(fields);
    };

    QTest::newRow("sign missing") << formEncode(base);
    QTest::newRow("sign empty") << replaceSign(QString());
    QTest::newRow("sign too short") << replaceSign(goodSign.left(31));
    QTest::newRow("sign too long") << replaceSign(goodSign + u'0');
    QTest::newRow("sign non-hex") << replaceSign(QString(32, u'Z'));
    QTest::newRow("sign lower-case") << replaceSign(goodSign.toLower());
    QTest::newRow("sign padded") << replaceSign(u' ' + goodSign);
    QTest::newRow("sign forged") << replaceSign(QStringLiteral("0123456789ABCDEF0123456789ABCDEF"));
    QTest::newRow("other key") << formEncode(signedFields(base, MerchantKey(QByteArray("ANOTHERKEY"))));
    {
        ParamList tampered = good;
        tampered[5].second = QStringLiteral("1"); // amount changed, old sign kept
        QTest::newRow("amount tampered") << formEncode(tampered);
    }
    QTest::newRow("signed wrong amount") << formEncode(
        signedFields(with(QStringLiteral("amount"), QStringLiteral("1")), m_key));
    QTest::newRow("foreign merchant") << formEncode(
        signedFields(with(QStringLiteral("mchId"), QStringLiteral("10000999")), m_key));
    for (const char *status : {"0", "1", "4", "9", "2 ", "02", " 2", "-2"})
        QTest::addRow("status '%s'", status)
            << formEncode(signedFields(with(QStringLiteral("status"), QString::fromLatin1(status)), m_key));
    QTest::newRow("status missing") << formEncode(signedFields(without(QStringLiteral("status")), m_key));
    QTest::newRow("currency other") << formEncode(
        signedFields(with(QStringLiteral("currency"), QStringLiteral("USD")), m_key));
    QTest::newRow("currency lower") << formEncode(
        signedFields(with(QStringLiteral("currency"), QStringLiteral("cad")), m_key));
    QTest::newRow("currency unknown") << formEncode(
        signedFields(with(QStringLiteral("currency"), QStringLiteral("XXX")), m_key));
    QTest::newRow("currency missing") << formEncode(signedFields(without(QStringLiteral("currency")), m_key));
    for (const char *amount : {"-2865", "0", "28.65", "2865.0", "2.865e3", "0xB31", " 2865", "2865 ", "02865", "+2865",
                               "99999999999999999999", "9223372036854775808"})
        QTest::addRow("amount '%s'", amount)
            << formEncode(signedFields(with(QStringLiteral("amount"), QString::fromLatin1(amount)), m_key));
    QTest::newRow("amount missing") << formEncode(signedFields(without(QStringLiteral("amount")), m_key));
    QTest::newRow("order missing") << formEncode(signedFields(without(QStringLiteral("mchOrderNo")), m_key));
    QTest::newRow("duplicate amount") << formEncode(good) + "&amount=1";
    QTest::newRow("duplicate amount first") << "amount=1&" + formEncode(good);
    QTest::newRow("two signs") << formEncode(good) + "&sign=" + goodSign.toLatin1();
    QTest::newRow("unsigned extra parameter") << formEncode(good) + "&refund=1";
    QTest::newRow("broken percent") << formEncode(good) + "&x=%G1";
    QTest::newRow("truncated percent") << formEncode(good) + "&x=%4";
    QTest::newRow("invalid utf-8") << formEncode(good) + "&x=%C3%28";
    QTest::newRow("encoded NUL") << formEncode(good) + "&x=a%00b";
    QTest::newRow("empty name") << formEncode(good) + "&=1";
}

void TestRelay::hostileNotifies()
{
    QFETCH(QByteArray, query);
    ++m_hostileCount;
    const RawReply reply = rawExchange(m_port, httpRequest("POST", "/notify/iotpay?" + query, {}));
    QVERIFY(reply.connected);
    QVERIFY2(reply.status >= 400, reply.all.left(200).constData());
    QVERIFY(!reply.body.contains("success"));
    QVERIFY(!reply.body.isEmpty()); // a clear reply says why
    QCOMPARE(m_log->orderById(m_target.id)->state, OrderState::Awaiting);
}

void TestRelay::hostileHttp_data()
{
    QTest::addColumn<QByteArray>("request");
    const QByteArray valid
        = formEncode(signedFields(notifyFields(m_target.mchOrderNo, 2865, QStringLiteral("USD")), m_key));
    QTest::newRow("PUT") << httpRequest("PUT", "/notify/iotpay?" + valid);
    QTest::newRow("TRACE") << httpRequest("TRACE", "/notify/iotpay");
    QTest::newRow("DELETE") << httpRequest("DELETE", "/notify/iotpay");
    QTest::newRow("dot-dot path") << httpRequest("POST", "/notify/../notify/iotpay?" + valid);
    QTest::newRow("encoded NUL path") << httpRequest("POST", "/notify/iotpay%00?" + valid);
    QTest::newRow("other path") << httpRequest("GET", "/admin");
    QTest::newRow("json body") << httpRequest("POST", "/notify/iotpay", R"({"mchOrderNo":"x","amount":2865})",
                                              "application/json");
    QTest::newRow("multipart body") << httpRequest(
        "POST", "/notify/iotpay", "--b\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n2865\r\n--b--\r\n",
        "multipart/form-data; boundary=b");
    QTest::newRow("xml entity body") << httpRequest(
        "POST", "/notify/iotpay",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>",
        "application/xml");
    QTest::newRow("latin-1 charset") << httpRequest("POST", "/notify/iotpay", valid,
                                                    "application/x-www-form-urlencoded; charset=ISO-8859-1");
    QTest::newRow("two content types") << httpRequest("POST", "/notify/iotpay", valid,
                                                      "application/x-www-form-urlencoded",
                                                      "Content-Type: application/x-www-form-urlencoded\r\n");
    QTest::newRow("huge content-length")
        << QByteArray("POST /notify/iotpay HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 1000000000\r\nConnection: close\r\n\r\n")
            + valid;
    QTest::newRow("body over 16 KiB") << httpRequest("POST", "/notify/iotpay",
                                                     valid + "&pad=" + QByteArray(20000, 'a'));
    QTest::newRow("negative content-length")
        << QByteArray("POST /notify/iotpay HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n")
            + valid;
    QTest::newRow("duplicated content-length")
        << QByteArray("POST /notify/iotpay HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 10\r\nContent-Length: 20\r\nConnection: close\r\n\r\n")
            + valid;
    QTest::newRow("chunked plus length") << QByteArray(
        "POST /notify/iotpay HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    QTest::newRow("long header line") << httpRequest("GET", "/health", {}, {},
                                                     "X-Long: " + QByteArray(70000, 'a') + "\r\n");
    QByteArray manyHeaders;
    for (int i = 0; i < 5000; ++i)
        manyHeaders += "X-H" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("thousands of headers") << httpRequest("POST", "/notify/iotpay?" + valid, {}, {}, manyHeaders);
    QTest::newRow("NUL in header") << httpRequest("POST", "/notify/iotpay?" + valid, {}, {},
                                                  QByteArray("X-Bad: a\0b\r\n", 12));
    QTest::newRow("garbage") << QByteArray("\x01\x02garbage\xff\xfe\r\n\r\n", 15);
    QTest::newRow("tls hello") << QByteArray::fromHex(
        "160301007a0100007603035f1e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f800001cc02bc02fc02cc030");
}

void TestRelay::hostileHttp()
{
    QFETCH(QByteArray, request);
    const RawReply reply = rawExchange(m_port, request, 4000);
    QVERIFY(reply.connected);
    QVERIFY(!reply.body.contains("success"));
    QVERIFY2(reply.status == 0 || reply.status >= 400, reply.all.left(200).constData());
    QCOMPARE(m_log->orderById(m_target.id)->state, OrderState::Awaiting);
}

void TestRelay::incompleteBodyTimesOut()
{
    // Content-Length larger than the bytes sent: the server waits, then drops the connection.
    const QByteArray request
        = "POST /notify/iotpay HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          "Content-Length: 500\r\n\r\namount=1";
    QElapsedTimer timer;
    timer.start();
    const RawReply reply = rawExchange(m_port, request, 8000);
    QVERIFY(reply.closedByPeer);
    QVERIFY(!reply.body.contains("success"));
    QVERIFY(timer.elapsed() < 7000);
}

void TestRelay::pipelinedRequestsEachAnswered()
{
    const QByteArray one = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray two = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    const RawReply reply = rawExchange(m_port, one + two, 4000);
    QCOMPARE(countOccurrences(reply.all, "HTTP/1.1 200"), 2);
}

void TestRelay::relayStaysUpAfterAbuse()
{
    // Idle connections up to the cap: new ones are refused or closed, then the relay recovers.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 80; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        socket->waitForConnected(1000);
        socket->write("P");
        idle.push_back(std::move(socket));
    }
    idle.clear();
    QTRY_COMPARE_WITH_TIMEOUT(rawExchange(m_port, httpRequest("GET", "/health")).status, 200, 10000);
    const Order order = newAwaitingOrder(777);
    QCOMPARE(postNotify(signedFields(notifyFields(order.mchOrderNo, 777), m_key)).body, QByteArray("success"));
}

void TestRelay::rejectionsAreAudited()
{
    auto records = m_log->notificationsBetween(0, m_clock.nowUtcMs() + 1000);
    QVERIFY(records);
    int rejected = 0;
    for (const NotificationRecord &record : *records) {
        if (record.verdict == u"rejected") {
            ++rejected;
            QVERIFY(!record.reason.isEmpty());
            QVERIFY(!record.raw.isEmpty());
            QVERIFY(!record.raw.contains(TestKey));
        }
    }
    QVERIFY2(rejected >= m_hostileCount,
             qPrintable(QStringLiteral("%1 rejected of %2").arg(rejected).arg(m_hostileCount)));
}

void TestRelay::notifyBeforeOrderRowThenRetry()
{
    // The same clock and a fresh file mint the same number: learn it from a scratch log.
    ManualClock fixed(1'800'000'000'000);
    auto scratch = OrderLog::open(m_dir.filePath(QStringLiteral("scratch.sqlite")), fixed);
    QVERIFY(scratch);
    NewOrder newOrder;
    newOrder.terminalId = QStringLiteral("EARLY");
    newOrder.channel = Channel::AlipayQr;
    newOrder.amount = Money{4200, Currency::CAD};
    const QString number = (*scratch)->createOrder(newOrder)->mchOrderNo;

    const QString path = m_dir.filePath(QStringLiteral("early.sqlite"));
    auto log = OrderLog::open(path, fixed);
    QVERIFY(log);
    RelayOptions options;
    options.orderLogPath = path;
    options.notify.mchId = QString::fromLatin1(TestMchId);
    options.notify.key = m_key;
    RelayService relay(options, m_clock);
    auto port = relay.start();
    QVERIFY(port);

    const QByteArray request
        = httpRequest("POST", "/notify/iotpay?" + formEncode(signedFields(notifyFields(number, 4200), m_key)));
    const RawReply early = rawExchange(*port, request);
    QVERIFY(early.status >= 400);
    QVERIFY(!early.body.contains("success"));

    auto created = (*log)->createOrder(newOrder);
    QVERIFY(created);
    QCOMPARE(created->mchOrderNo, number);
    const RawReply retry = rawExchange(*port, request);
    QCOMPARE(retry.body, QByteArray("success"));
    QCOMPARE((*log)->orderById(created->id)->state, OrderState::Paid);

    auto records = (*log)->notificationsBetween(0, m_clock.nowUtcMs() + 1000);
    QVERIFY(records);
    QVERIFY(std::any_of(records->begin(), records->end(),
                        [](const NotificationRecord &r) { return r.verdict == u"unmatched"; }));
}

void TestRelay::fiftySimultaneousDuplicates()
{
    const Order order = newAwaitingOrder(1999);
    const QByteArray request = httpRequest(
        "POST", "/notify/iotpay?" + formEncode(signedFields(notifyFields(order.mchOrderNo, 1999), m_key)));
    constexpr int Clients = 50;
    std::barrier start(Clients);
    std::vector<QByteArray> bodies(Clients);
    std::vector<std::thread> threads;
    for (int i = 0; i < Clients; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            bodies[size_t(i)] = rawExchange(m_port, request, 15000).body;
        });
    }
    for (auto &thread : threads)
        thread.join();
    for (const QByteArray &body : bodies)
        QCOMPARE(body, QByteArray("success"));
    QCOMPARE(paidTransitions(*m_log, order.id), 1);
}

void TestRelay::longReaderDoesNotBlockAcknowledgement()
{
    const Order order = newAwaitingOrder(3100);
    QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("long-reader"));
    reader.setDatabaseName(m_dir.filePath(QStringLiteral("orders.sqlite")));
    QVERIFY(reader.open());
    {
        QSqlQuery query(reader);
        QVERIFY(query.exec(QStringLiteral("BEGIN")));
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM orders")));
        QVERIFY(query.next());
        const RawReply reply = postNotify(signedFields(notifyFields(order.mchOrderNo, 3100), m_key));
        QCOMPARE(reply.body, QByteArray("success"));
        QVERIFY(query.exec(QStringLiteral("COMMIT")));
    }
    reader.close();
    reader = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("long-reader"));
    QCOMPARE(m_log->orderById(order.id)->state, OrderState::Paid);
}

void TestRelay::refusesToStartWithoutWritableStore_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("corrupt") << QStringLiteral("corrupt");
    QTest::newRow("directory") << QStringLiteral("directory");
    QTest::newRow("locked") << QStringLiteral("locked");
}

void TestRelay::refusesToStartWithoutWritableStore()
{
    QFETCH(QString, kind);
    QString path = m_dir.filePath(kind + u".sqlite");
    QSqlDatabase locker;
    if (kind == u"corrupt") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    } else if (kind == u"directory") {
        QVERIFY(QDir(m_dir.path()).mkpath(kind));
        path = m_dir.filePath(kind);
    } else {
        QVERIFY(OrderLog::open(path, m_clock).has_value());
        locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(path);
        QVERIFY(locker.open());
        QVERIFY(QSqlQuery(locker).exec(QStringLiteral("BEGIN EXCLUSIVE")));
    }
    RelayOptions options;
    options.orderLogPath = path;
    options.notify.mchId = QString::fromLatin1(TestMchId);
    options.notify.key = m_key;
    options.busyTimeoutMs = 300;
    RelayService relay(options, m_clock);
    auto started = relay.start();
    QVERIFY(!started);
    QVERIFY(!started.error().detail.isEmpty() || started.error().code != ErrorCode::Invalid);
    QCOMPARE(relay.port(), quint16(0));
    if (locker.isValid()) {
        QSqlQuery(locker).exec(QStringLiteral("ROLLBACK"));
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    }
}

void TestRelay::healthReportsWritableStore()
{
    const RawReply reply = rawExchange(m_port, httpRequest("GET", "/health"));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains("\"store\":\"writable\""));
    QVERIFY(reply.headers.toLower().contains("content-type: application/json"));
}

QTEST_GUILESS_MAIN(TestRelay)
#include "test_relay.moc"

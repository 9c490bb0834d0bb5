#include "OrderTestSupport.h"

#include "orders/OrderLog.h"
#include "orders/Schema.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

// Forward migrations: a file left by any earlier PayDesk opens, keeps its data and ends up
// with exactly the schema of a new file; a file from a newer PayDesk is refused untouched.
class TestOrderLogSchema : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void versionsAreKnown();
    void stepsAdvanceOneAtATime();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void migrationIsIdempotent();
    void newerVersionIsRefused();
    void readOnlyOpenOfAnOlderVersionIsRefused();
    void invalidTargetVersion();
    void auditTrailIsAppendOnly();

private:
    QString dbPath(const QString &name = u"orders"_s) const { return m_store->url(name); }
    // Every table, index and trigger with its columns: what a schema is, independent of how it
    // was reached.
    static QStringList describeSchema(RawConnection &raw);

    std::unique_ptr<TestStore> m_store;
    ManualClock m_clock;
};

void TestOrderLogSchema::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
}

void TestOrderLogSchema::cleanup()
{
    m_store.reset();
}

// PostgreSQL's catalogue, as the SQLite one below: columns in order, indexes, triggers.
static QStringList describePostgresSchema(RawConnection &raw)
{
    QStringList lines;
    for (const QString &statement : {
             u"SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable"
             " || ' default=' || COALESCE(column_default, '') || ' identity=' || is_identity FROM "
             "information_schema.columns"
             " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"_s,
             u"SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"_s,
             u"SELECT 'trigger ' || tgname || ' on ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"
             " ORDER BY tgname"_s,
         }) {
        QSqlQuery query(raw.db());
        if (!query.exec(statement))
            return {u"error: "_s + query.lastError().text()};
        while (query.next())
            lines.append(query.value(0).toString());
    }
    return lines;
}

QStringList TestOrderLogSchema::describeSchema(RawConnection &raw)
{
    if (TestStore::isPostgres())
        return describePostgresSchema(raw);
    QStringList lines;
    QSqlQuery objects(raw.db());
    if (!objects.exec(u"SELECT type, name, tbl_name FROM sqlite_master ORDER BY type, name"_s))
        return {u"error: "_s + objects.lastError().text()};
    QStringList tables;
    while (objects.next()) {
        lines.append(objects.value(0).toString() + u' ' + objects.value(1).toString() + u" on "_s
                     + objects.value(2).toString());
        if (objects.value(0).toString() == u"table"_s)
            tables.append(objects.value(1).toString());
    }
    for (const QString &table : tables) {
        QSqlQuery columns(raw.db());
        if (!columns.exec(u"PRAGMA table_info("_s + table + u')'))
            return {u"error: "_s + columns.lastError().text()};
        while (columns.next()) {
            // name, type, notnull, default, pk
            lines.append(table + u'.' + columns.value(1).toString() + u' ' + columns.value(2).toString() + u" notnull="
                         + columns.value(3).toString() + u" default=" + columns.value(4).toString() + u" pk="
                         + columns.value(5).toString());
        }
    }
    return lines;
}

void TestOrderLogSchema::versionsAreKnown()
{
    QCOMPARE(OrderLog::currentSchemaVersion(), schema::latestVersion());
    QVERIFY(schema::latestVersion() >= 4);
}

void TestOrderLogSchema::stepsAdvanceOneAtATime()
{
    RawConnection raw(dbPath());
    QVERIFY(raw.isOpen());
    QCOMPARE(*schema::storedVersion(raw.connection()), 0);
    for (int version = 1; version <= schema::latestVersion(); ++version) {
        const auto reached = schema::applyMigrations(raw.connection(), version);
        QVERIFY2(reached, qPrintable(reached ? QString() : describe(reached.error())));
        QCOMPARE(*reached, version);
        QCOMPARE(*schema::storedVersion(raw.connection()), version);
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM schema_version"_s).toInt(), 1);
    }
}

void TestOrderLogSchema::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int version = 0; version < schema::latestVersion(); ++version)
        QTest::newRow(qPrintable(u"from v"_s + QString::number(version))) << version;
}

void TestOrderLogSchema::migratesFromEveryEarlierVersion()
{
    QFETCH(int, fromVersion);
    {
        // The file an older PayDesk left: its schema, and a paid order with history written in
        // the columns that version had (version 1 is the oldest layout there is).
        RawConnection old(dbPath());
        QVERIFY(old.isOpen());
        QCOMPARE(*schema::applyMigrations(old.connection(), fromVersion), fromVersion);
        if (fromVersion >= 1) {
            QCOMPARE(old.exec(u"INSERT INTO orders (mch_order_no, terminal_id, cashier, channel, amount_minor,"
                              " currency, state, late, source, subject, pay_order_id, created_at_ms,"
                              " updated_at_ms, paid_at_ms) VALUES ('OLD1231114000000000001', 'OLD1', 'bob',"
                              " 'ALIPAY_QR', 1999, 'CAD', 'PAID', 0, 'counter', 'Tea', 'P-OLD', 10, 20, 20)"_s),
                     QString());
            QCOMPARE(old.exec(u"INSERT INTO events (order_id, at_ms, kind, from_state, to_state, actor, detail)"
                              " VALUES (1, 20, 'transition', 'AWAITING', 'PAID', 'relay', '')"_s),
                     QString());
            QCOMPARE(old.exec(u"INSERT INTO notifications (received_at_ms, verdict, reason, raw)"
                              " VALUES (20, 'accepted', '', 'x=1')"_s),
                     QString());
            QCOMPARE(old.exec(u"INSERT INTO sequences (name, value) VALUES ('mch_order_no/OLD1', 1)"_s), QString());
            // A refund in flight and one that went through, as every version could store them.
            QCOMPARE(
                old.exec(u"INSERT INTO refunds (order_id, mch_refund_no, amount_minor, currency, reason, state,"
                         " requested_by, created_at_ms, updated_at_ms) VALUES"
                         " (1, 'ROLD123111400000000000101', 500, 'CAD', 'broken cup', 'SUCCEEDED', 'mina', 30, 31),"
                         " (1, 'ROLD123111400000000000102', 300, 'CAD', 'late', 'UNKNOWN', 'mina', 40, 41)"_s),
                QString());
            QCOMPARE(old.exec(u"UPDATE orders SET refunded_minor = 500 WHERE id = 1"_s), QString());
            // An online order whose clientOrderRef lived only in a 'client-ref' event (before
            // version 6), next to an unrelated event with the same text.
            QCOMPARE(old.exec(u"INSERT INTO orders (mch_order_no, terminal_id, cashier, channel, amount_minor,"
                              " currency, state, late, source, subject, created_at_ms, updated_at_ms)"
                              " VALUES ('OLD1231114000000000009', 'OLD1', 'api', 'WX_JSAPI', 500, 'CAD', 'AWAITING',"
                              " 0, 'miniprogram', 'Cake', 50, 50)"_s),
                     QString());
            QCOMPARE(old.exec(u"INSERT INTO events (order_id, at_ms, kind, from_state, to_state, actor, detail)"
                              " VALUES (2, 50, 'client-ref', NULL, NULL, 'api', 'cart-77'),"
                              " (1, 60, 'note', NULL, NULL, 'api', 'cart-77')"_s),
                     QString());
            // From version 6 on, PayDesk wrote the reference in its column as well.
            if (fromVersion >= 6) {
                QCOMPARE(old.exec(u"UPDATE orders SET client_reference = 'cart-77' WHERE id = 2"_s), QString());
            }
        }
    }

    auto opened = OrderLog::open(dbPath(), m_clock);
    QVERIFY2(opened, qPrintable(opened ? QString() : describe(opened.error())));
    OrderLog &log = **opened;
    QCOMPARE(log.schemaVersion(), schema::latestVersion());
    QCOMPARE(*log.integrityCheck(), u"ok"_s);

    if (fromVersion >= 1) {
        const auto old = log.orderByMchOrderNo(u"OLD1231114000000000001"_s);
        QVERIFY(old);
        QCOMPARE(old->state, OrderState::Paid);
        QCOMPARE(old->amount, (Money{1999, Currency::CAD}));
        QCOMPARE(old->channel, Channel::AlipayQr);
        QCOMPARE(old->payOrderId, u"P-OLD"_s);
        QCOMPARE(old->gateway, u"iotpay"_s); // filled in by the migration that added the column
        QCOMPARE(log.events(old->id)->size(), 2);
        // Version 6 filled the client reference in from the events.
        QVERIFY(old->clientReference.isEmpty());
        const auto online = log.orderByClientReference(u"cart-77"_s, 0);
        QVERIFY2(online, qPrintable(online ? QString() : describe(online.error())));
        QCOMPARE(online->mchOrderNo, u"OLD1231114000000000009"_s);
        QCOMPARE(online->clientReference, u"cart-77"_s);
        QCOMPARE(errorCodeOf(log.orderByClientReference(u"cart-77"_s, 51)), ErrorCode::NotFound);
        const auto audit = log.notificationsBetween(0, 100);
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->first().gateway, u"iotpay"_s);
        QCOMPARE(audit->first().raw, QByteArray("x=1"));
        // The persisted sequence carries on.
        const auto next = log.createOrder(sampleOrder(u"OLD1"_s));
        QVERIFY(next);
        QVERIFY(next->mchOrderNo.endsWith(u"000002"_s));
        // Refunds written before version 4 (which indexed them) are read and still count.
        const auto refunds = log.refundsOfOrder(old->id);
        QVERIFY(refunds);
        QCOMPARE(refunds->size(), 2);
        QCOMPARE(refunds->at(1).state, RefundState::Unknown);
        const auto balance = log.refundBalance(old->id);
        QVERIFY(balance);
        QCOMPARE(balance->refundedMinor, 500);
        QCOMPARE(balance->inFlightMinor, 300);
        QCOMPARE(balance->refundableMinor(), 1199);
        QCOMPARE(log.unresolvedRefunds()->size(), 1);
        QCOMPARE(errorCodeOf(log.beginRefund({old->id, 1200, u"too much"_s, u"mina"_s})), ErrorCode::AmountTooLarge);
        const auto third = log.beginRefund({old->id, 1199, u"rest"_s, u"mina"_s});
        QVERIFY2(third, qPrintable(third ? QString() : describe(third.error())));
        QCOMPARE(third->mchRefundNo, u"ROLD123111400000000000103"_s);
    }
    // The migrated file works like a new one, audit trail (version 5) included.
    m_clock.setWallMs(5'000);
    QVERIFY(log.recordAuditEvent(u"export"_s, u"manager@OLD1"_s, u"12 orders"_s));
    QCOMPARE(log.auditEventsBetween(0, 10'000)->size(), 1);
    // Staff accounts (version 7) are kept, unique by name.
    const auto staff
        = log.createStaffAccount({u"mina"_s, StaffRole::Manager, u"pbkdf2-sha256$1000$c2FsdA==$aGFzaA=="_s});
    QVERIFY2(staff, qPrintable(staff ? QString() : describe(staff.error())));
    QCOMPARE(staff->createdAtMs, 5'000);
    QCOMPARE(errorCodeOf(log.createStaffAccount({u"mina"_s, StaffRole::Cashier, u"x"_s})), ErrorCode::Duplicate);
    QCOMPARE(log.staffAccounts()->size(), 1);
    const qint64 id = orderIn(log, OrderState::Awaiting);
    QVERIFY(id > 0);
    const Order order = *log.orderById(id);
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = order.mchOrderNo;
    confirmation.amount = order.amount;
    QCOMPARE(log.confirmPayment(confirmation)->verdict, ConfirmVerdict::Applied);
    opened->reset();

    // Same tables, columns, indexes and triggers as a file created at the latest version.
    QVERIFY(OrderLog::open(dbPath(u"fresh"_s), m_clock));
    RawConnection migrated(dbPath());
    RawConnection fresh(dbPath(u"fresh"_s));
    const QStringList migratedSchema = describeSchema(migrated);
    QVERIFY(migratedSchema.size() > 20);
    QCOMPARE(migratedSchema, describeSchema(fresh));
}

void TestOrderLogSchema::migrationIsIdempotent()
{
    RawConnection raw(dbPath());
    QCOMPARE(*schema::applyMigrations(raw.connection(), schema::latestVersion()), schema::latestVersion());
    const QStringList before = describeSchema(raw);
    QCOMPARE(*schema::applyMigrations(raw.connection(), schema::latestVersion()), schema::latestVersion());
    // Asking for an older version than stored never goes back.
    QCOMPARE(*schema::applyMigrations(raw.connection(), 1), schema::latestVersion());
    QCOMPARE(describeSchema(raw), before);
    QVERIFY(OrderLog::open(dbPath(), m_clock));
    QVERIFY(OrderLog::open(dbPath(), m_clock));
    QCOMPARE(describeSchema(raw), before);
}

void TestOrderLogSchema::newerVersionIsRefused()
{
    QVERIFY(OrderLog::open(dbPath(), m_clock));
    const int newer = schema::latestVersion() + 1;
    {
        RawConnection raw(dbPath());
        QCOMPARE(raw.exec(u"UPDATE schema_version SET version = ?"_s, {newer}), QString());
    }
    for (bool readOnly : {false, true}) {
        OrderLog::Options options;
        options.readOnly = readOnly;
        const auto log = OrderLog::open(dbPath(), m_clock, options);
        QVERIFY(!log);
        QCOMPARE(log.error().code, ErrorCode::StoreFailure);
        QVERIFY2(log.error().detail.contains(u"created by a newer PayDesk"_s), qPrintable(log.error().detail));
    }
    RawConnection raw(dbPath());
    QCOMPARE(*schema::storedVersion(raw.connection()), newer);
    const auto direct = schema::applyMigrations(raw.connection(), schema::latestVersion());
    QVERIFY(!direct);
    QCOMPARE(direct.error().code, ErrorCode::StoreFailure);
    QCOMPARE(*schema::storedVersion(raw.connection()), newer);
}

void TestOrderLogSchema::readOnlyOpenOfAnOlderVersionIsRefused()
{
    {
        RawConnection old(dbPath());
        QCOMPARE(*schema::applyMigrations(old.connection(), 1), 1);
    }
    OrderLog::Options options;
    options.readOnly = true;
    const auto log = OrderLog::open(dbPath(), m_clock, options);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::StoreFailure);
    RawConnection raw(dbPath());
    QCOMPARE(*schema::storedVersion(raw.connection()), 1);
}

void TestOrderLogSchema::invalidTargetVersion()
{
    RawConnection raw(dbPath());
    QCOMPARE(errorCodeOf(schema::applyMigrations(raw.connection(), -1)), ErrorCode::InvalidArgument);
    QCOMPARE(errorCodeOf(schema::applyMigrations(raw.connection(), schema::latestVersion() + 1)),
             ErrorCode::InvalidArgument);
    QCOMPARE(*schema::storedVersion(raw.connection()), 0);
}

// Manager actions not tied to an order: recorded with the clock's time, read back by range and
// in order, never edited or deleted (the triggers of version 5), kind required, detail capped.
void TestOrderLogSchema::auditTrailIsAppendOnly()
{
    auto opened = OrderLog::open(dbPath(), m_clock);
    QVERIFY(opened);
    OrderLog &log = **opened;
    m_clock.setWallMs(1'000);
    const auto first = log.recordAuditEvent(u"pin_failure"_s, u"counter"_s, u"9 attempts left"_s);
    QVERIFY(first);
    m_clock.setWallMs(2'000);
    QVERIFY(log.recordAuditEvent(u"export"_s, u"manager@T1"_s, QString(3000, u'x')));
    m_clock.setWallMs(3'000);
    QVERIFY(log.recordAuditEvent(u"report"_s, u"manager@T1"_s, QString()));
    QCOMPARE(errorCodeOf(log.recordAuditEvent(u" "_s, u"x"_s, u"y"_s)), ErrorCode::InvalidArgument);

    const auto all = log.auditEventsBetween(0, 10'000);
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).id, *first);
    QCOMPARE(all->at(0).atMs, 1'000);
    QCOMPARE(all->at(0).kind, u"pin_failure"_s);
    QCOMPARE(all->at(0).actor, u"counter"_s);
    QCOMPARE(all->at(0).detail, u"9 attempts left"_s);
    QCOMPARE(all->at(1).detail.size(), MaxAuditDetailLength);
    QCOMPARE(all->at(2).kind, u"report"_s);
    const auto window = log.auditEventsBetween(2'000, 3'000);
    QCOMPARE(window->size(), 1);
    QCOMPARE(window->first().kind, u"export"_s);
    QCOMPARE(log.auditEventsBetween(0, 10'000, 2)->size(), 2);
    QCOMPARE(errorCodeOf(log.auditEventsBetween(0, 10'000, 0)), ErrorCode::InvalidArgument);

    RawConnection raw(dbPath());
    QVERIFY(!raw.exec(u"UPDATE audit SET detail = 'edited'"_s).isEmpty());
    QVERIFY(!raw.exec(u"DELETE FROM audit"_s).isEmpty());
    if (TestStore::isPostgres()) {
        // Triggers hold for every role, the owner included, and for TRUNCATE; PostgreSQL guards
        // the notifications from its first version on (SQLite's released schema does not).
        QVERIFY(raw.exec(u"TRUNCATE audit"_s).contains(u"audit is append-only"_s));
        QVERIFY(log.recordNotification({0, 1, u"iotpay"_s, u"accepted"_s, {}, {}, {}, {}, "x=1"}));
        QVERIFY(raw.exec(u"UPDATE notifications SET raw = NULL"_s).contains(u"notifications are append-only"_s));
        QVERIFY(raw.exec(u"DELETE FROM notifications"_s).contains(u"notifications are append-only"_s));
        QVERIFY(!raw.exec(u"TRUNCATE notifications, events"_s).isEmpty());
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM notifications"_s).toInt(), 1);
    }
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM audit"_s).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestOrderLogSchema)
#include "test_orderlog_schema.moc"

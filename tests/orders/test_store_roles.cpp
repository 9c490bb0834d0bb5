// reliability.md 21, least privilege on a store's PostgreSQL database: `paydeskctl store init`
// (StoreSetup) makes the group roles and grants, and the database itself refuses what a role may
// not do, in SQL as through the order log. PostgreSQL only: the SQLite run is skipped.

#include "OrderTestSupport.h"
#include "orders/StoreSetup.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>
#include <QUrl>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

namespace {

// Login roles live in the whole cluster: named after this process so parallel tests never share one.
QString loginName(StoreRole role)
{
    return u"t%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(storeRoleKey(role));
}

QList<StoreLogin> allLogins()
{
    QList<StoreLogin> logins;
    for (const StoreRole role : AllStoreRoles)
        logins.append(StoreLogin{role, loginName(role), false});
    return logins;
}

// SQLSTATE of a refused statement, as RawConnection::exec() appends it.
bool refusedWith(const QString &error, const QString &sqlState)
{
    return error.endsWith(u'[' + sqlState + u']');
}

} // namespace

class TestStoreRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initTwiceGivesTheSameGrants();
    void terminalThroughOrderLog();
    void terminalCannotMarkPaidInSql();
    void paidOrderCannotBeMovedByTerminal();
    void relayConfirmsAndManagerRefunds();
    void reportOnlyReads();
    void historyIsAppendOnlyForEveryRole_data();
    void historyIsAppendOnlyForEveryRole();
    void storeInitCommandTwice();
    void storeInitRefusesBadInput();
    void storeInitAsTheDatabaseOwner();

private:
    QString urlAs(StoreRole role) const { return urlAsUser(loginName(role)); }
    QString urlAsUser(const QString &user) const
    {
        return QString(m_adminUrl).replace(u"user=postgres"_s, u"user="_s + user);
    }
    QString grantSnapshot();
    std::unique_ptr<OrderLog> openAs(StoreRole role);
    Order awaitingOrder(OrderLog &log);

    std::unique_ptr<TestStore> m_store;
    QString m_adminUrl;
    ManualClock m_clock;
};

void TestStoreRoles::initTestCase()
{
    if (!TestStore::isPostgres())
        QSKIP("roles and grants exist on PostgreSQL only (test_store_roles_pg)");
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_adminUrl = m_store->url();
    QVERIFY(m_adminUrl.contains(u"user=postgres"_s));
    const auto report = setUpStore(m_adminUrl, allLogins());
    QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
    QCOMPARE(report->schemaVersionBefore, 0);
    QCOMPARE(report->schemaVersion, OrderLog::currentSchemaVersion());
    QCOMPARE(report->logins.size(), 4);
    for (const StoreLogin &login : report->logins)
        QVERIFY2(login.created, qPrintable(login.name));
}

QString TestStoreRoles::grantSnapshot()
{
    RawConnection raw(m_adminUrl);
    QSqlQuery query(raw.db());
    const bool ran
        = query.exec(u"SELECT grantee || ' ' || privilege_type || ' ' || table_name || '.' || column_name"
                     " FROM information_schema.column_privileges WHERE grantee LIKE 'paydesk\\_%'"
                     " UNION ALL SELECT grantee || ' ' || privilege_type || ' ' || table_name"
                     " FROM information_schema.table_privileges WHERE grantee LIKE 'paydesk\\_%'"
                     " UNION ALL SELECT r.rolname || ' in ' || g.rolname FROM pg_auth_members m"
                     " JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid"
                     " WHERE r.rolname LIKE '"_s
                     + QString::number(QCoreApplication::applicationPid()).prepend(u't') + u"\\_%' ORDER BY 1"_s);
    if (!ran)
        return u"error: "_s + query.lastError().text();
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString());
    return rows.join(u'\n');
}

void TestStoreRoles::initTwiceGivesTheSameGrants()
{
    const QString before = grantSnapshot();
    QVERIFY2(before.contains(u"paydesk_terminal UPDATE orders.state"_s), qPrintable(before));
    QVERIFY2(!before.contains(u"paydesk_terminal UPDATE orders.paid_at_ms"_s), qPrintable(before));
    QVERIFY2(before.contains(u"paydesk_manager INSERT refunds"_s), qPrintable(before));
    QVERIFY2(!before.contains(u"paydesk_report INSERT"_s), qPrintable(before));
    QVERIFY2(!before.contains(u"UPDATE events"_s) && !before.contains(u"DELETE"_s), qPrintable(before));
    const auto again = setUpStore(m_adminUrl, allLogins());
    QVERIFY2(again, again ? "" : qPrintable(describe(again.error())));
    QVERIFY(again->createdGroups.isEmpty());
    QCOMPARE(again->schemaVersionBefore, again->schemaVersion);
    for (const StoreLogin &login : again->logins)
        QVERIFY2(!login.created, qPrintable(login.name));
    QCOMPARE(grantSnapshot(), before);
}

std::unique_ptr<OrderLog> TestStoreRoles::openAs(StoreRole role)
{
    auto log = OrderLog::open(urlAs(role), m_clock);
    if (!log) {
        qWarning().noquote() << storeRoleKey(role) << describe(log.error());
        return nullptr;
    }
    return std::move(*log);
}

Order TestStoreRoles::awaitingOrder(OrderLog &log)
{
    const auto created = log.createOrder(sampleOrder(u"C1"_s));
    if (!created)
        return {};
    TransitionDetails creating{u"sale"_s, {}, {}, {}, {}, 0, 0, {}};
    (void)log.transition(created->id, OrderState::Creating, creating);
    TransitionDetails awaiting{u"sale"_s, {}, u"P"_s + created->mchOrderNo, u"weixin://qr"_s, {}, 0, 0, {}};
    (void)log.transition(created->id, OrderState::Awaiting, awaiting);
    return log.orderById(created->id).value_or(Order{});
}

void TestStoreRoles::terminalThroughOrderLog()
{
    auto terminal = openAs(StoreRole::Terminal);
    QVERIFY(terminal);
    const Order order = awaitingOrder(*terminal);
    QCOMPARE(order.state, OrderState::Awaiting);
    QVERIFY(terminal->recordGatewayMessage(order.id, u"create_order"_s, u"out"_s, "{}"));
    QVERIFY(terminal->recordAuditEvent(u"export"_s, u"alice"_s, u"csv"_s));

    // The counter's query fallback: refused (the paid_at_ms column grant, and behind it the
    // orders guard), with StoreDenied and the database's SQLSTATE.
    const PaymentConfirmation paid{order.mchOrderNo, order.payOrderId, order.amount, {}, 0, u"query"_s, {}};
    const auto confirmed = terminal->confirmPayment(paid);
    QCOMPARE(errorCodeOf(confirmed), ErrorCode::StoreDenied);
    QVERIFY2(confirmed.error().detail.contains(u"42501"_s), qPrintable(confirmed.error().detail));
    QCOMPARE(terminal->orderById(order.id)->state, OrderState::Awaiting);

    const auto expired = terminal->transition(order.id, OrderState::Expired, {u"sale"_s, {}, {}, {}, {}, 0, 0, {}});
    QVERIFY2(expired, expired ? "" : qPrintable(describe(expired.error())));
    QCOMPARE(terminal->orderById(order.id)->state, OrderState::Expired);
}

void TestStoreRoles::terminalCannotMarkPaidInSql()
{
    auto terminal = openAs(StoreRole::Terminal);
    QVERIFY(terminal);
    const Order order = awaitingOrder(*terminal);
    RawConnection raw(urlAs(StoreRole::Terminal));
    QVERIFY(raw.isOpen());
    const QString id = QString::number(order.id);
    QString refused = raw.exec(u"UPDATE orders SET state = 'PAID' WHERE id = "_s + id);
    QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(refused));
    refused = raw.exec(u"UPDATE orders SET paid_at_ms = 1 WHERE id = "_s + id);
    QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(refused));
    refused = raw.exec(u"UPDATE orders SET refunded_minor = 5 WHERE id = "_s + id);
    QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(refused));
    refused = raw.exec(u"INSERT INTO orders (mch_order_no, terminal_id, channel, amount_minor, currency, state,"
                       " created_at_ms, updated_at_ms) VALUES ('X1', 'C1', 'WX_NATIVE', 1, 'CAD', 'PAID', 1, 1)"_s);
    QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(refused));
    refused = raw.exec(u"DELETE FROM orders WHERE id = "_s + id);
    QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(refused));
    QCOMPARE(terminal->orderById(order.id)->state, OrderState::Awaiting);
    // What it may do in SQL it may do: the states a terminal sets.
    QCOMPARE(raw.exec(u"UPDATE orders SET state = 'CANCELLED' WHERE id = "_s + id), QString());
}

void TestStoreRoles::paidOrderCannotBeMovedByTerminal()
{
    auto terminal = openAs(StoreRole::Terminal);
    auto relay = openAs(StoreRole::Relay);
    QVERIFY(terminal && relay);
    const Order order = awaitingOrder(*terminal);
    const PaymentConfirmation paid{order.mchOrderNo, order.payOrderId, order.amount, {}, 0, u"relay"_s, {}};
    QCOMPARE(relay->confirmPayment(paid)->verdict, ConfirmVerdict::Applied);
    RawConnection raw(urlAs(StoreRole::Terminal));
    const QString refused = raw.exec(u"UPDATE orders SET state = 'CANCELLED' WHERE id = ?"_s, {order.id});
    QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(refused));
    QCOMPARE(terminal->orderById(order.id)->state, OrderState::Paid);
    // Nor may it refund a paid order.
    const auto refund = terminal->beginRefund(NewRefund{order.id, 100, u"test"_s, u"alice"_s});
    QCOMPARE(errorCodeOf(refund), ErrorCode::StoreDenied);
}

void TestStoreRoles::relayConfirmsAndManagerRefunds()
{
    auto terminal = openAs(StoreRole::Terminal);
    auto relay = openAs(StoreRole::Relay);
    auto manager = openAs(StoreRole::Manager);
    QVERIFY(terminal && relay && manager);
    const Order order = awaitingOrder(*terminal);
    const PaymentConfirmation paid{order.mchOrderNo, order.payOrderId, order.amount, {}, 0, u"relay"_s, {}};
    NotificationRecord audit;
    audit.receivedAtMs = m_clock.nowUtcMs();
    audit.verdict = u"accepted"_s;
    audit.mchOrderNo = order.mchOrderNo;
    const auto confirmed = relay->confirmPayment(paid, audit);
    QVERIFY2(confirmed, confirmed ? "" : qPrintable(describe(confirmed.error())));
    QCOMPARE(confirmed->verdict, ConfirmVerdict::Applied);
    // The relay confirms; it does not refund.
    QCOMPARE(errorCodeOf(relay->beginRefund(NewRefund{order.id, 100, u"test"_s, u"bob"_s})), ErrorCode::StoreDenied);

    const auto refund = manager->beginRefund(NewRefund{order.id, 1000, u"returned"_s, u"bob"_s});
    QVERIFY2(refund, refund ? "" : qPrintable(describe(refund.error())));
    const auto done = manager->finishRefund(refund->id, {RefundState::Succeeded, u"R1"_s, {}, u"gateway"_s});
    QVERIFY2(done, done ? "" : qPrintable(describe(done.error())));
    QCOMPARE(terminal->orderById(order.id)->refundedMinor, 1000);
    // A manager does not confirm payments.
    const Order other = awaitingOrder(*terminal);
    RawConnection raw(urlAs(StoreRole::Manager));
    const QString refused = raw.exec(u"UPDATE orders SET state = 'PAID' WHERE id = ?"_s, {other.id});
    QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(refused));
}

void TestStoreRoles::reportOnlyReads()
{
    auto terminal = openAs(StoreRole::Terminal);
    QVERIFY(terminal);
    const Order order = awaitingOrder(*terminal);
    auto report = openAs(StoreRole::Report);
    QVERIFY(report);
    QCOMPARE(report->orderById(order.id)->mchOrderNo, order.mchOrderNo);
    QCOMPARE(errorCodeOf(report->createOrder(sampleOrder(u"C1"_s))), ErrorCode::StoreDenied);
    QCOMPARE(errorCodeOf(report->recordAuditEvent(u"export"_s, u"x"_s, u"y"_s)), ErrorCode::StoreDenied);
    RawConnection raw(urlAs(StoreRole::Report));
    for (const QString &statement :
         {u"UPDATE orders SET state = 'CANCELLED' WHERE id = ?"_s, u"UPDATE staff SET disabled = 1 WHERE id = ?"_s,
          u"INSERT INTO sequences (name, value) SELECT 'x' || ?::text, 1"_s}) {
        const QString refused = raw.exec(statement, {order.id});
        QVERIFY2(refusedWith(refused, u"42501"_s), qPrintable(statement + u": "_s + refused));
    }
}

void TestStoreRoles::historyIsAppendOnlyForEveryRole_data()
{
    // Rows in every history table, or a row trigger would have nothing to refuse.
    auto admin = OrderLog::open(m_adminUrl, m_clock);
    QVERIFY(admin);
    const auto order = (*admin)->createOrder(sampleOrder(u"C2"_s));
    QVERIFY(order);
    NotificationRecord record;
    record.receivedAtMs = m_clock.nowUtcMs();
    record.verdict = u"rejected"_s;
    QVERIFY((*admin)->recordNotification(record));
    QVERIFY((*admin)->recordAuditEvent(u"report"_s, u"bob"_s, u"z"_s));

    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("statement");
    QStringList users{u"postgres"_s};
    for (const StoreRole role : AllStoreRoles)
        users.append(loginName(role));
    for (const QString &user : std::as_const(users)) {
        for (const QString &table : {u"events"_s, u"notifications"_s, u"audit"_s}) {
            QTest::addRow("%s update %s", qPrintable(user), qPrintable(table))
                << user << u"UPDATE "_s + table + u" SET id = id"_s;
            QTest::addRow("%s delete %s", qPrintable(user), qPrintable(table)) << user << u"DELETE FROM "_s + table;
            QTest::addRow("%s truncate %s", qPrintable(user), qPrintable(table))
                << user << u"TRUNCATE "_s + table + u" CASCADE"_s;
        }
    }
}

void TestStoreRoles::historyIsAppendOnlyForEveryRole()
{
    QFETCH(QString, user);
    QFETCH(QString, statement);
    RawConnection raw(urlAsUser(user));
    QVERIFY(raw.isOpen());
    const QString refused = raw.exec(statement);
    // The owner meets the append-only triggers (23001), every group role its missing grant (42501).
    const QString expected = user == u"postgres" ? u"23001"_s : u"42501"_s;
    QVERIFY2(refusedWith(refused, expected), qPrintable(refused));
    QVERIFY(raw.scalar(u"SELECT COUNT(*) FROM events"_s).toLongLong() > 0);
    QVERIFY(raw.scalar(u"SELECT COUNT(*) FROM notifications"_s).toLongLong() > 0);
    QVERIFY(raw.scalar(u"SELECT COUNT(*) FROM audit"_s).toLongLong() > 0);
}

void TestStoreRoles::storeInitCommandTwice()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    const QString url = store.url(u"cli"_s);
    const QString counter = loginName(StoreRole::Terminal) + u"_cli"_s;
    for (int run = 0; run < 2; ++run) {
        QProcess ctl;
        ctl.start(QStringLiteral(PAYDESKCTL), {u"store"_s, u"init"_s, url, u"--login"_s, u"terminal="_s + counter});
        QVERIFY(ctl.waitForFinished(60'000));
        const QString out = QString::fromUtf8(ctl.readAllStandardOutput());
        QVERIFY2(ctl.exitCode() == 0, qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())));
        const int latest = OrderLog::currentSchemaVersion();
        QVERIFY2(out.contains(u"schema version: %1"_s.arg(latest)), qPrintable(out));
        QVERIFY2(out.contains(u"before this run: %1)"_s.arg(run == 0 ? 0 : latest)), qPrintable(out));
        QVERIFY2(out.contains(counter + u" "_s) && out.contains(u"in paydesk_terminal"_s), qPrintable(out));
        QVERIFY2(out.contains(run == 0 ? u"(created, no password set)"_s : u"(existed, granted the group)"_s),
                 qPrintable(out));
        QVERIFY2(out.contains(u"\\password"_s), qPrintable(out));
        for (const StoreRole role : AllStoreRoles)
            QVERIFY2(out.contains(storeRoleGroup(role)), qPrintable(out));
        QVERIFY2(out.contains(u"user="_s + counter) || out.contains(counter + u'@'), qPrintable(out));
    }
    // The login made works, and only as a terminal.
    RawConnection raw(QString(url).replace(u"user=postgres"_s, u"user="_s + counter));
    QVERIFY(raw.isOpen());
    QVERIFY2(refusedWith(raw.exec(u"INSERT INTO refunds (order_id) VALUES (1)"_s), u"42501"_s), "refunds writable");
}

void TestStoreRoles::storeInitRefusesBadInput()
{
    const QString secret = u"hunter2secret"_s;
    const QList<QStringList> cases{
        {u"store"_s, u"init"_s, u"postgresql://admin:"_s + secret + u"@localhost/db"_s},
        {u"store"_s, u"init"_s, m_adminUrl, u"--login"_s, u"terminal=Bad-Name"_s},
        {u"store"_s, u"init"_s, m_adminUrl, u"--login"_s, u"cashier=x"_s},
        {u"store"_s, u"init"_s, m_store->dirPath() + u"/orders.sqlite"_s, u"--login"_s, u"terminal=c1"_s},
    };
    for (const QStringList &arguments : cases) {
        QProcess ctl;
        ctl.start(QStringLiteral(PAYDESKCTL), arguments);
        QVERIFY(ctl.waitForFinished(60'000));
        const QString err = QString::fromUtf8(ctl.readAllStandardError());
        QVERIFY2(ctl.exitCode() == 2, qPrintable(arguments.join(u' ') + u": "_s + err));
        QVERIFY2(err.contains(u"paydeskctl store init: "_s), qPrintable(err));
        QVERIFY2(!err.contains(secret) && !QString::fromUtf8(ctl.readAllStandardOutput()).contains(secret),
                 qPrintable(err));
    }
}

// As the README sets it up: a non-superuser administrator with CREATEROLE owning the database.
void TestStoreRoles::storeInitAsTheDatabaseOwner()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    const QString admin = loginName(StoreRole::Manager) + u"_admin"_s;
    const QString database = QUrl(store.url(u"owned"_s)).path().mid(1);
    QCOMPARE(store.admin(u"CREATE ROLE "_s + admin + u" LOGIN CREATEROLE"_s), QString());
    QCOMPARE(store.admin(u"ALTER DATABASE "_s + database + u" OWNER TO "_s + admin), QString());
    const QString url = TestStore::urlOfDatabase(database, admin);
    const QString counter = loginName(StoreRole::Terminal) + u"_owned"_s;
    const auto report = setUpStore(url, {StoreLogin{StoreRole::Terminal, counter, false}});
    QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
    QCOMPARE(report->adminUser, admin);
    QCOMPARE(report->schemaVersion, OrderLog::currentSchemaVersion());
    auto terminal = OrderLog::open(TestStore::urlOfDatabase(database, counter), m_clock);
    QVERIFY2(terminal, terminal ? "" : qPrintable(describe(terminal.error())));
    const Order order = awaitingOrder(**terminal);
    QCOMPARE(order.state, OrderState::Awaiting);
    const PaymentConfirmation paid{order.mchOrderNo, order.payOrderId, order.amount, {}, 0, u"query"_s, {}};
    QCOMPARE(errorCodeOf((*terminal)->confirmPayment(paid)), ErrorCode::StoreDenied);
    QVERIFY(setUpStore(url, {}));
}

QTEST_GUILESS_MAIN(TestStoreRoles)
#include "test_store_roles.moc"

#include "StoreSetup.h"

#include "PostgresBackend.h"
#include "Schema.h"
#include "SqlSupport.h"

#include <QRegularExpression>
#include <QSqlDatabase>

#include <atomic>

using namespace Qt::StringLiterals;

namespace paydesk {

// How the database enforces least privilege (design.md "Storage backends"):
//
// - Table and column grants say which tables each group may write and which columns of
//   `orders` it may change: a terminal may set state, its gateway ids, QR, expiry and error, but
//   not paid_at_ms, late or refunded_minor; only the manager writes refunds and staff accounts;
//   the report role only reads. A refusal is SQLSTATE 42501, which the order log reports as
//   StoreDenied (the cashier's screen says so in words).
// - Grants cannot look at values, so a BEFORE INSERT OR UPDATE trigger on `orders` refuses, for
//   a session with the terminal group's privileges and without the relay's, any change of an
//   order to PAID and any move of a PAID order (42501 as well). A trigger rather than row-level
//   security: RLS policies of several groups are OR-ed for a login in more than one, a USING
//   clause silently filters rows instead of refusing, and the table owner bypasses RLS; the
//   trigger refuses with a reason for every session it applies to.
// - The history tables (events, notifications, audit) are append-only for every role, owner and
//   superuser included, through the schema's triggers; no group is granted UPDATE, DELETE or
//   TRUNCATE on them either.
//
// The threat this answers: a terminal's login used from psql (or a modified counter) to mark an
// unpaid order PAID and hand over goods, or to hide a paid sale by moving it back. Only the
// relay role, which runs on the store's server and verifies every notification's signature
// (and, through `paydeskctl reconcile`, asks the gateway itself), can confirm a payment. The
// counter's own query fallback (a payment the relay missed) is therefore refused on a terminal
// login: the cashier sees that the database refused it, and a relay login confirms the payment,
// from the gateway's retried notification or with `paydeskctl reconcile` (its own query_order)
// while the order is open. No function lets a terminal mark PAID on
// its own word (a SECURITY DEFINER "confirm with payOrderId" would be callable from psql with an
// id read off the row, and so prevent nothing).

namespace {

std::atomic<quint64> setupCounter{0};

struct Grant
{
    QString privileges; // "SELECT, INSERT" or "UPDATE (a, b)"
    QString table;
};

// The columns of `orders` the terminal's transitions write (orderrows::moveState), and the
// relay's: also PAID's paid_at_ms and late.
const QString TerminalOrderColumns
    = u"state, updated_at_ms, pay_order_id, qr_payload, channel_order_no, expires_at_ms, last_error"_s;
const QString RelayOrderColumns = TerminalOrderColumns + u", paid_at_ms, late"_s;

// Every writing group adds to the append-only history of what it does.
const QList<Grant> HistoryWrites{
    {u"INSERT"_s, u"events"_s}, {u"INSERT"_s, u"gateway_messages"_s}, {u"INSERT"_s, u"audit"_s}};
// Minting order numbers (the atomic upsert of OrderWrites.cpp).
const Grant SequenceWrites{u"INSERT, UPDATE (value)"_s, u"sequences"_s};

QList<Grant> grantsOf(StoreRole role)
{
    switch (role) {
    case StoreRole::Terminal:
        return HistoryWrites
            + QList<Grant>{{u"INSERT, UPDATE (" + TerminalOrderColumns + u')', u"orders"_s},
                           SequenceWrites,
                           // The sign-in's lock-out counters, kept on every terminal of the store.
                           {u"UPDATE (failed_attempts, locked_until_ms, updated_at_ms)"_s, u"staff"_s},
                           // Its own registration at start (OrderLog::registerTerminal): never
                           // another install's identity.
                           {u"INSERT, UPDATE (store_id, last_seen_ms)"_s, u"terminals"_s}};
    case StoreRole::Relay:
        return HistoryWrites
            + QList<Grant>{{u"INSERT, UPDATE (" + RelayOrderColumns + u')', u"orders"_s},
                           SequenceWrites,
                           {u"INSERT"_s, u"notifications"_s}};
    case StoreRole::Manager:
        return HistoryWrites
            + QList<Grant>{{u"UPDATE (refunded_minor, updated_at_ms)"_s, u"orders"_s},
                           {u"INSERT, UPDATE"_s, u"refunds"_s},
                           {u"INSERT, UPDATE"_s, u"staff"_s},
                           // A counter on a manager's login registers itself as well; releasing an
                           // id (DELETE) is the administrator's, as no group deletes anything.
                           {u"INSERT, UPDATE (store_id, last_seen_ms)"_s, u"terminals"_s}};
    case StoreRole::Report:
        break;
    }
    return {};
}

const QString OrdersGuard = u"CREATE OR REPLACE FUNCTION paydesk_orders_guard() RETURNS trigger"
                            " LANGUAGE plpgsql AS $$BEGIN"
                            " IF pg_has_role(current_user, 'paydesk_terminal', 'USAGE')"
                            " AND NOT pg_has_role(current_user, 'paydesk_relay', 'USAGE') THEN"
                            "  IF NEW.state = 'PAID' AND (TG_OP = 'INSERT' OR OLD.state <> 'PAID') THEN"
                            "   RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',"
                            "    MESSAGE = 'only the relay role confirms a payment (role ' || current_user || ')';"
                            "  END IF;"
                            "  IF TG_OP = 'UPDATE' AND OLD.state = 'PAID' AND NEW.state <> 'PAID' THEN"
                            "   RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',"
                            "    MESSAGE = 'a paid order cannot be moved (role ' || current_user || ')';"
                            "  END IF;"
                            " END IF;"
                            " RETURN NEW; END$$"_s;

QString identifier(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

QString literal(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', u"''"_s) + u'\'';
}

QString groupList()
{
    QStringList groups;
    for (const StoreRole role : AllStoreRoles)
        groups.append(storeRoleGroup(role));
    return groups.join(u", ");
}

// CREATE ROLE has no IF NOT EXISTS; a concurrent set-up of another database of the same
// cluster may create the same role between the check and the CREATE.
QString createRoleIfMissing(const QString &name, const QString &attributes)
{
    return u"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "_s + literal(name)
        + u") THEN CREATE ROLE "_s + identifier(name) + u' ' + attributes
        + u"; END IF; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$"_s;
}

Result<bool> roleExists(const sql::Connection &db, const QString &name)
{
    const auto count = sql::scalar(db, u"SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"_s, {name});
    if (!count)
        return fail(count.error());
    return count->toLongLong() > 0;
}

Result<void> runAll(const sql::Connection &db, const QStringList &statements)
{
    for (const QString &statement : statements) {
        if (auto done = sql::run(db, statement); !done)
            return fail(done.error());
    }
    return {};
}

// Everything granted before is taken back first, so that a re-run after a change of this file
// leaves exactly what it says.
QStringList privilegeStatements(const QString &database, const QString &schemaName)
{
    const QString groups = groupList();
    const QString schema = identifier(schemaName);
    QStringList statements{
        u"REVOKE ALL ON ALL TABLES IN SCHEMA "_s + schema + u" FROM "_s + groups,
        u"REVOKE ALL ON ALL SEQUENCES IN SCHEMA "_s + schema + u" FROM "_s + groups,
        u"GRANT CONNECT, TEMPORARY ON DATABASE "_s + identifier(database) + u" TO "_s + groups,
        u"GRANT USAGE ON SCHEMA "_s + schema + u" TO "_s + groups,
        u"GRANT SELECT ON ALL TABLES IN SCHEMA "_s + schema + u" TO "_s + groups,
        // The identity columns' sequences: an INSERT draws from them.
        u"GRANT USAGE ON ALL SEQUENCES IN SCHEMA "_s + schema
            + u" TO paydesk_terminal, paydesk_relay, paydesk_manager"_s,
    };
    for (const StoreRole role : AllStoreRoles) {
        for (const Grant &grant : grantsOf(role))
            statements.append(u"GRANT "_s + grant.privileges + u" ON "_s + grant.table + u" TO "_s
                              + storeRoleGroup(role));
    }
    statements << OrdersGuard << u"DROP TRIGGER IF EXISTS orders_role_guard ON orders"_s
               << u"CREATE TRIGGER orders_role_guard BEFORE INSERT OR UPDATE ON orders"
                  " FOR EACH ROW EXECUTE FUNCTION paydesk_orders_guard()"_s;
    return statements;
}

Result<void> createGroups(const sql::Connection &db, StoreSetupReport &report)
{
    for (const StoreRole role : AllStoreRoles) {
        const auto existed = roleExists(db, storeRoleGroup(role));
        if (!existed)
            return fail(existed.error());
        if (auto done = sql::run(db, createRoleIfMissing(storeRoleGroup(role), u"NOLOGIN"_s)); !done)
            return fail(done.error());
        if (!*existed)
            report.createdGroups.append(role);
    }
    return {};
}

Result<void> createLogins(const sql::Connection &db, const QList<StoreLogin> &logins, StoreSetupReport &report)
{
    for (StoreLogin login : logins) {
        const auto existed = roleExists(db, login.name);
        if (!existed)
            return fail(existed.error());
        // Never a password: the installer sets one with psql's \password, or uses a certificate.
        const QStringList statements{createRoleIfMissing(login.name, u"LOGIN"_s),
                                     u"GRANT "_s + storeRoleGroup(login.role) + u" TO "_s + identifier(login.name)};
        if (auto done = runAll(db, statements); !done)
            return fail(done.error());
        login.created = !*existed;
        report.logins.append(login);
    }
    return {};
}

// Roles, grants and the orders guard in one transaction under the migrations' advisory lock:
// two set-ups of one database at once serialise, and a failure leaves the grants as they were.
Result<void> applyPrivileges(const sql::Connection &db, const QList<StoreLogin> &logins, StoreSetupReport &report)
{
    sql::WriteTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto locked = sql::run(db, db.backend->migrationLockStatement()); !locked)
        return fail(locked.error());
    const auto database = sql::scalar(db, u"SELECT current_database()"_s);
    if (!database)
        return fail(database.error());
    const auto schemaName = sql::scalar(db, u"SELECT current_schema()"_s);
    if (!schemaName)
        return fail(schemaName.error());
    if (auto groups = createGroups(db, report); !groups)
        return groups;
    if (auto made = createLogins(db, logins, report); !made)
        return made;
    if (auto granted = runAll(db, privilegeStatements(database->toString(), schemaName->toString())); !granted)
        return granted;
    return transaction.commit();
}

Result<void> checkLogins(const QList<StoreLogin> &logins)
{
    for (const StoreLogin &login : logins) {
        if (auto valid = checkLoginName(login.name); !valid)
            return valid;
    }
    return {};
}

Result<StoreSetupReport> setUpOn(const sql::Connection &db, const QString &location, const QList<StoreLogin> &logins)
{
    StoreSetupReport report;
    report.location = db.backend->displayLocation(location);
    const auto before = schema::storedVersion(db);
    if (!before)
        return fail(before.error());
    report.schemaVersionBefore = *before;
    const auto migrated = schema::applyMigrations(db, schema::latestVersion());
    if (!migrated)
        return fail(migrated.error());
    report.schemaVersion = *migrated;
    report.hasRoles = db.backend->name() == u"postgresql";
    if (!report.hasRoles)
        return report;
    const auto user = sql::scalar(db, u"SELECT current_user"_s);
    if (!user)
        return fail(user.error());
    report.adminUser = user->toString();
    if (auto applied = applyPrivileges(db, logins, report); !applied)
        return fail(applied.error());
    return report;
}

} // namespace

QString storeRoleKey(StoreRole role)
{
    switch (role) {
    case StoreRole::Terminal:
        return u"terminal"_s;
    case StoreRole::Relay:
        return u"relay"_s;
    case StoreRole::Manager:
        return u"manager"_s;
    case StoreRole::Report:
        break;
    }
    return u"report"_s;
}

QString storeRoleGroup(StoreRole role)
{
    return u"paydesk_"_s + storeRoleKey(role);
}

std::optional<StoreRole> storeRoleFromKey(QStringView key)
{
    for (const StoreRole role : AllStoreRoles) {
        if (key == storeRoleKey(role))
            return role;
    }
    return std::nullopt;
}

QString storeRoleDuties(StoreRole role)
{
    switch (role) {
    case StoreRole::Terminal:
        return u"create orders and move them NEW -> CREATING -> AWAITING/UNKNOWN/EXPIRED/CANCELLED/FAILED,"
               " write events, gateway messages and audit, read everything; cannot mark an order paid,"
               " refund, or edit staff accounts"_s;
    case StoreRole::Relay:
        return u"confirm payments (PAID), record notifications, events and gateway messages, create online"
               " orders, read everything; cannot refund"_s;
    case StoreRole::Manager:
        return u"refunds, staff accounts, audit, read everything; cannot confirm payments"_s;
    case StoreRole::Report:
        break;
    }
    return u"read only (reports, exports, a replica's readers)"_s;
}

Result<void> checkLoginName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z_][a-z0-9_]{0,62}$"_s);
    if (!pattern.match(name).hasMatch()) {
        return fail(ErrorCode::InvalidArgument,
                    u"login name \""_s + name.left(64)
                        + u"\": lower-case letters, digits and _ only, not starting with a digit, at most 63"_s);
    }
    if (name.startsWith(u"pg_") || name.startsWith(u"paydesk_"))
        return fail(ErrorCode::InvalidArgument, u"login name \""_s + name + u"\" is reserved (pg_, paydesk_)"_s);
    return {};
}

Result<StoreSetupReport> setUpStore(const QString &url, const QList<StoreLogin> &logins)
{
    auto store = storeLocationFor(url);
    if (!store)
        return fail(store.error());
    if (store->backend->name() != u"postgresql" && !logins.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    u"a SQLite order log has no roles: --login is for a postgresql:// store"_s);
    if (auto valid = checkLogins(logins); !valid)
        return fail(valid.error());
    const QString name = u"paydesk-store-setup-"_s + QString::number(++setupCounter);
    Result<StoreSetupReport> result = fail(ErrorCode::StoreFailure, u"not run"_s);
    {
        sql::Connection db{QSqlDatabase::addDatabase(store->backend->driverName(), name), store->backend.get(),
                           StoreOptions{}.busyTimeoutMs};
        if (auto opened = store->backend->open(db.db, store->location, StoreOptions{}); !opened)
            result = fail(opened.error());
        else
            result = setUpOn(db, store->location, logins);
        QSqlDatabase connection = db.db;
        connection.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace paydesk

#include "PostgresBackend.h"

#include "SqlSupport.h"

#include <QUrl>
#include <QUrlQuery>

#include <array>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

// libpq's connection options a store URL may carry (libpq's "Parameter Key Words"), less the
// secrets: a password (or sslpassword) lives in a passfile or behind a client certificate, never in
// the settings that hold the URL.
constexpr std::array AllowedOptions{
    u"host",
    u"hostaddr",
    u"port",
    u"dbname",
    u"user",
    u"passfile",
    u"channel_binding",
    u"connect_timeout",
    u"client_encoding",
    u"options",
    u"application_name",
    u"fallback_application_name",
    u"keepalives",
    u"keepalives_idle",
    u"keepalives_interval",
    u"keepalives_count",
    u"tcp_user_timeout",
    u"sslmode",
    u"sslcompression",
    u"sslcert",
    u"sslkey",
    u"sslrootcert",
    u"sslcrl",
    u"sslcrldir",
    u"sslsni",
    u"requirepeer",
    u"ssl_min_protocol_version",
    u"ssl_max_protocol_version",
    u"gssencmode",
    u"krbsrvname",
    u"gsslib",
    u"service",
    u"target_session_attrs",
};

// Without these the connection would wait for the operating system's TCP timeout and the
// server's log would not say which program a connection is.
constexpr int DefaultConnectTimeoutSeconds = 10;

Error urlError(const QString &what)
{
    return Error{ErrorCode::InvalidArgument, u"PostgreSQL store URL: "_s + what, {}, 0};
}

bool isAllowedOption(const QString &key)
{
    return std::find(AllowedOptions.begin(), AllowedOptions.end(), key) != AllowedOptions.end();
}

// libpq's conninfo quoting: single quotes around the value, backslash before ' and \.
QString quoted(QString value)
{
    value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + value + u'\'';
}

bool hasOption(const PostgresBackend::Target &target, QStringView key)
{
    return std::any_of(target.options.begin(), target.options.end(),
                       [key](const auto &option) { return option.first == key; });
}

// Options that QSqlDatabase has a setter for go there; the rest stay options.
Result<void> takeOption(PostgresBackend::Target &target, const QString &key, const QString &value)
{
    if (key == u"password" || key == u"sslpassword")
        return fail(
            urlError(u"a password does not belong in the URL: use a passfile (PGPASSFILE) or a client certificate"_s));
    if (!isAllowedOption(key))
        return fail(urlError(u"unknown option \""_s + key.left(40) + u'"'));
    // QPSQL turns every ';' of the options into a space before libpq reads them.
    if (value.contains(u';'))
        return fail(urlError(u"the value of "_s + key + u" contains ';'"_s));
    if (key == u"host") {
        target.host = value;
    } else if (key == u"port") {
        bool ok = false;
        target.port = value.toInt(&ok);
        if (!ok || target.port <= 0 || target.port > 65535)
            return fail(urlError(u"port is not a number from 1 to 65535"_s));
    } else if (key == u"dbname") {
        target.database = value;
    } else if (key == u"user") {
        target.user = value;
    } else {
        target.options.append({key, value});
    }
    return {};
}

Result<void> applySession(const sql::Connection &db, const StoreOptions &options)
{
    // A row lock held by another connection beyond the busy timeout is StoreBusy (55P03), as on
    // SQLite; 0 would wait for ever.
    if (options.busyTimeoutMs > 0) {
        const QString lockTimeout = u"SET lock_timeout = "_s + QString::number(options.busyTimeoutMs);
        if (auto done = sql::run(db, lockTimeout); !done)
            return fail(done.error());
    }
    if (options.readOnly) {
        if (auto done = sql::run(db, u"SET default_transaction_read_only = on"_s); !done)
            return fail(done.error());
    }
    return {};
}

} // namespace

bool PostgresBackend::handlesScheme(const QString &scheme)
{
    return scheme.compare(u"postgresql"_s, Qt::CaseInsensitive) == 0
        || scheme.compare(u"postgres"_s, Qt::CaseInsensitive) == 0;
}

Result<PostgresBackend::Target> PostgresBackend::parseUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || !handlesScheme(parsed.scheme()))
        return fail(urlError(u"not a valid postgresql://[user@]host[:port]/dbname URL"_s));
    // Refused before anything else is looked at, and never repeated in the message.
    if (!parsed.password().isEmpty() || parsed.authority().section(u'@', 0, -2).contains(u':'))
        return fail(
            urlError(u"a password does not belong in the URL: use a passfile (PGPASSFILE) or a client certificate"_s));
    Target target;
    target.host = parsed.host(QUrl::FullyDecoded);
    target.port = parsed.port(-1);
    target.user = parsed.userName(QUrl::FullyDecoded);
    target.database = parsed.path(QUrl::FullyDecoded).mid(1);
    if (target.database.contains(u'/'))
        return fail(urlError(u"the path names more than a database"_s));
    for (const auto &[key, value] : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded)) {
        if (auto taken = takeOption(target, key, value); !taken)
            return fail(taken.error());
    }
    if (target.database.isEmpty())
        return fail(urlError(u"no database name (postgresql://host/dbname)"_s));
    return target;
}

QString PostgresBackend::connectOptions(const Target &target)
{
    QStringList options;
    for (const auto &[key, value] : target.options)
        options.append(key + u'=' + quoted(value));
    if (!hasOption(target, u"connect_timeout"))
        options.append(u"connect_timeout="_s + QString::number(DefaultConnectTimeoutSeconds));
    if (!hasOption(target, u"application_name"))
        options.append(u"application_name=paydesk"_s);
    return options.join(u';');
}

QString PostgresBackend::name() const
{
    return u"postgresql"_s;
}

QString PostgresBackend::driverName() const
{
    return u"QPSQL"_s;
}

QString PostgresBackend::displayLocation(const QString &location) const
{
    // Options (certificate paths and the like) are left out; a password never gets this far.
    const auto target = parseUrl(location);
    if (!target)
        return u"postgresql://?"_s;
    QString shown = u"postgresql://"_s;
    if (!target->user.isEmpty())
        shown += target->user + u'@';
    shown += target->host.startsWith(u'/') ? u"["_s + target->host + u']' : target->host;
    if (target->port > 0)
        shown += u':' + QString::number(target->port);
    return shown + u'/' + target->database;
}

bool PostgresBackend::exists(const QString &) const
{
    // Only the server can tell: a missing database fails the open as StoreUnavailable.
    return true;
}

Result<void> PostgresBackend::open(QSqlDatabase &db, const QString &location, const StoreOptions &options) const
{
    if (!db.isValid()) {
        return fail(ErrorCode::StoreUnavailable,
                    u"the Qt PostgreSQL driver (QPSQL) is not available: install libqt6sql6-psql"_s);
    }
    const auto target = parseUrl(location);
    if (!target)
        return fail(target.error());
    db.setHostName(target->host);
    if (target->port > 0)
        db.setPort(target->port);
    db.setDatabaseName(target->database);
    db.setUserName(target->user);
    db.setConnectOptions(connectOptions(*target));
    const sql::Connection connection{db, this, options.busyTimeoutMs};
    if (!db.open())
        return fail(sql::storeError(connection, db.lastError(), u"connecting to "_s + displayLocation(location)));
    return applySession(connection, options);
}

QString PostgresBackend::idColumnType() const
{
    // BY DEFAULT rather than ALWAYS: an import may keep a terminal's own ids.
    return u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s;
}

QString PostgresBackend::integerType() const
{
    return u"BIGINT"_s; // INTEGER is 32-bit here: epoch ms and amounts need 64
}

QString PostgresBackend::bytesType() const
{
    // A QByteArray bound into TEXT would be stored as its "\x..." text form.
    return u"BYTEA"_s;
}

QStringList PostgresBackend::appendOnlyGuards(const QString &table, const QString &message) const
{
    // Triggers, not REVOKE: they hold for every role, the table's owner included. 23001
    // (restrict_violation) is a constraint violation, as SQLite's RAISE(ABORT) is.
    const QString call = u" EXECUTE FUNCTION paydesk_append_only('"_s + message + u"')"_s;
    return {
        u"CREATE OR REPLACE FUNCTION paydesk_append_only() RETURNS trigger LANGUAGE plpgsql AS"
        " $$BEGIN RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = TG_ARGV[0]; END$$"_s,
        u"CREATE TRIGGER "_s + table + u"_no_update BEFORE UPDATE ON "_s + table + u" FOR EACH ROW"_s + call,
        u"CREATE TRIGGER "_s + table + u"_no_delete BEFORE DELETE ON "_s + table + u" FOR EACH ROW"_s + call,
        u"CREATE TRIGGER "_s + table + u"_no_truncate BEFORE TRUNCATE ON "_s + table + u" FOR EACH STATEMENT"_s + call,
    };
}

QStringList PostgresBackend::laterAppendOnlyGuards(const QString &table, const QString &message) const
{
    return appendOnlyGuards(table, message);
}

QString PostgresBackend::migrationLockStatement() const
{
    // Held to the end of the step's transaction; the key is PayDesk's own ("PayD" in ASCII).
    return u"SELECT pg_advisory_xact_lock(1348565316)"_s;
}

QString PostgresBackend::tableCountStatement() const
{
    // A scan of the catalogue under the statement's snapshot: to_regclass() answers from the
    // backend's caches, which keep "no such table" after another process's migration has
    // committed (the advisory lock does not make the backend read invalidations).
    return u"SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = ?"_s;
}

QString PostgresBackend::returningIdClause() const
{
    return u" RETURNING id"_s; // lastInsertId() runs lastval(), which aborts the transaction
}

QString PostgresBackend::beginWriteStatement() const
{
    return u"BEGIN ISOLATION LEVEL READ COMMITTED"_s;
}

bool PostgresBackend::commitsThroughDriver() const
{
    return true;
}

QString PostgresBackend::rowLockClause() const
{
    return u" FOR UPDATE"_s;
}

QString PostgresBackend::writeProbeStatement() const
{
    // Refused (25006) in a read-only session and on a standby; leaves nothing behind.
    return u"CREATE TEMPORARY TABLE paydesk_write_probe (id INTEGER)"_s;
}

QString PostgresBackend::dataVersionStatement() const
{
    // The current snapshot (oldest running xid, next xid, running xids) changes when any write
    // transaction of the cluster starts or commits, and a commit is visible once it has: a
    // reader that sees a new value and re-reads never misses a commit. Costs one round trip and no
    // table access; changes more often than only for orders and refunds (every write of the
    // cluster), which costs a re-read. LISTEN/NOTIFY replaces the polling.
    return u"SELECT hashtextextended(pg_current_snapshot()::text, 0)"_s;
}

QString PostgresBackend::integrityCheckStatement() const
{
    // The server checks its pages itself (and data checksums when the cluster has them); what a
    // client can see cheaply is an index left invalid by an interrupted build.
    return u"SELECT COALESCE(string_agg('invalid index ' || indexrelid::regclass::text, E'\\n'), 'ok')"
           " FROM pg_index WHERE NOT indisvalid"_s;
}

// Advisory lock keys are PayDesk's own: the first half of a two-key lock names what is locked
// ("PayD" + 1, + 2 in ASCII), a keyspace apart from the migration lock's single key.
QString PostgresBackend::paymentChannel() const
{
    return u"paydesk_paid"_s;
}

QString PostgresBackend::clientReferenceLockStatement() const
{
    // Transaction-scoped: released by the COMMIT that makes the new order visible.
    return u"SELECT pg_advisory_xact_lock(1348565317, hashtext(?))"_s;
}

QString PostgresBackend::orderClaimStatement() const
{
    // Session-scoped, held across the gateway round trip; a lost connection releases it.
    return u"SELECT pg_try_advisory_lock(1348565318, hashtext(CAST(? AS TEXT)))"_s;
}

QString PostgresBackend::orderReleaseStatement() const
{
    return u"SELECT pg_advisory_unlock(1348565318, hashtext(CAST(? AS TEXT)))"_s;
}

bool PostgresBackend::reconnects() const
{
    return true;
}

StoreFault PostgresBackend::classify(const QSqlError &error) const
{
    if (error.type() == QSqlError::NoError)
        return StoreFault::Invalid;
    return classifySqlState(error.nativeErrorCode());
}

StoreFault PostgresBackend::classifySqlState(const QString &sqlState)
{
    if (sqlState.isEmpty())
        return StoreFault::Unavailable; // libpq's own: no server reached, or the connection lost
    if (sqlState == u"23505")
        return StoreFault::UniqueViolation;
    if (sqlState.startsWith(u"23"))
        return StoreFault::ConstraintViolation;
    if (sqlState == u"40001" || sqlState == u"40P01")
        return StoreFault::Conflict;
    if (sqlState == u"55P03" || sqlState == u"57014")
        return StoreFault::Busy; // lock_timeout, statement_timeout
    if (sqlState == u"42501" || sqlState.startsWith(u"28"))
        return StoreFault::Permission;
    if (sqlState == u"25006")
        return StoreFault::ReadOnly;
    if (sqlState == u"53300" || sqlState.startsWith(u"08") || sqlState.startsWith(u"57P") || sqlState == u"3D000")
        return StoreFault::Unavailable; // too many connections, connection, shutdown, no database
    if (sqlState.startsWith(u"53"))
        return StoreFault::Full; // disk full, out of memory
    if (sqlState == u"XX001" || sqlState == u"XX002")
        return StoreFault::Corrupt;
    return StoreFault::Other;
}

} // namespace paydesk

#include "SqliteBackend.h"

#include "SqlSupport.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

Result<void> applyPragmas(const sql::Connection &db, const StoreOptions &options)
{
    const QString busy = u"PRAGMA busy_timeout = "_s + QString::number(options.busyTimeoutMs);
    if (auto done = sql::run(db, busy); !done)
        return fail(done.error());
    // SQLite opens files lazily: this first read is what tells garbage or a corrupt header
    // (StoreCorrupt) and a lock that outlasts busy_timeout (StoreBusy) apart from a database.
    if (auto probe = sql::scalar(db, u"SELECT COUNT(*) FROM sqlite_master"_s); !probe)
        return fail(probe.error());
    if (!options.readOnly) {
        // The relay and the GUI write the same file at once; only WAL lets readers and the
        // writer proceed together. The mode is stored in the file, so this is set once.
        auto mode = sql::runRetryingBusy(db, u"PRAGMA journal_mode = WAL"_s);
        if (!mode)
            return fail(mode.error());
        const QString modeName = mode->next() ? mode->value(0).toString() : QString();
        mode->finish();
        if (modeName.compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            return fail(ErrorCode::StoreFailure, u"journal_mode stays "_s + modeName + u" instead of wal"_s);
        }
    }
    // FULL: a notification is acknowledged only after a commit that survives power loss
    // (reliability.md); NORMAL in WAL mode may lose the last commits.
    if (auto done = sql::run(db, u"PRAGMA synchronous = FULL"_s); !done)
        return fail(done.error());
    if (auto done = sql::run(db, u"PRAGMA foreign_keys = ON"_s); !done)
        return fail(done.error());
    return {};
}

} // namespace

QString SqliteBackend::name() const
{
    return u"sqlite"_s;
}

QString SqliteBackend::driverName() const
{
    return u"QSQLITE"_s;
}

QString SqliteBackend::displayLocation(const QString &location) const
{
    return location;
}

bool SqliteBackend::exists(const QString &location) const
{
    return QFileInfo::exists(location);
}

Result<void> SqliteBackend::open(QSqlDatabase &db, const QString &location, const StoreOptions &options) const
{
    if (!db.isValid())
        return fail(ErrorCode::StoreUnavailable, u"the Qt SQLite driver (QSQLITE) is not available"_s);
    db.setDatabaseName(location);
    QString connectOptions = u"QSQLITE_BUSY_TIMEOUT="_s + QString::number(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += u";QSQLITE_OPEN_READONLY"_s;
    db.setConnectOptions(connectOptions);
    const sql::Connection connection{db, this, options.busyTimeoutMs};
    if (!db.open())
        return fail(sql::storeError(connection, db.lastError(), u"opening "_s + location));
    return applyPragmas(connection, options);
}

QString SqliteBackend::idColumnType() const
{
    // An alias of the rowid; no AUTOINCREMENT (ids of deleted rows are never reused here, as no
    // row of these tables is ever deleted).
    return u"INTEGER PRIMARY KEY"_s;
}

QString SqliteBackend::integerType() const
{
    return u"INTEGER"_s; // 64-bit in SQLite
}

QString SqliteBackend::bytesType() const
{
    // As released: bytes bound into TEXT are stored as a blob, and read back as they came.
    return u"TEXT"_s;
}

QStringList SqliteBackend::laterAppendOnlyGuards(const QString &, const QString &) const
{
    return {};
}

QString SqliteBackend::migrationLockStatement() const
{
    return {}; // BEGIN IMMEDIATE holds the only write lock already
}

QStringList SqliteBackend::appendOnlyGuards(const QString &table, const QString &message) const
{
    return {
        u"CREATE TRIGGER "_s + table + u"_no_update BEFORE UPDATE ON "_s + table + u" BEGIN SELECT RAISE(ABORT, '"_s
            + message + u"'); END"_s,
        u"CREATE TRIGGER "_s + table + u"_no_delete BEFORE DELETE ON "_s + table + u" BEGIN SELECT RAISE(ABORT, '"_s
            + message + u"'); END"_s,
    };
}

QString SqliteBackend::tableCountStatement() const
{
    return u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s;
}

QString SqliteBackend::returningIdClause() const
{
    return u" RETURNING id"_s; // SQLite 3.35 and later
}

QString SqliteBackend::beginWriteStatement() const
{
    // A plain (deferred) BEGIN upgrades to the write lock at the first write, and that upgrade
    // can fail with SQLITE_BUSY without the busy handler ever waiting.
    return u"BEGIN IMMEDIATE"_s;
}

bool SqliteBackend::commitsThroughDriver() const
{
    return false; // an executed COMMIT reports SQLite's failures (SQLITE_BUSY, SQLITE_FULL, ...)
}

QString SqliteBackend::rowLockClause() const
{
    return {}; // BEGIN IMMEDIATE: one writer at a time
}

QString SqliteBackend::writeProbeStatement() const
{
    // In WAL mode BEGIN IMMEDIATE succeeds even on a read-only connection or file; only an
    // actual write tells. A table created and rolled back leaves nothing behind.
    return u"CREATE TABLE paydesk_write_probe (id INTEGER)"_s;
}

QString SqliteBackend::dataVersionStatement() const
{
    return u"PRAGMA data_version"_s;
}

QString SqliteBackend::integrityCheckStatement() const
{
    return u"PRAGMA integrity_check"_s;
}

StoreFault SqliteBackend::classify(const QSqlError &error) const
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? classifyCode(code) : StoreFault::Invalid;
}

StoreFault SqliteBackend::classifyCode(int extendedCode)
{
    switch (static_cast<Code>(extendedCode & 0xff)) {
    case Code::Busy:
    case Code::Locked:
        return StoreFault::Busy;
    case Code::ReadOnly:
        return StoreFault::ReadOnly;
    case Code::Corrupt:
    case Code::NotADatabase:
        return StoreFault::Corrupt;
    case Code::Full:
        return StoreFault::Full;
    case Code::CantOpen:
        // Missing directory, a directory in place of the file, no permission to create it.
        return StoreFault::Unavailable;
    case Code::Perm:
    case Code::Auth:
        return StoreFault::Permission;
    case Code::Constraint:
        return extendedCode == ConstraintUnique || extendedCode == ConstraintPrimaryKey
            ? StoreFault::UniqueViolation
            : StoreFault::ConstraintViolation;
    }
    return extendedCode == 0 ? StoreFault::Invalid : StoreFault::Other;
}

} // namespace paydesk

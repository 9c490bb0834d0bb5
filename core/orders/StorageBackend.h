#pragma once

// The storage seam (design.md "Storage backends"): everything about the order log that depends
// on the database behind it: SqliteBackend (one file per terminal) and PostgresBackend (a store's
// or a chain's server).
// Internal to core/orders: other modules reach the order log through OrderLog only.

#include "common/Error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

#include <memory>

namespace paydesk {

// What went wrong in the database, from the driver's native error code as each backend
// defines it — never from the message text.
enum class StoreFault {
    Invalid = 0, // no fault (the error carries no code this backend knows)
    Busy, // locked by another connection beyond the wait
    Conflict, // serialization failure or deadlock (PostgreSQL 40001, 40P01): retry the transaction
    UniqueViolation, // a unique or primary key constraint refused the row
    ConstraintViolation, // another constraint (NOT NULL, CHECK, foreign key, append-only guard)
    Unavailable, // cannot be opened or reached
    Corrupt,
    Full,
    ReadOnly,
    Permission, // the database refused the operation to this user or role
    Other,
};

ErrorCode errorCodeFor(StoreFault fault);

struct StoreOptions
{
    bool readOnly = false;
    int busyTimeoutMs = 10'000;
    bool create = true;
};

class StorageBackend
{
public:
    virtual ~StorageBackend();

    virtual QString name() const = 0; // "sqlite": named in error details
    virtual QString driverName() const = 0; // the Qt SQL driver, "QSQLITE"
    // What OrderLog::path() shows of `location`: nothing secret, fit for logs and the screen.
    virtual QString displayLocation(const QString &location) const = 0;

    // Whether the store at `location` exists (an open without `create` needs it).
    virtual bool exists(const QString &location) const = 0;
    // Opens `db` (a connection of driverName()) on `location` and applies the session settings
    // the order log relies on.
    virtual Result<void> open(QSqlDatabase &db, const QString &location, const StoreOptions &options) const = 0;

    // DDL pieces that differ between dialects.
    virtual QString idColumnType() const = 0; // a surrogate key the database assigns
    virtual QString integerType() const = 0; // a 64-bit integer column
    virtual QString bytesType() const = 0; // raw bytes as received (TEXT on SQLite as released)
    // Statements that make `table` refuse UPDATE and DELETE with `message`.
    virtual QStringList appendOnlyGuards(const QString &table, const QString &message) const = 0;
    // The same for a history table that SQLite's released schema left without guards (its steps
    // stay as released there: an empty list); a new backend guards it from its first version.
    virtual QStringList laterAppendOnlyGuards(const QString &table, const QString &message) const = 0;
    // Taken first in every migration step's transaction so that two processes migrate once; empty
    // when the write transaction itself already serialises (SQLite's BEGIN IMMEDIATE).
    virtual QString migrationLockStatement() const = 0;
    // A statement answering one row, one column: the number of tables called `?`.
    virtual QString tableCountStatement() const = 0;

    // Appended to an INSERT so that it answers the new row's id.
    virtual QString returningIdClause() const = 0;
    // Starts a transaction that holds the write lock from the start.
    virtual QString beginWriteStatement() const = 0;
    // Whether COMMIT goes through QSqlDatabase::commit(): on QPSQL an executed "COMMIT" of a
    // transaction the server has rolled back reports success, the driver's commit does not.
    virtual bool commitsThroughDriver() const = 0;
    // Appended to a SELECT of one row that the transaction goes on to change on the strength of
    // what it read (a refund's balance): empty where the write transaction already excludes
    // other writers.
    virtual QString rowLockClause() const = 0;
    // A write that proves the connection may write, rolled back by the caller.
    virtual QString writeProbeStatement() const = 0;

    // A counter that changes whenever another connection commits; cheap to poll.
    virtual QString dataVersionStatement() const = 0;
    // Rows of text, "ok" alone when healthy.
    virtual QString integrityCheckStatement() const = 0;

    virtual StoreFault classify(const QSqlError &error) const = 0;

    // Store mode (design.md "Storage backends"): what a backend shared by several processes adds.
    // The defaults are a single file's: nothing to push, nothing to lock beyond the write
    // transaction, nothing to reconnect.
    //
    // The channel on which the database announces, on commit, the mchOrderNo of an order that
    // became PAID (a trigger of the schema); empty: the backend pushes nothing (readers poll
    // dataVersionStatement()).
    virtual QString paymentChannel() const;
    // Run first in the write transaction that looks up a client reference and creates its order,
    // with the reference bound: one such transaction at a time per reference, in every process.
    virtual QString clientReferenceLockStatement() const;
    // A claim on one order (its id bound) held by this connection until released or lost:
    // answers one row, true when taken. Empty: every claim is granted.
    virtual QString orderClaimStatement() const;
    virtual QString orderReleaseStatement() const;
    // Whether a connection can be lost (a server) and is then opened again by the order log.
    virtual bool reconnects() const;
};

// A store URL as the `store/url` setting holds it: a file path (or file: URL) is a SQLite file;
// postgresql:// (or postgres://) is a PostgreSQL database (PostgresBackend.h); any other URL is
// refused as unsupported. The URL itself is never echoed in an error (it may carry a password,
// which is refused).
struct StoreLocation
{
    std::unique_ptr<StorageBackend> backend;
    QString location; // what the backend opens
};
Result<StoreLocation> storeLocationFor(const QString &url);

} // namespace paydesk

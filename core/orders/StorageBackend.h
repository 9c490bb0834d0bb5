#pragma once

// The storage seam (design.md "Storage backends"): everything about the order log that depends
// on the database behind it. SQLite is the one implementation today; PostgreSQL plugs in here.
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

    // Whether the store at `location` exists (an open without `create` needs it).
    virtual bool exists(const QString &location) const = 0;
    // Opens `db` (a connection of driverName()) on `location` and applies the session settings
    // the order log relies on.
    virtual Result<void> open(QSqlDatabase &db, const QString &location, const StoreOptions &options) const = 0;

    // DDL pieces that differ between dialects.
    virtual QString idColumnType() const = 0; // a surrogate key the database assigns
    virtual QString integerType() const = 0; // a 64-bit integer column
    // Statements that make `table` refuse UPDATE and DELETE with `message`.
    virtual QStringList appendOnlyGuards(const QString &table, const QString &message) const = 0;
    // A statement answering one row, one column: the number of tables called `?`.
    virtual QString tableCountStatement() const = 0;

    // Appended to an INSERT so that it answers the new row's id.
    virtual QString returningIdClause() const = 0;
    // Starts a transaction that holds the write lock from the start.
    virtual QString beginWriteStatement() const = 0;

    // A counter that changes whenever another connection commits; cheap to poll.
    virtual QString dataVersionStatement() const = 0;
    // Rows of text, "ok" alone when healthy.
    virtual QString integrityCheckStatement() const = 0;

    virtual StoreFault classify(const QSqlError &error) const = 0;
};

// A store URL as the `store/url` setting holds it: a file path (or file: URL) is a SQLite file;
// any other URL is refused as unsupported for now. The URL itself is not echoed in the error
// (a PostgreSQL URL may carry a password).
struct StoreLocation
{
    std::unique_ptr<StorageBackend> backend;
    QString location; // what the backend opens
};
Result<StoreLocation> storeLocationFor(const QString &url);

} // namespace paydesk

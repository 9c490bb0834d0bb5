#pragma once

// Internal to core/orders: running statements through Qt SQL on a connection of a storage
// backend, turning the backend's failures into Error values, plus the write transaction every
// change goes through.

#include "StorageBackend.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace paydesk::sql {

// What a connection to a server needs to come back after it was lost (StorageBackend::
// reconnects()): no Qt signal fires when the server goes away; QPSQL's isOpen() turns false and
// the next statement fails with an empty error. The order log owns one per connection.
struct Keeper
{
    QString location; // what the backend opens
    StoreOptions options;
    QStringList channels; // subscribed to again after every reconnect
    bool inTransaction = false; // never reconnect inside one: its work is lost with the connection
    int failedAttempts = 0; // since the connection was last good
    qint64 nextAttemptMs = 0; // monotonic: the back-off
    quint64 reconnects = 0; // successful ones, for whoever must re-read after one
};

// An open Qt SQL connection and the backend it belongs to (which classifies its errors and
// knows its dialect). Cheap to copy: QSqlDatabase is a handle.
struct Connection
{
    QSqlDatabase db;
    const StorageBackend *backend = nullptr;
    int busyTimeoutMs = 0;
    Keeper *keeper = nullptr; // none: a lost connection stays lost
};

// Whether the connection is usable now, opening it again first when it was lost, outside a
// transaction and at most as often as the back-off allows (100 ms doubling to 5 s). StoreUnavailable
// while the server cannot be reached.
Result<void> restore(const Connection &db);

// The error's ErrorCode through the backend's typed classification of its native code.
ErrorCode storeErrorCode(const Connection &db, const QSqlError &error);
// How many serialization failures and deadlocks (StoreFault::Conflict) storeError() has seen on
// this thread: a write that failed while the count grew is worth running again. (Per thread, as
// each connection is used by one thread only.)
int conflictsOnThisThread();
Error storeError(const Connection &db, const QSqlError &error, const QString &context);

// Prepares `statement`, binds `values` positionally and executes it; forward-only.
Result<QSqlQuery> run(const Connection &db, const QString &statement, const QVariantList &values = {});

// Runs an INSERT with the backend's clause that returns the new row's id (INSERT ... RETURNING).
Result<qint64> insertReturningId(const Connection &db, const QString &insert, const QVariantList &values);

// For the statements SQLite may answer with SQLITE_BUSY without ever consulting the busy
// handler: BEGIN IMMEDIATE racing a checkpoint or WAL recovery, and switching the journal mode
// while another connection holds a read lock (deadlock avoidance returns at once). Retries with
// a short backoff, bounded by twice the connection's busy timeout so that a store locked for
// good is still reported as StoreBusy.
Result<QSqlQuery> runRetryingBusy(const Connection &db, const QString &statement);

// Runs a query that must return one row and gives its first column.
Result<QVariant> scalar(const Connection &db, const QString &statement, const QVariantList &values = {});

// "?, ?, ?" for `count` values, for an IN (...) list.
QString placeholders(qsizetype count);
// Appends `bound` to `values` and gives their placeholders.
QString bindList(QVariantList &values, const QStringList &bound);

// NULL for an empty string, so optional columns stay NULL rather than ''.
QVariant nullIfEmpty(const QString &text);
QVariant nullIfZero(qint64 value);
// A non-null QString for NOT NULL text columns (the driver binds a null QString as NULL).
QVariant nonNull(const QString &text);

// Caps a recorded raw body at `maxBytes`, replacing the tail with "…[truncated N bytes]".
QByteArray capRecorded(const QByteArray &body, qsizetype maxBytes);

// Takes the write lock and writes something it then rolls back: StoreReadOnly, StoreBusy, ...
// when the store cannot take a write right now.
Result<void> probeWritable(const Connection &db);

// The backend's write transaction (BEGIN IMMEDIATE on SQLite) ... COMMIT through explicit
// statements: QSqlDatabase::transaction() issues a plain BEGIN, whose later upgrade to a write
// lock can fail with SQLITE_BUSY without the busy handler ever waiting. Rolls back unless
// committed.
class WriteTransaction
{
public:
    explicit WriteTransaction(const Connection &db);
    ~WriteTransaction();

    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    Result<void> commitThroughDriver();

    Connection m_db;
    bool m_active = false;
};

} // namespace paydesk::sql

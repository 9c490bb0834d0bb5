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

#include <memory>
#include <optional>
#include <unordered_map>

namespace paydesk::sql {

class Rows;
class StatementCache;

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
    StatementCache *statements = nullptr; // none: every statement prepared afresh
};

// The statements of one connection, prepared once and executed again with new values. QPSQL
// prepares every statement on the server (PREPARE, EXECUTE, and DEALLOCATE when the query goes:
// three round trips); a kept one costs one EXECUTE. SQLite is spared parsing it again. Bounded;
// emptied before its connection closes or is opened again (a server-side statement dies with its
// session). The order log owns one per connection, used by that connection's thread only; a
// connection that listens for notifications (a terminal's) keeps none.
class StatementCache
{
public:
    StatementCache() = default;
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // Drops every kept statement (none may be in use).
    void clear();

private:
    friend Result<Rows> run(const Connection &db, const QString &statement, const QVariantList &values);

    struct Entry
    {
        QSqlQuery query;
        bool inUse = false;
    };
    static constexpr std::size_t MaxEntries = 96;

    std::unordered_map<QString, std::unique_ptr<Entry>> m_entries;
};

// The rows (or the count of rows changed) of one executed statement, forward-only. When it goes,
// a kept statement is reset for its next use (SQLite's read lock released, QPSQL's result freed).
class Rows
{
public:
    explicit Rows(QSqlQuery query);
    Rows(QSqlQuery &kept, bool &inUse);
    Rows(Rows &&other) noexcept;
    Rows &operator=(Rows &&other) = delete;
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    ~Rows();

    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    bool isNull(int index) const { return m_query->isNull(index); }
    QSqlError lastError() const { return m_query->lastError(); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    void finish() { m_query->finish(); }

private:
    std::optional<QSqlQuery> m_owned;
    QSqlQuery *m_query = nullptr;
    bool *m_inUse = nullptr; // a kept statement's: given back when this goes
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

// Prepares `statement` (or takes it from the connection's StatementCache), binds `values`
// positionally and executes it; forward-only. Without values it is executed directly, unprepared
// (QPSQL cannot prepare BEGIN, CREATE and the like).
Result<Rows> run(const Connection &db, const QString &statement, const QVariantList &values = {});

// Runs an INSERT with the backend's clause that returns the new row's id (INSERT ... RETURNING).
Result<qint64> insertReturningId(const Connection &db, const QString &insert, const QVariantList &values);

// For the statements SQLite may answer with SQLITE_BUSY without ever consulting the busy
// handler: BEGIN IMMEDIATE racing a checkpoint or WAL recovery, and switching the journal mode
// while another connection holds a read lock (deadlock avoidance returns at once). Retries with
// a short backoff, bounded by twice the connection's busy timeout so that a store locked for
// good is still reported as StoreBusy.
Result<Rows> runRetryingBusy(const Connection &db, const QString &statement);

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

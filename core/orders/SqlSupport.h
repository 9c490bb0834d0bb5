#pragma once

// Internal to core/orders: running statements through Qt SQL and turning SQLite failures into
// Error values, plus the write transaction every change goes through.

#include "common/Error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace paydesk::sql {

// Primary SQLite result codes we tell apart. The Qt driver turns extended result codes on, so
// only the low byte of QSqlError::nativeErrorCode() is compared.
enum class SqliteCode : int {
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Constraint = 19,
    NotADatabase = 26,
};

int primaryCode(const QSqlError &error);   // 0 when the error carries no SQLite code
ErrorCode storeErrorCode(const QSqlError &error);
Error storeError(const QSqlError &error, const QString &context);
bool isBusy(const QSqlError &error);

// Prepares `statement`, binds `values` positionally and executes it; forward-only.
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &statement,
                      const QVariantList &values = {});

// For the statements SQLite may answer with SQLITE_BUSY without ever consulting the busy
// handler: BEGIN IMMEDIATE racing a checkpoint or WAL recovery, and switching the journal mode
// while another connection holds a read lock (deadlock avoidance returns at once). Retries with
// a short backoff, bounded by twice the busy timeout so that a store locked for good is still
// reported as StoreBusy.
Result<QSqlQuery> runRetryingBusy(const QSqlDatabase &db, const QString &statement, int busyTimeoutMs);

// Runs a query that must return one row and gives its first column.
Result<QVariant> scalar(const QSqlDatabase &db, const QString &statement,
                        const QVariantList &values = {});

// NULL for an empty string, so optional columns stay NULL rather than ''.
QVariant nullIfEmpty(const QString &text);
QVariant nullIfZero(qint64 value);
// A non-null QString for NOT NULL text columns (the driver binds a null QString as NULL).
QVariant nonNull(const QString &text);

// Caps a recorded raw body at `maxBytes`, replacing the tail with "…[truncated N bytes]".
QByteArray capRecorded(const QByteArray &body, qsizetype maxBytes);

// Takes the write lock and writes something it then rolls back: StoreReadOnly, StoreBusy, ...
// when the store cannot take a write right now.
Result<void> probeWritable(const QSqlDatabase &db, int busyTimeoutMs);

// BEGIN IMMEDIATE ... COMMIT through explicit statements: QSqlDatabase::transaction() issues a
// plain deferred BEGIN, whose later upgrade to a write lock can fail with SQLITE_BUSY without
// the busy handler ever waiting. Rolls back unless committed.
class WriteTransaction
{
public:
    WriteTransaction(const QSqlDatabase &db, int busyTimeoutMs);
    ~WriteTransaction();

    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    int m_busyTimeoutMs = 0;
    bool m_active = false;
};

} // namespace paydesk::sql

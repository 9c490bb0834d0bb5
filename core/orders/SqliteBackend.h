#pragma once

#include "StorageBackend.h"

namespace paydesk {

// One SQLite file per terminal (design.md "Order log"): WAL, synchronous=FULL, busy_timeout,
// BEGIN IMMEDIATE for writes.
class SqliteBackend final : public StorageBackend
{
public:
    // SQLite result codes. The Qt driver turns extended result codes on, so a native code is an
    // extended code: its low byte is the primary code, the rest tells e.g. which constraint.
    enum class Code : int {
        Perm = 3,
        Busy = 5,
        Locked = 6,
        ReadOnly = 8,
        Corrupt = 11,
        Full = 13,
        CantOpen = 14,
        Constraint = 19,
        Auth = 23,
        NotADatabase = 26,
    };
    static constexpr int ConstraintPrimaryKey = 19 | (6 << 8); // SQLITE_CONSTRAINT_PRIMARYKEY
    static constexpr int ConstraintUnique = 19 | (8 << 8); // SQLITE_CONSTRAINT_UNIQUE

    QString name() const override;
    QString driverName() const override;
    QString displayLocation(const QString &location) const override;
    bool exists(const QString &location) const override;
    Result<void> open(QSqlDatabase &db, const QString &location, const StoreOptions &options) const override;

    QString idColumnType() const override;
    QString integerType() const override;
    QString bytesType() const override;
    QStringList appendOnlyGuards(const QString &table, const QString &message) const override;
    QStringList laterAppendOnlyGuards(const QString &table, const QString &message) const override;
    QString migrationLockStatement() const override;
    QString tableCountStatement() const override;
    QString returningIdClause() const override;
    QString beginWriteStatement() const override;
    bool commitsThroughDriver() const override;
    QString rowLockClause() const override;
    QString writeProbeStatement() const override;
    QString dataVersionStatement() const override;
    QString integrityCheckStatement() const override;

    StoreFault classify(const QSqlError &error) const override;
    // The classification of one native (extended) result code.
    static StoreFault classifyCode(int extendedCode);
};

} // namespace paydesk

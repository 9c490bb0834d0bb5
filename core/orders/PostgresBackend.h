#pragma once

#include "StorageBackend.h"

#include <QList>
#include <QPair>

namespace paydesk {

// One PostgreSQL database for a store's terminals, relays and managers (design.md "Storage
// backends"), through Qt's QPSQL driver. Writes run under READ COMMITTED: what must be serialised
// is, by the database (atomic upserts, row locks, unique constraints), never by the process.
class PostgresBackend final : public StorageBackend
{
public:
    // What a store URL names: postgresql://[user@]host[:port]/dbname?option=value&...
    // A unix-socket directory comes as the libpq-style `host=/path` option.
    struct Target
    {
        QString host; // a name, an address or a socket directory; empty: libpq's default
        int port = -1;
        QString database;
        QString user;
        QList<QPair<QString, QString>> options; // libpq connection options, in URL order
    };

    // "postgresql" and "postgres", in any case.
    static bool handlesScheme(const QString &scheme);
    // InvalidArgument, never echoing the URL, for a URL carrying a password, an unknown option
    // or a malformed part.
    static Result<Target> parseUrl(const QString &url);
    // The options as QSqlDatabase::setConnectOptions() takes them (QPSQL appends them to its
    // connection string): each value quoted the libpq way.
    static QString connectOptions(const Target &target);

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

    QString paymentChannel() const override;
    QString clientReferenceLockStatement() const override;
    QString orderClaimStatement() const override;
    QString orderReleaseStatement() const override;
    bool reconnects() const override;

    // The classification of one SQLSTATE (five characters); an empty one is a client-side
    // failure of libpq: the connection could not be made or was lost.
    static StoreFault classifySqlState(const QString &sqlState);
};

} // namespace paydesk

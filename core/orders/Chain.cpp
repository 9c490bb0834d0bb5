#include "OrderLog.h"

#include "OrderLogPrivate.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

const QString TerminalColumns = u"terminal_id, store_id, instance_id, registered_at_ms, last_seen_ms"_s;

TerminalRegistration terminalFromQuery(const sql::Rows &query)
{
    return TerminalRegistration{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                query.value(3).toLongLong(), query.value(4).toLongLong()};
}

Result<QList<TerminalRegistration>> readTerminals(const sql::Connection &db, const QString &tail,
                                                  const QVariantList &values)
{
    auto query = sql::run(db, u"SELECT "_s + TerminalColumns + u" FROM terminals"_s + tail, values);
    if (!query)
        return fail(query.error());
    QList<TerminalRegistration> terminals;
    while (query->next())
        terminals.append(terminalFromQuery(*query));
    if (query->lastError().isValid())
        return fail(sql::storeError(db, query->lastError(), u"reading terminals"_s));
    return terminals;
}

Result<void> checkTerminalId(const QString &terminalId)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9]{1,8}$"_s);
    if (!pattern.match(terminalId).hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    u"terminal id must be 1 to 8 letters or digits: \""_s + terminalId.left(16) + u'"');
    return {};
}

} // namespace

Result<void> checkStoreId(const QString &storeId)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9]{0,8}$"_s);
    if (!pattern.match(storeId).hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    u"store id must be empty or 1 to 8 letters or digits: \""_s + storeId.left(16) + u'"');
    return {};
}

// Insert-if-missing then a locked read, in one transaction: two installs starting with the same
// id at once both pass the INSERT (one of them waits on the other's row and inserts nothing),
// and the second then reads the first one's instance and is refused.
Result<TerminalRegistration> OrderLog::registerTerminal(const TerminalRegistration &terminal)
{
    if (auto valid = checkTerminalId(terminal.terminalId); !valid)
        return fail(valid.error());
    if (auto valid = checkStoreId(terminal.storeId); !valid)
        return fail(valid.error());
    if (terminal.instanceId.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"terminal registration without an install identity"_s);
    return d->retryingConflicts([&]() -> Result<TerminalRegistration> {
        auto transaction = d->writeTransaction();
        if (auto begun = transaction.begin(); !begun)
            return fail(begun.error());
        const qint64 now = d->now();
        if (auto inserted
            = sql::run(d->db,
                       u"INSERT INTO terminals (terminal_id, store_id, instance_id, registered_at_ms,"
                       " last_seen_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (terminal_id) DO NOTHING"_s,
                       {terminal.terminalId, sql::nonNull(terminal.storeId), terminal.instanceId, now, now});
            !inserted) {
            return fail(inserted.error());
        }
        const auto rows
            = readTerminals(d->db, u" WHERE terminal_id = ?"_s + d->backend->rowLockClause(), {terminal.terminalId});
        if (!rows)
            return fail(rows.error());
        if (rows->isEmpty())
            return fail(ErrorCode::StoreFailure,
                        u"terminal "_s + terminal.terminalId + u" vanished while registering"_s);
        TerminalRegistration registered = rows->first();
        if (registered.instanceId != terminal.instanceId) {
            // Named by store and date, never by the other install's identity.
            return fail(ErrorCode::TerminalTaken,
                        u"terminal id "_s + terminal.terminalId + u" is registered by another install (store \""_s
                            + registered.storeId + u"\", last seen at "_s + QString::number(registered.lastSeenMs)
                            + u" ms)"_s);
        }
        if (registered.storeId != terminal.storeId || registered.lastSeenMs != now) {
            if (auto updated
                = sql::run(d->db, u"UPDATE terminals SET store_id = ?, last_seen_ms = ? WHERE terminal_id = ?"_s,
                           {sql::nonNull(terminal.storeId), now, terminal.terminalId});
                !updated) {
                return fail(updated.error());
            }
            registered.storeId = terminal.storeId;
            registered.lastSeenMs = now;
        }
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.error());
        return registered;
    });
}

Result<QList<TerminalRegistration>> OrderLog::terminals() const
{
    return readTerminals(d->db, u" ORDER BY terminal_id"_s, {});
}

Result<void> OrderLog::releaseTerminal(const QString &terminalId)
{
    if (auto valid = checkTerminalId(terminalId); !valid)
        return fail(valid.error());
    auto transaction = d->writeTransaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto deleted = sql::run(d->db, u"DELETE FROM terminals WHERE terminal_id = ?"_s, {terminalId});
    if (!deleted)
        return fail(deleted.error());
    if (deleted->numRowsAffected() < 1)
        return fail(ErrorCode::NotFound, u"terminal "_s + terminalId + u" is not registered"_s);
    return transaction.commit();
}

} // namespace paydesk

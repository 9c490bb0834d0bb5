#include "OrderLog.h"

#include "OrderLogPrivate.h"

using namespace Qt::StringLiterals;

namespace paydesk {

Result<qint64> OrderLog::recordAuditEvent(const QString &kind, const QString &actor, const QString &detail)
{
    if (kind.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"audit event without a kind"_s);
    auto transaction = d->writeTransaction();
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    const auto id = sql::insertReturningId(
        d->db, u"INSERT INTO audit (at_ms, kind, actor, detail) VALUES (?, ?, ?, ?)"_s,
        {d->now(), kind, sql::nonNull(actor), sql::nonNull(detail.left(MaxAuditDetailLength))});
    if (!id)
        return fail(id.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    return id;
}

Result<QList<AuditEvent>> OrderLog::auditEventsBetween(qint64 fromUtcMs, qint64 toUtcMs, int limit) const
{
    if (limit < 1)
        return fail(ErrorCode::InvalidArgument, u"audit read without a positive limit"_s);
    auto query = sql::run(d->db,
                          u"SELECT id, at_ms, kind, actor, detail FROM audit"
                          " WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id LIMIT ?"_s,
                          {fromUtcMs, toUtcMs, limit});
    if (!query)
        return fail(query.error());
    QList<AuditEvent> result;
    while (query->next()) {
        AuditEvent event;
        event.id = query->value(0).toLongLong();
        event.atMs = query->value(1).toLongLong();
        event.kind = query->value(2).toString();
        event.actor = query->value(3).toString();
        event.detail = query->value(4).toString();
        result.append(event);
    }
    if (query->lastError().isValid())
        return fail(sql::storeError(d->db, query->lastError(), u"reading the audit trail"_s));
    return result;
}

} // namespace paydesk

#include "OrderLog.h"

#include "OrderLogPrivate.h"
#include "Schema.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <bit>
#include <map>

using namespace Qt::StringLiterals;

namespace paydesk {

// Moving a terminal's own SQLite history into a store's database (`paydeskctl store import`).
// Every table is copied column by column as stored (no round trip through the typed structs,
// which would turn an unknown channel or an empty text into something else); the store gives
// the rows new ids, and import_map remembers source id -> new id per table, so that children
// (events, gateway messages, refunds) point at the new orders and a second run copies none again.
//
// A counter that kept selling after an import (moved to the store in stages, or a last import
// before the switch-over): its new rows are copied, and the orders and refunds imported before
// whose row has moved on since are brought up to the source's row, the columns that change over
// their life (TableCopy::changingColumns). Never backwards: the store's row may have moved on too
// (refunded in the store, paid through the store's relay). The rule, per differing row:
//  - the source's row is at or after the store's in the lifecycle (the same state or one the
//    transition table allows from the store's; for an order, no less refunded and not un-late)
//    and the store's is not -> updated to the source's;
//  - both are at the same point (same state, refunded, late; other columns differ) -> the one
//    updated last wins (updated_at_ms; the store's on a tie);
//  - the store's row is the later one -> kept, reported (ImportReport::kept);
//  - neither is (e.g. CANCELLED in the store, FAILED at the counter) -> kept, reported as a conflict.
// The totals to agree are then the source's with the kept rows counted as the store has them.

namespace {

std::atomic<quint64> importCounter{0};

// A table as the import copies it: its columns but the id, which of them hold raw bytes, which
// refer to an order, and the unique column that must not exist here from elsewhere.
struct TableCopy
{
    QString table;
    QStringList columns;
    QStringList byteColumns;
    QString orderColumn; // remapped through the orders' map
    QString uniqueColumn; // checked before inserting: from elsewhere -> refused
    bool keepExisting = false; // a row whose unique value exists here is mapped to it (staff)
    // The columns that change over the row's life (its state first, updated_at_ms among them):
    // brought up to the source's on a later import (see above). Empty: the row never changes
    // (append-only tables) or is kept as the store has it (staff).
    QStringList changingColumns;
};

const QList<TableCopy> &tableCopies()
{
    static const QList<TableCopy> copies{
        {u"orders"_s,
         {u"mch_order_no"_s,     u"terminal_id"_s,   u"cashier"_s,        u"channel"_s,
          u"amount_minor"_s,     u"currency"_s,      u"state"_s,          u"late"_s,
          u"source"_s,           u"gateway"_s,       u"subject"_s,        u"pay_order_id"_s,
          u"channel_order_no"_s, u"qr_payload"_s,    u"created_at_ms"_s,  u"updated_at_ms"_s,
          u"paid_at_ms"_s,       u"expires_at_ms"_s, u"refunded_minor"_s, u"last_error"_s,
          u"client_reference"_s, u"store_id"_s},
         {},
         {},
         u"mch_order_no"_s,
         false,
         {u"state"_s, u"late"_s, u"pay_order_id"_s, u"channel_order_no"_s, u"qr_payload"_s, u"updated_at_ms"_s,
          u"paid_at_ms"_s, u"expires_at_ms"_s, u"refunded_minor"_s, u"last_error"_s}},
        {u"events"_s,
         {u"order_id"_s, u"at_ms"_s, u"kind"_s, u"from_state"_s, u"to_state"_s, u"actor"_s, u"detail"_s},
         {},
         u"order_id"_s,
         {},
         false,
         {}},
        {u"gateway_messages"_s,
         {u"order_id"_s, u"at_ms"_s, u"endpoint"_s, u"direction"_s, u"body"_s},
         {u"body"_s},
         u"order_id"_s,
         {},
         false,
         {}},
        {u"refunds"_s,
         {u"order_id"_s, u"mch_refund_no"_s, u"amount_minor"_s, u"currency"_s, u"reason"_s, u"state"_s,
          u"requested_by"_s, u"created_at_ms"_s, u"updated_at_ms"_s, u"refund_order_id"_s, u"detail"_s},
         {},
         u"order_id"_s,
         u"mch_refund_no"_s,
         false,
         {u"state"_s, u"updated_at_ms"_s, u"refund_order_id"_s, u"detail"_s}},
        {u"notifications"_s,
         {u"received_at_ms"_s, u"gateway"_s, u"verdict"_s, u"reason"_s, u"mch_order_no"_s, u"pay_order_id"_s,
          u"remote_address"_s, u"raw"_s},
         {u"raw"_s},
         {},
         {},
         false,
         {}},
        {u"audit"_s, {u"at_ms"_s, u"kind"_s, u"actor"_s, u"detail"_s}, {}, {}, {}, false, {}},
        {u"staff"_s,
         {u"name"_s, u"role"_s, u"pin_verifier"_s, u"failed_attempts"_s, u"locked_until_ms"_s, u"disabled"_s,
          u"created_at_ms"_s, u"updated_at_ms"_s},
         {},
         {},
         u"name"_s,
         true,
         {}},
    };
    return copies;
}

using IdMap = QHash<qint64, qint64>;

// A raw read-only connection on the source file, only for the snapshot.
class SourceConnection
{
public:
    explicit SourceConnection(const QString &path)
        : m_name(u"paydesk-import-source-"_s + QString::number(++importCounter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
        m_open = db.open();
        m_error = db.lastError();
    }
    ~SourceConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    SourceConnection(const SourceConnection &) = delete;
    SourceConnection &operator=(const SourceConnection &) = delete;

    bool isOpen() const { return m_open; }
    QSqlError error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
    QSqlError m_error;
};

// A consistent copy of the source (VACUUM INTO reads it in one read transaction, whatever a
// terminal still writing does meanwhile) and its schema version before migration.
Result<int> snapshot(const QString &sourcePath, const QString &copyPath)
{
    auto backend = storeLocationFor(sourcePath);
    if (!backend)
        return fail(backend.error());
    if (backend->backend->name() != u"sqlite")
        return fail(ErrorCode::InvalidArgument, u"the source of an import is a terminal's SQLite order log"_s);
    if (!QFileInfo(backend->location).isFile())
        return fail(ErrorCode::StoreUnavailable, u"no order log at "_s + backend->location);
    SourceConnection source(backend->location);
    if (!source.isOpen())
        return fail(ErrorCode::StoreUnavailable,
                    u"cannot open "_s + backend->location + u" read-only: "_s + source.error().text());
    const sql::Connection db{source.db(), backend->backend.get(), 10'000};
    const auto version = schema::storedVersion(db);
    if (!version)
        return fail(version.error());
    if (*version > schema::latestVersion())
        return fail(ErrorCode::StoreFailure,
                    u"the source was written by a newer PayDesk (schema version "_s + QString::number(*version) + u')');
    if (*version == 0)
        return fail(ErrorCode::InvalidArgument, backend->location + u" is not a PayDesk order log"_s);
    if (auto copied = sql::run(db, u"VACUUM INTO ?"_s, {copyPath}); !copied)
        return fail(copied.error());
    return *version;
}

// The identity of a history: a digest of its oldest rows, which an append-only history never
// changes (an order's number and creation time stay what they were). The same terminal's file
// copied elsewhere, or grown since, is the same source. A table empty at an earlier import (no
// notification or staff account yet) counted as empty then: the identities this history had
// then are the current one with some of its non-empty parts blank (at least one kept), the
// current one first, then fewer blanks first; importHistory takes the first the store knows.
Result<QStringList> sourceIdentities(const sql::Connection &db)
{
    QStringList parts;
    for (const QString &statement :
         {u"SELECT mch_order_no || '|' || created_at_ms FROM orders ORDER BY id LIMIT 1"_s,
          u"SELECT received_at_ms || '|' || verdict || '|' || COALESCE(mch_order_no, '') FROM notifications"
          " ORDER BY id LIMIT 1"_s,
          u"SELECT at_ms || '|' || kind || '|' || detail FROM audit ORDER BY id LIMIT 1"_s,
          u"SELECT name || '|' || created_at_ms FROM staff ORDER BY id LIMIT 1"_s}) {
        auto query = sql::run(db, statement);
        if (!query)
            return fail(query.error());
        parts.append(query->next() ? query->value(0).toString() : QString());
    }
    const auto identity = [&parts](unsigned blank) -> QString {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (int i = 0; i < parts.size(); ++i) {
            hash.addData(((blank & (1U << i)) != 0 ? QString() : parts[i]).toUtf8());
            hash.addData("\n");
        }
        return u"sqlite:"_s + QString::fromLatin1(hash.result().toHex().left(32));
    };
    unsigned present = 0;
    for (int i = 0; i < parts.size(); ++i) {
        if (!parts[i].isEmpty())
            present |= 1U << i;
    }
    QList<std::pair<int, unsigned>> blanks; // (how many blanked, which)
    for (unsigned blank = 1; blank <= present; ++blank) {
        if ((blank & ~present) == 0 && blank != present)
            blanks.append({std::popcount(blank), blank});
    }
    std::stable_sort(blanks.begin(), blanks.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList identities{identity(0)};
    for (const auto &[count, blank] : blanks)
        identities.append(identity(blank));
    return identities;
}

Result<qint64> countOf(const sql::Connection &db, const QString &table, const QString &sourceId)
{
    const auto count = sourceId.isEmpty()
        ? sql::scalar(db, u"SELECT COUNT(*) FROM "_s + table)
        : sql::scalar(
            db,
            u"SELECT COUNT(*) FROM "_s + table
                + u" t JOIN import_map m ON m.imported_id = t.id AND m.source_table = ? AND m.source_id = ?"_s,
            {table, sourceId});
    if (!count)
        return fail(count.error());
    return count->toLongLong();
}

// Every row's totals, or (with a source id) the rows that source has put here.
Result<HistoryTotals> totalsOf(const sql::Connection &db, const QString &sourceId)
{
    HistoryTotals totals;
    const QString join = sourceId.isEmpty()
        ? QString()
        : u" JOIN import_map m ON m.imported_id = t.id AND m.source_table = ? AND m.source_id = ?"_s;
    std::map<QString, CurrencyHistoryTotals> byCurrency;
    {
        auto query = sql::run(db,
                              u"SELECT t.currency, COUNT(*), CAST(SUM(t.amount_minor) AS BIGINT),"
                              " CAST(SUM(CASE WHEN t.state = 'PAID' THEN 1 ELSE 0 END) AS BIGINT),"
                              " CAST(SUM(CASE WHEN t.state = 'PAID' THEN t.amount_minor ELSE 0 END) AS BIGINT),"
                              " CAST(SUM(t.refunded_minor) AS BIGINT) FROM orders t"_s
                                  + join + u" GROUP BY t.currency"_s,
                              sourceId.isEmpty() ? QVariantList{} : QVariantList{u"orders"_s, sourceId});
        if (!query)
            return fail(query.error());
        while (query->next()) {
            CurrencyHistoryTotals &row = byCurrency[query->value(0).toString()];
            row.currency = currencyFromCode(query->value(0).toString());
            row.orders = query->value(1).toLongLong();
            row.ordersMinor = query->value(2).toLongLong();
            row.paidOrders = query->value(3).toLongLong();
            row.paidMinor = query->value(4).toLongLong();
            row.refundedMinor = query->value(5).toLongLong();
        }
    }
    {
        auto query = sql::run(db,
                              u"SELECT t.currency, COUNT(*), CAST(SUM(t.amount_minor) AS BIGINT) FROM refunds t"_s
                                  + join + u" GROUP BY t.currency"_s,
                              sourceId.isEmpty() ? QVariantList{} : QVariantList{u"refunds"_s, sourceId});
        if (!query)
            return fail(query.error());
        while (query->next()) {
            CurrencyHistoryTotals &row = byCurrency[query->value(0).toString()];
            row.currency = currencyFromCode(query->value(0).toString());
            row.refunds = query->value(1).toLongLong();
            row.refundsMinor = query->value(2).toLongLong();
        }
    }
    for (const auto &[code, row] : byCurrency)
        totals.currencies.append(row);
    const std::array<std::pair<QString, qint64 *>, 7> counts{{{u"orders"_s, &totals.orders},
                                                              {u"events"_s, &totals.events},
                                                              {u"gateway_messages"_s, &totals.gatewayMessages},
                                                              {u"refunds"_s, &totals.refunds},
                                                              {u"notifications"_s, &totals.notifications},
                                                              {u"audit"_s, &totals.audit},
                                                              {u"staff"_s, &totals.staff}}};
    for (const auto &[table, count] : counts) {
        const auto value = countOf(db, table, sourceId);
        if (!value)
            return fail(value.error());
        *count = *value;
    }
    return totals;
}

Result<QHash<QString, IdMap>> loadMap(const sql::Connection &db, const QString &sourceId)
{
    auto query = sql::run(db, u"SELECT source_table, source_row_id, imported_id FROM import_map WHERE source_id = ?"_s,
                          {sourceId});
    if (!query)
        return fail(query.error());
    QHash<QString, IdMap> maps;
    while (query->next())
        maps[query->value(0).toString()].insert(query->value(1).toLongLong(), query->value(2).toLongLong());
    return maps;
}

// The changing columns of one row as read (NULL stays an invalid QVariant).
using ColumnValues = QHash<QString, QVariant>;

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (!a.isValid() || a.isNull() || !b.isValid() || b.isNull())
        return (!a.isValid() || a.isNull()) == (!b.isValid() || b.isNull());
    return a.toString() == b.toString();
}

// Whether `to` is at or after `from` in an order's or a refund's life.
bool atOrAfter(const QString &table, const ColumnValues &from, const ColumnValues &to)
{
    const QString fromState = from.value(u"state"_s).toString();
    const QString toState = to.value(u"state"_s).toString();
    if (table == u"refunds")
        return fromState == toState
            || isRefundTransitionAllowed(refundStateFromName(fromState), refundStateFromName(toState));
    return (fromState == toState || isTransitionAllowed(orderStateFromName(fromState), orderStateFromName(toState)))
        && to.value(u"refunded_minor"_s).toLongLong() >= from.value(u"refunded_minor"_s).toLongLong()
        && to.value(u"late"_s).toLongLong() >= from.value(u"late"_s).toLongLong();
}

class Importer
{
public:
    Importer(const sql::Connection &source, const sql::Connection &target, QString sourceId, qint64 now,
             const ImportOptions &options)
        : m_source(source), m_target(target), m_sourceId(std::move(sourceId)), m_now(now), m_options(options)
    {}

    // Imported before, differing, kept as the store has them; and what that changes in the totals
    // (per currency: the store's row's contribution less the source's).
    QList<ImportDifference> kept;
    std::map<QString, CurrencyHistoryTotals> keptDelta;
    qint64 ordersUpdated = 0;
    qint64 refundsUpdated = 0;

    Result<void> run(HistoryTotals &copied, qint64 &staffSkipped)
    {
        auto maps = loadMap(m_target, m_sourceId);
        if (!maps)
            return fail(maps.error());
        m_maps = std::move(*maps);
        for (const TableCopy &table : tableCopies())
            m_maps[table.table]; // every key now: the references copyTable holds stay valid
        for (const TableCopy &table : tableCopies()) {
            const auto count = copyTable(table, staffSkipped);
            if (!count)
                return fail(count.error());
            if (table.table == u"orders")
                copied.orders = *count;
            else if (table.table == u"events")
                copied.events = *count;
            else if (table.table == u"gateway_messages")
                copied.gatewayMessages = *count;
            else if (table.table == u"refunds")
                copied.refunds = *count;
            else if (table.table == u"notifications")
                copied.notifications = *count;
            else if (table.table == u"audit")
                copied.audit = *count;
            else
                copied.staff = *count;
        }
        return raiseSequences();
    }

private:
    Result<qint64> copyTable(const TableCopy &table, qint64 &staffSkipped)
    {
        auto rows = sql::run(
            m_source, u"SELECT id, "_s + table.columns.join(u", "_s) + u" FROM "_s + table.table + u" ORDER BY id"_s);
        if (!rows)
            return fail(rows.error());
        IdMap &map = m_maps[table.table];
        const IdMap &orders = m_maps[u"orders"_s];
        // Run once per row: the target's statement cache keeps them prepared.
        const QString insert = u"INSERT INTO "_s + table.table + u" ("_s + table.columns.join(u", "_s) + u") VALUES ("_s
            + sql::placeholders(table.columns.size()) + u')' + m_target.backend->returningIdClause();
        const QString existing = u"SELECT id FROM "_s + table.table + u" WHERE "_s + table.uniqueColumn + u" = ?"_s;
        qint64 copied = 0;
        while (rows->next()) {
            const qint64 sourceId = rows->value(0).toLongLong();
            if (map.contains(sourceId)) {
                if (!table.changingColumns.isEmpty()) {
                    if (auto refreshed = refresh(table, *rows, map.value(sourceId)); !refreshed)
                        return fail(refreshed.error());
                }
                continue;
            }
            QVariantList values;
            for (int i = 0; i < table.columns.size(); ++i) {
                const QString &column = table.columns[i];
                const int position = i + 1;
                if (rows->isNull(position))
                    values.append(QVariant());
                else if (column == table.orderColumn)
                    values.append(orders.value(rows->value(position).toLongLong(), -1));
                else if (table.byteColumns.contains(column))
                    values.append(rows->value(position).toByteArray());
                else if (column == u"store_id" && !m_options.storeId.isEmpty())
                    values.append(m_options.storeId);
                else if (rows->value(position).typeId() == QMetaType::QString)
                    values.append(sql::nonNull(rows->value(position).toString()));
                else
                    values.append(rows->value(position));
            }
            if (!table.orderColumn.isEmpty() && values[int(table.columns.indexOf(table.orderColumn))] == -1)
                return fail(ErrorCode::StoreFailure,
                            table.table + u" row "_s + QString::number(sourceId)
                                + u" of the source refers to an order it does not have"_s);
            qint64 targetId = 0;
            if (!table.uniqueColumn.isEmpty()) {
                const QVariant &unique = values[int(table.columns.indexOf(table.uniqueColumn))];
                auto found = sql::run(m_target, existing, {unique});
                if (!found)
                    return fail(found.error());
                if (found->next()) {
                    if (!table.keepExisting)
                        return fail(ErrorCode::StoreFailure,
                                    table.uniqueColumn + u" "_s + unique.toString()
                                        + u" is already in the store, not from this source: nothing was imported"_s);
                    targetId = found->value(0).toLongLong();
                    ++staffSkipped;
                }
            }
            if (targetId == 0) {
                auto inserted = sql::run(m_target, insert, values);
                if (!inserted)
                    return fail(inserted.error());
                if (!inserted->next())
                    return fail(ErrorCode::StoreFailure, u"no id for an imported "_s + table.table + u" row"_s);
                targetId = inserted->value(0).toLongLong();
                ++copied;
            }
            if (auto mapped = sql::run(m_target,
                                       u"INSERT INTO import_map (source_id, source_table, source_row_id, imported_id,"
                                       " imported_at_ms) VALUES (?, ?, ?, ?, ?)"_s,
                                       {m_sourceId, table.table, sourceId, targetId, m_now});
                !mapped)
                return fail(mapped.error());
            map.insert(sourceId, targetId);
        }
        if (rows->lastError().isValid())
            return fail(sql::storeError(m_source, rows->lastError(), u"reading "_s + table.table));
        return copied;
    }

    // A row imported before: brought up to the source's when the source's is the later (the rule
    // at the top of this file), else kept as the store has it and reported.
    Result<void> refresh(const TableCopy &table, const sql::Rows &row, qint64 targetId)
    {
        const auto sourceValue = [&](const QString &column) {
            const int position = int(table.columns.indexOf(column)) + 1;
            return row.isNull(position) ? QVariant() : row.value(position);
        };
        auto current = sql::run(m_target,
                                u"SELECT "_s + table.changingColumns.join(u", "_s) + u" FROM "_s + table.table
                                    + u" WHERE id = ?"_s,
                                {targetId});
        if (!current)
            return fail(current.error());
        if (!current->next())
            return fail(ErrorCode::StoreFailure,
                        u"the imported "_s + table.table + u" row of "_s + sourceValue(table.uniqueColumn).toString()
                            + u" is no longer in the store"_s);
        ColumnValues source;
        ColumnValues store;
        bool same = true;
        for (int i = 0; i < table.changingColumns.size(); ++i) {
            const QString &column = table.changingColumns[i];
            source.insert(column, sourceValue(column));
            store.insert(column, current->isNull(i) ? QVariant() : current->value(i));
            same = same && sameValue(source.value(column), store.value(column));
        }
        current->finish();
        if (same)
            return {};
        const bool sourceLater = atOrAfter(table.table, store, source);
        const bool storeLater = atOrAfter(table.table, source, store);
        const qint64 sourceUpdated = source.value(u"updated_at_ms"_s).toLongLong();
        const qint64 storeUpdated = store.value(u"updated_at_ms"_s).toLongLong();
        if (sourceLater && (!storeLater || sourceUpdated > storeUpdated)) {
            QVariantList values;
            for (const QString &column : table.changingColumns)
                values.append(source.value(column));
            values.append(targetId);
            QStringList assignments;
            for (const QString &column : table.changingColumns)
                assignments.append(column + u" = ?"_s);
            if (auto updated = sql::run(
                    m_target, u"UPDATE "_s + table.table + u" SET "_s + assignments.join(u", "_s) + u" WHERE id = ?"_s,
                    values);
                !updated)
                return fail(updated.error());
            ++(table.table == u"orders" ? ordersUpdated : refundsUpdated);
            return {};
        }
        ImportDifference difference;
        difference.table = table.table;
        difference.number = sourceValue(table.uniqueColumn).toString();
        difference.storeState = store.value(u"state"_s).toString();
        difference.sourceState = source.value(u"state"_s).toString();
        difference.storeRefundedMinor = store.value(u"refunded_minor"_s).toLongLong();
        difference.sourceRefundedMinor = source.value(u"refunded_minor"_s).toLongLong();
        difference.storeUpdatedAtMs = storeUpdated;
        difference.sourceUpdatedAtMs = sourceUpdated;
        difference.conflict = !storeLater;
        kept.append(difference);
        if (table.table == u"orders") {
            // The totals count an order's state and refunded amount (totalsOf); its amount and
            // currency never change.
            const QString currency = sourceValue(u"currency"_s).toString();
            const qint64 amount = sourceValue(u"amount_minor"_s).toLongLong();
            const int paid = int(difference.storeState == u"PAID") - int(difference.sourceState == u"PAID");
            CurrencyHistoryTotals &delta = keptDelta[currency];
            delta.paidOrders += paid;
            delta.paidMinor += paid * amount;
            delta.refundedMinor += difference.storeRefundedMinor - difference.sourceRefundedMinor;
        }
        return {};
    }

    // The source's order number sequences: a terminal that goes on in the store never mints a
    // number it already used.
    Result<void> raiseSequences()
    {
        auto rows = sql::run(m_source, u"SELECT name, value FROM sequences ORDER BY name"_s);
        if (!rows)
            return fail(rows.error());
        const QString raise = u"INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
                              " SET value = CASE WHEN excluded.value > sequences.value THEN excluded.value"
                              " ELSE sequences.value END"_s;
        while (rows->next()) {
            if (auto done = sql::run(m_target, raise, {rows->value(0).toString(), rows->value(1).toLongLong()}); !done)
                return fail(done.error());
        }
        return {};
    }

    sql::Connection m_source;
    sql::Connection m_target;
    QString m_sourceId;
    qint64 m_now = 0;
    ImportOptions m_options;
    QHash<QString, IdMap> m_maps;
};

} // namespace

Result<HistoryTotals> OrderLog::historyTotals() const
{
    return totalsOf(d->db, {});
}

Result<ImportReport> OrderLog::importHistory(const QString &sourcePath, const ImportOptions &options)
{
    if (auto valid = checkStoreId(options.storeId); !valid)
        return fail(valid.error());
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(ErrorCode::StoreUnavailable, u"no temporary directory for the snapshot"_s);
    const QString copyPath = dir.filePath(u"snapshot.sqlite"_s);
    ImportReport report;
    const auto version = snapshot(sourcePath, copyPath);
    if (!version)
        return fail(version.error());
    report.sourceSchemaVersion = *version;
    // The copy, brought to this build's schema (never the source itself).
    auto copy = OrderLog::open(copyPath, *d->clock);
    if (!copy)
        return fail(copy.error());
    const sql::Connection &source = (*copy)->d->db;
    const auto identities = sourceIdentities(source);
    if (!identities)
        return fail(identities.error());
    const auto before = totalsOf(source, {});
    if (!before)
        return fail(before.error());
    report.source = *before;

    std::map<QString, CurrencyHistoryTotals> keptDelta;
    auto imported = d->retryingConflicts([&]() -> Result<void> {
        report.copiedNow = {};
        report.staffSkipped = 0;
        report.ordersUpdated = 0;
        report.refundsUpdated = 0;
        report.kept.clear();
        keptDelta.clear();
        auto transaction = d->writeTransaction();
        if (auto begun = transaction.begin(); !begun)
            return begun;
        // The identity this history had at an earlier import, or its current one.
        report.sourceId = identities->first();
        for (const QString &identity : *identities) {
            const auto known = sql::scalar(d->db, u"SELECT COUNT(*) FROM import_map WHERE source_id = ?"_s, {identity});
            if (!known)
                return fail(known.error());
            if (known->toLongLong() > 0) {
                report.sourceId = identity;
                break;
            }
        }
        {
            // Its statements are done with before the COMMIT.
            Importer importer(source, d->db, report.sourceId, d->now(), options);
            if (auto done = importer.run(report.copiedNow, report.staffSkipped); !done)
                return done;
            report.ordersUpdated = importer.ordersUpdated;
            report.refundsUpdated = importer.refundsUpdated;
            report.kept = importer.kept;
            keptDelta = importer.keptDelta;
        }
        return transaction.commit();
    });
    if (!imported)
        return fail(imported.error());
    report.expected = report.source;
    for (CurrencyHistoryTotals &row : report.expected.currencies) {
        const auto delta = keptDelta.find(currencyCode(row.currency));
        if (delta == keptDelta.end())
            continue;
        row.paidOrders += delta->second.paidOrders;
        row.paidMinor += delta->second.paidMinor;
        row.refundedMinor += delta->second.refundedMinor;
    }
    const auto after = totalsOf(d->db, report.sourceId);
    if (!after)
        return fail(after.error());
    report.imported = *after;
    return report;
}

} // namespace paydesk

#include "SqlSupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QStringList>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace paydesk::sql {

namespace {

constexpr int MaxBusyAttempts = 10;
constexpr qint64 FirstReconnectDelayMs = 100;
constexpr qint64 MaxReconnectDelayMs = 5'000;

thread_local int conflictCount = 0;

} // namespace

int conflictsOnThisThread()
{
    return conflictCount;
}

ErrorCode storeErrorCode(const Connection &db, const QSqlError &error)
{
    const StoreFault fault = db.backend->classify(error);
    if (fault == StoreFault::Conflict)
        ++conflictCount;
    return errorCodeFor(fault);
}

Error storeError(const Connection &db, const QSqlError &error, const QString &context)
{
    QString detail = context;
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (!text.isEmpty())
        detail += u": "_s + text;
    if (!error.nativeErrorCode().isEmpty())
        detail += u" ("_s + db.backend->name() + u' ' + error.nativeErrorCode() + u')';
    return Error{storeErrorCode(db, error), detail, {}, 0};
}

Result<void> restore(const Connection &db)
{
    Keeper *keeper = db.keeper;
    if (db.db.isOpen() || !keeper || !db.backend->reconnects())
        return {};
    if (keeper->inTransaction)
        return fail(ErrorCode::StoreUnavailable, u"the connection to the database was lost within a transaction"_s);
    const qint64 now = QDeadlineTimer::current().deadline();
    if (now < keeper->nextAttemptMs)
        return fail(ErrorCode::StoreUnavailable, u"the database is unreachable (reconnecting)"_s);
    if (db.statements)
        db.statements->clear(); // prepared in the lost session
    QSqlDatabase handle = db.db;
    handle.close(); // frees the lost connection and its notification socket
    const qint64 delay = std::min(MaxReconnectDelayMs, FirstReconnectDelayMs << std::min(keeper->failedAttempts, 6));
    if (auto opened = db.backend->open(handle, keeper->location, keeper->options); !opened) {
        ++keeper->failedAttempts;
        keeper->nextAttemptMs = now + delay;
        handle.close();
        return fail(ErrorCode::StoreUnavailable, u"the database is unreachable: "_s + opened.error().detail);
    }
    for (const QString &channel : std::as_const(keeper->channels)) {
        if (!handle.driver()->subscribeToNotification(channel)) {
            ++keeper->failedAttempts;
            keeper->nextAttemptMs = now + delay;
            handle.close();
            return fail(ErrorCode::StoreUnavailable, u"the database is reachable but LISTEN failed"_s);
        }
    }
    keeper->failedAttempts = 0;
    keeper->nextAttemptMs = 0;
    ++keeper->reconnects;
    return {};
}

namespace {

// A statement that changes nothing or starts a transaction: safe to send again on a new
// connection when the old one was found lost by sending it.
bool isSafeToRepeat(const QString &statement)
{
    return statement.startsWith(u"SELECT"_s) || statement.startsWith(u"BEGIN"_s);
}

Result<Rows> runUnprepared(const Connection &db, const QString &statement)
{
    QSqlQuery query(db.db);
    query.setForwardOnly(true);
    if (!query.exec(statement))
        return fail(storeError(db, query.lastError(), statement));
    return Rows(std::move(query));
}

Result<void> bindAndExec(const Connection &db, QSqlQuery &query, const QString &statement, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    if (!query.exec())
        return fail(storeError(db, query.lastError(), statement));
    return {};
}

Result<Rows> runPrepared(const Connection &db, const QString &statement, const QVariantList &values)
{
    QSqlQuery query(db.db);
    query.setForwardOnly(true);
    if (!query.prepare(statement))
        return fail(storeError(db, query.lastError(), statement));
    if (auto done = bindAndExec(db, query, statement, values); !done)
        return fail(done.error());
    return Rows(std::move(query));
}

} // namespace

StatementCache::~StatementCache() = default;

void StatementCache::clear()
{
    m_entries.clear();
}

Rows::Rows(QSqlQuery query) : m_owned(std::move(query)), m_query(&*m_owned)
{}

Rows::Rows(QSqlQuery &kept, bool &inUse) : m_query(&kept), m_inUse(&inUse)
{
    inUse = true;
}

Rows::Rows(Rows &&other) noexcept
    : m_owned(std::move(other.m_owned)), m_query(m_owned ? &*m_owned : other.m_query), m_inUse(other.m_inUse)
{
    other.m_query = nullptr;
    other.m_inUse = nullptr;
}

Rows::~Rows()
{
    if (!m_inUse)
        return;
    m_query->finish();
    *m_inUse = false;
}

Result<Rows> run(const Connection &db, const QString &statement, const QVariantList &values)
{
    if (auto usable = restore(db); !usable)
        return fail(usable.error());
    const auto once = [&]() -> Result<Rows> {
        if (values.isEmpty())
            return runUnprepared(db, statement);
        StatementCache *cache = db.statements;
        // A listening connection (a terminal's) prepares afresh: QPSQL was seen to hand over a
        // notification that arrived while a kept statement's rows were read only at the next
        // plain statement (as the DEALLOCATE of a fresh one is), so a kept one could hold up "Paid".
        if (!cache || (db.keeper && !db.keeper->channels.isEmpty()))
            return runPrepared(db, statement, values);
        auto found = cache->m_entries.find(statement);
        if (found != cache->m_entries.end() && found->second->inUse)
            return runPrepared(db, statement, values); // its rows are still being read
        if (found == cache->m_entries.end()) {
            if (cache->m_entries.size() >= StatementCache::MaxEntries) {
                // Statements built with a variable number of values: start over rather than grow.
                std::erase_if(cache->m_entries, [](const auto &entry) { return !entry.second->inUse; });
            }
            auto entry = std::make_unique<StatementCache::Entry>(StatementCache::Entry{QSqlQuery(db.db), false});
            entry->query.setForwardOnly(true);
            if (!entry->query.prepare(statement))
                return fail(storeError(db, entry->query.lastError(), statement));
            found = cache->m_entries.emplace(statement, std::move(entry)).first;
        }
        StatementCache::Entry &entry = *found->second;
        if (auto done = bindAndExec(db, entry.query, statement, values); !done) {
            // A statement stays prepared through a failed or rolled-back transaction; one whose
            // connection was lost is not kept (restore() empties the cache anyway).
            if (!db.db.isOpen())
                cache->m_entries.erase(found);
            return fail(done.error());
        }
        return Rows(entry.query, entry.inUse);
    };
    auto done = once();
    // Found lost by this statement (a server restart, a connection killed server-side): open a new
    // connection at once and send it again when that cannot do anything twice.
    if (!done && db.keeper && !db.keeper->inTransaction && !db.db.isOpen() && isSafeToRepeat(statement)) {
        if (auto usable = restore(db); !usable)
            return fail(usable.error());
        return once();
    }
    return done;
}

Result<QVariant> scalar(const Connection &db, const QString &statement, const QVariantList &values)
{
    auto query = run(db, statement, values);
    if (!query)
        return fail(query.error());
    if (!query->next()) {
        if (query->lastError().isValid())
            return fail(storeError(db, query->lastError(), statement));
        return fail(ErrorCode::StoreFailure, statement + u": no row"_s);
    }
    return query->value(0);
}

Result<qint64> insertReturningId(const Connection &db, const QString &insert, const QVariantList &values)
{
    // scalar() is done with its statement when it returns (a COMMIT refuses to run while a
    // statement is still stepping).
    const auto id = scalar(db, insert + db.backend->returningIdClause(), values);
    if (!id)
        return fail(id.error());
    return id->toLongLong();
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

QString bindList(QVariantList &values, const QStringList &bound)
{
    for (const QString &value : bound)
        values.append(value);
    return placeholders(bound.size());
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant nullIfZero(qint64 value)
{
    return value == 0 ? QVariant() : QVariant(value);
}

QVariant nonNull(const QString &text)
{
    return text.isNull() ? QVariant(QString(u""_s)) : QVariant(text);
}

QByteArray capRecorded(const QByteArray &body, qsizetype maxBytes)
{
    if (body.size() <= maxBytes)
        return body;
    // The marker's length depends on the count it reports; size it for the largest possible
    // count so that the stored text never exceeds maxBytes.
    const auto marker = [](qsizetype dropped) -> QByteArray {
        return QByteArray("\xe2\x80\xa6[truncated ") + QByteArray::number(dropped) + QByteArray(" bytes]");
    };
    const qsizetype keep = qMax<qsizetype>(0, maxBytes - marker(body.size()).size());
    return body.left(keep) + marker(body.size() - keep);
}

Result<Rows> runRetryingBusy(const Connection &db, const QString &statement)
{
    QElapsedTimer elapsed;
    elapsed.start();
    const qint64 budgetMs = 2 * qint64(db.busyTimeoutMs);
    for (int attempt = 1;; ++attempt) {
        auto done = run(db, statement);
        if (done)
            return done;
        if (done.error().code != ErrorCode::StoreBusy || attempt >= MaxBusyAttempts || elapsed.elapsed() >= budgetMs) {
            Error error = done.error();
            error.detail += u" (attempt "_s + QString::number(attempt) + u", "_s + QString::number(elapsed.elapsed())
                + u" ms)"_s;
            return fail(error);
        }
        const auto backoffMs = qMin(5UL << attempt, 200UL) + QRandomGenerator::global()->bounded(10U);
        QThread::msleep(backoffMs);
    }
}

Result<void> probeWritable(const Connection &db)
{
    WriteTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto written = run(db, db.backend->writeProbeStatement()); !written)
        return fail(written.error());
    transaction.rollback();
    return {};
}

WriteTransaction::WriteTransaction(const Connection &db) : m_db(db)
{}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        rollback();
}

Result<void> WriteTransaction::begin()
{
    if (auto begun = runRetryingBusy(m_db, m_db.backend->beginWriteStatement()); !begun)
        return fail(begun.error());
    m_active = true;
    if (m_db.keeper)
        m_db.keeper->inTransaction = true;
    return {};
}

Result<void> WriteTransaction::commit()
{
    if (m_db.backend->commitsThroughDriver())
        return commitThroughDriver();
    QSqlQuery query(m_db.db);
    if (!query.exec(u"COMMIT"_s)) {
        const Error error = storeError(m_db, query.lastError(), u"COMMIT"_s);
        rollback();
        return fail(error);
    }
    m_active = false;
    if (m_db.keeper)
        m_db.keeper->inTransaction = false;
    return {};
}

Result<void> WriteTransaction::commitThroughDriver()
{
    QSqlDatabase db = m_db.db;
    if (!db.commit()) {
        // QPSQL: the server answered ROLLBACK (an earlier statement failed and the server
        // refused the rest), or the connection is gone (the error then has no SQLSTATE).
        const QSqlError error = db.lastError();
        rollback();
        if (!error.nativeErrorCode().isEmpty() || !db.isOpen())
            return fail(storeError(m_db, error, u"COMMIT"_s));
        return fail(ErrorCode::StoreFailure,
                    u"COMMIT: the server rolled the transaction back (a statement in it had failed)"_s);
    }
    m_active = false;
    if (m_db.keeper)
        m_db.keeper->inTransaction = false;
    return {};
}

void WriteTransaction::rollback()
{
    // After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has already rolled back and this
    // ROLLBACK fails with "no transaction is active", which is harmless.
    m_active = false;
    if (m_db.keeper)
        m_db.keeper->inTransaction = false;
    if (!m_db.db.isOpen())
        return; // lost: the server has rolled it back
    QSqlQuery query(m_db.db);
    query.exec(u"ROLLBACK"_s);
}

} // namespace paydesk::sql

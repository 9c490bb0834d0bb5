#include "OrderLog.h"

#include "OrderLogPrivate.h"

#include <array>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr std::array StaffRoles{StaffRole::Cashier, StaffRole::Manager};

const QString StaffColumns = u"id, name, role, pin_verifier, failed_attempts, locked_until_ms, disabled,"
                             " created_at_ms, updated_at_ms"_s;

StaffAccount staffFromQuery(const sql::Rows &query)
{
    StaffAccount account;
    account.id = query.value(0).toLongLong();
    account.name = query.value(1).toString();
    account.role = staffRoleFromName(query.value(2).toString());
    account.pinVerifier = query.value(3).toString();
    account.failedAttempts = query.value(4).toInt();
    account.lockedUntilUtcMs = query.value(5).toLongLong();
    account.disabled = query.value(6).toLongLong() != 0;
    account.createdAtMs = query.value(7).toLongLong();
    account.updatedAtMs = query.value(8).toLongLong();
    return account;
}

Result<StaffAccount> readStaff(const sql::Connection &db, const QString &condition, const QVariant &value)
{
    auto query = sql::run(db, u"SELECT "_s + StaffColumns + u" FROM staff WHERE "_s + condition, {value});
    if (!query)
        return fail(query.error());
    if (query->next())
        return staffFromQuery(*query);
    if (query->lastError().isValid())
        return fail(sql::storeError(db, query->lastError(), u"reading a staff account"_s));
    return fail(ErrorCode::NotFound, u"no staff account "_s + value.toString());
}

// One UPDATE of a staff row in its own write transaction, and the row after it.
Result<StaffAccount> updateStaff(const sql::Connection &db, qint64 id, const QString &assignments, QVariantList values)
{
    sql::WriteTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    values.append(id);
    auto query = sql::run(db, u"UPDATE staff SET "_s + assignments + u" WHERE id = ?"_s, values);
    if (!query)
        return fail(query.error());
    if (query->numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, u"no staff account with id "_s + QString::number(id));
    auto account = readStaff(db, u"id = ?"_s, id);
    if (!account)
        return account;
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    return account;
}

} // namespace

QString staffRoleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Cashier:
        return u"cashier"_s;
    case StaffRole::Manager:
        return u"manager"_s;
    case StaffRole::Invalid:
        break;
    }
    return {};
}

StaffRole staffRoleFromName(QStringView name)
{
    for (const StaffRole role : StaffRoles) {
        if (name == staffRoleName(role))
            return role;
    }
    return StaffRole::Invalid;
}

Result<StaffAccount> OrderLog::createStaffAccount(const NewStaffAccount &account)
{
    if (account.name.trimmed().isEmpty() || account.role == StaffRole::Invalid || account.pinVerifier.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a staff account needs a name, a role and a PIN"_s);
    auto transaction = d->writeTransaction();
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    // Checked first so that a taken name is Duplicate on every backend, not a driver message.
    const auto taken = sql::scalar(d->db, u"SELECT COUNT(*) FROM staff WHERE name = ?"_s, {account.name});
    if (!taken)
        return fail(taken.error());
    if (taken->toLongLong() > 0)
        return fail(ErrorCode::Duplicate, u"a staff account named "_s + account.name + u" exists"_s);
    const qint64 now = d->now();
    const auto id = sql::insertReturningId(d->db,
                                           u"INSERT INTO staff (name, role, pin_verifier, failed_attempts,"
                                           " locked_until_ms, disabled, created_at_ms, updated_at_ms)"
                                           " VALUES (?, ?, ?, ?, ?, 0, ?, ?)"_s,
                                           {account.name, staffRoleName(account.role), account.pinVerifier,
                                            account.failedAttempts, account.lockedUntilUtcMs, now, now});
    if (!id)
        return fail(id.error());
    auto created = readStaff(d->db, u"id = ?"_s, *id);
    if (!created)
        return created;
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    return created;
}

Result<StaffAccount> OrderLog::staffAccountByName(const QString &name) const
{
    return readStaff(d->db, u"name = ?"_s, name);
}

Result<QList<StaffAccount>> OrderLog::staffAccounts() const
{
    auto query = sql::run(d->db, u"SELECT "_s + StaffColumns + u" FROM staff ORDER BY name"_s);
    if (!query)
        return fail(query.error());
    QList<StaffAccount> accounts;
    while (query->next())
        accounts.append(staffFromQuery(*query));
    if (query->lastError().isValid())
        return fail(sql::storeError(d->db, query->lastError(), u"reading the staff accounts"_s));
    return accounts;
}

Result<qint64> OrderLog::countStaffAccounts(StaffRole role) const
{
    const auto count
        = sql::scalar(d->db, u"SELECT COUNT(*) FROM staff WHERE role = ? AND disabled = 0"_s, {staffRoleName(role)});
    if (!count)
        return fail(count.error());
    return count->toLongLong();
}

Result<StaffAccount> OrderLog::setStaffPinVerifier(qint64 id, const QString &pinVerifier)
{
    if (pinVerifier.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a staff account needs a PIN"_s);
    return updateStaff(d->db, id, u"pin_verifier = ?, failed_attempts = 0, locked_until_ms = 0, updated_at_ms = ?"_s,
                       {pinVerifier, d->now()});
}

Result<StaffAccount> OrderLog::setStaffDisabled(qint64 id, bool disabled)
{
    return updateStaff(d->db, id, u"disabled = ?, updated_at_ms = ?"_s, {disabled ? 1 : 0, d->now()});
}

Result<StaffAccount> OrderLog::setStaffLockout(qint64 id, int failedAttempts, qint64 lockedUntilUtcMs)
{
    return updateStaff(d->db, id, u"failed_attempts = ?, locked_until_ms = ?, updated_at_ms = ?"_s,
                       {failedAttempts, lockedUntilUtcMs, d->now()});
}

Result<StaffFailureCount> OrderLog::countStaffFailure(qint64 id, qint64 nowUtcMs, int maxFailures, qint64 lockoutMs)
{
    // Every column on the right-hand side is the row before the update, on SQLite and PostgreSQL
    // alike; a lock that has run out (locked_until_ms <= now, not 0) starts the count again.
    // PostgreSQL types `THEN ? ELSE 0` as INTEGER from the 0: the lock's epoch ms need the cast.
    const QString counted = u"CASE WHEN locked_until_ms <> 0 THEN 1 ELSE failed_attempts + 1 END"_s;
    const QString update = u"UPDATE staff SET failed_attempts = "_s + counted + u", locked_until_ms = CASE WHEN "_s
        + counted
        + u" >= ? THEN CAST(? AS BIGINT) ELSE 0 END, updated_at_ms = ? WHERE id = ? AND locked_until_ms <= ? RETURNING "_s
        + StaffColumns;
    auto transaction = d->writeTransaction();
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    auto query = sql::run(d->db, update, {maxFailures, nowUtcMs + lockoutMs, nowUtcMs, id, nowUtcMs});
    if (!query)
        return fail(query.error());
    StaffFailureCount result;
    result.counted = query->next();
    if (!result.counted && query->lastError().isValid())
        return fail(sql::storeError(d->db, query->lastError(), u"counting a wrong PIN"_s));
    if (result.counted)
        result.account = staffFromQuery(*query);
    query->finish(); // a COMMIT refuses to run while the statement is still stepping
    if (!result.counted) {
        auto current = readStaff(d->db, u"id = ?"_s, id); // locked already, or no such account
        if (!current)
            return fail(current.error());
        result.account = *current;
    }
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.error());
    return result;
}

} // namespace paydesk

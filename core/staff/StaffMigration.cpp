#include "StaffService.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace paydesk {

Result<bool> StaffService::migrateManagerPin(const PinVerifier &verifier, const PinLockoutState &lockout,
                                             const QString &actor)
{
    if (verifier.isNull())
        return false;
    const auto managed = hasManager();
    if (!managed)
        return fail(managed.error());
    if (*managed)
        return false;
    const QString name = DefaultManagerName.toString();
    auto created = m_orderLog.createStaffAccount(
        {name, StaffRole::Manager, verifier.toString(), lockout.failedAttempts, lockout.lockedUntilUtcMs});
    if (!created && created.error().code == ErrorCode::Duplicate)
        return false; // another terminal of the store did it first
    if (!created)
        return fail(created.error());
    audit(u"staff_migrated"_s, actor, u"the manager PIN of the settings became the manager account "_s + name);
    return true;
}

Result<void> StaffService::adoptManagerPin(const QString &managerName, const PinVerifier &verifier,
                                           const QString &actor)
{
    if (verifier.isNull())
        return fail(ErrorCode::InvalidArgument, u"no PIN to adopt"_s);
    if (managerName.isEmpty()) {
        auto migrated = migrateManagerPin(verifier, {}, actor);
        if (!migrated)
            return fail(migrated.error());
        return {};
    }
    auto account = accountNamed(managerName);
    if (!account)
        return fail(account.error());
    if (account->role != StaffRole::Manager)
        return fail(ErrorCode::InvalidArgument, u"only a manager's PIN is set here"_s);
    auto changed = m_orderLog.setStaffPinVerifier(account->id, verifier.toString());
    if (!changed)
        return fail(changed.error());
    audit(u"staff_pin_changed"_s, actor, managerName);
    return {};
}

Result<bool> StaffService::hasManager() const
{
    auto accounts = m_orderLog.staffAccounts();
    if (!accounts)
        return fail(accounts.error());
    return std::any_of(accounts->cbegin(), accounts->cend(),
                       [](const StaffAccount &account) { return account.role == StaffRole::Manager; });
}

Result<StaffAccount> StaffService::createFirstManager(const QString &name, QStringView pin, const QString &actor)
{
    const auto managed = hasManager();
    if (!managed)
        return fail(managed.error());
    if (*managed)
        return fail(ErrorCode::InvalidArgument, u"there is a manager account already: a manager must sign in"_s);
    if (auto valid = validateName(name); !valid)
        return fail(valid.error());
    auto verifier = makePinVerifier(pin, m_pinIterations);
    if (!verifier)
        return fail(verifier.error());
    auto created = m_orderLog.createStaffAccount({name, StaffRole::Manager, verifier->toString(), 0, 0});
    if (created)
        audit(u"staff_created"_s, actor, name + u" (first manager)"_s);
    return created;
}

} // namespace paydesk

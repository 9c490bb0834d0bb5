#include "StaffService.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr qsizetype MaxNameLength = 64;

bool isPrintable(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isPrint(); });
}

} // namespace

SignInFailure signInRefusalForUi(SignInFailure reason)
{
    return reason == SignInFailure::UnknownName ? SignInFailure::WrongPin : reason;
}

StaffService::StaffService(OrderLog &orderLog, const Clock &clock, int pinIterations)
    : m_orderLog(orderLog), m_clock(clock), m_pinIterations(pinIterations)
{}

Result<void> StaffService::validateName(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxNameLength || name.trimmed() != name || !isPrintable(name))
        return fail(ErrorCode::InvalidArgument, u"a staff name is 1 to 64 printable characters"_s);
    return {};
}

void StaffService::audit(const QString &kind, const QString &actor, const QString &detail)
{
    (void)m_orderLog.recordAuditEvent(kind, actor, detail);
}

const PinVerifier &StaffService::decoy()
{
    if (!m_decoy) {
        auto made = makePinVerifier(u"000000", m_pinIterations);
        m_decoy = made ? *made : PinVerifier{};
    }
    return *m_decoy;
}

SignInResult StaffService::refuse(const QString &name, SignInFailure reason, const QString &auditDetail)
{
    audit(u"sign_in_failure"_s, name, auditDetail);
    return std::unexpected(SignInRefusal{reason, 0, 0, {}});
}

SignInResult StaffService::refuseLocked(const QString &name, const PinLockout &lockout, bool audited)
{
    if (audited)
        audit(u"sign_in_failure"_s, name, u"locked out"_s);
    return std::unexpected(
        SignInRefusal{SignInFailure::Locked, lockout.remainingLockMs(), lockout.state().lockedUntilUtcMs, {}});
}

SignInResult StaffService::signIn(const QString &name, QStringView pin)
{
    auto account = m_orderLog.staffAccountByName(name);
    if (!account && account.error().code == ErrorCode::NotFound) {
        (void)verifyPin(decoy(), pin);
        return refuse(name.left(MaxNameLength), SignInFailure::UnknownName, u"unknown name"_s);
    }
    if (!account)
        return std::unexpected(SignInRefusal{SignInFailure::StoreFailure, 0, 0, describe(account.error())});
    const PinLockout lockout(m_clock, {account->failedAttempts, account->lockedUntilUtcMs});
    if (lockout.isLocked())
        return refuseLocked(name, lockout);
    auto verifier = PinVerifier::fromString(account->pinVerifier);
    if (!verifyPin(verifier ? *verifier : PinVerifier{}, pin))
        return wrongPin(*account);
    if (account->failedAttempts != 0 || account->lockedUntilUtcMs != 0) {
        auto cleared = m_orderLog.setStaffLockout(account->id, 0, 0);
        if (!cleared)
            return std::unexpected(SignInRefusal{SignInFailure::StoreFailure, 0, 0, describe(cleared.error())});
        account = std::move(cleared);
    }
    if (account->disabled)
        return refuse(name, SignInFailure::Disabled, u"account disabled"_s);
    audit(u"sign_in"_s, name, staffRoleName(account->role));
    return *account;
}

// Counted in the order log in one statement, so that two terminals failing at once both count.
SignInResult StaffService::wrongPin(const StaffAccount &account)
{
    auto counted = m_orderLog.countStaffFailure(account.id, m_clock.nowUtcMs(), PinLockout::DefaultMaxFailures,
                                                PinLockout::DefaultLockoutMs);
    if (!counted)
        return std::unexpected(SignInRefusal{SignInFailure::StoreFailure, 0, 0, describe(counted.error())});
    const StaffAccount &after = counted->account;
    const PinLockout lockout(m_clock, {after.failedAttempts, after.lockedUntilUtcMs});
    if (!counted->counted) // another terminal locked it meanwhile
        return refuseLocked(account.name, lockout);
    if (lockout.isLocked()) {
        audit(u"sign_in_failure"_s, account.name, u"wrong PIN"_s);
        audit(u"lockout"_s, account.name,
              u"locked for "_s + QString::number(PinLockout::DefaultLockoutMs / 60'000) + u" minutes after "_s
                  + QString::number(PinLockout::DefaultMaxFailures) + u" wrong PINs"_s);
        return refuseLocked(account.name, lockout, false);
    }
    return refuse(account.name, SignInFailure::WrongPin,
                  u"wrong PIN; "_s + QString::number(lockout.attemptsLeft()) + u" attempts left"_s);
}

Result<StaffAccount> StaffService::accountNamed(const QString &name) const
{
    return m_orderLog.staffAccountByName(name);
}

Result<StaffAccount> StaffService::requireManager(const StaffAccount &manager) const
{
    auto current = accountNamed(manager.name);
    if (!current)
        return fail(current.error().code == ErrorCode::NotFound ? ErrorCode::InvalidArgument : current.error().code,
                    u"not a staff account: "_s + manager.name);
    if (current->role != StaffRole::Manager || current->disabled)
        return fail(ErrorCode::InvalidArgument, u"only a manager can do this"_s);
    return current;
}

Result<StaffAccount> StaffService::create(const StaffAccount &manager, const QString &name, StaffRole role,
                                          QStringView pin)
{
    auto by = requireManager(manager);
    if (!by)
        return by;
    if (auto valid = validateName(name); !valid)
        return fail(valid.error());
    if (role == StaffRole::Invalid)
        return fail(ErrorCode::InvalidArgument, u"a staff role is cashier or manager"_s);
    auto verifier = makePinVerifier(pin, m_pinIterations);
    if (!verifier)
        return fail(verifier.error());
    auto created = m_orderLog.createStaffAccount({name, role, verifier->toString(), 0, 0});
    if (created)
        audit(u"staff_created"_s, by->name, name + u" ("_s + staffRoleName(role) + u')');
    return created;
}

Result<StaffAccount> StaffService::disable(const StaffAccount &manager, const QString &name)
{
    auto by = requireManager(manager);
    if (!by)
        return by;
    auto account = accountNamed(name);
    if (!account || account->disabled)
        return account;
    if (account->role == StaffRole::Manager) {
        auto managers = m_orderLog.countStaffAccounts(StaffRole::Manager);
        if (!managers)
            return fail(managers.error());
        if (*managers <= 1)
            return fail(ErrorCode::InvalidArgument, u"the last manager cannot be disabled"_s);
    }
    auto disabled = m_orderLog.setStaffDisabled(account->id, true);
    if (disabled)
        audit(u"staff_disabled"_s, by->name, name);
    return disabled;
}

Result<StaffAccount> StaffService::enable(const StaffAccount &manager, const QString &name)
{
    auto by = requireManager(manager);
    if (!by)
        return by;
    auto account = accountNamed(name);
    if (!account || !account->disabled)
        return account;
    auto enabled = m_orderLog.setStaffDisabled(account->id, false);
    if (enabled)
        audit(u"staff_enabled"_s, by->name, name);
    return enabled;
}

Result<StaffAccount> StaffService::changePin(const StaffAccount &actor, const QString &name, QStringView newPin)
{
    if (actor.name != name) {
        if (auto by = requireManager(actor); !by)
            return by;
    }
    auto account = accountNamed(name);
    if (!account)
        return account;
    auto verifier = makePinVerifier(newPin, m_pinIterations);
    if (!verifier)
        return fail(verifier.error());
    auto changed = m_orderLog.setStaffPinVerifier(account->id, verifier->toString());
    if (changed)
        audit(u"staff_pin_changed"_s, actor.name, name);
    return changed;
}

} // namespace paydesk

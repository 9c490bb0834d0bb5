#pragma once

#include "common/Clock.h"
#include "config/ManagerPin.h"
#include "orders/OrderLog.h"

#include <expected>
#include <optional>

namespace paydesk {

// Why a sign-in was refused. A UI shows WrongPin and UnknownName with the same words, so that
// trying names tells nothing about which exist (signInRefusalForUi).
enum class SignInFailure {
    Invalid = 0,
    WrongPin, // counts towards the account's lock-out
    UnknownName,
    Locked, // too many wrong PINs: not even compared until the lock runs out
    Disabled, // the right PIN of a disabled account
    StoreFailure, // the order log could not be read or written
};

struct SignInRefusal
{
    SignInFailure reason = SignInFailure::Invalid;
    qint64 remainingLockMs = 0; // Locked: how long still
    qint64 lockedUntilUtcMs = 0; // Locked: until when
    QString detail; // StoreFailure: the order log's error (for logs, never a PIN)

    int remainingLockMinutes() const { return int((remainingLockMs + 59'999) / 60'000); }
};

// UnknownName reads as WrongPin; everything else as it is.
SignInFailure signInRefusalForUi(SignInFailure reason);

using SignInResult = std::expected<StaffAccount, SignInRefusal>;

// The staff rules over the accounts the order log keeps (design.md "Staff"): sign-in by name
// and PIN with a lock-out of 30 minutes after 10 wrong PINs in a row (PinLockout, on the
// injected clock, persisted on the account so that it holds on every terminal of a store),
// and the manager's actions on accounts. Every sign-in, failure and lock-out, and every change
// to an account, goes to the audit trail with the account's name as the actor; never a PIN.
class StaffService
{
public:
    static constexpr QStringView DefaultManagerName = u"manager";

    StaffService(OrderLog &orderLog, const Clock &clock, int pinIterations = DefaultPinIterations);

    SignInResult signIn(const QString &name, QStringView pin);

    // Manager actions: `manager` must be an enabled manager account (re-read, so a disabled or
    // demoted account is refused at once). InvalidArgument for a cashier, a bad name, role or
    // PIN format; Duplicate for a taken name; NotFound for no such account. Disabling the last
    // enabled manager is refused (nobody could manage the staff any more).
    Result<StaffAccount> create(const StaffAccount &manager, const QString &name, StaffRole role, QStringView pin);
    Result<StaffAccount> disable(const StaffAccount &manager, const QString &name);
    Result<StaffAccount> enable(const StaffAccount &manager, const QString &name);
    // A manager sets anyone's PIN; a cashier only their own. Clears the account's lock-out.
    Result<StaffAccount> changePin(const StaffAccount &actor, const QString &name, QStringView newPin);

    Result<QList<StaffAccount>> accounts() const { return m_orderLog.staffAccounts(); }
    Result<StaffAccount> account(const QString &name) const { return accountNamed(name); }
    // How many enabled accounts have `role` (one indexed count, not the accounts).
    Result<qint64> enabledCount(StaffRole role) const { return m_orderLog.countStaffAccounts(role); }

    // The single manager PIN of earlier versions (a verifier in the settings) becomes the
    // manager account DefaultManagerName, with its lock-out state, when the order log has no
    // manager yet: idempotent, and two terminals doing it at once make one account. True when
    // this call made it (recorded in the audit trail as "staff_migrated").
    Result<bool> migrateManagerPin(const PinVerifier &verifier, const PinLockoutState &lockout, const QString &actor);
    // A store with no manager account at all (no PIN was ever set) gets its first manager
    // without a sign-in; InvalidArgument as soon as there is one, disabled or not.
    Result<StaffAccount> createFirstManager(const QString &name, QStringView pin, const QString &actor);
    Result<bool> hasManager() const;
    // A manager PIN chosen in the settings dialog: the verifier of the manager account
    // `managerName`, or with no manager account yet the first one (migrateManagerPin).
    Result<void> adoptManagerPin(const QString &managerName, const PinVerifier &verifier, const QString &actor);

    // A staff event of the counter's (a sign-out) in the audit trail, `actor` the account's name.
    void recordAudit(const QString &kind, const QString &actor, const QString &detail) { audit(kind, actor, detail); }

    // A name is 1 to 64 printable characters without leading or trailing spaces.
    static Result<void> validateName(const QString &name);

private:
    Result<StaffAccount> requireManager(const StaffAccount &manager) const;
    Result<StaffAccount> accountNamed(const QString &name) const;
    SignInResult wrongPin(const StaffAccount &account);
    SignInResult refuse(const QString &name, SignInFailure reason, const QString &auditDetail);
    SignInResult refuseLocked(const QString &name, const PinLockout &lockout, bool audited = true);
    void audit(const QString &kind, const QString &actor, const QString &detail);
    const PinVerifier &decoy();

    OrderLog &m_orderLog;
    const Clock &m_clock;
    int m_pinIterations;
    std::optional<PinVerifier> m_decoy; // compared against for unknown names: same time as a real check
};

} // namespace paydesk

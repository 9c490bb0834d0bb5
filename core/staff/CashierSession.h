#pragma once

#include "staff/StaffService.h"

#include <optional>

namespace paydesk {

// Who is selling at this counter: the staff account signed in (name and PIN through
// StaffService, which audits every attempt), a switch to another account, a sign-out. A switch
// and a sign-out are in the audit trail as "sign_out" of the cashier who leaves. Sign-in is
// asked for as soon as the store has an enabled cashier account (signInRequired); with none,
// the counter sells under the configured cashier as before.
class CashierSession
{
public:
    explicit CashierSession(StaffService &staff) : m_staff(staff) {}

    Result<bool> signInRequired() const;
    // The enabled accounts' names, for the sign-in screen's list.
    Result<QStringList> names() const;

    // The new cashier on success (the previous one signed out, when another); the refusal
    // otherwise, the previous cashier still signed in.
    SignInResult signIn(const QString &name, QStringView pin);
    void signOut();
    // The signed-in account read again: one disabled (or removed) since its sign-in is signed out
    // ("sign_out", "account disabled") and true is returned. An order log that cannot be read
    // changes nothing: the cashier stays signed in until the store answers.
    bool recheck();

    const std::optional<StaffAccount> &cashier() const { return m_cashier; }
    QString cashierName() const { return m_cashier ? m_cashier->name : QString(); }

private:
    void recordSignOut(const QString &detail);

    StaffService &m_staff;
    std::optional<StaffAccount> m_cashier;
};

} // namespace paydesk

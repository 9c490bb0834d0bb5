#include "CashierSession.h"

using namespace Qt::StringLiterals;

namespace paydesk {

Result<bool> CashierSession::signInRequired() const
{
    auto cashiers = m_staff.enabledCount(StaffRole::Cashier);
    if (!cashiers)
        return fail(cashiers.error());
    return *cashiers > 0;
}

Result<QStringList> CashierSession::names() const
{
    auto accounts = m_staff.accounts();
    if (!accounts)
        return fail(accounts.error());
    QStringList names;
    for (const StaffAccount &account : *accounts) {
        if (!account.disabled)
            names.append(account.name);
    }
    return names;
}

SignInResult CashierSession::signIn(const QString &name, QStringView pin)
{
    auto signedIn = m_staff.signIn(name, pin);
    if (!signedIn)
        return signedIn;
    if (m_cashier && m_cashier->name != signedIn->name)
        recordSignOut(u"switched to "_s + signedIn->name);
    m_cashier = *signedIn;
    return signedIn;
}

void CashierSession::signOut()
{
    if (!m_cashier)
        return;
    recordSignOut(u"signed out"_s);
    m_cashier.reset();
}

bool CashierSession::recheck()
{
    if (!m_cashier)
        return false;
    const auto current = m_staff.account(m_cashier->name);
    const bool gone = current ? current->disabled : current.error().code == ErrorCode::NotFound;
    if (!gone)
        return false;
    recordSignOut(u"account disabled"_s);
    m_cashier.reset();
    return true;
}

void CashierSession::recordSignOut(const QString &detail)
{
    if (m_cashier)
        m_staff.recordAudit(u"sign_out"_s, m_cashier->name, detail);
}

} // namespace paydesk

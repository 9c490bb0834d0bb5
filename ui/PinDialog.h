#pragma once

#include "orders/Staff.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace paydesk {

class StaffService;
struct SignInRefusal;

// A refused sign-in in plain words, the same on the counter and in the manager view: a wrong PIN
// and an unknown name alike, a lock with the local time it ends.
QString signInRefusalText(const SignInRefusal &refusal);

// Signs a manager in with their name and PIN through the staff accounts (StaffService): 10
// wrong PINs lock the account for 30 minutes, on every terminal sharing the order log, and
// every attempt is in the audit trail. An unknown name reads the same as a wrong PIN. The name
// starts as StaffService::DefaultManagerName, the account the manager PIN of before became.
class PinDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PinDialog(StaffService &staff, QWidget *parent = nullptr);

    // The manager who signed in, once accepted.
    const std::optional<StaffAccount> &account() const { return m_account; }

public Q_SLOTS:
    void accept() override;

private:
    StaffService &m_staff;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
    std::optional<StaffAccount> m_account;
};

} // namespace paydesk

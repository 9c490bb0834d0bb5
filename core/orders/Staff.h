#pragma once

#include <QList>
#include <QString>

namespace paydesk {

// Who works at the counter (design.md "Staff"). A cashier sells; a manager also refunds,
// changes settings, reads reports and manages the staff.
enum class StaffRole {
    Invalid = 0,
    Cashier,
    Manager
};

QString staffRoleName(StaffRole role); // "cashier", "manager"
StaffRole staffRoleFromName(QStringView name); // Invalid for anything else

// A staff account as the order log keeps it (table `staff`). `pinVerifier` is the text form
// of a salted PBKDF2 verifier (config/ManagerPin.h), never a PIN; core/staff reads it.
struct StaffAccount
{
    qint64 id = 0;
    QString name; // unique
    StaffRole role = StaffRole::Invalid;
    QString pinVerifier;
    int failedAttempts = 0;
    qint64 lockedUntilUtcMs = 0; // 0: not locked
    bool disabled = false;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct NewStaffAccount
{
    QString name;
    StaffRole role = StaffRole::Invalid;
    QString pinVerifier;
    int failedAttempts = 0;
    qint64 lockedUntilUtcMs = 0;
};

// OrderLog::countStaffFailure: the account after a wrong PIN. `counted` is false when it was
// locked already (by another terminal, say), and the account is then as it stands.
struct StaffFailureCount
{
    StaffAccount account;
    bool counted = false;
};

} // namespace paydesk

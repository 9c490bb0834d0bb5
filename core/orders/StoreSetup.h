#pragma once

// Setting up a store's PostgreSQL database (design.md "Storage backends", least privilege):
// the schema brought to this build's version, PayDesk's four group roles, what each may do, and
// the login roles a store's programs connect as. Run by `paydeskctl store init` as an
// administrative role (the database's owner, with CREATEROLE); idempotent, and run again after
// an upgrade (new tables get their grants here, never in a migration).

#include "common/Error.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace paydesk {

enum class StoreRole {
    Terminal, // a counter: creates orders, moves them through the terminal's states
    Relay, // confirms payments (PAID), records notifications, creates online orders
    Manager, // refunds, staff accounts, audit
    Report, // reads only
};

inline constexpr std::array AllStoreRoles{StoreRole::Terminal, StoreRole::Relay, StoreRole::Manager, StoreRole::Report};

QString storeRoleKey(StoreRole role); // "terminal", as `--login terminal=counter1` names it
QString storeRoleGroup(StoreRole role); // "paydesk_terminal": the NOLOGIN group role
std::optional<StoreRole> storeRoleFromKey(QStringView key);
// One line on what the role may and may not do, for the set-up summary.
QString storeRoleDuties(StoreRole role);

// A login role (a user a program connects as) and the group it belongs to.
struct StoreLogin
{
    StoreRole role = StoreRole::Terminal;
    QString name;
    bool created = false; // made by this run (false: it existed and was only granted the group)
};

// InvalidArgument unless `name` is a plain lower-case PostgreSQL identifier that is none of
// PayDesk's group roles and no reserved pg_ name.
Result<void> checkLoginName(const QString &name);

struct StoreSetupReport
{
    QString location; // the store as OrderLog::path() shows it
    QString adminUser; // who ran the set-up
    int schemaVersionBefore = 0; // 0: a database without PayDesk's tables
    int schemaVersion = 0;
    bool hasRoles = false; // PostgreSQL; a SQLite file has no roles (one terminal's own file)
    QList<StoreRole> createdGroups; // group roles that did not exist before this run
    QList<StoreLogin> logins;
};

// Connects to the store at `url` (a password from a passfile or PGPASSFILE, never from the URL)
// and runs the migrations; on PostgreSQL also creates the group roles and `logins` where missing
// (no password is ever set) and grants each group what it may do. A SQLite file is created or
// migrated only (InvalidArgument with `logins`: it has no roles). InvalidArgument for a bad
// login name; StoreDenied when the connecting role may not create roles or grant.
Result<StoreSetupReport> setUpStore(const QString &url, const QList<StoreLogin> &logins);

} // namespace paydesk

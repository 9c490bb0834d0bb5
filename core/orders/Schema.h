#pragma once

// The order log's schema as an ordered list of forward migrations, version 1..latestVersion().
// A database never moves backwards: one created by a newer PayDesk is refused, not touched.

#include "SqlSupport.h"

namespace paydesk::schema {

int latestVersion();

// The version recorded in schema_version; 0 for a database without the table (a new file).
Result<int> storedVersion(const sql::Connection &db);

// Applies the steps after the stored version up to and including `upToVersion`, each in its own
// write transaction (BEGIN IMMEDIATE on SQLite; an advisory lock on PostgreSQL) that re-reads the
// version first, so two processes opening a new store at once migrate it once. Returns the version reached. StoreFailure when the database is
// newer than this code. Tests call it with an earlier `upToVersion` to build the database an
// older PayDesk left behind.
Result<int> applyMigrations(const sql::Connection &db, int upToVersion);

} // namespace paydesk::schema

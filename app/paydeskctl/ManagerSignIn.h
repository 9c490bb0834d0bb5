#pragma once

#include "orders/Staff.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace paydesk {

class StaffService;

// --manager NAME (default "manager", the account the PIN of earlier versions became) and
// --pin-file FILE: who signs in for a command that needs a manager.
void addManagerOptions(QCommandLineParser &parser);

// Signs the manager of addManagerOptions in, the PIN from --pin-file or standard input
// (readManagerPin). ExitOk with `*manager` set, or the exit code after saying why on `err`
// as "<command>: ...": ExitDenied for a wrong name or PIN (the same words for both), a lock, a
// disabled account or a cashier; ExitConfig when the store has no manager account yet;
// ExitUsage when no PIN was given; ExitStore when the order log fails.
int signInManager(StaffService &staff, const QCommandLineParser &parser, const QString &command, QTextStream &err,
                  StaffAccount *manager);

} // namespace paydesk

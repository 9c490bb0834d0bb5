#pragma once

#include "common/Error.h"
#include "config/SecretStore.h"
#include "config/Settings.h"

#include <QCommandLineParser>

#include <functional>
#include <memory>

class QCoreApplication;

namespace paydesk {

// Where a program takes the merchant key from, in order of precedence:
// --key-file FILE, --key-env VAR, the PAYDESK_MERCHANT_KEY variable, the OS keychain.
void addSecretOptions(QCommandLineParser &parser);
std::unique_ptr<SecretStore> secretStoreFor(const QCommandLineParser &parser, const QString &mchId);

// --config FILE: the settings file to use instead of the default location.
void addConfigOption(QCommandLineParser &parser);
std::unique_ptr<Settings> settingsFor(const QCommandLineParser &parser);

// Quits the application cleanly on SIGINT/SIGTERM (Ctrl+C / console close on Windows), or,
// when `onSignal` is given, calls it instead (in the main thread) so the program can wind down.
void quitOnTerminationSignals(QCoreApplication &app, std::function<void()> onSignal = {});

// Exit codes shared by the command-line programs.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1, // the operation ran and did not succeed (not paid, gateway said no)
    ExitUsage = 2, // bad command line
    ExitConfig = 3, // missing or invalid configuration or merchant key
    ExitStore = 4, // order log unavailable
    ExitNetwork = 5, // gateway unreachable or outcome unknown
    ExitDenied = 6, // the manager PIN is wrong, or locked after too many wrong ones
};

int exitCodeFor(const Error &error);

} // namespace paydesk

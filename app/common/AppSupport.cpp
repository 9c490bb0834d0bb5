#include "AppSupport.h"

#include "config/FileSecretStore.h"
#include "config/KeychainSecretStore.h"

#include <QCoreApplication>

#include <csignal>

#ifdef _WIN32
#include <windows.h>
#else
#include <QSocketNotifier>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace paydesk {

void addSecretOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("key-file"),
                      QStringLiteral("Read the merchant key from FILE (must be readable by its owner only)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("key-env"), QStringLiteral("Read the merchant key from environment variable VAR."),
                      QStringLiteral("VAR")});
}

std::unique_ptr<SecretStore> secretStoreFor(const QCommandLineParser &parser, const QString &mchId)
{
    if (parser.isSet(QStringLiteral("key-file")))
        return std::make_unique<FileSecretStore>(parser.value(QStringLiteral("key-file")));
    if (parser.isSet(QStringLiteral("key-env")))
        return std::make_unique<EnvSecretStore>(parser.value(QStringLiteral("key-env")).toLocal8Bit());
    if (qEnvironmentVariableIsSet(DefaultMerchantKeyVariable))
        return std::make_unique<EnvSecretStore>();
    return std::make_unique<KeychainSecretStore>(mchId);
}

void addConfigOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("config"), QStringLiteral("Use settings FILE instead of the default location."),
                      QStringLiteral("FILE")});
}

std::unique_ptr<Settings> settingsFor(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("config")))
        return std::make_unique<Settings>(parser.value(QStringLiteral("config")));
    return std::make_unique<Settings>();
}

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::ConfigMissing:
    case ErrorCode::SecretUnavailable:
    case ErrorCode::InvalidArgument:
    case ErrorCode::TerminalTaken:
        return ExitConfig;
    case ErrorCode::StoreUnavailable:
    case ErrorCode::StoreReadOnly:
    case ErrorCode::StoreCorrupt:
    case ErrorCode::StoreFull:
    case ErrorCode::StoreBusy:
    case ErrorCode::StoreFailure:
    case ErrorCode::StoreDenied:
        return ExitStore;
    case ErrorCode::Network:
    case ErrorCode::Timeout:
    case ErrorCode::TlsFailure:
    case ErrorCode::HttpStatus:
    case ErrorCode::Unparseable:
        return ExitNetwork;
    default:
        return ExitFailed;
    }
}

#ifdef _WIN32

namespace {
std::function<void()> s_onSignal;

BOOL WINAPI onConsoleEvent(DWORD)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [] {
            if (s_onSignal)
                s_onSignal();
            else
                QCoreApplication::quit();
        },
        Qt::QueuedConnection);
    return TRUE;
}
} // namespace

void quitOnTerminationSignals(QCoreApplication &, std::function<void()> onSignal)
{
    s_onSignal = std::move(onSignal);
    SetConsoleCtrlHandler(&onConsoleEvent, TRUE);
}

#else

namespace {
int s_signalPipe[2] = {-1, -1};

void writeSignalByte(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[0], &byte, 1); // async-signal-safe
}
} // namespace

void quitOnTerminationSignals(QCoreApplication &app, std::function<void()> onSignal)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(qintptr(s_signalPipe[1]), QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, onSignal] {
        char byte = 0;
        [[maybe_unused]] const auto bytes = ::read(s_signalPipe[1], &byte, 1);
        if (onSignal)
            onSignal();
        else
            app.quit();
    });
    struct sigaction action
    {};
    action.sa_handler = &writeSignalByte;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

#endif

} // namespace paydesk

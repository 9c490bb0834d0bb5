#include "WindowsService.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <windows.h>

namespace {

SERVICE_STATUS_HANDLE s_statusHandle = nullptr;
SERVICE_STATUS s_status{};
int s_argc = 0;
char **s_argv = nullptr;
int (*s_run)(int, char **) = nullptr;
int s_exitCode = 0;

void report(DWORD state, DWORD exitCode = NO_ERROR)
{
    s_status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    s_status.dwCurrentState = state;
    s_status.dwControlsAccepted = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
    s_status.dwWin32ExitCode = exitCode == NO_ERROR ? NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR;
    s_status.dwServiceSpecificExitCode = exitCode;
    SetServiceStatus(s_statusHandle, &s_status);
}

DWORD WINAPI onControl(DWORD control, DWORD, LPVOID, LPVOID)
{
    if (control == SERVICE_CONTROL_STOP || control == SERVICE_CONTROL_SHUTDOWN) {
        report(SERVICE_STOP_PENDING);
        if (QCoreApplication *app = QCoreApplication::instance())
            QMetaObject::invokeMethod(app, &QCoreApplication::quit, Qt::QueuedConnection);
        return NO_ERROR;
    }
    return control == SERVICE_CONTROL_INTERROGATE ? NO_ERROR : ERROR_CALL_NOT_IMPLEMENTED;
}

void WINAPI serviceMain(DWORD, LPWSTR *)
{
    s_statusHandle = RegisterServiceCtrlHandlerExW(L"PayDeskRelay", &onControl, nullptr);
    if (!s_statusHandle)
        return;
    report(SERVICE_RUNNING);
    s_exitCode = s_run(s_argc, s_argv);
    report(SERVICE_STOPPED, DWORD(s_exitCode));
}

} // namespace

int runAsWindowsService(int argc, char *argv[], int (*run)(int, char **))
{
    s_argc = argc;
    s_argv = argv;
    s_run = run;
    wchar_t name[] = L"PayDeskRelay";
    const SERVICE_TABLE_ENTRYW table[] = {{name, &serviceMain}, {nullptr, nullptr}};
    if (!StartServiceCtrlDispatcherW(table))
        return run(argc, argv); // not started by the SCM: run in the console
    return s_exitCode;
}

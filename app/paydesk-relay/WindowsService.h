#pragma once

// Windows only: runs `run` as the service "PayDeskRelay" under the Service Control Manager.
// A stop or shutdown request quits the Qt event loop, so the relay stops like on Ctrl+C.
int runAsWindowsService(int argc, char *argv[], int (*run)(int, char **));

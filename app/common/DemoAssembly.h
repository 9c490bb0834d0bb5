#pragma once

#include "config/SecretStore.h"
#include "config/Settings.h"
#include "demo/DemoEnvironment.h"

#include <memory>

namespace paydesk {

// Demo mode: starts the simulator and the relay on loopback and points `settings` (a throw-away
// file) at them — demo merchant, simulator URL, notify URL, order log, relay as a "service" (the
// demo's own) — so that the counter is then assembled exactly as with real settings.
Result<std::unique_ptr<DemoEnvironment>> startDemo(Settings &settings, const DemoOptions &options, const Clock &clock,
                                                   QNetworkAccessManager *network);

// The demo merchant key, in memory.
std::unique_ptr<SecretStore> demoSecrets();

} // namespace paydesk

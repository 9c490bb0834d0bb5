#pragma once

#include "CounterAssembly.h"

#include <QCommandLineParser>

namespace paydesk {

// --order-log FILE and --gateway URL: the order log and gateway URL instead of the configured ones.
void addCounterOverrideOptions(QCommandLineParser &parser);

// The counter of the settings, with the overrides of addCounterOverrideOptions.
Result<std::unique_ptr<CounterAssembly>> counterFor(const QCommandLineParser &parser, Settings &settings,
                                                    SecretStore &secrets, QNetworkAccessManager *network,
                                                    const Clock &clock);

} // namespace paydesk

#pragma once

#include "config/Settings.h"
#include "relay/RelayService.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace paydesk {

// Command-line flags of the online-order features, all off by default:
// the merchant back-end endpoint (--api ...) and iOnline Pay (--ionline ...).
void addOnlineOptions(QCommandLineParser &parser);

// Fills options.api and options.ionline from the flags (options.notify must already hold the
// IOTPay merchant id and key). Writes what is wrong to `err`; false then.
bool applyOnlineOptions(const QCommandLineParser &parser, const Settings &settings, RelayOptions &options,
                        QTextStream &err);

} // namespace paydesk

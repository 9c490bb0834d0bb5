#pragma once

#include "common/MerchantKey.h"
#include "config/Settings.h"
#include "relay/RelayService.h"

namespace paydesk {

// The notification relay's options from the settings and the merchant key: listener, order log,
// the IOTPay notify path, the online orders' reconcile interval. paydesk-relay starts from these
// (its flags override them); the counter's in-process relay uses them as they are.
RelayOptions relayOptionsFrom(const Settings &settings, const MerchantKey &key);

// The settings keys relayOptionsFrom reads, and relay/mode: a change needs a relay restart.
bool isRelayKey(QStringView key);

} // namespace paydesk

#pragma once

#include "common/Error.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "gateway/PaymentGateway.h"

#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace paydesk {

// The one place that picks and builds the counter's payment gateway from the settings and the
// secret store (through the gateway registry: today the counter sells through IOTPay). ConfigMissing without a
// merchant id, the secret store's error without a key. `baseUrlOverride`, when valid, replaces
// the configured gateway URL (paydeskctl --gateway).
Result<std::unique_ptr<PaymentGateway>> makeGateway(const Settings &settings, SecretStore &secrets,
                                                    QNetworkAccessManager *network, const QUrl &baseUrlOverride = {});

// The counter's gateway from explicit merchant details (the registry's, like makeGateway's).
Result<std::unique_ptr<PaymentGateway>> makeGateway(const MerchantDetails &details, int deadlineMs,
                                                    QNetworkAccessManager &network);

// What the settings screen's "Test connection" is given: a gateway from the details being
// edited, answering within 10 s. `network` must outlive the function.
std::function<Result<std::unique_ptr<PaymentGateway>>(const MerchantDetails &)>
connectionTestGateways(QNetworkAccessManager *network);

// The settings keys makeGateway reads: a change of one of them needs a new gateway.
bool isGatewayKey(QStringView key);

} // namespace paydesk

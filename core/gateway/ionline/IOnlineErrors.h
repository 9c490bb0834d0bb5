#pragma once

#include "common/Error.h"

#include <QStringView>

namespace paydesk::ionline {

// iOnline Pay's error classifier: its err_code (WeChat Pay's names, passed through; payment-api.md
// §13.3, unverified, §16) as one of PayDesk's typed gateway errors. ORDERNOTEXIST NoSuchOrder,
// SYSTEMERROR OutcomeUnknown (the order may exist); anything else GatewayFail.
ErrorCode errorCodeFor(QStringView gatewayCode);

} // namespace paydesk::ionline

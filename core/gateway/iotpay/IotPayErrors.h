#pragma once

#include "common/Error.h"

#include <QStringView>

namespace paydesk::iotpay {

// IOTPay's error classifier (payment-api.md §4.4): its errCode, or the code the decoder derived
// from retMsg, as one of PayDesk's typed gateway errors. 0013 SignatureRejected, 0015
// MerchantUnknown, 0014 RequestRejected, 0112 NoSuchOrder, 0113 AlreadyPaid; system error,
// third-party timeout or exception, DB error (0010, 0110, 0111, 0118, SYSTEMERROR) OutcomeUnknown
// — the order may exist; anything else GatewayFail.
ErrorCode errorCodeFor(QStringView gatewayCode);

// The code IOTPay puts in retMsg-only failures, from the message text: "0013" when it speaks of
// the signature, "0010" of a system error or timeout, "0014" of parameters, else empty.
QString codeFromMessage(const QString &message);

} // namespace paydesk::iotpay

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

// A micropay (scan-to-pay) failure as the wallet's refusal: InsufficientFunds,
// PaymentCodeRejected (expired, used or invalid code), WalletRiskControl, or Invalid when
// `gatewayCode` and `message` say none of these. WeChat's and Alipay's codes as IOTPay relays
// them (NOTENOUGH, AUTH_CODE_INVALID, ACQ.PAYMENT_AUTH_CODE_INVALID, …) and their words.
ErrorCode micropayRefusalFor(QStringView gatewayCode, const QString &message);

// True when a micropay failure only says the customer is still confirming (USERPAYING,
// "user paying", "password"): the order exists and is queried.
bool isUserPaying(QStringView gatewayCode, const QString &message);

} // namespace paydesk::iotpay

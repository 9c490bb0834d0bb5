#pragma once

#include "gateway/PaymentGateway.h"

#include <QString>

namespace paydesk {

// "Test connection" in Settings: a signed query_order for an order that cannot exist. The
// gateway's answer tells whether the merchant id and key are right and the network works.
enum class ConnectionVerdict {
    Invalid = 0,
    Ok, // signed query accepted (order not found, as expected)
    KeyWrong, // signature error, or a reply that does not verify with our key
    MerchantUnknown,
    NetworkDown, // unreachable, timeout, TLS failure, redirect
    Unexpected, // anything else: the detail says what
};

QString probeOrderNumber(qint64 nowUtcMs); // "PAYDESKTEST<ms>", never a real order
ConnectionVerdict classifyConnectionCheck(const Result<GatewayResponse> &result);

} // namespace paydesk

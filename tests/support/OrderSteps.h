#pragma once

// Shortcuts the order tests share for moving orders through their states.

#include "orders/OrderLog.h"

namespace paydesk::testing {

// The details of a move to PAID by `actor`, with the gateway's payment order id.
inline TransitionDetails paidBy(const QString &actor, const QString &payOrderId)
{
    TransitionDetails details;
    details.actor = actor;
    details.payOrderId = payOrderId;
    return details;
}

} // namespace paydesk::testing

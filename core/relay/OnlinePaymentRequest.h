#pragma once

#include "common/Error.h"
#include "gateway/GatewayTypes.h"
#include "money/Channel.h"
#include "money/Money.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace paydesk {

// A payment asked for by a mini program or an app through the merchant back-end endpoint.
struct OnlinePaymentRequest
{
    Channel channel = Channel::Invalid; // WX_JSAPI (mini program) or WX_APP
    Money amount;
    QString subject;
    QString body; // defaults to subject
    QString openId; // WX_JSAPI only
    QString appId;
    QString clientOrderRef; // optional: the caller's own order id, one order per ref
    QString clientIp; // optional: the payer's address; else the caller's
    QString gateway; // a registered gateway's name; defaults to the configured one
};

// Strict JSON: one object of the keys above ("channel", "amount" (an integer JSON number of
// minor units, 1..DefaultMaxAmountMinor), "currency", "subject", "body", "openId", "appId",
// "clientOrderRef", "clientIp", "gateway"), no other key, no key twice. InvalidArgument with
// what is wrong, e.g. "amount: must be an integer number of minor units".
Result<OnlinePaymentRequest> parseOnlinePaymentRequest(const QByteArray &json, const QStringList &enabledGateways,
                                                       const QString &defaultGateway);

// The gateway request for an order already in the log: extra per payment-api.md §4.2,
// param1 = clientOrderRef (echoed by IOTPay's notify; iOnline's attach).
OrderRequest toOrderRequest(const OnlinePaymentRequest &payment, const QString &mchOrderNo, const QString &notifyUrl,
                            const QString &device);

} // namespace paydesk

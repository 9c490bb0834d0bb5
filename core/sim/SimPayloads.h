#pragma once

#include "common/MerchantKey.h"

#include <QJsonObject>
#include <QString>

// What the simulated gateways hand out: QR links shaped like the real ones and the client-side
// payment parameters of WeChat's mini program and app SDK. Internal to core/sim.

namespace paydesk::sim {

QString randomToken(int length);

// The QR link of a counter channel; empty for any other channel.
QString qrPayloadFor(const QString &channelId);

bool isClientPayChannel(const QString &channelId); // WX_JSAPI, WX_APP

// Checks the channel's `extra` (payment-api.md §4.2); an empty string when it is right,
// otherwise what is wrong, as IOTPay's parameter error text.
QString extraProblem(const QString &channelId, const QJsonObject &extra);

// The payParams WeChat's client side takes, signed with `key` the way WeChat Pay v2 signs
// them (MD5 of the sorted fields and &key=, upper case) so they look real:
// WX_JSAPI {appId,timeStamp,nonceStr,package:"prepay_id=…",signType:"MD5",paySign};
// WX_APP {appid,partnerid,prepayid,package:"Sign=WXPay",noncestr,timestamp,sign}.
QJsonObject wxPayParams(const QString &channelId, const QString &appId, const QString &partnerId, qint64 nowUtcMs,
                        const MerchantKey &key);

} // namespace paydesk::sim

#pragma once

#include "common/Error.h"
#include "money/Channel.h"

#include <QJsonObject>

namespace paydesk {

// The client-side parameters WeChat's SDKs take for a WX_JSAPI / WX_APP payment, whichever
// gateway made the order (payment-api.md §4.2): JSAPI needs appId, timeStamp, nonceStr, package
// ("prepay_id=…"), signType and paySign, all handed to wx.requestPayment as strings (numbers are
// turned into their digits); WX_APP needs appid, partnerid, prepayid, package, noncestr,
// timestamp and sign. Unparseable when one is missing, not a string or integer, empty, too long
// or contains control characters. Returns the object to give the client.
Result<QJsonObject> checkWxPayParams(Channel channel, const QJsonObject &payParams);

} // namespace paydesk

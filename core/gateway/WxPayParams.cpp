#include "WxPayParams.h"

#include "gateway/JsonReply.h"

#include <QStringList>

#include <algorithm>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxPayParamChars = 512;

} // namespace

Result<QJsonObject> checkWxPayParams(Channel channel, const QJsonObject &payParams)
{
    static const QStringList jsapiKeys
        = {u"appId"_s, u"timeStamp"_s, u"nonceStr"_s, u"package"_s, u"signType"_s, u"paySign"_s};
    static const QStringList appKeys
        = {u"appid"_s, u"partnerid"_s, u"prepayid"_s, u"package"_s, u"noncestr"_s, u"timestamp"_s, u"sign"_s};
    const bool jsapi = channel == Channel::WxJsapi;
    if (!jsapi && channel != Channel::WxApp)
        return JsonReply::unparseable(u"no client payment parameters for channel "_s + channelId(channel));
    QJsonObject checked;
    for (const QString &key : jsapi ? jsapiKeys : appKeys) {
        const QJsonValue value = payParams.value(key);
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble() && value.toDouble() == double(value.toInteger()) && value.toInteger() >= 0)
            text = QString::number(value.toInteger());
        else
            return JsonReply::unparseable(u"payParams."_s + key + u" is missing or not a string"_s);
        if (text.isEmpty() || text.size() > MaxPayParamChars || std::any_of(text.cbegin(), text.cend(), [](QChar c) {
                return c.unicode() < 0x20 || c.unicode() == 0x7f;
            }))
            return JsonReply::unparseable(u"payParams."_s + key + u" is empty, too long or has control characters"_s);
        checked.insert(key, jsapi ? QJsonValue(text) : value);
    }
    if (jsapi && !checked.value(u"package").toString().startsWith(u"prepay_id="))
        return JsonReply::unparseable(u"payParams.package is not \"prepay_id=…\""_s);
    return checked;
}

} // namespace paydesk

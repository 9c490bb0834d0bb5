#include "SimPayloads.h"

#include "gateway/Signer.h"

#include <QRandomGenerator>

namespace paydesk::sim {

using namespace Qt::StringLiterals;

QString randomToken(int length)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString token;
    for (int i = 0; i < length; ++i)
        token += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return token;
}

QString qrPayloadFor(const QString &channelId)
{
    if (channelId == u"WX_NATIVE")
        return u"weixin://wxpay/bizpayurl?pr=" + randomToken(7);
    if (channelId == u"ALIPAY_QR")
        return u"https://qr.alipay.com/bax0" + randomToken(20);
    if (channelId == u"UPI_QR")
        return u"https://qr.95516.com/00010000/" + randomToken(24);
    return {};
}

bool isClientPayChannel(const QString &channelId)
{
    return channelId == u"WX_JSAPI" || channelId == u"WX_APP";
}

QString extraProblem(const QString &channelId, const QJsonObject &extra)
{
    const auto missing = [&extra](QStringView key) { return extra.value(key).toString().trimmed().isEmpty(); };
    if (channelId == u"WX_NATIVE" && missing(u"productId"))
        return u"extra.productId required for WX_NATIVE"_s;
    if (channelId == u"WX_JSAPI") {
        if (extra.value(u"type").toString() != u"minipay")
            return u"extra.type must be minipay for WX_JSAPI"_s;
        if (missing(u"openId") || missing(u"appId"))
            return u"extra.openId and extra.appId required for WX_JSAPI"_s;
    }
    if (channelId == u"WX_APP") {
        if (extra.value(u"type").toString() != u"apppay")
            return u"extra.type must be apppay for WX_APP"_s;
        if (missing(u"appId"))
            return u"extra.appId required for WX_APP"_s;
    }
    return {};
}

QJsonObject wxPayParams(const QString &channelId, const QString &appId, const QString &partnerId, qint64 nowUtcMs,
                        const MerchantKey &key)
{
    const QString prepayId = u"wx"_s + QString::number(nowUtcMs) + randomToken(16);
    const QString nonce = randomToken(32);
    const QString timestamp = QString::number(nowUtcMs / 1000);
    ParamList fields;
    QString signName;
    if (channelId == u"WX_JSAPI") {
        fields = {{u"appId"_s, appId},
                  {u"timeStamp"_s, timestamp},
                  {u"nonceStr"_s, nonce},
                  {u"package"_s, u"prepay_id="_s + prepayId},
                  {u"signType"_s, u"MD5"_s}};
        signName = u"paySign"_s;
    } else {
        fields = {{u"appid"_s, appId},       {u"partnerid"_s, partnerId},
                  {u"prepayid"_s, prepayId}, {u"package"_s, u"Sign=WXPay"_s},
                  {u"noncestr"_s, nonce},    {u"timestamp"_s, timestamp}};
        signName = u"sign"_s;
    }
    QJsonObject params;
    for (const auto &[name, value] : fields)
        params.insert(name, value);
    params.insert(signName, Signer::sign(fields, key));
    return params;
}

} // namespace paydesk::sim

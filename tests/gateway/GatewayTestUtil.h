#pragma once

#include "gateway/GatewayTypes.h"
#include "gateway/Signer.h"
#include "gateway/iotpay/IotPayCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace paydesk::testutil {

inline MerchantKey testKey()
{
    return MerchantKey(QByteArrayLiteral("TESTKEY0123456789"));
}

inline MerchantIdentity testMerchant()
{
    return MerchantIdentity{QStringLiteral("10000701"), QStringLiteral("cashier01")};
}

// payment-api.md §14.2 vector 2.
inline OrderRequest vector2Order()
{
    OrderRequest request;
    request.mchOrderNo = QStringLiteral("POS20240101123000001");
    request.channel = Channel::WxNative;
    request.amount = Money{2865, Currency::CAD};
    request.subject = QStringLiteral("Order 1001");
    request.body = QStringLiteral("2 items");
    request.notifyUrl = QStringLiteral("https://example.com/iotpay/notify");
    request.clientIp = QStringLiteral("192.168.1.20");
    request.device = QStringLiteral("POS01");
    request.extra = QJsonObject{{QStringLiteral("productId"), QStringLiteral("1001")}};
    return request;
}

// Signs a reply the way the gateway does (independently of the decoder: top-level strings and
// integers, objects left out) and serialises it.
inline QByteArray signedReply(QJsonObject reply, const MerchantKey &key = testKey())
{
    ParamList fields;
    for (auto it = reply.constBegin(); it != reply.constEnd(); ++it) {
        if (it.value().isString())
            fields.append({it.key(), it.value().toString()});
        else if (it.value().isDouble())
            fields.append({it.key(), QString::number(it.value().toInteger())});
    }
    reply.insert(QStringLiteral("sign"), Signer::sign(fields, key));
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

inline QJsonObject successEnvelope()
{
    return QJsonObject{{QStringLiteral("retCode"), QStringLiteral("SUCCESS")},
                       {QStringLiteral("retMsg"), QString()},
                       {QStringLiteral("resCode"), QStringLiteral("SUCCESS")}};
}

// A signed create_order success for vector 2's order.
inline QJsonObject createSuccessFields()
{
    QJsonObject reply = successEnvelope();
    reply.insert(QStringLiteral("payOrderId"), QStringLiteral("P01202401011230000001"));
    reply.insert(QStringLiteral("mchOrderNo"), QStringLiteral("POS20240101123000001"));
    reply.insert(QStringLiteral("amount"), 2865);
    reply.insert(QStringLiteral("currency"), QStringLiteral("CAD"));
    reply.insert(QStringLiteral("channelId"), QStringLiteral("WX_NATIVE"));
    reply.insert(QStringLiteral("codeUrl"), QStringLiteral("weixin://wxpay/bizpayurl?pr=abc123"));
    return reply;
}

} // namespace paydesk::testutil

#include "NotifyFactory.h"

#include <QUrl>

namespace paydesk::test {

ParamList notifyFields(const QString &mchOrderNo, qint64 amountMinor, const QString &currency)
{
    return {
        {QStringLiteral("payOrderId"), u"P0701" + mchOrderNo.right(12)},
        {QStringLiteral("mchId"), QString::fromLatin1(TestMchId)},
        {QStringLiteral("mchOrderNo"), mchOrderNo},
        {QStringLiteral("channelId"), QStringLiteral("WX_NATIVE")},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("amount"), QString::number(amountMinor)},
        {QStringLiteral("status"), QStringLiteral("2")},
        {QStringLiteral("clientIp"), QStringLiteral("192.168.1.20")},
        {QStringLiteral("device"), QStringLiteral("POS01")},
        {QStringLiteral("subject"), QStringLiteral("Order 1001")},
        {QStringLiteral("channelOrderNo"), QStringLiteral("4200001234202401011234567890")},
        {QStringLiteral("param1"), QString()},
        {QStringLiteral("param2"), QString()},
        {QStringLiteral("paySuccTime"), QStringLiteral("1704112345678")},
        {QStringLiteral("backType"), QStringLiteral("2")},
    };
}

ParamList signedFields(ParamList fields, const MerchantKey &key)
{
    fields.append({QStringLiteral("sign"), Signer::sign(fields, key)});
    return fields;
}

ParamList withField(ParamList fields, const QString &name, const QString &value)
{
    for (auto &field : fields) {
        if (field.first == name)
            field.second = value;
    }
    return fields;
}

QByteArray formEncode(const ParamList &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace paydesk::test

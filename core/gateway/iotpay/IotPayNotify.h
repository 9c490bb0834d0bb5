#pragma once

#include "common/MerchantKey.h"
#include "gateway/NotifyVerifier.h"
#include "gateway/iotpay/IotPayName.h"

namespace paydesk {

struct IotPayNotifyConfig
{
    QString mchId;
    MerchantKey key;
    QByteArray path = iotpay::DefaultNotifyPath.toByteArray();
};

// IOTPay's payment notification (design.md "Notification relay rules", payment-api.md §8): GET or
// POST, the fields in the query string and/or a form body (decodeNotifyParams), `sign` 32
// upper-case hex verified over every received pair, mchId ours, status 2, mchOrderNo, amount
// and currency well-formed.
class IotPayNotifyVerifier final : public NotifyVerifier
{
public:
    explicit IotPayNotifyVerifier(IotPayNotifyConfig config);

    QString gatewayName() const override { return iotpay::Name.toString(); }
    QByteArray path() const override { return m_config.path; }
    bool acceptsMethod(QByteArrayView method) const override { return method == "POST" || method == "GET"; }
    QByteArray allowedMethods() const override { return QByteArrayLiteral("GET, POST"); }
    QByteArray refusalPrefix() const override { return QByteArrayLiteral("rejected: "); }
    NotifyCheck verify(const HttpRequest &request) const override;

private:
    IotPayNotifyConfig m_config;
};

} // namespace paydesk

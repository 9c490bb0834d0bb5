#pragma once

#include "common/MerchantKey.h"
#include "gateway/GatewayClientBase.h"
#include "gateway/iotpay/IotPayCodec.h"
#include "gateway/iotpay/IotPayName.h"

#include <QUrl>

class QNetworkAccessManager;

namespace paydesk {

struct IotPayConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.iotpaycloud.com/v1/"));
    MerchantIdentity merchant;
    MerchantKey key;
    int deadlineMs = 15'000; // total per call, not only inactivity
    qint64 maxReplyBytes = 1 << 20; // larger replies are Unparseable
    // A success reply without `sign` is BadSignature. Off until IOTPay's sandbox confirms every
    // success is signed (payment-api.md §16.7); a `sign` that is present is always verified.
    bool requireSignedReplies = false;
};

// IOTPay v1 over the shared client base (GatewayClientBase: total deadline, no redirects, TLS
// errors fatal, replies for another order or amount ResponseMismatch): POST `params=` forms to
// <baseUrl>/create_order etc. A WX_JSAPI / WX_APP create reply must carry the
// client's payParams (IotPayCodec::checkPayParams), returned in GatewayResponse::payParams.
// A *_MICROPAY create (scan to pay) is decoded by IotPayCodec::decodeMicropayResponse; its
// payment code is masked in the kept request JSON, the recorded reply and every log line.
class IotPayClient final : public GatewayClientBase
{
    Q_OBJECT

public:
    IotPayClient(QNetworkAccessManager *network, IotPayConfig config, QObject *parent = nullptr);

    GatewayCall *createOrder(const OrderRequest &request) override;
    GatewayCall *queryOrder(const OrderLookup &lookup) override;
    GatewayCall *refundOrder(const RefundRequest &request) override;
    QString name() const override { return iotpay::Name.toString(); }
    bool accepts(Channel channel, Currency currency) const override;
    Result<Channel> micropayChannelFor(const PaymentCode &code) const override;

    const IotPayConfig &config() const { return m_config; }

private:
    struct PostOptions
    {
        Channel payParamsChannel = Channel::Invalid; // WX_JSAPI / WX_APP: payParams checked
        bool micropay = false; // *_MICROPAY: the scan-to-pay reply decoder
        PaymentCode paymentCode; // redacted from everything kept or logged
    };

    GatewayCall *post(GatewayCall::Kind kind, const QString &endpoint, Result<ParamList> params,
                      const QString &expectMchOrderNo, std::optional<qint64> expectAmount, const PostOptions &options);

    IotPayConfig m_config;
};

} // namespace paydesk

#pragma once

#include "common/Clock.h"
#include "common/MerchantKey.h"
#include "gateway/GatewayClientBase.h"
#include "gateway/ionline/IOnlineName.h"
#include "gateway/ionline/IOnlinePayCodec.h"

#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace paydesk {

struct IOnlinePayConfig
{
    QUrl gatewayUrl = QUrl(QStringLiteral("https://pay.ionlinepay.com/gateway/"));
    IOnlineMerchant merchant;
    MerchantKey key;
    int deadlineMs = 15'000; // total per call
    qint64 maxReplyBytes = 1 << 20;
    qint64 validityMs = 0; // > 0: time_start/time_expire sent with create
    // Off until the Security Specification confirms every reply is signed (§16.14); a `sign`
    // that is present is always verified.
    bool requireSignedReplies = false;
};

// iOnline Pay (payment-api.md §13) over the shared client base (GatewayClientBase): form POSTs
// of the `service` fields to one gateway URL, JSON replies. createOrder supports
// WX_JSAPI (jspay, mini program) and WX_APP (inapp); refundOrder is RequestInvalid: the refund
// service is not documented (§13.3).
class IOnlinePayClient final : public GatewayClientBase
{
    Q_OBJECT

public:
    using NonceSource = std::function<QString()>;

    IOnlinePayClient(QNetworkAccessManager *network, IOnlinePayConfig config, const Clock &clock,
                     QObject *parent = nullptr);

    GatewayCall *createOrder(const OrderRequest &request) override;
    GatewayCall *queryOrder(const OrderLookup &lookup) override;
    GatewayCall *refundOrder(const RefundRequest &request) override;
    QString name() const override { return ionline::Name.toString(); }
    bool accepts(Channel channel, Currency currency) const override;

    const IOnlinePayConfig &config() const { return m_config; }
    void setNonceSource(NonceSource source) { m_nonce = std::move(source); } // tests

    static QString randomNonce(); // 32 hex characters from the system CSPRNG

private:
    GatewayCall *post(GatewayCall::Kind kind, Result<ParamList> params, const QString &expectOrderNo,
                      std::optional<qint64> expectAmount);
    IOnlinePayCodec::RequestContext context() const;

    IOnlinePayConfig m_config;
    const Clock &m_clock;
    NonceSource m_nonce;
};

} // namespace paydesk

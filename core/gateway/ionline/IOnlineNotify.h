#pragma once

#include "common/MerchantKey.h"
#include "gateway/NotifyVerifier.h"
#include "gateway/Signer.h"
#include "gateway/ionline/IOnlineName.h"
#include "money/Money.h"

namespace paydesk {

struct IOnlineNotifyConfig
{
    bool enabled = false;
    QString mchId;
    MerchantKey key;
    Currency currency = Currency::Invalid; // the account's; a notify without fee_type is in it
    QByteArray notifyPath = ionline::DefaultNotifyPath.toByteArray();
};

// iOnline Pay's XML notify (payment-api.md §13.4): POST only, no query string, an XML body in
// UTF-8 decoded strictly (decodeXmlNotify: no DTD, no entities), signature verified
// (IOnlinePayCodec::verify, §13.5), mch_id ours, status and result_code "0" when present,
// out_trade_no, total_fee and fee_type well-formed; the currency is fee_type, else the account's.
class IOnlineNotifyVerifier final : public NotifyVerifier
{
public:
    explicit IOnlineNotifyVerifier(IOnlineNotifyConfig config);

    QString gatewayName() const override { return ionline::Name.toString(); }
    QByteArray path() const override { return m_config.notifyPath; }
    bool acceptsMethod(QByteArrayView method) const override { return method == "POST"; }
    QByteArray allowedMethods() const override { return QByteArrayLiteral("POST"); }
    QByteArray refusalPrefix() const override { return QByteArrayLiteral("fail: "); }
    NotifyCheck verify(const HttpRequest &request) const override;

private:
    std::optional<NotifyRefusal> checkFields(const ParamList &fields) const;

    IOnlineNotifyConfig m_config;
};

} // namespace paydesk

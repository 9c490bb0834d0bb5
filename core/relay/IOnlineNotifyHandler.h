#pragma once

#include "common/Clock.h"
#include "common/MerchantKey.h"
#include "gateway/Signer.h"
#include "money/Money.h"
#include "relay/NotifyHandler.h"

namespace paydesk {

struct IOnlineNotifyConfig
{
    bool enabled = false;
    QString mchId;
    MerchantKey key;
    Currency currency = Currency::Invalid;   // the account's; a notify without fee_type is in it
    QByteArray notifyPath = QByteArrayLiteral("/notify/ionline");
};

// iOnline Pay's XML notify (payment-api.md §13.4) under the relay rules of design.md: decoded
// strictly (decodeXmlNotify: no DTD, no entities), signature verified (IOnlinePayCodec::verify,
// §13.5), mch_id ours, status and result_code "0" when present, out_trade_no an iOnline order
// of ours, total_fee and currency (fee_type, else the account's) equal to the order's, then
// applied through OrderLog::confirmPayment and answered exactly `success` after the commit.
// Everything else is answered otherwise and recorded for the audit view (gateway "ionline").
class IOnlineNotifyHandler
{
public:
    IOnlineNotifyHandler(IOnlineNotifyConfig config, const Clock &clock);

    NotifyVerdict handle(const HttpRequest &request, OrderLog &orderLog) const;
    bool isNotifyPath(const QByteArray &rawPath) const { return m_config.enabled && rawPath == m_config.notifyPath; }
    const IOnlineNotifyConfig &config() const { return m_config; }

private:
    NotifyVerdict reject(OrderLog &orderLog, const HttpRequest &request, int status, const QString &reason,
                         const QString &mchOrderNo) const;
    std::optional<NotifyVerdict> checkFields(const ParamList &fields, const HttpRequest &request,
                                             OrderLog &orderLog) const;

    IOnlineNotifyConfig m_config;
    const Clock &m_clock;
};

} // namespace paydesk

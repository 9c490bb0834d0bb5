#include "IotPayNotify.h"

#include "gateway/Signer.h"
#include "gateway/iotpay/IotPayNotifyDecoder.h"

#include <QRegularExpression>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

std::unexpected<NotifyRefusal> refuse(int status, const QString &reason, const QString &mchOrderNo)
{
    return std::unexpected<NotifyRefusal>(NotifyRefusal{status, reason, mchOrderNo});
}

} // namespace

IotPayNotifyVerifier::IotPayNotifyVerifier(IotPayNotifyConfig config) : m_config(std::move(config))
{}

NotifyCheck IotPayNotifyVerifier::verify(const HttpRequest &request) const
{
    static const QRegularExpression signFormat(u"^[0-9A-F]{32}$"_s);
    static const QRegularExpression orderNumber(u"^[A-Za-z0-9]{1,30}$"_s);
    static const QRegularExpression positive(u"^[1-9][0-9]{0,17}$"_s);
    auto decoded = decodeNotifyParams(request);
    if (!decoded)
        return refuse(400, decoded.error().detail, {});
    const ParamList &params = *decoded;
    const QString mchOrderNo = paramValue(params, u"mchOrderNo");

    const QString claimedSign = paramValue(params, u"sign");
    if (claimedSign.isEmpty())
        return refuse(403, u"signature missing"_s, mchOrderNo);
    // IOTPay always signs in upper case: anything else did not come from it unaltered. (The
    // signer itself compares case-insensitively, as the gateway does for our requests.)
    if (!signFormat.match(claimedSign).hasMatch())
        return refuse(403, u"malformed signature (32 upper-case hex characters expected)"_s, mchOrderNo);
    if (!Signer::verify(params, m_config.key, claimedSign))
        return refuse(403, u"signature mismatch"_s, mchOrderNo);

    if (paramValue(params, u"mchId") != m_config.mchId)
        return refuse(403, u"foreign merchant id"_s, mchOrderNo);
    if (paramValue(params, u"status") != u"2")
        return refuse(400, u"status is not 2 (paid)"_s, mchOrderNo);
    if (!orderNumber.match(mchOrderNo).hasMatch())
        return refuse(400, u"malformed mchOrderNo"_s, mchOrderNo);
    const QString amountText = paramValue(params, u"amount");
    if (!positive.match(amountText).hasMatch())
        return refuse(400, u"malformed amount"_s, mchOrderNo);
    const Currency currency = currencyFromCode(paramValue(params, u"currency"));
    if (currency == Currency::Invalid)
        return refuse(400, u"unknown currency"_s, mchOrderNo);

    NotifyFacts facts;
    facts.mchOrderNo = mchOrderNo;
    facts.payOrderId = paramValue(params, u"payOrderId").left(64);
    facts.amount = Money{amountText.toLongLong(), currency};
    facts.channelOrderNo = paramValue(params, u"channelOrderNo").left(64);
    facts.paidAtMs = std::max<qint64>(0, paramValue(params, u"paySuccTime").toLongLong());
    return facts;
}

} // namespace paydesk

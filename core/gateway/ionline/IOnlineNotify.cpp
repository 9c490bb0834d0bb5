#include "IOnlineNotify.h"

#include "gateway/Signer.h"
#include "gateway/ionline/IOnlinePayCodec.h"
#include "gateway/ionline/XmlNotifyDecoder.h"

#include <QRegularExpression>

#include <algorithm>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

bool has(const ParamList &params, QStringView name)
{
    return std::any_of(params.cbegin(), params.cend(), [name](const auto &field) { return field.first == name; });
}

// XML only; a charset, when given, must be UTF-8. No Content-Type at all is tolerated.
bool acceptableContentType(const QByteArray &header)
{
    if (header.isEmpty())
        return true;
    const QList<QByteArray> parts = header.toLower().split(';');
    const QByteArray type = parts.value(0).trimmed();
    if (type != "text/xml" && type != "application/xml")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        if (parameter.startsWith("charset=") && parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"")
            return false;
    }
    return true;
}

std::unexpected<NotifyRefusal> refuse(int status, const QString &reason, const QString &mchOrderNo = {})
{
    return std::unexpected<NotifyRefusal>(NotifyRefusal{status, reason, mchOrderNo});
}

} // namespace

IOnlineNotifyVerifier::IOnlineNotifyVerifier(IOnlineNotifyConfig config) : m_config(std::move(config))
{}

// Signature first, then whose and what it is.
std::optional<NotifyRefusal> IOnlineNotifyVerifier::checkFields(const ParamList &fields) const
{
    static const QRegularExpression orderNumber(u"^[A-Za-z0-9]{1,32}$"_s);
    static const QRegularExpression positive(u"^[1-9][0-9]{0,17}$"_s);
    const QString mchOrderNo = paramValue(fields, u"out_trade_no");
    const QString claimedSign = paramValue(fields, u"sign");
    if (claimedSign.isEmpty())
        return NotifyRefusal{403, u"signature missing"_s, mchOrderNo};
    if (!IOnlinePayCodec::verify(fields, m_config.key, claimedSign))
        return NotifyRefusal{403, u"signature mismatch"_s, mchOrderNo};
    if (paramValue(fields, u"mch_id") != m_config.mchId)
        return NotifyRefusal{403, u"foreign merchant id"_s, mchOrderNo};
    for (QStringView name : {u"status", u"result_code"}) {
        if (has(fields, name) && paramValue(fields, name) != u"0")
            return NotifyRefusal{400, name.toString() + u" is not 0 (not a payment)"_s, mchOrderNo};
    }
    if (!orderNumber.match(mchOrderNo).hasMatch())
        return NotifyRefusal{400, u"malformed out_trade_no"_s, mchOrderNo};
    if (!positive.match(paramValue(fields, u"total_fee")).hasMatch())
        return NotifyRefusal{400, u"malformed total_fee"_s, mchOrderNo};
    if (has(fields, u"fee_type") && currencyFromCode(paramValue(fields, u"fee_type")) == Currency::Invalid)
        return NotifyRefusal{400, u"unknown fee_type"_s, mchOrderNo};
    return std::nullopt;
}

NotifyCheck IOnlineNotifyVerifier::verify(const HttpRequest &request) const
{
    if (!request.rawQuery.isEmpty())
        return refuse(400, u"query string on the XML notify"_s);
    if (request.headerCount("Content-Type") > 1 || !acceptableContentType(request.header("Content-Type")))
        return refuse(415, u"content type is not XML in UTF-8"_s);
    auto fields = decodeXmlNotify(request.body);
    if (!fields)
        return refuse(400, fields.error().detail);
    if (auto refused = checkFields(*fields))
        return std::unexpected<NotifyRefusal>(*refused);

    const QString feeType = paramValue(*fields, u"fee_type");
    NotifyFacts facts;
    facts.mchOrderNo = paramValue(*fields, u"out_trade_no");
    facts.payOrderId = paramValue(*fields, u"transaction_id").left(64);
    facts.amount = Money{paramValue(*fields, u"total_fee").toLongLong(),
                         feeType.isEmpty() ? m_config.currency : currencyFromCode(feeType)};
    facts.channelOrderNo = paramValue(*fields, u"out_transaction_id").left(64);
    facts.paidAtMs = IOnlinePayCodec::parseGmt8Timestamp(paramValue(*fields, u"time_end")).value_or(0);
    return facts;
}

} // namespace paydesk

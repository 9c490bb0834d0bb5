#include "IOnlinePayClient.h"

#include "gateway/ionline/IOnlineChannels.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>

namespace paydesk {
namespace {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcIOnline, "paydesk.gateway.ionline")

} // namespace

IOnlinePayClient::IOnlinePayClient(QNetworkAccessManager *network, IOnlinePayConfig config, const Clock &clock,
                                   QObject *parent)
    : GatewayClientBase(network, lcIOnline(), parent), m_config(std::move(config)), m_clock(clock),
      m_nonce(&randomNonce)
{}

QString IOnlinePayClient::randomNonce()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

IOnlinePayCodec::RequestContext IOnlinePayClient::context() const
{
    return {m_nonce(), m_clock.nowUtcMs(), m_config.validityMs};
}

GatewayCall *IOnlinePayClient::createOrder(const OrderRequest &request)
{
    return post(GatewayCall::Kind::CreateOrder,
                IOnlinePayCodec::createOrderParams(request, m_config.merchant, context()), request.mchOrderNo,
                request.amount.minor);
}

GatewayCall *IOnlinePayClient::queryOrder(const OrderLookup &lookup)
{
    return post(GatewayCall::Kind::QueryOrder, IOnlinePayCodec::queryOrderParams(lookup, m_config.merchant, context()),
                lookup.mchOrderNo, std::nullopt);
}

GatewayCall *IOnlinePayClient::refundOrder(const RefundRequest &request)
{
    return failLater(
        GatewayCall::Kind::RefundOrder, u"refund"_s, request.mchRefundNo,
        Error{ErrorCode::RequestInvalid, u"iOnline Pay refunds are not supported (service not documented)"_s, {}, 0});
}

// A create goes out at most once (sendOnce); an ambiguous outcome is resolved with queryOrder.
GatewayCall *IOnlinePayClient::post(GatewayCall::Kind kind, Result<ParamList> params, const QString &expectOrderNo,
                                    std::optional<qint64> expectAmount)
{
    if (!params)
        return failLater(kind, u"request"_s, expectOrderNo, params.error());
    Request request;
    request.kind = kind;
    request.operation = paramValue(*params, u"service");
    request.label = expectOrderNo;
    request.url = m_config.gatewayUrl;
    request.params = *params;
    request.orderField = u"out_trade_no"_s;
    request.expectMchOrderNo = expectOrderNo;
    request.amountField = u"total_fee"_s;
    request.expectAmountMinor = expectAmount;
    request.deadlineMs = m_config.deadlineMs;
    request.maxReplyBytes = m_config.maxReplyBytes;
    request.signedForm
        = [key = m_config.key](const ParamList &fields) { return IOnlinePayCodec::signedFormBody(fields, key); };
    request.signedJson
        = [key = m_config.key](const ParamList &fields) { return IOnlinePayCodec::signedJson(fields, key); };
    request.decode = [key = m_config.key, required = m_config.requireSignedReplies](const QByteArray &body) {
        return IOnlinePayCodec::decodeResponse(body, key, required);
    };
    request.explainFailure = [](const Error &error, const QByteArray &body) {
        if (error.code == ErrorCode::BadSignature) {
            qCWarning(lcIOnline).noquote()
                << "reply canonical string:"
                << IOnlinePayCodec::canonicalStringRedacted(IOnlinePayCodec::responseSignedFields(body));
        }
    };
    return send(std::move(request), !m_config.key.isEmpty());
}

bool IOnlinePayClient::accepts(Channel channel, Currency currency) const
{
    return ionline::accepts(m_config.merchant.currency, channel, currency);
}

} // namespace paydesk

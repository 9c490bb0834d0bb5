#include "IotPayClient.h"

#include "gateway/iotpay/IotPayChannels.h"
#include "gateway/iotpay/IotPayPaymentCode.h"

#include <QLoggingCategory>

namespace paydesk {
namespace {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGateway, "paydesk.gateway")

QUrl endpointUrl(const QUrl &base, const QString &endpoint)
{
    // Appending (not QUrl::resolved) so ".../v1" and ".../v1/" both reach ".../v1/<endpoint>".
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + endpoint);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace

IotPayClient::IotPayClient(QNetworkAccessManager *network, IotPayConfig config, QObject *parent)
    : GatewayClientBase(network, lcGateway(), parent), m_config(std::move(config))
{}

GatewayCall *IotPayClient::createOrder(const OrderRequest &request)
{
    const bool clientPays = request.channel == Channel::WxJsapi || request.channel == Channel::WxApp;
    PostOptions options;
    options.payParamsChannel = clientPays ? request.channel : Channel::Invalid;
    options.micropay = isMicropayChannel(request.channel);
    options.paymentCode = request.paymentCode;
    return post(GatewayCall::Kind::CreateOrder, u"create_order"_s,
                IotPayCodec::createOrderParams(request, m_config.merchant), request.mchOrderNo, request.amount.minor,
                options);
}

GatewayCall *IotPayClient::queryOrder(const OrderLookup &lookup)
{
    // The lookup does not know the amount; the caller compares it with its own record.
    return post(GatewayCall::Kind::QueryOrder, u"query_order"_s,
                IotPayCodec::queryOrderParams(lookup, m_config.merchant), lookup.mchOrderNo, std::nullopt,
                PostOptions());
}

GatewayCall *IotPayClient::refundOrder(const RefundRequest &request)
{
    return post(GatewayCall::Kind::RefundOrder, u"refund_order"_s,
                IotPayCodec::refundOrderParams(request, m_config.merchant), QString(), std::nullopt, PostOptions());
}

GatewayCall *IotPayClient::post(GatewayCall::Kind kind, const QString &endpoint, Result<ParamList> params,
                                const QString &expectMchOrderNo, std::optional<qint64> expectAmount,
                                const PostOptions &options)
{
    if (!params)
        return failLater(kind, endpoint, expectMchOrderNo, params.error());
    const Channel payParamsChannel = options.payParamsChannel;
    // The payment code leaves in identityCode and nowhere else: the request JSON kept for the
    // order log, the canonical strings of failure logs and the recorded reply show ****1234.
    const PaymentCode code = options.paymentCode;
    Request request;
    request.kind = kind;
    request.operation = endpoint;
    for (QStringView name : {u"mchOrderNo", u"mchRefundNo", u"payOrderId"}) {
        if (request.label.isEmpty())
            request.label = paramValue(*params, name);
    }
    request.url = endpointUrl(m_config.baseUrl, endpoint);
    request.params = *params;
    request.orderField = u"mchOrderNo"_s;
    request.expectMchOrderNo = expectMchOrderNo;
    request.amountField = u"amount"_s;
    request.expectAmountMinor = expectAmount;
    request.expectPayOrderId = paramValue(*params, u"payOrderId");
    request.deadlineMs = m_config.deadlineMs;
    request.maxReplyBytes = m_config.maxReplyBytes;
    request.signedForm
        = [key = m_config.key](const ParamList &fields) { return IotPayCodec::signedFormBody(fields, key); };
    request.signedJson = [key = m_config.key, code](const ParamList &fields) {
        return code.redact(IotPayCodec::signedJson(fields, key));
    };
    request.decode = [key = m_config.key, required = m_config.requireSignedReplies, code,
                      micropay = options.micropay](const QByteArray &body) {
        Result<GatewayResponse> decoded = micropay ? IotPayCodec::decodeMicropayResponse(body, key, required)
                                                   : IotPayCodec::decodeResponse(body, key, required);
        if (!decoded) {
            Error error = decoded.error();
            error.detail = code.redact(error.detail);
            return Result<GatewayResponse>(fail(std::move(error)));
        }
        decoded->raw = code.redact(decoded->raw);
        return decoded;
    };
    if (payParamsChannel != Channel::Invalid) {
        // WX_JSAPI / WX_APP: the client's payParams must be there, and only the checked ones go on.
        request.check = [payParamsChannel](GatewayResponse &response) -> Result<void> {
            auto payParams = IotPayCodec::checkPayParams(payParamsChannel, response.payParams);
            if (!payParams)
                return fail(payParams.error());
            response.payParams = *payParams;
            return {};
        };
    }
    // The redacted strings let support compare with the gateway's side without the key.
    request.explainFailure = [fields = *params, code](const Error &error, const QByteArray &body) {
        if (error.code == ErrorCode::BadSignature) {
            qCWarning(lcGateway).noquote()
                << "reply canonical string:"
                << code.redact(Signer::canonicalStringRedacted(IotPayCodec::responseSignedFields(body)));
        } else if (error.code == ErrorCode::SignatureRejected) {
            qCWarning(lcGateway).noquote()
                << "request canonical string:" << code.redact(Signer::canonicalStringRedacted(fields));
        }
    };
    return send(std::move(request), !m_config.key.isEmpty());
}

bool IotPayClient::accepts(Channel channel, Currency currency) const
{
    return channelAcceptsCurrency(channel, currency);
}

Result<Channel> IotPayClient::micropayChannelFor(const PaymentCode &code) const
{
    return iotpay::micropayChannelFor(code);
}

} // namespace paydesk

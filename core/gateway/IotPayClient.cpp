#include "IotPayClient.h"

#include "gateway/GatewayTransport.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>

namespace paydesk {
namespace {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGateway, "paydesk.gateway")

// What one call expects of its reply, and what its log lines name.
struct Expectation
{
    QString endpoint;
    QString mchOrderNo;
    std::optional<qint64> amountMinor;
    QString payOrderId;
    QString label;          // the order or refund number for log lines
    ParamList request;      // for the redacted canonical string on a signature error
    Channel payParamsChannel = Channel::Invalid;   // create on WX_JSAPI / WX_APP: payParams required
};

QString paramValue(const ParamList &params, QStringView name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

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

Result<GatewayResponse> applyExpectation(Result<GatewayResponse> result, const Expectation &expect)
{
    if (!result)
        return result;
    if (auto ok = IotPayCodec::checkMatches(*result, expect.mchOrderNo, expect.amountMinor); !ok)
        return fail(ok.error());
    if (!expect.payOrderId.isEmpty() && !result->payOrderId.isEmpty() && result->payOrderId != expect.payOrderId) {
        return fail(ErrorCode::ResponseMismatch,
                    u"reply is for payOrderId %1, expected %2"_s.arg(GatewayTransport::printableStart(result->payOrderId.toUtf8(), 64),
                                                                      expect.payOrderId));
    }
    if (expect.payParamsChannel != Channel::Invalid) {
        auto payParams = IotPayCodec::checkPayParams(expect.payParamsChannel, result->payParams);
        if (!payParams)
            return fail(payParams.error());
        result->payParams = *payParams;
    }
    return result;
}

void logOutcome(const Expectation &expect, const Result<GatewayResponse> &result, const QByteArray &body)
{
    if (result) {
        qCInfo(lcGateway).noquote() << expect.endpoint << expect.label << "ok payOrderId" << result->payOrderId;
        return;
    }
    const Error &error = result.error();
    qCWarning(lcGateway).noquote() << expect.endpoint << expect.label << describe(error);
    // The redacted strings let support compare with the gateway's side without the key.
    if (error.code == ErrorCode::BadSignature) {
        qCWarning(lcGateway).noquote()
            << "reply canonical string:" << Signer::canonicalStringRedacted(IotPayCodec::responseSignedFields(body));
    } else if (error.code == ErrorCode::GatewayFail && error.gatewayCode == u"0013") {
        qCWarning(lcGateway).noquote() << "request canonical string:" << Signer::canonicalStringRedacted(expect.request);
    }
}

void finishLater(GatewayCall *call, const Expectation &expect, Error error)
{
    logOutcome(expect, fail(error), {});
    QMetaObject::invokeMethod(
        call, [call, error = std::move(error)] { call->finish(fail(error)); }, Qt::QueuedConnection);
}

} // namespace

IotPayClient::IotPayClient(QNetworkAccessManager *network, IotPayConfig config, QObject *parent)
    : PaymentGateway(parent)
    , m_network(network)
    , m_config(std::move(config))
{
}

GatewayCall *IotPayClient::createOrder(const OrderRequest &request)
{
    const bool clientPays = request.channel == Channel::WxJsapi || request.channel == Channel::WxApp;
    return post(GatewayCall::Kind::CreateOrder, u"create_order"_s,
                IotPayCodec::createOrderParams(request, m_config.merchant), request.mchOrderNo,
                request.amount.minor, clientPays ? request.channel : Channel::Invalid);
}

GatewayCall *IotPayClient::queryOrder(const OrderLookup &lookup)
{
    // The lookup does not know the amount; the caller compares it with its own record.
    return post(GatewayCall::Kind::QueryOrder, u"query_order"_s,
                IotPayCodec::queryOrderParams(lookup, m_config.merchant), lookup.mchOrderNo, std::nullopt);
}

GatewayCall *IotPayClient::refundOrder(const RefundRequest &request)
{
    return post(GatewayCall::Kind::RefundOrder, u"refund_order"_s,
                IotPayCodec::refundOrderParams(request, m_config.merchant), QString(), std::nullopt);
}

// create_order and refund_order go out at most once (sendOnce); nothing here retries.
// An ambiguous outcome is for the caller to resolve with queryOrder.
GatewayCall *IotPayClient::post(GatewayCall::Kind kind, const QString &endpoint, Result<ParamList> params,
                                QString expectMchOrderNo, std::optional<qint64> expectAmount,
                                Channel payParamsChannel)
{
    auto *call = new GatewayCall(kind, this);
    Expectation expect{endpoint, expectMchOrderNo, expectAmount, {}, expectMchOrderNo, {}, payParamsChannel};
    if (!params) {
        finishLater(call, expect, params.error());
        return call;
    }
    expect.payOrderId = paramValue(*params, u"payOrderId");
    for (QStringView name : {u"mchOrderNo", u"mchRefundNo", u"payOrderId"}) {
        if (expect.label.isEmpty())
            expect.label = paramValue(*params, name);
    }
    expect.request = *params;
    if (m_config.key.isEmpty() || m_network == nullptr) {
        finishLater(call, expect, Error{ErrorCode::ConfigMissing, u"merchant key or network not configured"_s, {}, 0});
        return call;
    }

    call->setRequestJson(IotPayCodec::signedJson(*params, m_config.key));
    GatewayTransport::PostOptions options;
    options.url = endpointUrl(m_config.baseUrl, endpoint);
    options.form = IotPayCodec::signedFormBody(*params, m_config.key);
    options.sendOnce = kind != GatewayCall::Kind::QueryOrder;
    options.deadlineMs = m_config.deadlineMs;
    options.maxReplyBytes = m_config.maxReplyBytes;
    const auto onReply = [call, config = m_config, expect = std::move(expect)](Result<QByteArray> body) {
        Result<GatewayResponse> result = fail(ErrorCode::Invalid);
        if (body)
            result = IotPayCodec::decodeResponse(*body, config.key, config.requireSignedReplies);
        else
            result = fail(body.error());
        result = applyExpectation(std::move(result), expect);
        logOutcome(expect, result, body.value_or(QByteArray()));
        call->finish(std::move(result));
    };
    GatewayTransport::postForm(*m_network, call, options, onReply);
    return call;
}

bool IotPayClient::isNoSuchOrder(const Error &queryError) const
{
    return queryError.code == ErrorCode::GatewayFail && queryError.gatewayCode == u"0112";
}

} // namespace paydesk

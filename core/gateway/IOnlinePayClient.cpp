#include "IOnlinePayClient.h"

#include "gateway/GatewayTransport.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>

namespace paydesk {
namespace {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcIOnline, "paydesk.gateway.ionline")

struct Expectation
{
    QString service;
    QString orderNo;
    std::optional<qint64> amountMinor;
    ParamList request;      // for the redacted canonical string on a signature error
};

QString paramValue(const ParamList &params, QStringView name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

Result<GatewayResponse> applyExpectation(Result<GatewayResponse> result, const Expectation &expect)
{
    if (!result)
        return result;
    if (!expect.orderNo.isEmpty() && !result->mchOrderNo.isEmpty() && result->mchOrderNo != expect.orderNo) {
        return fail(ErrorCode::ResponseMismatch, u"reply is for out_trade_no %1, expected %2"_s.arg(
                                                     GatewayTransport::printableStart(result->mchOrderNo.toUtf8(), 40),
                                                     expect.orderNo));
    }
    if (expect.amountMinor && result->amountMinor && *result->amountMinor != *expect.amountMinor) {
        return fail(ErrorCode::ResponseMismatch,
                    u"reply is for total_fee %1, expected %2"_s.arg(*result->amountMinor).arg(*expect.amountMinor));
    }
    return result;
}

void logOutcome(const Expectation &expect, const Result<GatewayResponse> &result, const QByteArray &body)
{
    if (result) {
        qCInfo(lcIOnline).noquote() << expect.service << expect.orderNo << "ok transaction_id" << result->payOrderId;
        return;
    }
    qCWarning(lcIOnline).noquote() << expect.service << expect.orderNo << describe(result.error());
    if (result.error().code == ErrorCode::BadSignature) {
        qCWarning(lcIOnline).noquote() << "reply canonical string:"
                                       << IOnlinePayCodec::canonicalStringRedacted(IOnlinePayCodec::responseSignedFields(body));
    }
}

void finishLater(GatewayCall *call, const Expectation &expect, Error error)
{
    logOutcome(expect, fail(error), {});
    QMetaObject::invokeMethod(call, [call, error = std::move(error)] { call->finish(fail(error)); }, Qt::QueuedConnection);
}

} // namespace

IOnlinePayClient::IOnlinePayClient(QNetworkAccessManager *network, IOnlinePayConfig config, const Clock &clock,
                                   QObject *parent)
    : PaymentGateway(parent), m_network(network), m_config(std::move(config)), m_clock(clock), m_nonce(&randomNonce)
{
}

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
    return post(GatewayCall::Kind::CreateOrder, IOnlinePayCodec::createOrderParams(request, m_config.merchant, context()),
                request.mchOrderNo, request.amount.minor);
}

GatewayCall *IOnlinePayClient::queryOrder(const OrderLookup &lookup)
{
    return post(GatewayCall::Kind::QueryOrder, IOnlinePayCodec::queryOrderParams(lookup, m_config.merchant, context()),
                lookup.mchOrderNo, std::nullopt);
}

GatewayCall *IOnlinePayClient::refundOrder(const RefundRequest &request)
{
    auto *call = new GatewayCall(GatewayCall::Kind::RefundOrder, this);
    finishLater(call, {u"refund"_s, request.mchRefundNo, std::nullopt, {}},
                Error{ErrorCode::RequestInvalid, u"iOnline Pay refunds are not supported (service not documented)"_s, {}, 0});
    return call;
}

// A create goes out at most once (sendOnce); an ambiguous outcome is resolved with queryOrder.
GatewayCall *IOnlinePayClient::post(GatewayCall::Kind kind, Result<ParamList> params, QString expectOrderNo,
                                    std::optional<qint64> expectAmount)
{
    auto *call = new GatewayCall(kind, this);
    Expectation expect{params ? paramValue(*params, u"service") : u"ionline"_s, expectOrderNo, expectAmount, {}};
    if (!params) {
        finishLater(call, expect, params.error());
        return call;
    }
    expect.request = *params;
    if (m_config.key.isEmpty() || m_network == nullptr) {
        finishLater(call, expect, Error{ErrorCode::ConfigMissing, u"merchant key or network not configured"_s, {}, 0});
        return call;
    }
    call->setRequestJson(IOnlinePayCodec::signedJson(*params, m_config.key));
    GatewayTransport::PostOptions options;
    options.url = m_config.gatewayUrl;
    options.form = IOnlinePayCodec::signedFormBody(*params, m_config.key);
    options.sendOnce = kind != GatewayCall::Kind::QueryOrder;
    options.deadlineMs = m_config.deadlineMs;
    options.maxReplyBytes = m_config.maxReplyBytes;
    const auto onReply = [call, config = m_config, expect = std::move(expect)](Result<QByteArray> body) {
        Result<GatewayResponse> result = fail(ErrorCode::Invalid);
        if (body)
            result = IOnlinePayCodec::decodeResponse(*body, config.key, config.requireSignedReplies);
        else
            result = fail(body.error());
        result = applyExpectation(std::move(result), expect);
        logOutcome(expect, result, body.value_or(QByteArray()));
        call->finish(std::move(result));
    };
    GatewayTransport::postForm(*m_network, call, options, onReply);
    return call;
}

bool IOnlinePayClient::isNoSuchOrder(const Error &queryError) const
{
    return queryError.code == ErrorCode::GatewayFail && queryError.gatewayCode == u"ORDERNOTEXIST";
}

} // namespace paydesk

#include "GatewayClientBase.h"

#include <QNetworkAccessManager>

namespace paydesk {
namespace {

using namespace Qt::StringLiterals;

QString shown(const QString &value)
{
    return GatewayTransport::printableStart(value.toUtf8(), 64);
}

} // namespace

Result<void> checkReplyMatches(const GatewayResponse &response, const QString &orderField, const QString &mchOrderNo,
                               const QString &amountField, std::optional<qint64> amountMinor, const QString &payOrderId)
{
    if (!mchOrderNo.isEmpty() && !response.mchOrderNo.isEmpty() && response.mchOrderNo != mchOrderNo) {
        return fail(ErrorCode::ResponseMismatch,
                    u"reply is for %1 %2, expected %3"_s.arg(orderField, shown(response.mchOrderNo), mchOrderNo));
    }
    if (amountMinor && response.amount && response.amount->minor != *amountMinor) {
        return fail(
            ErrorCode::ResponseMismatch,
            u"reply is for %1 %2, expected %3"_s.arg(amountField).arg(response.amount->minor).arg(*amountMinor));
    }
    if (!payOrderId.isEmpty() && !response.payOrderId.isEmpty() && response.payOrderId != payOrderId) {
        return fail(ErrorCode::ResponseMismatch,
                    u"reply is for payOrderId %1, expected %2"_s.arg(shown(response.payOrderId), payOrderId));
    }
    return {};
}

namespace {

struct Outcome
{
    const QLoggingCategory &category;
    QString operation;
    QString label;
    std::function<void(const Error &, const QByteArray &)> explainFailure;

    void log(const Result<GatewayResponse> &result, const QByteArray &body) const
    {
        if (result) {
            qCInfo(category).noquote() << operation << label << "ok payOrderId" << result->payOrderId;
            return;
        }
        qCWarning(category).noquote() << operation << label << describe(result.error());
        if (explainFailure)
            explainFailure(result.error(), body);
    }
};

} // namespace

GatewayClientBase::GatewayClientBase(QNetworkAccessManager *network, const QLoggingCategory &category, QObject *parent)
    : PaymentGateway(parent), m_network(network), m_category(category)
{}

GatewayClientBase::~GatewayClientBase() = default;

GatewayCall *GatewayClientBase::failLater(GatewayCall::Kind kind, const QString &operation, const QString &label,
                                          Error error)
{
    auto *call = new GatewayCall(kind, this);
    Outcome{m_category, operation, label, {}}.log(fail(error), {});
    QMetaObject::invokeMethod(
        call, [call, error = std::move(error)] { call->finish(fail(error)); }, Qt::QueuedConnection);
    return call;
}

GatewayCall *GatewayClientBase::send(Request request, bool haveKey)
{
    if (!haveKey || m_network == nullptr) {
        return failLater(request.kind, request.operation, request.label,
                         Error{ErrorCode::ConfigMissing, u"merchant key or network not configured"_s, {}, 0});
    }
    auto *call = new GatewayCall(request.kind, this);
    call->setRequestJson(request.signedJson(request.params));
    GatewayTransport::PostOptions options;
    options.url = request.url;
    options.form = request.signedForm(request.params);
    options.sendOnce = request.kind != GatewayCall::Kind::QueryOrder;
    options.deadlineMs = request.deadlineMs;
    options.maxReplyBytes = request.maxReplyBytes;
    const auto onReply = [call, request = std::move(request), &category = m_category](Result<QByteArray> body) {
        Result<GatewayResponse> result = body ? request.decode(*body) : Result<GatewayResponse>(fail(body.error()));
        if (result) {
            auto ok = checkReplyMatches(*result, request.orderField, request.expectMchOrderNo, request.amountField,
                                        request.expectAmountMinor, request.expectPayOrderId);
            if (ok && request.check)
                ok = request.check(*result);
            if (!ok)
                result = fail(ok.error());
        }
        Outcome{category, request.operation, request.label, request.explainFailure}.log(result,
                                                                                        body.value_or(QByteArray()));
        call->finish(std::move(result));
    };
    GatewayTransport::postForm(*m_network, call, options, onReply);
    return call;
}

} // namespace paydesk

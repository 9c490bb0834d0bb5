#include "IotPayClient.h"

#include <QIODevice>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <memory>

namespace paydesk {
namespace {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGateway, "paydesk.gateway")

constexpr qsizetype HttpDetailBytes = 200;

// What one call expects of its reply, and what its log lines name.
struct Expectation
{
    QString endpoint;
    QString mchOrderNo;
    std::optional<qint64> amountMinor;
    QString payOrderId;
    QString label;          // the order or refund number for log lines
    ParamList request;      // for the redacted canonical string on a signature error
};

struct CallState
{
    QByteArray body;
    std::optional<Error> abortReason;
    QStringList tlsErrors;
};

// A request body that can be read exactly once. Qt's HTTP layer silently resends a request
// whose connection closed before any reply: harmless for a query, a second order or refund
// for create_order/refund_order. A body that cannot be rewound
// turns that resend into QNetworkReply::ContentReSendError, which we report as ambiguous.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool atEnd() const override { return m_position >= m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_position; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (atEnd())
            return -1;
        const qint64 count = std::min(maxSize, qint64(m_data.size() - m_position));
        std::memcpy(data, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_position = 0;
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

QNetworkRequest makeRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded; charset=UTF-8"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    // A followed redirect turns the POST into a GET somewhere else: refuse instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    return request;
}

QString bodyStart(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(HttpDetailBytes));
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return text;
}

Error makeError(ErrorCode code, QString detail, int httpStatus = 0)
{
    return Error{code, std::move(detail), {}, httpStatus};
}

// Transport-level outcome first; only a complete 2xx body is handed to the codec.
Result<GatewayResponse> classifyReply(QNetworkReply *reply, const CallState &state, const IotPayConfig &config)
{
    if (state.abortReason)
        return fail(*state.abortReason);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::SslHandshakeFailedError || (error != QNetworkReply::NoError && !state.tlsErrors.isEmpty())) {
        return fail(makeError(ErrorCode::TlsFailure, state.tlsErrors.isEmpty() ? reply->errorString()
                                                                                : state.tlsErrors.join(u"; ")));
    }
    if (status >= 300 && status < 400) {
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        return fail(makeError(ErrorCode::Redirected,
                              u"HTTP %1 redirect to '%2' not followed"_s.arg(status).arg(bodyStart(target.toEncoded())),
                              status));
    }
    if (status != 0 && (status < 200 || status >= 300))
        return fail(makeError(ErrorCode::HttpStatus, bodyStart(state.body), status));
    if (error == QNetworkReply::OperationCanceledError)
        return fail(makeError(ErrorCode::Timeout, u"transfer cancelled: "_s + reply->errorString(), status));
    if (error == QNetworkReply::ContentReSendError) {
        return fail(makeError(ErrorCode::Network, u"connection closed before a reply; the request was not resent"_s));
    }
    if (error != QNetworkReply::NoError)
        return fail(makeError(ErrorCode::Network, reply->errorString(), status));
    if (status == 0)
        return fail(makeError(ErrorCode::Network, u"no HTTP status in the reply"_s));
    if (state.body.size() > config.maxReplyBytes)
        return fail(makeError(ErrorCode::Unparseable, u"reply larger than %1 bytes"_s.arg(config.maxReplyBytes)));
    return IotPayCodec::decodeResponse(state.body, config.key, config.requireSignedReplies);
}

Result<GatewayResponse> applyExpectation(Result<GatewayResponse> result, const Expectation &expect)
{
    if (!result)
        return result;
    if (auto ok = IotPayCodec::checkMatches(*result, expect.mchOrderNo, expect.amountMinor); !ok)
        return fail(ok.error());
    if (!expect.payOrderId.isEmpty() && !result->payOrderId.isEmpty() && result->payOrderId != expect.payOrderId) {
        return fail(ErrorCode::ResponseMismatch,
                    u"reply is for payOrderId %1, expected %2"_s.arg(bodyStart(result->payOrderId.toUtf8().left(64)),
                                                                      expect.payOrderId));
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

void readCapped(QNetworkReply *reply, CallState &state, qint64 maxReplyBytes)
{
    // Never buffer more than one byte past the cap, whatever the server sends.
    const qint64 room = maxReplyBytes + 1 - state.body.size();
    if (room > 0)
        state.body += reply->read(room);
}

void watchReply(GatewayCall *call, QNetworkReply *reply, const IotPayConfig &config, Expectation expect)
{
    auto state = std::make_shared<CallState>();
    const qint64 maxBytes = config.maxReplyBytes;
    const auto abortWith = [reply, state](Error error) {
        if (!state->abortReason)
            state->abortReason = std::move(error);
        reply->abort();
    };

    // Total deadline: setTransferTimeout only notices silence, not a server trickling bytes.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);
    QObject::connect(deadline, &QTimer::timeout, reply, [abortWith, ms = config.deadlineMs] {
        abortWith(makeError(ErrorCode::Timeout, u"no complete reply within %1 ms"_s.arg(ms)));
    });
    const auto oversized = [maxBytes] {
        return makeError(ErrorCode::Unparseable, u"reply larger than %1 bytes"_s.arg(maxBytes));
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, abortWith, oversized, maxBytes] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes)
            abortWith(oversized());
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, state, abortWith, oversized, maxBytes] {
        readCapped(reply, *state, maxBytes);
        if (state->body.size() > maxBytes)
            abortWith(oversized());
    });
    // Recorded for the error detail only; never ignored.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [state](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            state->tlsErrors.append(error.errorString());
    });
    QObject::connect(reply, &QNetworkReply::finished, call,
                     [call, reply, deadline, state, config, expect = std::move(expect)] {
                         deadline->stop();
                         if (!state->abortReason)
                             readCapped(reply, *state, config.maxReplyBytes);
                         Result<GatewayResponse> result =
                             applyExpectation(classifyReply(reply, *state, config), expect);
                         logOutcome(expect, result, state->body);
                         reply->deleteLater();
                         call->finish(std::move(result));
                     });
    deadline->start(config.deadlineMs);
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
    return post(GatewayCall::Kind::CreateOrder, u"create_order"_s,
                IotPayCodec::createOrderParams(request, m_config.merchant), request.mchOrderNo,
                request.amount.minor);
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

// create_order and refund_order go out at most once (OneShotBody); nothing here retries.
// An ambiguous outcome is for the caller to resolve with queryOrder.
GatewayCall *IotPayClient::post(GatewayCall::Kind kind, const QString &endpoint, Result<ParamList> params,
                                QString expectMchOrderNo, std::optional<qint64> expectAmount)
{
    auto *call = new GatewayCall(kind, this);
    Expectation expect{endpoint, expectMchOrderNo, expectAmount, {}, expectMchOrderNo, {}};
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
        finishLater(call, expect, makeError(ErrorCode::ConfigMissing, u"merchant key or network not configured"_s));
        return call;
    }

    call->setRequestJson(IotPayCodec::signedJson(*params, m_config.key));
    const QByteArray form = IotPayCodec::signedFormBody(*params, m_config.key);
    QNetworkRequest request = makeRequest(endpointUrl(m_config.baseUrl, endpoint));
    QNetworkReply *reply = nullptr;
    if (kind == GatewayCall::Kind::QueryOrder) {
        reply = m_network->post(request, form);   // idempotent: Qt may resend on a stale connection
    } else {
        request.setHeader(QNetworkRequest::ContentLengthHeader, form.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = m_network->post(request, new OneShotBody(form, call));
    }
    reply->setParent(call);   // deleting the call aborts its request
    watchReply(call, reply, m_config, std::move(expect));
    return call;
}

} // namespace paydesk

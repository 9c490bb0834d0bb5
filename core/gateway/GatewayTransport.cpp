#include "GatewayTransport.h"

#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <memory>

namespace paydesk::GatewayTransport {
namespace {

using namespace Qt::StringLiterals;

struct CallState
{
    QByteArray body;
    std::optional<Error> abortReason;
    QStringList tlsErrors;
    bool reported = false;
};

// A request body that can be read exactly once. Qt's HTTP layer silently resends a request
// whose connection closed before any reply: harmless for a query, a second order or refund
// for create_order/refund_order. A body that cannot be rewound
// turns that resend into QNetworkReply::ContentReSendError, which we report as ambiguous.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent) : QIODevice(parent), m_data(std::move(data))
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

Error makeError(ErrorCode code, QString detail, int httpStatus = 0)
{
    return Error{code, std::move(detail), {}, httpStatus};
}

// Transport-level outcome first; only a complete 2xx body is handed to the codec.
Result<QByteArray> classifyReply(QNetworkReply *reply, const CallState &state, qint64 maxReplyBytes)
{
    if (state.abortReason)
        return fail(*state.abortReason);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::SslHandshakeFailedError
        || (error != QNetworkReply::NoError && !state.tlsErrors.isEmpty())) {
        return fail(makeError(ErrorCode::TlsFailure,
                              state.tlsErrors.isEmpty() ? reply->errorString() : state.tlsErrors.join(u"; ")));
    }
    if (status >= 300 && status < 400) {
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        return fail(makeError(
            ErrorCode::Redirected,
            u"HTTP %1 redirect to '%2' not followed"_s.arg(status).arg(printableStart(target.toEncoded())), status));
    }
    if (status != 0 && (status < 200 || status >= 300))
        return fail(makeError(ErrorCode::HttpStatus, printableStart(state.body), status));
    if (error == QNetworkReply::OperationCanceledError)
        return fail(makeError(ErrorCode::Timeout, u"transfer cancelled: "_s + reply->errorString(), status));
    if (error == QNetworkReply::ContentReSendError) {
        return fail(makeError(ErrorCode::Network, u"connection closed before a reply; the request was not resent"_s));
    }
    if (error != QNetworkReply::NoError)
        return fail(makeError(ErrorCode::Network, reply->errorString(), status));
    if (status == 0)
        return fail(makeError(ErrorCode::Network, u"no HTTP status in the reply"_s));
    if (state.body.size() > maxReplyBytes)
        return fail(makeError(ErrorCode::Unparseable, u"reply larger than %1 bytes"_s.arg(maxReplyBytes)));
    return state.body;
}

void readCapped(QNetworkReply *reply, CallState &state, qint64 maxReplyBytes)
{
    // Never buffer more than one byte past the cap, whatever the server sends.
    const qint64 room = maxReplyBytes + 1 - state.body.size();
    if (room > 0)
        state.body += reply->read(room);
}

void watchReply(QNetworkReply *reply, const PostOptions &options, ReplyHandler handler)
{
    auto state = std::make_shared<CallState>();
    const qint64 maxBytes = options.maxReplyBytes;
    const auto abortWith = [reply, state](Error error) {
        if (!state->abortReason)
            state->abortReason = std::move(error);
        reply->abort();
    };

    // Total deadline: setTransferTimeout only notices silence, not a server trickling bytes.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);
    QObject::connect(deadline, &QTimer::timeout, reply, [abortWith, ms = options.deadlineMs] {
        abortWith(makeError(ErrorCode::Timeout, u"no complete reply within %1 ms"_s.arg(ms)));
    });
    const auto oversized
        = [maxBytes] { return makeError(ErrorCode::Unparseable, u"reply larger than %1 bytes"_s.arg(maxBytes)); };
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
    QObject::connect(reply, &QNetworkReply::finished, reply,
                     [reply, deadline, state, maxBytes, handler = std::move(handler)] {
                         deadline->stop();
                         if (state->reported)
                             return;
                         state->reported = true;
                         if (!state->abortReason)
                             readCapped(reply, *state, maxBytes);
                         Result<QByteArray> body = classifyReply(reply, *state, maxBytes);
                         reply->deleteLater();
                         handler(std::move(body));
                     });
    deadline->start(options.deadlineMs);
}

} // namespace

QString printableStart(const QByteArray &body, qsizetype maxBytes)
{
    QString text = QString::fromUtf8(body.left(maxBytes));
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return text;
}

void postForm(QNetworkAccessManager &network, QObject *owner, const PostOptions &options, ReplyHandler handler)
{
    QNetworkRequest request = makeRequest(options.url);
    QNetworkReply *reply = nullptr;
    if (!options.sendOnce) {
        reply = network.post(request, options.form); // idempotent: Qt may resend on a stale connection
    } else {
        request.setHeader(QNetworkRequest::ContentLengthHeader, options.form.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = network.post(request, new OneShotBody(options.form, owner));
    }
    reply->setParent(owner); // deleting the owner aborts the request
    watchReply(reply, options, std::move(handler));
}

} // namespace paydesk::GatewayTransport

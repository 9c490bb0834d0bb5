#include "HttpServer.h"

#include <QHostAddress>
#include <QLoggingCategory>

#include <microhttpd.h>

#include <chrono>
#include <cstdarg>
#include <cstring>
#include <thread>
#include <vector>

#ifdef _WIN32
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#endif

Q_LOGGING_CATEGORY(lcHttp, "paydesk.http", QtInfoMsg)

namespace paydesk {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

int HttpRequest::headerCount(QByteArrayView name) const
{
    int count = 0;
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            ++count;
    }
    return count;
}

HttpResponse HttpResponse::text(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("application/json");
    response.body = std::move(body);
    return response;
}

namespace {

// Per-request state, created by the URI log callback (the first thing MHD reports).
struct RequestState
{
    QByteArray rawTarget;
    bool started = false;
    bool tooLarge = false;
    QByteArray body;
};

struct TrickleBody
{
    QByteArray body;
    int chunkBytes = 1;
    int intervalMs = 0;
};

ssize_t readTrickle(void *cls, uint64_t pos, char *buf, size_t max)
{
    auto *trickle = static_cast<TrickleBody *>(cls);
    const auto total = uint64_t(trickle->body.size());
    if (pos >= total)
        return MHD_CONTENT_READER_END_OF_STREAM;
    if (pos > 0 && trickle->intervalMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(trickle->intervalMs));
    const size_t n = std::min<size_t>({max, size_t(trickle->chunkBytes), size_t(total - pos)});
    std::memcpy(buf, trickle->body.constData() + pos, n);
    return ssize_t(n);
}

void freeTrickle(void *cls)
{
    delete static_cast<TrickleBody *>(cls);
}

enum MHD_Result collectHeader(void *cls, enum MHD_ValueKind, const char *key, const char *value)
{
    auto *headers = static_cast<HttpHeaderList *>(cls);
    headers->append({QByteArray(key ? key : ""), QByteArray(value ? value : "")});
    return MHD_YES;
}

QString clientAddress(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return {};
    return QHostAddress(info->client_addr).toString();
}

} // namespace

struct HttpServer::Private
{
    HttpServerOptions options;
    HttpHandler handler;
    MHD_Daemon *daemon = nullptr;
    quint16 port = 0;

    static void *onUri(void *, const char *uri, struct MHD_Connection *)
    {
        auto *state = new RequestState;
        state->rawTarget = QByteArray(uri ? uri : "");
        return state;
    }

    static void onCompleted(void *, struct MHD_Connection *, void **conCls, enum MHD_RequestTerminationCode)
    {
        delete static_cast<RequestState *>(*conCls);
        *conCls = nullptr;
    }

    static void onLog(void *, const char *format, va_list args)
    {
        char line[512];
        std::vsnprintf(line, sizeof line, format, args);
        qCDebug(lcHttp, "%s", QByteArray(line).trimmed().constData());
    }

    static enum MHD_Result queue(struct MHD_Connection *connection, const HttpResponse &response)
    {
        if (response.dropConnection)
            return MHD_NO; // MHD closes the socket without a reply
        if (response.delayMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(response.delayMs));

        struct MHD_Response *mhdResponse = nullptr;
        if (response.trickleChunkBytes > 0) {
            auto *trickle = new TrickleBody{response.body, response.trickleChunkBytes, response.trickleIntervalMs};
            mhdResponse
                = MHD_create_response_from_callback(uint64_t(response.body.size()), size_t(response.trickleChunkBytes),
                                                    &readTrickle, trickle, &freeTrickle);
        } else {
            mhdResponse = MHD_create_response_from_buffer(
                size_t(response.body.size()), const_cast<char *>(response.body.constData()), MHD_RESPMEM_MUST_COPY);
        }
        if (!mhdResponse)
            return MHD_NO;
        MHD_add_response_header(mhdResponse, "Content-Type", response.contentType.constData());
        MHD_add_response_header(mhdResponse, "Cache-Control", "no-store");
        for (const auto &[name, value] : response.headers)
            MHD_add_response_header(mhdResponse, name.constData(), value.constData());
        const enum MHD_Result result = MHD_queue_response(connection, unsigned(response.status), mhdResponse);
        MHD_destroy_response(mhdResponse);
        return result;
    }

    static enum MHD_Result onAccess(void *cls, struct MHD_Connection *connection, const char *, const char *method,
                                    const char *, const char *uploadData, size_t *uploadDataSize, void **conCls)
    {
        auto *self = static_cast<Private *>(cls);
        auto *state = static_cast<RequestState *>(*conCls);
        if (!state)
            return MHD_NO;

        if (!state->started) {
            state->started = true;
            const char *length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Length");
            if (length) {
                bool ok = false;
                const qlonglong declared = QByteArray(length).trimmed().toLongLong(&ok);
                if (!ok || declared < 0 || declared > self->options.maxBodyBytes)
                    state->tooLarge = true;
            }
            return MHD_YES;
        }

        if (*uploadDataSize != 0) {
            if (!state->tooLarge) {
                if (state->body.size() + qsizetype(*uploadDataSize) > self->options.maxBodyBytes)
                    state->tooLarge = true;
                else
                    state->body.append(uploadData, qsizetype(*uploadDataSize));
            }
            *uploadDataSize = 0;
            return MHD_YES;
        }

        if (state->tooLarge)
            return queue(connection, HttpResponse::text(413, QByteArrayLiteral("request body too large")));

        HttpRequest request;
        request.method = QByteArray(method ? method : "");
        request.rawTarget = state->rawTarget;
        const qsizetype question = request.rawTarget.indexOf('?');
        request.rawPath = question < 0 ? request.rawTarget : request.rawTarget.left(question);
        request.rawQuery = question < 0 ? QByteArray() : request.rawTarget.mid(question + 1);
        MHD_get_connection_values(connection, MHD_HEADER_KIND, &collectHeader, &request.headers);
        request.body = std::move(state->body);
        request.remoteAddress = clientAddress(connection);

        HttpResponse response;
        try {
            response = self->handler(request);
        } catch (...) {
            // The handler is ours and is not supposed to throw; never let it cross into C.
            response = HttpResponse::text(500, QByteArrayLiteral("internal error"));
        }
        return queue(connection, response);
    }
};

HttpServer::HttpServer() : d(std::make_unique<Private>())
{}

HttpServer::~HttpServer()
{
    stop();
}

Result<quint16> HttpServer::start(const HttpServerOptions &options, HttpHandler handler)
{
    stop();
    QHostAddress address;
    if (!address.setAddress(options.bindAddress))
        return fail(ErrorCode::InvalidArgument, u"not an IP address: " + options.bindAddress);
    d->options = options;
    d->handler = std::move(handler);

    sockaddr_in v4{};
    sockaddr_in6 v6{};
    const sockaddr *bindTo = nullptr;
    unsigned int flags = MHD_USE_ERROR_LOG | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(options.port);
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&v6.sin6_addr, &raw, sizeof raw);
        bindTo = reinterpret_cast<const sockaddr *>(&v6);
        flags |= MHD_USE_IPv6;
    } else {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(options.port);
        v4.sin_addr.s_addr = htonl(address.toIPv4Address());
        bindTo = reinterpret_cast<const sockaddr *>(&v4);
    }
    if (options.threadPerConnection)
        flags |= MHD_USE_THREAD_PER_CONNECTION;

    // The logger goes first so that MHD reports everything through it.
    std::vector<MHD_OptionItem> items = {
        {MHD_OPTION_EXTERNAL_LOGGER, intptr_t(&Private::onLog), d.get()},
        {MHD_OPTION_SOCK_ADDR, 0, const_cast<sockaddr *>(bindTo)},
        {MHD_OPTION_URI_LOG_CALLBACK, intptr_t(&Private::onUri), d.get()},
        {MHD_OPTION_NOTIFY_COMPLETED, intptr_t(&Private::onCompleted), d.get()},
        {MHD_OPTION_CONNECTION_LIMIT, intptr_t(options.connectionLimit), nullptr},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, intptr_t(options.perIpConnectionLimit), nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, intptr_t(options.idleTimeoutSeconds), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(options.connectionMemoryBytes), nullptr},
    };
    if (!options.threadPerConnection)
        items.push_back({MHD_OPTION_THREAD_POOL_SIZE, intptr_t(std::max(1u, options.threadPoolSize)), nullptr});
    items.push_back({MHD_OPTION_END, 0, nullptr});
    d->daemon = MHD_start_daemon(flags, options.port, nullptr, nullptr, &Private::onAccess, d.get(), MHD_OPTION_ARRAY,
                                 items.data(), MHD_OPTION_END);
    if (!d->daemon) {
        return fail(ErrorCode::Network,
                    u"cannot listen on " + options.bindAddress + u':' + QString::number(options.port)
                        + u" (address in use or not available)");
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d->daemon, MHD_DAEMON_INFO_BIND_PORT);
    d->port = info ? info->port : options.port;
    return d->port;
}

void HttpServer::stop()
{
    if (d->daemon) {
        MHD_stop_daemon(d->daemon);
        d->daemon = nullptr;
        d->port = 0;
    }
}

bool HttpServer::isRunning() const
{
    return d->daemon != nullptr;
}

quint16 HttpServer::port() const
{
    return d->port;
}

} // namespace paydesk

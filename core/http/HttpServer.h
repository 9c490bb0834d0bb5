#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace paydesk {

using HttpHeaderList = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray rawTarget; // the request target exactly as sent: path and query, undecoded
    QByteArray rawPath; // rawTarget up to '?'
    QByteArray rawQuery; // rawTarget after the first '?', or empty
    HttpHeaderList headers; // as received, duplicates kept
    QByteArray body;
    QString remoteAddress;

    QByteArray header(QByteArrayView name) const; // first match, case-insensitive
    int headerCount(QByteArrayView name) const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    QByteArray body;
    HttpHeaderList headers;

    // Fault injection for the gateway simulator (thread-per-connection servers only).
    int delayMs = 0; // wait before answering
    int trickleChunkBytes = 0; // > 0: send the body this many bytes at a time ...
    int trickleIntervalMs = 0; // ... waiting this long between chunks
    bool dropConnection = false; // close the connection without any reply

    static HttpResponse text(int status, QByteArray body);
    static HttpResponse json(int status, QByteArray body);
};

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

struct HttpServerOptions
{
    QString bindAddress = QStringLiteral("127.0.0.1"); // IPv4 or IPv6 literal
    quint16 port = 0; // 0: any free port
    qsizetype maxBodyBytes = 16 * 1024; // larger bodies: 413, handler not called
    unsigned connectionLimit = 128; // total open connections
    unsigned perIpConnectionLimit = 0; // 0: no per-address cap
    unsigned idleTimeoutSeconds = 10; // a connection silent this long is closed
    size_t connectionMemoryBytes = 32 * 1024; // bounds request line + headers
    unsigned threadPoolSize = 4;
    bool threadPerConnection = false; // needed for delay/trickle faults
};

// An HTTP/1.1 server on libmicrohttpd with the limits above enforced by the library.
// The handler runs on the server's worker threads, possibly several at once.
class HttpServer
{
public:
    HttpServer();
    ~HttpServer();

    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Starts listening; returns the bound port. StoreUnavailable is not used here:
    // failures are InvalidArgument (bad address) or Network (cannot bind) with the reason.
    Result<quint16> start(const HttpServerOptions &options, HttpHandler handler);
    void stop();
    bool isRunning() const;
    quint16 port() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace paydesk

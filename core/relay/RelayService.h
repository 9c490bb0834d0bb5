#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "http/HttpServer.h"
#include "relay/NotifyHandler.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <memory>

namespace paydesk {

struct RelayOptions
{
    HttpServerOptions http;
    QString orderLogPath;
    NotifyConfig notify;
    int busyTimeoutMs = 10'000;   // how long a write waits for another writer's lock
};

struct RelayCounters
{
    qint64 accepted = 0;
    qint64 duplicate = 0;
    qint64 rejected = 0;
    qint64 unmatched = 0;
    qint64 storeFailed = 0;
    qint64 notRoutable = 0;
};

// The notification relay: the notify handler bound to an HTTP server, one order-log connection
// per worker thread. Refuses to start without a writable order log and says why.
class RelayService
{
public:
    RelayService(RelayOptions options, const Clock &clock);
    ~RelayService();

    RelayService(const RelayService &) = delete;
    RelayService &operator=(const RelayService &) = delete;

    Result<quint16> start();
    void stop();
    quint16 port() const;

    RelayCounters counters() const;
    QJsonObject health();   // what the health path reports

private:
    HttpResponse route(const HttpRequest &request);
    OrderLog *threadOrderLog(QString *error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace paydesk

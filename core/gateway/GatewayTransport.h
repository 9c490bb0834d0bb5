#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace paydesk {

// The HTTP side every gateway client shares (IOTPay, iOnline Pay): a form POST with a total
// deadline, no redirects followed, TLS errors never ignored, the reply capped, and — for calls
// that create something — a body Qt cannot silently send twice.
namespace GatewayTransport {

struct PostOptions
{
    QUrl url;
    QByteArray form; // application/x-www-form-urlencoded
    bool sendOnce = false; // create/refund: never resent by Qt on a stale connection
    int deadlineMs = 15'000; // total, not only inactivity
    qint64 maxReplyBytes = 1 << 20;
};

// The body of a complete 2xx reply, or what went wrong on the way: Timeout, TlsFailure,
// Redirected, HttpStatus (with the status), Network, Unparseable (reply over the cap).
using ReplyHandler = std::function<void(Result<QByteArray> body)>;

// Sends the POST; the reply object is a child of `owner` (deleting the owner aborts it).
// `handler` runs exactly once, from the event loop of `owner`'s thread, never synchronously.
void postForm(QNetworkAccessManager &network, QObject *owner, const PostOptions &options, ReplyHandler handler);

// The printable start of an untrusted body for error details: control characters blanked.
QString printableStart(const QByteArray &body, qsizetype maxBytes = 200);

} // namespace GatewayTransport
} // namespace paydesk

#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace paydesk::test {

struct RawReply
{
    bool connected = false;
    bool closedByPeer = false;
    int status = 0; // from the first status line, 0 if none
    QByteArray headers;
    QByteArray body; // of the first response
    QByteArray all; // everything received
};

// Sends `bytes` as they are on a fresh loopback connection and reads until the peer closes or
// `timeoutMs` passes. For hostile-input tests, where a well-behaved client library would refuse
// to send what we need to send.
RawReply rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 3000);

// A well-formed request with Content-Length.
QByteArray httpRequest(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                       const QByteArray &contentType = QByteArrayLiteral("application/x-www-form-urlencoded"),
                       const QByteArray &extraHeaders = {});

// GET /health of a relay (or any PayDesk listener) on loopback, as JSON; empty when unreadable.
QJsonObject healthOf(quint16 port);

int countOccurrences(const QByteArray &haystack, const QByteArray &needle);

} // namespace paydesk::test

#include "RawHttp.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpSocket>

namespace paydesk::test {

RawReply rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs)
{
    RawReply reply;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return reply;
    reply.connected = true;
    socket.write(bytes);
    socket.waitForBytesWritten(timeoutMs);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            reply.closedByPeer = true;
            break;
        }
        if (socket.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - timer.elapsed()))))
            reply.all += socket.readAll();
        else if (socket.state() != QAbstractSocket::ConnectedState)
            reply.closedByPeer = true;
        // A complete response with Content-Length ends the wait early.
        const qsizetype headerEnd = reply.all.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray head = reply.all.left(headerEnd).toLower();
            const qsizetype at = head.indexOf("content-length:");
            if (at >= 0) {
                const qsizetype lineEnd = head.indexOf("\r\n", at);
                const int length = head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toInt();
                if (reply.all.size() >= headerEnd + 4 + length && !bytes.contains("\r\n\r\nPOST")
                    && !bytes.contains("\r\n\r\nGET"))
                    break;
            }
        }
    }
    reply.all += socket.readAll();
    const qsizetype headerEnd = reply.all.indexOf("\r\n\r\n");
    if (reply.all.startsWith("HTTP/1.")) {
        reply.status = reply.all.mid(9, 3).toInt();
        reply.headers = reply.all.left(headerEnd);
        QByteArray rest = headerEnd < 0 ? QByteArray() : reply.all.mid(headerEnd + 4);
        const QByteArray lowerHead = reply.headers.toLower();
        const qsizetype at = lowerHead.indexOf("content-length:");
        if (at >= 0) {
            const qsizetype lineEnd = lowerHead.indexOf("\r\n", at);
            const int length = lowerHead.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toInt();
            rest = rest.left(length);
        }
        reply.body = rest;
    }
    return reply;
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                       const QByteArray &contentType, const QByteArray &extraHeaders)
{
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty() || method == "POST") {
        if (!contentType.isEmpty())
            request += "Content-Type: " + contentType + "\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    request += extraHeaders;
    request += "Connection: close\r\n\r\n" + body;
    return request;
}

QJsonObject healthOf(quint16 port)
{
    return QJsonDocument::fromJson(rawExchange(port, httpRequest("GET", "/health"), 10'000).body).object();
}

int countOccurrences(const QByteArray &haystack, const QByteArray &needle)
{
    int count = 0;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.size()))
        ++count;
    return count;
}

} // namespace paydesk::test

#include "ScriptedHttpServer.h"

#include <QTcpSocket>
#include <QTimer>

namespace paydesk::testutil {

QByteArray ReceivedRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1/").arg(m_server.serverPort()));
}

QByteArray ScriptedHttpServer::response(int status, const QByteArray &body, const QByteArray &extraHeaders,
                                        bool withLength)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    out += "Content-Type: application/json\r\n";
    if (withLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += extraHeaders;
    out += "Connection: close\r\n\r\n";
    return out + body;
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    ReceivedRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name == "content-length")
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return; // wait for the rest of the body
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.clear();
    m_requests.append(request);
    QTimer::singleShot(m_reply.delayMs, socket, [this, socket] { respond(socket); });
}

void ScriptedHttpServer::respond(QTcpSocket *socket)
{
    switch (m_reply.kind) {
    case ScriptedReply::Kind::CloseWithoutReply:
        socket->disconnectFromHost();
        return;
    case ScriptedReply::Kind::Trickle: {
        const qsizetype headerEnd = m_reply.bytes.indexOf("\r\n\r\n") + 4;
        socket->write(m_reply.bytes.left(headerEnd));
        trickle(socket, m_reply.bytes.mid(headerEnd));
        return;
    }
    case ScriptedReply::Kind::Respond:
    case ScriptedReply::Kind::Invalid:
        break;
    }
    socket->write(m_reply.bytes);
    socket->disconnectFromHost();
}

// One byte per tick until the body is out or the client hangs up (the timer dies with the socket).
void ScriptedHttpServer::trickle(QTcpSocket *socket, QByteArray rest)
{
    auto *timer = new QTimer(socket);
    connect(timer, &QTimer::timeout, socket, [this, socket, timer, rest, sent = qsizetype(0)]() mutable {
        if (sent >= rest.size() || socket->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            socket->disconnectFromHost();
            return;
        }
        socket->write(rest.mid(sent, 1));
        ++sent;
        ++m_trickled;
    });
    timer->start(m_reply.trickleMs);
}

} // namespace paydesk::testutil

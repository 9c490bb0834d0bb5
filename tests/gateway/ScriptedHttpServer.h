#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace paydesk::testutil {

// What the loopback server does once it has read a complete request.
struct ScriptedReply
{
    enum class Kind {
        Invalid = 0,
        Respond,
        CloseWithoutReply,
        Trickle
    };

    Kind kind = Kind::Respond;
    QByteArray bytes; // the raw HTTP response: status line, headers, body
    int delayMs = 0; // before the first byte
    int trickleMs = 0; // Trickle: headers at once, then one body byte every trickleMs
};

struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const;
};

// A hand-written HTTP/1.1 server on 127.0.0.1 that answers every request with one scripted,
// possibly broken, response and records what it received. Test fixture only.
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedHttpServer(QObject *parent = nullptr);

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/v1/
    void setReply(ScriptedReply reply) { m_reply = std::move(reply); }

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int connectionCount() const { return m_connections; }
    qint64 bodyBytesTrickled() const { return m_trickled; }

    // "HTTP/1.1 <status> X", Content-Type, Content-Length (unless withLength is false), Connection: close.
    static QByteArray response(int status, const QByteArray &body, const QByteArray &extraHeaders = {},
                               bool withLength = true);

private:
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket);
    void trickle(QTcpSocket *socket, QByteArray rest);

    QTcpServer m_server;
    ScriptedReply m_reply;
    QList<ReceivedRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
    qint64 m_trickled = 0;
};

} // namespace paydesk::testutil

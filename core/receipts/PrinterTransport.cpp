#include "PrinterTransport.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace paydesk {

PrintJob::PrintJob(QObject *parent) : QObject(parent)
{}

void PrintJob::finish(Result<void> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    Q_EMIT finished();
}

void PrintJob::finishLater(Result<void> result)
{
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result)] { finish(result); }, Qt::QueuedConnection);
}

PrinterTransport::~PrinterTransport() = default;

TcpPrinterTransport::TcpPrinterTransport(QString host, quint16 port, int timeoutMs, QObject *parent)
    : PrinterTransport(parent), m_host(std::move(host)), m_port(port), m_timeoutMs(timeoutMs)
{}

QString TcpPrinterTransport::description() const
{
    return u"tcp://"_s + m_host + u':' + QString::number(m_port);
}

PrintJob *TcpPrinterTransport::send(const QByteArray &bytes)
{
    auto *job = new PrintJob(this);
    if (bytes.isEmpty()) {
        job->finishLater({});
        return job;
    }
    auto *socket = new QTcpSocket(job);
    auto *deadline = new QTimer(job);
    deadline->setSingleShot(true);
    auto written = std::make_shared<qint64>(0);
    const qint64 total = bytes.size();
    const QString where = description();

    // Total deadline for connect + write + close: a printer that accepts and then stops
    // reading (paper out, cover open) must not hold the job forever.
    connect(deadline, &QTimer::timeout, job, [job, socket, where, ms = m_timeoutMs] {
        job->finish(fail(ErrorCode::Timeout, where + u": not printed within "_s + QString::number(ms) + u" ms"_s));
        socket->abort();
    });
    connect(socket, &QTcpSocket::connected, job, [socket, bytes] { socket->write(bytes); });
    connect(socket, &QTcpSocket::bytesWritten, job, [socket, written, total](qint64 count) {
        *written += count;
        if (*written >= total)
            socket->disconnectFromHost(); // closes once the buffer is flushed
    });
    connect(socket, &QTcpSocket::disconnected, job, [job, deadline, written, total, where] {
        deadline->stop();
        if (*written >= total)
            job->finish({});
        else
            job->finish(fail(ErrorCode::Network, where + u": connection closed before every byte was sent"_s));
    });
    connect(socket, &QTcpSocket::errorOccurred, job,
            [job, socket, deadline, written, total, where](QAbstractSocket::SocketError error) {
                // A printer may close its side as soon as it has everything.
                if (error == QAbstractSocket::RemoteHostClosedError && *written >= total)
                    return;
                deadline->stop();
                job->finish(fail(ErrorCode::Network, where + u": "_s + socket->errorString()));
            });
    deadline->start(m_timeoutMs);
    socket->connectToHost(m_host, m_port);
    return job;
}

DeviceFilePrinterTransport::DeviceFilePrinterTransport(QString path, QObject *parent)
    : PrinterTransport(parent), m_path(std::move(path))
{}

QString DeviceFilePrinterTransport::description() const
{
    return m_path;
}

PrintJob *DeviceFilePrinterTransport::send(const QByteArray &bytes)
{
    auto *job = new PrintJob(this);
    QFile device(m_path);
    Result<void> result;
    // Unbuffered: each write goes straight to the driver, so a failure is seen here.
    if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        result = fail(ErrorCode::Network, m_path + u": cannot open: "_s + device.errorString());
    } else if (device.write(bytes) != bytes.size()) {
        result = fail(ErrorCode::Network, m_path + u": write failed: "_s + device.errorString());
    }
    job->finishLater(std::move(result));
    return job;
}

PrintJob *MemoryPrinterTransport::send(const QByteArray &bytes)
{
    auto *job = new PrintJob(this);
    if (m_failure) {
        job->finishLater(fail(*m_failure));
        m_failure.reset();
    } else {
        m_sent.append(bytes);
        job->finishLater({});
    }
    return job;
}

QString MemoryPrinterTransport::description() const
{
    return u"memory"_s;
}

} // namespace paydesk

#pragma once

// How receipt bytes reach a printer. Asynchronous on the caller's event loop (a blocked GUI
// thread would freeze the counter, and QAbstractSocket's blocking waits are unreliable on
// Windows), like GatewayCall.

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <optional>

namespace paydesk {

// One print job. Emits finished() exactly once, never from within the send() that created it;
// result() is valid afterwards. The caller owns it (deleteLater after finished).
class PrintJob : public QObject
{
    Q_OBJECT

public:
    explicit PrintJob(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    const Result<void> &result() const { return m_result; }

    void finish(Result<void> result); // used by transports; later calls are ignored
    void finishLater(Result<void> result); // the same, queued

Q_SIGNALS:
    void finished();

private:
    bool m_finished = false;
    Result<void> m_result = fail(ErrorCode::Invalid, QStringLiteral("not finished"));
};

class PrinterTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~PrinterTransport() override;

    // Errors: Network (refused, reset, device cannot be opened or written), Timeout.
    virtual PrintJob *send(const QByteArray &bytes) = 0;
    virtual QString description() const = 0; // "tcp://192.168.1.50:9100", "/dev/usb/lp0"
};

// A network printer's raw port (9100, "JetDirect"): connect, write, close; the job succeeds once
// every byte is written and the connection closed in order, within timeoutMs in total.
class TcpPrinterTransport final : public PrinterTransport
{
    Q_OBJECT

public:
    static constexpr quint16 DefaultPort = 9100;

    TcpPrinterTransport(QString host, quint16 port = DefaultPort, int timeoutMs = 5000, QObject *parent = nullptr);

    PrintJob *send(const QByteArray &bytes) override;
    QString description() const override;

private:
    QString m_host;
    quint16 m_port;
    int m_timeoutMs;
};

// A printer device file: /dev/usb/lp0, a serial tty already configured (stty), LPT1/COM ports
// on Windows. A plain blocking write: there is no portable way to bound it, so a printer that
// stops taking data can hold the thread until the driver gives up — prefer the TCP port where
// the printer has one.
class DeviceFilePrinterTransport final : public PrinterTransport
{
    Q_OBJECT

public:
    explicit DeviceFilePrinterTransport(QString path, QObject *parent = nullptr);

    PrintJob *send(const QByteArray &bytes) override;
    QString description() const override;

private:
    QString m_path;
};

// For tests and the demo: keeps what it was sent; can be told to fail.
class MemoryPrinterTransport final : public PrinterTransport
{
    Q_OBJECT

public:
    using PrinterTransport::PrinterTransport;

    PrintJob *send(const QByteArray &bytes) override;
    QString description() const override;

    const QList<QByteArray> &sent() const { return m_sent; }
    void failNextWith(const Error &error) { m_failure = error; }

private:
    QList<QByteArray> m_sent;
    std::optional<Error> m_failure;
};

} // namespace paydesk

// Printer transports: a loopback "printer" on TCP receives exactly the receipt bytes; refused
// connections and a printer that stops reading end the job with an error; device files; the fake.

#include "receipts/PrinterTransport.h"
#include "receipts/Receipt.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

// Accepts one connection and keeps everything it receives until the client closes.
class LoopbackPrinter : public QObject
{
public:
    explicit LoopbackPrinter(bool reads = true) : m_reads(reads)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            m_sockets.append(socket);
            if (!m_reads) {
                socket->setReadBufferSize(1); // a printer with its cover open
                return;
            }
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { m_received += socket->readAll(); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_received += socket->readAll();
                m_closed = true;
            });
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    const QByteArray &received() const { return m_received; }
    bool closed() const { return m_closed; }

private:
    bool m_reads;
    QTcpServer m_server;
    QList<QTcpSocket *> m_sockets;
    QByteArray m_received;
    bool m_closed = false;
};

QByteArray sampleReceipt()
{
    ReceiptData receipt;
    receipt.kind = ReceiptKind::Sale;
    receipt.merchantName = u"Shop"_s;
    receipt.amount = Money{2865, Currency::CAD};
    receipt.channel = Channel::WxNative;
    receipt.mchOrderNo = u"T1260610163000000001"_s;
    return *buildReceipt(receipt, {});
}

} // namespace

class TestPrinterTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tcpDeliversExactBytes();
    void tcpRefusedIsNetworkError();
    void tcpPrinterThatStopsReadingTimesOut();
    void jobsFinishLaterNeverInline();
    void deviceFileGetsTheBytes();
    void deviceFileThatCannotOpen();
    void memoryTransportRecordsAndFails();
};

void TestPrinterTransport::tcpDeliversExactBytes()
{
    LoopbackPrinter printer;
    QVERIFY(printer.port() != 0);
    TcpPrinterTransport transport(u"127.0.0.1"_s, printer.port(), 3000);
    QCOMPARE(transport.description(), u"tcp://127.0.0.1:"_s + QString::number(printer.port()));
    const QByteArray receipt = sampleReceipt();
    QVERIFY(receipt.size() > 100);
    PrintJob *job = transport.send(receipt);
    QSignalSpy finished(job, &PrintJob::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(job->result(), qPrintable(job->result() ? QString() : describe(job->result().error())));
    QTRY_VERIFY(printer.closed());
    QCOMPARE(printer.received(), receipt);
    QCOMPARE(finished.count(), 1);

    // A second job on the same transport is a new connection.
    LoopbackPrinter second;
    TcpPrinterTransport again(u"127.0.0.1"_s, second.port(), 3000);
    const QByteArray big(256 * 1024, 'x'); // more than one socket write
    PrintJob *bigJob = again.send(big);
    QSignalSpy bigDone(bigJob, &PrintJob::finished);
    QVERIFY(bigDone.wait(5000));
    QVERIFY(bigJob->result());
    QTRY_VERIFY(second.closed());
    QCOMPARE(second.received().size(), big.size());
}

void TestPrinterTransport::tcpRefusedIsNetworkError()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    TcpPrinterTransport transport(u"127.0.0.1"_s, closedPort, 3000);
    PrintJob *job = transport.send("x");
    QSignalSpy finished(job, &PrintJob::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(!job->result());
    QCOMPARE(job->result().error().code, ErrorCode::Network);
    QVERIFY(job->result().error().detail.contains(u"127.0.0.1"_s));
}

void TestPrinterTransport::tcpPrinterThatStopsReadingTimesOut()
{
    LoopbackPrinter stuck(false);
    TcpPrinterTransport transport(u"127.0.0.1"_s, stuck.port(), 400);
    // Far more than the kernel's socket buffers hold on loopback.
    PrintJob *job = transport.send(QByteArray(64 * 1024 * 1024, 'x'));
    QSignalSpy finished(job, &PrintJob::finished);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(finished.wait(10'000));
    QVERIFY(!job->result());
    QCOMPARE(job->result().error().code, ErrorCode::Timeout);
    QVERIFY(elapsed.elapsed() < 5000);
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1); // the abort after the timeout does not finish it twice
}

void TestPrinterTransport::jobsFinishLaterNeverInline()
{
    MemoryPrinterTransport memory;
    DeviceFilePrinterTransport device(u"/nonexistent-dir/lp0"_s);
    TcpPrinterTransport tcp(u"127.0.0.1"_s, 9, 1000);
    for (PrinterTransport *transport : QList<PrinterTransport *>{&memory, &device, &tcp}) {
        PrintJob *job = transport->send({});
        QVERIFY(!job->isFinished()); // the caller can still connect to finished()
        QSignalSpy finished(job, &PrintJob::finished);
        QVERIFY(finished.wait(5000));
    }
}

void TestPrinterTransport::deviceFileGetsTheBytes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lp0"_s);
    DeviceFilePrinterTransport transport(path);
    QCOMPARE(transport.description(), path);
    const QByteArray receipt = sampleReceipt();
    PrintJob *job = transport.send(receipt);
    QSignalSpy finished(job, &PrintJob::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(job->result());
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), receipt);
}

void TestPrinterTransport::deviceFileThatCannotOpen()
{
    DeviceFilePrinterTransport transport(u"/nonexistent-dir/usb/lp0"_s);
    PrintJob *job = transport.send("x");
    QSignalSpy finished(job, &PrintJob::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(!job->result());
    QCOMPARE(job->result().error().code, ErrorCode::Network);
    QVERIFY(job->result().error().detail.contains(u"/nonexistent-dir/usb/lp0"_s));
}

void TestPrinterTransport::memoryTransportRecordsAndFails()
{
    MemoryPrinterTransport memory;
    PrintJob *ok = memory.send("abc");
    QSignalSpy okDone(ok, &PrintJob::finished);
    QVERIFY(okDone.wait(1000));
    QVERIFY(ok->result());
    memory.failNextWith(Error{ErrorCode::Timeout, u"paper out"_s, {}, 0});
    PrintJob *failed = memory.send("def");
    QSignalSpy failedDone(failed, &PrintJob::finished);
    QVERIFY(failedDone.wait(1000));
    QCOMPARE(failed->result().error().code, ErrorCode::Timeout);
    QCOMPARE(memory.sent(), (QList<QByteArray>{"abc"}));
}

QTEST_GUILESS_MAIN(TestPrinterTransport)
#include "test_printer_transport.moc"

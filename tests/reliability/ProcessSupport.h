#pragma once

// Helpers for the tests that run PayDesk's real executables on loopback: finding the built
// programs, starting them with a throw-away configuration, reading the port they announce,
// killing them the hard way, and putting orders into the log the way a sale would.

#include "common/Clock.h"
#include "orders/OrderLog.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace paydesk::test {

// The environment variable the children read the test merchant key from (--key-env).
inline constexpr char KeyVariable[] = "PAYDESK_RELIABILITY_KEY";

// $PAYDESK_BINARY_DIR/<relative> (set by ctest), or found relative to this test program.
QString builtProgram(const QString &relative); // e.g. "app/paydesk-relay/paydesk-relay"

// The system environment plus the test key; component logs stay on (they go to a file).
QProcessEnvironment childEnvironment();

// A program of ours as a child process. Its stderr goes to a file so that a chatty child
// never blocks on a full pipe; stdout stays a pipe for the line it announces itself with.
class Child
{
public:
    Child(QString program, QString stderrFile);
    ~Child();
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    void start(const QStringList &arguments);
    // Waits until a stdout line contains `marker`; returns it, or nothing when the program
    // exited or `timeoutMs` passed first.
    std::optional<QString> waitForLine(QByteArrayView marker, int timeoutMs);
    QByteArray readStdout(); // everything read so far plus what is pending
    QByteArray readStderr() const; // the file's content
    bool waitForExit(int timeoutMs);
    void killHard(); // SIGKILL, then reap
    bool stopGracefully(int timeoutMs); // SIGTERM; true when it exited with code 0
    bool isRunning() const;
    QProcess &process() { return *m_process; }

private:
    QString m_program;
    QString m_stderrFile;
    QByteArray m_stdout;
    std::unique_ptr<QProcess> m_process;
};

// `paydesk-relay` on 127.0.0.1:<free port> over `orderLogPath`, with the test merchant.
class RelayProcess
{
public:
    RelayProcess(const QString &workDir, const QString &orderLogPath);
    // True once it announced its port; `why` says what happened otherwise.
    bool start(QString *why, const QStringList &extra = {});
    quint16 port() const { return m_port; }
    Child &child() { return *m_child; }

private:
    QString m_workDir;
    QString m_orderLogPath;
    std::unique_ptr<Child> m_child;
    quint16 m_port = 0;
};

// `paydesk-sim` with the test merchant on a free port.
class SimProcess
{
public:
    explicit SimProcess(const QString &workDir);
    bool start(QString *why, const QStringList &extra = {});
    quint16 port() const { return m_port; }
    QString baseUrl() const; // http://127.0.0.1:<port>/v1/
    Child &child() { return *m_child; }

private:
    QString m_workDir;
    std::unique_ptr<Child> m_child;
    quint16 m_port = 0;
};

// The port in "…127.0.0.1:<port>…" of an announcement line; 0 when there is none.
quint16 announcedPort(const QString &line);

// CREATING then AWAITING, as a sale does once the gateway answered; an invalid Order on failure.
Order createAwaitingOrder(OrderLog &log, qint64 amountMinor, const QString &terminalId = QStringLiteral("R1"));

// How many events moved the order to PAID (-1 when the events cannot be read).
int paidTransitions(const OrderLog &log, qint64 orderId);

} // namespace paydesk::test

#include "ProcessSupport.h"

#include "NotifyFactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

namespace paydesk::test {

QString builtProgram(const QString &relative)
{
    const QString binaryDir = qEnvironmentVariable("PAYDESK_BINARY_DIR");
    if (!binaryDir.isEmpty())
        return QDir(binaryDir).filePath(relative);
    // Run by hand: this program lives in <build>/tests/<folder>/.
    return QDir(QCoreApplication::applicationDirPath() + u"/../..").filePath(relative);
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(KeyVariable), QString::fromLatin1(TestKey));
    // A stray key in the developer's environment must not be what the children use.
    environment.remove(QStringLiteral("PAYDESK_MERCHANT_KEY"));
    return environment;
}

Child::Child(QString program, QString stderrFile)
    : m_program(std::move(program)), m_stderrFile(std::move(stderrFile)), m_process(std::make_unique<QProcess>())
{}

Child::~Child()
{
    if (isRunning())
        killHard();
}

void Child::start(const QStringList &arguments)
{
    m_stdout.clear();
    m_process->setProcessEnvironment(childEnvironment());
    m_process->setStandardErrorFile(m_stderrFile, QIODevice::Append);
    m_process->start(m_program, arguments);
}

std::optional<QString> Child::waitForLine(QByteArrayView marker, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    if (!m_process->waitForStarted(timeoutMs))
        return std::nullopt;
    while (true) {
        m_stdout += m_process->readAllStandardOutput();
        const QList<QByteArray> lines = m_stdout.split('\n');
        for (const QByteArray &line : lines) {
            if (line.contains(marker))
                return QString::fromUtf8(line.trimmed());
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0 || m_process->state() != QProcess::Running)
            return std::nullopt;
        m_process->waitForReadyRead(int(std::min<qint64>(left, 200)));
    }
}

QByteArray Child::readStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    return m_stdout;
}

QByteArray Child::readStderr() const
{
    QFile file(m_stderrFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool Child::waitForExit(int timeoutMs)
{
    if (m_process->state() == QProcess::NotRunning)
        return true;
    const bool done = m_process->waitForFinished(timeoutMs);
    m_stdout += m_process->readAllStandardOutput();
    return done;
}

void Child::killHard()
{
    m_process->kill(); // SIGKILL on Unix: no handler, no clean-up, like a power cut for the process
    m_process->waitForFinished(10'000);
    m_stdout += m_process->readAllStandardOutput();
}

bool Child::stopGracefully(int timeoutMs)
{
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        killHard();
        return false;
    }
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

bool Child::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

quint16 announcedPort(const QString &line)
{
    static const QRegularExpression pattern(QStringLiteral("127\\.0\\.0\\.1:([0-9]{1,5})"));
    const auto match = pattern.match(line);
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : quint16(0);
}

RelayProcess::RelayProcess(const QString &workDir, const QString &orderLogPath)
    : m_workDir(workDir), m_orderLogPath(orderLogPath)
{}

bool RelayProcess::start(QString *why, const QStringList &extra)
{
    m_port = 0;
    m_child = std::make_unique<Child>(builtProgram(QStringLiteral("app/paydesk-relay/paydesk-relay")),
                                      m_workDir + u"/relay-stderr.log");
    // Its own settings file in the test directory: the real user settings are never read.
    m_child->start(QStringList{QStringLiteral("--config"), m_workDir + u"/relay-settings.ini",
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                               QStringLiteral("0"), QStringLiteral("--order-log"), m_orderLogPath,
                               QStringLiteral("--mch-id"), QString::fromLatin1(TestMchId), QStringLiteral("--key-env"),
                               QString::fromLatin1(KeyVariable)}
                   + extra);
    const auto line = m_child->waitForLine("paydesk-relay listening on", 20'000);
    if (line)
        m_port = announcedPort(*line);
    if (m_port == 0 && why) {
        *why = u"relay did not start: stdout=" + QString::fromUtf8(m_child->readStdout()) + u" stderr="
            + QString::fromUtf8(m_child->readStderr().right(600));
    }
    return m_port != 0;
}

SimProcess::SimProcess(const QString &workDir) : m_workDir(workDir)
{}

bool SimProcess::start(QString *why, const QStringList &extra)
{
    m_port = 0;
    m_child = std::make_unique<Child>(builtProgram(QStringLiteral("app/paydesk-sim/paydesk-sim")),
                                      m_workDir + u"/sim-stderr.log");
    m_child->start(QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--mch-id"),
                               QString::fromLatin1(TestMchId), QStringLiteral("--key-env"),
                               QString::fromLatin1(KeyVariable)}
                   + extra);
    const auto line = m_child->waitForLine("paydesk-sim gateway", 20'000);
    if (line)
        m_port = announcedPort(*line);
    if (m_port == 0 && why) {
        *why = u"simulator did not start: stdout=" + QString::fromUtf8(m_child->readStdout()) + u" stderr="
            + QString::fromUtf8(m_child->readStderr().right(600));
    }
    return m_port != 0;
}

QString SimProcess::baseUrl() const
{
    return u"http://127.0.0.1:" + QString::number(m_port) + u"/v1/";
}

Order createAwaitingOrder(OrderLog &log, qint64 amountMinor, const QString &terminalId)
{
    NewOrder order;
    order.terminalId = terminalId;
    order.channel = Channel::WxNative;
    order.amount = Money{amountMinor, Currency::CAD};
    auto created = log.createOrder(order);
    if (!created)
        return {};
    if (!log.transition(created->id, OrderState::Creating, {}))
        return {};
    TransitionDetails details;
    details.payOrderId = u"P" + created->mchOrderNo.right(16);
    details.qrPayload = QStringLiteral("weixin://wxpay/bizpayurl?pr=reliability");
    if (!log.transition(created->id, OrderState::Awaiting, details))
        return {};
    return log.orderById(created->id).value_or(Order{});
}

int paidTransitions(const OrderLog &log, qint64 orderId)
{
    auto events = log.events(orderId);
    if (!events)
        return -1;
    return int(std::count_if(events->begin(), events->end(),
                             [](const OrderEvent &event) { return event.toState == OrderState::Paid; }));
}

} // namespace paydesk::test

#include "PaymentWatch.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPaymentWatch, "paydesk.orderlog.watch")

namespace paydesk {

namespace {

constexpr int DefaultLivenessIntervalMs = 250;

} // namespace

PaymentWatch::PaymentWatch(std::function<bool()> check, std::function<quint64()> reconnects, QObject *parent)
    : QObject(parent), m_check(std::move(check)), m_reconnects(std::move(reconnects))
{
    m_seenReconnects = m_reconnects();
    m_liveness.setInterval(DefaultLivenessIntervalMs);
    connect(&m_liveness, &QTimer::timeout, this, &PaymentWatch::checkConnection);
    m_liveness.start();
}

PaymentWatch::~PaymentWatch() = default;

void PaymentWatch::setLivenessIntervalMs(int ms)
{
    m_liveness.setInterval(std::max(10, ms));
}

void PaymentWatch::announce(const QString &mchOrderNo)
{
    if (!mchOrderNo.isEmpty())
        Q_EMIT hint(mchOrderNo);
}

void PaymentWatch::checkConnection()
{
    const bool usable = m_check();
    const quint64 reconnects = m_reconnects();
    if (!usable) {
        if (m_connected) {
            m_connected = false;
            qCWarning(lcPaymentWatch) << "connection to the order log lost; reconnecting";
            Q_EMIT connectionLost();
        }
        return;
    }
    // Reconnected, by this check or by a statement that found the connection lost first.
    if (!m_connected || reconnects != m_seenReconnects) {
        m_connected = true;
        m_seenReconnects = reconnects;
        qCInfo(lcPaymentWatch) << "connection to the order log back; listening again";
        Q_EMIT reconnected();
    }
}

} // namespace paydesk

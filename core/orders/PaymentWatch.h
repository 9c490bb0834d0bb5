#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace paydesk {

// Payments pushed, not polled (design.md "Storage backends"): on a store database the relay's
// confirming transaction announces the mchOrderNo it paid, delivered on commit (PostgreSQL
// LISTEN/NOTIFY). Anyone connected can announce anything, so a hint names an order to re-read,
// nothing more: the row is the only thing to trust.
//
// The watch also keeps the connection: no Qt signal fires when the server goes away, so it looks
// at the connection's local state (no query) every `livenessIntervalMs`, and when it is lost
// opens it again with back-off, subscribes again and says so (reconnected()): whoever watches
// re-reads then, as an announcement may have been missed meanwhile. An idle terminal costs the
// database nothing. Made by OrderLog::watchPayments(); lives in the order log's thread.
class PaymentWatch : public QObject
{
    Q_OBJECT

public:
    // `check` answers whether the connection is usable, reconnecting (and subscribing) first when
    // it can; `reconnects` counts the successful reconnects.
    PaymentWatch(std::function<bool()> check, std::function<quint64()> reconnects, QObject *parent = nullptr);
    ~PaymentWatch() override;

    bool isConnected() const { return m_connected; }
    void setLivenessIntervalMs(int ms);

    // Called by the order log with each announcement on the channel.
    void announce(const QString &mchOrderNo);
    // Looks at the connection now (also what the timer does).
    void checkConnection();

Q_SIGNALS:
    void hint(const QString &mchOrderNo);
    void connectionLost();
    void reconnected();

private:
    std::function<bool()> m_check;
    std::function<quint64()> m_reconnects;
    QTimer m_liveness;
    bool m_connected = true;
    quint64 m_seenReconnects = 0;
};

} // namespace paydesk

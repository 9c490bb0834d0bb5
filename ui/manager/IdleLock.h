#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace paydesk {

// Locks a window after a stretch without keyboard, mouse or touch input in it — or in the
// dialogs it opened. An application-wide event filter, because input goes to the child widget
// under the pointer or with the focus, never to the window object itself.
class IdleLock : public QObject
{
    Q_OBJECT

public:
    IdleLock(QWidget *window, int timeoutMs, QObject *parent = nullptr);
    ~IdleLock() override;

    void setTimeoutMs(int timeoutMs);
    int timeoutMs() const { return m_timer.interval(); }
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool belongsToWindow(QObject *object) const;

    QPointer<QWidget> m_window;
    QTimer m_timer;
};

} // namespace paydesk

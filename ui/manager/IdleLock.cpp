#include "IdleLock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace paydesk {

IdleLock::IdleLock(QWidget *window, int timeoutMs, QObject *parent) : QObject(parent), m_window(window)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeoutMs);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setTimeoutMs(int timeoutMs)
{
    m_timer.setInterval(timeoutMs);
    if (m_timer.isActive())
        m_timer.start();
}

void IdleLock::start()
{
    m_timer.start();
}

void IdleLock::stop()
{
    m_timer.stop();
}

bool IdleLock::belongsToWindow(QObject *object) const
{
    // Widgets, and dialogs whose parent chain leads back to the window (they are windows of
    // their own, so QWidget::isAncestorOf stops at them).
    for (QObject *o = object; o; o = o->parent()) {
        if (o == m_window)
            return true;
    }
    return false;
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_timer.isActive() || !m_window)
        return false;
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        if (belongsToWindow(watched))
            m_timer.start();
        break;
    default:
        break;
    }
    return false;
}

} // namespace paydesk

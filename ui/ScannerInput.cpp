#include "ScannerInput.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QWidget>

namespace paydesk {

namespace {

bool isDigitKey(const QKeyEvent *event)
{
    const QString text = event->text();
    const bool digit = text.size() == 1 && text.front() >= u'0' && text.front() <= u'9';
    return digit && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
}

bool isEnterKey(const QKeyEvent *event)
{
    return event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
}

} // namespace

ScannerInput::ScannerInput(QWidget *scope) : QObject(scope), m_scope(scope)
{
    m_clock.start();
    scope->installEventFilter(this);
}

ScannerInput::~ScannerInput()
{
    if (m_filtering)
        qApp->removeEventFilter(this);
    m_digits.fill(u'0');
}

void ScannerInput::typeAsScanner(const QString &digits) const
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_scope;
    auto post = [target](int key, const QString &text) {
        QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier, text));
        QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyRelease, key, Qt::NoModifier, text));
    };
    for (const QChar digit : digits)
        post(Qt::Key_0 + digit.digitValue(), QString(digit));
    post(Qt::Key_Return, QStringLiteral("\r"));
}

bool ScannerInput::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scope && (event->type() == QEvent::Show || event->type() == QEvent::Hide)) {
        // Only while the counter is on screen does the whole application's keyboard concern it.
        const bool shown = event->type() == QEvent::Show;
        if (shown != m_filtering) {
            m_filtering = shown;
            if (shown)
                qApp->installEventFilter(this);
            else
                qApp->removeEventFilter(this);
        }
        forget();
        return false;
    }
    if (event->type() != QEvent::KeyPress || !m_filtering || !isForScope(watched))
        return false;
    return onKeyPress(static_cast<QKeyEvent *>(event));
}

// The key press as the focus widget of the counter window receives it; not the copies Qt
// propagates to its parents, nor keys meant for a dialog or another window.
bool ScannerInput::isForScope(QObject *watched) const
{
    if (QApplication::activeModalWidget() || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (widget->window() != m_scope->window() || !m_scope->isVisible())
        return false;
    QWidget *focus = QApplication::focusWidget();
    return focus ? widget == focus : widget == m_scope->window();
}

bool ScannerInput::onKeyPress(const QKeyEvent *event)
{
    const qint64 nowMs = m_clock.elapsed();
    if (m_lastKeyMs >= 0 && nowMs - m_lastKeyMs > MaxKeyGapMs)
        forget();
    if (isDigitKey(event)) {
        if (m_digits.isEmpty())
            startBurst(nowMs);
        m_digits.append(event->text());
        m_lastKeyMs = nowMs;
        return false; // typing until proven a scan: the digit goes where it was going
    }
    // n digits and the Enter: n gaps.
    const bool scan = isEnterKey(event) && m_digits.size() >= MinScanDigits
        && (nowMs - m_firstKeyMs) <= MaxMeanGapMs * m_digits.size();
    if (!scan) {
        forget();
        return false;
    }
    if (m_field && m_field->text() != m_fieldTextBefore) {
        m_field->setText(m_fieldTextBefore);
        m_field->setCursorPosition(m_fieldCursorBefore);
    }
    QString digits = std::exchange(m_digits, QString());
    forget();
    Q_EMIT scanned(digits);
    digits.fill(u'0');
    return true;
}

void ScannerInput::startBurst(qint64 nowMs)
{
    m_firstKeyMs = nowMs;
    m_field = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    m_fieldTextBefore = m_field ? m_field->text() : QString();
    m_fieldCursorBefore = m_field ? m_field->cursorPosition() : 0;
}

void ScannerInput::forget()
{
    m_digits.fill(u'0');
    m_digits.clear();
    m_firstKeyMs = -1;
    m_lastKeyMs = -1;
    m_field.clear();
    m_fieldTextBefore.clear();
}

} // namespace paydesk

#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

class QKeyEvent;
class QLineEdit;
class QWidget;

namespace paydesk {

// A keyboard-wedge barcode scanner on the counter: it "types" the customer's payment code and
// Enter within a few tens of milliseconds, into whatever has the focus. While `scope` (the
// counter window) is shown and active, an application-level event filter watches the key
// presses that reach it. A burst of at least MinScanDigits digits typed faster than a person
// can type, ended by Enter, is a scan: the Enter is swallowed (never a Charge, never "New
// sale"), the digits the burst put into a text field are taken back out, and scanned() is
// emitted. Anything slower is ordinary typing and goes where it went.
// The digits are held only until scanned() returns; they are never logged.
class ScannerInput : public QObject
{
    Q_OBJECT

public:
    // Scanners send a key every 2–15 ms (USB HID polling, 1 ms per report); a loaded counter PC
    // can still stall one key for a few tens of ms. A longer pause than this ends the burst: no
    // scanner pauses that long mid-code, while even a fast typist's keys are 100+ ms apart.
    static constexpr qint64 MaxKeyGapMs = 80;
    // Over the whole burst the keys must average faster than this: a person typing ten digits
    // in a row cannot average 30 ms a key; a scanner averages well under 15.
    static constexpr qint64 MaxMeanGapMs = 30;
    // Payment codes have 16–24 digits; ten or more in a burst is a scan even if it was misread
    // (the code is then refused with a message instead of ending up in the amount).
    static constexpr int MinScanDigits = 10;

    explicit ScannerInput(QWidget *scope);
    ~ScannerInput() override;

    // Types `digits` and Enter into the focused widget as a scanner would (all at once through
    // the event queue, so through this filter): demo mode's "Simulate a scan".
    void typeAsScanner(const QString &digits) const;

Q_SIGNALS:
    void scanned(const QString &digits);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isForScope(QObject *watched) const;
    bool onKeyPress(const QKeyEvent *event);
    void startBurst(qint64 nowMs);
    void forget();

    QWidget *m_scope;
    QElapsedTimer m_clock;
    QString m_digits;
    qint64 m_firstKeyMs = -1;
    qint64 m_lastKeyMs = -1;
    QPointer<QLineEdit> m_field; // the text field the burst typed into
    QString m_fieldTextBefore;
    int m_fieldCursorBefore = 0;
    bool m_filtering = false;
};

} // namespace paydesk

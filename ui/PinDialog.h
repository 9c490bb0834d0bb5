#pragma once

#include "common/Clock.h"
#include "config/Settings.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace paydesk {

// Asks for the manager PIN, counting failures towards the lock-out (10 failures: 30 minutes),
// which survives restarts because the counters live in the settings.
class PinDialog : public QDialog
{
    Q_OBJECT

public:
    PinDialog(Settings &settings, const Clock &clock, QWidget *parent = nullptr);

    // True when the PIN was accepted (or none is set yet). Shows the dialog if needed.
    static bool unlock(Settings &settings, const Clock &clock, QWidget *parent);

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    // A wrong PIN, or any PIN while locked out: for the audit trail.
    void pinRejected(bool lockedOut, int attemptsLeft);

private:
    Settings &m_settings;
    const Clock &m_clock;
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace paydesk

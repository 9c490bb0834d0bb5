#pragma once

#include "money/Channel.h"
#include "sim/SimMicropay.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace paydesk {

// Demo mode only: "Simulate a scan" buttons, one per simulator scenario (paid, password,
// insufficient funds, expired or used code, risk control, no reply). Each asks for a fresh
// simulator test code of the wallet matching the selected payment method; MainWindow types it
// through the scanner path (ScannerInput::typeAsScanner), as a real scanner would.
class ScanDemoPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScanDemoPanel(QWidget *parent = nullptr);

    // A new code each time (the same code twice is refused as repeated, as at a real counter).
    QString nextCode(Channel selectedQrChannel, sim::MicropayScenario scenario);

Q_SIGNALS:
    void scanRequested(paydesk::sim::MicropayScenario scenario);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title = nullptr;
    QList<QPushButton *> m_buttons;
    int m_serial = 0;
};

} // namespace paydesk

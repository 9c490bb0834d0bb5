#pragma once

#include "orders/OrderLog.h"

#include <QWidget>

class QLabel;

namespace paydesk {

class QrWidget;

// The optional window for a second screen facing the customer: amount, QR, "Paid — thank you".
class CustomerDisplay : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerDisplay(QWidget *parent = nullptr);

    void showWelcome();
    void showPayment(const Money &amount, const QString &qrPayload, Channel channel);
    void showOutcome(const Order &order);
    // Scan to pay: "Show your payment code to the cashier" with the amount (the cashier has typed
    // it and is about to scan), "Processing…", then "Confirm the payment on your phone".
    void showScanPrompt(const Money &amount);
    void showScanProcessing(const Money &amount);
    void showScanConfirming(const Money &amount, Channel channel);
    QString message() const;
    QrWidget *qrWidget() const { return m_qr; }

    // The display's window on the counter's only screen: at the right of the available area, a
    // third of its width (MinimumWidth to 640 px), leaving the counter window at least
    // counterMinimumWidth. Null when there is no such room.
    static QRect besideCounter(const QRect &available, int counterMinimumWidth);
    static constexpr int MinimumWidth = 360;

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Mode {
        Invalid = 0,
        Welcome,
        Payment,
        Outcome,
        ScanPrompt,
        ScanProcessing,
        ScanConfirming
    };
    void showScanStep(Mode mode, const Money &amount, Channel channel);

    QLabel *m_amount = nullptr;
    QLabel *m_message = nullptr;
    QrWidget *m_qr = nullptr;
    Mode m_mode = Mode::Welcome;
    Order m_order;
    Channel m_channel = Channel::Invalid;
    Money m_amountValue;
};

} // namespace paydesk

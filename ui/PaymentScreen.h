#pragma once

#include "orders/OrderLog.h"
#include "payment/Sale.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace paydesk {

class QrWidget;

// The QR the customer scans, with amount, payment method, countdown and the live state.
class PaymentScreen : public QWidget
{
    Q_OBJECT

public:
    explicit PaymentScreen(bool demo, QWidget *parent = nullptr);

    void showSale(Sale *sale);
    Sale *sale() const { return m_sale; }
    QrWidget *qrWidget() const { return m_qr; }

Q_SIGNALS:
    void cancelRequested();
    void simulatePaymentRequested(const QString &mchOrderNo);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    void onError(const Error &error);
    void retranslate();

    bool m_demo;
    QPointer<Sale> m_sale;
    QString m_errorText;
    QLabel *m_amount = nullptr;
    QLabel *m_channel = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_countdown = nullptr;
    QrWidget *m_qr = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_simulate = nullptr;
    QTimer m_tick;
};

} // namespace paydesk

#pragma once

#include "common/Error.h"
#include "orders/OrderLog.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace paydesk {

// How a sale ended, impossible to misread: Paid (green), Paid late, Expired, Cancelled, Failed.
// Paid returns to a new sale by itself after a few seconds; Enter does it at once.
class OutcomeScreen : public QWidget
{
    Q_OBJECT

public:
    static constexpr int AutoReturnSeconds = 5;

    explicit OutcomeScreen(QWidget *parent = nullptr);

    void showOutcome(const Order &order, const Error &lastError);
    const Order &order() const { return m_order; }
    // Whether Paid offers "Print receipt" (false when no printer of any kind can be reached).
    void setReceiptsAvailable(bool available);
    void setReceiptStatus(const QString &text);

Q_SIGNALS:
    void newSaleRequested();
    void receiptRequested(const paydesk::Order &order);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();

    Order m_order;
    Error m_error;
    int m_secondsLeft = 0;
    QLabel *m_headline = nullptr;
    QLabel *m_amount = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_countdown = nullptr;
    QLabel *m_receiptStatus = nullptr;
    QPushButton *m_printReceipt = nullptr;
    QPushButton *m_newSale = nullptr;
    bool m_receiptsAvailable = true;
    QTimer m_autoReturn;
};

} // namespace paydesk

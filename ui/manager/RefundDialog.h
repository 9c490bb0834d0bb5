#pragma once

#include "orders/OrderLog.h"
#include "payment/RefundService.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace paydesk {

// A full or partial refund of one paid order: shows what can still be refunded, takes the
// amount and a reason, sends it through RefundService and shows how it ended. The core checks
// the balance again under its write lock; this dialog only keeps an impossible amount from
// being sent.
class RefundDialog : public QDialog
{
    Q_OBJECT

public:
    RefundDialog(OrderLog &orderLog, RefundService &refunds, const Order &order, Requester manager,
                 QWidget *parent = nullptr);

    qint64 refundableMinor() const { return m_refundableMinor; }
    std::optional<Refund> refund() const { return m_refund; } // once requested

Q_SIGNALS:
    void refundRequested(const paydesk::Refund &pending);
    void refundFinished(const paydesk::Refund &refund);

private:
    void loadBalance();
    // The amount to refund, or why it cannot be sent (shown in the dialog).
    Result<qint64> amountMinor() const;
    void validate();
    void submit();
    void onFinished(const Refund &refund);
    QString refusalText(const Error &error) const;

    OrderLog &m_orderLog;
    RefundService &m_refunds;
    Order m_order;
    Requester m_manager;
    qint64 m_refundableMinor = 0;
    std::optional<Refund> m_refund;
    QLabel *m_balance = nullptr;
    QRadioButton *m_full = nullptr;
    QRadioButton *m_partial = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_send = nullptr;
};

// Settles a refund whose outcome is unknown, after the manager checked the gateway's portal.
class ResolveRefundDialog : public QDialog
{
    Q_OBJECT

public:
    ResolveRefundDialog(RefundService &refunds, const Refund &refund, Requester manager, QWidget *parent = nullptr);

    std::optional<Refund> resolved() const { return m_resolved; }

private:
    void submit();

    RefundService &m_refunds;
    Refund m_refund;
    Requester m_manager;
    std::optional<Refund> m_resolved;
    QComboBox *m_outcome = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace paydesk

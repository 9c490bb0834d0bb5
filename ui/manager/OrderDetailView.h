#pragma once

#include "orders/OrderLog.h"

#include <QTimeZone>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace paydesk {

class RefundService;

enum class ReceiptOutput {
    Invalid = 0,
    Printer,
    Thermal,
    Pdf
};

// One order in full: its figures, every event of its timeline, its refunds, and what a manager
// can do with it (refund, resolve a refund of unknown outcome, receipts).
class OrderDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit OrderDetailView(const OrderLog &log, QWidget *parent = nullptr);

    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // Refunds go through this service (null: none at this terminal); an order it cannot refund
    // (paid through another gateway) keeps its Refund button off, saying why.
    void setRefundService(const RefundService *refunds);
    // Reads the order, its events and refunds again; false (and a message) when it cannot.
    bool showOrder(qint64 orderId);
    bool reload();
    void clear();

    std::optional<Order> order() const { return m_order; }
    std::optional<Refund> selectedRefund() const;
    const QList<OrderEvent> &events() const { return m_events; }
    const QList<Refund> &refunds() const { return m_refunds; }

Q_SIGNALS:
    void refundRequested(const paydesk::Order &order);
    void resolveRequested(const paydesk::Refund &refund);
    void saleReceiptRequested(const paydesk::Order &order, paydesk::ReceiptOutput output);
    void refundReceiptRequested(const paydesk::Order &order, const paydesk::Refund &refund,
                                paydesk::ReceiptOutput output);

protected:
    void changeEvent(QEvent *event) override;

private:
    QToolButton *addReceiptButton(const char *objectName, const char *actionPrefix, QList<QAction *> &actions);
    void fillEvents();
    void fillRefunds();
    void updateActions();
    void retranslate();

    const OrderLog &m_log;
    QTimeZone m_zone = QTimeZone::utc();
    const RefundService *m_refundService = nullptr;
    std::optional<Order> m_order;
    QList<OrderEvent> m_events;
    QList<Refund> m_refunds;
    QLabel *m_summary = nullptr;
    QLabel *m_eventsTitle = nullptr;
    QLabel *m_refundsTitle = nullptr;
    QTableWidget *m_eventTable = nullptr;
    QTableWidget *m_refundTable = nullptr;
    QPushButton *m_refund = nullptr;
    QPushButton *m_resolve = nullptr;
    QToolButton *m_saleReceipt = nullptr;
    QToolButton *m_refundReceipt = nullptr;
    QList<QAction *> m_saleActions;
    QList<QAction *> m_refundActions;
};

} // namespace paydesk

#include "OrderDetailView.h"

#include "ChannelStyle.h"
#include "ErrorText.h"
#include "ManagerText.h"

#include "payment/RefundService.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace paydesk {

namespace {

constexpr std::array Outputs{ReceiptOutput::Printer, ReceiptOutput::Thermal, ReceiptOutput::Pdf};

QTableWidget *makeTable(QWidget *parent, const char *objectName, int columns)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setObjectName(QString::fromLatin1(objectName));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (qsizetype column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells[column]);
        item->setToolTip(cells[column]);
        table->setItem(row, int(column), item);
    }
}

} // namespace

OrderDetailView::OrderDetailView(const OrderLog &log, QWidget *parent) : QWidget(parent), m_log(log)
{
    setObjectName(QStringLiteral("orderDetail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("orderSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *buttons = new QHBoxLayout;
    m_refund = new QPushButton(this);
    m_refund->setObjectName(QStringLiteral("refundButton"));
    connect(m_refund, &QPushButton::clicked, this, [this] {
        if (m_order)
            Q_EMIT refundRequested(*m_order);
    });
    m_resolve = new QPushButton(this);
    m_resolve->setObjectName(QStringLiteral("resolveRefundButton"));
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        if (const auto refund = selectedRefund())
            Q_EMIT resolveRequested(*refund);
    });
    m_saleReceipt = addReceiptButton("saleReceiptButton", "saleReceipt", m_saleActions);
    m_refundReceipt = addReceiptButton("refundReceiptButton", "refundReceipt", m_refundActions);
    for (QWidget *button : std::initializer_list<QWidget *>{m_refund, m_resolve, m_saleReceipt, m_refundReceipt})
        buttons->addWidget(button);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_eventsTitle = new QLabel(this);
    layout->addWidget(m_eventsTitle);
    m_eventTable = makeTable(this, "eventTable", 5);
    layout->addWidget(m_eventTable, 3);
    m_refundsTitle = new QLabel(this);
    layout->addWidget(m_refundsTitle);
    m_refundTable = makeTable(this, "refundTable", 7);
    layout->addWidget(m_refundTable, 1);
    connect(m_refundTable, &QTableWidget::itemSelectionChanged, this, &OrderDetailView::updateActions);
    retranslate();
    clear();
}

QToolButton *OrderDetailView::addReceiptButton(const char *objectName, const char *actionPrefix,
                                               QList<QAction *> &actions)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(button);
    const QStringList suffixes{QStringLiteral("Print"), QStringLiteral("Thermal"), QStringLiteral("Pdf")};
    for (std::size_t i = 0; i < Outputs.size(); ++i) {
        QAction *action = menu->addAction(QString());
        action->setObjectName(QString::fromLatin1(actionPrefix) + suffixes[qsizetype(i)] + u"Action");
        const ReceiptOutput output = Outputs[i];
        const bool refund = &actions == &m_refundActions;
        connect(action, &QAction::triggered, this, [this, output, refund] {
            if (!m_order)
                return;
            if (!refund) {
                Q_EMIT saleReceiptRequested(*m_order, output);
            } else if (const auto selected = selectedRefund()) {
                Q_EMIT refundReceiptRequested(*m_order, *selected, output);
            }
        });
        actions.append(action);
    }
    button->setMenu(menu);
    return button;
}

void OrderDetailView::setRefundService(const RefundService *refunds)
{
    m_refundService = refunds;
    updateActions();
}

bool OrderDetailView::showOrder(qint64 orderId)
{
    const auto order = m_log.orderById(orderId);
    const auto events = order ? m_log.events(orderId) : Result<QList<OrderEvent>>(fail(order.error()));
    const auto refunds = events ? m_log.refundsOfOrder(orderId) : Result<QList<Refund>>(fail(events.error()));
    if (!refunds) {
        clear();
        m_summary->setText(errorMessage(refunds.error()));
        return false;
    }
    m_order = *order;
    m_events = *events;
    m_refunds = *refunds;
    const Order &o = *m_order;
    QStringList lines;
    lines << tr("<b>%1</b> — %2 — %3 with %4")
                 .arg(o.mchOrderNo.toHtmlEscaped(), orderStateText(o.state, o.late), moneyText(o.amount),
                      channelDisplayName(o.channel));
    const QString paid = o.paidAtMs ? tr("paid %1").arg(localDateTimeText(o.paidAtMs, m_zone)) : tr("not paid");
    lines << tr("Created %1 · %2 · terminal %3 · cashier %4")
                 .arg(localDateTimeText(o.createdAtMs, m_zone), paid, o.terminalId.toHtmlEscaped(),
                      o.cashier.isEmpty() ? tr("none") : o.cashier.toHtmlEscaped());
    lines << tr("Gateway order %1 · refunded %2")
                 .arg(o.payOrderId.isEmpty() ? tr("none") : o.payOrderId.toHtmlEscaped(),
                      moneyText(o.refundedMinor, o.amount.currency));
    if (o.late)
        lines << tr("Paid after the sale was closed: refund it or keep it.");
    m_summary->setText(lines.join(u"<br>"));
    fillEvents();
    fillRefunds();
    updateActions();
    return true;
}

bool OrderDetailView::reload()
{
    return m_order ? showOrder(m_order->id) : false;
}

void OrderDetailView::clear()
{
    m_order.reset();
    m_events.clear();
    m_refunds.clear();
    m_summary->setText(tr("Select an order to see its timeline and refunds."));
    m_eventTable->setRowCount(0);
    m_refundTable->setRowCount(0);
    updateActions();
}

void OrderDetailView::fillEvents()
{
    m_eventTable->setRowCount(int(m_events.size()));
    for (qsizetype row = 0; row < m_events.size(); ++row) {
        const OrderEvent &event = m_events[row];
        QString change;
        if (event.toState != OrderState::Invalid) {
            change = event.fromState == OrderState::Invalid
                ? orderStateText(event.toState)
                : orderStateText(event.fromState) + u" → " + orderStateText(event.toState);
        }
        // The time alone while it is the day the order was created: the date would only repeat.
        const bool sameDay = QDateTime::fromMSecsSinceEpoch(event.atMs, m_zone).date()
            == QDateTime::fromMSecsSinceEpoch(m_order->createdAtMs, m_zone).date();
        const QString when = sameDay ? localTimeText(event.atMs, m_zone) : localDateTimeText(event.atMs, m_zone);
        setRow(m_eventTable, int(row), {when, eventKindText(event.kind), change, event.actor, event.detail});
    }
    m_eventTable->resizeColumnsToContents();
}

void OrderDetailView::fillRefunds()
{
    m_refundTable->setRowCount(int(m_refunds.size()));
    for (qsizetype row = 0; row < m_refunds.size(); ++row) {
        const Refund &refund = m_refunds[row];
        setRow(m_refundTable, int(row),
               {refund.mchRefundNo, localDateTimeText(refund.createdAtMs, m_zone), moneyText(refund.amount),
                refundStateText(refund.state), refund.reason, refund.requestedBy, refund.detail});
    }
    m_refundTable->resizeColumnsToContents();
    if (!m_refunds.isEmpty())
        m_refundTable->selectRow(int(m_refunds.size()) - 1);
}

std::optional<Refund> OrderDetailView::selectedRefund() const
{
    const QList<QTableWidgetItem *> selected = m_refundTable->selectedItems();
    if (selected.isEmpty())
        return std::nullopt;
    const int row = selected.constFirst()->row();
    if (row < 0 || row >= m_refunds.size())
        return std::nullopt;
    return m_refunds.at(row);
}

void OrderDetailView::updateActions()
{
    const bool paid = m_order && m_order->state == OrderState::Paid;
    const bool refundable = paid && m_order->refundedMinor < m_order->amount.minor;
    const bool ourGateway = m_refundService && m_order && m_refundService->canRefundThrough(*m_order);
    m_refund->setEnabled(refundable && ourGateway);
    m_refund->setToolTip(
        refundable && m_refundService && !ourGateway
            ? tr("Paid through %1: refund it from that gateway's merchant portal.").arg(m_order->gateway)
            : QString());
    const auto refund = selectedRefund();
    m_resolve->setEnabled(m_refundService && refund && isRefundInFlight(refund->state));
    m_saleReceipt->setEnabled(paid);
    m_refundReceipt->setEnabled(refund && refund->state == RefundState::Succeeded);
}

void OrderDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OrderDetailView::retranslate()
{
    m_refund->setText(tr("Refund…"));
    m_resolve->setText(tr("Resolve refund…"));
    m_saleReceipt->setText(tr("Sale receipt"));
    m_refundReceipt->setText(tr("Refund receipt"));
    for (QList<QAction *> *actions : {&m_saleActions, &m_refundActions}) {
        actions->at(0)->setText(tr("Print…"));
        actions->at(1)->setText(tr("Receipt printer (ESC/POS)"));
        actions->at(2)->setText(tr("Save as PDF…"));
    }
    m_eventsTitle->setText(tr("<b>Timeline</b>"));
    m_refundsTitle->setText(tr("<b>Refunds</b>"));
    m_eventTable->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("State"), tr("By"), tr("Detail")});
    m_refundTable->setHorizontalHeaderLabels(
        {tr("Refund number"), tr("Requested"), tr("Amount"), tr("State"), tr("Reason"), tr("By"), tr("Detail")});
    if (m_order)
        showOrder(m_order->id);
    else
        clear();
}

} // namespace paydesk

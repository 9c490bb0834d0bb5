#include "OrderTableModel.h"

#include "ChannelStyle.h"
#include "ManagerText.h"

#include <QColor>

namespace paydesk {

OrderTableModel::OrderTableModel(const OrderLog &log, QObject *parent) : QAbstractTableModel(parent), m_log(log)
{}

bool OrderTableModel::setFilter(const OrderFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_next.reset();
    m_atEnd = false;
    m_total = 0;
    m_lastError = {};
    endResetModel();
    const auto count = countOrders(m_log, m_filter);
    if (!count) {
        setLoadError(count.error());
        return false;
    }
    m_total = *count;
    Q_EMIT totalChanged(m_total);
    fetchMore({});
    return m_lastError.code == ErrorCode::Invalid;
}

void OrderTableModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Time), index(int(m_rows.size()) - 1, Time));
}

void OrderTableModel::setLoadError(const Error &error)
{
    beginResetModel();
    m_rows.clear();
    m_next.reset();
    m_atEnd = true;
    m_lastError = error;
    endResetModel();
    Q_EMIT loadFailed(error);
}

bool OrderTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void OrderTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    const auto page = orderPage(m_log, m_filter, m_pageSize, m_next, m_listOrder);
    if (!page) {
        setLoadError(page.error());
        return;
    }
    m_next = page->next;
    m_atEnd = !m_next.has_value();
    if (page->orders.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page->orders.size()) - 1);
    m_rows.append(page->orders);
    endInsertRows();
}

void OrderTableModel::sort(int column, Qt::SortOrder order)
{
    if (column != Time)
        return;
    const ListOrder wanted = order == Qt::AscendingOrder ? ListOrder::OldestFirst : ListOrder::NewestFirst;
    if (wanted == m_listOrder)
        return;
    m_listOrder = wanted;
    setFilter(m_filter);
}

std::optional<Order> OrderTableModel::orderAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int OrderTableModel::rowOfOrder(qint64 orderId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == orderId)
            return int(row);
    }
    return -1;
}

bool OrderTableModel::refreshOrder(qint64 orderId)
{
    const int row = rowOfOrder(orderId);
    if (row < 0)
        return false;
    const auto order = m_log.orderById(orderId);
    if (!order)
        return false;
    m_rows[row] = *order;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int OrderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderTableModel::displayData(const Order &order, int column) const
{
    switch (Column(column)) {
    case Time:
        return localDateTimeText(order.createdAtMs, m_zone);
    case OrderNumber:
        return order.mchOrderNo;
    case State:
        return orderStateText(order.state, order.late);
    case ChannelColumn:
        return channelDisplayName(order.channel);
    case Amount:
        return moneyText(order.amount);
    case Refunded:
        return order.refundedMinor > 0 ? moneyText(order.refundedMinor, order.amount.currency) : QString();
    case Terminal:
        return order.terminalId;
    case Cashier:
        return order.cashier;
    case GatewayOrder:
        return order.payOrderId;
    case Source:
        return orderSourceText(order.source);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OrderTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Order &order = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(order, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Amount || index.column() == Refunded)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // What needs a manager's eye stands out: late payments and outcomes not yet final.
        if (order.late)
            return QColor(0xE6, 0x51, 0x00);
        if (isOpenState(order.state))
            return QColor(0x1E, 0x5A, 0xA8);
        if (order.state != OrderState::Paid)
            return QColor(0x61, 0x61, 0x61);
        return {};
    case OrderIdRole:
        return order.id;
    default:
        return {};
    }
}

QVariant OrderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Created");
    case OrderNumber:
        return tr("Order number");
    case State:
        return tr("State");
    case ChannelColumn:
        return tr("Channel");
    case Amount:
        return tr("Amount");
    case Refunded:
        return tr("Refunded");
    case Terminal:
        return tr("Terminal");
    case Cashier:
        return tr("Cashier");
    case GatewayOrder:
        return tr("Gateway order");
    case Source:
        return tr("Source");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace paydesk

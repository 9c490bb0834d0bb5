#pragma once

#include "common/Error.h"
#include "orders/OrderFilter.h"

#include <QAbstractTableModel>
#include <QTimeZone>

#include <optional>

namespace paydesk {

// The manager's order list. Reads the log a page at a time (keyset paging, orderPage()) as the
// view scrolls, so a day — or a whole log — of a million orders costs one page of memory and
// one indexed query per page; the total comes from COUNT(*). Sorting is by creation time only,
// the order the created_at index serves: sorting on another column would have to read every row.
class OrderTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Time = 0,
        OrderNumber,
        Amount,
        State,
        ChannelColumn,
        Refunded,
        Terminal,
        Cashier,
        GatewayOrder,
        Source,
        ColumnCount
    };
    static constexpr int OrderIdRole = Qt::UserRole + 1;
    static constexpr int DefaultPageSize = 200;

    explicit OrderTableModel(const OrderLog &log, QObject *parent = nullptr);

    // Starts over with this filter: the first page and the count. false (and an empty list) when
    // the filter is invalid or the log cannot be read; lastError() says why.
    bool setFilter(const OrderFilter &filter);
    const OrderFilter &filter() const { return m_filter; }
    bool reload() { return setFilter(m_filter); }

    void setTimeZone(const QTimeZone &zone);
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }
    ListOrder listOrder() const { return m_listOrder; }

    qint64 totalCount() const { return m_total; } // rows the filter matches
    std::optional<Order> orderAt(int row) const;
    int rowOfOrder(qint64 orderId) const; // -1 when not loaded
    // Re-reads one loaded row (after a refund) without starting over.
    bool refreshOrder(qint64 orderId);
    const Error &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void loadFailed(const paydesk::Error &error);
    void totalChanged(qint64 total);

private:
    QVariant displayData(const Order &order, int column) const;
    void setLoadError(const Error &error);

    const OrderLog &m_log;
    OrderFilter m_filter;
    QTimeZone m_zone = QTimeZone::utc();
    ListOrder m_listOrder = ListOrder::NewestFirst;
    int m_pageSize = DefaultPageSize;
    QList<Order> m_rows;
    std::optional<OrderCursor> m_next;
    bool m_atEnd = true;
    qint64 m_total = 0;
    Error m_lastError;
};

} // namespace paydesk

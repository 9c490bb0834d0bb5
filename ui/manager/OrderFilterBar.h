#pragma once

#include "common/Error.h"
#include "orders/OrderFilter.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace paydesk {

// The manager list's filters: state, channel, store, terminal, cashier, amount range, order number.
// Typing waits a moment before filterChanged(), so a fast typist does not query per key.
class OrderFilterBar : public QWidget
{
    Q_OBJECT

public:
    static constexpr int TypingDelayMs = 300;

    explicit OrderFilterBar(QWidget *parent = nullptr);

    // The filter for [fromUtcMs, toUtcMs); an amount that is not an amount is InvalidArgument
    // (and shown under the filters).
    Result<OrderFilter> filter(qint64 fromUtcMs, qint64 toUtcMs) const;
    // What the filter selects, in words, for the export's audit record.
    QString describe() const;
    // The store and terminal typed in: what the day summary is scoped to.
    ReportScope scope() const;

public Q_SLOTS:
    void clear();

Q_SIGNALS:
    void filterChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    QLineEdit *addEdit(const char *objectName);
    void retranslate();
    void scheduleChange();

    QComboBox *m_state = nullptr;
    QComboBox *m_channel = nullptr;
    QLineEdit *m_store = nullptr;
    QLineEdit *m_terminal = nullptr;
    QLineEdit *m_cashier = nullptr;
    QLineEdit *m_minAmount = nullptr;
    QLineEdit *m_maxAmount = nullptr;
    QLineEdit *m_orderNumber = nullptr;
    QPushButton *m_clear = nullptr;
    QList<QLabel *> m_labels;
    QLabel *m_message = nullptr;
    QTimer m_typing;
};

} // namespace paydesk

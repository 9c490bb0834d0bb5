#pragma once

#include "orders/OrderLog.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace paydesk {

// The audit trail of a business day: manager actions (refunds, exports, reports, settings,
// wrong PINs, checks of open orders), newest last.
class AuditView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxRows = 2000;

    explicit AuditView(QWidget *parent = nullptr);

    void setEvents(const QList<AuditEvent> &events, const QTimeZone &zone);
    void showError(const QString &message);
    int rowCount() const;
    QStringList rowTexts() const; // "kind|actor|detail" per row, for tests

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QList<AuditEvent> m_events;
    QTimeZone m_zone = QTimeZone::utc();
    QLabel *m_title = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace paydesk

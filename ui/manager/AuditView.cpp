#include "AuditView.h"

#include "ManagerText.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace paydesk {

AuditView::AuditView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("auditView"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    retranslate();
}

void AuditView::setEvents(const QList<AuditEvent> &events, const QTimeZone &zone)
{
    m_events = events;
    m_zone = zone;
    m_table->setRowCount(int(events.size()));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const AuditEvent &event = events[i];
        const QStringList cells{localDateTimeText(event.atMs, zone), auditKindText(event.kind), event.actor,
                                event.detail};
        for (qsizetype column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            item->setData(Qt::UserRole, event.kind);
            m_table->setItem(int(i), int(column), item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->scrollToBottom();
}

void AuditView::showError(const QString &message)
{
    m_table->setRowCount(0);
    m_title->setText(message);
}

int AuditView::rowCount() const
{
    return m_table->rowCount();
}

QStringList AuditView::rowTexts() const
{
    QStringList rows;
    for (const AuditEvent &event : m_events)
        rows.append(event.kind + u'|' + event.actor + u'|' + event.detail);
    return rows;
}

void AuditView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditView::retranslate()
{
    m_title->setText(tr("Manager actions of the business day. Refunds also appear in their order's timeline."));
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Action"), tr("By"), tr("Detail")});
    if (!m_events.isEmpty())
        setEvents(m_events, m_zone);
}

} // namespace paydesk

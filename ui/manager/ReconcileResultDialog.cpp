#include "ReconcileResultDialog.h"

#include "ManagerText.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace paydesk {

ReconcileResultDialog::ReconcileResultDialog(const ReconcileReport &report, QWidget *parent)
    : QDialog(parent), m_report(report)
{
    setObjectName(QStringLiteral("reconcileResultDialog"));
    setWindowTitle(tr("Open orders checked"));
    setMinimumSize(640, 360);
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("reconcileSummary"));
    summary->setWordWrap(true);
    QString text = tr("%n order(s) checked with IOTPay.", nullptr, report.examined) + u' '
        + tr("%n changed,", nullptr, report.changed) + u' ' + tr("%n still open.", nullptr, report.stillOpen);
    if (report.errors > 0)
        text += u' ' + tr("%n could not be checked (gateway unreachable?) — try again later.", nullptr, report.errors);
    if (report.examined == 0)
        text = tr("No open orders: nothing to check.");
    summary->setText(text);
    layout->addWidget(summary);

    auto *table = new QTableWidget(int(report.changes.size()), 3, this);
    table->setObjectName(QStringLiteral("reconcileChanges"));
    table->setHorizontalHeaderLabels({tr("Order number"), tr("Was"), tr("Now")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    for (qsizetype i = 0; i < report.changes.size(); ++i) {
        const ReconcileChange &change = report.changes[i];
        table->setItem(int(i), 0, new QTableWidgetItem(change.mchOrderNo));
        table->setItem(int(i), 1, new QTableWidgetItem(orderStateText(change.before)));
        auto *now = new QTableWidgetItem(orderStateText(change.after));
        now->setToolTip(change.note);
        table->setItem(int(i), 2, now);
    }
    table->resizeColumnsToContents();
    table->setVisible(!report.changes.isEmpty());
    layout->addWidget(table, 1);
    if (!report.errorDetails.isEmpty()) {
        auto *errors = new QLabel(report.errorDetails.join(u'\n'), this);
        errors->setObjectName(QStringLiteral("reconcileErrors"));
        errors->setWordWrap(true);
        errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(errors);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReconcileResultDialog::reject);
    layout->addWidget(buttons);
}

} // namespace paydesk

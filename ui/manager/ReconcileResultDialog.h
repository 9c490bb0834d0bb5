#pragma once

#include "payment/Reconciler.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace paydesk {

// What "Check open orders" found: how many were asked about, and each order whose state changed.
class ReconcileResultDialog : public QDialog
{
    Q_OBJECT

public:
    ReconcileResultDialog(const ReconcileReport &report, QWidget *parent = nullptr);

    const ReconcileReport &report() const { return m_report; }

private:
    ReconcileReport m_report;
};

} // namespace paydesk

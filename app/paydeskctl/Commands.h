#pragma once

#include <QStringList>

class QCoreApplication;

namespace paydesk {

// Each command parses its own options from `arguments` (arguments[0] is "paydeskctl <command>").
int runSign(QCoreApplication &app, const QStringList &arguments);
int runQuery(QCoreApplication &app, const QStringList &arguments);
int runOrders(QCoreApplication &app, const QStringList &arguments);
int runCharge(QCoreApplication &app, const QStringList &arguments);
int runReconcile(QCoreApplication &app, const QStringList &arguments);
int runReport(QCoreApplication &app, const QStringList &arguments);
int runRefund(QCoreApplication &app, const QStringList &arguments);
int runStaff(QCoreApplication &app, const QStringList &arguments);
int runStore(QCoreApplication &app, const QStringList &arguments);

} // namespace paydesk

#pragma once

#include "orders/OrderLog.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace paydesk {

// The words the manager view shows for core values (states, event and audit kinds), translated.
QString orderStateText(OrderState state, bool late = false);
QString refundStateText(RefundState state);
QString orderSourceText(OrderSource source); // "Counter", "Mini program", "App"
QString cashierTotalsName(const QString &cashier); // the name, or "No cashier" for sales without one
QString eventKindText(const QString &kind);
QString auditKindText(const QString &kind);

// Locale-aware money ("28,65 $" in fr_CA) and local times in the report's zone.
QString moneyText(const Money &money);
QString moneyText(qint64 minor, Currency currency);
// With the currency's code instead of a symbol ("1,234.50 CAD"): for reports, where "$" could
// be Canadian or US dollars.
QString amountWithCode(qint64 minor, Currency currency);
QString localDateTimeText(qint64 utcMs, const QTimeZone &zone); // "2026-11-21 14:05:09"
QString localTimeText(qint64 utcMs, const QTimeZone &zone); // "14:05:09"

// The name refunds and audit rows carry for the manager at this terminal: "manager@POS01".
QString managerActorName(const QString &terminalId);

} // namespace paydesk

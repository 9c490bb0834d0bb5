#include "ManagerText.h"

#include <QCoreApplication>
#include <QLocale>

namespace paydesk {

namespace {

// One translation context, "ManagerText", that lupdate and the runtime agree on.
class ManagerText
{
    Q_DECLARE_TR_FUNCTIONS(ManagerText)

public:
    static QString state(OrderState state, bool late);
    static QString refund(RefundState state);
    static QString source(OrderSource source);
    static QString event(const QString &kind);
    static QString audit(const QString &kind);
    static QString noCashier() { return tr("No cashier"); }
};

QString ManagerText::state(OrderState state, bool late)
{
    switch (state) {
    case OrderState::New:
        return tr("New");
    case OrderState::Creating:
        return tr("Creating");
    case OrderState::Unknown:
        return tr("Outcome unknown");
    case OrderState::Awaiting:
        return tr("Awaiting payment");
    case OrderState::Expired:
        return tr("Expired");
    case OrderState::Cancelled:
        return tr("Cancelled");
    case OrderState::Failed:
        return tr("Failed");
    case OrderState::Paid:
        return late ? tr("Paid late") : tr("Paid");
    case OrderState::Invalid:
        break;
    }
    return {};
}

QString ManagerText::source(OrderSource source)
{
    switch (source) {
    case OrderSource::Counter:
        return tr("Counter");
    case OrderSource::MiniProgram:
        return tr("Mini program");
    case OrderSource::App:
        return tr("App");
    case OrderSource::Invalid:
        break;
    }
    return {};
}

QString ManagerText::refund(RefundState state)
{
    switch (state) {
    case RefundState::Pending:
        return tr("Pending");
    case RefundState::Succeeded:
        return tr("Refunded");
    case RefundState::Failed:
        return tr("Refund failed");
    case RefundState::Unknown:
        return tr("Refund outcome unknown");
    case RefundState::Invalid:
        break;
    }
    return {};
}

QString ManagerText::event(const QString &kind)
{
    if (kind == u"created")
        return tr("Created");
    if (kind == u"transition")
        return tr("State change");
    if (kind == u"gateway")
        return tr("Gateway");
    if (kind == u"notify")
        return tr("Notification");
    if (kind == u"refund")
        return tr("Refund");
    if (kind == u"alert")
        return tr("Alert");
    return kind;
}

QString ManagerText::audit(const QString &kind)
{
    if (kind == u"manager_unlock")
        return tr("Manager view opened");
    if (kind == u"manager_lock")
        return tr("Manager view locked");
    if (kind == u"pin_failure")
        return tr("Wrong PIN");
    if (kind == u"sign_in")
        return tr("Signed in");
    if (kind == u"sign_in_failure")
        return tr("Sign-in refused");
    if (kind == u"lockout")
        return tr("Account locked");
    if (kind == u"staff_created")
        return tr("Staff account added");
    if (kind == u"staff_disabled")
        return tr("Staff account disabled");
    if (kind == u"staff_enabled")
        return tr("Staff account enabled");
    if (kind == u"sign_out")
        return tr("Signed out");
    if (kind == u"staff_pin_changed")
        return tr("Staff PIN changed");
    if (kind == u"staff_migrated")
        return tr("Manager PIN moved to an account");
    if (kind == u"refund_request")
        return tr("Refund requested");
    if (kind == u"refund_result")
        return tr("Refund result");
    if (kind == u"refund_resolve")
        return tr("Refund resolved");
    if (kind == u"export")
        return tr("CSV export");
    if (kind == u"report")
        return tr("Z report");
    if (kind == u"receipt")
        return tr("Receipt");
    if (kind == u"settings")
        return tr("Settings changed");
    if (kind == u"reconcile")
        return tr("Open orders checked");
    return kind;
}

} // namespace

QString orderStateText(OrderState state, bool late)
{
    return ManagerText::state(state, late);
}

QString refundStateText(RefundState state)
{
    return ManagerText::refund(state);
}

QString orderSourceText(OrderSource source)
{
    return ManagerText::source(source);
}

QString cashierTotalsName(const QString &cashier)
{
    return cashier.isEmpty() ? ManagerText::noCashier() : cashier;
}

QString eventKindText(const QString &kind)
{
    return ManagerText::event(kind);
}

QString auditKindText(const QString &kind)
{
    return ManagerText::audit(kind);
}

QString moneyText(const Money &money)
{
    return formatMoney(money, QLocale());
}

QString moneyText(qint64 minor, Currency currency)
{
    return formatMoney(Money{minor, currency}, QLocale());
}

QString amountWithCode(qint64 minor, Currency currency)
{
    return formatMoney(Money{minor, Currency::Invalid}, QLocale()) + u' ' + currencyCode(currency);
}

QString localDateTimeText(qint64 utcMs, const QTimeZone &zone)
{
    if (utcMs <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString localTimeText(qint64 utcMs, const QTimeZone &zone)
{
    if (utcMs <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(QStringLiteral("HH:mm:ss"));
}

QString managerActorName(const QString &terminalId)
{
    return u"manager@" + terminalId;
}

} // namespace paydesk

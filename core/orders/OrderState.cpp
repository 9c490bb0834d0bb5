#include "OrderLog.h"

#include <array>

namespace paydesk {

namespace {

constexpr std::array AllStates{
    OrderState::New,     OrderState::Creating,  OrderState::Unknown, OrderState::Awaiting,
    OrderState::Expired, OrderState::Cancelled, OrderState::Failed,  OrderState::Paid,
};

constexpr std::array AllSources{OrderSource::Counter, OrderSource::MiniProgram, OrderSource::App};

} // namespace

QString orderStateName(OrderState state)
{
    switch (state) {
    case OrderState::New:
        return QStringLiteral("NEW");
    case OrderState::Creating:
        return QStringLiteral("CREATING");
    case OrderState::Unknown:
        return QStringLiteral("UNKNOWN");
    case OrderState::Awaiting:
        return QStringLiteral("AWAITING");
    case OrderState::Expired:
        return QStringLiteral("EXPIRED");
    case OrderState::Cancelled:
        return QStringLiteral("CANCELLED");
    case OrderState::Failed:
        return QStringLiteral("FAILED");
    case OrderState::Paid:
        return QStringLiteral("PAID");
    case OrderState::Invalid:
        break;
    }
    return {};
}

OrderState orderStateFromName(QStringView name)
{
    for (OrderState state : AllStates) {
        if (name == orderStateName(state))
            return state;
    }
    return OrderState::Invalid;
}

bool isClosedState(OrderState state)
{
    return state == OrderState::Expired || state == OrderState::Cancelled || state == OrderState::Failed
        || state == OrderState::Paid;
}

bool isOpenState(OrderState state)
{
    return state == OrderState::New || state == OrderState::Creating || state == OrderState::Unknown
        || state == OrderState::Awaiting;
}

bool isTransitionAllowed(OrderState from, OrderState to)
{
    if (from == OrderState::Invalid || to == OrderState::Invalid || from == to)
        return false;
    // A confirmed payment is a fact that must be recorded whatever the sale believed.
    if (to == OrderState::Paid)
        return true;
    switch (from) {
    case OrderState::New:
        return to == OrderState::Creating || to == OrderState::Failed || to == OrderState::Cancelled;
    case OrderState::Creating:
        return to == OrderState::Awaiting || to == OrderState::Unknown || to == OrderState::Failed;
    case OrderState::Unknown:
        // A query resolves it: the order exists (AWAITING), is absent (FAILED) or has closed.
        return to == OrderState::Awaiting || to == OrderState::Failed || to == OrderState::Expired
            || to == OrderState::Cancelled;
    case OrderState::Awaiting:
        return to == OrderState::Expired || to == OrderState::Cancelled || to == OrderState::Failed;
    case OrderState::Expired:
    case OrderState::Cancelled:
    case OrderState::Failed:
    case OrderState::Paid:
    case OrderState::Invalid:
        break;
    }
    return false;
}

QString orderSourceName(OrderSource source)
{
    switch (source) {
    case OrderSource::Counter:
        return QStringLiteral("counter");
    case OrderSource::MiniProgram:
        return QStringLiteral("miniprogram");
    case OrderSource::App:
        return QStringLiteral("app");
    case OrderSource::Invalid:
        break;
    }
    return {};
}

OrderSource orderSourceFromName(QStringView name)
{
    for (OrderSource source : AllSources) {
        if (name == orderSourceName(source))
            return source;
    }
    return OrderSource::Invalid;
}

QString confirmVerdictName(ConfirmVerdict verdict)
{
    switch (verdict) {
    case ConfirmVerdict::Applied:
        return QStringLiteral("Applied");
    case ConfirmVerdict::AlreadyPaid:
        return QStringLiteral("AlreadyPaid");
    case ConfirmVerdict::UnknownOrder:
        return QStringLiteral("UnknownOrder");
    case ConfirmVerdict::AmountMismatch:
        return QStringLiteral("AmountMismatch");
    case ConfirmVerdict::CurrencyMismatch:
        return QStringLiteral("CurrencyMismatch");
    case ConfirmVerdict::Invalid:
        break;
    }
    return QStringLiteral("Invalid");
}

} // namespace paydesk

#include "PaymentGateway.h"

namespace paydesk {

GatewayCall::GatewayCall(Kind kind, QObject *parent) : QObject(parent), m_kind(kind)
{}

void GatewayCall::finish(Result<GatewayResponse> result)
{
    // A late network event after a deadline abort must not overwrite the outcome already reported.
    if (m_finished)
        return;
    m_result = std::move(result);
    m_finished = true;
    Q_EMIT finished();
}

PaymentGateway::~PaymentGateway() = default;

bool PaymentGateway::isNoSuchOrder(const Error &queryError) const
{
    return queryError.code == ErrorCode::NoSuchOrder;
}

Result<Channel> PaymentGateway::micropayChannelFor(const PaymentCode &code) const
{
    Q_UNUSED(code)
    return fail(ErrorCode::InvalidArgument, name() + QStringLiteral(" takes no payment codes"));
}

} // namespace paydesk

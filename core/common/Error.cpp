#include "Error.h"

#include <QMetaEnum>

namespace paydesk {

bool Error::isAmbiguous() const
{
    switch (code) {
    case ErrorCode::Timeout:
    case ErrorCode::Network:
    case ErrorCode::Unparseable:
    case ErrorCode::OutcomeUnknown:
        return true;
    case ErrorCode::HttpStatus:
        return httpStatus >= 500 || httpStatus == 0;
    default:
        return false;
    }
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
        return QStringLiteral("Invalid");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("InvalidArgument");
    case ErrorCode::AmountEmpty:
        return QStringLiteral("AmountEmpty");
    case ErrorCode::AmountMalformed:
        return QStringLiteral("AmountMalformed");
    case ErrorCode::AmountNegative:
        return QStringLiteral("AmountNegative");
    case ErrorCode::AmountZero:
        return QStringLiteral("AmountZero");
    case ErrorCode::AmountTooPrecise:
        return QStringLiteral("AmountTooPrecise");
    case ErrorCode::AmountTooLarge:
        return QStringLiteral("AmountTooLarge");
    case ErrorCode::CurrencyUnsupported:
        return QStringLiteral("CurrencyUnsupported");
    case ErrorCode::RequestInvalid:
        return QStringLiteral("RequestInvalid");
    case ErrorCode::Network:
        return QStringLiteral("Network");
    case ErrorCode::Timeout:
        return QStringLiteral("Timeout");
    case ErrorCode::TlsFailure:
        return QStringLiteral("TlsFailure");
    case ErrorCode::Redirected:
        return QStringLiteral("Redirected");
    case ErrorCode::HttpStatus:
        return QStringLiteral("HttpStatus");
    case ErrorCode::Unparseable:
        return QStringLiteral("Unparseable");
    case ErrorCode::BadSignature:
        return QStringLiteral("BadSignature");
    case ErrorCode::GatewayFail:
        return QStringLiteral("GatewayFail");
    case ErrorCode::ResponseMismatch:
        return QStringLiteral("ResponseMismatch");
    case ErrorCode::SignatureRejected:
        return QStringLiteral("SignatureRejected");
    case ErrorCode::MerchantUnknown:
        return QStringLiteral("MerchantUnknown");
    case ErrorCode::NoSuchOrder:
        return QStringLiteral("NoSuchOrder");
    case ErrorCode::AlreadyPaid:
        return QStringLiteral("AlreadyPaid");
    case ErrorCode::RequestRejected:
        return QStringLiteral("RequestRejected");
    case ErrorCode::OutcomeUnknown:
        return QStringLiteral("OutcomeUnknown");
    case ErrorCode::PaymentCodeUnrecognised:
        return QStringLiteral("PaymentCodeUnrecognised");
    case ErrorCode::PaymentCodeRejected:
        return QStringLiteral("PaymentCodeRejected");
    case ErrorCode::InsufficientFunds:
        return QStringLiteral("InsufficientFunds");
    case ErrorCode::WalletRiskControl:
        return QStringLiteral("WalletRiskControl");
    case ErrorCode::PaymentCodeRepeated:
        return QStringLiteral("PaymentCodeRepeated");
    case ErrorCode::StoreUnavailable:
        return QStringLiteral("StoreUnavailable");
    case ErrorCode::StoreReadOnly:
        return QStringLiteral("StoreReadOnly");
    case ErrorCode::StoreCorrupt:
        return QStringLiteral("StoreCorrupt");
    case ErrorCode::StoreFull:
        return QStringLiteral("StoreFull");
    case ErrorCode::StoreBusy:
        return QStringLiteral("StoreBusy");
    case ErrorCode::StoreFailure:
        return QStringLiteral("StoreFailure");
    case ErrorCode::NotFound:
        return QStringLiteral("NotFound");
    case ErrorCode::Duplicate:
        return QStringLiteral("Duplicate");
    case ErrorCode::TransitionRejected:
        return QStringLiteral("TransitionRejected");
    case ErrorCode::StoreDenied:
        return QStringLiteral("StoreDenied");
    case ErrorCode::PaidAwaitingRelay:
        return QStringLiteral("PaidAwaitingRelay");
    case ErrorCode::TerminalTaken:
        return QStringLiteral("TerminalTaken");
    case ErrorCode::ConfigMissing:
        return QStringLiteral("ConfigMissing");
    case ErrorCode::SecretUnavailable:
        return QStringLiteral("SecretUnavailable");
    }
    return QStringLiteral("Unknown");
}

QString describe(const Error &error)
{
    QString text = errorCodeName(error.code);
    if (error.httpStatus != 0)
        text += u" (HTTP " + QString::number(error.httpStatus) + u')';
    if (!error.gatewayCode.isEmpty())
        text += u" [" + error.gatewayCode + u']';
    if (!error.detail.isEmpty())
        text += u": " + error.detail;
    return text;
}

} // namespace paydesk

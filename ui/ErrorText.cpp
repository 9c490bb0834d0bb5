#include "ErrorText.h"

#include <QCoreApplication>

namespace paydesk {

namespace {

// Gives the messages one translation context, "ErrorText", that lupdate and the runtime agree on.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString message(const Error &error);

private:
    static QString amountMessage(ErrorCode code); // empty unless an amount or currency error
    static QString paymentCodeMessage(ErrorCode code); // empty unless a scanned code was refused
};

} // namespace

QString errorMessage(const Error &error)
{
    return ErrorText::message(error);
}

QString ErrorText::amountMessage(ErrorCode code)
{
    switch (code) {
    case ErrorCode::AmountEmpty:
        return tr("Enter an amount.");
    case ErrorCode::AmountMalformed:
        return tr("That is not an amount. Use digits and at most one decimal separator.");
    case ErrorCode::AmountNegative:
        return tr("The amount cannot be negative.");
    case ErrorCode::AmountZero:
        return tr("The amount must be more than zero.");
    case ErrorCode::AmountTooPrecise:
        return tr("Use at most two decimals.");
    case ErrorCode::AmountTooLarge:
        return tr("The amount is above the maximum allowed for one sale.");
    case ErrorCode::CurrencyUnsupported:
        return tr("This payment method does not accept this currency. Choose another method or currency.");
    default:
        return {};
    }
}

QString ErrorText::paymentCodeMessage(ErrorCode code)
{
    switch (code) {
    case ErrorCode::PaymentCodeUnrecognised:
        return tr("This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged.");
    case ErrorCode::PaymentCodeRejected:
        return tr("The payment code has expired or was already used. Nothing was charged — ask the customer "
                  "to refresh the code and scan again.");
    case ErrorCode::InsufficientFunds:
        return tr("The customer's wallet does not have enough funds. Nothing was charged — scan again once "
                  "the customer has chosen another way to pay.");
    case ErrorCode::WalletRiskControl:
        return tr("The wallet declined this payment for security reasons. Nothing was charged — the customer "
                  "can pay another way.");
    case ErrorCode::PaymentCodeRepeated:
        return tr("This payment code was just used for another order. Ask the customer to refresh the code.");
    default:
        return {};
    }
}

QString ErrorText::message(const Error &error)
{
    if (QString text = amountMessage(error.code); !text.isEmpty())
        return text;
    if (QString text = paymentCodeMessage(error.code); !text.isEmpty())
        return text;
    switch (error.code) {
    case ErrorCode::Network:
    case ErrorCode::TlsFailure:
    case ErrorCode::Redirected:
        return tr("Gateway unreachable — check the network. The sale was not charged.");
    case ErrorCode::Timeout:
    case ErrorCode::Unparseable:
    case ErrorCode::OutcomeUnknown:
        return tr("Outcome unknown — checking with the gateway…");
    case ErrorCode::HttpStatus:
        return error.isAmbiguous() ? tr("Outcome unknown — checking with the gateway…")
                                   : tr("The gateway refused the request. The sale was not charged.");
    case ErrorCode::BadSignature:
        return tr("The gateway's reply could not be verified — check the merchant key in Settings.");
    case ErrorCode::ResponseMismatch:
        return tr("The gateway answered about another order or amount. Checking with the gateway…");
    case ErrorCode::SignatureRejected:
        return tr("Signature error — check the merchant key in Settings.");
    case ErrorCode::MerchantUnknown:
        return tr("Merchant unknown to the gateway — check the merchant ID in Settings.");
    case ErrorCode::RequestRejected:
        return tr("The gateway rejected the order's details. The sale was not charged.");
    case ErrorCode::NoSuchOrder:
        return tr("The gateway never received the order. Nothing was charged — you can charge again.");
    case ErrorCode::AlreadyPaid:
        return tr("This order is already paid.");
    case ErrorCode::GatewayFail:
        return tr("The gateway declined: %1").arg(error.detail.left(120));
    case ErrorCode::RequestInvalid:
    case ErrorCode::ConfigMissing:
        return tr("PayDesk is not fully set up — open Settings (F10).");
    case ErrorCode::SecretUnavailable:
        return tr("The merchant key cannot be read — open Settings (F10) to enter it again.");
    case ErrorCode::StoreUnavailable:
        // A file that cannot be opened, or the store's database out of reach (store mode).
        return tr("The order log cannot be reached. No new sale can start until it is back — nothing was charged. "
                  "Call your installer if this lasts.");
    case ErrorCode::StoreReadOnly:
    case ErrorCode::StoreCorrupt:
        return tr("The order log cannot be written. Nothing was charged. Call your installer.");
    case ErrorCode::PaidAwaitingRelay:
        return tr("Paid at the gateway — waiting for the store's relay to confirm. Do not charge again.");
    case ErrorCode::StoreDenied:
        return tr("The store's database does not allow this login to do that (roles). Nothing was changed — call your "
                  "manager or installer.");
    case ErrorCode::StoreFull:
        return tr("The disk is full. Nothing was charged. Free some space and try again.");
    case ErrorCode::StoreBusy:
    case ErrorCode::StoreFailure:
        return tr("The order log is busy. Nothing was charged — try again.");
    case ErrorCode::Duplicate:
        return tr("A sale is already in progress.");
    case ErrorCode::TerminalTaken:
        return tr("This counter's terminal id is already used by another PayDesk in the store's database. Choose "
                  "another terminal id in Settings (F10), or ask your installer to release it.");
    default:
        break;
    }
    return tr("Something went wrong: %1").arg(describe(error).left(160));
}

} // namespace paydesk

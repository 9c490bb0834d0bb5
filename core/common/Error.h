#pragma once

#include <QMetaType>
#include <QString>

#include <expected>

namespace paydesk {

// Every failure core reports, as a value. `ui` maps codes to translated messages;
// `detail` is for logs and the audit trail (never contains the merchant key).
enum class ErrorCode {
    Invalid = 0,

    // cashier and configuration input
    InvalidArgument,
    AmountEmpty,
    AmountMalformed,
    AmountNegative,
    AmountZero,
    AmountTooPrecise,
    AmountTooLarge,
    CurrencyUnsupported,

    // gateway calls
    RequestInvalid, // refused before sending (field length, channel rule, notifyUrl)
    Network, // connection refused, reset, DNS, ...
    Timeout, // total deadline passed
    TlsFailure,
    Redirected, // gateway answered with a redirect; never followed
    HttpStatus, // non-2xx reply
    Unparseable, // reply is not the JSON envelope we expect
    BadSignature, // reply or notify signature does not verify
    GatewayFail, // the gateway declined for a reason PayDesk has no code of its own for
    ResponseMismatch, // a valid reply for another order or amount
    SignatureRejected, // the gateway says our request's signature is wrong (merchant key)
    MerchantUnknown, // the gateway does not know our merchant id
    NoSuchOrder, // the gateway has never had the order asked about
    AlreadyPaid, // the gateway says the order is already paid
    RequestRejected, // the gateway refused the request's fields (missing or malformed)
    OutcomeUnknown, // the gateway reports its own or a third party's failure: the call may have taken effect
    PaymentCodeUnrecognised, // a scanned code fits no wallet (payment-api.md §5): nothing was sent
    PaymentCodeRejected, // the wallet refused the payment code: expired, already used or invalid
    InsufficientFunds, // the wallet refused: the customer's balance does not cover the amount
    WalletRiskControl, // the wallet's risk control refused the payment
    PaymentCodeRepeated, // the same payment code again while its first order is open or unresolved, or just paid

    // order log
    StoreUnavailable, // cannot open / not writable
    StoreReadOnly,
    StoreCorrupt,
    StoreFull,
    StoreBusy,
    StoreFailure,
    NotFound,
    Duplicate,
    TransitionRejected,
    StoreDenied, // the database refused the operation to this login's role (least privilege)
    // Store mode: the gateway reports the order paid, but this terminal's role may not record a
    // payment; the store's relay confirms it (its notify, or its reconciliation). Never closed meanwhile.
    PaidAwaitingRelay,
    TerminalTaken, // the terminal id is registered in the store's database by another install

    // configuration and secrets
    ConfigMissing,
    SecretUnavailable,
};

struct Error
{
    ErrorCode code = ErrorCode::Invalid;
    QString detail;
    // The gateway's own code (IOTPay errCode, iOnline err_code), for logs and the audit trail only:
    // each gateway's classifier turns it into `code`; nothing outside core/gateway/<name>/ reads it.
    QString gatewayCode;
    int httpStatus = 0;

    // True when a gateway call may or may not have taken effect (timeout, reset, 5xx, garbage):
    // the caller must query before doing anything else.
    bool isAmbiguous() const;
};

QString errorCodeName(ErrorCode code);
QString describe(const Error &error); // "Timeout: no reply within 15000 ms" — for logs and the CLI

template<typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString detail = {})
{
    return std::unexpected<Error>(Error{code, std::move(detail), {}, 0});
}

inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace paydesk

Q_DECLARE_METATYPE(paydesk::Error)

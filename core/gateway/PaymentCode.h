#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringView>

namespace paydesk {

// The digits of a customer's payment code (WeChat Pay / Alipay / UnionPay, payment-api.md §5):
// a bearer credential for about a minute. Like MerchantKey it has no QDebug operator and no
// implicit conversion; masked() is all a log line, an event or a message may show of it.
class PaymentCode
{
public:
    static constexpr qsizetype MinDigits = 16;
    static constexpr qsizetype MaxDigits = 24;

    PaymentCode() = default;

    // What a scanner or the cashier typed: surrounding whitespace and a trailing CR/LF are
    // dropped; anything but 16–24 ASCII digits is PaymentCodeUnrecognised (the detail never
    // repeats the input).
    static Result<PaymentCode> fromText(QStringView text);

    bool isEmpty() const { return m_digits.isEmpty(); }
    qsizetype length() const { return m_digits.size(); }
    QString lastFour() const { return m_digits.right(4); }
    // "****1234": all that logs, events, the order log and messages show of it.
    QString masked() const;

    // The full digits, only for the one field that sends them (`identityCode`) and for
    // classifying the code; never for logs, storage or display.
    const QString &digitsForGateway() const { return m_digits; }

    // Replaces every occurrence of the full digits in `text` with masked() (a reply or a
    // request that echoes the code).
    QString redact(const QString &text) const;
    QByteArray redact(const QByteArray &text) const;

    friend bool operator==(const PaymentCode &, const PaymentCode &) = default;

private:
    explicit PaymentCode(QString digits) : m_digits(std::move(digits)) {}

    QString m_digits;
};

} // namespace paydesk

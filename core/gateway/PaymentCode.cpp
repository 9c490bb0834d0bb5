#include "PaymentCode.h"

namespace paydesk {

using namespace Qt::StringLiterals;

Result<PaymentCode> PaymentCode::fromText(QStringView text)
{
    const QStringView digits = text.trimmed();
    if (digits.isEmpty())
        return fail(ErrorCode::PaymentCodeUnrecognised, u"no payment code"_s);
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return fail(ErrorCode::PaymentCodeUnrecognised, u"a payment code has digits only"_s);
    }
    if (digits.size() < MinDigits || digits.size() > MaxDigits) {
        return fail(ErrorCode::PaymentCodeUnrecognised,
                    u"a payment code has %1 to %2 digits, not %3"_s.arg(MinDigits).arg(MaxDigits).arg(digits.size()));
    }
    return PaymentCode(digits.toString());
}

QString PaymentCode::masked() const
{
    if (m_digits.isEmpty())
        return u"(no code)"_s;
    return u"****"_s + lastFour();
}

QString PaymentCode::redact(const QString &text) const
{
    if (m_digits.isEmpty())
        return text;
    QString copy = text;
    return copy.replace(m_digits, masked());
}

QByteArray PaymentCode::redact(const QByteArray &text) const
{
    if (m_digits.isEmpty())
        return text;
    QByteArray copy = text;
    return copy.replace(m_digits.toLatin1(), masked().toUtf8());
}

} // namespace paydesk

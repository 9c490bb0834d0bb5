#include "Money.h"

#include <algorithm>

// What parseAmount accepts, decided once so the cashier screen behaves the same everywhere:
//
// - Digits are ASCII 0-9 only. Full-width (U+FF10..) and other scripts' digits are rejected as
//   malformed: terminal keypads always send ASCII, and accepting lookalikes would make the parser
//   depend on the input method. The UI may normalise before calling us.
// - Decimal separator: the locale's, and also '.' whenever '.' is not the locale's group separator
//   (so "28.65" works in fr_CA, while in de_DE, where '.' groups, "1.234" keeps meaning 1234).
//   At most two decimals; "28.650" is refused too, because in a ',' locale a '.' followed by three
//   digits may have been meant as a thousands separator — refusing is the only safe reading.
// - ".5" and "5." are accepted (50 and 500): unambiguous and what keypad users type.
// - Group separators: the locale's; if that is a space of any kind, the three spaces people
//   actually type or paste (U+0020, U+00A0, U+202F) are all accepted. Groups must be well formed:
//   1-3 leading digits, then groups of exactly 3, and only in the integer part.
// - A leading '-' (or U+2212, or the locale's negative sign) gives AmountNegative when the rest is
//   a well-formed amount; '+' is malformed.
// - Checks are applied in this order: empty, malformed, negative, too precise, too large, zero.

namespace paydesk {
namespace {

constexpr char16_t MinusSign = u'\u2212';

struct Separators
{
    QString decimalPoint;
    bool dotIsDecimal = false; // '.' accepted as decimal separator in addition to the locale's
    QString group;
    bool spaceGroups = false; // any of U+0020, U+00A0, U+202F separates groups
};

Separators separatorsFor(const QLocale &locale)
{
    Separators s;
    s.decimalPoint = locale.decimalPoint();
    s.group = locale.groupSeparator();
    s.dotIsDecimal = s.group != u".";
    s.spaceGroups = s.group.size() == 1 && s.group.front().isSpace();
    return s;
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Length of the decimal separator at `pos`, or 0.
qsizetype decimalAt(QStringView text, qsizetype pos, const Separators &s)
{
    if (!s.decimalPoint.isEmpty() && text.sliced(pos).startsWith(s.decimalPoint))
        return s.decimalPoint.size();
    if (s.dotIsDecimal && text[pos] == u'.')
        return 1;
    return 0;
}

// Length of the group separator at `pos`, or 0.
qsizetype groupAt(QStringView text, qsizetype pos, const Separators &s)
{
    const QChar c = text[pos];
    if (s.spaceGroups && (c == u' ' || c == u'\u00A0' || c == u'\u202F'))
        return 1;
    if (!s.group.isEmpty() && text.sliced(pos).startsWith(s.group))
        return s.group.size();
    return 0;
}

struct Lexed
{
    QString integerDigits; // without group separators
    QString fractionDigits;
};

Result<Lexed> lexIntegerPart(QStringView text, const Separators &s, qsizetype &pos)
{
    Lexed out;
    qsizetype groupDigits = 0; // digits since the last group separator
    bool grouped = false;
    while (pos < text.size()) {
        const QChar c = text[pos];
        if (isAsciiDigit(c)) {
            out.integerDigits += c;
            ++groupDigits;
            ++pos;
            continue;
        }
        if (decimalAt(text, pos, s) > 0)
            break;
        const qsizetype groupLength = groupAt(text, pos, s);
        if (groupLength == 0) {
            return fail(ErrorCode::AmountMalformed,
                        u"unexpected character '" + QString(c) + u"' at position " + QString::number(pos + 1));
        }
        const bool leadingOk = !grouped && groupDigits >= 1 && groupDigits <= 3;
        const bool innerOk = grouped && groupDigits == 3;
        if (!leadingOk && !innerOk)
            return fail(ErrorCode::AmountMalformed, QStringLiteral("misplaced group separator"));
        grouped = true;
        groupDigits = 0;
        pos += groupLength;
    }
    if (grouped && groupDigits != 3)
        return fail(ErrorCode::AmountMalformed, QStringLiteral("the last digit group must have 3 digits"));
    return out;
}

Result<Lexed> lex(QStringView text, const Separators &s)
{
    qsizetype pos = 0;
    Result<Lexed> out = lexIntegerPart(text, s, pos);
    if (!out)
        return out;
    if (pos < text.size()) {
        pos += decimalAt(text, pos, s);
        for (; pos < text.size(); ++pos) {
            const QChar c = text[pos];
            if (!isAsciiDigit(c)) {
                const QString what = decimalAt(text, pos, s) > 0
                    ? QStringLiteral("a second decimal separator")
                    : QString(u"unexpected character '" + QString(c) + u'\'');
                return fail(ErrorCode::AmountMalformed, what + u" at position " + QString::number(pos + 1));
            }
            out->fractionDigits += c;
        }
    }
    if (out->integerDigits.isEmpty() && out->fractionDigits.isEmpty())
        return fail(ErrorCode::AmountMalformed, QStringLiteral("no digits"));
    return out;
}

// Accumulates ASCII digits without ever overflowing: anything above `maxMinor` is reported as
// too large, however many digits were typed.
Result<qint64> digitsToMinor(QStringView digits, qint64 maxMinor)
{
    maxMinor = std::max<qint64>(maxMinor, 0);
    qint64 value = 0;
    for (const QChar c : digits) {
        const int digit = c.unicode() - u'0';
        // value <= maxMinor / 10 keeps value * 10 in range; maxMinor - digit cannot underflow.
        if (value > maxMinor / 10 || value * 10 > maxMinor - digit) {
            return fail(ErrorCode::AmountTooLarge, u"the amount is above the maximum of " + formatMinorPlain(maxMinor));
        }
        value = value * 10 + digit;
    }
    if (value == 0)
        return fail(ErrorCode::AmountZero, QStringLiteral("the amount is zero"));
    return value;
}

bool startsWithMinus(QStringView text, const QLocale &locale)
{
    const QString negative = locale.negativeSign();
    return text.startsWith(u'-') || text.startsWith(MinusSign) || (!negative.isEmpty() && text.startsWith(negative));
}

} // namespace

Result<qint64> parseAmount(QStringView text, const QLocale &locale, qint64 maxMinor)
{
    text = text.trimmed();
    if (text.isEmpty())
        return fail(ErrorCode::AmountEmpty, QStringLiteral("no amount entered"));

    bool negative = false;
    if (startsWithMinus(text, locale)) {
        negative = true;
        const qsizetype signLength
            = text.startsWith(u'-') || text.startsWith(MinusSign) ? 1 : locale.negativeSign().size();
        text = text.sliced(signLength).trimmed();
        if (text.isEmpty())
            return fail(ErrorCode::AmountMalformed, QStringLiteral("a sign without a number"));
    }

    const Result<Lexed> lexed = lex(text, separatorsFor(locale));
    if (!lexed)
        return std::unexpected(lexed.error());
    if (negative)
        return fail(ErrorCode::AmountNegative, QStringLiteral("the amount is negative"));
    if (lexed->fractionDigits.size() > 2) {
        return fail(ErrorCode::AmountTooPrecise,
                    u"at most 2 decimals, got " + QString::number(lexed->fractionDigits.size()));
    }
    const QString minorDigits = lexed->integerDigits + lexed->fractionDigits.leftJustified(2, u'0');
    return digitsToMinor(minorDigits, maxMinor);
}

Result<qint64> parseKeypadCents(QStringView digits, qint64 maxMinor)
{
    digits = digits.trimmed();
    if (digits.isEmpty())
        return fail(ErrorCode::AmountEmpty, QStringLiteral("no amount entered"));
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (!isAsciiDigit(digits[i])) {
            return fail(ErrorCode::AmountMalformed,
                        u"only digits are allowed, got '" + QString(digits[i]) + u"' at position "
                            + QString::number(i + 1));
        }
    }
    return digitsToMinor(digits, maxMinor);
}

} // namespace paydesk

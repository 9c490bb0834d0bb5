#pragma once

#include "common/Error.h"

#include <QLocale>
#include <QString>
#include <QStringView>

namespace paydesk {

enum class Currency {
    Invalid = 0,
    CAD,
    USD,
    CNY,
    HKD, // iOnline Pay's default; IOTPay does not take it (channelAcceptsCurrency)
};

// Every currency PayDesk knows, in display order (lists, charts, report tables).
inline constexpr Currency AllCurrencies[] = {Currency::CAD, Currency::USD, Currency::CNY, Currency::HKD};

QString currencyCode(Currency currency); // "CAD"
Currency currencyFromCode(QStringView code); // exact, upper-case only; Invalid otherwise

// An amount of money: integer minor units (cents, fen) and its currency. Never a float.
struct Money
{
    qint64 minor = 0;
    Currency currency = Currency::Invalid;

    friend bool operator==(const Money &, const Money &) = default;
};

inline constexpr qint64 DefaultMaxAmountMinor = 10'000'000; // 100,000.00

// Parses what a cashier typed into minor units, exactly (no floating point).
// Accepts "28.65", "28.6", "0.01", "28", group separators of the locale ("1,234.50" in en,
// "1 234,50" / "1 234,50" in fr_CA) and the locale's decimal separator; surrounding
// spaces are ignored. Rejects, each with its own code and a detail that says why:
// empty (AmountEmpty), garbage (AmountMalformed), negative (AmountNegative), zero (AmountZero),
// more than two decimals (AmountTooPrecise), above maxMinor (AmountTooLarge).
Result<qint64> parseAmount(QStringView text, const QLocale &locale, qint64 maxMinor = DefaultMaxAmountMinor);

// The keypad mode of a terminal: digits only, the last two are cents ("2865" -> 2865).
Result<qint64> parseKeypadCents(QStringView digits, qint64 maxMinor = DefaultMaxAmountMinor);

// "28.65" — fixed two decimals, '.' separator, no grouping: for the wire, logs and CSV.
QString formatMinorPlain(qint64 minor);

// Locale-aware display: "$28.65" (en_CA), "28,65 $" (fr_CA), "CA$28.65"/"¥28.65" as the locale does it.
QString formatMoney(const Money &money, const QLocale &locale);

} // namespace paydesk

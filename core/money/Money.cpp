#include "Money.h"

namespace paydesk {

QString currencyCode(Currency currency)
{
    switch (currency) {
    case Currency::CAD:
        return QStringLiteral("CAD");
    case Currency::USD:
        return QStringLiteral("USD");
    case Currency::CNY:
        return QStringLiteral("CNY");
    case Currency::HKD:
        return QStringLiteral("HKD");
    case Currency::Invalid:
        break;
    }
    return {};
}

Currency currencyFromCode(QStringView code)
{
    if (code == u"CAD")
        return Currency::CAD;
    if (code == u"USD")
        return Currency::USD;
    if (code == u"CNY")
        return Currency::CNY;
    if (code == u"HKD")
        return Currency::HKD;
    return Currency::Invalid;
}

QString formatMinorPlain(qint64 minor)
{
    const bool negative = minor < 0;
    // Work on the unsigned magnitude so that INT64_MIN does not overflow.
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    QString text
        = QString::number(magnitude / 100) + u'.' + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return negative ? u'-' + text : text;
}

QString formatMoney(const Money &money, const QLocale &locale)
{
    const bool negative = money.minor < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(money.minor) : quint64(money.minor);
    // Integer part through the locale's grouping, fraction appended with its decimal point:
    // no double ever holds the amount.
    const QString number = locale.toString(qulonglong(magnitude / 100)) + locale.decimalPoint()
        + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    // The sign goes in front of everything ("-$5.00", "-5,00 $"), never between symbol and digits.
    const QString sign = negative ? locale.negativeSign() : QString();

    QString symbol;
    switch (money.currency) {
    case Currency::CAD:
        // "$" is unambiguous only in Canada; elsewhere (e.g. a zh_CN interface) say which dollar.
        symbol = locale.territory() == QLocale::Canada ? QStringLiteral("$") : QStringLiteral("CA$");
        break;
    case Currency::USD:
        symbol = locale.territory() == QLocale::UnitedStates ? QStringLiteral("$") : QStringLiteral("US$");
        break;
    case Currency::CNY:
        symbol = QStringLiteral("¥");
        break;
    case Currency::HKD:
        symbol = QStringLiteral("HK$");
        break;
    case Currency::Invalid:
        return sign + number;
    }
    // French puts the symbol after the amount with a (no-break) space.
    if (locale.language() == QLocale::French)
        return sign + number + QChar(0x00A0) + symbol;
    return sign + symbol + number;
}

} // namespace paydesk

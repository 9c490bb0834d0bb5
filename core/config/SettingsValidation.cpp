#include "Settings.h"

#include "gateway/iotpay/IotPayChannels.h"
#include "money/Channel.h"

#include <QDir>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace paydesk {
namespace {

std::unexpected<Error> invalid(const QString &why)
{
    return fail(ErrorCode::InvalidArgument, why);
}

bool isAsciiAlnum(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool allAsciiAlnum(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isAsciiAlnum);
}

bool hasControlCharacters(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

Result<void> inRange(qint64 value, qint64 min, qint64 max, QStringView unit = {})
{
    if (value >= min && value <= max)
        return {};
    return invalid(u"must be between " + QString::number(min) + u" and " + QString::number(max) + unit + u", got "
                   + QString::number(value));
}

// An absolute http(s) URL with a host and nothing we would have to second-guess.
Result<QUrl> httpUrl(const QString &text)
{
    if (text.isEmpty())
        return invalid(QStringLiteral("must not be empty"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(u"is not a valid URL: " + url.errorString());
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return invalid(QStringLiteral("must start with https:// or http://"));
    if (url.host().isEmpty())
        return invalid(QStringLiteral("must name a host"));
    if (!url.userInfo().isEmpty())
        return invalid(QStringLiteral("must not contain a user name or password"));
    if (text.contains(u'#'))
        return invalid(QStringLiteral("must not contain '#'"));
    return url;
}

} // namespace

QString relayModeName(RelayMode mode)
{
    switch (mode) {
    case RelayMode::InProcess:
        return QStringLiteral("in-process");
    case RelayMode::Service:
        return QStringLiteral("service");
    case RelayMode::Invalid:
        break;
    }
    return {};
}

RelayMode relayModeFromName(QStringView name)
{
    if (name == u"in-process")
        return RelayMode::InProcess;
    if (name == u"service")
        return RelayMode::Service;
    return RelayMode::Invalid;
}

QString escPosConnectionName(EscPosConnection connection)
{
    switch (connection) {
    case EscPosConnection::None:
        return QStringLiteral("none");
    case EscPosConnection::Tcp:
        return QStringLiteral("tcp");
    case EscPosConnection::DeviceFile:
        return QStringLiteral("device");
    case EscPosConnection::Invalid:
        break;
    }
    return {};
}

EscPosConnection escPosConnectionFromName(QStringView name)
{
    for (EscPosConnection connection : {EscPosConnection::None, EscPosConnection::Tcp, EscPosConnection::DeviceFile}) {
        if (name == escPosConnectionName(connection))
            return connection;
    }
    return EscPosConnection::Invalid;
}

QString escPosCharsetName(EscPosCharset charset)
{
    switch (charset) {
    case EscPosCharset::Ascii:
        return QStringLiteral("ascii");
    case EscPosCharset::Gb18030:
        return QStringLiteral("gb18030");
    case EscPosCharset::Invalid:
        break;
    }
    return {};
}

EscPosCharset escPosCharsetFromName(QStringView name)
{
    if (name == u"ascii")
        return EscPosCharset::Ascii;
    if (name == u"gb18030")
        return EscPosCharset::Gb18030;
    return EscPosCharset::Invalid;
}

Result<void> Settings::validateMchId(const QString &mchId)
{
    if (mchId.isEmpty())
        return invalid(QStringLiteral("the merchant id is required"));
    if (mchId.size() > 30 || !allAsciiAlnum(mchId))
        return invalid(QStringLiteral("the merchant id is 1 to 30 letters or digits"));
    return {};
}

Result<void> Settings::validateJobNo(const QString &jobNo)
{
    if (jobNo.size() > 50 || hasControlCharacters(jobNo))
        return invalid(QStringLiteral("the login name is at most 50 printable characters"));
    return {};
}

Result<void> Settings::validateGatewayBaseUrl(const QString &url)
{
    Result<QUrl> parsed = httpUrl(url);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (parsed->hasQuery())
        return invalid(QStringLiteral("must not contain '?'"));
    if (!url.endsWith(u'/'))
        return invalid(u"must end with '/', like " + IotPayDefaultBaseUrl);
    return {};
}

// IOTPay appends "?field=value&..." to the notify URL, and limits it to 200 characters.
Result<void> Settings::validateNotifyUrl(const QString &url)
{
    if (url.size() > 200)
        return invalid(u"must be at most 200 characters, got " + QString::number(url.size()));
    if (url.contains(u'?'))
        return invalid(QStringLiteral("must not contain '?': the gateway appends its own query string"));
    Result<QUrl> parsed = httpUrl(url);
    if (!parsed)
        return std::unexpected(parsed.error());
    return {};
}

Result<void> Settings::validateDeadlineMs(int ms)
{
    return inRange(ms, 1000, 120000, u" ms");
}

Result<void> Settings::validateTerminalId(const QString &id)
{
    if (id.isEmpty() || id.size() > 8 || !allAsciiAlnum(id))
        return invalid(QStringLiteral("the terminal id is 1 to 8 letters or digits"));
    return {};
}

Result<void> Settings::validateStoreId(const QString &id)
{
    if (id.size() > 8 || !allAsciiAlnum(id))
        return invalid(QStringLiteral("the store id is empty (a single counter) or 1 to 8 letters or digits"));
    return {};
}

Result<void> Settings::validateInstanceId(const QString &id)
{
    if (id.size() > 64 || hasControlCharacters(id) || id.trimmed() != id)
        return invalid(QStringLiteral("the install identity is at most 64 printable characters"));
    return {};
}

Result<void> Settings::validateCashier(const QString &name)
{
    if (name.size() > 64 || hasControlCharacters(name))
        return invalid(QStringLiteral("the cashier name is at most 64 printable characters"));
    return {};
}

Result<void> Settings::validateCurrency(Currency currency)
{
    // The counter sells through IOTPay.
    if (!iotPayAcceptsCurrency(currency))
        return invalid(QStringLiteral("must be CAD, USD or CNY"));
    return {};
}

Result<void> Settings::validateMaxAmountMinor(qint64 minor)
{
    // The gateway's amount field is a 32-bit int of cents.
    return inRange(minor, 1, 2'147'483'647, u" minor units");
}

Result<void> Settings::validateValiditySeconds(int seconds)
{
    return inRange(seconds, 30, 7200, u" s");
}

Result<void> Settings::validateGraceMs(int ms)
{
    return inRange(ms, 0, 60000, u" ms");
}

Result<void> Settings::validateQueryIntervalMs(int ms)
{
    return inRange(ms, 1000, 60000, u" ms");
}

Result<void> Settings::validateRelayMode(RelayMode mode)
{
    if (mode == RelayMode::Invalid)
        return invalid(QStringLiteral("must be \"in-process\" or \"service\""));
    return {};
}

Result<void> Settings::validateListenAddress(const QString &address)
{
    QHostAddress parsed;
    if (address.isEmpty() || !parsed.setAddress(address))
        return invalid(u"must be an IPv4 or IPv6 address such as 127.0.0.1, got \"" + address + u'"');
    return {};
}

Result<void> Settings::validatePort(int port)
{
    return inRange(port, 1, 65535);
}

Result<void> Settings::validateRelayPath(const QString &path)
{
    const auto pathCharacter
        = [](QChar c) { return isAsciiAlnum(c) || c == u'/' || c == u'-' || c == u'_' || c == u'.' || c == u'~'; };
    if (path.size() < 2 || path.size() > 100 || !path.startsWith(u'/') || path.contains(u"//")
        || !std::all_of(path.begin(), path.end(), pathCharacter)) {
        return invalid(QStringLiteral("must look like ") + QString::fromLatin1(iotpay::DefaultNotifyPath)
                       + u": starts with '/', letters, digits, '-', '_', '.', '~' and single '/'");
    }
    return {};
}

// A SQLite file, or a store's PostgreSQL database (design.md "Storage backends"); the order log
// checks the URL's options when it opens it. Never echoed: a URL may carry a password, refused.
Result<void> Settings::validateOrderLogPath(const QString &path)
{
    static const QRegularExpression storeUrl(u"^postgres(ql)?://"_s, QRegularExpression::CaseInsensitiveOption);
    if (storeUrl.match(path).hasMatch()) {
        const QUrl url(path);
        if (!url.isValid() || !url.password().isEmpty())
            return invalid(u"must be a postgresql://user@host/db URL without a password (use a passfile)"_s);
        return {};
    }
    if (path.isEmpty() || !QDir::isAbsolutePath(path))
        return invalid(u"must be an absolute file path or a postgresql:// URL, got \"" + path + u'"');
    return {};
}

Result<void> Settings::validateUiLanguage(const QString &language)
{
    if (language != u"en" && language != u"fr_CA" && language != u"zh_CN")
        return invalid(u"must be en, fr_CA or zh_CN, got \"" + language + u'"');
    return {};
}

Result<void> Settings::validateTimeZoneId(const QByteArray &ianaId)
{
    if (ianaId.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(ianaId))
        return invalid(u"is not a known IANA time zone id: \"" + QString::fromLatin1(ianaId) + u'"');
    return {};
}

Result<void> Settings::validateCutoffHour(int hour)
{
    return inRange(hour, 0, 23);
}

Result<void> Settings::validatePinVerifier(const PinVerifier &verifier)
{
    if (verifier.isNull())
        return invalid(QStringLiteral("is empty; use clearPinVerifier() to remove the PIN"));
    if (Result<PinVerifier> roundTrip = PinVerifier::fromString(verifier.toString()); !roundTrip)
        return std::unexpected(roundTrip.error());
    return {};
}

Result<void> Settings::validateFailedAttempts(int count)
{
    return inRange(count, 0, 1'000'000);
}

Result<void> Settings::validateLockedUntilMs(qint64 utcMs)
{
    if (utcMs < 0)
        return invalid(u"must not be negative, got " + QString::number(utcMs));
    return {};
}

Result<void> Settings::validateMerchantName(const QString &name)
{
    if (name.size() > 64 || hasControlCharacters(name))
        return invalid(QStringLiteral("the merchant name is at most 64 printable characters"));
    return {};
}

Result<void> Settings::validateIdleLockMinutes(int minutes)
{
    return inRange(minutes, 1, 240, u" minutes");
}

Result<void> Settings::validateEscPosConnection(EscPosConnection connection)
{
    if (connection == EscPosConnection::Invalid)
        return invalid(QStringLiteral("must be \"none\", \"tcp\" or \"device\""));
    return {};
}

// A DNS name or an IP literal; nothing that could smuggle a scheme, port or path in.
Result<void> Settings::validatePrinterHost(const QString &host)
{
    if (host.isEmpty())
        return {};
    QHostAddress address;
    if (address.setAddress(host))
        return {};
    const auto hostCharacter = [](QChar c) { return isAsciiAlnum(c) || c == u'-' || c == u'.'; };
    if (host.size() > 253 || host.startsWith(u'-') || host.startsWith(u'.') || host.contains(u"..")
        || !std::all_of(host.begin(), host.end(), hostCharacter)) {
        return invalid(u"must be a host name or IP address such as 192.168.1.50, got \"" + host + u'"');
    }
    return {};
}

Result<void> Settings::validatePrinterDevice(const QString &path)
{
    static const QRegularExpression windowsPort(QStringLiteral("^(COM[1-9][0-9]?|LPT[1-9])$"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (path.isEmpty() || QDir::isAbsolutePath(path) || windowsPort.match(path).hasMatch())
        return {};
    return invalid(u"must be an absolute device path such as /dev/usb/lp0, or COM1/LPT1, got \"" + path + u'"');
}

Result<void> Settings::validateEscPosCharset(EscPosCharset charset)
{
    if (charset == EscPosCharset::Invalid)
        return invalid(QStringLiteral("must be \"ascii\" or \"gb18030\""));
    return {};
}

Result<void> Settings::validateCharsPerLine(int chars)
{
    return inRange(chars, 24, 64, u" characters");
}

Result<void> Settings::validateEscPosPrinter(const EscPosPrinterConfig &config)
{
    const QList<Result<void>> fields{validateEscPosConnection(config.connection),
                                     validatePrinterHost(config.host),
                                     validatePort(config.port),
                                     validatePrinterDevice(config.device),
                                     validateEscPosCharset(config.charset),
                                     validateCharsPerLine(config.charsPerLine)};
    for (const Result<void> &field : fields) {
        if (!field)
            return field;
    }
    if (config.connection == EscPosConnection::Tcp && config.host.isEmpty())
        return invalid(QStringLiteral("a network printer needs its host name or IP address"));
    if (config.connection == EscPosConnection::DeviceFile && config.device.isEmpty())
        return invalid(QStringLiteral("a printer device needs its path"));
    return {};
}

Result<void> Settings::validateOptionalFilePath(const QString &path)
{
    if (path.isEmpty())
        return {};
    if (hasControlCharacters(path) || !QDir::isAbsolutePath(path))
        return invalid(QStringLiteral("must be an absolute file path"));
    return {};
}

Result<void> Settings::validateRatePerMinute(int perMinute)
{
    return inRange(perMinute, 1, 100000, u" requests per minute");
}

Result<void> Settings::validateBurst(int burst)
{
    return inRange(burst, 1, 10000, u" requests");
}

Result<void> Settings::validateGatewayName(const QString &name)
{
    if (name.isEmpty() || name == iotpay::Name || name == ionline::Name)
        return {};
    return invalid(QStringLiteral("must be ") + iotpay::Name.toString() + QStringLiteral(" or ")
                   + ionline::Name.toString());
}

Result<void> Settings::validatePublicUrl(const QString &url)
{
    if (url.isEmpty())
        return {};
    if (auto parsed = httpUrl(url); !parsed)
        return fail(parsed.error());
    if (url.contains(u'?'))
        return invalid(QStringLiteral("must not contain a query ('?')"));
    if (url.size() > 150)
        return invalid(QStringLiteral("must be at most 150 characters (the notify path is appended)"));
    return {};
}

Result<void> Settings::validateIOnlineMchId(const QString &mchId)
{
    if (mchId.isEmpty())
        return {};
    if (mchId.size() > 32 || !allAsciiAlnum(mchId))
        return invalid(QStringLiteral("must be 1 to 32 letters or digits"));
    return {};
}

Result<void> Settings::validateOnlineCurrency(Currency currency)
{
    if (currency == Currency::Invalid)
        return invalid(QStringLiteral("must be CAD, USD, CNY or HKD"));
    return {};
}

Result<void> Settings::validateReconcileSeconds(int seconds)
{
    if (seconds == 0)
        return {};
    return inRange(seconds, 10, 86400, u" s (or 0 for off)");
}

Result<void> Settings::validateReconcileMinAgeSeconds(int seconds)
{
    return inRange(seconds, 0, 86400, u" s");
}

Result<void> Settings::validateOnlineOrders(const OnlineOrderSettings &online)
{
    if (online.ionlineEnabled && online.ionlineMchId.isEmpty())
        return invalid(QStringLiteral("iOnline Pay is enabled without its merchant id"));
    return {};
}

} // namespace paydesk

#include "Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <array>
#include <tuple>
#include <type_traits>

namespace paydesk {
namespace {

template<typename T>
using ParamOf = std::conditional_t<std::is_scalar_v<T>, T, const T &>;

template<typename T>
struct SettingKey
{
    QLatin1StringView name;
    T (*defaultValue)();
    Result<void> (*validate)(ParamOf<T>);
};

QString noString() { return {}; }

// ---- The one place that names each key, its type, default and rule. ----
constexpr QLatin1StringView VersionKey("settingsVersion");

constexpr SettingKey<QString> MchId{QLatin1StringView("merchant/mchId"), noString, &Settings::validateMchId};
constexpr SettingKey<QString> JobNo{QLatin1StringView("merchant/jobNo"), noString, &Settings::validateJobNo};
constexpr SettingKey<QString> GatewayBaseUrl{QLatin1StringView("gateway/baseUrl"),
    [] { return QStringLiteral("https://api.iotpaycloud.com/v1/"); }, &Settings::validateGatewayBaseUrl};
constexpr SettingKey<QString> NotifyUrl{QLatin1StringView("gateway/notifyUrl"), noString, &Settings::validateNotifyUrl};
constexpr SettingKey<int> GatewayDeadlineMs{QLatin1StringView("gateway/deadlineMs"),
    [] { return 15000; }, &Settings::validateDeadlineMs};
constexpr SettingKey<QString> TerminalId{QLatin1StringView("terminal/id"),
    [] { return QStringLiteral("POS01"); }, &Settings::validateTerminalId};
constexpr SettingKey<QString> Cashier{QLatin1StringView("terminal/cashier"), noString, &Settings::validateCashier};
constexpr SettingKey<Currency> SaleCurrency{QLatin1StringView("sale/currency"),
    [] { return Currency::CAD; }, &Settings::validateCurrency};
constexpr SettingKey<qint64> MaxAmountMinor{QLatin1StringView("sale/maxAmountMinor"),
    [] { return DefaultMaxAmountMinor; }, &Settings::validateMaxAmountMinor};
constexpr SettingKey<int> ValiditySeconds{QLatin1StringView("sale/validitySeconds"),
    [] { return 300; }, &Settings::validateValiditySeconds};
constexpr SettingKey<int> GraceMs{QLatin1StringView("sale/graceMs"), [] { return 5000; }, &Settings::validateGraceMs};
constexpr SettingKey<int> QueryIntervalMs{QLatin1StringView("sale/queryIntervalMs"),
    [] { return 3000; }, &Settings::validateQueryIntervalMs};
constexpr SettingKey<RelayMode> RelayModeKey{QLatin1StringView("relay/mode"),
    [] { return RelayMode::InProcess; }, &Settings::validateRelayMode};
constexpr SettingKey<QString> RelayListenAddress{QLatin1StringView("relay/listenAddress"),
    [] { return QStringLiteral("127.0.0.1"); }, &Settings::validateListenAddress};
constexpr SettingKey<int> RelayPort{QLatin1StringView("relay/port"), [] { return 8787; }, &Settings::validatePort};
constexpr SettingKey<QString> RelayPath{QLatin1StringView("relay/path"),
    [] { return QStringLiteral("/notify/iotpay"); }, &Settings::validateRelayPath};
constexpr SettingKey<QString> OrderLogPath{QLatin1StringView("store/orderLogPath"),
    []() -> QString {
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/orders.sqlite";
    }, &Settings::validateOrderLogPath};
constexpr SettingKey<QString> UiLanguage{QLatin1StringView("ui/language"),
    [] { return QStringLiteral("en"); }, &Settings::validateUiLanguage};
constexpr SettingKey<QByteArray> ReportTimeZone{QLatin1StringView("report/timeZone"),
    [] { return QTimeZone::systemTimeZoneId(); }, &Settings::validateTimeZoneId};
constexpr SettingKey<int> ReportCutoffHour{QLatin1StringView("report/cutoffHour"),
    [] { return 4; }, &Settings::validateCutoffHour};
constexpr SettingKey<PinVerifier> PinVerifierKey{QLatin1StringView("manager/pinVerifier"),
    [] { return PinVerifier{}; }, &Settings::validatePinVerifier};
constexpr SettingKey<int> FailedAttempts{QLatin1StringView("manager/failedAttempts"),
    [] { return 0; }, &Settings::validateFailedAttempts};
constexpr SettingKey<qint64> LockedUntilMs{QLatin1StringView("manager/lockedUntilMs"),
    [] { return qint64(0); }, &Settings::validateLockedUntilMs};
constexpr SettingKey<QString> MerchantName{QLatin1StringView("merchant/name"), noString,
    &Settings::validateMerchantName};
constexpr SettingKey<int> IdleLockMinutes{QLatin1StringView("manager/idleLockMinutes"),
    [] { return 5; }, &Settings::validateIdleLockMinutes};
constexpr SettingKey<EscPosConnection> EscPosConnectionKey{QLatin1StringView("receipt/escposConnection"),
    [] { return EscPosConnection::None; }, &Settings::validateEscPosConnection};
constexpr SettingKey<QString> EscPosHost{QLatin1StringView("receipt/escposHost"), noString,
    &Settings::validatePrinterHost};
constexpr SettingKey<int> EscPosPort{QLatin1StringView("receipt/escposPort"), [] { return 9100; },
    &Settings::validatePort};
constexpr SettingKey<QString> EscPosDevice{QLatin1StringView("receipt/escposDevice"), noString,
    &Settings::validatePrinterDevice};
constexpr SettingKey<EscPosCharset> EscPosCharsetKey{QLatin1StringView("receipt/escposCharset"),
    [] { return EscPosCharset::Ascii; }, &Settings::validateEscPosCharset};
constexpr SettingKey<int> ReceiptCharsPerLine{QLatin1StringView("receipt/charsPerLine"), [] { return 42; },
    &Settings::validateCharsPerLine};
constexpr SettingKey<int> RelayReconcileSeconds{QLatin1StringView("relay/reconcileSeconds"), [] { return 60; },
    &Settings::validateReconcileSeconds};
constexpr SettingKey<bool> ApiEnabled{QLatin1StringView("api/enabled"), [] { return false; }, nullptr};
constexpr SettingKey<QString> ApiListenAddress{QLatin1StringView("api/listenAddress"),
    [] { return OnlineOrderSettings{}.apiListenAddress; }, &Settings::validateListenAddress};
constexpr SettingKey<int> ApiPort{QLatin1StringView("api/port"), [] { return OnlineOrderSettings{}.apiPort; },
    &Settings::validatePort};
constexpr SettingKey<QString> ApiSecretFile{QLatin1StringView("api/hmacFile"), noString,
    &Settings::validateOptionalFilePath};
constexpr SettingKey<QString> ApiTerminalId{QLatin1StringView("api/terminalId"),
    [] { return OnlineOrderSettings{}.apiTerminalId; }, &Settings::validateTerminalId};
constexpr SettingKey<int> ApiRatePerMinute{QLatin1StringView("api/ratePerMinute"),
    [] { return OnlineOrderSettings{}.apiRatePerMinute; }, &Settings::validateRatePerMinute};
constexpr SettingKey<int> ApiBurst{QLatin1StringView("api/burst"), [] { return OnlineOrderSettings{}.apiBurst; },
    &Settings::validateBurst};
constexpr SettingKey<QString> ApiDefaultGateway{QLatin1StringView("api/defaultGateway"), noString,
    &Settings::validateGatewayName};
constexpr SettingKey<QString> ApiPublicUrl{QLatin1StringView("api/publicUrl"), noString, &Settings::validatePublicUrl};
constexpr SettingKey<bool> IOnlineEnabled{QLatin1StringView("ionline/enabled"), [] { return false; }, nullptr};
constexpr SettingKey<QString> IOnlineMchId{QLatin1StringView("ionline/mchId"), noString,
    &Settings::validateIOnlineMchId};
constexpr SettingKey<Currency> IOnlineCurrency{QLatin1StringView("ionline/currency"),
    [] { return OnlineOrderSettings{}.ionlineCurrency; }, &Settings::validateOnlineCurrency};
constexpr SettingKey<QString> IOnlineKeyFile{QLatin1StringView("ionline/credentialFile"), noString,
    &Settings::validateOptionalFilePath};
constexpr SettingKey<QString> IOnlineGatewayUrl{QLatin1StringView("ionline/gatewayUrl"),
    [] { return OnlineOrderSettings{}.ionlineGatewayUrl; }, &Settings::validateGatewayBaseUrl};
constexpr SettingKey<QString> IOnlineNotifyPath{QLatin1StringView("ionline/notifyPath"),
    [] { return OnlineOrderSettings{}.ionlineNotifyPath; }, &Settings::validateRelayPath};

constexpr auto AllKeys = std::tuple{MchId, JobNo, GatewayBaseUrl, NotifyUrl, GatewayDeadlineMs, TerminalId,
    Cashier, SaleCurrency, MaxAmountMinor, ValiditySeconds, GraceMs, QueryIntervalMs, RelayModeKey,
    RelayListenAddress, RelayPort, RelayPath, OrderLogPath, UiLanguage, ReportTimeZone, ReportCutoffHour,
    PinVerifierKey, FailedAttempts, LockedUntilMs, MerchantName, IdleLockMinutes, EscPosConnectionKey, EscPosHost,
    EscPosPort, EscPosDevice, EscPosCharsetKey, ReceiptCharsPerLine, RelayReconcileSeconds, ApiEnabled,
    ApiListenAddress, ApiPort, ApiSecretFile, ApiTerminalId, ApiRatePerMinute, ApiBurst, ApiDefaultGateway,
    ApiPublicUrl, IOnlineEnabled, IOnlineMchId, IOnlineCurrency, IOnlineKeyFile, IOnlineGatewayUrl,
    IOnlineNotifyPath};
// ---- end of the table ----

// INI values come back as strings (or as a QStringList for an unquoted value with commas, which
// no PayDesk value is); values set in this process may still be in their original type.
bool asText(const QVariant &stored, QString &text)
{
    if (stored.typeId() == QMetaType::QStringList || !stored.canConvert<QString>())
        return false;
    text = stored.toString();
    return true;
}

bool decode(const QVariant &stored, QString &out)
{
    return asText(stored, out);
}

bool decode(const QVariant &stored, int &out)
{
    QString text;
    bool ok = false;
    if (asText(stored, text))
        out = text.trimmed().toInt(&ok);
    return ok;
}

bool decode(const QVariant &stored, bool &out)
{
    QString text;
    if (!asText(stored, text))
        return false;
    text = text.trimmed().toLower();
    if (text == u"true" || text == u"1" || text == u"yes" || text == u"on")
        out = true;
    else if (text == u"false" || text == u"0" || text == u"no" || text == u"off")
        out = false;
    else
        return false;
    return true;
}

bool decode(const QVariant &stored, qint64 &out)
{
    QString text;
    bool ok = false;
    if (asText(stored, text))
        out = text.trimmed().toLongLong(&ok);
    return ok;
}

bool decode(const QVariant &stored, Currency &out)
{
    QString text;
    if (asText(stored, text))
        out = currencyFromCode(text.trimmed());
    return out != Currency::Invalid;
}

bool decode(const QVariant &stored, RelayMode &out)
{
    QString text;
    if (asText(stored, text))
        out = relayModeFromName(text.trimmed());
    return out != RelayMode::Invalid;
}

bool decode(const QVariant &stored, EscPosConnection &out)
{
    QString text;
    if (asText(stored, text))
        out = escPosConnectionFromName(text.trimmed());
    return out != EscPosConnection::Invalid;
}

bool decode(const QVariant &stored, EscPosCharset &out)
{
    QString text;
    if (asText(stored, text))
        out = escPosCharsetFromName(text.trimmed());
    return out != EscPosCharset::Invalid;
}

bool decode(const QVariant &stored, QByteArray &out)
{
    QString text;
    if (!asText(stored, text))
        return false;
    out = text.trimmed().toLatin1();
    return true;
}

bool decode(const QVariant &stored, PinVerifier &out)
{
    QString text;
    if (!asText(stored, text))
        return false;
    Result<PinVerifier> verifier = PinVerifier::fromString(text.trimmed());
    if (verifier)
        out = *verifier;
    return verifier.has_value();
}

QString encode(const QString &value) { return value; }
QString encode(int value) { return QString::number(value); }
QString encode(bool value) { return value ? QStringLiteral("true") : QStringLiteral("false"); }
QString encode(qint64 value) { return QString::number(value); }
QString encode(Currency value) { return currencyCode(value); }
QString encode(RelayMode value) { return relayModeName(value); }
QString encode(const QByteArray &value) { return QString::fromLatin1(value); }
QString encode(EscPosConnection value) { return escPosConnectionName(value); }
QString encode(EscPosCharset value) { return escPosCharsetName(value); }
QString encode(const PinVerifier &value) { return value.toString(); }

template<typename T>
Result<void> checkValue(const SettingKey<T> &key, ParamOf<T> value)
{
    if (!key.validate)   // every value of the type is valid (bool)
        return {};
    if (Result<void> ok = key.validate(value); !ok)
        return fail(ErrorCode::InvalidArgument, key.name + u": " + ok.error().detail);
    return {};
}

// The stored value, the default if absent, or why the stored value cannot be used.
template<typename T>
Result<T> readChecked(const QSettings &settings, const SettingKey<T> &key)
{
    const QVariant stored = settings.value(key.name);
    if (!stored.isValid())
        return key.defaultValue();
    T value{};
    if (!decode(stored, value)) {
        const QString text = stored.typeId() == QMetaType::QStringList ? stored.toStringList().join(u", ")
                                                                       : stored.toString();
        return fail(ErrorCode::InvalidArgument,
                    key.name + u": cannot read \"" + text.left(40) + u"\" as a value of this setting");
    }
    if (Result<void> ok = checkValue(key, value); !ok)
        return std::unexpected(ok.error());
    return value;
}

template<typename T>
T readValue(const QSettings &settings, const SettingKey<T> &key)
{
    Result<T> value = readChecked(settings, key);
    return value ? *value : key.defaultValue();
}

template<typename T>
Result<void> writeValue(QSettings &settings, const SettingKey<T> &key, ParamOf<T> value)
{
    if (Result<void> ok = checkValue(key, value); !ok)
        return ok;
    settings.setValue(key.name, encode(value));
    return {};
}

// Settings files written before settingsVersion existed use the same key names as version 1.
// What they may hold that version 1 forbids is a secret typed in by hand; it is removed, never read.
void migrateV0ToV1(QSettings &settings, QStringList &notes)
{
    static const QRegularExpression secretLike(QStringLiteral("key|secret|password|passwd|token"),
                                               QRegularExpression::CaseInsensitiveOption);
    const QStringList known = Settings::knownKeys();
    const QStringList keys = settings.allKeys();
    for (const QString &name : keys) {
        if (!known.contains(name) && secretLike.match(name).hasMatch()) {
            settings.remove(name);
            notes << (u"removed \"" + name
                      + u"\": secrets do not belong in the settings file; store the merchant key in the "
                        u"OS keychain or a key file");
        }
    }
}

using MigrationStep = void (*)(QSettings &, QStringList &);
// Entry i brings a file from version i to version i + 1.
constexpr std::array<MigrationStep, Settings::CurrentVersion> Migrations{&migrateV0ToV1};

} // namespace

QString Settings::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/paydesk.ini";
}

Settings::Settings(const QString &filePath)
    : m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QString Settings::filePath() const
{
    return m_settings->fileName();
}

int Settings::storedVersion() const
{
    const QVariant stored = m_settings->value(VersionKey);
    if (!stored.isValid())
        return 0;
    int version = 0;
    return decode(stored, version) && version >= 0 ? version : -1;
}

Result<SettingsMigration> Settings::migrate()
{
    if (m_settings->status() == QSettings::FormatError)
        return fail(ErrorCode::ConfigMissing, u"cannot parse the settings file " + filePath());
    const int stored = storedVersion();
    if (stored < 0) {
        return fail(ErrorCode::InvalidArgument,
                    u"settingsVersion in " + filePath() + u" is not a version number; not changing the file");
    }
    if (stored > CurrentVersion) {
        return fail(ErrorCode::InvalidArgument,
                    filePath() + u" was written by a newer PayDesk (settings version " + QString::number(stored)
                        + u", this one knows up to " + QString::number(CurrentVersion)
                        + u"); not changing it");
    }
    SettingsMigration report{stored, CurrentVersion, {}};
    if (stored == CurrentVersion)
        return report;
    if (m_settings->allKeys().isEmpty()) {
        report.fromVersion = CurrentVersion;
        report.notes << QStringLiteral("new settings file");
    } else {
        for (int version = stored; version < CurrentVersion; ++version) {
            Migrations[std::size_t(version)](*m_settings, report.notes);
            report.notes << (u"migrated from settings version " + QString::number(version) + u" to "
                             + QString::number(version + 1));
        }
    }
    m_settings->setValue(VersionKey, CurrentVersion);
    if (Result<void> ok = sync(); !ok)
        return std::unexpected(ok.error());
    return report;
}

Result<void> Settings::sync()
{
    const QString path = filePath();
    if (!QFileInfo::exists(path)) {
        // Create it owner-only before QSettings writes to it; QSettings keeps existing permissions.
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        break;
    case QSettings::AccessError:
        return fail(ErrorCode::ConfigMissing, u"cannot write the settings file " + path);
    case QSettings::FormatError:
        return fail(ErrorCode::ConfigMissing, u"cannot parse the settings file " + path);
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QList<Error> Settings::validateAll() const
{
    QList<Error> problems;
    std::apply([&](const auto &...key) {
        auto check = [&](const auto &k) {
            if (auto value = readChecked(*m_settings, k); !value)
                problems << value.error();
        };
        (check(key), ...);
    }, AllKeys);
    if (storedVersion() < 0)
        problems << Error{ErrorCode::InvalidArgument, VersionKey + u": not a version number", {}, 0};
    return problems;
}

QStringList Settings::knownKeys()
{
    QStringList names{VersionKey};
    std::apply([&](const auto &...key) { (names.append(key.name), ...); }, AllKeys);
    return names;
}

bool Settings::resetKey(const QString &key)
{
    if (key == VersionKey || !knownKeys().contains(key))
        return false;
    m_settings->remove(key);
    return true;
}

QString Settings::mchId() const { return readValue(*m_settings, MchId); }
Result<void> Settings::setMchId(const QString &mchId) { return writeValue(*m_settings, MchId, mchId); }
QString Settings::jobNo() const { return readValue(*m_settings, JobNo); }
Result<void> Settings::setJobNo(const QString &jobNo) { return writeValue(*m_settings, JobNo, jobNo); }

QString Settings::gatewayBaseUrl() const { return readValue(*m_settings, GatewayBaseUrl); }
Result<void> Settings::setGatewayBaseUrl(const QString &url) { return writeValue(*m_settings, GatewayBaseUrl, url); }
QString Settings::notifyUrl() const { return readValue(*m_settings, NotifyUrl); }
Result<void> Settings::setNotifyUrl(const QString &url) { return writeValue(*m_settings, NotifyUrl, url); }
int Settings::gatewayDeadlineMs() const { return readValue(*m_settings, GatewayDeadlineMs); }
Result<void> Settings::setGatewayDeadlineMs(int ms) { return writeValue(*m_settings, GatewayDeadlineMs, ms); }

QString Settings::terminalId() const { return readValue(*m_settings, TerminalId); }
Result<void> Settings::setTerminalId(const QString &id) { return writeValue(*m_settings, TerminalId, id); }
QString Settings::cashier() const { return readValue(*m_settings, Cashier); }
Result<void> Settings::setCashier(const QString &name) { return writeValue(*m_settings, Cashier, name); }

Currency Settings::saleCurrency() const { return readValue(*m_settings, SaleCurrency); }
Result<void> Settings::setSaleCurrency(Currency currency) { return writeValue(*m_settings, SaleCurrency, currency); }
qint64 Settings::maxAmountMinor() const { return readValue(*m_settings, MaxAmountMinor); }
Result<void> Settings::setMaxAmountMinor(qint64 minor) { return writeValue(*m_settings, MaxAmountMinor, minor); }
int Settings::validitySeconds() const { return readValue(*m_settings, ValiditySeconds); }
Result<void> Settings::setValiditySeconds(int seconds) { return writeValue(*m_settings, ValiditySeconds, seconds); }
int Settings::graceMs() const { return readValue(*m_settings, GraceMs); }
Result<void> Settings::setGraceMs(int ms) { return writeValue(*m_settings, GraceMs, ms); }
int Settings::queryIntervalMs() const { return readValue(*m_settings, QueryIntervalMs); }
Result<void> Settings::setQueryIntervalMs(int ms) { return writeValue(*m_settings, QueryIntervalMs, ms); }

RelayMode Settings::relayMode() const { return readValue(*m_settings, RelayModeKey); }
Result<void> Settings::setRelayMode(RelayMode mode) { return writeValue(*m_settings, RelayModeKey, mode); }
QString Settings::relayListenAddress() const { return readValue(*m_settings, RelayListenAddress); }
Result<void> Settings::setRelayListenAddress(const QString &address)
{
    return writeValue(*m_settings, RelayListenAddress, address);
}
int Settings::relayPort() const { return readValue(*m_settings, RelayPort); }
Result<void> Settings::setRelayPort(int port) { return writeValue(*m_settings, RelayPort, port); }
QString Settings::relayPath() const { return readValue(*m_settings, RelayPath); }
Result<void> Settings::setRelayPath(const QString &path) { return writeValue(*m_settings, RelayPath, path); }

QString Settings::orderLogPath() const { return readValue(*m_settings, OrderLogPath); }
Result<void> Settings::setOrderLogPath(const QString &path) { return writeValue(*m_settings, OrderLogPath, path); }

QString Settings::uiLanguage() const { return readValue(*m_settings, UiLanguage); }
Result<void> Settings::setUiLanguage(const QString &language) { return writeValue(*m_settings, UiLanguage, language); }

QByteArray Settings::reportTimeZoneId() const { return readValue(*m_settings, ReportTimeZone); }
QTimeZone Settings::reportTimeZone() const { return QTimeZone(reportTimeZoneId()); }
Result<void> Settings::setReportTimeZoneId(const QByteArray &ianaId)
{
    return writeValue(*m_settings, ReportTimeZone, ianaId);
}
int Settings::reportCutoffHour() const { return readValue(*m_settings, ReportCutoffHour); }
Result<void> Settings::setReportCutoffHour(int hour) { return writeValue(*m_settings, ReportCutoffHour, hour); }

QString Settings::merchantName() const { return readValue(*m_settings, MerchantName); }
Result<void> Settings::setMerchantName(const QString &name) { return writeValue(*m_settings, MerchantName, name); }
int Settings::managerIdleLockMinutes() const { return readValue(*m_settings, IdleLockMinutes); }
Result<void> Settings::setManagerIdleLockMinutes(int minutes)
{
    return writeValue(*m_settings, IdleLockMinutes, minutes);
}

EscPosPrinterConfig Settings::escPosPrinter() const
{
    EscPosPrinterConfig config;
    config.connection = readValue(*m_settings, EscPosConnectionKey);
    config.host = readValue(*m_settings, EscPosHost);
    config.port = readValue(*m_settings, EscPosPort);
    config.device = readValue(*m_settings, EscPosDevice);
    config.charset = readValue(*m_settings, EscPosCharsetKey);
    config.charsPerLine = readValue(*m_settings, ReceiptCharsPerLine);
    // A file edited by hand into "tcp without a host" prints nowhere rather than somewhere wrong.
    if (!validateEscPosPrinter(config))
        config.connection = EscPosConnection::None;
    return config;
}

Result<void> Settings::setEscPosPrinter(const EscPosPrinterConfig &config)
{
    const QList<Result<void>> checks{checkValue(EscPosConnectionKey, config.connection), checkValue(EscPosHost, config.host),
                                     checkValue(EscPosPort, config.port), checkValue(EscPosDevice, config.device),
                                     checkValue(EscPosCharsetKey, config.charset),
                                     checkValue(ReceiptCharsPerLine, config.charsPerLine)};
    for (const Result<void> &check : checks) {
        if (!check)
            return check;
    }
    if (Result<void> ok = validateEscPosPrinter(config); !ok)
        return fail(ErrorCode::InvalidArgument, u"receipt/escposConnection: " + ok.error().detail);
    writeValue(*m_settings, EscPosConnectionKey, config.connection);
    writeValue(*m_settings, EscPosHost, config.host);
    writeValue(*m_settings, EscPosPort, config.port);
    writeValue(*m_settings, EscPosDevice, config.device);
    writeValue(*m_settings, EscPosCharsetKey, config.charset);
    writeValue(*m_settings, ReceiptCharsPerLine, config.charsPerLine);
    return {};
}

int Settings::relayReconcileSeconds() const { return readValue(*m_settings, RelayReconcileSeconds); }
Result<void> Settings::setRelayReconcileSeconds(int seconds)
{
    return writeValue(*m_settings, RelayReconcileSeconds, seconds);
}

OnlineOrderSettings Settings::onlineOrders() const
{
    OnlineOrderSettings online;
    online.apiEnabled = readValue(*m_settings, ApiEnabled);
    online.apiListenAddress = readValue(*m_settings, ApiListenAddress);
    online.apiPort = readValue(*m_settings, ApiPort);
    online.apiSecretFile = readValue(*m_settings, ApiSecretFile);
    online.apiTerminalId = readValue(*m_settings, ApiTerminalId);
    online.apiRatePerMinute = readValue(*m_settings, ApiRatePerMinute);
    online.apiBurst = readValue(*m_settings, ApiBurst);
    online.apiDefaultGateway = readValue(*m_settings, ApiDefaultGateway);
    online.publicUrl = readValue(*m_settings, ApiPublicUrl);
    online.ionlineEnabled = readValue(*m_settings, IOnlineEnabled);
    online.ionlineMchId = readValue(*m_settings, IOnlineMchId);
    online.ionlineCurrency = readValue(*m_settings, IOnlineCurrency);
    online.ionlineKeyFile = readValue(*m_settings, IOnlineKeyFile);
    online.ionlineGatewayUrl = readValue(*m_settings, IOnlineGatewayUrl);
    online.ionlineNotifyPath = readValue(*m_settings, IOnlineNotifyPath);
    return online;
}

Result<void> Settings::setOnlineOrders(const OnlineOrderSettings &o)
{
    const QList<Result<void>> checks{
        checkValue(ApiListenAddress, o.apiListenAddress), checkValue(ApiPort, o.apiPort),
        checkValue(ApiSecretFile, o.apiSecretFile), checkValue(ApiTerminalId, o.apiTerminalId),
        checkValue(ApiRatePerMinute, o.apiRatePerMinute), checkValue(ApiBurst, o.apiBurst),
        checkValue(ApiDefaultGateway, o.apiDefaultGateway), checkValue(ApiPublicUrl, o.publicUrl),
        checkValue(IOnlineMchId, o.ionlineMchId), checkValue(IOnlineCurrency, o.ionlineCurrency),
        checkValue(IOnlineKeyFile, o.ionlineKeyFile), checkValue(IOnlineGatewayUrl, o.ionlineGatewayUrl),
        checkValue(IOnlineNotifyPath, o.ionlineNotifyPath)};
    for (const Result<void> &check : checks) {
        if (!check)
            return check;
    }
    if (Result<void> ok = validateOnlineOrders(o); !ok)
        return fail(ErrorCode::InvalidArgument, u"ionline/mchId: " + ok.error().detail);
    writeValue(*m_settings, ApiEnabled, o.apiEnabled);
    writeValue(*m_settings, ApiListenAddress, o.apiListenAddress);
    writeValue(*m_settings, ApiPort, o.apiPort);
    writeValue(*m_settings, ApiSecretFile, o.apiSecretFile);
    writeValue(*m_settings, ApiTerminalId, o.apiTerminalId);
    writeValue(*m_settings, ApiRatePerMinute, o.apiRatePerMinute);
    writeValue(*m_settings, ApiBurst, o.apiBurst);
    writeValue(*m_settings, ApiDefaultGateway, o.apiDefaultGateway);
    writeValue(*m_settings, ApiPublicUrl, o.publicUrl);
    writeValue(*m_settings, IOnlineEnabled, o.ionlineEnabled);
    writeValue(*m_settings, IOnlineMchId, o.ionlineMchId);
    writeValue(*m_settings, IOnlineCurrency, o.ionlineCurrency);
    writeValue(*m_settings, IOnlineKeyFile, o.ionlineKeyFile);
    writeValue(*m_settings, IOnlineGatewayUrl, o.ionlineGatewayUrl);
    writeValue(*m_settings, IOnlineNotifyPath, o.ionlineNotifyPath);
    return {};
}

PinVerifier Settings::pinVerifier() const { return readValue(*m_settings, PinVerifierKey); }
Result<void> Settings::setPinVerifier(const PinVerifier &verifier)
{
    return writeValue(*m_settings, PinVerifierKey, verifier);
}
void Settings::clearPinVerifier() { m_settings->remove(PinVerifierKey.name); }

PinLockoutState Settings::pinLockoutState() const
{
    return {readValue(*m_settings, FailedAttempts), readValue(*m_settings, LockedUntilMs)};
}

Result<void> Settings::setPinLockoutState(const PinLockoutState &state)
{
    // Both or neither: a half-written lock-out state could unlock early.
    if (Result<void> ok = checkValue(FailedAttempts, state.failedAttempts); !ok)
        return ok;
    if (Result<void> ok = checkValue(LockedUntilMs, state.lockedUntilUtcMs); !ok)
        return ok;
    writeValue(*m_settings, FailedAttempts, state.failedAttempts);
    writeValue(*m_settings, LockedUntilMs, state.lockedUntilUtcMs);
    return {};
}

} // namespace paydesk

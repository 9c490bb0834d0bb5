#pragma once

#include "common/Error.h"
#include "config/ManagerPin.h"
#include "config/SettingTypes.h"
#include "money/Money.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <memory>
#include <type_traits>

class QSettings;

namespace paydesk {

template<typename T> using SettingParam = std::conditional_t<std::is_scalar_v<T>, T, const T &>;

// One settings key: its name in the INI file, its type, its default and its rule (null when
// every value of the type is valid). Every key is declared once, in config/SettingKeys.h.
template<typename T> struct SettingKey
{
    using Type = T;
    QLatin1StringView name;
    T (*defaultValue)();
    Result<void> (*validate)(SettingParam<T>);
};

// PayDesk's configuration: an INI file (QSettings) with each key, its type, default and rule
// declared once, in config/SettingKeys.h. `ui` and `app` use the typed accessors — value() and
// setValue() with a key of SettingKeys, or the named shorthands below — and never QSettings.
//
// Getters return the default when a key is absent or holds something invalid (validateAll()
// lists those). Setters validate and refuse bad values with InvalidArgument and a detail
// ("relay/port: must be between 1 and 65535, got 0") without writing anything. Every write
// that changes a key's value emits changed(key) once, so that the GUI applies it live.
//
// The merchant key is never here: it belongs to a SecretStore. The file also holds the manager
// PIN verifier, which makes a short PIN guessable offline, so sync() keeps the file owner-only.
class Settings : public QObject
{
    Q_OBJECT

public:
    static constexpr int CurrentVersion = 1;

    // AppConfigLocation/paydesk.ini
    static QString defaultFilePath();

    explicit Settings(const QString &filePath = defaultFilePath(), QObject *parent = nullptr);
    ~Settings() override;
    Q_DISABLE_COPY_MOVE(Settings)

    // The key's value, or its default when absent or invalid.
    template<typename T> T value(const SettingKey<T> &key) const;
    // Validates, writes and emits changed(key.name) when the value differs from the current one.
    template<typename T> Result<void> setValue(const SettingKey<T> &key, SettingParam<T> value);

    QString filePath() const;

    // Call once after construction: brings an older file up to CurrentVersion. Refuses (and
    // changes nothing) if the file comes from a newer PayDesk or cannot be parsed.
    Result<SettingsMigration> migrate();
    int storedVersion() const; // 0 when the file has no settingsVersion

    // Writes pending changes to disk; fails if the file cannot be written or parsed.
    Result<void> sync();

    // Every present key whose value is invalid (InvalidArgument, detail names the key).
    QList<Error> validateAll() const;

    // All key names PayDesk reads or writes.
    static QStringList knownKeys();

    // Removes a key so its default applies again; false if the name is not a known key.
    bool resetKey(const QString &key);

    // Shorthands for value()/setValue() of the keys PayDesk has always had.

    QString mchId() const;
    Result<void> setMchId(const QString &mchId);
    QString jobNo() const;
    Result<void> setJobNo(const QString &jobNo);

    QString gatewayBaseUrl() const;
    Result<void> setGatewayBaseUrl(const QString &url);
    QString notifyUrl() const;
    Result<void> setNotifyUrl(const QString &url);
    int gatewayDeadlineMs() const;
    Result<void> setGatewayDeadlineMs(int ms);

    QString terminalId() const;
    Result<void> setTerminalId(const QString &id);
    QString cashier() const;
    Result<void> setCashier(const QString &name);

    Currency saleCurrency() const;
    Result<void> setSaleCurrency(Currency currency);
    qint64 maxAmountMinor() const;
    Result<void> setMaxAmountMinor(qint64 minor);
    int validitySeconds() const;
    Result<void> setValiditySeconds(int seconds);
    int graceMs() const;
    Result<void> setGraceMs(int ms);
    int queryIntervalMs() const;
    Result<void> setQueryIntervalMs(int ms);

    RelayMode relayMode() const;
    Result<void> setRelayMode(RelayMode mode);
    QString relayListenAddress() const;
    Result<void> setRelayListenAddress(const QString &address);
    int relayPort() const;
    Result<void> setRelayPort(int port);
    QString relayPath() const;
    Result<void> setRelayPath(const QString &path);

    QString orderLogPath() const;
    Result<void> setOrderLogPath(const QString &path);

    QString uiLanguage() const;
    Result<void> setUiLanguage(const QString &language);

    QByteArray reportTimeZoneId() const; // IANA id; the system's when not set
    QTimeZone reportTimeZone() const;
    Result<void> setReportTimeZoneId(const QByteArray &ianaId);
    int reportCutoffHour() const;
    Result<void> setReportCutoffHour(int hour);

    QString merchantName() const; // printed on receipts and the Z report; may be empty
    Result<void> setMerchantName(const QString &name);
    int managerIdleLockMinutes() const; // the manager view locks itself after this long idle
    Result<void> setManagerIdleLockMinutes(int minutes);

    // Stored as the api/* and ionline/* keys; written all or nothing.
    OnlineOrderSettings onlineOrders() const;
    Result<void> setOnlineOrders(const OnlineOrderSettings &online);
    // How often the relay asks the gateways about its open online orders; 0 turns it off.
    int relayReconcileSeconds() const;
    Result<void> setRelayReconcileSeconds(int seconds);

    // Stored as the receipt/escpos* keys; written all or nothing, so that a TCP printer is never
    // saved without its host.
    EscPosPrinterConfig escPosPrinter() const;
    Result<void> setEscPosPrinter(const EscPosPrinterConfig &config);

    PinVerifier pinVerifier() const; // null when no PIN has been set
    Result<void> setPinVerifier(const PinVerifier &verifier);
    void clearPinVerifier();
    PinLockoutState pinLockoutState() const;
    Result<void> setPinLockoutState(const PinLockoutState &state);

    // The rules, usable by the settings screen before it tries to save. InvalidArgument with a
    // detail that says what is expected.
    static Result<void> validateMchId(const QString &mchId); // [A-Za-z0-9]{1,30}
    static Result<void> validateJobNo(const QString &jobNo); // <= 50, printable, may be empty
    static Result<void> validateGatewayBaseUrl(const QString &url); // absolute http(s), ends in '/'
    static Result<void> validateNotifyUrl(const QString &url); // absolute http(s), no '?', <= 200
    static Result<void> validateDeadlineMs(int ms); // 1000..120000
    static Result<void> validateTerminalId(const QString &id); // [A-Za-z0-9]{1,8}
    // Empty (a single counter: no store) or [A-Za-z0-9]{1,8}: the store of this counter's orders
    // in a store's or chain's database (design.md "Storage backends").
    static Result<void> validateStoreId(const QString &id);
    // This install's identity in the store's terminal registry: empty until the first start
    // makes one (a UUID), then kept; printable, at most 64.
    static Result<void> validateInstanceId(const QString &id);
    static Result<void> validateCashier(const QString &name); // <= 64, printable, may be empty
    static Result<void> validateCurrency(Currency currency); // not Invalid
    static Result<void> validateMaxAmountMinor(qint64 minor); // 1..2^31-1 (gateway int)
    static Result<void> validateValiditySeconds(int seconds); // 30..7200
    static Result<void> validateGraceMs(int ms); // 0..60000
    static Result<void> validateQueryIntervalMs(int ms); // 1000..60000
    static Result<void> validateRelayMode(RelayMode mode); // not Invalid
    static Result<void> validateListenAddress(const QString &address); // IPv4/IPv6 literal
    static Result<void> validatePort(int port); // 1..65535
    static Result<void> validateRelayPath(const QString &path); // "/x", URL path characters
    static Result<void> validateOrderLogPath(const QString &path); // absolute
    static Result<void> validateUiLanguage(const QString &language); // en, fr_CA, zh_CN
    static Result<void> validateTimeZoneId(const QByteArray &ianaId); // known to QTimeZone
    static Result<void> validateCutoffHour(int hour); // 0..23
    static Result<void> validatePinVerifier(const PinVerifier &verifier);
    static Result<void> validateFailedAttempts(int count); // >= 0
    static Result<void> validateLockedUntilMs(qint64 utcMs); // >= 0
    static Result<void> validateMerchantName(const QString &name); // <= 64, printable, may be empty
    static Result<void> validateIdleLockMinutes(int minutes); // 1..240
    static Result<void> validateEscPosConnection(EscPosConnection connection); // not Invalid
    static Result<void> validatePrinterHost(const QString &host); // host name or IP, may be empty
    static Result<void> validatePrinterDevice(const QString &path); // absolute path or COMn/LPTn, may be empty
    static Result<void> validateEscPosCharset(EscPosCharset charset); // not Invalid
    static Result<void> validateCharsPerLine(int chars); // 24..64
    static Result<void> validateOptionalFilePath(const QString &path); // absolute, or empty
    static Result<void> validateRatePerMinute(int perMinute); // 1..100000
    static Result<void> validateBurst(int burst); // 1..10000
    static Result<void> validateGatewayName(const QString &name); // iotpay, ionline, or empty
    static Result<void> validatePublicUrl(const QString &url); // absolute http(s) without '?', or empty
    static Result<void> validateIOnlineMchId(const QString &mchId); // [A-Za-z0-9]{1,32}, or empty
    static Result<void> validateOnlineCurrency(Currency currency); // not Invalid
    static Result<void> validateReconcileSeconds(int seconds); // 0 (off) or 10..86400
    static Result<void> validateReconcileMinAgeSeconds(int seconds); // 0..86400
    // The fields above, plus: iOnline enabled needs its merchant id.
    static Result<void> validateOnlineOrders(const OnlineOrderSettings &online);
    // The fields above, plus: Tcp needs a host, DeviceFile a device.
    static Result<void> validateEscPosPrinter(const EscPosPrinterConfig &config);

Q_SIGNALS:
    // A key's effective value changed (written, or reset to a different default).
    void changed(const QString &key);

private:
    template<typename T> void write(const SettingKey<T> &key, SettingParam<T> value, QStringList &changedKeys);
    void emitChanged(const QStringList &keys);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace paydesk

#include "config/SettingKeys.h"

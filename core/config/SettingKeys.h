#pragma once

// Every key of PayDesk's settings, declared once: identifier, type, name in the INI file,
// default, rule. A new setting is one line here (and its rule in SettingsValidation.cpp when no
// existing one fits); read and write it with Settings::value(SettingKeys::X) and setValue().

#include "config/Settings.h"

#include <QStandardPaths>

#include <tuple>

// X(identifier, type, "group/name", default expression, rule or nullptr)
#define PAYDESK_SETTING_KEYS(X)                                                                                        \
    X(MchId, QString, "merchant/mchId", QString(), &Settings::validateMchId)                                           \
    X(JobNo, QString, "merchant/jobNo", QString(), &Settings::validateJobNo)                                           \
    X(GatewayBaseUrl, QString, "gateway/baseUrl", QString(IotPayDefaultBaseUrl), &Settings::validateGatewayBaseUrl)    \
    X(NotifyUrl, QString, "gateway/notifyUrl", QString(), &Settings::validateNotifyUrl)                                \
    X(GatewayDeadlineMs, int, "gateway/deadlineMs", 15000, &Settings::validateDeadlineMs)                              \
    X(TerminalId, QString, "terminal/id", QStringLiteral("POS01"), &Settings::validateTerminalId)                      \
    X(Cashier, QString, "terminal/cashier", QString(), &Settings::validateCashier)                                     \
    X(StoreId, QString, "store/storeId", QString(), &Settings::validateStoreId)                                        \
    X(InstanceId, QString, "terminal/instanceId", QString(), &Settings::validateInstanceId)                            \
    X(SaleCurrency, Currency, "sale/currency", Currency::CAD, &Settings::validateCurrency)                             \
    X(MaxAmountMinor, qint64, "sale/maxAmountMinor", DefaultMaxAmountMinor, &Settings::validateMaxAmountMinor)         \
    X(ValiditySeconds, int, "sale/validitySeconds", 300, &Settings::validateValiditySeconds)                           \
    X(GraceMs, int, "sale/graceMs", 5000, &Settings::validateGraceMs)                                                  \
    X(QueryIntervalMs, int, "sale/queryIntervalMs", 3000, &Settings::validateQueryIntervalMs)                          \
    X(RelayModeKey, RelayMode, "relay/mode", RelayMode::InProcess, &Settings::validateRelayMode)                       \
    X(RelayListenAddress, QString, "relay/listenAddress", QStringLiteral("127.0.0.1"),                                 \
      &Settings::validateListenAddress)                                                                                \
    X(RelayPort, int, "relay/port", 8787, &Settings::validatePort)                                                     \
    X(RelayPath, QString, "relay/path", QString::fromLatin1(iotpay::DefaultNotifyPath), &Settings::validateRelayPath)  \
    X(OrderLogPath, QString, "store/orderLogPath",                                                                     \
      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/orders.sqlite",                           \
      &Settings::validateOrderLogPath)                                                                                 \
    X(UiLanguage, QString, "ui/language", QStringLiteral("en"), &Settings::validateUiLanguage)                         \
    X(UiKiosk, bool, "ui/kiosk", false, nullptr)                                                                       \
    X(ReportTimeZone, QByteArray, "report/timeZone", QTimeZone::systemTimeZoneId(), &Settings::validateTimeZoneId)     \
    X(ReportCutoffHour, int, "report/cutoffHour", 4, &Settings::validateCutoffHour)                                    \
    X(PinVerifierKey, PinVerifier, "manager/pinVerifier", PinVerifier{}, &Settings::validatePinVerifier)               \
    X(FailedAttempts, int, "manager/failedAttempts", 0, &Settings::validateFailedAttempts)                             \
    X(LockedUntilMs, qint64, "manager/lockedUntilMs", 0, &Settings::validateLockedUntilMs)                             \
    X(MerchantName, QString, "merchant/name", QString(), &Settings::validateMerchantName)                              \
    X(IdleLockMinutes, int, "manager/idleLockMinutes", 5, &Settings::validateIdleLockMinutes)                          \
    X(EscPosConnectionKey, EscPosConnection, "receipt/escposConnection", EscPosConnection::None,                       \
      &Settings::validateEscPosConnection)                                                                             \
    X(EscPosHost, QString, "receipt/escposHost", QString(), &Settings::validatePrinterHost)                            \
    X(EscPosPort, int, "receipt/escposPort", 9100, &Settings::validatePort)                                            \
    X(EscPosDevice, QString, "receipt/escposDevice", QString(), &Settings::validatePrinterDevice)                      \
    X(EscPosCharsetKey, EscPosCharset, "receipt/escposCharset", EscPosCharset::Ascii,                                  \
      &Settings::validateEscPosCharset)                                                                                \
    X(ReceiptCharsPerLine, int, "receipt/charsPerLine", 42, &Settings::validateCharsPerLine)                           \
    X(RelayReconcileSeconds, int, "relay/reconcileSeconds", 60, &Settings::validateReconcileSeconds)                   \
    X(RelayReconcileMinAgeSeconds, int, "relay/reconcileMinAgeSeconds", 60, &Settings::validateReconcileMinAgeSeconds) \
    X(ApiEnabled, bool, "api/enabled", false, nullptr)                                                                 \
    X(ApiListenAddress, QString, "api/listenAddress", OnlineOrderSettings{}.apiListenAddress,                          \
      &Settings::validateListenAddress)                                                                                \
    X(ApiPort, int, "api/port", OnlineOrderSettings{}.apiPort, &Settings::validatePort)                                \
    X(ApiSecretFile, QString, "api/hmacFile", QString(), &Settings::validateOptionalFilePath)                          \
    X(ApiTerminalId, QString, "api/terminalId", OnlineOrderSettings{}.apiTerminalId, &Settings::validateTerminalId)    \
    X(ApiRatePerMinute, int, "api/ratePerMinute", OnlineOrderSettings{}.apiRatePerMinute,                              \
      &Settings::validateRatePerMinute)                                                                                \
    X(ApiBurst, int, "api/burst", OnlineOrderSettings{}.apiBurst, &Settings::validateBurst)                            \
    X(ApiDefaultGateway, QString, "api/defaultGateway", QString(), &Settings::validateGatewayName)                     \
    X(ApiPublicUrl, QString, "api/publicUrl", QString(), &Settings::validatePublicUrl)                                 \
    X(IOnlineEnabled, bool, "ionline/enabled", false, nullptr)                                                         \
    X(IOnlineMchId, QString, "ionline/mchId", QString(), &Settings::validateIOnlineMchId)                              \
    X(IOnlineCurrency, Currency, "ionline/currency", OnlineOrderSettings{}.ionlineCurrency,                            \
      &Settings::validateOnlineCurrency)                                                                               \
    X(IOnlineKeyFile, QString, "ionline/credentialFile", QString(), &Settings::validateOptionalFilePath)               \
    X(IOnlineGatewayUrl, QString, "ionline/gatewayUrl", OnlineOrderSettings{}.ionlineGatewayUrl,                       \
      &Settings::validateGatewayBaseUrl)                                                                               \
    X(IOnlineNotifyPath, QString, "ionline/notifyPath", OnlineOrderSettings{}.ionlineNotifyPath,                       \
      &Settings::validateRelayPath)

namespace paydesk::SettingKeys {

#define PAYDESK_DECLARE_SETTING_KEY(id, type, keyName, defaultExpression, rule)                                        \
    inline constexpr SettingKey<type> id{QLatin1StringView(keyName), []() -> type { return defaultExpression; }, rule};
PAYDESK_SETTING_KEYS(PAYDESK_DECLARE_SETTING_KEY)
#undef PAYDESK_DECLARE_SETTING_KEY

inline constexpr QLatin1StringView Version("settingsVersion");

// Every key above, for what goes over all of them (validateAll, knownKeys).
#define PAYDESK_LIST_SETTING_KEY(id, ...) id,
inline constexpr auto All = std::tuple{PAYDESK_SETTING_KEYS(PAYDESK_LIST_SETTING_KEY)};
#undef PAYDESK_LIST_SETTING_KEY

} // namespace paydesk::SettingKeys

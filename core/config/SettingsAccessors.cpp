#include "Settings.h"

// The accessors of single keys: each reads or writes its key of config/SettingKeys.h through
// Settings::value / setValue (SettingsStore.cpp), which decode, validate and signal the change.

namespace paydesk {

QString Settings::mchId() const
{
    return value(SettingKeys::MchId);
}
Result<void> Settings::setMchId(const QString &mchId)
{
    return setValue(SettingKeys::MchId, mchId);
}
QString Settings::jobNo() const
{
    return value(SettingKeys::JobNo);
}
Result<void> Settings::setJobNo(const QString &jobNo)
{
    return setValue(SettingKeys::JobNo, jobNo);
}

QString Settings::gatewayBaseUrl() const
{
    return value(SettingKeys::GatewayBaseUrl);
}
Result<void> Settings::setGatewayBaseUrl(const QString &url)
{
    return setValue(SettingKeys::GatewayBaseUrl, url);
}
QString Settings::notifyUrl() const
{
    return value(SettingKeys::NotifyUrl);
}
Result<void> Settings::setNotifyUrl(const QString &url)
{
    return setValue(SettingKeys::NotifyUrl, url);
}
int Settings::gatewayDeadlineMs() const
{
    return value(SettingKeys::GatewayDeadlineMs);
}
Result<void> Settings::setGatewayDeadlineMs(int ms)
{
    return setValue(SettingKeys::GatewayDeadlineMs, ms);
}

QString Settings::terminalId() const
{
    return value(SettingKeys::TerminalId);
}
Result<void> Settings::setTerminalId(const QString &id)
{
    return setValue(SettingKeys::TerminalId, id);
}
QString Settings::cashier() const
{
    return value(SettingKeys::Cashier);
}
Result<void> Settings::setCashier(const QString &name)
{
    return setValue(SettingKeys::Cashier, name);
}

Currency Settings::saleCurrency() const
{
    return value(SettingKeys::SaleCurrency);
}
Result<void> Settings::setSaleCurrency(Currency currency)
{
    return setValue(SettingKeys::SaleCurrency, currency);
}
qint64 Settings::maxAmountMinor() const
{
    return value(SettingKeys::MaxAmountMinor);
}
Result<void> Settings::setMaxAmountMinor(qint64 minor)
{
    return setValue(SettingKeys::MaxAmountMinor, minor);
}
int Settings::validitySeconds() const
{
    return value(SettingKeys::ValiditySeconds);
}
Result<void> Settings::setValiditySeconds(int seconds)
{
    return setValue(SettingKeys::ValiditySeconds, seconds);
}
int Settings::graceMs() const
{
    return value(SettingKeys::GraceMs);
}
Result<void> Settings::setGraceMs(int ms)
{
    return setValue(SettingKeys::GraceMs, ms);
}
int Settings::queryIntervalMs() const
{
    return value(SettingKeys::QueryIntervalMs);
}
Result<void> Settings::setQueryIntervalMs(int ms)
{
    return setValue(SettingKeys::QueryIntervalMs, ms);
}

RelayMode Settings::relayMode() const
{
    return value(SettingKeys::RelayModeKey);
}
Result<void> Settings::setRelayMode(RelayMode mode)
{
    return setValue(SettingKeys::RelayModeKey, mode);
}
QString Settings::relayListenAddress() const
{
    return value(SettingKeys::RelayListenAddress);
}
Result<void> Settings::setRelayListenAddress(const QString &address)
{
    return setValue(SettingKeys::RelayListenAddress, address);
}
int Settings::relayPort() const
{
    return value(SettingKeys::RelayPort);
}
Result<void> Settings::setRelayPort(int port)
{
    return setValue(SettingKeys::RelayPort, port);
}
QString Settings::relayPath() const
{
    return value(SettingKeys::RelayPath);
}
Result<void> Settings::setRelayPath(const QString &path)
{
    return setValue(SettingKeys::RelayPath, path);
}

QString Settings::orderLogPath() const
{
    return value(SettingKeys::OrderLogPath);
}
Result<void> Settings::setOrderLogPath(const QString &path)
{
    return setValue(SettingKeys::OrderLogPath, path);
}

QString Settings::uiLanguage() const
{
    return value(SettingKeys::UiLanguage);
}
Result<void> Settings::setUiLanguage(const QString &language)
{
    return setValue(SettingKeys::UiLanguage, language);
}

QByteArray Settings::reportTimeZoneId() const
{
    return value(SettingKeys::ReportTimeZone);
}
QTimeZone Settings::reportTimeZone() const
{
    return QTimeZone(reportTimeZoneId());
}
Result<void> Settings::setReportTimeZoneId(const QByteArray &ianaId)
{
    return setValue(SettingKeys::ReportTimeZone, ianaId);
}
int Settings::reportCutoffHour() const
{
    return value(SettingKeys::ReportCutoffHour);
}
Result<void> Settings::setReportCutoffHour(int hour)
{
    return setValue(SettingKeys::ReportCutoffHour, hour);
}

QString Settings::merchantName() const
{
    return value(SettingKeys::MerchantName);
}
Result<void> Settings::setMerchantName(const QString &name)
{
    return setValue(SettingKeys::MerchantName, name);
}
int Settings::managerIdleLockMinutes() const
{
    return value(SettingKeys::IdleLockMinutes);
}
Result<void> Settings::setManagerIdleLockMinutes(int minutes)
{
    return setValue(SettingKeys::IdleLockMinutes, minutes);
}

} // namespace paydesk

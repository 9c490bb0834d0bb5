#include "RelayAssembly.h"

namespace paydesk {

RelayOptions relayOptionsFrom(const Settings &settings, const MerchantKey &key)
{
    RelayOptions options;
    options.http.bindAddress = settings.relayListenAddress();
    options.http.port = quint16(settings.relayPort());
    options.orderLogPath = settings.orderLogPath();
    options.notify.mchId = settings.mchId();
    options.notify.key = key;
    options.notify.notifyPath = settings.relayPath().toUtf8();
    options.reconcileIntervalMs = settings.relayReconcileSeconds() * 1000;
    options.reconcileMinimumAgeMs = qint64(settings.value(SettingKeys::RelayReconcileMinAgeSeconds)) * 1000;
    return options;
}

bool isRelayKey(QStringView key)
{
    return key == SettingKeys::RelayModeKey.name || key == SettingKeys::RelayListenAddress.name
        || key == SettingKeys::RelayPort.name || key == SettingKeys::RelayPath.name || key == SettingKeys::MchId.name
        || key == SettingKeys::OrderLogPath.name || key == SettingKeys::RelayReconcileSeconds.name
        || key == SettingKeys::RelayReconcileMinAgeSeconds.name;
}

} // namespace paydesk

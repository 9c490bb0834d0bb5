#include "Settings.h"

#include <QSettings>

namespace paydesk {
namespace {

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

QString encode(const QString &value)
{
    return value;
}
QString encode(int value)
{
    return QString::number(value);
}
QString encode(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}
QString encode(qint64 value)
{
    return QString::number(value);
}
QString encode(Currency value)
{
    return currencyCode(value);
}
QString encode(RelayMode value)
{
    return relayModeName(value);
}
QString encode(const QByteArray &value)
{
    return QString::fromLatin1(value);
}
QString encode(EscPosConnection value)
{
    return escPosConnectionName(value);
}
QString encode(EscPosCharset value)
{
    return escPosCharsetName(value);
}
QString encode(const PinVerifier &value)
{
    return value.toString();
}

template<typename T> Result<void> checkValue(const SettingKey<T> &key, SettingParam<T> value)
{
    if (!key.validate) // every value of the type is valid (bool)
        return {};
    if (Result<void> ok = key.validate(value); !ok)
        return fail(ErrorCode::InvalidArgument, key.name + u": " + ok.error().detail);
    return {};
}

// The stored value, the default if absent, or why the stored value cannot be used.
template<typename T> Result<T> readChecked(const QSettings &settings, const SettingKey<T> &key)
{
    const QVariant stored = settings.value(key.name);
    if (!stored.isValid())
        return key.defaultValue();
    T value{};
    if (!decode(stored, value)) {
        const QString text
            = stored.typeId() == QMetaType::QStringList ? stored.toStringList().join(u", ") : stored.toString();
        return fail(ErrorCode::InvalidArgument,
                    key.name + u": cannot read \"" + text.left(40) + u"\" as a value of this setting");
    }
    if (Result<void> ok = checkValue(key, value); !ok)
        return std::unexpected(ok.error());
    return value;
}

// Calls f(key) for the key named `name`; false when no key has that name.
template<typename F> bool withKeyNamed(QStringView name, F &&f)
{
    bool found = false;
    std::apply(
        [&](const auto &...key) {
            auto visit = [&](const auto &k) {
                if (!found && name == k.name) {
                    found = true;
                    f(k);
                }
            };
            (visit(key), ...);
        },
        SettingKeys::All);
    return found;
}

} // namespace

template<typename T> T Settings::value(const SettingKey<T> &key) const
{
    Result<T> stored = readChecked(*m_settings, key);
    return stored ? *stored : key.defaultValue();
}

template<typename T> void Settings::write(const SettingKey<T> &key, SettingParam<T> value, QStringList &changedKeys)
{
    const T before = this->value(key);
    m_settings->setValue(key.name, encode(value));
    if (!(before == value))
        changedKeys << key.name;
}

template<typename T> Result<void> Settings::setValue(const SettingKey<T> &key, SettingParam<T> value)
{
    if (Result<void> ok = checkValue(key, value); !ok)
        return ok;
    QStringList changedKeys;
    write(key, value, changedKeys);
    emitChanged(changedKeys);
    return {};
}

void Settings::emitChanged(const QStringList &keys)
{
    for (const QString &key : keys)
        Q_EMIT changed(key);
}

// The types of SettingKeys; a key of a new type needs its decode() and encode() above.
#define PAYDESK_INSTANTIATE(T)                                                                                         \
    template T Settings::value<T>(const SettingKey<T> &) const;                                                        \
    template Result<void> Settings::setValue<T>(const SettingKey<T> &, SettingParam<T>);
PAYDESK_INSTANTIATE(QString)
PAYDESK_INSTANTIATE(int)
PAYDESK_INSTANTIATE(bool)
PAYDESK_INSTANTIATE(qint64)
PAYDESK_INSTANTIATE(Currency)
PAYDESK_INSTANTIATE(RelayMode)
PAYDESK_INSTANTIATE(QByteArray)
PAYDESK_INSTANTIATE(EscPosConnection)
PAYDESK_INSTANTIATE(EscPosCharset)
PAYDESK_INSTANTIATE(PinVerifier)
#undef PAYDESK_INSTANTIATE

QList<Error> Settings::validateAll() const
{
    QList<Error> problems;
    std::apply(
        [&](const auto &...key) {
            auto check = [&](const auto &k) {
                if (auto value = readChecked(*m_settings, k); !value)
                    problems << value.error();
            };
            (check(key), ...);
        },
        SettingKeys::All);
    if (storedVersion() < 0)
        problems << Error{ErrorCode::InvalidArgument, SettingKeys::Version + u": not a version number", {}, 0};
    return problems;
}

QStringList Settings::knownKeys()
{
    QStringList names{SettingKeys::Version};
    std::apply([&](const auto &...key) { (names.append(key.name), ...); }, SettingKeys::All);
    return names;
}

bool Settings::resetKey(const QString &key)
{
    return withKeyNamed(key, [&](const auto &k) {
        const auto before = value(k);
        m_settings->remove(k.name);
        if (!(value(k) == before))
            Q_EMIT changed(key);
    });
}

EscPosPrinterConfig Settings::escPosPrinter() const
{
    EscPosPrinterConfig config;
    config.connection = value(SettingKeys::EscPosConnectionKey);
    config.host = value(SettingKeys::EscPosHost);
    config.port = value(SettingKeys::EscPosPort);
    config.device = value(SettingKeys::EscPosDevice);
    config.charset = value(SettingKeys::EscPosCharsetKey);
    config.charsPerLine = value(SettingKeys::ReceiptCharsPerLine);
    // A file edited by hand into "tcp without a host" prints nowhere rather than somewhere wrong.
    if (!validateEscPosPrinter(config))
        config.connection = EscPosConnection::None;
    return config;
}

Result<void> Settings::setEscPosPrinter(const EscPosPrinterConfig &config)
{
    const QList<Result<void>> checks{checkValue(SettingKeys::EscPosConnectionKey, config.connection),
                                     checkValue(SettingKeys::EscPosHost, config.host),
                                     checkValue(SettingKeys::EscPosPort, config.port),
                                     checkValue(SettingKeys::EscPosDevice, config.device),
                                     checkValue(SettingKeys::EscPosCharsetKey, config.charset),
                                     checkValue(SettingKeys::ReceiptCharsPerLine, config.charsPerLine)};
    for (const Result<void> &check : checks) {
        if (!check)
            return check;
    }
    if (Result<void> ok = validateEscPosPrinter(config); !ok)
        return fail(ErrorCode::InvalidArgument, u"receipt/escposConnection: " + ok.error().detail);
    QStringList changedKeys;
    write(SettingKeys::EscPosConnectionKey, config.connection, changedKeys);
    write(SettingKeys::EscPosHost, config.host, changedKeys);
    write(SettingKeys::EscPosPort, config.port, changedKeys);
    write(SettingKeys::EscPosDevice, config.device, changedKeys);
    write(SettingKeys::EscPosCharsetKey, config.charset, changedKeys);
    write(SettingKeys::ReceiptCharsPerLine, config.charsPerLine, changedKeys);
    emitChanged(changedKeys);
    return {};
}

int Settings::relayReconcileSeconds() const
{
    return value(SettingKeys::RelayReconcileSeconds);
}
Result<void> Settings::setRelayReconcileSeconds(int seconds)
{
    return setValue(SettingKeys::RelayReconcileSeconds, seconds);
}

OnlineOrderSettings Settings::onlineOrders() const
{
    OnlineOrderSettings online;
    online.apiEnabled = value(SettingKeys::ApiEnabled);
    online.apiListenAddress = value(SettingKeys::ApiListenAddress);
    online.apiPort = value(SettingKeys::ApiPort);
    online.apiSecretFile = value(SettingKeys::ApiSecretFile);
    online.apiTerminalId = value(SettingKeys::ApiTerminalId);
    online.apiRatePerMinute = value(SettingKeys::ApiRatePerMinute);
    online.apiBurst = value(SettingKeys::ApiBurst);
    online.apiDefaultGateway = value(SettingKeys::ApiDefaultGateway);
    online.publicUrl = value(SettingKeys::ApiPublicUrl);
    online.ionlineEnabled = value(SettingKeys::IOnlineEnabled);
    online.ionlineMchId = value(SettingKeys::IOnlineMchId);
    online.ionlineCurrency = value(SettingKeys::IOnlineCurrency);
    online.ionlineKeyFile = value(SettingKeys::IOnlineKeyFile);
    online.ionlineGatewayUrl = value(SettingKeys::IOnlineGatewayUrl);
    online.ionlineNotifyPath = value(SettingKeys::IOnlineNotifyPath);
    return online;
}

Result<void> Settings::setOnlineOrders(const OnlineOrderSettings &o)
{
    const QList<Result<void>> checks{checkValue(SettingKeys::ApiListenAddress, o.apiListenAddress),
                                     checkValue(SettingKeys::ApiPort, o.apiPort),
                                     checkValue(SettingKeys::ApiSecretFile, o.apiSecretFile),
                                     checkValue(SettingKeys::ApiTerminalId, o.apiTerminalId),
                                     checkValue(SettingKeys::ApiRatePerMinute, o.apiRatePerMinute),
                                     checkValue(SettingKeys::ApiBurst, o.apiBurst),
                                     checkValue(SettingKeys::ApiDefaultGateway, o.apiDefaultGateway),
                                     checkValue(SettingKeys::ApiPublicUrl, o.publicUrl),
                                     checkValue(SettingKeys::IOnlineMchId, o.ionlineMchId),
                                     checkValue(SettingKeys::IOnlineCurrency, o.ionlineCurrency),
                                     checkValue(SettingKeys::IOnlineKeyFile, o.ionlineKeyFile),
                                     checkValue(SettingKeys::IOnlineGatewayUrl, o.ionlineGatewayUrl),
                                     checkValue(SettingKeys::IOnlineNotifyPath, o.ionlineNotifyPath)};
    for (const Result<void> &check : checks) {
        if (!check)
            return check;
    }
    if (Result<void> ok = validateOnlineOrders(o); !ok)
        return fail(ErrorCode::InvalidArgument, u"ionline/mchId: " + ok.error().detail);
    QStringList changedKeys;
    write(SettingKeys::ApiEnabled, o.apiEnabled, changedKeys);
    write(SettingKeys::ApiListenAddress, o.apiListenAddress, changedKeys);
    write(SettingKeys::ApiPort, o.apiPort, changedKeys);
    write(SettingKeys::ApiSecretFile, o.apiSecretFile, changedKeys);
    write(SettingKeys::ApiTerminalId, o.apiTerminalId, changedKeys);
    write(SettingKeys::ApiRatePerMinute, o.apiRatePerMinute, changedKeys);
    write(SettingKeys::ApiBurst, o.apiBurst, changedKeys);
    write(SettingKeys::ApiDefaultGateway, o.apiDefaultGateway, changedKeys);
    write(SettingKeys::ApiPublicUrl, o.publicUrl, changedKeys);
    write(SettingKeys::IOnlineEnabled, o.ionlineEnabled, changedKeys);
    write(SettingKeys::IOnlineMchId, o.ionlineMchId, changedKeys);
    write(SettingKeys::IOnlineCurrency, o.ionlineCurrency, changedKeys);
    write(SettingKeys::IOnlineKeyFile, o.ionlineKeyFile, changedKeys);
    write(SettingKeys::IOnlineGatewayUrl, o.ionlineGatewayUrl, changedKeys);
    write(SettingKeys::IOnlineNotifyPath, o.ionlineNotifyPath, changedKeys);
    emitChanged(changedKeys);
    return {};
}

PinVerifier Settings::pinVerifier() const
{
    return value(SettingKeys::PinVerifierKey);
}
Result<void> Settings::setPinVerifier(const PinVerifier &verifier)
{
    return setValue(SettingKeys::PinVerifierKey, verifier);
}
void Settings::clearPinVerifier()
{
    resetKey(SettingKeys::PinVerifierKey.name);
}

PinLockoutState Settings::pinLockoutState() const
{
    return {value(SettingKeys::FailedAttempts), value(SettingKeys::LockedUntilMs)};
}

Result<void> Settings::setPinLockoutState(const PinLockoutState &state)
{
    // Both or neither: a half-written lock-out state could unlock early.
    if (Result<void> ok = checkValue(SettingKeys::FailedAttempts, state.failedAttempts); !ok)
        return ok;
    if (Result<void> ok = checkValue(SettingKeys::LockedUntilMs, state.lockedUntilUtcMs); !ok)
        return ok;
    QStringList changedKeys;
    write(SettingKeys::FailedAttempts, state.failedAttempts, changedKeys);
    write(SettingKeys::LockedUntilMs, state.lockedUntilUtcMs, changedKeys);
    emitChanged(changedKeys);
    return {};
}

} // namespace paydesk

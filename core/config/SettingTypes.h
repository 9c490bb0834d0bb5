#pragma once

// The value types of PayDesk's settings (config/Settings.h): what a key can hold besides text
// and numbers.

#include "common/MerchantKey.h"
#include "gateway/ionline/IOnlineName.h"
#include "gateway/iotpay/IotPayName.h"
#include "money/Money.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringList>

namespace paydesk {

// The gateways' names (api/defaultGateway) and default notify paths are their folders'
// iotpay::Name / ionline::Name and DefaultNotifyPath.
// Their production endpoints, the defaults of gateway/baseUrl and ionline/gatewayUrl.
inline constexpr QLatin1StringView IotPayDefaultBaseUrl{"https://api.iotpaycloud.com/v1/"};
inline constexpr QLatin1StringView IOnlineDefaultGatewayUrl{"https://pay.ionlinepay.com/gateway/"};

// What the counter's gateway is made from (merchant/mchId, merchant/jobNo, gateway/baseUrl and
// the secret store's key), as saved or as being edited in the settings screen.
struct MerchantDetails
{
    QString mchId;
    QString jobNo;
    QString gatewayBaseUrl;
    MerchantKey key;
};

// Where the notification relay runs: inside the GUI, or as a separate service.
enum class RelayMode {
    Invalid = 0,
    InProcess,
    Service,
};

QString relayModeName(RelayMode mode); // "in-process", "service"
RelayMode relayModeFromName(QStringView name); // Invalid if unknown

// How receipts reach an ESC/POS thermal printer (core/receipts' transports).
enum class EscPosConnection {
    Invalid = 0,
    None, // no thermal printer
    Tcp, // the printer's raw port, usually 9100
    DeviceFile, // /dev/usb/lp0, a configured serial tty, COM1/LPT1 on Windows
};

QString escPosConnectionName(EscPosConnection connection); // "none", "tcp", "device"
EscPosConnection escPosConnectionFromName(QStringView name); // Invalid if unknown

// The thermal printer's character set: ASCII prints on every printer; GB18030 needs a printer
// with a Chinese font.
enum class EscPosCharset {
    Invalid = 0,
    Ascii,
    Gb18030
};

QString escPosCharsetName(EscPosCharset charset); // "ascii", "gb18030"
EscPosCharset escPosCharsetFromName(QStringView name); // Invalid if unknown

struct EscPosPrinterConfig
{
    EscPosConnection connection = EscPosConnection::None;
    QString host; // Tcp: host name or IP address
    int port = 9100; // Tcp
    QString device; // DeviceFile: the device path
    EscPosCharset charset = EscPosCharset::Ascii;
    int charsPerLine = 42; // 80 mm paper: 42-48; 58 mm: 32

    friend bool operator==(const EscPosPrinterConfig &, const EscPosPrinterConfig &) = default;
};

// The relay's online-order features (issue 7), all off by default: the merchant back-end
// endpoint and iOnline Pay as a second gateway. Secrets are never here: apiSecretFile and
// ionlineKeyFile name owner-only files; without them the relay reads PAYDESK_API_SECRET and
// PAYDESK_IONLINE_KEY from its environment.
struct OnlineOrderSettings
{
    bool apiEnabled = false;
    QString apiListenAddress = QStringLiteral("127.0.0.1");
    int apiPort = 8088;
    QString apiSecretFile; // absolute path or empty
    QString apiTerminalId = QStringLiteral("WEB"); // prefixes online order numbers
    int apiRatePerMinute = 120; // per client address
    int apiBurst = 20;
    QString apiDefaultGateway; // iotpay::Name, ionline::Name or empty (IOTPay when configured)
    QString publicUrl; // base URL the gateways reach the relay at; may be empty
    bool ionlineEnabled = false;
    QString ionlineMchId;
    Currency ionlineCurrency = Currency::HKD; // iOnline Pay's default
    QString ionlineKeyFile; // absolute path or empty
    QString ionlineGatewayUrl = IOnlineDefaultGatewayUrl;
    QString ionlineNotifyPath = QString::fromLatin1(ionline::DefaultNotifyPath);

    friend bool operator==(const OnlineOrderSettings &, const OnlineOrderSettings &) = default;
};

struct SettingsMigration
{
    int fromVersion = 0;
    int toVersion = 0;
    QStringList notes; // what was changed, for the log
};

} // namespace paydesk

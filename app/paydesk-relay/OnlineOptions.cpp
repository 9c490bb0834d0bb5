#include "OnlineOptions.h"

#include "config/FileSecretStore.h"
#include "config/SecretStore.h"
#include "config/SettingKeys.h"
#include "gateway/ionline/IOnlineName.h"
#include "gateway/iotpay/IotPayName.h"

#include <memory>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

// The flag when given, else what the settings file says.
QString pick(const QCommandLineParser &parser, const QString &name, const QString &fromSettings)
{
    return parser.isSet(name) ? parser.value(name) : fromSettings;
}

// A secret from --X-file (a 0600 file), the settings' file path, or --X-env / the default
// variable; never from the command line, where every user of the machine could read it.
Result<QByteArray> readSecret(const QCommandLineParser &parser, const QString &prefix, const QString &settingsFile,
                              const QByteArray &defaultEnv)
{
    std::unique_ptr<SecretStore> store;
    const QString file = pick(parser, prefix + u"-file"_s, parser.isSet(prefix + u"-env"_s) ? QString() : settingsFile);
    if (!file.isEmpty())
        store = std::make_unique<FileSecretStore>(file);
    else
        store = std::make_unique<EnvSecretStore>(
            parser.isSet(prefix + u"-env"_s) ? parser.value(prefix + u"-env"_s).toLocal8Bit() : defaultEnv);
    auto secret = store->readMerchantKey();
    if (!secret)
        return fail(Error{secret.error().code, store->describe() + u": "_s + secret.error().detail, {}, 0});
    return secret->utf8();
}

// Flags over settings; each overridden value goes through the same rule as the settings key.
Result<OnlineOrderSettings> merged(const QCommandLineParser &parser, const Settings &settings)
{
    OnlineOrderSettings o = settings.onlineOrders();
    o.apiEnabled = o.apiEnabled || parser.isSet(u"api"_s);
    o.apiListenAddress = pick(parser, u"api-listen"_s, o.apiListenAddress);
    o.apiSecretFile = pick(parser, u"api-secret-file"_s, o.apiSecretFile);
    o.apiTerminalId = pick(parser, u"api-terminal"_s, o.apiTerminalId);
    o.apiDefaultGateway = pick(parser, u"api-default-gateway"_s, o.apiDefaultGateway);
    o.publicUrl = pick(parser, u"public-url"_s, o.publicUrl);
    o.ionlineEnabled = o.ionlineEnabled || parser.isSet(u"ionline"_s);
    o.ionlineMchId = pick(parser, u"ionline-mch-id"_s, o.ionlineMchId);
    o.ionlineKeyFile = pick(parser, u"ionline-key-file"_s, o.ionlineKeyFile);
    o.ionlineGatewayUrl = pick(parser, u"ionline-url"_s, o.ionlineGatewayUrl);
    o.ionlineNotifyPath = pick(parser, u"ionline-path"_s, o.ionlineNotifyPath);
    if (parser.isSet(u"ionline-currency"_s)) {
        o.ionlineCurrency = currencyFromCode(parser.value(u"ionline-currency"_s).toUpper());
        if (o.ionlineCurrency == Currency::Invalid)
            return fail(ErrorCode::InvalidArgument, u"--ionline-currency: must be CAD, USD, CNY or HKD"_s);
    }
    const struct
    {
        QString flag;
        int *value;
    } numbers[] = {{u"api-port"_s, &o.apiPort}, {u"api-rate"_s, &o.apiRatePerMinute}, {u"api-burst"_s, &o.apiBurst}};
    for (const auto &number : numbers) {
        if (!parser.isSet(number.flag))
            continue;
        bool ok = false;
        *number.value = parser.value(number.flag).toInt(&ok);
        if (!ok)
            return fail(ErrorCode::InvalidArgument, u"--"_s + number.flag + u": not a whole number"_s);
    }
    const QList<std::pair<QString, Result<void>>> checks{
        {u"--api-listen"_s, Settings::validateListenAddress(o.apiListenAddress)},
        // 0 asks the system for a free port (tests); the settings file needs a real one.
        {u"--api-port"_s, o.apiPort == 0 ? Result<void>{} : Settings::validatePort(o.apiPort)},
        {u"--api-secret-file"_s, Settings::validateOptionalFilePath(o.apiSecretFile)},
        {u"--api-terminal"_s, Settings::validateTerminalId(o.apiTerminalId)},
        {u"--api-rate"_s, Settings::validateRatePerMinute(o.apiRatePerMinute)},
        {u"--api-burst"_s, Settings::validateBurst(o.apiBurst)},
        {u"--api-default-gateway"_s, Settings::validateGatewayName(o.apiDefaultGateway)},
        {u"--public-url"_s, Settings::validatePublicUrl(o.publicUrl)},
        {u"--ionline-mch-id"_s, Settings::validateIOnlineMchId(o.ionlineMchId)},
        {u"--ionline-key-file"_s, Settings::validateOptionalFilePath(o.ionlineKeyFile)},
        {u"--ionline-url"_s, Settings::validateGatewayBaseUrl(o.ionlineGatewayUrl)},
        {u"--ionline-path"_s, Settings::validateRelayPath(o.ionlineNotifyPath)},
        {u"--ionline"_s, Settings::validateOnlineOrders(o)},
    };
    for (const auto &[name, check] : checks) {
        if (!check)
            return fail(ErrorCode::InvalidArgument, name + u" (or its settings key): "_s + check.error().detail);
    }
    return o;
}

bool applyIOnline(const QCommandLineParser &parser, const OnlineOrderSettings &o, RelayOptions &options,
                  QTextStream &err)
{
    options.ionline.enabled = true;
    options.ionline.mchId = o.ionlineMchId;
    options.ionline.currency = o.ionlineCurrency;
    options.ionline.notifyPath = o.ionlineNotifyPath.toUtf8();
    auto key = readSecret(parser, u"ionline-key"_s, o.ionlineKeyFile, QByteArrayLiteral("PAYDESK_IONLINE_KEY"));
    if (!key) {
        err << "paydesk-relay: iOnline Pay needs its key (--ionline-key-file, ionline/credentialFile or "
               "PAYDESK_IONLINE_KEY): "
            << describe(key.error()) << Qt::endl;
        return false;
    }
    options.ionline.key = MerchantKey(*key);
    return true;
}

bool applyApi(const QCommandLineParser &parser, const Settings &settings, const OnlineOrderSettings &o,
              RelayOptions &options, QTextStream &err)
{
    OnlineApiOptions &api = options.api;
    api.enabled = true;
    api.http.bindAddress = o.apiListenAddress;
    api.http.port = quint16(o.apiPort);
    auto secret = readSecret(parser, u"api-secret"_s, o.apiSecretFile, QByteArrayLiteral("PAYDESK_API_SECRET"));
    if (!secret) {
        err << "paydesk-relay: the back-end endpoint needs a shared secret (--api-secret-file, api/hmacFile or "
               "PAYDESK_API_SECRET): "
            << describe(secret.error()) << Qt::endl;
        return false;
    }
    api.secret = *secret;
    api.terminalId = o.apiTerminalId;
    api.storeId = options.storeId; // --store-id or store/storeId, checked with the listener flags
    api.notifyBaseUrl = o.publicUrl;
    api.rate.ratePerSecond = o.apiRatePerMinute / 60.0;
    api.rate.burst = o.apiBurst;

    IotPayConfig iotpay;
    iotpay.baseUrl = QUrl(pick(parser, u"gateway-url"_s, settings.gatewayBaseUrl()));
    iotpay.merchant = {options.notify.mchId, pick(parser, u"job-no"_s, settings.jobNo())};
    iotpay.key = options.notify.key;
    iotpay.deadlineMs = settings.gatewayDeadlineMs();
    if (!iotpay.merchant.jobNo.isEmpty())
        api.iotpay = iotpay;
    if (options.ionline.enabled) {
        IOnlinePayConfig ionline;
        ionline.gatewayUrl = QUrl(o.ionlineGatewayUrl);
        ionline.merchant = {options.ionline.mchId, options.ionline.currency, u"1.0"_s};
        ionline.key = options.ionline.key;
        ionline.deadlineMs = settings.gatewayDeadlineMs();
        api.ionline = ionline;
    }
    if (!api.iotpay && !api.ionline) {
        err << "paydesk-relay: the back-end endpoint needs the IOTPay login name (--job-no or merchant/jobNo) or "
               "iOnline Pay (--ionline or ionline/enabled)"
            << Qt::endl;
        return false;
    }
    api.defaultGateway
        = !o.apiDefaultGateway.isEmpty() ? o.apiDefaultGateway : (api.iotpay ? iotpay::Name : ionline::Name).toString();
    return true;
}

} // namespace

void addOnlineOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"api"_s, u"Serve the merchant back-end endpoint POST /api/v1/payments (off by default; api/enabled)."_s},
        {u"api-listen"_s, u"Address of the back-end endpoint (api/listenAddress, default 127.0.0.1)."_s, u"ADDRESS"_s},
        {u"api-port"_s, u"Port of the back-end endpoint (api/port, default 8088; 0 picks a free one)."_s, u"PORT"_s},
        {u"api-secret-file"_s,
         u"File (mode 0600) holding the HMAC secret shared with the merchant back end (api/hmacFile)."_s, u"FILE"_s},
        {u"api-secret-env"_s, u"Variable holding the HMAC secret (default PAYDESK_API_SECRET)."_s, u"VAR"_s},
        {u"api-terminal"_s, u"Terminal id that prefixes online order numbers (api/terminalId, default WEB)."_s,
         u"ID"_s},
        {u"store-id"_s,
         u"The relay's store in a chain's database: its online orders' store, and the only store whose open orders it "
         u"reconciles (store/storeId, 1 to 8 letters or digits; default none: every store's)."_s,
         u"STORE"_s},
        {u"api-rate"_s, u"Requests per minute per client address (api/ratePerMinute, default 120)."_s, u"N"_s},
        {u"api-burst"_s, u"Requests a client address may send at once (api/burst, default 20)."_s, u"N"_s},
        {u"api-default-gateway"_s, u"iotpay or ionline, when a request names none (api/defaultGateway)."_s, u"NAME"_s},
        {u"public-url"_s, u"Base URL the gateways reach this relay at, e.g. https://pay.example.com (api/publicUrl)."_s,
         u"URL"_s},
        {u"gateway-url"_s, u"IOTPay API base URL (gateway/baseUrl)."_s, u"URL"_s},
        {u"job-no"_s, u"IOTPay merchant login name (merchant/jobNo)."_s, u"NAME"_s},
        {u"ionline"_s,
         u"Enable iOnline Pay: its XML notify path, and its orders on the back-end endpoint (ionline/enabled)."_s},
        {u"ionline-mch-id"_s, u"iOnline Pay merchant id (ionline/mchId)."_s, u"ID"_s},
        {u"ionline-currency"_s,
         u"Currency of the iOnline Pay account: CAD, USD, CNY or HKD (ionline/currency, default HKD)."_s, u"CUR"_s},
        {u"ionline-key-file"_s, u"File (mode 0600) holding the iOnline Pay key (ionline/credentialFile)."_s, u"FILE"_s},
        {u"ionline-key-env"_s, u"Variable holding the iOnline Pay key (default PAYDESK_IONLINE_KEY)."_s, u"VAR"_s},
        {u"ionline-url"_s,
         u"iOnline Pay gateway URL (ionline/gatewayUrl, default https://pay.ionlinepay.com/gateway/)."_s, u"URL"_s},
        {u"ionline-path"_s, u"iOnline notify path (ionline/notifyPath, default /notify/ionline)."_s, u"PATH"_s},
    });
}

bool applyOnlineOptions(const QCommandLineParser &parser, const Settings &settings, RelayOptions &options,
                        QTextStream &err)
{
    auto online = merged(parser, settings);
    if (!online) {
        err << "paydesk-relay: " << describe(online.error()) << Qt::endl;
        return false;
    }
    if (online->ionlineEnabled && !applyIOnline(parser, *online, options, err))
        return false;
    if (online->apiEnabled && !applyApi(parser, settings, *online, options, err))
        return false;
    return true;
}

} // namespace paydesk

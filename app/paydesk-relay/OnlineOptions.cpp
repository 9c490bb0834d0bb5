#include "OnlineOptions.h"

#include "config/FileSecretStore.h"
#include "config/SecretStore.h"

#include <memory>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

QString flag(const QCommandLineParser &parser, const QString &name)
{
    return parser.value(name);
}

// A secret from --X-file (a 0600 file) or --X-env (a variable); never from the command line,
// where every user of the machine could read it.
Result<QByteArray> readSecret(const QCommandLineParser &parser, const QString &prefix, const QByteArray &defaultEnv)
{
    std::unique_ptr<SecretStore> store;
    if (parser.isSet(prefix + u"-file"_s))
        store = std::make_unique<FileSecretStore>(parser.value(prefix + u"-file"_s));
    else
        store = std::make_unique<EnvSecretStore>(parser.isSet(prefix + u"-env"_s)
                                                     ? parser.value(prefix + u"-env"_s).toLocal8Bit()
                                                     : defaultEnv);
    auto secret = store->readMerchantKey();
    if (!secret)
        return fail(Error{secret.error().code, store->describe() + u": "_s + secret.error().detail, {}, 0});
    return secret->utf8();
}

bool applyIOnline(const QCommandLineParser &parser, RelayOptions &options, QTextStream &err)
{
    options.ionline.enabled = true;
    options.ionline.mchId = flag(parser, u"ionline-mch-id"_s);
    options.ionline.currency = currencyFromCode(flag(parser, u"ionline-currency"_s));
    if (parser.isSet(u"ionline-path"_s))
        options.ionline.notifyPath = flag(parser, u"ionline-path"_s).toUtf8();
    auto key = readSecret(parser, u"ionline-key"_s, QByteArrayLiteral("PAYDESK_IONLINE_KEY"));
    if (options.ionline.mchId.isEmpty() || options.ionline.currency == Currency::Invalid || !key) {
        err << "paydesk-relay: --ionline needs --ionline-mch-id, --ionline-currency (CAD, USD or CNY) and a key ("
            << (key ? u"ok"_s : describe(key.error())) << ")" << Qt::endl;
        return false;
    }
    options.ionline.key = MerchantKey(*key);
    return true;
}

bool applyApi(const QCommandLineParser &parser, const Settings &settings, RelayOptions &options, QTextStream &err)
{
    OnlineApiOptions &api = options.api;
    api.enabled = true;
    api.http.bindAddress = flag(parser, u"api-listen"_s);
    bool ok = true;
    const int port = flag(parser, u"api-port"_s).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        err << "paydesk-relay: --api-port must be a number from 0 to 65535" << Qt::endl;
        return false;
    }
    api.http.port = quint16(port);
    auto secret = readSecret(parser, u"api-secret"_s, QByteArrayLiteral("PAYDESK_API_SECRET"));
    if (!secret) {
        err << "paydesk-relay: --api needs a shared secret: " << describe(secret.error()) << Qt::endl;
        return false;
    }
    api.secret = *secret;
    api.terminalId = flag(parser, u"api-terminal"_s);
    api.notifyBaseUrl = flag(parser, u"public-url"_s);
    const double perMinute = flag(parser, u"api-rate"_s).toDouble(&ok);
    const double burst = flag(parser, u"api-burst"_s).toDouble();
    if (!ok || perMinute <= 0 || burst < 1) {
        err << "paydesk-relay: --api-rate and --api-burst must be positive" << Qt::endl;
        return false;
    }
    api.rate.ratePerSecond = perMinute / 60.0;
    api.rate.burst = burst;

    IotPayConfig iotpay;
    iotpay.baseUrl = QUrl(parser.isSet(u"gateway-url"_s) ? flag(parser, u"gateway-url"_s) : settings.gatewayBaseUrl());
    iotpay.merchant = {options.notify.mchId, parser.isSet(u"job-no"_s) ? flag(parser, u"job-no"_s) : settings.jobNo()};
    iotpay.key = options.notify.key;
    iotpay.deadlineMs = settings.gatewayDeadlineMs();
    if (!iotpay.merchant.jobNo.isEmpty())
        api.iotpay = iotpay;
    if (options.ionline.enabled) {
        IOnlinePayConfig ionline;
        if (parser.isSet(u"ionline-url"_s))
            ionline.gatewayUrl = QUrl(flag(parser, u"ionline-url"_s));
        ionline.merchant = {options.ionline.mchId, options.ionline.currency, u"1.0"_s};
        ionline.key = options.ionline.key;
        ionline.deadlineMs = settings.gatewayDeadlineMs();
        api.ionline = ionline;
    }
    if (!api.iotpay && !api.ionline) {
        err << "paydesk-relay: --api needs the IOTPay login name (--job-no or merchant/jobNo) or --ionline" << Qt::endl;
        return false;
    }
    api.defaultGateway = api.iotpay ? u"iotpay"_s : u"ionline"_s;
    if (parser.isSet(u"api-default-gateway"_s))
        api.defaultGateway = flag(parser, u"api-default-gateway"_s);
    return true;
}

} // namespace

void addOnlineOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"api"_s, u"Serve the merchant back-end endpoint POST /api/v1/payments (off by default)."_s},
        {u"api-listen"_s, u"Address of the back-end endpoint (default 127.0.0.1)."_s, u"ADDRESS"_s, u"127.0.0.1"_s},
        {u"api-port"_s, u"Port of the back-end endpoint (default 8088; 0 picks a free one)."_s, u"PORT"_s, u"8088"_s},
        {u"api-secret-file"_s, u"File (mode 0600) holding the HMAC secret shared with the merchant back end."_s, u"FILE"_s},
        {u"api-secret-env"_s, u"Variable holding the HMAC secret (default PAYDESK_API_SECRET)."_s, u"VAR"_s},
        {u"api-terminal"_s, u"Terminal id that prefixes online order numbers (default WEB)."_s, u"ID"_s, u"WEB"_s},
        {u"api-rate"_s, u"Requests per minute per client address (default 120)."_s, u"N"_s, u"120"_s},
        {u"api-burst"_s, u"Requests a client address may send at once (default 20)."_s, u"N"_s, u"20"_s},
        {u"api-default-gateway"_s, u"iotpay or ionline, when a request names none."_s, u"NAME"_s},
        {u"public-url"_s, u"Base URL the gateways reach this relay at, e.g. https://pay.example.com."_s, u"URL"_s},
        {u"gateway-url"_s, u"IOTPay API base URL (default from settings)."_s, u"URL"_s},
        {u"job-no"_s, u"IOTPay merchant login name (default from settings)."_s, u"NAME"_s},
        {u"ionline"_s, u"Enable iOnline Pay: its XML notify path, and its orders on the back-end endpoint."_s},
        {u"ionline-mch-id"_s, u"iOnline Pay merchant id."_s, u"ID"_s},
        {u"ionline-currency"_s, u"Currency of the iOnline Pay account (CAD, USD or CNY)."_s, u"CUR"_s},
        {u"ionline-key-file"_s, u"File (mode 0600) holding the iOnline Pay key."_s, u"FILE"_s},
        {u"ionline-key-env"_s, u"Variable holding the iOnline Pay key (default PAYDESK_IONLINE_KEY)."_s, u"VAR"_s},
        {u"ionline-url"_s, u"iOnline Pay gateway URL (default https://pay.ionlinepay.com/gateway/)."_s, u"URL"_s},
        {u"ionline-path"_s, u"iOnline notify path (default /notify/ionline)."_s, u"PATH"_s},
    });
}

bool applyOnlineOptions(const QCommandLineParser &parser, const Settings &settings, RelayOptions &options,
                        QTextStream &err)
{
    if (parser.isSet(u"ionline"_s) && !applyIOnline(parser, options, err))
        return false;
    if (parser.isSet(u"api"_s) && !applyApi(parser, settings, options, err))
        return false;
    return true;
}

} // namespace paydesk

#include "OnlinePaymentRequest.h"

#include "gateway/JsonReply.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype SubjectMax = 64; // IOTPay subject (payment-api.md §4.1)
constexpr qsizetype BodyMax = 255;
constexpr qsizetype OpenIdMax = 128;
constexpr qsizetype AppIdMax = 32;

std::unexpected<Error> bad(QStringView field, const QString &why)
{
    return fail(ErrorCode::InvalidArgument, field.toString() + u": " + why);
}

Result<QString> textField(const QJsonObject &object, QStringView key, qsizetype maxLength, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return bad(key, u"is required"_s);
        return QString();
    }
    if (!value.isString())
        return bad(key, u"must be a string"_s);
    QString text = value.toString();
    if (text.trimmed().isEmpty())
        return bad(key, u"is empty"_s);
    if (text.size() > maxLength)
        return bad(key, u"longer than %1 characters"_s.arg(maxLength));
    if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }))
        return bad(key, u"contains a control character"_s);
    return text;
}

Result<QString> idField(const QJsonObject &object, QStringView key, qsizetype maxLength, bool required)
{
    auto text = textField(object, key, maxLength, required);
    if (!text)
        return text;
    if (std::any_of(text->cbegin(), text->cend(), [](QChar c) { return c.unicode() <= 0x20 || c.unicode() >= 0x7f; }))
        return bad(key, u"must be printable ASCII without spaces"_s);
    return text;
}

Result<qint64> amountField(const JsonReply &json)
{
    static const QRegularExpression digits(u"^[1-9][0-9]{0,17}$"_s);
    if (!json.object().value(u"amount").isDouble())
        return bad(u"amount", u"must be an integer number of minor units"_s);
    // The literal as sent, so 28.65, 2865.0 and 2.865e3 are refused rather than rounded.
    const QString literal = json.text(u"amount"_s);
    if (!digits.match(literal).hasMatch())
        return bad(u"amount", u"must be an integer number of minor units greater than zero"_s);
    const qint64 minor = literal.toLongLong();
    if (minor > DefaultMaxAmountMinor)
        return bad(u"amount", u"larger than %1"_s.arg(DefaultMaxAmountMinor));
    return minor;
}

Result<void> checkKeys(const QJsonObject &object)
{
    static const QStringList known = {u"channel"_s, u"amount"_s, u"currency"_s,       u"subject"_s,  u"body"_s,
                                      u"openId"_s,  u"appId"_s,  u"clientOrderRef"_s, u"clientIp"_s, u"gateway"_s};
    for (const QString &key : object.keys()) {
        if (!known.contains(key))
            return bad(key.left(40), u"unknown field"_s);
    }
    return {};
}

Result<void> readChannelFields(const QJsonObject &object, OnlinePaymentRequest &payment)
{
    const QString channel = object.value(u"channel").toString();
    payment.channel = channelFromId(channel);
    if (payment.channel != Channel::WxJsapi && payment.channel != Channel::WxApp)
        return bad(u"channel", u"must be WX_JSAPI or WX_APP"_s);
    auto openId = idField(object, u"openId", OpenIdMax, payment.channel == Channel::WxJsapi);
    if (!openId)
        return fail(openId.error());
    if (payment.channel == Channel::WxApp && !openId->isEmpty())
        return bad(u"openId", u"is not used by WX_APP"_s);
    payment.openId = *openId;
    auto appId = idField(object, u"appId", AppIdMax, true);
    if (!appId)
        return fail(appId.error());
    payment.appId = *appId;
    return {};
}

Result<void> readMoney(const JsonReply &json, OnlinePaymentRequest &payment)
{
    const auto minor = amountField(json);
    if (!minor)
        return fail(minor.error());
    const Currency currency = currencyFromCode(json.object().value(u"currency").toString());
    if (currency == Currency::Invalid)
        return bad(u"currency", u"must be CAD, USD, CNY or HKD"_s);
    payment.amount = Money{*minor, currency};
    return {};
}

Result<void> readOptional(const QJsonObject &object, OnlinePaymentRequest &payment)
{
    static const QRegularExpression refPattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    auto ref = idField(object, u"clientOrderRef", 64, false);
    if (!ref)
        return fail(ref.error());
    if (!ref->isEmpty() && !refPattern.match(*ref).hasMatch())
        return bad(u"clientOrderRef", u"must be 1 to 64 letters, digits, '-' or '_'"_s);
    payment.clientOrderRef = *ref;
    auto ip = idField(object, u"clientIp", 45, false);
    if (!ip)
        return fail(ip.error());
    if (!ip->isEmpty() && QHostAddress(*ip).isNull())
        return bad(u"clientIp", u"is not an IP address"_s);
    payment.clientIp = *ip;
    return {};
}

} // namespace

Result<OnlinePaymentRequest> parseOnlinePaymentRequest(const QByteArray &json, const QStringList &enabledGateways,
                                                       const QString &defaultGateway)
{
    JsonReply::Problem problem = JsonReply::Problem::None;
    const auto parsed = JsonReply::parse(json, {json.size(), 1}, &problem);
    if (problem == JsonReply::Problem::DuplicateKey)
        return fail(ErrorCode::InvalidArgument, u"a field is given twice"_s);
    if (problem == JsonReply::Problem::TooDeep)
        return fail(ErrorCode::InvalidArgument, u"nested objects or arrays are not accepted"_s);
    if (!parsed)
        return fail(ErrorCode::InvalidArgument, u"body is not one JSON object"_s);
    const QJsonObject &object = parsed->object();
    if (auto ok = checkKeys(object); !ok)
        return fail(ok.error());

    OnlinePaymentRequest payment;
    for (const auto &step :
         {readChannelFields(object, payment), readMoney(*parsed, payment), readOptional(object, payment)}) {
        if (!step)
            return fail(step.error());
    }
    auto subject = textField(object, u"subject", SubjectMax, true);
    if (!subject)
        return fail(subject.error());
    payment.subject = *subject;
    auto body = textField(object, u"body", BodyMax, false);
    if (!body)
        return fail(body.error());
    payment.body = body->isEmpty() ? payment.subject : *body;
    auto gateway = idField(object, u"gateway", 16, false);
    if (!gateway)
        return fail(gateway.error());
    payment.gateway = gateway->isEmpty() ? defaultGateway : *gateway;
    if (!enabledGateways.contains(payment.gateway))
        return bad(u"gateway", u"not enabled: "_s + payment.gateway);
    // Whether the gateway takes the currency on the channel is its own matter (GatewayEntry::refusal).
    return payment;
}

OrderRequest toOrderRequest(const OnlinePaymentRequest &payment, const QString &mchOrderNo, const QString &notifyUrl,
                            const QString &device)
{
    OrderRequest request;
    request.mchOrderNo = mchOrderNo;
    request.channel = payment.channel;
    request.amount = payment.amount;
    request.subject = payment.subject;
    request.body = payment.body;
    request.notifyUrl = notifyUrl;
    request.clientIp = payment.clientIp;
    request.device = device;
    request.param1 = payment.clientOrderRef;
    if (payment.channel == Channel::WxJsapi) {
        request.extra
            = QJsonObject{{u"openId"_s, payment.openId}, {u"type"_s, u"minipay"_s}, {u"appId"_s, payment.appId}};
    } else {
        request.extra = QJsonObject{{u"type"_s, u"apppay"_s}, {u"appId"_s, payment.appId}};
    }
    return request;
}

} // namespace paydesk

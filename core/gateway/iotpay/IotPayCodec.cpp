#include "IotPayCodec.h"
#include "IotPayChannels.h"
#include "IotPayPaymentCode.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

// Request side of the codec: validation, field order and the `params=` form body.
// The reply side lives in IotPayResponse.cpp.

namespace paydesk::IotPayCodec {
namespace {

using namespace Qt::StringLiterals;

// payment-api.md §4.1 / §7 / §9.
constexpr qsizetype MchIdMax = 30;
constexpr qsizetype MchOrderNoMax = 30;
constexpr qsizetype ChannelIdMax = 24;
constexpr qsizetype ClientIpMax = 32;
constexpr qsizetype DeviceMax = 64;
constexpr qsizetype NotifyUrlMax = 200;
constexpr qsizetype SubjectMax = 64;
constexpr qsizetype BodyMax = 255;
constexpr qsizetype ParamMax = 64;
constexpr qsizetype ExtraMax = 512;
constexpr qsizetype JobNoMax = 50;
constexpr qsizetype LoginNameMax = 32;
constexpr qsizetype MchRefundNoMax = 30;
constexpr qsizetype QueryPayOrderIdMax = 30;
constexpr qsizetype RefundPayOrderIdMax = 64;
constexpr qsizetype ExtraOpenIdMax = 128; // WeChat openid is 28 characters; room for others
constexpr qsizetype ExtraAppIdMax = 32; // WeChat appid is 18 characters

std::unexpected<Error> invalid(QStringView field, const QString &why)
{
    return fail(ErrorCode::RequestInvalid, field.toString() + u": " + why);
}

bool isBlank(const QString &value)
{
    return !value.isEmpty() && value.trimmed().isEmpty();
}

bool hasControlCharacter(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// Lengths are counted in UTF-16 units like the Java gateway does; never fewer than code points.
Result<void> checkText(QStringView field, const QString &value, qsizetype maxLength, bool required)
{
    if (value.isEmpty())
        return required ? Result<void>(invalid(field, u"is required"_s)) : Result<void>();
    if (isBlank(value))
        return invalid(field, u"is blank"_s);
    if (value.size() > maxLength)
        return invalid(field, u"longer than %1 characters (%2)"_s.arg(maxLength).arg(value.size()));
    if (hasControlCharacter(value))
        return invalid(field, u"contains a control character"_s);
    return {};
}

bool isAlnumAscii(const QString &value)
{
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')))
            return false;
    }
    return true;
}

Result<void> checkMchOrderNo(const QString &value)
{
    if (value.isEmpty())
        return invalid(u"mchOrderNo", u"is required"_s);
    if (value.size() > MchOrderNoMax)
        return invalid(u"mchOrderNo", u"longer than %1 characters (%2)"_s.arg(MchOrderNoMax).arg(value.size()));
    if (!isAlnumAscii(value))
        return invalid(u"mchOrderNo", u"must be ASCII letters and digits only"_s);
    return {};
}

Result<void> checkPrintableId(QStringView field, const QString &value, qsizetype maxLength)
{
    if (auto ok = checkText(field, value, maxLength, true); !ok)
        return ok;
    for (const QChar c : value) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return invalid(field, u"must be printable ASCII without spaces"_s);
    }
    return {};
}

Result<void> checkClientIp(const QString &value)
{
    if (auto ok = checkText(u"clientIp", value, ClientIpMax, true); !ok)
        return ok;
    if (QHostAddress(value).isNull())
        return invalid(u"clientIp", u"is not an IP address"_s);
    return {};
}

// The gateway appends its own query string to notifyUrl (payment-api.md §6).
Result<void> checkNotifyUrl(const QString &value)
{
    if (auto ok = checkText(u"notifyUrl", value, NotifyUrlMax, true); !ok)
        return ok;
    if (value.contains(u'?') || value.contains(u'#'))
        return invalid(u"notifyUrl", u"must not contain '?' or '#'"_s);
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return invalid(u"notifyUrl", u"is not an absolute URL"_s);
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return invalid(u"notifyUrl", u"scheme must be http or https"_s);
    if (url.host().isEmpty())
        return invalid(u"notifyUrl", u"has no host"_s);
    return {};
}

Result<void> checkMoney(QStringView field, const Money &money)
{
    if (money.minor <= 0)
        return invalid(field, u"must be greater than zero (%1)"_s.arg(money.minor));
    if (money.currency == Currency::Invalid)
        return invalid(u"currency", u"is not a valid currency"_s);
    return {};
}

// A WeChat id inside `extra` (openId, appId): printable ASCII, no spaces, bounded.
Result<void> checkExtraId(const QJsonObject &extra, QStringView key, qsizetype maxLength)
{
    const QJsonValue value = extra.value(key);
    const QString field = u"extra."_s + key;
    if (!value.isString())
        return invalid(field, u"is required (a string)"_s);
    return checkPrintableId(field, value.toString(), maxLength);
}

Result<void> checkExtraType(const OrderRequest &request, QStringView expected)
{
    if (request.extra.value(u"type").toString() != expected) {
        return invalid(u"extra.type", channelId(request.channel) + u" requires type \""_s + expected + u"\""_s);
    }
    return {};
}

// payment-api.md §4.2: the channel-specific `extra` object.
Result<void> checkExtraForChannel(const OrderRequest &request)
{
    switch (request.channel) {
    case Channel::WxNative: {
        const QJsonValue productId = request.extra.value(u"productId");
        if (!productId.isString() || productId.toString().trimmed().isEmpty())
            return invalid(u"extra", u"WX_NATIVE requires a non-empty string productId"_s);
        return {};
    }
    case Channel::WxJsapi:
        // Mini program: {"openId","type":"minipay","appId"}.
        if (auto ok = checkExtraType(request, u"minipay"); !ok)
            return ok;
        if (auto ok = checkExtraId(request.extra, u"openId", ExtraOpenIdMax); !ok)
            return ok;
        return checkExtraId(request.extra, u"appId", ExtraAppIdMax);
    case Channel::WxApp:
        // WeChat app SDK: {"type":"apppay","appId"}.
        if (auto ok = checkExtraType(request, u"apppay"); !ok)
            return ok;
        return checkExtraId(request.extra, u"appId", ExtraAppIdMax);
    case Channel::AlipayQr:
    case Channel::UpiQr:
    case Channel::WxMicropay:
    case Channel::AlipayMicropay:
    case Channel::UpiMicropay:
    case Channel::Invalid:
        break;
    }
    return {};
}

// payment-api.md §5: a micropay order carries the customer's code, on the code's own wallet.
// The details never repeat the digits.
Result<void> checkPaymentCode(const OrderRequest &request)
{
    if (!isMicropayChannel(request.channel)) {
        if (!request.paymentCode.isEmpty())
            return invalid(u"identityCode", u"only scan-to-pay channels take a payment code"_s);
        return {};
    }
    if (request.paymentCode.isEmpty())
        return invalid(u"identityCode", channelId(request.channel) + u" requires the customer's payment code"_s);
    const Result<Channel> wallet = iotpay::micropayChannelFor(request.paymentCode);
    if (!wallet)
        return fail(wallet.error());
    if (*wallet != request.channel) {
        return invalid(u"identityCode",
                       u"the payment code belongs to "_s + channelId(*wallet) + u", not "_s
                           + channelId(request.channel));
    }
    return checkText(u"deviceId", request.deviceId, DeviceMax, false);
}

Result<QString> extraJson(const OrderRequest &request)
{
    if (auto ok = checkExtraForChannel(request); !ok)
        return fail(ok.error());
    if (request.extra.isEmpty())
        return QString();
    QString json = QString::fromUtf8(QJsonDocument(request.extra).toJson(QJsonDocument::Compact));
    if (json.size() > ExtraMax)
        return invalid(u"extra", u"longer than %1 characters (%2)"_s.arg(ExtraMax).arg(json.size()));
    return json;
}

Result<void> checkOrderRequest(const OrderRequest &request, const MerchantIdentity &merchant)
{
    const auto checks = {
        checkText(u"mchId", merchant.mchId, MchIdMax, true),
        checkMchOrderNo(request.mchOrderNo),
        checkText(u"jobNo", merchant.jobNo, JobNoMax, true),
        checkMoney(u"amount", request.amount),
        checkClientIp(request.clientIp),
        checkText(u"device", request.device, DeviceMax, false),
        checkNotifyUrl(request.notifyUrl),
        checkText(u"subject", request.subject, SubjectMax, true),
        checkText(u"body", request.body, BodyMax, true),
        checkText(u"param1", request.param1, ParamMax, false),
        checkText(u"param2", request.param2, ParamMax, false),
    };
    for (const Result<void> &check : checks) {
        if (!check)
            return check;
    }
    if (request.channel == Channel::Invalid || channelId(request.channel).size() > ChannelIdMax)
        return invalid(u"channelId", u"is not a supported channel"_s);
    if (!channelAcceptsCurrency(request.channel, request.amount.currency)) {
        return invalid(u"currency",
                       currencyCode(request.amount.currency) + u" is not accepted on " + channelId(request.channel));
    }
    return checkPaymentCode(request);
}

void appendIfSet(ParamList &params, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        params.append({name, value});
}

bool isUnsignedDecimal(const QString &value)
{
    if (value.isEmpty() || value.size() > 18)
        return false;
    for (const QChar c : value) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

Result<ParamList> createOrderParams(const OrderRequest &request, const MerchantIdentity &merchant)
{
    if (auto ok = checkOrderRequest(request, merchant); !ok)
        return fail(ok.error());
    const Result<QString> extra = extraJson(request);
    if (!extra)
        return fail(extra.error());

    // Field order of payment-api.md §14.2 vector 2, so logs read like the documentation.
    ParamList params{
        {u"mchId"_s, merchant.mchId},
        {u"mchOrderNo"_s, request.mchOrderNo},
        {u"channelId"_s, channelId(request.channel)},
        {u"currency"_s, currencyCode(request.amount.currency)},
        {u"amount"_s, QString::number(request.amount.minor)},
        {u"clientIp"_s, request.clientIp},
    };
    appendIfSet(params, u"device"_s, request.device);
    if (isMicropayChannel(request.channel)) {
        appendIfSet(params, u"deviceId"_s, request.deviceId);
        params.append({u"codeType"_s, u"barcode"_s});
        params.append({u"identityCode"_s, request.paymentCode.digitsForGateway()});
    }
    params.append({u"notifyUrl"_s, request.notifyUrl});
    params.append({u"subject"_s, request.subject});
    params.append({u"body"_s, request.body});
    appendIfSet(params, u"param1"_s, request.param1);
    appendIfSet(params, u"param2"_s, request.param2);
    appendIfSet(params, u"extra"_s, *extra);
    params.append({u"jobNo"_s, merchant.jobNo});
    return params;
}

Result<ParamList> queryOrderParams(const OrderLookup &lookup, const MerchantIdentity &merchant)
{
    if (auto ok = checkText(u"mchId", merchant.mchId, MchIdMax, true); !ok)
        return fail(ok.error());
    const bool byMchOrderNo = !lookup.mchOrderNo.isEmpty();
    const bool byPayOrderId = !lookup.payOrderId.isEmpty();
    if (byMchOrderNo == byPayOrderId)
        return invalid(u"mchOrderNo/payOrderId", u"exactly one of the two is required"_s);

    ParamList params{{u"mchId"_s, merchant.mchId}};
    if (byMchOrderNo) {
        if (auto ok = checkMchOrderNo(lookup.mchOrderNo); !ok)
            return fail(ok.error());
        params.append({u"mchOrderNo"_s, lookup.mchOrderNo});
    } else {
        if (auto ok = checkPrintableId(u"payOrderId", lookup.payOrderId, QueryPayOrderIdMax); !ok)
            return fail(ok.error());
        params.append({u"payOrderId"_s, lookup.payOrderId});
    }
    return params;
}

Result<ParamList> refundOrderParams(const RefundRequest &request, const MerchantIdentity &merchant)
{
    const auto checks = {
        checkText(u"mchId", merchant.mchId, MchIdMax, true),
        checkPrintableId(u"mchRefundNo", request.mchRefundNo, MchRefundNoMax),
        checkMoney(u"refundAmount", request.refundAmount),
        checkClientIp(request.clientIp),
        checkText(u"device", request.device, DeviceMax, false),
        checkText(u"loginName", merchant.jobNo, LoginNameMax, true),
        checkPrintableId(u"payOrderId", request.payOrderId, RefundPayOrderIdMax),
    };
    for (const Result<void> &check : checks) {
        if (!check)
            return fail(check.error());
    }

    // Field order of payment-api.md §14.2 vector 6.
    ParamList params{
        {u"mchId"_s, merchant.mchId},
        {u"mchRefundNo"_s, request.mchRefundNo},
        {u"refundAmount"_s, QString::number(request.refundAmount.minor)},
        {u"clientIp"_s, request.clientIp},
    };
    appendIfSet(params, u"device"_s, request.device);
    params.append({u"loginName"_s, merchant.jobNo});
    params.append({u"payOrderId"_s, request.payOrderId});
    params.append({u"currency"_s, currencyCode(request.refundAmount.currency)});
    return params;
}

QByteArray signedJson(const ParamList &params, const MerchantKey &key)
{
    QJsonObject object;
    for (const auto &[name, value] : params) {
        if (name == u"sign")
            continue;
        // Amounts go out as JSON integers (the documented form); everything else as strings.
        if ((name == u"amount" || name == u"refundAmount") && isUnsignedDecimal(value))
            object.insert(name, value.toLongLong());
        else
            object.insert(name, value);
    }
    object.insert(u"sign"_s, Signer::sign(params, key));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray signedFormBody(const ParamList &params, const MerchantKey &key)
{
    // toPercentEncoding() leaves exactly RFC 3986's unreserved set (ALPHA DIGIT - . _ ~) as is.
    return QByteArrayLiteral("params=") + signedJson(params, key).toPercentEncoding();
}

} // namespace paydesk::IotPayCodec

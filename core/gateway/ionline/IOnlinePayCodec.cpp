#include "IOnlinePayCodec.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

#include <openssl/crypto.h>

#include <algorithm>

// Request side of the iOnline Pay codec and its signature; the reply side is IOnlinePayResponse.cpp.

namespace paydesk::IOnlinePayCodec {
namespace {

using namespace Qt::StringLiterals;

// payment-api.md §13.2.
constexpr qsizetype MchIdMax = 32;
constexpr qsizetype OutTradeNoMax = 32;
constexpr qsizetype BodyMax = 127;
constexpr qsizetype AttachMax = 127;
constexpr qsizetype CreateIpMax = 16;
constexpr qsizetype NotifyUrlMax = 255;
constexpr qsizetype NonceMax = 32;
constexpr qsizetype OpenIdMax = 128;
constexpr qsizetype AppIdMax = 32;
constexpr qsizetype TransactionIdMax = 64;
constexpr int Gmt8OffsetSeconds = 8 * 3600;

std::unexpected<Error> invalid(QStringView field, const QString &why)
{
    return fail(ErrorCode::RequestInvalid, field.toString() + u": " + why);
}

// Lengths in UTF-16 units; printable means no control characters.
Result<void> checkText(QStringView field, const QString &value, qsizetype maxLength, bool required)
{
    if (value.isEmpty())
        return required ? Result<void>(invalid(field, u"is required"_s)) : Result<void>();
    if (value.trimmed().isEmpty())
        return invalid(field, u"is blank"_s);
    if (value.size() > maxLength)
        return invalid(field, u"longer than %1 characters (%2)"_s.arg(maxLength).arg(value.size()));
    const bool control
        = std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    if (control)
        return invalid(field, u"contains a control character"_s);
    return {};
}

Result<void> checkAsciiId(QStringView field, const QString &value, qsizetype maxLength)
{
    if (auto ok = checkText(field, value, maxLength, true); !ok)
        return ok;
    const bool printable
        = std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    if (!printable)
        return invalid(field, u"must be printable ASCII without spaces"_s);
    return {};
}

Result<void> checkNotifyUrl(const QString &value)
{
    if (auto ok = checkText(u"notify_url", value, NotifyUrlMax, true); !ok)
        return ok;
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https"))
        return invalid(u"notify_url", u"is not an absolute http(s) URL"_s);
    return {};
}

Result<void> checkCommon(const OrderRequest &request, const IOnlineMerchant &merchant, const RequestContext &context)
{
    const auto checks = {
        checkAsciiId(u"mch_id", merchant.mchId, MchIdMax),
        checkAsciiId(u"out_trade_no", request.mchOrderNo, OutTradeNoMax),
        checkText(u"body", request.subject, BodyMax, true),
        checkText(u"attach", request.param1, AttachMax, false),
        checkAsciiId(u"mch_create_ip", request.clientIp, CreateIpMax),
        checkNotifyUrl(request.notifyUrl),
        checkAsciiId(u"nonce_str", context.nonce, NonceMax),
    };
    for (const Result<void> &check : checks) {
        if (!check)
            return check;
    }
    if (QHostAddress(request.clientIp).isNull())
        return invalid(u"mch_create_ip", u"is not an IP address"_s);
    if (request.amount.minor <= 0)
        return invalid(u"total_fee", u"must be greater than zero (%1)"_s.arg(request.amount.minor));
    if (merchant.currency == Currency::Invalid)
        return invalid(u"currency", u"the iOnline account has no currency configured"_s);
    if (request.amount.currency != merchant.currency) {
        return invalid(u"currency",
                       currencyCode(request.amount.currency) + u" is not the account's currency "_s
                           + currencyCode(merchant.currency));
    }
    return {};
}

QString extraText(const OrderRequest &request, QStringView key)
{
    return request.extra.value(key).toString();
}

// The channel-specific fields: the same `extra` the IOTPay codec reads (§4.2), so one request
// shape serves both gateways.
Result<ParamList> channelFields(const OrderRequest &request)
{
    const QString appId = extraText(request, u"appId");
    if (request.channel == Channel::WxJsapi) {
        const QString openId = extraText(request, u"openId");
        if (auto ok = checkAsciiId(u"sub_openid", openId, OpenIdMax); !ok)
            return fail(ok.error());
        if (auto ok = checkAsciiId(u"sub_appid", appId, AppIdMax); !ok)
            return fail(ok.error());
        // is_raw=1: pay_info comes back as the JSON wx.requestPayment takes; is_minipg=1: mini program.
        return ParamList{{u"service"_s, JsPayService.toString()},
                         {u"is_raw"_s, u"1"_s},
                         {u"is_minipg"_s, u"1"_s},
                         {u"sub_openid"_s, openId},
                         {u"sub_appid"_s, appId}};
    }
    if (request.channel == Channel::WxApp) {
        if (auto ok = checkAsciiId(u"sub_appid", appId, AppIdMax); !ok)
            return fail(ok.error());
        return ParamList{{u"service"_s, InAppService.toString()}, {u"sub_appid"_s, appId}};
    }
    return invalid(u"channel", channelId(request.channel) + u" is not offered through iOnline Pay"_s);
}

ParamList commonFields(const IOnlineMerchant &merchant)
{
    return {{u"version"_s, merchant.version.isEmpty() ? u"1.0"_s : merchant.version},
            {u"charset"_s, u"UTF-8"_s},
            {u"sign_type"_s, u"MD5"_s},
            {u"mch_id"_s, merchant.mchId}};
}

// The one place the canonical string is built (see sign() in the header, §13.5).
QByteArray canonicalBytes(const ParamList &params, QByteArrayView keyText)
{
    ParamList kept;
    for (const auto &field : params) {
        if (field.first != u"sign" && !field.second.isEmpty())
            kept.append(field);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray text;
    for (const auto &[name, value] : kept) {
        text += name.toUtf8() + '=' + value.toUtf8() + '&';
    }
    return text + "key=" + keyText;
}

bool isHex32(QStringView text)
{
    return text.size() == 32 && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
           });
}

} // namespace

QString sign(const ParamList &params, const MerchantKey &key)
{
    const QByteArray digest = QCryptographicHash::hash(canonicalBytes(params, key.utf8()), QCryptographicHash::Md5);
    return QString::fromLatin1(digest.toHex().toUpper());
}

QString canonicalStringRedacted(const ParamList &params)
{
    return QString::fromUtf8(canonicalBytes(params, MerchantKey::redacted()));
}

bool verify(const ParamList &params, const MerchantKey &key, QStringView claimedSign)
{
    if (!isHex32(claimedSign))
        return false;
    const QByteArray expected = sign(params, key).toLatin1();
    const QByteArray claimed = claimedSign.toLatin1().toUpper();
    return CRYPTO_memcmp(expected.constData(), claimed.constData(), size_t(expected.size())) == 0;
}

QString gmt8Timestamp(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone(Gmt8OffsetSeconds)).toString(u"yyyyMMddHHmmss"_s);
}

std::optional<qint64> parseGmt8Timestamp(QStringView text)
{
    if (text.size() != 14 || !std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text.toString(), u"yyyyMMddHHmmss"_s);
    if (!time.isValid())
        return std::nullopt;
    time.setTimeZone(QTimeZone(Gmt8OffsetSeconds));
    return time.toMSecsSinceEpoch();
}

Result<ParamList> createOrderParams(const OrderRequest &request, const IOnlineMerchant &merchant,
                                    const RequestContext &context)
{
    if (auto ok = checkCommon(request, merchant, context); !ok)
        return fail(ok.error());
    auto channel = channelFields(request);
    if (!channel)
        return channel;
    ParamList params{channel->first()};
    params += commonFields(merchant);
    params += channel->mid(1);
    params += ParamList{{u"out_trade_no"_s, request.mchOrderNo},
                        {u"body"_s, request.subject},
                        {u"total_fee"_s, QString::number(request.amount.minor)},
                        {u"mch_create_ip"_s, request.clientIp},
                        {u"notify_url"_s, request.notifyUrl}};
    if (!request.param1.isEmpty())
        params.append({u"attach"_s, request.param1});
    if (context.validityMs > 0) {
        params.append({u"time_start"_s, gmt8Timestamp(context.nowUtcMs)});
        params.append({u"time_expire"_s, gmt8Timestamp(context.nowUtcMs + context.validityMs)});
    }
    params.append({u"nonce_str"_s, context.nonce});
    return params;
}

Result<ParamList> queryOrderParams(const OrderLookup &lookup, const IOnlineMerchant &merchant,
                                   const RequestContext &context)
{
    if (auto ok = checkAsciiId(u"mch_id", merchant.mchId, MchIdMax); !ok)
        return fail(ok.error());
    if (auto ok = checkAsciiId(u"nonce_str", context.nonce, NonceMax); !ok)
        return fail(ok.error());
    const bool byOrderNo = !lookup.mchOrderNo.isEmpty();
    if (byOrderNo == !lookup.payOrderId.isEmpty())
        return invalid(u"out_trade_no/transaction_id", u"exactly one of the two is required"_s);
    ParamList params{{u"service"_s, QueryService.toString()}};
    params += commonFields(merchant);
    if (byOrderNo) {
        if (auto ok = checkAsciiId(u"out_trade_no", lookup.mchOrderNo, OutTradeNoMax); !ok)
            return fail(ok.error());
        params.append({u"out_trade_no"_s, lookup.mchOrderNo});
    } else {
        if (auto ok = checkAsciiId(u"transaction_id", lookup.payOrderId, TransactionIdMax); !ok)
            return fail(ok.error());
        params.append({u"transaction_id"_s, lookup.payOrderId});
    }
    params.append({u"nonce_str"_s, context.nonce});
    return params;
}

QByteArray signedFormBody(const ParamList &params, const MerchantKey &key)
{
    QByteArray form;
    for (const auto &[name, value] : params) {
        if (name == u"sign" || value.isEmpty())
            continue;
        form += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value) + '&';
    }
    return form + "sign=" + sign(params, key).toLatin1();
}

QByteArray signedJson(const ParamList &params, const MerchantKey &key)
{
    QJsonObject object;
    for (const auto &[name, value] : params) {
        if (name != u"sign")
            object.insert(name, value);
    }
    object.insert(u"sign"_s, sign(params, key));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

RemoteStatus remoteStatusFromTradeState(QStringView tradeState)
{
    if (tradeState == u"SUCCESS" || tradeState == u"REFUND")
        return RemoteStatus::Paid;
    if (tradeState == u"NOTPAY")
        return RemoteStatus::Created;
    if (tradeState == u"USERPAYING")
        return RemoteStatus::Paying;
    if (tradeState == u"CLOSED" || tradeState == u"REVOKED" || tradeState == u"PAYERROR")
        return RemoteStatus::CancelledBySystem;
    return RemoteStatus::Invalid;
}

} // namespace paydesk::IOnlinePayCodec

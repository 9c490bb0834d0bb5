#pragma once

#include "GatewayTestUtil.h"

#include <QList>

#include <functional>

// Tables for test_codec: the documented wire body and one invalid order per rule.
namespace paydesk::testutil {

using namespace Qt::StringLiterals;

// The exact wire body of payment-api.md §14.2 vector 2.
inline const QByteArray DocVector2FormBody = QByteArrayLiteral(
    "params=%7B%22mchId%22%3A%2210000701%22%2C%22mchOrderNo%22%3A%22POS20240101123000001%22%2C%22channelId%22%3A%22"
    "WX_NATIVE%22%2C%22currency%22%3A%22CAD%22%2C%22amount%22%3A2865%2C%22clientIp%22%3A%22192.168.1.20%22%2C%22"
    "device%22%3A%22POS01%22%2C%22notifyUrl%22%3A%22https%3A%2F%2Fexample.com%2Fiotpay%2Fnotify%22%2C%22subject%22"
    "%3A%22Order%201001%22%2C%22body%22%3A%222%20items%22%2C%22extra%22%3A%22%7B%5C%22productId%5C%22%3A%5C%22"
    "1001%5C%22%7D%22%2C%22jobNo%22%3A%22cashier01%22%2C%22sign%22%3A%22041807E1FB72DE3A89C7D25CD83AD55C%22%7D");

using OrderMutation = std::function<void(OrderRequest &, MerchantIdentity &)>;

struct InvalidCase
{
    const char *name;
    QString field;
    OrderMutation mutate;
};

inline QList<InvalidCase> invalidOrders()
{
    const QString s31(31, u'A');
    return {
        {"mchId empty", u"mchId"_s, [](OrderRequest &, MerchantIdentity &m) { m.mchId.clear(); }},
        {"mchId too long", u"mchId"_s, [s31](OrderRequest &, MerchantIdentity &m) { m.mchId = s31; }},
        {"mchOrderNo empty", u"mchOrderNo"_s, [](OrderRequest &r, MerchantIdentity &) { r.mchOrderNo.clear(); }},
        {"mchOrderNo too long", u"mchOrderNo"_s, [s31](OrderRequest &r, MerchantIdentity &) { r.mchOrderNo = s31; }},
        {"mchOrderNo dash", u"mchOrderNo"_s, [](OrderRequest &r, MerchantIdentity &) { r.mchOrderNo = u"POS-1"_s; }},
        {"mchOrderNo non-ASCII", u"mchOrderNo"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.mchOrderNo = u"POSé1"_s; }},
        {"channel invalid", u"channelId"_s, [](OrderRequest &r, MerchantIdentity &) { r.channel = Channel::Invalid; }},
        {"currency invalid", u"currency"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.amount.currency = Currency::Invalid; }},
        {"CNY on ALIPAY_QR", u"currency"_s,
         [](OrderRequest &r, MerchantIdentity &) {
             r.channel = Channel::AlipayQr;
             r.amount.currency = Currency::CNY;
         }},
        {"amount zero", u"amount"_s, [](OrderRequest &r, MerchantIdentity &) { r.amount.minor = 0; }},
        {"amount negative", u"amount"_s, [](OrderRequest &r, MerchantIdentity &) { r.amount.minor = -100; }},
        {"clientIp empty", u"clientIp"_s, [](OrderRequest &r, MerchantIdentity &) { r.clientIp.clear(); }},
        {"clientIp too long", u"clientIp"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.clientIp = QString(33, u'1'); }},
        {"clientIp not an address", u"clientIp"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.clientIp = u"pos01"_s; }},
        {"device too long", u"device"_s, [](OrderRequest &r, MerchantIdentity &) { r.device = QString(65, u'D'); }},
        {"notifyUrl empty", u"notifyUrl"_s, [](OrderRequest &r, MerchantIdentity &) { r.notifyUrl.clear(); }},
        {"notifyUrl too long", u"notifyUrl"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.notifyUrl = u"https://example.com/"_s + QString(190, u'n'); }},
        {"notifyUrl relative", u"notifyUrl"_s, [](OrderRequest &r, MerchantIdentity &) { r.notifyUrl = u"/notify"_s; }},
        {"notifyUrl ftp", u"notifyUrl"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.notifyUrl = u"ftp://example.com/n"_s; }},
        {"notifyUrl query", u"notifyUrl"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.notifyUrl = u"https://example.com/n?a=1"_s; }},
        {"notifyUrl fragment", u"notifyUrl"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.notifyUrl = u"https://example.com/n#x"_s; }},
        {"notifyUrl no host", u"notifyUrl"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.notifyUrl = u"http:///n"_s; }},
        {"subject empty", u"subject"_s, [](OrderRequest &r, MerchantIdentity &) { r.subject.clear(); }},
        {"subject blank", u"subject"_s, [](OrderRequest &r, MerchantIdentity &) { r.subject = u"   "_s; }},
        {"subject too long", u"subject"_s, [](OrderRequest &r, MerchantIdentity &) { r.subject = QString(65, u's'); }},
        {"subject control char", u"subject"_s, [](OrderRequest &r, MerchantIdentity &) { r.subject = u"a\nb"_s; }},
        {"body empty", u"body"_s, [](OrderRequest &r, MerchantIdentity &) { r.body.clear(); }},
        {"body too long", u"body"_s, [](OrderRequest &r, MerchantIdentity &) { r.body = QString(256, u'b'); }},
        {"param1 too long", u"param1"_s, [](OrderRequest &r, MerchantIdentity &) { r.param1 = QString(65, u'p'); }},
        {"param2 too long", u"param2"_s, [](OrderRequest &r, MerchantIdentity &) { r.param2 = QString(65, u'p'); }},
        {"extra too long", u"extra"_s,
         [](OrderRequest &r, MerchantIdentity &) { r.extra.insert(u"note"_s, QString(500, u'x')); }},
        {"WX_NATIVE without productId", u"extra"_s, [](OrderRequest &r, MerchantIdentity &) { r.extra = {}; }},
        {"WX_NATIVE productId empty", u"extra"_s,
         [](OrderRequest &r, MerchantIdentity &) {
             r.extra = QJsonObject{{u"productId"_s, u""_s}};
         }},
        {"WX_NATIVE productId number", u"extra"_s,
         [](OrderRequest &r, MerchantIdentity &) {
             r.extra = QJsonObject{{u"productId"_s, 1001}};
         }},
        {"jobNo empty", u"jobNo"_s, [](OrderRequest &, MerchantIdentity &m) { m.jobNo.clear(); }},
        {"jobNo too long", u"jobNo"_s, [](OrderRequest &, MerchantIdentity &m) { m.jobNo = QString(51, u'j'); }},
    };
}

} // namespace paydesk::testutil

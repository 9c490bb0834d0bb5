#include "IotPayPaymentCode.h"

namespace paydesk::iotpay {

using namespace Qt::StringLiterals;

Result<Channel> micropayChannelFor(const PaymentCode &code)
{
    const QString &digits = code.digitsForGateway();
    if (digits.size() < 2)
        return fail(ErrorCode::PaymentCodeUnrecognised, u"no payment code"_s);
    const int prefix = (digits[0].unicode() - u'0') * 10 + (digits[1].unicode() - u'0');
    const qsizetype length = digits.size();
    if (length == 18 && prefix >= 10 && prefix <= 15)
        return Channel::WxMicropay;
    if (length >= 16 && length <= 24 && prefix >= 25 && prefix <= 30)
        return Channel::AlipayMicropay;
    if (length == 19 && prefix == 62)
        return Channel::UpiMicropay;
    return fail(
        ErrorCode::PaymentCodeUnrecognised,
        u"a %1-digit code starting %2 fits no wallet (WeChat Pay, Alipay, UnionPay)"_s.arg(length).arg(digits.left(2)));
}

} // namespace paydesk::iotpay

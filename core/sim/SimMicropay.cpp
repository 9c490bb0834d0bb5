#include "SimMicropay.h"

#include "gateway/PaymentCode.h"
#include "gateway/iotpay/IotPayPaymentCode.h"

namespace paydesk::sim {

using namespace Qt::StringLiterals;

namespace {

QJsonObject walletFail(const QString &errCode, const QString &description)
{
    return {{u"retCode"_s, u"SUCCESS"_s},
            {u"resCode"_s, u"FAIL"_s},
            {u"errCode"_s, errCode},
            {u"errCodeDes"_s, description}};
}

} // namespace

MicropayScenario micropayScenarioFor(const QString &identityCode)
{
    const QString ending = identityCode.right(4);
    if (ending == u"0001")
        return MicropayScenario::Password;
    if (ending == u"0002")
        return MicropayScenario::InsufficientFunds;
    if (ending == u"0003")
        return MicropayScenario::CodeRejected;
    if (ending == u"0004")
        return MicropayScenario::RiskControl;
    if (ending == u"0005")
        return MicropayScenario::NoReply;
    return MicropayScenario::PaidAtOnce;
}

QString micropayTestCode(const QString &channelId, MicropayScenario scenario, int serial)
{
    QString ending;
    switch (scenario) {
    case MicropayScenario::Password:
        ending = u"0001"_s;
        break;
    case MicropayScenario::InsufficientFunds:
        ending = u"0002"_s;
        break;
    case MicropayScenario::CodeRejected:
        ending = u"0003"_s;
        break;
    case MicropayScenario::RiskControl:
        ending = u"0004"_s;
        break;
    case MicropayScenario::NoReply:
        ending = u"0005"_s;
        break;
    case MicropayScenario::PaidAtOnce:
    case MicropayScenario::Invalid:
        ending = u"0000"_s;
        break;
    }
    const QString middle = u"%1"_s.arg(serial % 1000, 3, 10, QLatin1Char('0'));
    // Lengths and prefixes of payment-api.md §5: WeChat 18 (13…), Alipay 18 (28…), UnionPay 19 (62…).
    if (channelId == u"WX_MICROPAY")
        return u"1345678901"_s + middle + u'9' + ending;
    if (channelId == u"ALIPAY_MICROPAY")
        return u"2845678901"_s + middle + u'9' + ending;
    if (channelId == u"UPI_MICROPAY")
        return u"62345678901"_s + middle + u'9' + ending;
    return {};
}

bool isMicropayChannelId(const QString &channelId)
{
    return channelId == u"WX_MICROPAY" || channelId == u"ALIPAY_MICROPAY" || channelId == u"UPI_MICROPAY";
}

QString micropayProblem(const QJsonObject &params)
{
    if (params.value(u"codeType").toString() != u"barcode")
        return u"parameter error: codeType must be barcode"_s;
    const auto code = PaymentCode::fromText(params.value(u"identityCode").toString());
    if (!code)
        return u"parameter error: identityCode"_s;
    const auto wallet = iotpay::micropayChannelFor(*code);
    if (!wallet || channelId(*wallet) != params.value(u"channelId").toString())
        return u"parameter error: identityCode does not belong to channelId"_s;
    return {};
}

QJsonObject micropayRefusal(MicropayScenario scenario)
{
    switch (scenario) {
    case MicropayScenario::InsufficientFunds:
        return walletFail(u"NOTENOUGH"_s, u"insufficient balance"_s);
    case MicropayScenario::CodeRejected:
        return walletFail(u"AUTH_CODE_INVALID"_s, u"payment code expired or already used"_s);
    case MicropayScenario::RiskControl:
        return walletFail(u"RISK_CONTROL"_s, u"payment declined by the wallet's risk control"_s);
    case MicropayScenario::PaidAtOnce:
    case MicropayScenario::Password:
    case MicropayScenario::NoReply:
    case MicropayScenario::Invalid:
        break;
    }
    return {};
}

QJsonObject micropayUserPaying(const QString &mchOrderNo, const QString &payOrderId)
{
    QJsonObject reply = walletFail(u"USERPAYING"_s, u"user paying, waiting for the password"_s);
    reply.insert(u"mchOrderNo"_s, mchOrderNo);
    reply.insert(u"payOrderId"_s, payOrderId);
    return reply;
}

} // namespace paydesk::sim

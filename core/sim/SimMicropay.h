#pragma once

#include <QJsonObject>
#include <QString>

// Scan to pay in the IOTPay simulator: the scenario a payment code asks for, and its checks.
// Internal to core/sim (GatewaySimulator uses it; tests and demo mode take the test codes).

namespace paydesk::sim {

// What the simulated wallet does with a code, chosen by the code's last four digits:
// 0001 password (status 1 for SimOptions::micropayConfirmMs, then paid), 0002 insufficient
// funds, 0003 code expired or already used, 0004 risk control, 0005 no reply after the order is
// made; any other ending is paid at once.
enum class MicropayScenario {
    Invalid = 0,
    PaidAtOnce,
    Password,
    InsufficientFunds,
    CodeRejected,
    RiskControl,
    NoReply,
};

MicropayScenario micropayScenarioFor(const QString &identityCode);

// A documented test code of `channelId`'s wallet (WX_MICROPAY, ALIPAY_MICROPAY, UPI_MICROPAY)
// that asks for `scenario`; `serial` (0–999) varies the middle digits so that codes differ.
// Empty for any other channel.
QString micropayTestCode(const QString &channelId, MicropayScenario scenario, int serial = 0);

bool isMicropayChannelId(const QString &channelId);

// The micropay fields of a create_order (codeType=barcode, an identityCode of the channel's
// wallet): empty when right, otherwise IOTPay's parameter error text (never the code).
QString micropayProblem(const QJsonObject &params);

// The wallet's refusal as IOTPay relays it (resCode FAIL with the wallet's code and words), or
// an empty object when `scenario` is not a refusal.
QJsonObject micropayRefusal(MicropayScenario scenario);

// "The customer is entering the password" (resCode FAIL, errCode USERPAYING).
QJsonObject micropayUserPaying(const QString &mchOrderNo, const QString &payOrderId);

} // namespace paydesk::sim

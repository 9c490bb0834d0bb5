#pragma once

#include "common/Error.h"
#include "gateway/PaymentCode.h"
#include "money/Channel.h"
#include "money/Money.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace paydesk {

// What PayDesk asks a gateway for; the client adds the merchant identity (mchId, jobNo) and signs.
struct OrderRequest
{
    QString mchOrderNo;
    Channel channel = Channel::Invalid;
    Money amount;
    QString subject;
    QString body;
    QString notifyUrl;
    QString clientIp = QStringLiteral("127.0.0.1");
    QString device;
    QString param1;
    QString param2;
    QJsonObject extra; // sent as an embedded JSON string; empty -> field omitted
    // Scan to pay (*_MICROPAY, payment-api.md §5): the customer's code, sent as identityCode
    // and nowhere else, and the scanning terminal's id (deviceId).
    PaymentCode paymentCode;
    QString deviceId;
};

// Look an order up by one of the two numbers.
struct OrderLookup
{
    QString mchOrderNo;
    QString payOrderId;
};

struct RefundRequest
{
    QString mchRefundNo;
    QString payOrderId;
    Money refundAmount;
    QString clientIp = QStringLiteral("127.0.0.1");
    QString device;
};

// IOTPay query_order status (payment-api.md §7); iOnline's trade_state is mapped onto it.
enum class RemoteStatus {
    Invalid = 0,
    Created, // 0
    Paying, // 1
    Paid, // 2
    PaidNotified, // 3
    CancelledBySystem, // 4
    CancelledByUser, // 9
};

RemoteStatus remoteStatusFromCode(int code);
bool isPaid(RemoteStatus status); // 2 or 3
bool isClosed(RemoteStatus status); // 4 or 9

// A successful gateway reply (IOTPay: retCode == resCode == SUCCESS; iOnline: status ==
// result_code == "0"), its signature verified when present. Field names are IOTPay's; the
// iOnline codec maps transaction_id to payOrderId, out_trade_no to mchOrderNo, total_fee and
// fee_type to amount and out_transaction_id to channelOrderNo.
struct GatewayResponse
{
    QString retCode;
    QString retMsg;
    QString resCode;
    QString errCode;
    QString errCodeDes;
    QString payOrderId;
    QString mchOrderNo;
    // The amount when the reply names one, in the reply's currency (Currency::Invalid when it
    // names none or one PayDesk does not know; currencyCode says which).
    std::optional<Money> amount;
    QString currencyCode; // as received, for messages and logs
    QString channelId;
    QString qrPayload; // codeUrl / qr_code / retParams / payParams.codeUrl ...
    QJsonObject payParams; // for WX_JSAPI / WX_APP (IOTPay payParams, iOnline pay_info)
    QString payUrl; // iOnline pay_url: a link the customer opens (or a QR of it)
    RemoteStatus status = RemoteStatus::Invalid; // query_order only
    QString channelOrderNo;
    qint64 paySuccTimeMs = 0;
    bool signaturePresent = false;
    QByteArray raw; // the reply body as received (capped by the client)
};

} // namespace paydesk

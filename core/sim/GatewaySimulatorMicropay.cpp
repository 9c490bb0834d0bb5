#include "GatewaySimulator.h"

#include "sim/SimMicropay.h"
#include "sim/SimPayloads.h"

#include <QTimer>

// The simulator's answer to a create_order once the order is made: the faults that strike
// after it, the QR / payParams reply, and scan to pay's outcomes (the wallet's refusals are
// decided before, in GatewaySimulator::createOrder).

namespace paydesk {

using namespace Qt::StringLiterals;

HttpResponse GatewaySimulator::createdReply(const SimOrder &created, const SimFaults &faults, bool noReply,
                                            qint64 confirmMs)
{
    const bool micropay = sim::isMicropayChannelId(created.channelId);
    HttpResponse response;
    if (micropay && (noReply || faults.resetAfterCreate)) {
        response.dropConnection = true;
        return response;
    }
    if (micropay) { // a 5xx after the wallet answered: the outcome is there to query
        HttpResponse reply = micropayReply(created, confirmMs);
        if (faults.serverErrorStatus < 500)
            return reply;
    }
    if (faults.resetAfterCreate) {
        response.dropConnection = true;
        return response;
    }
    if (faults.serverErrorStatus >= 500) {
        response
            = HttpResponse::text(faults.serverErrorStatus, QByteArrayLiteral("<html><body>Bad Gateway</body></html>"));
        response.contentType = QByteArrayLiteral("text/html");
        return response;
    }
    QJsonObject reply{{u"retCode"_s, u"SUCCESS"_s},
                      {u"resCode"_s, u"SUCCESS"_s},
                      {u"payOrderId"_s, created.payOrderId},
                      {u"mchOrderNo"_s, created.mchOrderNo},
                      {u"amount"_s, created.amountMinor}};
    // xxpay: QR channels carry codeUrl, the client-pay channels a payParams object (not signed).
    if (sim::isClientPayChannel(created.channelId))
        reply.insert(u"payParams"_s, created.payParams);
    else
        reply.insert(u"codeUrl"_s, created.qrPayload);
    return signedReply(reply, false);
}

HttpResponse GatewaySimulator::micropayReply(const SimOrder &created, qint64 confirmMs)
{
    const QString mchOrderNo = created.mchOrderNo;
    if (created.paying) {
        // The customer types the password on their phone; the order is paid after confirmMs.
        QMetaObject::invokeMethod(
            this,
            [this, mchOrderNo, confirmMs] {
                QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(0, confirmMs)), this,
                                   [this, mchOrderNo] { (void)pay(mchOrderNo); });
            },
            Qt::QueuedConnection);
        return signedReply(sim::micropayUserPaying(mchOrderNo, created.payOrderId), false);
    }
    (void)pay(mchOrderNo);
    const SimOrder paid = order(mchOrderNo).value_or(created);
    QJsonObject reply{{u"retCode"_s, u"SUCCESS"_s},
                      {u"resCode"_s, u"SUCCESS"_s},
                      {u"payOrderId"_s, paid.payOrderId},
                      {u"mchOrderNo"_s, paid.mchOrderNo},
                      {u"channelId"_s, paid.channelId},
                      {u"currency"_s, paid.currency},
                      {u"amount"_s, paid.amountMinor},
                      {u"status"_s, 2},
                      {u"channelOrderNo"_s, paid.channelOrderNo},
                      {u"paySuccTime"_s, paid.paidAtUtcMs}};
    return signedReply(reply, false);
}

} // namespace paydesk

#include "GatewaySimulator.h"

#include "sim/SimMicropay.h"

#include <QTimer>

// The simulator's answer to a scan-to-pay create_order once the order is made (the wallet's
// refusals and the dropped reply are decided before, in GatewaySimulator::createOrder).

namespace paydesk {

using namespace Qt::StringLiterals;

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

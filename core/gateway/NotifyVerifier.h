#pragma once

#include "http/HttpServer.h"
#include "money/Money.h"

#include <QByteArray>
#include <QString>

#include <expected>

namespace paydesk {

// What a correctly signed payment notification says, in PayDesk's terms.
struct NotifyFacts
{
    QString mchOrderNo;
    QString payOrderId;
    QString channelOrderNo;
    Money amount;
    qint64 paidAtMs = 0; // 0: the gateway did not say (or not readably); "paid at" is the receive time anyway
};

// Why a notification was not taken: the HTTP status to answer and a reason for the audit view.
struct NotifyRefusal
{
    int httpStatus = 400;
    QString reason;
    QString mchOrderNo; // when the message named one
};

using NotifyCheck = std::expected<NotifyFacts, NotifyRefusal>;

// One gateway's side of a payment notification: its path, the methods it delivers with, and the
// decoding and checks of its own message (signature over every received field, merchant id,
// status, field formats). The relay's generic part — routing by path, matching the order, the
// transaction and the `success` reply after the commit — is in relay/NotifyHandler.
class NotifyVerifier
{
public:
    virtual ~NotifyVerifier();

    virtual QString gatewayName() const = 0; // Order::gateway of the orders it pays
    virtual QByteArray path() const = 0;
    virtual bool acceptsMethod(QByteArrayView method) const = 0;
    virtual QByteArray allowedMethods() const = 0; // the Allow header of a 405
    virtual QByteArray refusalPrefix() const = 0; // start of the body of a refusal
    virtual NotifyCheck verify(const HttpRequest &request) const = 0;
};

} // namespace paydesk

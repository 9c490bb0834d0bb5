#pragma once

#include "common/Clock.h"
#include "common/MerchantKey.h"
#include "http/HttpServer.h"
#include "orders/OrderLog.h"

#include <QString>

namespace paydesk {

struct NotifyConfig
{
    QString mchId;
    MerchantKey key;
    QByteArray notifyPath = QByteArrayLiteral("/notify/iotpay");
    QByteArray healthPath = QByteArrayLiteral("/health");
};

enum class NotifyVerdictKind {
    Invalid = 0,
    Accepted,       // applied now: the order is PAID
    Duplicate,      // already applied: acknowledged again, nothing changed
    Rejected,       // failed verification: not applied, recorded for the audit view
    Unmatched,      // correctly signed, but no such order (yet): recorded, not acknowledged
    StoreFailed,    // could not commit: not acknowledged, the gateway will retry
    NotRoutable,    // wrong method or path: answered, nothing recorded
};

QString notifyVerdictName(NotifyVerdictKind kind);

struct NotifyVerdict
{
    NotifyVerdictKind kind = NotifyVerdictKind::Invalid;
    QString reason;
    QString mchOrderNo;
    HttpResponse reply;
};

// The reply to a confirmation (shared by the IOTPay and iOnline handlers): `success` only for an
// applied or repeated payment, after the commit; unmatched, rejected and store errors otherwise.
NotifyVerdict notifyVerdictFor(const Result<ConfirmOutcome> &outcome, const QString &mchOrderNo);

// The relay rules of design.md, without any I/O of its own besides the order log it is given:
// decode, verify the signature over every received pair, check merchant, order, amount,
// currency and status, apply idempotently in one transaction, and answer exactly `success`
// only after the commit.
class NotifyHandler
{
public:
    NotifyHandler(NotifyConfig config, const Clock &clock);

    NotifyVerdict handle(const HttpRequest &request, OrderLog &orderLog) const;

    bool isNotifyPath(const QByteArray &rawPath) const { return rawPath == m_config.notifyPath; }
    const NotifyConfig &config() const { return m_config; }

private:
    NotifyVerdict reject(OrderLog &orderLog, const HttpRequest &request, int status,
                         const QString &reason, const QString &mchOrderNo) const;

    NotifyConfig m_config;
    const Clock &m_clock;
};

} // namespace paydesk

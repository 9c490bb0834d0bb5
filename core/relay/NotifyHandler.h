#pragma once

#include "common/Clock.h"
#include "common/MerchantKey.h"
#include "gateway/GatewayRegistry.h"
#include "gateway/iotpay/IotPayName.h"
#include "http/HttpServer.h"
#include "orders/OrderLog.h"

#include <QString>

namespace paydesk {

// The relay's own paths and IOTPay's notify account (RelayOptions::notify).
struct NotifyConfig
{
    QString mchId;
    MerchantKey key;
    QByteArray notifyPath = iotpay::DefaultNotifyPath.toByteArray();
    QByteArray healthPath = QByteArrayLiteral("/health");
};

enum class NotifyVerdictKind {
    Invalid = 0,
    Accepted, // applied now: the order is PAID
    Duplicate, // already applied: acknowledged again, nothing changed
    Rejected, // failed verification: not applied, recorded for the audit view
    Unmatched, // correctly signed, but no such order (yet): recorded, not acknowledged
    StoreFailed, // could not commit: not acknowledged, the gateway will retry
    NotRoutable, // wrong method or path: answered, nothing recorded
};

QString notifyVerdictName(NotifyVerdictKind kind);

struct NotifyVerdict
{
    NotifyVerdictKind kind = NotifyVerdictKind::Invalid;
    QString reason;
    QString mchOrderNo;
    HttpResponse reply;
};

// The relay rules of design.md, the part every gateway shares, without any I/O of its own
// besides the order log it is given: route by path to the gateway whose notify it is (through
// the registry), let that gateway decode and verify its message (NotifyVerifier), refuse an
// order of another gateway, apply idempotently in one transaction, and answer exactly `success`
// only after the commit. Refusals are recorded for the audit view.
class NotifyHandler
{
public:
    // `gateways` must outlive the handler.
    NotifyHandler(const GatewayRegistry &gateways, const Clock &clock);

    NotifyVerdict handle(const HttpRequest &request, OrderLog &orderLog) const;

    bool isNotifyPath(const QByteArray &rawPath) const { return m_gateways.notifyFor(rawPath) != nullptr; }

private:
    NotifyVerdict reject(const NotifyVerifier &gateway, OrderLog &orderLog, const HttpRequest &request,
                         const NotifyRefusal &refusal) const;
    NotifyVerdict apply(const NotifyVerifier &gateway, OrderLog &orderLog, const HttpRequest &request,
                        const NotifyFacts &facts, const Result<Order> &stored) const;
    static NotifyVerdict verdictFor(const Result<ConfirmOutcome> &outcome, const QString &mchOrderNo);

    const GatewayRegistry &m_gateways;
    const Clock &m_clock;
};

} // namespace paydesk

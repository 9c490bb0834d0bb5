#pragma once

#include "common/Error.h"
#include "gateway/GatewayTypes.h"
#include "money/Channel.h"
#include "money/Money.h"

#include <QObject>

namespace paydesk {

// One call in flight. Emits finished() exactly once (never synchronously from the call that
// created it); result() is valid afterwards. The caller owns it (deleteLater after finished).
class GatewayCall : public QObject
{
    Q_OBJECT

public:
    enum class Kind {
        Invalid = 0,
        CreateOrder,
        QueryOrder,
        RefundOrder
    };

    explicit GatewayCall(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    bool isFinished() const { return m_finished; }
    const Result<GatewayResponse> &result() const { return m_result; }

    // The request as sent (JSON, includes `sign`, never the key) — for the order log.
    QByteArray requestJson() const { return m_requestJson; }
    void setRequestJson(QByteArray json) { m_requestJson = std::move(json); }

    void finish(Result<GatewayResponse> result); // used by implementations

Q_SIGNALS:
    void finished();

private:
    Kind m_kind;
    bool m_finished = false;
    Result<GatewayResponse> m_result = fail(ErrorCode::Invalid, QStringLiteral("not finished"));
    QByteArray m_requestJson;
};

// A payment gateway behind one interface; each lives in its own folder (gateway/<name>/).
class PaymentGateway : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~PaymentGateway() override;

    // Never resent automatically: an ambiguous failure must be resolved with queryOrder.
    virtual GatewayCall *createOrder(const OrderRequest &request) = 0;
    virtual GatewayCall *queryOrder(const OrderLookup &lookup) = 0;
    virtual GatewayCall *refundOrder(const RefundRequest &request) = 0;

    // The name orders of this gateway carry in the order log (Order::gateway), its registry name.
    virtual QString name() const = 0;

    // Whether this gateway takes `currency` on `channel` for this account (each gateway's own
    // channel/currency matrix), so that a sale it cannot take is refused before anything is sent.
    virtual bool accepts(Channel channel, Currency currency) const = 0;

    // Scan to pay: the channel a customer's payment code is paid on with this gateway (which
    // wallet it belongs to), or an error when the code fits none (PaymentCodeUnrecognised) or
    // the gateway takes no payment codes (InvalidArgument, the default).
    virtual Result<Channel> micropayChannelFor(const PaymentCode &code) const;

    // True when a failed query says the gateway has never had the order (ErrorCode::NoSuchOrder,
    // which each gateway's classifier derives from its own codes): the create never reached it,
    // so the order can be FAILED. Anything else leaves the question open.
    virtual bool isNoSuchOrder(const Error &queryError) const;
};

} // namespace paydesk

#pragma once

#include "gateway/GatewayTransport.h"
#include "gateway/PaymentGateway.h"
#include "gateway/Signer.h"

#include <QLoggingCategory>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace paydesk {

// The reply must be about what was asked: ResponseMismatch when it names another merchant order
// number (`orderField` is the gateway's name for it, for the detail), amount or gateway order id.
// An empty expectation, or a reply silent about a field, is not checked.
Result<void> checkReplyMatches(const GatewayResponse &response, const QString &orderField, const QString &mchOrderNo,
                               const QString &amountField, std::optional<qint64> amountMinor,
                               const QString &payOrderId = {});

// What every gateway client shares (IOTPay, iOnline Pay): one signed form POST per call through
// GatewayTransport (total deadline, no redirects, TLS errors fatal, create and refund sent at
// most once), the reply decoded by the gateway's codec, checked against what was asked (another
// order, amount or gateway order id is ResponseMismatch), one log line per outcome, and
// GatewayCall::finished never emitted synchronously. Nothing here retries: an ambiguous outcome
// is for the caller to resolve with queryOrder.
class GatewayClientBase : public PaymentGateway
{
    Q_OBJECT

public:
    ~GatewayClientBase() override;

protected:
    // One request, fully described; the functions are copies (they may run after the client is
    // gone, when the reply of a call outlives it) and never hold the key outside the codec.
    struct Request
    {
        GatewayCall::Kind kind = GatewayCall::Kind::Invalid;
        QString operation; // endpoint or service, for log lines
        QString label; // order or refund number, for log lines
        QUrl url;
        ParamList params; // unsigned
        QString orderField; // how the gateway calls the merchant order number, for details
        QString expectMchOrderNo; // empty: not checked
        QString amountField;
        std::optional<qint64> expectAmountMinor;
        QString expectPayOrderId; // empty: not checked
        int deadlineMs = 15'000;
        qint64 maxReplyBytes = 1 << 20;
        std::function<QByteArray(const ParamList &)> signedForm;
        std::function<QByteArray(const ParamList &)> signedJson;
        std::function<Result<GatewayResponse>(const QByteArray &body)> decode;
        // Gateway-specific checks of a decoded reply (e.g. IOTPay's payParams); may be empty.
        std::function<Result<void>(GatewayResponse &response)> check;
        // Extra log lines on a failure (redacted canonical strings); may be empty.
        std::function<void(const Error &error, const QByteArray &body)> explainFailure;
    };

    GatewayClientBase(QNetworkAccessManager *network, const QLoggingCategory &category, QObject *parent);

    // Sends `request`; ConfigMissing (reported later, like every outcome) without a key or network.
    GatewayCall *send(Request request, bool haveKey);
    // A call that finishes with `error` from the event loop (refused before sending).
    GatewayCall *failLater(GatewayCall::Kind kind, const QString &operation, const QString &label, Error error);

private:
    QNetworkAccessManager *m_network;
    const QLoggingCategory &m_category;
};

} // namespace paydesk

#include "ScanSale.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcScanSale, "paydesk.scansale")

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

const QString Actor = u"scan-sale"_s;

} // namespace

QString ScanSale::paymentCodeEventKind()
{
    return u"payment-code"_s;
}

ScanSale::ScanSale(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_lifecycle(orderLog, clock),
      m_config(std::move(config))
{
    m_queryTimer.setSingleShot(true);
    connect(&m_queryTimer, &QTimer::timeout, this, &ScanSale::sendQuery);
}

ScanSale::~ScanSale() = default;

Result<void> ScanSale::start(const Money &amount, const PaymentCode &code)
{
    if (m_started)
        return fail(ErrorCode::Duplicate, u"this sale has already started"_s);
    if (amount.minor <= 0)
        return fail(ErrorCode::AmountZero, u"the amount must be more than zero"_s);
    if (code.isEmpty())
        return fail(ErrorCode::PaymentCodeUnrecognised, u"no payment code"_s);
    const Result<Channel> channel = m_gateway.micropayChannelFor(code);
    if (!channel)
        return fail(channel.error());
    if (!m_gateway.accepts(*channel, amount.currency))
        return fail(ErrorCode::CurrencyUnsupported,
                    currencyCode(amount.currency) + u" is not accepted on " + channelId(*channel));
    m_maskedCode = code.masked();
    if (auto opened = openOrder(amount, *channel); !opened)
        return opened;
    sendCreate(code);
    return {};
}

// The row first (NEW, with the code's last four digits), CREATING before the request leaves.
Result<void> ScanSale::openOrder(const Money &amount, Channel channel)
{
    NewOrder newOrder;
    newOrder.terminalId = m_config.terminalId;
    newOrder.cashier = m_config.cashier;
    newOrder.channel = channel;
    newOrder.amount = amount;
    newOrder.gateway = m_gateway.name();
    newOrder.subject = m_config.subject;
    newOrder.expiresAtMs = m_clock.nowUtcMs() + m_config.scanPendingLimitMs;
    auto created = m_lifecycle.open(newOrder);
    if (!created)
        return fail(created.error());
    m_order = *created;
    m_started = true;
    m_deadlineMonotonicMs = m_clock.monotonicMs() + m_config.scanPendingLimitMs;
    if (auto recorded = m_orderLog.recordEvent(m_order.id, paymentCodeEventKind(), Actor,
                                               channelId(channel) + u" code "_s + m_maskedCode);
        !recorded) {
        reportError(recorded.error());
    }
    auto creating = m_lifecycle.beginCreate(m_order, Actor);
    if (!creating) {
        m_lastError = creating.error();
        reload();
        return fail(creating.error());
    }
    m_order = *creating;
    return {};
}

void ScanSale::sendCreate(const PaymentCode &code)
{
    OrderRequest request;
    request.mchOrderNo = m_order.mchOrderNo;
    request.channel = m_order.channel;
    request.amount = m_order.amount;
    request.subject = m_config.subject;
    request.body = m_config.subject;
    request.notifyUrl = m_config.notifyUrl;
    request.clientIp = m_config.clientIp;
    request.device = m_config.terminalId;
    request.deviceId = m_config.terminalId;
    request.paymentCode = code;
    GatewayCall *call = m_gateway.createOrder(request);
    call->setParent(this);
    connect(call, &GatewayCall::finished, this, [this, call] { onCreateFinished(call); });
    qCInfo(lcScanSale).noquote() << "scan sale" << m_order.mchOrderNo << channelId(m_order.channel)
                                 << m_order.amount.minor << currencyCode(m_order.amount.currency) << "code"
                                 << m_maskedCode << "creating";
    Q_EMIT stateChanged(m_order.state);
}

void ScanSale::requestCancel()
{
    if (!m_started || isClosed() || m_closing)
        return;
    beginClose(CloseReason::Cancelled);
}

void ScanSale::onCreateFinished(GatewayCall *call)
{
    call->deleteLater();
    m_lifecycle.recordExchange(m_order.id, u"create_order"_s, call->requestJson(), call->result());
    if (isClosed())
        return;
    const Result<GatewayResponse> &result = call->result();
    // A scan-to-pay create shows nothing: a success is the order the customer pays (or paid).
    const LifecycleStep step = m_lifecycle.createAnswered(m_order, CreateReply{result, {}, {}}, Actor);
    applyStep(step);
    if (isClosed())
        return;
    if (result && m_order.state == OrderState::Awaiting) {
        onCreatePaidOrPending(*result);
    } else if (m_order.state == OrderState::Unknown) {
        sendQuery(); // resolve the unclear outcome before anything else
    }
}

void ScanSale::onCreatePaidOrPending(const GatewayResponse &response)
{
    if (isPaid(response.status)) {
        if (response.amount && !response.currencyCode.isEmpty()) {
            // The create's own answer is the payment: the lifecycle confirms it like a paid query.
            applyStep(m_lifecycle.queryAnswered(m_order, response, m_gateway, Actor));
            if (isClosed())
                return;
        }
        sendQuery(); // paid without the amount, or refused as a payment: ask the gateway
        return;
    }
    Q_EMIT customerConfirming();
    if (m_closing)
        sendQuery();
    else
        scheduleNextQuery();
}

void ScanSale::sendQuery()
{
    if (isClosed() || m_pendingQuery || m_order.state == OrderState::Creating)
        return;
    GatewayCall *call = m_gateway.queryOrder({m_order.mchOrderNo, {}});
    call->setParent(this);
    m_pendingQuery = call;
    connect(call, &GatewayCall::finished, this, [this, call] { onQueryFinished(call); });
}

void ScanSale::scheduleNextQuery()
{
    if (isClosed())
        return;
    if (m_order.state == OrderState::Unknown) {
        m_queryTimer.start(std::max(0, m_config.unknownRetryMs));
        return;
    }
    const int interval = m_config.scanQueryIntervalMs;
    const int jitter = std::max(1, interval / 5);
    m_queryTimer.start(std::max(0, interval - jitter + int(QRandomGenerator::global()->bounded(2 * jitter))));
}

void ScanSale::onQueryFinished(GatewayCall *call)
{
    call->deleteLater();
    m_pendingQuery.clear();
    m_lifecycle.recordExchange(m_order.id, u"query_order"_s, call->requestJson(), call->result());
    if (isClosed())
        return;
    const OrderState before = m_order.state;
    LifecycleStep step = m_lifecycle.queryAnswered(m_order, call->result(), m_gateway,
                                                   m_closing ? u"query-before-close"_s : u"query"_s);
    if (step.error && before == OrderState::Awaiting
        && (step.kind == LifecycleStep::Kind::QueryFailed || step.kind == LifecycleStep::Kind::StillOpen)) {
        // The customer is still confirming; one failed poll is not the cashier's business.
        qCInfo(lcScanSale).noquote() << "query failed for" << m_order.mchOrderNo << describe(*step.error);
        step.error.reset();
    }
    applyStep(step);
    if (isClosed())
        return;
    if (m_closing) {
        finishClose();
    } else if (m_clock.monotonicMs() >= m_deadlineMonotonicMs) {
        // The last answer was just had: give up without another round trip.
        m_closing = true;
        m_closeReason = CloseReason::GaveUp;
        finishClose();
    } else {
        scheduleNextQuery();
    }
}

void ScanSale::beginClose(CloseReason reason)
{
    m_closing = true;
    m_closeReason = reason;
    m_queryTimer.stop();
    if (m_order.state == OrderState::Creating)
        return; // onCreateFinished continues the close once the create outcome is known
    if (!m_pendingQuery)
        sendQuery(); // the customer may have just confirmed: ask once more
}

void ScanSale::finishClose()
{
    if (isClosed())
        return;
    const bool gaveUp = m_closeReason == CloseReason::GaveUp;
    auto closed
        = m_lifecycle.close(m_order, gaveUp ? OrderState::Expired : OrderState::Cancelled,
                            gaveUp ? u"the customer did not confirm in time"_s : u"cancelled by the cashier"_s, Actor);
    if (!closed && closed.error().code != ErrorCode::TransitionRejected)
        reportError(closed.error());
    reload(); // a rejected move means another writer (the relay) got there first
}

void ScanSale::applyStep(const LifecycleStep &step)
{
    if (step.error)
        reportError(*step.error);
    if (step.storeError)
        reportError(*step.storeError);
    reload();
}

void ScanSale::reload()
{
    auto fresh = m_orderLog.orderById(m_order.id);
    if (!fresh) {
        reportError(fresh.error());
        return;
    }
    const OrderState before = m_order.state;
    m_order = *fresh;
    if (m_order.state == before)
        return;
    qCInfo(lcScanSale).noquote() << "scan sale" << m_order.mchOrderNo << orderStateName(before) << "->"
                                 << orderStateName(m_order.state) << (m_order.late ? "(late)" : "");
    Q_EMIT stateChanged(m_order.state);
    if (isClosed()) {
        m_queryTimer.stop();
        Q_EMIT finished(m_order.state);
    }
}

void ScanSale::reportError(const Error &error)
{
    m_lastError = error;
    qCWarning(lcScanSale).noquote() << "scan sale" << m_order.mchOrderNo << describe(error);
    Q_EMIT errorOccurred(error);
}

} // namespace paydesk

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
    : SaleBase(orderLog, gateway, clock, std::move(config),
               {Actor, "scan sale", &lcScanSale, u"the customer did not confirm in time"_s}, parent)
{}

ScanSale::~ScanSale() = default;

Result<void> ScanSale::start(const Money &amount, const PaymentCode &code)
{
    if (auto startable = checkStart(amount); !startable)
        return startable;
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
    auto created = m_lifecycle.open(newOrder(channel, amount, m_config.scanPendingLimitMs));
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
    OrderRequest request = orderRequest();
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

void ScanSale::onCreateFinished(GatewayCall *call)
{
    call->deleteLater();
    m_lifecycle.recordExchange(m_order.id, u"create_order"_s, call->requestJson(), call->result());
    if (isClosed())
        return;
    const Result<GatewayResponse> &result = call->result();
    // Paid at once (most scans): the create's own answer is the payment, confirmed straight from
    // CREATING like a paid query — one commit before Paid shows, not AWAITING and then PAID.
    const bool paidAtOnce = result && isPaid(result->status) && result->amount && !result->currencyCode.isEmpty();
    if (paidAtOnce) {
        applyStep(m_lifecycle.queryAnswered(m_order, *result, m_gateway, Actor));
        if (isClosed())
            return;
    }
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
        // Paid without the amount, or a payment the order log refused (onCreateFinished tried
        // it): ask the gateway.
        sendQuery();
        return;
    }
    Q_EMIT customerConfirming();
    if (m_closing)
        sendQuery();
    else
        scheduleNextQuery();
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
    // The customer is still confirming; one failed poll is not the cashier's business.
    const auto step = answerQuery(call, m_order.state == OrderState::Awaiting);
    if (!step)
        return;
    applyStep(*step);
    if (isClosed())
        return;
    if (m_closing) {
        finishClose();
    } else if (m_clock.monotonicMs() >= m_deadlineMonotonicMs) {
        // The last answer was just had: give up without another round trip.
        m_closing = true;
        m_closeReason = CloseReason::Expired;
        finishClose();
    } else {
        scheduleNextQuery();
    }
}

void ScanSale::applyStep(const LifecycleStep &step)
{
    reportStepErrors(step);
    reload();
}

} // namespace paydesk

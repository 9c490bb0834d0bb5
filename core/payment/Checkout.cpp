#include "Checkout.h"

#include <QCryptographicHash>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxSentCodes = 64;

QByteArray codeHash(const PaymentCode &code)
{
    return QCryptographicHash::hash(code.digitsForGateway().toLatin1(), QCryptographicHash::Sha256);
}

} // namespace

Checkout::Checkout(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_config(std::move(config))
{}

bool Checkout::hasOpenSale() const
{
    // One read of each guarded pointer: GCC's -Wnull-dereference (at -O2) cannot see that two
    // reads of a QPointer agree.
    const Sale *sale = m_current.data();
    const ScanSale *scanSale = m_currentScan.data();
    return (sale && !sale->isClosed()) || (scanSale && !scanSale->isClosed());
}

QString Checkout::openSaleNumber() const
{
    const Sale *sale = m_current.data();
    if (sale && !sale->isClosed())
        return sale->order().mchOrderNo;
    const ScanSale *scanSale = m_currentScan.data();
    return scanSale ? scanSale->order().mchOrderNo : QString();
}

Result<Sale *> Checkout::charge(const Money &amount, Channel channel)
{
    if (hasOpenSale())
        return fail(ErrorCode::Duplicate, u"sale " + openSaleNumber() + u" is still open");
    auto *sale = new Sale(m_orderLog, m_gateway, m_clock, saleConfig(), this);
    if (auto started = sale->start(amount, channel); !started) {
        delete sale;
        return fail(started.error());
    }
    replaceCurrent(sale);
    m_current = sale;
    Q_EMIT saleStarted(sale);
    return sale;
}

Result<ScanSale *> Checkout::scan(const Money &amount, const PaymentCode &code)
{
    const QByteArray hash = codeHash(code);
    if (auto repeated = repeatedCode(hash))
        return fail(*repeated);
    if (hasOpenSale())
        return fail(ErrorCode::Duplicate, u"sale " + openSaleNumber() + u" is still open");
    auto *sale = new ScanSale(m_orderLog, m_gateway, m_clock, saleConfig(), this);
    if (auto started = sale->start(amount, code); !started) {
        // Refused before sending, unless its row exists (then the code may have left: remember it).
        if (sale->order().id > 0)
            m_sentCodes.append({hash, sale->order().id, m_clock.monotonicMs()});
        delete sale;
        return fail(started.error());
    }
    m_sentCodes.append({hash, sale->order().id, m_clock.monotonicMs()});
    while (m_sentCodes.size() > MaxSentCodes)
        m_sentCodes.removeFirst();
    replaceCurrent(sale);
    m_currentScan = sale;
    Q_EMIT scanStarted(sale);
    return sale;
}

// The code's earlier order decides: open, PAID, or closed unresolved → not again; FAILED
// (refused, or never at the gateway) → a new order may try.
std::optional<Error> Checkout::repeatedCode(const QByteArray &hash)
{
    const qint64 now = m_clock.monotonicMs();
    m_sentCodes.removeIf([now](const SentCode &sent) { return now - sent.sentMonotonicMs > RepeatWindowMs; });
    for (const SentCode &sent : std::as_const(m_sentCodes)) {
        if (sent.hash != hash)
            continue;
        const auto order = m_orderLog.orderById(sent.orderId);
        if (order && order->state == OrderState::Failed)
            continue;
        const QString number = order ? order->mchOrderNo : QString::number(sent.orderId);
        const QString state = order ? orderStateName(order->state) : u"unreadable"_s;
        return Error{ErrorCode::PaymentCodeRepeated,
                     u"this payment code was sent under order "_s + number + u" (" + state + u")",
                     {},
                     0};
    }
    return std::nullopt;
}

void Checkout::replaceCurrent(QObject *sale)
{
    if (m_current && m_current != sale)
        m_current->deleteLater();
    if (m_currentScan && m_currentScan != sale)
        m_currentScan->deleteLater();
    m_current.clear();
    m_currentScan.clear();
}

SaleConfig Checkout::saleConfig() const
{
    SaleConfig config = m_config;
    config.cashier = cashier();
    return config;
}

} // namespace paydesk

#include "CustomerDisplay.h"

#include "ChannelStyle.h"
#include "QrWidget.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace paydesk {

CustomerDisplay::CustomerDisplay(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("customerDisplay"));
    // It faces the customer and has nothing to type into: it must never take the keyboard
    // away from the cashier's window when it opens or is clicked.
    setAttribute(Qt::WA_ShowWithoutActivating);
    setWindowFlag(Qt::WindowDoesNotAcceptFocus);
    auto *layout = new QVBoxLayout(this);
    m_amount = new QLabel(this);
    m_amount->setObjectName(QStringLiteral("customerAmount"));
    m_amount->setAlignment(Qt::AlignCenter);
    QFont big = m_amount->font();
    big.setPointSizeF(big.pointSizeF() * 3.5);
    big.setBold(true);
    m_amount->setFont(big);
    m_qr = new QrWidget(this);
    m_qr->setObjectName(QStringLiteral("customerQr"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("customerMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    QFont medium = m_message->font();
    medium.setPointSizeF(medium.pointSizeF() * 2.2);
    m_message->setFont(medium);
    layout->addWidget(m_amount);
    layout->addWidget(m_qr, 1);
    layout->addWidget(m_message);
    resize(MinimumWidth, 600); // placed by the counter window before it is shown
    showWelcome();
}

QRect CustomerDisplay::besideCounter(const QRect &available, int counterMinimumWidth)
{
    const int room = available.width() - counterMinimumWidth;
    const int width = std::min({available.width() / 3, 640, room});
    const int chosen = std::max(width, std::min(room, MinimumWidth));
    if (chosen < MinimumWidth)
        return {};
    return {available.right() + 1 - chosen, available.top(), chosen, available.height()};
}

void CustomerDisplay::showWelcome()
{
    m_mode = Mode::Welcome;
    setWindowTitle(tr("PayDesk — customer display"));
    m_amount->clear();
    m_qr->setPayload({});
    m_qr->hide();
    m_message->setText(tr("Welcome"));
    m_message->setStyleSheet(QString());
}

void CustomerDisplay::showPayment(const Money &amount, const QString &qrPayload, Channel channel)
{
    m_mode = Mode::Payment;
    m_channel = channel;
    m_amountValue = amount;
    m_amount->setText(formatMoney(amount, QLocale()));
    m_qr->setPayload(qrPayload);
    m_qr->setVisible(!qrPayload.isEmpty());
    m_message->setText(tr("Scan with %1 to pay").arg(channelDisplayName(channel)));
    m_message->setStyleSheet(QString());
}

void CustomerDisplay::showOutcome(const Order &order)
{
    m_mode = Mode::Outcome;
    m_order = order;
    m_qr->hide();
    m_amount->setText(formatMoney(order.amount, QLocale()));
    if (order.state == OrderState::Paid) {
        m_message->setText(tr("Paid — thank you!"));
        m_message->setStyleSheet(QStringLiteral("color: white; background: #1B5E20; padding: 24px;"));
    } else {
        m_message->setText(tr("Payment not completed"));
        m_message->setStyleSheet(QStringLiteral("color: white; background: #455A64; padding: 24px;"));
    }
}

void CustomerDisplay::showScanPrompt(const Money &amount)
{
    showScanStep(Mode::ScanPrompt, amount, Channel::Invalid);
}

void CustomerDisplay::showScanProcessing(const Money &amount)
{
    showScanStep(Mode::ScanProcessing, amount, Channel::Invalid);
}

void CustomerDisplay::showScanConfirming(const Money &amount, Channel channel)
{
    showScanStep(Mode::ScanConfirming, amount, channel);
}

void CustomerDisplay::showScanStep(Mode mode, const Money &amount, Channel channel)
{
    m_mode = mode;
    m_amountValue = amount;
    m_channel = channel;
    m_qr->setPayload({});
    m_qr->hide();
    m_amount->setText(formatMoney(amount, QLocale()));
    if (mode == Mode::ScanPrompt)
        m_message->setText(tr("Show your payment code to the cashier"));
    else if (mode == Mode::ScanProcessing)
        m_message->setText(tr("Processing…"));
    else
        m_message->setText(tr("Confirm the payment on your phone (%1)").arg(channelDisplayName(channel)));
    m_message->setStyleSheet(
        mode == Mode::ScanConfirming ? QStringLiteral("color: white; background: #0D47A1; padding: 24px;") : QString());
}

QString CustomerDisplay::message() const
{
    return m_message->text();
}

void CustomerDisplay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (m_mode == Mode::Welcome)
            showWelcome();
        else if (m_mode == Mode::Payment)
            showPayment(m_amountValue, m_qr->payload(), m_channel);
        else if (m_mode == Mode::Outcome)
            showOutcome(m_order);
        else
            showScanStep(m_mode, m_amountValue, m_channel);
    }
    QWidget::changeEvent(event);
}

} // namespace paydesk

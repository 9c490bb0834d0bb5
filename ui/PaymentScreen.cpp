#include "PaymentScreen.h"

#include "ChannelStyle.h"
#include "ErrorText.h"
#include "QrWidget.h"

#include "payment/Sale.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace paydesk {

PaymentScreen::PaymentScreen(bool demo, QWidget *parent) : QWidget(parent), m_demo(demo)
{
    setObjectName(QStringLiteral("paymentScreen"));
    auto *layout = new QHBoxLayout(this);
    m_qr = new QrWidget(this);
    m_qr->setObjectName(QStringLiteral("qrWidget"));
    layout->addWidget(m_qr, 3);

    auto *side = new QVBoxLayout;
    m_amount = new QLabel(this);
    m_amount->setObjectName(QStringLiteral("paymentAmount"));
    QFont big = m_amount->font();
    big.setPointSizeF(big.pointSizeF() * 3.2);
    big.setBold(true);
    m_amount->setFont(big);
    m_channel = new QLabel(this);
    m_channel->setObjectName(QStringLiteral("paymentChannel"));
    QFont medium = m_channel->font();
    medium.setPointSizeF(medium.pointSizeF() * 1.6);
    m_channel->setFont(medium);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("paymentState"));
    m_state->setWordWrap(true);
    QFont stateFont = medium;
    stateFont.setBold(true);
    m_state->setFont(stateFont);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("paymentCountdown"));
    m_countdown->setFont(medium);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setMinimumHeight(64);
    m_cancel->setFont(medium);
    connect(m_cancel, &QPushButton::clicked, this, &PaymentScreen::cancelRequested);
    m_simulate = new QPushButton(this);
    m_simulate->setObjectName(QStringLiteral("simulatePaymentButton"));
    m_simulate->setMinimumHeight(64);
    m_simulate->setFont(medium);
    m_simulate->setStyleSheet(
        QStringLiteral("QPushButton { background: #FFF3CD; border: 2px dashed #B8860B; border-radius: 8px; }"));
    m_simulate->setVisible(demo);
    connect(m_simulate, &QPushButton::clicked, this, [this] {
        if (m_sale)
            Q_EMIT simulatePaymentRequested(m_sale->order().mchOrderNo);
    });

    side->addWidget(m_amount);
    side->addWidget(m_channel);
    side->addSpacing(12);
    side->addWidget(m_state);
    side->addWidget(m_countdown);
    side->addStretch(1);
    side->addWidget(m_simulate);
    side->addWidget(m_cancel);
    layout->addLayout(side, 2);

    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &PaymentScreen::refresh);
    retranslate();
}

void PaymentScreen::showSale(Sale *sale)
{
    if (m_sale)
        m_sale->disconnect(this);
    m_sale = sale;
    m_errorText.clear();
    m_qr->setPayload(sale->qrPayload());
    connect(sale, &Sale::qrReady, this, [this](const QString &payload) {
        m_qr->setPayload(payload);
        refresh();
    });
    connect(sale, &Sale::stateChanged, this, &PaymentScreen::refresh);
    connect(sale, &Sale::errorOccurred, this, &PaymentScreen::onError);
    m_tick.start();
    refresh();
}

void PaymentScreen::onError(const Error &error)
{
    m_errorText = errorMessage(error);
    refresh();
}

void PaymentScreen::refresh()
{
    if (!m_sale) {
        m_tick.stop();
        return;
    }
    const Order &order = m_sale->order();
    m_amount->setText(formatMoney(order.amount, QLocale()));
    m_channel->setText(channelDisplayName(order.channel));
    const qint64 seconds = (m_sale->remainingMs() + 999) / 1000;
    m_countdown->setText(tr("%1:%2 left").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
    QString state;
    QString color = QStringLiteral("#333333");
    switch (order.state) {
    case OrderState::New:
    case OrderState::Creating:
        state = tr("Creating the order…");
        break;
    case OrderState::Unknown:
        state = m_errorText.isEmpty() ? tr("Outcome unknown — checking with the gateway…") : m_errorText;
        color = QStringLiteral("#B26A00");
        break;
    case OrderState::Awaiting:
        state = m_sale->isClosing() ? tr("Checking with the gateway…")
                                    : tr("Scan with %1 to pay").arg(channelDisplayName(order.channel));
        color = QStringLiteral("#0D47A1");
        break;
    default:
        state = tr("Finishing…");
        break;
    }
    m_state->setText(state);
    m_state->setStyleSheet(u"color: " + color + u';');
    m_qr->setVisible(order.state == OrderState::Awaiting && !order.qrPayload.isEmpty());
    m_countdown->setVisible(order.state == OrderState::Awaiting || order.state == OrderState::Unknown);
    m_simulate->setEnabled(order.state == OrderState::Awaiting);
    m_cancel->setEnabled(!m_sale->isClosing() && !m_sale->isClosed());
}

void PaymentScreen::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT cancelRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void PaymentScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PaymentScreen::retranslate()
{
    m_cancel->setText(tr("Cancel sale  (Esc)"));
    m_simulate->setText(tr("Simulate customer payment (demo)"));
    refresh();
}

} // namespace paydesk

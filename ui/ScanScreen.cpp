#include "ScanScreen.h"

#include "ChannelStyle.h"
#include "ErrorText.h"
#include "NamedWidget.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace paydesk {

namespace {

QLabel *centredLabel(const QString &objectName, qreal scale, bool bold, QWidget *parent)
{
    auto *label = namedWidget<QLabel>(objectName, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

QPushButton *bigButton(const QString &objectName, QWidget *parent)
{
    auto *button = namedWidget<QPushButton>(objectName, parent);
    button->setMinimumHeight(72);
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.8);
    button->setFont(font);
    return button;
}

} // namespace

ScanScreen::ScanScreen(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scanScreen"));
    setAttribute(Qt::WA_StyledBackground, true); // the state's colour fills the screen
    setFocusPolicy(Qt::StrongFocus); // Enter and Esc reach it
    auto *layout = new QVBoxLayout(this);
    m_headline = centredLabel(QStringLiteral("scanHeadline"), 3.0, true, this);
    m_amount = centredLabel(QStringLiteral("scanAmount"), 2.4, false, this);
    m_wallet = centredLabel(QStringLiteral("scanWallet"), 1.6, false, this);
    m_detail = centredLabel(QStringLiteral("scanDetail"), 1.4, false, this);
    m_cancel = bigButton(QStringLiteral("scanCancelButton"), this);
    m_scanAgain = bigButton(QStringLiteral("scanAgainButton"), this);
    connect(m_cancel, &QPushButton::clicked, this, &ScanScreen::cancelRequested);
    connect(m_scanAgain, &QPushButton::clicked, this, &ScanScreen::scanAgainRequested);
    layout->addStretch(1);
    layout->addWidget(m_headline);
    layout->addWidget(m_amount);
    layout->addWidget(m_wallet);
    layout->addSpacing(12);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    layout->addWidget(m_cancel);
    layout->addWidget(m_scanAgain);
}

void ScanScreen::showSale(ScanSale *sale)
{
    if (m_sale)
        m_sale->disconnect(this);
    m_sale = sale;
    m_error = sale->lastError();
    connect(sale, &ScanSale::stateChanged, this, &ScanScreen::refresh);
    connect(sale, &ScanSale::customerConfirming, this, &ScanScreen::refresh);
    connect(sale, &ScanSale::errorOccurred, this, [this](const Error &error) {
        m_error = error;
        refresh();
    });
    refresh();
}

void ScanScreen::refresh()
{
    if (!m_sale)
        return;
    const Order &order = m_sale->order();
    if (order.state == OrderState::Failed)
        m_step = Step::Refused;
    else if (m_sale->isCustomerConfirming())
        m_step = Step::Confirming;
    else
        m_step = Step::Processing;
    const char *background = m_step == Step::Refused ? "#B71C1C" : m_step == Step::Confirming ? "#0D47A1" : "#455A64";
    setStyleSheet(
        QStringLiteral("#scanScreen { background: %1; } QLabel { color: white; }").arg(QLatin1String(background)));
    m_headline->setText(headline());
    m_amount->setText(formatMoney(order.amount, QLocale()));
    //: The wallet and the payment code's last four digits, e.g. "WeChat Pay · code ****0001".
    m_wallet->setText(tr("%1 · code %2").arg(channelDisplayName(order.channel), m_sale->maskedCode()));
    m_detail->setText(detail());
    m_cancel->setText(tr("Cancel  (Esc)"));
    m_cancel->setVisible(m_step == Step::Confirming);
    m_cancel->setEnabled(!m_sale->isClosing());
    m_scanAgain->setText(tr("Scan again  (Enter)"));
    m_scanAgain->setVisible(m_step == Step::Refused);
    setAccessibleName(m_headline->text());
}

QString ScanScreen::headline() const
{
    switch (m_step) {
    case Step::Refused:
        return tr("Not charged");
    case Step::Confirming:
        return m_sale->isClosing() ? tr("Checking with the gateway…") : tr("Customer confirming…");
    default:
        return tr("Processing…");
    }
}

QString ScanScreen::detail() const
{
    switch (m_step) {
    case Step::Refused:
        return m_error.code == ErrorCode::Invalid ? tr("The wallet refused the payment.") : errorMessage(m_error);
    case Step::Confirming:
        return tr("The customer is confirming the payment on their phone (password). Wait, or cancel if they "
                  "cannot pay.");
    default:
        return m_sale->state() == OrderState::Unknown ? tr("Outcome unknown — checking with the gateway…")
                                                      : tr("Sending the payment code to the gateway…");
    }
}

void ScanScreen::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_step == Step::Confirming) {
        Q_EMIT cancelRequested();
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if ((enter || event->key() == Qt::Key_Escape) && m_step == Step::Refused) {
        Q_EMIT scanAgainRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ScanScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace paydesk

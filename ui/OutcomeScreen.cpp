#include "OutcomeScreen.h"

#include "ChannelStyle.h"
#include "ErrorText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace paydesk {

namespace {

// A centred label, its font `scale` times the default.
QLabel *centredLabel(const QString &objectName, qreal scale, bool bold, QWidget *parent)
{
    auto *label = new QLabel(parent);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    if (scale != 1.0) {
        QFont font = label->font();
        font.setPointSizeF(font.pointSizeF() * scale);
        font.setBold(bold || font.bold());
        label->setFont(font);
    }
    return label;
}

} // namespace

OutcomeScreen::OutcomeScreen(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("outcomeScreen"));
    // A plain QWidget subclass ignores a style sheet background unless asked: without this the
    // white text sat on the light default background and the outcome could not be read.
    setAttribute(Qt::WA_StyledBackground, true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_headline = centredLabel(QStringLiteral("outcomeHeadline"), 4.5, true, this);
    m_amount = centredLabel(QStringLiteral("outcomeAmount"), 2.4, false, this);
    const QFont big = m_amount->font();
    m_detail = centredLabel(QStringLiteral("outcomeDetail"), 1.4, false, this);
    m_detail->setWordWrap(true);
    const QFont medium = m_detail->font();
    m_countdown = centredLabel({}, 1.0, false, this);
    m_countdown->setFont(medium); // read from across the counter
    m_newSale = new QPushButton(this);
    m_newSale->setObjectName(QStringLiteral("newSaleButton"));
    m_newSale->setMinimumHeight(72);
    m_newSale->setFont(big);
    connect(m_newSale, &QPushButton::clicked, this, &OutcomeScreen::newSaleRequested);
    m_printReceipt = new QPushButton(this);
    m_printReceipt->setObjectName(QStringLiteral("printReceiptButton"));
    m_printReceipt->setMinimumSize(320, 56);
    m_printReceipt->setFont(medium);
    m_printReceipt->setFocusPolicy(Qt::TabFocus);
    // The customer is waiting for the receipt: the countdown to a new sale stops.
    connect(m_printReceipt, &QPushButton::clicked, this, [this] {
        m_autoReturn.stop();
        m_countdown->clear();
        Q_EMIT receiptRequested(m_order);
    });
    m_receiptStatus = centredLabel(QStringLiteral("receiptStatus"), 1.0, false, this);
    m_receiptStatus->setWordWrap(true);
    layout->addWidget(m_headline);
    layout->addWidget(m_amount);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    layout->addWidget(m_receiptStatus);
    // Second to "New sale": centred and narrower, so the next customer's button stays the big one.
    auto *printRow = new QHBoxLayout;
    printRow->addStretch(1);
    printRow->addWidget(m_printReceipt);
    printRow->addStretch(1);
    layout->addLayout(printRow);
    layout->addWidget(m_countdown);
    layout->addWidget(m_newSale);

    m_autoReturn.setInterval(1000);
    connect(&m_autoReturn, &QTimer::timeout, this, [this] {
        if (--m_secondsLeft <= 0) {
            m_autoReturn.stop();
            Q_EMIT newSaleRequested();
            return;
        }
        refresh();
    });
}

void OutcomeScreen::showOutcome(const Order &order, const Error &lastError)
{
    const bool becamePaid
        = order.state == OrderState::Paid && m_order.id == order.id && m_order.state != OrderState::Paid;
    if (order.id != m_order.id)
        m_receiptStatus->clear();
    m_order = order;
    m_error = lastError;
    m_autoReturn.stop();
    // A normal payment goes back to a new sale by itself; a late one waits for the cashier.
    if (order.state == OrderState::Paid && !order.late && !becamePaid) {
        m_secondsLeft = AutoReturnSeconds;
        m_autoReturn.start();
    }
    refresh();
    m_newSale->setFocus();
}

void OutcomeScreen::refresh()
{
    QString headline;
    QString detail;
    QString background;
    switch (m_order.state) {
    case OrderState::Paid:
        if (m_order.late) {
            headline = tr("Paid after closing");
            detail = tr("The customer paid after the sale was closed. The payment is recorded; a manager can refund or "
                        "keep it.");
            background = QStringLiteral("#E65100");
        } else {
            headline = tr("✔ Paid");
            detail = tr("%1 — order %2").arg(channelDisplayName(m_order.channel), m_order.mchOrderNo);
            background = QStringLiteral("#1B5E20");
        }
        break;
    case OrderState::Expired:
        headline = tr("Expired");
        detail = tr("The customer did not pay in time. Nothing was charged.");
        background = QStringLiteral("#455A64");
        break;
    case OrderState::Cancelled:
        headline = tr("Cancelled");
        detail = tr("The sale was cancelled. Nothing was charged.");
        background = QStringLiteral("#455A64");
        break;
    case OrderState::Failed:
        headline = tr("Not charged");
        detail = m_error.code == ErrorCode::Invalid ? tr("The payment could not be started.") : errorMessage(m_error);
        background = QStringLiteral("#B71C1C");
        break;
    default:
        headline = tr("Checking…");
        background = QStringLiteral("#455A64");
        break;
    }
    setStyleSheet(u"#outcomeScreen { background: " + background + u"; } QLabel { color: white; }");
    m_headline->setText(headline);
    m_amount->setText(formatMoney(m_order.amount, QLocale()));
    m_detail->setText(detail);
    m_countdown->setText(m_autoReturn.isActive() ? tr("New sale in %1 s").arg(m_secondsLeft) : QString());
    m_newSale->setText(tr("New sale  (Enter)"));
    m_printReceipt->setText(tr("Print receipt"));
    m_printReceipt->setVisible(m_receiptsAvailable && m_order.state == OrderState::Paid);
    setAccessibleName(headline);
}

void OutcomeScreen::setReceiptsAvailable(bool available)
{
    m_receiptsAvailable = available;
    refresh();
}

void OutcomeScreen::setReceiptStatus(const QString &text)
{
    m_receiptStatus->setText(text);
}

void OutcomeScreen::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Escape) {
        m_autoReturn.stop();
        Q_EMIT newSaleRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void OutcomeScreen::hideEvent(QHideEvent *event)
{
    m_autoReturn.stop();
    QWidget::hideEvent(event);
}

void OutcomeScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace paydesk

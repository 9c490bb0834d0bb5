#include "ScanDemoPanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace paydesk {

namespace {

constexpr sim::MicropayScenario Scenarios[] = {
    sim::MicropayScenario::PaidAtOnce,   sim::MicropayScenario::Password,    sim::MicropayScenario::InsufficientFunds,
    sim::MicropayScenario::CodeRejected, sim::MicropayScenario::RiskControl, sim::MicropayScenario::NoReply,
};

const char *scenarioObjectName(sim::MicropayScenario scenario)
{
    switch (scenario) {
    case sim::MicropayScenario::PaidAtOnce:
        return "simulateScanPaid";
    case sim::MicropayScenario::Password:
        return "simulateScanPassword";
    case sim::MicropayScenario::InsufficientFunds:
        return "simulateScanInsufficientFunds";
    case sim::MicropayScenario::CodeRejected:
        return "simulateScanCodeRejected";
    case sim::MicropayScenario::RiskControl:
        return "simulateScanRiskControl";
    case sim::MicropayScenario::NoReply:
        return "simulateScanNoReply";
    case sim::MicropayScenario::Invalid:
        break;
    }
    return "";
}

// The wallet whose code the demo "scans": the one of the payment method the cashier selected.
QString micropayChannelIdFor(Channel qrChannel)
{
    switch (qrChannel) {
    case Channel::AlipayQr:
        return channelId(Channel::AlipayMicropay);
    case Channel::UpiQr:
        return channelId(Channel::UpiMicropay);
    default:
        return channelId(Channel::WxMicropay);
    }
}

} // namespace

ScanDemoPanel::ScanDemoPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scanDemoPanel"));
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(QStringLiteral("#scanDemoPanel { background: #FFF3CD; border: 2px dashed #B8860B; "
                                 "border-radius: 8px; }"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(6, 2, 6, 2);
    m_title = new QLabel(this);
    row->addWidget(m_title);
    for (sim::MicropayScenario scenario : Scenarios) {
        auto *button = new QPushButton(this);
        button->setObjectName(QString::fromLatin1(scenarioObjectName(scenario)));
        button->setFocusPolicy(Qt::NoFocus); // the focus stays where the cashier left it
        button->setMinimumHeight(36);
        connect(button, &QPushButton::clicked, this, [this, scenario] { Q_EMIT scanRequested(scenario); });
        row->addWidget(button);
        m_buttons.append(button);
    }
    retranslate();
}

QString ScanDemoPanel::nextCode(Channel selectedQrChannel, sim::MicropayScenario scenario)
{
    m_serial = (m_serial + 1) % 1000;
    return sim::micropayTestCode(micropayChannelIdFor(selectedQrChannel), scenario, m_serial);
}

void ScanDemoPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ScanDemoPanel::retranslate()
{
    m_title->setText(tr("Simulate a scan:"));
    const QString texts[]
        = {tr("Paid"), tr("Password"), tr("No funds"), tr("Expired code"), tr("Risk control"), tr("No reply")};
    for (qsizetype i = 0; i < m_buttons.size(); ++i)
        m_buttons[i]->setText(texts[i]);
    m_buttons[0]->setToolTip(tr("The customer's wallet pays at once"));
    m_buttons[1]->setToolTip(tr("The customer confirms with a password for a few seconds, then pays"));
    m_buttons[2]->setToolTip(tr("The wallet refuses: insufficient funds"));
    m_buttons[3]->setToolTip(tr("The wallet refuses: the code expired or was already used"));
    m_buttons[4]->setToolTip(tr("The wallet's risk control refuses the payment"));
    m_buttons[5]->setToolTip(tr("The gateway takes the order and never answers"));
}

} // namespace paydesk

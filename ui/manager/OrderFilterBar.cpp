#include "OrderFilterBar.h"

#include "ChannelStyle.h"
#include "ErrorText.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <array>
#include <limits>

namespace paydesk {

namespace {

// The state choices: one entry may stand for several states (every open one).
enum class StateChoice {
    All = 0,
    Paid,
    PaidLate,
    Open,
    Expired,
    Cancelled,
    Failed,
    Refunded
};

constexpr std::array StateChoices{StateChoice::All,    StateChoice::Paid,    StateChoice::PaidLate,
                                  StateChoice::Open,   StateChoice::Expired, StateChoice::Cancelled,
                                  StateChoice::Failed, StateChoice::Refunded};
constexpr std::array ChannelChoices{Channel::Invalid, Channel::WxNative, Channel::AlipayQr, Channel::UpiQr};

void applyState(StateChoice choice, OrderFilter &filter)
{
    switch (choice) {
    case StateChoice::All:
        break;
    case StateChoice::Paid:
        filter.states = {OrderState::Paid};
        break;
    case StateChoice::PaidLate:
        filter.states = {OrderState::Paid};
        filter.lateOnly = true;
        break;
    case StateChoice::Open:
        filter.states = {OrderState::New, OrderState::Creating, OrderState::Unknown, OrderState::Awaiting};
        break;
    case StateChoice::Expired:
        filter.states = {OrderState::Expired};
        break;
    case StateChoice::Cancelled:
        filter.states = {OrderState::Cancelled};
        break;
    case StateChoice::Failed:
        filter.states = {OrderState::Failed};
        break;
    case StateChoice::Refunded:
        filter.refundedOnly = true;
        break;
    }
}

} // namespace

OrderFilterBar::OrderFilterBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("orderFilterBar"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelFilter"));
    m_store = addEdit("storeFilter");
    m_terminal = addEdit("terminalFilter");
    m_cashier = addEdit("cashierFilter");
    m_minAmount = addEdit("minAmountFilter");
    m_maxAmount = addEdit("maxAmountFilter");
    m_orderNumber = addEdit("orderNumberFilter");
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));
    connect(m_clear, &QPushButton::clicked, this, &OrderFilterBar::clear);
    for (QComboBox *combo : {m_state, m_channel})
        connect(combo, &QComboBox::currentIndexChanged, this, &OrderFilterBar::filterChanged);

    const QList<QWidget *> fields{m_state,    m_channel, m_orderNumber, m_store,
                                  m_terminal, m_cashier, m_minAmount,   m_maxAmount};
    for (qsizetype i = 0; i < fields.size(); ++i) {
        auto *label = new QLabel(this);
        label->setBuddy(fields[i]);
        m_labels.append(label);
        // Two rows: what and where on top, who and how much below.
        const int row = i < 4 ? 0 : 1;
        const int column = int(i < 4 ? i : i - 4) * 2;
        grid->addWidget(label, row, column);
        grid->addWidget(fields[i], row, column + 1);
    }
    m_store->setMaxLength(8);
    m_terminal->setMaxLength(8);
    grid->addWidget(m_clear, 0, 8, 1, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("filterMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
    grid->addWidget(m_message, 2, 0, 1, 9);
    m_message->hide();
    for (int column : {1, 3, 5, 7})
        grid->setColumnStretch(column, 1);

    m_typing.setSingleShot(true);
    m_typing.setInterval(TypingDelayMs);
    connect(&m_typing, &QTimer::timeout, this, &OrderFilterBar::filterChanged);
    retranslate();
}

QLineEdit *OrderFilterBar::addEdit(const char *objectName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setClearButtonEnabled(true);
    connect(edit, &QLineEdit::textEdited, this, &OrderFilterBar::scheduleChange);
    connect(edit, &QLineEdit::returnPressed, this, [this] {
        m_typing.stop();
        Q_EMIT filterChanged();
    });
    return edit;
}

void OrderFilterBar::scheduleChange()
{
    m_typing.start();
}

void OrderFilterBar::clear()
{
    const QSignalBlocker stateBlock(m_state);
    const QSignalBlocker channelBlock(m_channel);
    m_state->setCurrentIndex(0);
    m_channel->setCurrentIndex(0);
    for (QLineEdit *edit : {m_store, m_terminal, m_cashier, m_minAmount, m_maxAmount, m_orderNumber})
        edit->clear();
    m_typing.stop();
    Q_EMIT filterChanged();
}

Result<OrderFilter> OrderFilterBar::filter(qint64 fromUtcMs, qint64 toUtcMs) const
{
    OrderFilter filter = OrderFilter::forRange(fromUtcMs, toUtcMs);
    applyState(StateChoices[std::size_t(std::max(0, m_state->currentIndex()))], filter);
    const Channel channel = ChannelChoices[std::size_t(std::max(0, m_channel->currentIndex()))];
    // "WeChat Pay" is every WeChat payment: at the counter, in the mini program, in the app.
    if (channel == Channel::WxNative)
        filter.channels = {Channel::WxNative, Channel::WxJsapi, Channel::WxApp};
    else if (channel != Channel::Invalid)
        filter.channels = {channel};
    filter.storeId = m_store->text().trimmed();
    filter.terminalId = m_terminal->text().trimmed();
    filter.cashier = m_cashier->text().trimmed();
    filter.orderNumber = m_orderNumber->text().trimmed();
    QStringList problems;
    for (auto [edit, bound] :
         {std::pair{m_minAmount, &filter.minAmountMinor}, std::pair{m_maxAmount, &filter.maxAmountMinor}}) {
        if (edit->text().trimmed().isEmpty())
            continue;
        const auto amount = parseAmount(edit->text(), QLocale(), std::numeric_limits<qint32>::max());
        if (amount)
            *bound = *amount;
        else
            problems.append(errorMessage(amount.error()));
    }
    if (problems.isEmpty() && filter.minAmountMinor && filter.maxAmountMinor
        && *filter.maxAmountMinor < *filter.minAmountMinor)
        problems.append(tr("The lowest amount is above the highest."));
    m_message->setText(problems.join(u' '));
    m_message->setVisible(!problems.isEmpty());
    if (!problems.isEmpty())
        return paydesk::fail(ErrorCode::InvalidArgument, problems.join(u' '));
    return filter;
}

QString OrderFilterBar::describe() const
{
    QStringList parts;
    if (m_state->currentIndex() > 0)
        parts.append(u"state=" + m_state->currentText());
    if (m_channel->currentIndex() > 0)
        parts.append(u"channel=" + channelId(ChannelChoices[std::size_t(m_channel->currentIndex())]));
    const QList<std::pair<const char *, QLineEdit *>> edits{{"order", m_orderNumber}, {"store", m_store},
                                                            {"terminal", m_terminal}, {"cashier", m_cashier},
                                                            {"min", m_minAmount},     {"max", m_maxAmount}};
    for (const auto &[name, edit] : edits) {
        if (!edit->text().trimmed().isEmpty())
            parts.append(QString::fromLatin1(name) + u'=' + edit->text().trimmed());
    }
    return parts.join(u", ");
}

ReportScope OrderFilterBar::scope() const
{
    return {m_store->text().trimmed(), m_terminal->text().trimmed()};
}

void OrderFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OrderFilterBar::retranslate()
{
    const QSignalBlocker stateBlock(m_state);
    const QSignalBlocker channelBlock(m_channel);
    const int state = std::max(0, m_state->currentIndex());
    const int channel = std::max(0, m_channel->currentIndex());
    m_state->clear();
    m_state->addItems({tr("All states"), tr("Paid"), tr("Paid late"), tr("Not final (open or unknown)"), tr("Expired"),
                       tr("Cancelled"), tr("Failed"), tr("With refunds")});
    m_channel->clear();
    m_channel->addItem(tr("All channels"));
    for (std::size_t i = 1; i < ChannelChoices.size(); ++i)
        m_channel->addItem(channelDisplayName(ChannelChoices[i]));
    m_state->setCurrentIndex(state);
    m_channel->setCurrentIndex(channel);
    const QStringList labels{tr("State"),    tr("Channel"), tr("Order number"), tr("Store"),
                             tr("Terminal"), tr("Cashier"), tr("Amount from"),  tr("to")};
    for (qsizetype i = 0; i < m_labels.size(); ++i)
        m_labels[i]->setText(labels.value(i));
    m_orderNumber->setPlaceholderText(tr("part of the order or gateway number"));
    m_clear->setText(tr("Clear filters"));
}

} // namespace paydesk

#include "SaleScreen.h"

#include "ChannelStyle.h"
#include "ErrorText.h"

#include "gateway/PaymentCode.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>

namespace paydesk {

namespace {

constexpr Channel CounterChannels[] = {Channel::WxNative, Channel::AlipayQr, Channel::UpiQr};
constexpr qsizetype PaymentCodeMaxDigits = PaymentCode::MaxDigits;

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold || font.bold());
    return font;
}

// One big checkable button in the channel's colour.
QToolButton *channelButton(Channel channel, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(u"channel_" + channelId(channel));
    button->setCheckable(true);
    button->setIcon(channelIcon(channel));
    button->setIconSize(QSize(56, 56));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    button->setMinimumHeight(84);
    button->setFont(scaled(button->font(), 1.5, true));
    button->setStyleSheet(QStringLiteral("QToolButton { border: 3px solid #ccc; border-radius: 10px; padding: 6px; }"
                                         "QToolButton:checked { border-color: %1; background: %2; }")
                              .arg(channelColor(channel).name(), channelColor(channel).lighter(185).name()));
    return button;
}

QPushButton *chargeButton(QWidget *parent)
{
    auto *charge = new QPushButton(parent);
    charge->setObjectName(QStringLiteral("chargeButton"));
    charge->setMinimumHeight(84);
    charge->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    charge->setFont(scaled(charge->font(), 1.8, true));
    charge->setStyleSheet(QStringLiteral("QPushButton { background: #1B5E20; color: white; border-radius: 10px; }"
                                         "QPushButton:disabled { background: #9E9E9E; }"));
    return charge;
}

} // namespace

SaleScreen::SaleScreen(Currency currency, qint64 maxAmountMinor, QWidget *parent)
    : QWidget(parent), m_currency(currency), m_maxAmountMinor(maxAmountMinor)
{
    setObjectName(QStringLiteral("saleScreen"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);

    m_titleRow = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("saleTitle"));
    m_title->setFont(scaled(m_title->font(), 1.4, false));
    m_titleRow->addWidget(m_title);
    m_titleRow->addStretch(1);
    layout->addLayout(m_titleRow);

    auto *amountRow = new QHBoxLayout;
    m_currencyLabel = new QLabel(this);
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_amount->setMaxLength(16);
    const QFont amountFont = scaled(m_amount->font(), 3.2, true);
    m_amount->setFont(amountFont);
    m_currencyLabel->setFont(amountFont);
    // Digits, spaces and separators only; the exact rules are parseAmount's, with its messages.
    m_amount->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ,.\\x{00A0}\\x{202F}]*")), m_amount));
    amountRow->addWidget(m_currencyLabel);
    amountRow->addWidget(m_amount, 1);
    // The code beside the amount, not below it: the counter must fit a 768 px tall screen.
    amountRow->addSpacing(12);
    amountRow->addLayout(buildCodeRow());
    layout->addLayout(amountRow);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("saleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #B00020; font-weight: bold;"));
    layout->addWidget(m_error);

    auto *middle = new QHBoxLayout;
    auto *keypad = new QGridLayout;
    buildKeypad(keypad);
    middle->addLayout(keypad, 3);

    auto *channelColumn = new QVBoxLayout;
    m_channels = new QButtonGroup(this);
    m_channels->setExclusive(true);
    for (Channel channel : CounterChannels) {
        QToolButton *button = channelButton(channel, this);
        m_channels->addButton(button, int(channel));
        m_channelButtons.append(button);
        channelColumn->addWidget(button);
    }
    m_channelButtons.first()->setChecked(true);
    m_charge = chargeButton(this);
    connect(m_charge, &QPushButton::clicked, this, &SaleScreen::charge);
    channelColumn->addWidget(m_charge);
    middle->addLayout(channelColumn, 2);
    layout->addLayout(middle, 1);

    connect(m_amount, &QLineEdit::returnPressed, this, &SaleScreen::charge);
    connect(m_amount, &QLineEdit::textEdited, m_error, &QLabel::clear);
    connect(m_code, &QLineEdit::textEdited, m_error, &QLabel::clear);
    connect(m_amount, &QLineEdit::textChanged, this, &SaleScreen::amountChanged);
    retranslate();
    updateCurrencyLabel();
}

// Typing a code by hand: the digits are masked like a password, because the code is a bearer
// credential for a minute and the next customer in the queue can read the screen. The cashier
// copies it from the customer's phone, checks nothing on screen, and a wrong length or digit is
// refused with a message (PaymentCode, the wallet); the pending screen shows the last four digits.
QLayout *SaleScreen::buildCodeRow()
{
    auto *row = new QHBoxLayout;
    m_codeLabel = new QLabel(this);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("paymentCodeEdit"));
    m_code->setEchoMode(QLineEdit::Password);
    m_code->setMaxLength(int(PaymentCodeMaxDigits));
    m_code->setMinimumHeight(44);
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]*")), m_code));
    m_codeLabel->setBuddy(m_code);
    m_chargeCode = new QPushButton(this);
    m_chargeCode->setObjectName(QStringLiteral("chargeCodeButton"));
    m_chargeCode->setMinimumHeight(44);
    m_chargeCode->setFocusPolicy(Qt::TabFocus);
    connect(m_code, &QLineEdit::returnPressed, this, &SaleScreen::submitCode);
    connect(m_chargeCode, &QPushButton::clicked, this, &SaleScreen::submitCode);
    row->addWidget(m_codeLabel);
    row->addWidget(m_code, 1);
    row->addWidget(m_chargeCode);
    return row;
}

void SaleScreen::submitCode()
{
    QString digits = m_code->text();
    m_code->clear(); // the code is not kept on screen, whatever happens next
    Q_EMIT codeEntered(digits);
    digits.fill(u'0');
}

void SaleScreen::buildKeypad(QGridLayout *grid)
{
    const QString keys[4][3] = {{QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9")},
                                {QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")},
                                {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")},
                                {QStringLiteral("00"), QStringLiteral("0"), QStringLiteral(".")}};
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 3; ++column) {
            const QString key = keys[row][column];
            auto *button = new QPushButton(key, this);
            button->setObjectName(key == u"." ? QStringLiteral("keypad_decimal") : u"keypad_" + key);
            button->setFocusPolicy(Qt::NoFocus); // the amount field keeps the keyboard
            button->setMinimumSize(72, 64);
            button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
            QFont font = button->font();
            font.setPointSizeF(font.pointSizeF() * 1.8);
            button->setFont(font);
            if (key == u".")
                m_decimalKey = button;
            connect(button, &QPushButton::clicked, this, [this, button] { pressKey(button->text()); });
            grid->addWidget(button, row, column);
        }
    }
    m_backKey = new QPushButton(QStringLiteral("⌫"), this);
    m_backKey->setObjectName(QStringLiteral("keypad_backspace"));
    m_clearKey = new QPushButton(this);
    m_clearKey->setObjectName(QStringLiteral("keypad_clear"));
    for (QPushButton *button : {m_backKey, m_clearKey}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumSize(72, 64);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        QFont font = button->font();
        font.setPointSizeF(font.pointSizeF() * 1.4);
        button->setFont(font);
    }
    connect(m_backKey, &QPushButton::clicked, this, [this] { pressKey(QStringLiteral("back")); });
    connect(m_clearKey, &QPushButton::clicked, this, [this] { pressKey(QStringLiteral("clear")); });
    grid->addWidget(m_backKey, 4, 0, 1, 2);
    grid->addWidget(m_clearKey, 4, 2);
}

void SaleScreen::pressKey(const QString &key)
{
    m_error->clear();
    QString text = m_amount->text();
    if (key == u"back")
        text.chop(1);
    else if (key == u"clear")
        text.clear();
    else if (text.size() < m_amount->maxLength())
        text += key;
    m_amount->setText(text);
    m_amount->setFocus();
}

Result<Money> SaleScreen::amount() const
{
    // The default locale, as the keypad's decimal key and the placeholder use: it follows a
    // language switch, while the widget's own locale() was fixed when it was created.
    auto minor = parseAmount(m_amount->text(), QLocale(), m_maxAmountMinor);
    if (!minor)
        return fail(minor.error());
    return Money{*minor, m_currency};
}

void SaleScreen::charge()
{
    if (!m_charge->isEnabled())
        return;
    auto checked = amount();
    if (!checked) {
        showError(errorMessage(checked.error()));
        return;
    }
    Q_EMIT chargeRequested(*checked, selectedChannel());
}

void SaleScreen::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_F1:
        selectChannel(Channel::WxNative);
        return;
    case Qt::Key_F2:
        selectChannel(Channel::AlipayQr);
        return;
    case Qt::Key_F3:
        selectChannel(Channel::UpiQr);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Enter in the payment code field charges the code (submitCode), never the QR.
        if (!m_code->hasFocus())
            charge();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void SaleScreen::reset()
{
    m_amount->clear();
    m_code->clear();
    m_error->clear();
    setBusy(false);
    m_amount->setFocus();
}

void SaleScreen::setCurrency(Currency currency)
{
    m_currency = currency;
    updateCurrencyLabel();
}

void SaleScreen::setBusy(bool busy)
{
    m_charge->setEnabled(!busy);
}

void SaleScreen::showError(const QString &message)
{
    m_error->setText(message);
    m_amount->setFocus();
}

void SaleScreen::showCodeError(const QString &message)
{
    m_error->setText(message);
    m_code->setFocus();
}

void SaleScreen::addTitleRowWidget(QWidget *widget)
{
    widget->setParent(this);
    m_titleRow->addWidget(widget);
}

Channel SaleScreen::selectedChannel() const
{
    const int id = m_channels->checkedId();
    return id < 0 ? Channel::WxNative : Channel(id);
}

void SaleScreen::selectChannel(Channel channel)
{
    if (QAbstractButton *button = m_channels->button(int(channel)))
        button->setChecked(true);
    m_amount->setFocus();
}

QString SaleScreen::amountText() const
{
    return m_amount->text();
}

void SaleScreen::updateCurrencyLabel()
{
    m_currencyLabel->setText(currencyCode(m_currency));
}

void SaleScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SaleScreen::retranslate()
{
    m_title->setText(tr("New sale"));
    m_amount->setPlaceholderText(QLocale().toString(0.0, 'f', 2));
    m_amount->setAccessibleName(tr("Amount"));
    const QString functionKeys[] = {QStringLiteral("F1"), QStringLiteral("F2"), QStringLiteral("F3")};
    for (int i = 0; i < m_channelButtons.size(); ++i) {
        const Channel channel = CounterChannels[i];
        m_channelButtons[i]->setText(channelDisplayName(channel) + u"  (" + functionKeys[i] + u')');
        m_channelButtons[i]->setAccessibleName(channelDisplayName(channel));
        m_channelButtons[i]->setToolTip(tr("Pay with %1 (%2)").arg(channelDisplayName(channel), functionKeys[i]));
    }
    m_charge->setText(tr("Charge  (Enter)"));
    m_charge->setAccessibleName(tr("Charge"));
    m_decimalKey->setText(QLocale().decimalPoint());
    m_clearKey->setText(tr("Clear"));
    m_clearKey->setAccessibleName(tr("Clear the amount"));
    m_backKey->setAccessibleName(tr("Delete the last digit"));
    m_codeLabel->setText(tr("Payment code:"));
    m_code->setPlaceholderText(tr("Scan or type"));
    m_code->setMinimumWidth(m_code->fontMetrics().horizontalAdvance(m_code->placeholderText()) + 24);
    m_code->setAccessibleName(tr("Customer's payment code"));
    m_chargeCode->setText(tr("Charge code"));
}

} // namespace paydesk

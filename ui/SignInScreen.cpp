#include "SignInScreen.h"

#include "NamedWidget.h"
#include "PinDialog.h"

#include "staff/CashierSession.h"

#include <algorithm>

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace paydesk {

namespace {

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold || font.bold());
    return font;
}

} // namespace

SignInScreen::SignInScreen(CashierSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("signInScreen"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_baseFont = font();
    m_title = namedWidget<QLabel>(QStringLiteral("signInTitle"), this);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto *form = new QGridLayout;
    form->setColumnStretch(0, 1);
    form->setColumnStretch(3, 1);
    m_nameLabel = new QLabel(this);
    m_pinLabel = new QLabel(this);
    m_name = namedWidget<QComboBox>(QStringLiteral("cashierNameCombo"), this);
    m_name->setEditable(true);
    m_name->setInsertPolicy(QComboBox::NoInsert);
    m_name->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_name->completer()->setCompletionMode(QCompleter::InlineCompletion);
    m_name->lineEdit()->installEventFilter(this);
    m_pin = namedWidget<QLineEdit>(QStringLiteral("cashierPinEdit"), this);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(12);
    m_nameLabel->setBuddy(m_name);
    m_pinLabel->setBuddy(m_pin);
    form->addWidget(m_nameLabel, 0, 1);
    form->addWidget(m_name, 0, 2);
    form->addWidget(m_pinLabel, 1, 1);
    form->addWidget(m_pin, 1, 2);
    layout->addLayout(form);
    m_message = namedWidget<QLabel>(QStringLiteral("signInMessage"), this);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_signIn = namedWidget<QPushButton>(QStringLiteral("signInButton"), this);
    m_back = namedWidget<QPushButton>(QStringLiteral("signInBackButton"), this);
    m_signOut = namedWidget<QPushButton>(QStringLiteral("signOutButton"), this);
    for (QPushButton *button : {m_signIn, m_back, m_signOut}) {
        button->setFocusPolicy(button == m_signIn ? Qt::StrongFocus : Qt::TabFocus);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);

    applyScale(1.0);

    connect(m_pin, &QLineEdit::returnPressed, this, &SignInScreen::signIn);
    connect(m_signIn, &QPushButton::clicked, this, &SignInScreen::signIn);
    connect(m_back, &QPushButton::clicked, this, &SignInScreen::backRequested);
    connect(m_signOut, &QPushButton::clicked, this, &SignInScreen::signOutRequested);
    retranslate();
}

// The form grows with the screen: sized for 1024×768 at 1.0, half as large again on 1920×1080,
// so the fields stay easy to hit and read on a large panel without running off a small one.
void SignInScreen::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    constexpr qreal BaseHeight = 680; // a 768 px screen less the top bar
    applyScale(std::clamp(qreal(height()) / BaseHeight, 1.0, 1.6));
}

void SignInScreen::applyScale(qreal factor)
{
    if (qAbs(factor - m_scale) < 0.05)
        return;
    m_scale = factor;
    m_title->setFont(scaled(m_baseFont, 1.8 * factor, true));
    for (QWidget *field : std::initializer_list<QWidget *>{m_name, m_pin}) {
        field->setFont(scaled(m_baseFont, 1.4 * factor, false));
        field->setMinimumSize(qRound(280 * factor), qRound(52 * factor));
    }
    for (QLabel *label : {m_nameLabel, m_pinLabel})
        label->setFont(scaled(m_baseFont, 1.3 * factor, false));
    m_message->setFont(scaled(m_baseFont, 1.2 * factor, false));
    for (QPushButton *button : {m_signIn, m_back, m_signOut}) {
        button->setFont(scaled(m_baseFont, 1.3 * factor, button == m_signIn));
        button->setMinimumHeight(qRound(52 * factor));
    }
}

void SignInScreen::start()
{
    const QString current = m_session.cashierName();
    m_name->clear();
    if (const auto names = m_session.names(); names)
        m_name->addItems(*names);
    m_name->setEditText(current);
    m_pin->clear();
    m_message->clear();
    m_back->setVisible(!current.isEmpty());
    m_signOut->setVisible(!current.isEmpty());
    m_name->setFocus();
    m_name->lineEdit()->selectAll();
}

QString SignInScreen::message() const
{
    return m_message->text();
}

// Enter in the name goes on to the PIN: name, Enter, PIN, Enter.
bool SignInScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_name->lineEdit() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_pin->setFocus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SignInScreen::signIn()
{
    const QString name = m_name->currentText().trimmed();
    if (name.isEmpty()) {
        m_message->setText(tr("Choose your name first."));
        m_name->setFocus();
        return;
    }
    const auto account = m_session.signIn(name, m_pin->text());
    m_pin->clear();
    if (!account) {
        m_message->setText(signInRefusalText(account.error()));
        m_pin->setFocus();
        return;
    }
    m_message->clear();
    Q_EMIT signedIn(*account);
}

void SignInScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SignInScreen::retranslate()
{
    m_title->setText(tr("Who is selling?"));
    m_nameLabel->setText(tr("Name"));
    m_pinLabel->setText(tr("PIN"));
    m_pin->setAccessibleName(tr("Your PIN"));
    m_signIn->setText(tr("Sign in"));
    m_back->setText(tr("Back to the sale"));
    m_signOut->setText(tr("Sign out"));
    for (QPushButton *button : {m_signIn, m_back, m_signOut}) {
        button->setMinimumWidth(0);
        button->setMinimumWidth(button->sizeHint().width() + 24);
    }
}

} // namespace paydesk

#include "PinDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace paydesk {

PinDialog::PinDialog(Settings &settings, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_clock(clock)
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Manager PIN"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Enter the manager PIN:"), this));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("pinEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAccessibleName(tr("Manager PIN"));
    layout->addWidget(m_pin);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pinMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PinDialog::reject);
    layout->addWidget(buttons);
}

void PinDialog::accept()
{
    PinLockout lockout(m_clock, m_settings.pinLockoutState());
    const PinCheck check = lockout.check(m_settings.pinVerifier(), m_pin->text());
    (void)m_settings.setPinLockoutState(lockout.state());
    (void)m_settings.sync();
    m_pin->clear();
    switch (check) {
    case PinCheck::Accepted:
        QDialog::accept();
        return;
    case PinCheck::LockedOut:
        m_message->setText(tr("Too many wrong PINs. Locked for %n more minute(s).", nullptr,
                              int((lockout.remainingLockMs() + 59'999) / 60'000)));
        Q_EMIT pinRejected(true, 0);
        return;
    default:
        m_message->setText(lockout.isLocked() ? tr("Too many wrong PINs. Locked for %n more minute(s).", nullptr,
                                                   int((lockout.remainingLockMs() + 59'999) / 60'000))
                                              : tr("Wrong PIN. %n attempt(s) left before a 30-minute lock.", nullptr,
                                                   lockout.attemptsLeft()));
        Q_EMIT pinRejected(lockout.isLocked(), lockout.isLocked() ? 0 : lockout.attemptsLeft());
        return;
    }
}

bool PinDialog::unlock(Settings &settings, const Clock &clock, QWidget *parent)
{
    if (settings.pinVerifier().isNull())
        return true;
    PinDialog dialog(settings, clock, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace paydesk

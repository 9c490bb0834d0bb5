#include "PinDialog.h"

#include "staff/StaffService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace paydesk {

PinDialog::PinDialog(StaffService &staff, QWidget *parent) : QDialog(parent), m_staff(staff)
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Manager PIN"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Enter a manager's name and PIN:"), this));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(StaffService::DefaultManagerName.toString(), this);
    m_name->setObjectName(QStringLiteral("staffNameEdit"));
    form->addRow(tr("Name"), m_name);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("pinEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAccessibleName(tr("Manager PIN"));
    form->addRow(tr("PIN"), m_pin);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pinMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PinDialog::reject);
    layout->addWidget(buttons);
    m_pin->setFocus();
}

void PinDialog::accept()
{
    const QString name = m_name->text().trimmed();
    const auto signedIn = m_staff.signIn(name, m_pin->text());
    m_pin->clear();
    if (signedIn && signedIn->role == StaffRole::Manager) {
        m_account = *signedIn;
        QDialog::accept();
        return;
    }
    if (signedIn) {
        m_message->setText(tr("%1 is not a manager.").arg(name));
        return;
    }
    m_message->setText(signInRefusalText(signedIn.error()));
}

QString signInRefusalText(const SignInRefusal &refusal)
{
    switch (signInRefusalForUi(refusal.reason)) {
    case SignInFailure::Locked: {
        const QTime until = QDateTime::fromMSecsSinceEpoch(refusal.lockedUntilUtcMs).toLocalTime().time();
        return QCoreApplication::translate("paydesk::PinDialog",
                                           "Too many wrong PINs. Locked until %1 (%n more minute(s)).", nullptr,
                                           refusal.remainingLockMinutes())
            .arg(QLocale().toString(until, QLocale::ShortFormat));
    }
    case SignInFailure::Disabled:
        return QCoreApplication::translate("paydesk::PinDialog",
                                           "This account is disabled. A manager can enable it again.");
    case SignInFailure::StoreFailure:
        return QCoreApplication::translate("paydesk::PinDialog",
                                           "The staff accounts cannot be read right now. Try again.");
    default:
        return QCoreApplication::translate("paydesk::PinDialog", "Wrong name or PIN.");
    }
}

} // namespace paydesk

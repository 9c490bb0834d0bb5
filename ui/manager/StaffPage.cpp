#include "StaffPage.h"

#include "ErrorText.h"
#include "ManagerText.h"
#include "NamedWidget.h"

#include "config/ManagerPin.h"
#include "staff/StaffService.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace paydesk {

namespace {

enum Column {
    NameColumn,
    RoleColumn,
    StatusColumn,
    LockedColumn,
    ColumnCount
};

QLineEdit *pinEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = namedWidget<QLineEdit>(objectName, parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(12);
    return edit;
}

// A small form dialog whose OK runs `submit` and closes only when it succeeds; the refusal
// stays on the dialog, in its message label.
struct FormDialog
{
    QDialog *dialog;
    QFormLayout *form;
    QLabel *message;
};

FormDialog formDialog(const QString &objectName, const QString &title, QWidget *parent)
{
    auto *dialog = namedWidget<QDialog>(objectName, parent);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    auto *message = namedWidget<QLabel>(QStringLiteral("staffDialogMessage"), dialog);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #B00020;"));
    layout->addWidget(message);
    return {dialog, form, message};
}

void addButtons(const FormDialog &form, const std::function<bool()> &submit, const std::function<QString()> &why)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, form.dialog);
    form.dialog->layout()->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, form.dialog, [form, submit, why] {
        if (submit())
            form.dialog->accept();
        else
            form.message->setText(why());
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, form.dialog, &QDialog::reject);
}

} // namespace

StaffPage::StaffPage(StaffService &staff, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_staff(staff), m_clock(clock)
{
    setObjectName(QStringLiteral("staffPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = namedWidget<QLabel>(QStringLiteral("staffTitle"), this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_table = namedWidget<QTableWidget>(QStringLiteral("staffTable"), 0, int(ColumnCount), this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_message = namedWidget<QLabel>(QStringLiteral("staffMessage"), this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *row = new QHBoxLayout;
    m_add = namedWidget<QPushButton>(QStringLiteral("addStaffButton"), this);
    m_disable = namedWidget<QPushButton>(QStringLiteral("disableStaffButton"), this);
    m_enable = namedWidget<QPushButton>(QStringLiteral("enableStaffButton"), this);
    m_reset = namedWidget<QPushButton>(QStringLiteral("resetPinButton"), this);
    for (QPushButton *button : {m_add, m_disable, m_enable, m_reset}) {
        button->setMinimumHeight(36);
        row->addWidget(button);
    }
    row->addStretch(1);
    layout->addLayout(row);
    connect(m_add, &QPushButton::clicked, this, &StaffPage::openAddDialog);
    connect(m_reset, &QPushButton::clicked, this, &StaffPage::openResetDialog);
    connect(m_disable, &QPushButton::clicked, this, [this] { setAccountDisabled(selectedName(), true); });
    connect(m_enable, &QPushButton::clicked, this, [this] { setAccountDisabled(selectedName(), false); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaffPage::updateButtons);
    retranslate();
}

StaffAccount StaffPage::actor() const
{
    StaffAccount manager;
    manager.name = m_manager; // StaffService re-reads it: an enabled manager or nothing
    return manager;
}

void StaffPage::reload()
{
    const QString selected = selectedName();
    const auto accounts = m_staff.accounts();
    if (!accounts) {
        report(errorMessage(accounts.error()), false);
        return;
    }
    m_accounts = *accounts;
    m_table->setRowCount(int(m_accounts.size()));
    const qint64 now = m_clock.nowUtcMs();
    for (int row = 0; row < m_accounts.size(); ++row) {
        const StaffAccount &account = m_accounts[row];
        m_table->setItem(row, NameColumn, new QTableWidgetItem(account.name));
        m_table->setItem(row, RoleColumn,
                         new QTableWidgetItem(account.role == StaffRole::Manager ? tr("Manager") : tr("Cashier")));
        m_table->setItem(row, StatusColumn, new QTableWidgetItem(account.disabled ? tr("Disabled") : tr("Active")));
        const bool locked = account.lockedUntilUtcMs > now;
        m_table->setItem(
            row, LockedColumn,
            new QTableWidgetItem(locked ? localDateTimeText(account.lockedUntilUtcMs, m_zone) : QString()));
    }
    if (!selectName(selected))
        updateButtons();
}

QString StaffPage::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), NameColumn)->text();
}

bool StaffPage::selectName(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!name.isEmpty() && m_table->item(row, NameColumn)->text() == name) {
            m_table->selectRow(row);
            updateButtons();
            return true;
        }
    }
    return false;
}

QString StaffPage::message() const
{
    return m_message->text();
}

void StaffPage::updateButtons()
{
    const QString name = selectedName();
    const auto account = std::find_if(m_accounts.cbegin(), m_accounts.cend(),
                                      [&name](const StaffAccount &a) { return a.name == name; });
    const bool chosen = account != m_accounts.cend();
    m_disable->setEnabled(chosen && !account->disabled);
    m_enable->setEnabled(chosen && account->disabled);
    m_reset->setEnabled(chosen);
}

void StaffPage::report(const QString &message, bool ok)
{
    m_message->setStyleSheet(ok ? QString() : QStringLiteral("color: #B00020;"));
    m_message->setText(message);
}

// What StaffService refused, in the manager's words. The checks the page makes itself (name,
// PIN, the last manager) come first, so what is left is the actor or the store.
QString StaffPage::refusalText(const Error &error) const
{
    if (error.code == ErrorCode::InvalidArgument)
        return tr("Only a signed-in manager can change staff accounts. Lock the manager view and sign in again.");
    return errorMessage(error);
}

bool StaffPage::addAccount(const QString &name, StaffRole role, const QString &pin, const QString &pinAgain)
{
    const QString trimmed = name.trimmed();
    QString refusal;
    if (!StaffService::validateName(trimmed))
        refusal = tr("A name is 1 to 64 letters, digits or signs.");
    else if (std::any_of(m_accounts.cbegin(), m_accounts.cend(),
                         [&](const StaffAccount &a) { return a.name == trimmed; }))
        refusal = tr("There is already an account named %1.").arg(trimmed);
    else if (!validatePinFormat(pin))
        refusal = tr("A PIN is 4 to 12 digits.");
    else if (pin != pinAgain)
        refusal = tr("The two PINs differ. Type the same PIN twice.");
    const auto managed = m_staff.hasManager();
    if (refusal.isEmpty() && managed && !*managed && role != StaffRole::Manager)
        refusal = tr("There is no manager account yet: the first account is a manager's.");
    if (!refusal.isEmpty()) {
        report(refusal, false);
        return false;
    }
    const auto created = managed && !*managed ? m_staff.createFirstManager(trimmed, pin, trimmed)
                                              : m_staff.create(actor(), trimmed, role, pin);
    if (!created) {
        report(created.error().code == ErrorCode::Duplicate ? tr("There is already an account named %1.").arg(trimmed)
                                                            : refusalText(created.error()),
               false);
        return false;
    }
    if (m_manager.isEmpty() && role == StaffRole::Manager)
        m_manager = trimmed; // the first manager: the one who manages from now on
    reload();
    selectName(trimmed);
    report(role == StaffRole::Manager ? tr("%1 added as a manager.").arg(trimmed)
                                      : tr("%1 added as a cashier.").arg(trimmed),
           true);
    Q_EMIT changed(message());
    return true;
}

bool StaffPage::setAccountDisabled(const QString &name, bool disabled)
{
    const auto account = std::find_if(m_accounts.cbegin(), m_accounts.cend(),
                                      [&name](const StaffAccount &a) { return a.name == name; });
    if (account == m_accounts.cend()) {
        report(tr("Choose an account in the list first."), false);
        return false;
    }
    const auto enabledManagers = std::count_if(m_accounts.cbegin(), m_accounts.cend(), [](const StaffAccount &a) {
        return a.role == StaffRole::Manager && !a.disabled;
    });
    if (disabled && account->role == StaffRole::Manager && !account->disabled && enabledManagers <= 1) {
        report(tr("%1 is the last manager. Add another manager first: without one, nobody could manage the staff.")
                   .arg(name),
               false);
        return false;
    }
    const auto changed = disabled ? m_staff.disable(actor(), name) : m_staff.enable(actor(), name);
    if (!changed) {
        report(refusalText(changed.error()), false);
        return false;
    }
    reload();
    selectName(name);
    report(disabled ? tr("%1 is disabled and can no longer sign in.").arg(name)
                    : tr("%1 is enabled and can sign in again.").arg(name),
           true);
    Q_EMIT this->changed(message());
    return true;
}

bool StaffPage::resetPin(const QString &name, const QString &pin, const QString &pinAgain)
{
    QString refusal;
    if (name.isEmpty())
        refusal = tr("Choose an account in the list first.");
    else if (!validatePinFormat(pin))
        refusal = tr("A PIN is 4 to 12 digits.");
    else if (pin != pinAgain)
        refusal = tr("The two PINs differ. Type the same PIN twice.");
    if (!refusal.isEmpty()) {
        report(refusal, false);
        return false;
    }
    const auto changed = m_staff.changePin(actor(), name, pin);
    if (!changed) {
        report(refusalText(changed.error()), false);
        return false;
    }
    reload();
    selectName(name);
    report(tr("New PIN set for %1; a lock on the account is lifted.").arg(name), true);
    Q_EMIT this->changed(message());
    return true;
}

void StaffPage::openAddDialog()
{
    FormDialog form = formDialog(QStringLiteral("addStaffDialog"), tr("Add a staff account"), this);
    auto *name = namedWidget<QLineEdit>(QStringLiteral("newStaffName"), form.dialog);
    name->setMaxLength(64);
    auto *role = namedWidget<QComboBox>(QStringLiteral("newStaffRole"), form.dialog);
    role->addItem(tr("Cashier"), int(StaffRole::Cashier));
    role->addItem(tr("Manager"), int(StaffRole::Manager));
    QLineEdit *pin = pinEdit(QStringLiteral("newStaffPin"), form.dialog);
    QLineEdit *again = pinEdit(QStringLiteral("newStaffPinAgain"), form.dialog);
    form.form->addRow(tr("Name"), name);
    form.form->addRow(tr("Role"), role);
    form.form->addRow(tr("PIN (4 to 12 digits)"), pin);
    form.form->addRow(tr("PIN again"), again);
    addButtons(
        form,
        [=, this] {
            return addAccount(name->text(), StaffRole(role->currentData().toInt()), pin->text(), again->text());
        },
        [this] { return message(); });
    form.dialog->exec();
    form.dialog->deleteLater();
}

void StaffPage::openResetDialog()
{
    const QString name = selectedName();
    FormDialog form = formDialog(QStringLiteral("resetPinDialog"), tr("New PIN for %1").arg(name), this);
    QLineEdit *pin = pinEdit(QStringLiteral("resetPin"), form.dialog);
    QLineEdit *again = pinEdit(QStringLiteral("resetPinAgain"), form.dialog);
    form.form->addRow(tr("New PIN (4 to 12 digits)"), pin);
    form.form->addRow(tr("PIN again"), again);
    addButtons(
        form, [=, this] { return resetPin(name, pin->text(), again->text()); }, [this] { return message(); });
    form.dialog->exec();
    form.dialog->deleteLater();
}

void StaffPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StaffPage::retranslate()
{
    m_title->setText(tr("Who may sell and manage at this store's counters. A cashier signs in at the counter (F8 "
                        "switches); a manager also opens this view."));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Status"), tr("Locked until")});
    m_add->setText(tr("Add…"));
    m_disable->setText(tr("Disable"));
    m_enable->setText(tr("Enable"));
    m_reset->setText(tr("Reset PIN…"));
    if (!m_accounts.isEmpty())
        reload();
}

} // namespace paydesk

#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "orders/Staff.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace paydesk {

class StaffService;

// The manager view's Staff tab: the accounts (name, role, disabled, locked until), and a
// manager's actions on them — add (name, role, PIN twice), disable and enable, reset the PIN
// (which also lifts a lock). StaffService checks that the signed-in account is an enabled
// manager and refuses to disable the last one; the page says why in plain words. With no
// manager account at all (no PIN ever set), the first account added is a manager's.
class StaffPage : public QWidget
{
    Q_OBJECT

public:
    StaffPage(StaffService &staff, const Clock &clock, QWidget *parent = nullptr);

    void setManagerName(const QString &name) { m_manager = name; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    void reload();

    // The non-interactive halves of the buttons; true when done, with the outcome in message().
    bool addAccount(const QString &name, StaffRole role, const QString &pin, const QString &pinAgain);
    bool setAccountDisabled(const QString &name, bool disabled);
    bool resetPin(const QString &name, const QString &pin, const QString &pinAgain);

    QString selectedName() const;
    bool selectName(const QString &name);
    QString message() const;
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void changed(const QString &what); // for the status bar

protected:
    void changeEvent(QEvent *event) override;

private:
    void openAddDialog();
    void openResetDialog();
    void updateButtons();
    void report(const QString &message, bool ok);
    QString refusalText(const Error &error) const;
    StaffAccount actor() const;
    void retranslate();

    StaffService &m_staff;
    const Clock &m_clock;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_manager;
    QList<StaffAccount> m_accounts;
    QLabel *m_title = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_enable = nullptr;
    QPushButton *m_reset = nullptr;
};

} // namespace paydesk

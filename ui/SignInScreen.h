#pragma once

#include "orders/Staff.h"

#include <QFont>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace paydesk {

class CashierSession;

// "Who is selling?": the counter's sign-in, at start and for a quick switch (F8): a name from
// the staff list (type-ahead: the first letters pick it), Enter, the PIN, Enter. A refusal says
// why in plain words (a lock with the time it ends); a wrong PIN reads like an unknown name.
// While someone is signed in the screen also offers to go back to the sale or to sign out.
class SignInScreen : public QWidget
{
    Q_OBJECT

public:
    explicit SignInScreen(CashierSession &session, QWidget *parent = nullptr);

    // Fresh: the list of names re-read, the PIN empty, the current cashier's name proposed.
    void start();
    QString message() const;

Q_SIGNALS:
    void signedIn(const paydesk::StaffAccount &account);
    void backRequested();
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void signIn();
    void retranslate();
    void applyScale(qreal factor);

    CashierSession &m_session;
    QLabel *m_title = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_pinLabel = nullptr;
    QComboBox *m_name = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_signOut = nullptr;
    QFont m_baseFont; // the application font the sizes below scale from
    qreal m_scale = 0;
};

} // namespace paydesk

#pragma once

#include "money/Channel.h"
#include "money/Money.h"

#include <QLocale>
#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace paydesk {

// The screen a cashier starts every sale from: amount (keyboard or on-screen keypad), one of
// three payment methods (buttons or F1/F2/F3), Charge (button or Enter).
class SaleScreen : public QWidget
{
    Q_OBJECT

public:
    SaleScreen(Currency currency, qint64 maxAmountMinor, QWidget *parent = nullptr);

    void reset(); // a new sale: empty amount, focus on it
    void setCurrency(Currency currency);
    void setBusy(bool busy); // disables Charge while a charge is being started
    void showError(const QString &message);
    Channel selectedChannel() const;
    void selectChannel(Channel channel);
    QString amountText() const;

Q_SIGNALS:
    void chargeRequested(const paydesk::Money &amount, paydesk::Channel channel);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildKeypad(QGridLayout *grid);
    void pressKey(const QString &key);
    void charge();
    void retranslate();
    void updateCurrencyLabel();

    Currency m_currency;
    qint64 m_maxAmountMinor;
    QLabel *m_title = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QLineEdit *m_amount = nullptr;
    QLabel *m_error = nullptr;
    QButtonGroup *m_channels = nullptr;
    QList<QToolButton *> m_channelButtons;
    QPushButton *m_charge = nullptr;
    QPushButton *m_decimalKey = nullptr;
    QPushButton *m_clearKey = nullptr;
    QPushButton *m_backKey = nullptr;
};

} // namespace paydesk

#pragma once

#include "common/Error.h"
#include "money/Channel.h"
#include "money/Money.h"

#include <QLocale>
#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QHBoxLayout;
class QLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace paydesk {

// The screen a cashier starts every sale from: amount (keyboard or on-screen keypad), one of
// three payment methods (buttons or F1/F2/F3), Charge (button or Enter) for the QR; or scan to
// pay: the customer's payment code scanned (ScannerInput, in MainWindow) or typed into the
// payment code field (masked like a password), then "Charge code" or Enter.
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
    // The amount as typed, checked (AmountEmpty, AmountMalformed, … AmountTooLarge).
    Result<Money> amount() const;
    void showCodeError(const QString &message); // the message, focus on the payment code field
    void addTitleRowWidget(QWidget *widget); // demo mode's "Simulate a scan" buttons

Q_SIGNALS:
    void chargeRequested(const paydesk::Money &amount, paydesk::Channel channel);
    // The payment code field's digits (Enter or "Charge code"); the field is cleared already.
    void codeEntered(const QString &digits);
    void amountChanged();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildKeypad(QGridLayout *grid);
    QLayout *buildCodeRow();
    void submitCode();
    void pressKey(const QString &key);
    void charge();
    void retranslate();
    void updateCurrencyLabel();

    Currency m_currency;
    qint64 m_maxAmountMinor;
    QHBoxLayout *m_titleRow = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QLineEdit *m_amount = nullptr;
    QLabel *m_error = nullptr;
    QButtonGroup *m_channels = nullptr;
    QList<QToolButton *> m_channelButtons;
    QPushButton *m_charge = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_chargeCode = nullptr;
    QPushButton *m_decimalKey = nullptr;
    QPushButton *m_clearKey = nullptr;
    QPushButton *m_backKey = nullptr;
};

} // namespace paydesk

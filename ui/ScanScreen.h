#pragma once

#include "common/Error.h"
#include "payment/ScanSale.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace paydesk {

// Scan to pay while the gateway decides: "Processing…" (the create is on its way, or an unclear
// outcome is being checked), "The customer is confirming on their phone" with the amount, the
// wallet and Cancel, or the refusal in plain words with "Scan again". A paid, cancelled or
// expired scan sale leaves this screen for the outcome screen (MainWindow).
class ScanScreen : public QWidget
{
    Q_OBJECT

public:
    enum class Step {
        Invalid = 0,
        Processing,
        Confirming, // the customer is entering the password in the wallet
        Refused,
    };

    explicit ScanScreen(QWidget *parent = nullptr);

    void showSale(ScanSale *sale);
    ScanSale *sale() const { return m_sale; }
    Step step() const { return m_step; }

Q_SIGNALS:
    void cancelRequested();
    void scanAgainRequested();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    QString headline() const;
    QString detail() const;

    QPointer<ScanSale> m_sale;
    Error m_error;
    Step m_step = Step::Invalid;
    QLabel *m_headline = nullptr;
    QLabel *m_amount = nullptr;
    QLabel *m_wallet = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_scanAgain = nullptr;
};

} // namespace paydesk

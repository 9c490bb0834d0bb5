#pragma once

#include "config/SecretStore.h"
#include "config/Settings.h"
#include "gateway/PaymentGateway.h"

#include <QDialog>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace paydesk {

// Makes the gateway "Test connection" asks, from the merchant details being edited; provided
// by the assembly (app/common connectionTestGateways). Empty: no test.
using TestGatewayFactory = std::function<Result<std::unique_ptr<PaymentGateway>>(const MerchantDetails &details)>;

// Installer settings: merchant credentials (the key goes to the secret store, never the INI
// file), gateway, terminal, relay, language and the manager PIN. Every field is validated with
// its reason before anything is written; "Test connection" makes a signed query and explains.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Settings &settings, SecretStore &secrets, TestGatewayFactory makeGateway, bool firstRun,
                   QWidget *parent = nullptr);

    // Fills the form from the settings (the key field stays empty: "unchanged").
    void load();

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void languageSelected(const QString &code);
    // A new merchant key went to the secret store (it is no setting, so Settings says nothing).
    void merchantKeySaved();

private:
    Result<void> save();
    void testConnection();
    void showConnectionVerdict(const Result<GatewayResponse> &result);
    void showMessage(const QString &text, bool good);
    QFormLayout *buildForm(bool firstRun);
    QLineEdit *addLine(QFormLayout *form, const QString &objectName, const QString &label);

    Settings &m_settings;
    SecretStore &m_secrets;
    TestGatewayFactory m_makeGateway;
    bool m_firstRun;
    bool m_keySaved = false;

    QLineEdit *m_mchId = nullptr;
    QLineEdit *m_jobNo = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_gatewayUrl = nullptr;
    QLineEdit *m_notifyUrl = nullptr;
    QLineEdit *m_terminalId = nullptr;
    QLineEdit *m_storeId = nullptr;
    QLineEdit *m_cashier = nullptr;
    QComboBox *m_currency = nullptr;
    QComboBox *m_relayMode = nullptr;
    QSpinBox *m_relayPort = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_kiosk = nullptr;
    QLineEdit *m_pin = nullptr;
    QLineEdit *m_pinRepeat = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_test = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace paydesk

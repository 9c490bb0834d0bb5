#include "SettingsDialog.h"

#include "ErrorText.h"
#include "Language.h"

#include "common/Clock.h"
#include "gateway/ConnectionCheck.h"
#include "gateway/iotpay/IotPayChannels.h"
#include "money/Channel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace paydesk {

SettingsDialog::SettingsDialog(Settings &settings, SecretStore &secrets, TestGatewayFactory makeGateway, bool firstRun,
                               QWidget *parent)
    : QDialog(parent), m_settings(settings), m_secrets(secrets), m_makeGateway(std::move(makeGateway)),
      m_firstRun(firstRun)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(firstRun ? tr("Set up PayDesk") : tr("Settings"));
    setMinimumWidth(640); // URLs with a port and path stay readable in the fields
    auto *layout = new QVBoxLayout(this);
    if (firstRun) {
        auto *intro = new QLabel(tr("Enter the merchant details IOTPay gave you. The merchant key is kept in the "
                                    "system keychain, never in a settings file."),
                                 this);
        intro->setWordWrap(true);
        layout->addWidget(intro);
    }
    layout->addLayout(buildForm(firstRun));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_test = m_buttons->addButton(tr("Test connection"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setEnabled(bool(m_makeGateway));
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(m_buttons);
    load();
}

QFormLayout *SettingsDialog::buildForm(bool firstRun)
{
    auto *form = new QFormLayout;
    m_mchId = addLine(form, QStringLiteral("mchIdEdit"), tr("Merchant ID"));
    m_jobNo = addLine(form, QStringLiteral("jobNoEdit"), tr("Login name (jobNo)"));
    m_key = addLine(form, QStringLiteral("merchantKeyEdit"), tr("Merchant key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(firstRun ? QString() : tr("unchanged"));
    m_gatewayUrl = addLine(form, QStringLiteral("gatewayUrlEdit"), tr("Gateway URL"));
    m_notifyUrl = addLine(form, QStringLiteral("notifyUrlEdit"), tr("Notify URL"));
    m_terminalId = addLine(form, QStringLiteral("terminalIdEdit"), tr("Terminal ID"));
    m_storeId = addLine(form, QStringLiteral("storeIdEdit"), tr("Store ID"));
    m_storeId->setPlaceholderText(tr("none: a single counter"));
    m_storeId->setToolTip(tr("On a store's or chain's shared database: the store this counter belongs to (1 to 8 "
                             "letters or digits), on every order it makes. Applies from the next start."));
    m_cashier = addLine(form, QStringLiteral("cashierEdit"), tr("Cashier"));
    m_cashier->setToolTip(tr("Recorded on the sales while the store has no cashier accounts. A manager adds them in "
                             "Manager (F9) → Staff; from then on each cashier signs in at the counter."));
    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("currencyCombo"));
    for (Currency c : AllCurrencies) {
        if (iotPayAcceptsCurrency(c))
            m_currency->addItem(currencyCode(c), int(c));
    }
    form->addRow(tr("Currency"), m_currency);
    m_relayMode = new QComboBox(this);
    m_relayMode->setObjectName(QStringLiteral("relayModeCombo"));
    m_relayMode->addItem(tr("Inside PayDesk"), int(RelayMode::InProcess));
    m_relayMode->addItem(tr("Separate service (paydesk-relay)"), int(RelayMode::Service));
    form->addRow(tr("Notification relay"), m_relayMode);
    m_relayPort = new QSpinBox(this);
    m_relayPort->setObjectName(QStringLiteral("relayPortSpin"));
    m_relayPort->setRange(1, 65535);
    form->addRow(tr("Relay port"), m_relayPort);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const QString &code : LanguageSwitcher::available())
        m_language->addItem(LanguageSwitcher::nativeName(code), code);
    form->addRow(tr("Language"), m_language);
    m_kiosk = new QCheckBox(tr("Fill the screen, without a window frame (kiosk)"), this);
    m_kiosk->setObjectName(QStringLiteral("kioskCheck"));
    m_kiosk->setToolTip(tr("Applies as soon as the settings are saved. --fullscreen does the same for one run."));
    form->addRow(tr("Counter window"), m_kiosk);
    m_pin = addLine(form, QStringLiteral("pinEdit"), firstRun ? tr("Manager PIN") : tr("New manager PIN"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(firstRun ? tr("4 to 12 digits") : tr("unchanged"));
    m_pinRepeat = addLine(form, QStringLiteral("pinRepeatEdit"), tr("Repeat the PIN"));
    m_pinRepeat->setEchoMode(QLineEdit::Password);
    return form;
}

QLineEdit *SettingsDialog::addLine(QFormLayout *form, const QString &objectName, const QString &label)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(label);
    form->addRow(label, edit);
    return edit;
}

void SettingsDialog::load()
{
    m_mchId->setText(m_settings.mchId());
    m_jobNo->setText(m_settings.jobNo());
    m_gatewayUrl->setText(m_settings.gatewayBaseUrl());
    m_notifyUrl->setText(m_settings.notifyUrl());
    m_terminalId->setText(m_settings.terminalId());
    m_storeId->setText(m_settings.value(SettingKeys::StoreId));
    m_cashier->setText(m_settings.cashier());
    m_currency->setCurrentIndex(m_currency->findData(int(m_settings.saleCurrency())));
    m_relayMode->setCurrentIndex(m_relayMode->findData(int(m_settings.relayMode())));
    m_relayPort->setValue(m_settings.relayPort());
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.uiLanguage())));
    m_kiosk->setChecked(m_settings.value(SettingKeys::UiKiosk));
}

void SettingsDialog::showMessage(const QString &text, bool good)
{
    m_message->setText(text);
    m_message->setStyleSheet(good ? QStringLiteral("color: #1B5E20; font-weight: bold;")
                                  : QStringLiteral("color: #B00020; font-weight: bold;"));
}

Result<void> SettingsDialog::save()
{
    const QString pin = m_pin->text();
    if (m_firstRun && pin.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("Choose a manager PIN (4 to 12 digits)."));
    if (pin != m_pinRepeat->text())
        return fail(ErrorCode::InvalidArgument, tr("The two PINs differ."));
    if (m_firstRun && m_key->text().isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("Enter the merchant key."));
    // Validate everything before writing anything.
    const std::pair<QLineEdit *, Result<void>> checks[] = {
        {m_mchId, Settings::validateMchId(m_mchId->text().trimmed())},
        {m_jobNo, Settings::validateJobNo(m_jobNo->text().trimmed())},
        {m_gatewayUrl, Settings::validateGatewayBaseUrl(m_gatewayUrl->text().trimmed())},
        {m_notifyUrl, Settings::validateNotifyUrl(m_notifyUrl->text().trimmed())},
        {m_terminalId, Settings::validateTerminalId(m_terminalId->text().trimmed())},
        {m_storeId, Settings::validateStoreId(m_storeId->text().trimmed())},
        {m_cashier, Settings::validateCashier(m_cashier->text().trimmed())},
        {m_pin, pin.isEmpty() ? Result<void>() : validatePinFormat(pin)},
    };
    for (const auto &[field, check] : checks) {
        if (!check) {
            field->setFocus();
            return fail(check.error());
        }
    }
    PinVerifier verifier;
    if (!pin.isEmpty()) {
        auto made = makePinVerifier(pin);
        if (!made)
            return fail(made.error());
        verifier = *made;
    }
    if (!m_key->text().isEmpty()) {
        if (auto written = m_secrets.writeMerchantKey(MerchantKey(m_key->text().toUtf8())); !written)
            return fail(written.error());
        m_keySaved = true;
    }
    for (auto result :
         {m_settings.setMchId(m_mchId->text().trimmed()), m_settings.setJobNo(m_jobNo->text().trimmed()),
          m_settings.setGatewayBaseUrl(m_gatewayUrl->text().trimmed()),
          m_settings.setNotifyUrl(m_notifyUrl->text().trimmed()),
          m_settings.setTerminalId(m_terminalId->text().trimmed()), m_settings.setCashier(m_cashier->text().trimmed()),
          m_settings.setSaleCurrency(Currency(m_currency->currentData().toInt())),
          m_settings.setRelayMode(RelayMode(m_relayMode->currentData().toInt())),
          m_settings.setRelayPort(m_relayPort->value()), m_settings.setUiLanguage(m_language->currentData().toString()),
          m_settings.setValue(SettingKeys::UiKiosk, m_kiosk->isChecked()),
          m_settings.setValue(SettingKeys::StoreId, m_storeId->text().trimmed())}) {
        if (!result)
            return fail(result.error());
    }
    if (!verifier.isNull()) {
        if (auto stored = m_settings.setPinVerifier(verifier); !stored)
            return fail(stored.error());
    }
    return m_settings.sync();
}

void SettingsDialog::accept()
{
    auto saved = save();
    if (!saved) {
        const Error &error = saved.error();
        showMessage(error.code == ErrorCode::SecretUnavailable
                        ? tr("The merchant key could not be stored: %1").arg(error.detail)
                        : (error.detail.isEmpty() ? errorMessage(error) : error.detail),
                    false);
        return;
    }
    Q_EMIT languageSelected(m_language->currentData().toString());
    if (m_keySaved)
        Q_EMIT merchantKeySaved();
    QDialog::accept();
}

void SettingsDialog::testConnection()
{
    MerchantDetails details{m_mchId->text().trimmed(), m_jobNo->text().trimmed(), m_gatewayUrl->text().trimmed(), {}};
    if (!m_key->text().isEmpty()) {
        details.key = MerchantKey(m_key->text().toUtf8());
    } else {
        auto stored = m_secrets.readMerchantKey();
        if (!stored) {
            showMessage(tr("No merchant key to test with: %1").arg(stored.error().detail), false);
            return;
        }
        details.key = *stored;
    }
    auto made = m_makeGateway(details);
    if (!made) {
        showMessage(errorMessage(made.error()), false);
        return;
    }
    // Owned by the dialog until its answer is in.
    PaymentGateway *gateway = made->release();
    gateway->setParent(this);
    SystemClock clock;
    GatewayCall *call = gateway->queryOrder({probeOrderNumber(clock.nowUtcMs()), {}});
    m_test->setEnabled(false);
    showMessage(tr("Asking the gateway…"), true);
    connect(call, &GatewayCall::finished, this, [this, call, gateway] {
        m_test->setEnabled(true);
        showConnectionVerdict(call->result());
        gateway->deleteLater();
    });
}

void SettingsDialog::showConnectionVerdict(const Result<GatewayResponse> &result)
{
    switch (classifyConnectionCheck(result)) {
    case ConnectionVerdict::Ok:
        showMessage(tr("OK — the gateway accepted a signed request from this merchant."), true);
        break;
    case ConnectionVerdict::KeyWrong:
        showMessage(tr("The merchant key is wrong: the gateway reports a signature error."), false);
        break;
    case ConnectionVerdict::MerchantUnknown:
        showMessage(tr("The gateway does not know this merchant ID."), false);
        break;
    case ConnectionVerdict::NetworkDown:
        showMessage(tr("The gateway cannot be reached — check the network and the gateway URL."), false);
        break;
    default:
        showMessage(errorMessage(result.error()), false);
        break;
    }
}

} // namespace paydesk

// Settings saved in the settings screen apply while PayDesk runs, with the counter assembled as
// `paydesk` assembles it (app/common CounterAssembly, in-process relay): a new relay port moves
// the in-process relay there, a new language retranslates the window, a new cashier and currency
// apply to the next sale.

#include "CounterAssembly.h"
#include "DemoAssembly.h"
#include "GatewayFactory.h"

#include "orders/OrderLog.h"
#include "payment/Checkout.h"
#include "payment/Sale.h"
#include "relay/RelayService.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/SaleScreen.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort();
}

} // namespace

class TestLiveSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void relayPortChangeRestartsTheRelay();
    void relayPortTakenKeepsTheOldRelay();
    void languageChangeRetranslates();
    void kioskCheckboxAppliesAtOnce();
    void storeIdIsCheckedAndSaved();
    void saleSettingsApplyToTheNextSale();
    void gatewayChangeAppliesToTheNextSale();
    void testConnectionAsksTheGatewayOfTheEditedDetails();

private:
    // The HTTP status of GET /health on the port, 0 when nothing answers.
    int healthStatus(quint16 port);
    // Opens the settings screen over the running counter, lets `edit` change it, saves.
    bool saveInSettingsScreen(const std::function<void(SettingsDialog &)> &edit);
    template<typename T> T *child(QWidget &parent, const char *name)
    {
        return parent.findChild<T *>(QString::fromLatin1(name));
    }

    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<DemoEnvironment> m_demo;
    std::unique_ptr<CounterAssembly> m_counter;
    std::unique_ptr<LanguageSwitcher> m_language;
    std::unique_ptr<MainWindow> m_window;
    quint16 m_relayPort = 0;
};

void TestLiveSettings::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(u"paydesk.ini"_s));
    auto demo = startDemo(*m_settings, {}, m_clock, m_network.get());
    QVERIFY2(demo, demo ? "" : qPrintable(describe(demo.error())));
    m_demo = std::move(*demo);
    m_secrets = demoSecrets();
    // This counter hosts its own relay, as a real installation does.
    m_relayPort = freePort();
    QVERIFY(m_relayPort != 0);
    QVERIFY(m_settings->setRelayMode(RelayMode::InProcess));
    QVERIFY(m_settings->setRelayPort(m_relayPort));
    auto counter = CounterAssembly::build(*m_settings, *m_secrets, m_network.get(), m_clock);
    QVERIFY2(counter, counter ? "" : qPrintable(describe(counter.error())));
    m_counter = std::move(*counter);
    QVERIFY(m_counter->startRelay());
    m_counter->followSettings();
    m_language = std::make_unique<LanguageSwitcher>();
    QVERIFY(m_language->setLanguage(u"en"_s));

    CounterServices services;
    services.checkout = &m_counter->checkout();
    services.orderLog = &m_counter->orderLog();
    services.settings = m_settings.get();
    services.secrets = m_secrets.get();
    services.network = m_network.get();
    services.clock = &m_clock;
    services.language = m_language.get();
    services.refunds = &m_counter->refunds();
    services.reconciler = &m_counter->reconciler();
    m_window = std::make_unique<MainWindow>(services);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLiveSettings::cleanup()
{
    m_window.reset();
    m_language.reset();
    m_counter.reset();
    m_demo.reset();
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
    m_network.reset();
}

int TestLiveSettings::healthStatus(quint16 port)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:" + QString::number(port) + u"/health"));
    request.setTransferTimeout(5'000);
    QNetworkReply *reply = m_network->get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

bool TestLiveSettings::saveInSettingsScreen(const std::function<void(SettingsDialog &)> &edit)
{
    SettingsDialog dialog(*m_settings, *m_secrets, connectionTestGateways(m_network.get()), false, m_window.get());
    dialog.show();
    edit(dialog);
    dialog.accept();
    if (dialog.isVisible()) {
        qWarning("the settings screen refused to save: %s",
                 qPrintable(dialog.findChild<QLabel *>(u"settingsMessage"_s)->text()));
        return false;
    }
    return true;
}

// "Test connection" asks a gateway the assembly makes from what the screen holds, not from
// the saved settings: the demo merchant passes, an edited unknown merchant id is named as such.
void TestLiveSettings::testConnectionAsksTheGatewayOfTheEditedDetails()
{
    QList<MerchantDetails> asked;
    const auto assembly = connectionTestGateways(m_network.get());
    SettingsDialog dialog(
        *m_settings, *m_secrets,
        [&](const MerchantDetails &details) {
            asked.append(details);
            return assembly(details);
        },
        false, m_window.get());
    dialog.show();
    auto *test = child<QPushButton>(dialog, "testConnectionButton");
    auto *message = child<QLabel>(dialog, "settingsMessage");
    QVERIFY(test && message && test->isEnabled());

    test->click();
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 15'000);
    QCOMPARE(message->text(), u"OK — the gateway accepted a signed request from this merchant."_s);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked[0].mchId, m_settings->mchId());
    QCOMPARE(asked[0].gatewayBaseUrl, m_settings->gatewayBaseUrl());
    QVERIFY(asked[0].key.utf8() == QByteArray(DemoEnvironment::DemoKey)); // compared, never printed

    child<QLineEdit>(dialog, "mchIdEdit")->setText(u"99999999"_s);
    test->click();
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 15'000);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked[1].mchId, u"99999999"_s);
    QCOMPARE(message->text(), u"The gateway does not know this merchant ID."_s);
    QCOMPARE(m_settings->mchId(), asked[0].mchId); // nothing saved
}

// An installer types the counter's store in the settings screen: a malformed one is refused with
// the field's reason and nothing saved; a good one is kept, and shown again next time.
void TestLiveSettings::storeIdIsCheckedAndSaved()
{
    QCOMPARE(m_settings->value(SettingKeys::StoreId), QString());
    {
        SettingsDialog dialog(*m_settings, *m_secrets, connectionTestGateways(m_network.get()), false, m_window.get());
        dialog.show();
        auto *store = child<QLineEdit>(dialog, "storeIdEdit");
        QVERIFY(store && store->text().isEmpty());
        store->setText(u"Store-1"_s);
        dialog.accept();
        QVERIFY(dialog.isVisible()); // refused
        QVERIFY(!child<QLabel>(dialog, "settingsMessage")->text().isEmpty());
        QVERIFY(store->hasFocus() || !dialog.isActiveWindow());
        QCOMPARE(m_settings->value(SettingKeys::StoreId), QString());
    }
    QVERIFY(saveInSettingsScreen(
        [&](SettingsDialog &dialog) { child<QLineEdit>(dialog, "storeIdEdit")->setText(u" S12 "_s); }));
    QCOMPARE(m_settings->value(SettingKeys::StoreId), u"S12"_s);
    QVERIFY(saveInSettingsScreen(
        [&](SettingsDialog &dialog) { QCOMPARE(child<QLineEdit>(dialog, "storeIdEdit")->text(), u"S12"_s); }));
}

void TestLiveSettings::relayPortChangeRestartsTheRelay()
{
    QCOMPARE(healthStatus(m_relayPort), 200);
    const quint16 newPort = freePort();
    QVERIFY(newPort != 0 && newPort != m_relayPort);
    QSignalSpy restarted(m_counter.get(), &CounterAssembly::relayRestarted);
    QVERIFY(saveInSettingsScreen(
        [&](SettingsDialog &dialog) { child<QSpinBox>(dialog, "relayPortSpin")->setValue(newPort); }));
    QTRY_COMPARE(restarted.size(), 1); // once, although the screen saved every key
    QCOMPARE(restarted.first().first().value<quint16>(), newPort);
    QCOMPARE(m_counter->relay()->port(), newPort);
    QCOMPARE(healthStatus(newPort), 200);
    QCOMPARE(healthStatus(m_relayPort), 0); // the old listener is gone
    QTest::qWait(50);
    QCOMPARE(restarted.size(), 1);
}

void TestLiveSettings::relayPortTakenKeepsTheOldRelay()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    QSignalSpy failed(m_counter.get(), &CounterAssembly::applyFailed);
    QVERIFY(m_settings->setRelayPort(squatter.serverPort()));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), u"relay/port"_s);
    // Notifications keep arriving where they did.
    QVERIFY(m_counter->relay());
    QCOMPARE(m_counter->relay()->port(), m_relayPort);
    QCOMPARE(healthStatus(m_relayPort), 200);
}

void TestLiveSettings::languageChangeRetranslates()
{
    auto *settingsButton = child<QPushButton>(*m_window, "settingsButton");
    QCOMPARE(settingsButton->text(), u"Settings (F10)"_s);
    QVERIFY(saveInSettingsScreen([&](SettingsDialog &dialog) {
        auto *combo = child<QComboBox>(dialog, "languageCombo");
        combo->setCurrentIndex(combo->findData(u"fr_CA"_s));
    }));
    QCOMPARE(m_language->language(), u"fr_CA"_s);
    QTRY_COMPARE(settingsButton->text(), u"Paramètres (F10)"_s);
    QCOMPARE(m_settings->uiLanguage(), u"fr_CA"_s);
}

// The kiosk checkbox writes ui/kiosk; the counter goes full screen without a frame on saving, and
// back to a window when it is cleared.
void TestLiveSettings::kioskCheckboxAppliesAtOnce()
{
    QVERIFY(!m_window->isFullScreen());
    QVERIFY(saveInSettingsScreen([&](SettingsDialog &dialog) {
        auto *kiosk = child<QCheckBox>(dialog, "kioskCheck");
        QVERIFY(!kiosk->isChecked());
        kiosk->setChecked(true);
    }));
    QCOMPARE(m_settings->value(SettingKeys::UiKiosk), true);
    QTRY_VERIFY(m_window->isFullScreen());
    QVERIFY(m_window->windowFlags().testFlag(Qt::FramelessWindowHint));
    QVERIFY(saveInSettingsScreen([&](SettingsDialog &dialog) {
        auto *kiosk = child<QCheckBox>(dialog, "kioskCheck");
        QVERIFY(kiosk->isChecked()); // loaded from the setting
        kiosk->setChecked(false);
    }));
    QCOMPARE(m_settings->value(SettingKeys::UiKiosk), false);
    QTRY_VERIFY(!m_window->isFullScreen());
    QVERIFY(!m_window->windowFlags().testFlag(Qt::FramelessWindowHint));
}

void TestLiveSettings::saleSettingsApplyToTheNextSale()
{
    QVERIFY(saveInSettingsScreen([&](SettingsDialog &dialog) {
        child<QLineEdit>(dialog, "cashierEdit")->setText(u"Zoe"_s);
        auto *currency = child<QComboBox>(dialog, "currencyCombo");
        currency->setCurrentIndex(currency->findData(int(Currency::USD)));
    }));
    QCOMPARE(m_counter->checkout().config().cashier, u"Zoe"_s);
    QTest::keyClicks(child<QLineEdit>(*m_window, "amountEdit"), u"12.00"_s);
    QTest::mouseClick(child<QToolButton>(*m_window, "channel_WX_NATIVE"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(*m_window, "chargeButton"), Qt::LeftButton);
    QTRY_VERIFY(m_counter->checkout().current());
    const Order order = m_counter->checkout().current()->order();
    QCOMPARE(order.cashier, u"Zoe"_s);
    QCOMPARE(order.amount, (Money{1200, Currency::USD}));
    auto stored = m_counter->orderLog().orderById(order.id);
    QVERIFY(stored);
    QCOMPARE(stored->cashier, u"Zoe"_s);
    m_counter->checkout().current()->requestCancel();
}

void TestLiveSettings::gatewayChangeAppliesToTheNextSale()
{
    // A gateway that takes the connection and never answers: enough to see where the sale goes.
    QTcpServer gateway;
    QVERIFY(gateway.listen(QHostAddress::LocalHost));
    QSignalSpy reached(&gateway, &QTcpServer::newConnection);
    const QString url = u"http://127.0.0.1:" + QString::number(gateway.serverPort()) + u"/v1/";
    QVERIFY(saveInSettingsScreen(
        [&](SettingsDialog &dialog) { child<QLineEdit>(dialog, "gatewayUrlEdit")->setText(url); }));
    QCOMPARE(m_settings->gatewayBaseUrl(), url);
    QTest::keyClicks(child<QLineEdit>(*m_window, "amountEdit"), u"3.00"_s);
    QTest::mouseClick(child<QToolButton>(*m_window, "channel_ALIPAY_QR"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(*m_window, "chargeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!reached.isEmpty(), 10'000);
    QVERIFY(m_counter->checkout().current());
    m_counter->checkout().current()->requestCancel();
}

QTEST_MAIN(TestLiveSettings)
#include "test_live_settings.moc"

#include "config/FileSecretStore.h"
#include "config/SecretStore.h"
#include "config/Settings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace paydesk;
using namespace Qt::StringLiterals;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults();
    void defaultFilePath();
    void roundTrip();
    void survivesReopen();
    void validationMessages_data();
    void validationMessages();
    void refusedValueIsNotWritten();
    void invalidStoredValuesFallBackToDefaults();
    void resetKey();
    void migratesNewFile();
    void migratesVersionZeroFile();
    void refusesNewerVersion();
    void refusesGarbageVersion();
    void fileIsOwnerOnly();
    void storeIdAndInstance();
    void relayReconcileMinimumAge();
    void merchantKeyNeverInSettings();
    void onlineOrderKeys();
    void onlineOrderKeysRefusedAllOrNothing();
    void onlineOrderKeysFromHandWrittenFile();

private:
    QString freshPath();
    static QByteArray readAll(const QString &path);
    static void writeText(const QString &path, const QByteArray &text);
    // Sets every key to a non-default value; the key-absence scan relies on "every".
    static void setEverything(Settings &settings);

    QTemporaryDir m_dir;
    int m_counter = 0;
};

namespace {

const QByteArray TestKey = "TESTKEY0123456789"_ba;

} // namespace

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString TestSettings::freshPath()
{
    return m_dir.filePath(u"paydesk-"_s + QString::number(++m_counter) + u".ini");
}

QByteArray TestSettings::readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestSettings::writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

void TestSettings::defaults()
{
    const Settings settings(freshPath());
    QCOMPARE(settings.mchId(), QString());
    QCOMPARE(settings.jobNo(), QString());
    QCOMPARE(settings.gatewayBaseUrl(), u"https://api.iotpaycloud.com/v1/"_s);
    QCOMPARE(settings.notifyUrl(), QString());
    QCOMPARE(settings.gatewayDeadlineMs(), 15000);
    QCOMPARE(settings.terminalId(), u"POS01"_s);
    QCOMPARE(settings.cashier(), QString());
    QCOMPARE(settings.saleCurrency(), Currency::CAD);
    QCOMPARE(settings.maxAmountMinor(), qint64(10'000'000));
    QCOMPARE(settings.validitySeconds(), 300);
    QCOMPARE(settings.graceMs(), 5000);
    QCOMPARE(settings.queryIntervalMs(), 3000);
    QCOMPARE(settings.relayMode(), RelayMode::InProcess);
    QCOMPARE(settings.relayListenAddress(), u"127.0.0.1"_s);
    QCOMPARE(settings.relayPort(), 8787);
    QCOMPARE(settings.relayPath(), u"/notify/iotpay"_s);
    QCOMPARE(settings.orderLogPath(),
             QString(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/orders.sqlite"));
    QCOMPARE(settings.uiLanguage(), u"en"_s);
    QCOMPARE(settings.reportTimeZoneId(), QTimeZone::systemTimeZoneId());
    QVERIFY(settings.reportTimeZone().isValid());
    QCOMPARE(settings.reportCutoffHour(), 4);
    QVERIFY(settings.pinVerifier().isNull());
    QCOMPARE(settings.pinLockoutState(), PinLockoutState{});
    QCOMPARE(settings.merchantName(), QString());
    QCOMPARE(settings.managerIdleLockMinutes(), 5);
    QCOMPARE(settings.escPosPrinter(), EscPosPrinterConfig{});
    QCOMPARE(settings.escPosPrinter().connection, EscPosConnection::None);
    QCOMPARE(settings.escPosPrinter().port, 9100);
    QCOMPARE(settings.escPosPrinter().charsPerLine, 42);
    QCOMPARE(settings.onlineOrders(), OnlineOrderSettings{});
    QVERIFY(!settings.onlineOrders().apiEnabled);
    QVERIFY(!settings.onlineOrders().ionlineEnabled);
    QCOMPARE(settings.onlineOrders().ionlineCurrency, Currency::HKD);
    QCOMPARE(settings.relayReconcileSeconds(), 60);
    QCOMPARE(settings.storedVersion(), 0);
    QVERIFY(settings.validateAll().isEmpty());
    // Reading defaults writes nothing.
    QVERIFY(!QFile::exists(settings.filePath()));
}

void TestSettings::defaultFilePath()
{
    const QString path = Settings::defaultFilePath();
    QCOMPARE(path, QString(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/paydesk.ini"));
}

// Every api/* and ionline/* key away from its default.
static OnlineOrderSettings everyOnlineOrderKey()
{
    OnlineOrderSettings online;
    online.apiEnabled = true;
    online.apiListenAddress = u"0.0.0.0"_s;
    online.apiPort = 9088;
    online.apiSecretFile = u"/etc/paydesk/api.secret"_s;
    online.apiTerminalId = u"SHOP"_s;
    online.apiRatePerMinute = 300;
    online.apiBurst = 40;
    online.apiDefaultGateway = u"ionline"_s;
    online.publicUrl = u"https://pay.example.com"_s;
    online.ionlineEnabled = true;
    online.ionlineMchId = u"10085200000000"_s;
    online.ionlineCurrency = Currency::USD;
    online.ionlineKeyFile = u"/etc/paydesk/ionline.key"_s;
    online.ionlineGatewayUrl = u"https://sandbox.ionlinepay.example/gateway/"_s;
    online.ionlineNotifyPath = u"/hooks/ionline"_s;
    return online;
}

void TestSettings::setEverything(Settings &settings)
{
    const Result<PinVerifier> verifier = makePinVerifier(u"8642", MinPinIterations);
    QVERIFY(verifier.has_value());
    const QList<Result<void>> results{
        settings.setMchId(u"10000701"_s),
        settings.setJobNo(u"cashier01"_s),
        settings.setGatewayBaseUrl(u"https://sandbox.example.com/api/v1/"_s),
        settings.setNotifyUrl(u"https://shop.example.com/notify/iotpay"_s),
        settings.setGatewayDeadlineMs(20000),
        settings.setTerminalId(u"POS07"_s),
        settings.setCashier(u"Zoé 王"_s),
        settings.setValue(SettingKeys::StoreId, u"S1"_s),
        settings.setValue(SettingKeys::InstanceId, u"0b6f6a52-3c52-4a8e-9d7e-5f1f4a2b9c11"_s),
        settings.setSaleCurrency(Currency::USD),
        settings.setMaxAmountMinor(500000),
        settings.setValiditySeconds(600),
        settings.setGraceMs(2000),
        settings.setQueryIntervalMs(4000),
        settings.setRelayMode(RelayMode::Service),
        settings.setRelayListenAddress(u"::1"_s),
        settings.setRelayPort(9443),
        settings.setRelayPath(u"/hooks/pay-notify"_s),
        settings.setOrderLogPath(u"/var/lib/paydesk/orders.sqlite"_s),
        settings.setUiLanguage(u"fr_CA"_s),
        settings.setValue(SettingKeys::UiKiosk, true),
        settings.setReportTimeZoneId("America/Vancouver"_ba),
        settings.setReportCutoffHour(3),
        settings.setPinVerifier(*verifier),
        settings.setPinLockoutState({3, 1'700'000'000'000}),
        settings.setMerchantName(u"Café Lumière 咖啡"_s),
        settings.setManagerIdleLockMinutes(12),
        settings.setEscPosPrinter(
            {EscPosConnection::Tcp, u"printer.shop.lan"_s, 9101, u"/dev/usb/lp1"_s, EscPosCharset::Gb18030, 32}),
        settings.setOnlineOrders(everyOnlineOrderKey()),
        settings.setRelayReconcileSeconds(90),
        settings.setValue(SettingKeys::RelayReconcileMinAgeSeconds, 120),
    };
    for (const Result<void> &result : results)
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : describe(result.error())));
}

void TestSettings::roundTrip()
{
    Settings settings(freshPath());
    setEverything(settings);
    QCOMPARE(settings.mchId(), u"10000701"_s);
    QCOMPARE(settings.jobNo(), u"cashier01"_s);
    QCOMPARE(settings.gatewayBaseUrl(), u"https://sandbox.example.com/api/v1/"_s);
    QCOMPARE(settings.notifyUrl(), u"https://shop.example.com/notify/iotpay"_s);
    QCOMPARE(settings.gatewayDeadlineMs(), 20000);
    QCOMPARE(settings.terminalId(), u"POS07"_s);
    QCOMPARE(settings.cashier(), u"Zoé 王"_s);
    QCOMPARE(settings.saleCurrency(), Currency::USD);
    QCOMPARE(settings.maxAmountMinor(), qint64(500000));
    QCOMPARE(settings.validitySeconds(), 600);
    QCOMPARE(settings.graceMs(), 2000);
    QCOMPARE(settings.queryIntervalMs(), 4000);
    QCOMPARE(settings.relayMode(), RelayMode::Service);
    QCOMPARE(settings.relayListenAddress(), u"::1"_s);
    QCOMPARE(settings.relayPort(), 9443);
    QCOMPARE(settings.relayPath(), u"/hooks/pay-notify"_s);
    QCOMPARE(settings.orderLogPath(), u"/var/lib/paydesk/orders.sqlite"_s);
    QCOMPARE(settings.uiLanguage(), u"fr_CA"_s);
    QCOMPARE(settings.reportTimeZoneId(), "America/Vancouver"_ba);
    QCOMPARE(settings.reportTimeZone().id(), "America/Vancouver"_ba);
    QCOMPARE(settings.reportCutoffHour(), 3);
    QVERIFY(verifyPin(settings.pinVerifier(), u"8642"));
    QCOMPARE(settings.pinLockoutState(), (PinLockoutState{3, 1'700'000'000'000}));
    QCOMPARE(settings.merchantName(), u"Café Lumière 咖啡"_s);
    QCOMPARE(settings.managerIdleLockMinutes(), 12);
    QCOMPARE(settings.escPosPrinter(),
             (EscPosPrinterConfig{EscPosConnection::Tcp, u"printer.shop.lan"_s, 9101, u"/dev/usb/lp1"_s,
                                  EscPosCharset::Gb18030, 32}));
    QCOMPARE(settings.onlineOrders(), everyOnlineOrderKey());
    QCOMPARE(settings.relayReconcileSeconds(), 90);
    QCOMPARE(settings.value(SettingKeys::RelayReconcileMinAgeSeconds), 120);
    QVERIFY(settings.validateAll().isEmpty());
}

void TestSettings::survivesReopen()
{
    const QString path = freshPath();
    {
        Settings settings(path);
        QVERIFY(settings.migrate().has_value());
        setEverything(settings);
        QVERIFY(settings.sync().has_value());
    }
    const Settings reopened(path);
    QCOMPARE(reopened.storedVersion(), Settings::CurrentVersion);
    QCOMPARE(reopened.relayPort(), 9443);
    QCOMPARE(reopened.relayMode(), RelayMode::Service);
    QCOMPARE(reopened.saleCurrency(), Currency::USD);
    QCOMPARE(reopened.maxAmountMinor(), qint64(500000));
    QCOMPARE(reopened.cashier(), u"Zoé 王"_s);
    QCOMPARE(reopened.reportTimeZoneId(), "America/Vancouver"_ba);
    QVERIFY(verifyPin(reopened.pinVerifier(), u"8642"));
    QVERIFY(!verifyPin(reopened.pinVerifier(), u"8641"));
    QCOMPARE(reopened.pinLockoutState(), (PinLockoutState{3, 1'700'000'000'000}));
    QVERIFY(reopened.validateAll().isEmpty());
    // Plain, human-readable INI: an installer can check it with a text editor.
    const QByteArray text = readAll(path);
    QVERIFY(text.contains("[relay]"));
    QVERIFY(text.contains("port=9443"));
    QVERIFY(text.contains("mode=service"));
    QVERIFY(text.contains("currency=USD"));
    QVERIFY(text.contains("escposConnection=tcp"));
    QVERIFY(text.contains("escposCharset=gb18030"));
    QCOMPARE(reopened.escPosPrinter().host, u"printer.shop.lan"_s);
    QCOMPARE(reopened.merchantName(), u"Café Lumière 咖啡"_s);
    QCOMPARE(reopened.managerIdleLockMinutes(), 12);
}

void TestSettings::validationMessages_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("detail"); // empty: accepted

    Settings probe(freshPath());
    auto add = [](const char *name, const Result<void> &result, const QString &expected) {
        QTest::newRow(name) << (result ? QString() : result.error().detail) << expected;
    };
    add("port 0", probe.setRelayPort(0), u"relay/port: must be between 1 and 65535, got 0"_s);
    add("port 65536", probe.setRelayPort(65536), u"relay/port: must be between 1 and 65535, got 65536"_s);
    add("port 1", probe.setRelayPort(1), QString());
    add("port 65535", probe.setRelayPort(65535), QString());
    add("notify with ?", probe.setNotifyUrl(u"https://shop.example.com/notify?x=1"_s),
        u"gateway/notifyUrl: must not contain '?': the gateway appends its own query string"_s);
    add("notify relative", probe.setNotifyUrl(u"/notify/iotpay"_s),
        u"gateway/notifyUrl: must start with https:// or http://"_s);
    add("notify ftp", probe.setNotifyUrl(u"ftp://shop.example.com/notify"_s),
        u"gateway/notifyUrl: must start with https:// or http://"_s);
    add("notify empty", probe.setNotifyUrl(QString()), u"gateway/notifyUrl: must not be empty"_s);
    add("notify fragment", probe.setNotifyUrl(u"https://shop.example.com/n#x"_s),
        u"gateway/notifyUrl: must not contain '#'"_s);
    add("notify too long", probe.setNotifyUrl(u"https://shop.example.com/"_s + QString(180, u'n')),
        u"gateway/notifyUrl: must be at most 200 characters, got 205"_s);
    add("notify http ok", probe.setNotifyUrl(u"http://203.0.113.5:8787/notify/iotpay"_s), QString());
    add("base url without slash", probe.setGatewayBaseUrl(u"https://api.iotpaycloud.com/v1"_s),
        u"gateway/baseUrl: must end with '/', like https://api.iotpaycloud.com/v1/"_s);
    add("terminal dash", probe.setTerminalId(u"POS-01"_s),
        u"terminal/id: the terminal id is 1 to 8 letters or digits"_s);
    add("terminal 9", probe.setTerminalId(u"POS012345"_s),
        u"terminal/id: the terminal id is 1 to 8 letters or digits"_s);
    add("terminal empty", probe.setTerminalId(QString()),
        u"terminal/id: the terminal id is 1 to 8 letters or digits"_s);
    add("terminal 8", probe.setTerminalId(u"POS01234"_s), QString());
    add("mchId empty", probe.setMchId(QString()), u"merchant/mchId: the merchant id is required"_s);
    add("mchId underscore", probe.setMchId(u"100_701"_s),
        u"merchant/mchId: the merchant id is 1 to 30 letters or digits"_s);
    add("mchId 31", probe.setMchId(QString(31, u'1')),
        u"merchant/mchId: the merchant id is 1 to 30 letters or digits"_s);
    add("mchId 30", probe.setMchId(QString(30, u'1')), QString());
    add("cutoff 24", probe.setReportCutoffHour(24), u"report/cutoffHour: must be between 0 and 23, got 24"_s);
    add("cutoff -1", probe.setReportCutoffHour(-1), u"report/cutoffHour: must be between 0 and 23, got -1"_s);
    add("cutoff 0", probe.setReportCutoffHour(0), QString());
    add("time zone", probe.setReportTimeZoneId("Mars/Olympus_Mons"_ba),
        u"report/timeZone: is not a known IANA time zone id: \"Mars/Olympus_Mons\""_s);
    add("language", probe.setUiLanguage(u"de"_s), u"ui/language: must be en, fr_CA or zh_CN, got \"de\""_s);
    add("listen address", probe.setRelayListenAddress(u"localhost"_s),
        u"relay/listenAddress: must be an IPv4 or IPv6 address such as 127.0.0.1, got \"localhost\""_s);
    add("listen any", probe.setRelayListenAddress(u"0.0.0.0"_s), QString());
    add("relay path", probe.setRelayPath(u"notify"_s),
        u"relay/path: must look like /notify/iotpay: starts with '/', letters, digits, '-', '_', '.', '~' "
        u"and single '/'"_s);
    add("relay path root", probe.setRelayPath(u"/"_s),
        u"relay/path: must look like /notify/iotpay: starts with '/', letters, digits, '-', '_', '.', '~' "
        u"and single '/'"_s);
    add("relay mode", probe.setRelayMode(RelayMode::Invalid), u"relay/mode: must be \"in-process\" or \"service\""_s);
    add("currency", probe.setSaleCurrency(Currency::Invalid), u"sale/currency: must be CAD, USD or CNY"_s);
    add("currency HKD at the counter", probe.setSaleCurrency(Currency::HKD),
        u"sale/currency: must be CAD, USD or CNY"_s);
    add("reconcile 5 s", probe.setRelayReconcileSeconds(5),
        u"relay/reconcileSeconds: must be between 10 and 86400 s (or 0 for off), got 5"_s);
    add("reconcile off", probe.setRelayReconcileSeconds(0), QString());
    add("max amount 0", probe.setMaxAmountMinor(0),
        u"sale/maxAmountMinor: must be between 1 and 2147483647 minor units, got 0"_s);
    add("deadline", probe.setGatewayDeadlineMs(999),
        u"gateway/deadlineMs: must be between 1000 and 120000 ms, got 999"_s);
    add("validity", probe.setValiditySeconds(10), u"sale/validitySeconds: must be between 30 and 7200 s, got 10"_s);
    add("grace", probe.setGraceMs(-1), u"sale/graceMs: must be between 0 and 60000 ms, got -1"_s);
    add("interval", probe.setQueryIntervalMs(100),
        u"sale/queryIntervalMs: must be between 1000 and 60000 ms, got 100"_s);
    add("order log relative", probe.setOrderLogPath(u"orders.sqlite"_s),
        u"store/orderLogPath: must be an absolute file path or a postgresql:// URL, got \"orders.sqlite\""_s);
    add("order log store URL", probe.setOrderLogPath(u"postgresql://counter1@db.example/store?sslmode=verify-full"_s),
        QString());
    add("order log URL with a password", probe.setOrderLogPath(u"postgresql://counter1:hunter2@db/store"_s),
        u"store/orderLogPath: must be a postgresql://user@host/db URL without a password (use a passfile)"_s);
    add("null pin verifier", probe.setPinVerifier(PinVerifier{}),
        u"manager/pinVerifier: is empty; use clearPinVerifier() to remove the PIN"_s);
    add("negative attempts", probe.setPinLockoutState({-1, 0}),
        u"manager/failedAttempts: must be between 0 and 1000000, got -1"_s);
    add("cashier control", probe.setCashier(u"a\tb"_s),
        u"terminal/cashier: the cashier name is at most 64 printable characters"_s);
    add("job too long", probe.setJobNo(QString(51, u'j')),
        u"merchant/jobNo: the login name is at most 50 printable characters"_s);
    add("merchant name control", probe.setMerchantName(u"Caf\x1b\x40"_s),
        u"merchant/name: the merchant name is at most 64 printable characters"_s);
    add("merchant name 65", probe.setMerchantName(QString(65, u'm')),
        u"merchant/name: the merchant name is at most 64 printable characters"_s);
    add("idle lock 0", probe.setManagerIdleLockMinutes(0),
        u"manager/idleLockMinutes: must be between 1 and 240 minutes, got 0"_s);
    add("idle lock 240", probe.setManagerIdleLockMinutes(240), QString());
    add("tcp printer without host",
        probe.setEscPosPrinter({EscPosConnection::Tcp, {}, 9100, {}, EscPosCharset::Ascii, 42}),
        u"receipt/escposConnection: a network printer needs its host name or IP address"_s);
    add("device printer without path",
        probe.setEscPosPrinter({EscPosConnection::DeviceFile, {}, 9100, {}, EscPosCharset::Ascii, 42}),
        u"receipt/escposConnection: a printer device needs its path"_s);
    add("printer host with scheme",
        probe.setEscPosPrinter({EscPosConnection::Tcp, u"tcp://10.0.0.5"_s, 9100, {}, EscPosCharset::Ascii, 42}),
        u"receipt/escposHost: must be a host name or IP address such as 192.168.1.50, got \"tcp://10.0.0.5\""_s);
    add("printer port 0",
        probe.setEscPosPrinter({EscPosConnection::Tcp, u"10.0.0.5"_s, 0, {}, EscPosCharset::Ascii, 42}),
        u"receipt/escposPort: must be between 1 and 65535, got 0"_s);
    add("printer device relative",
        probe.setEscPosPrinter({EscPosConnection::DeviceFile, {}, 9100, u"lp0"_s, EscPosCharset::Ascii, 42}),
        u"receipt/escposDevice: must be an absolute device path such as /dev/usb/lp0, or COM1/LPT1, got \"lp0\""_s);
    add("printer width 20", probe.setEscPosPrinter({EscPosConnection::None, {}, 9100, {}, EscPosCharset::Ascii, 20}),
        u"receipt/charsPerLine: must be between 24 and 64 characters, got 20"_s);
    add("printer charset", probe.setEscPosPrinter({EscPosConnection::None, {}, 9100, {}, EscPosCharset::Invalid, 42}),
        u"receipt/escposCharset: must be \"ascii\" or \"gb18030\""_s);
    add("printer COM3",
        probe.setEscPosPrinter({EscPosConnection::DeviceFile, {}, 9100, u"COM3"_s, EscPosCharset::Ascii, 42}),
        QString());
    add("printer ipv6",
        probe.setEscPosPrinter({EscPosConnection::Tcp, u"fd00::50"_s, 9100, {}, EscPosCharset::Ascii, 48}), QString());
}

void TestSettings::validationMessages()
{
    QFETCH(QString, what);
    QFETCH(QString, detail);
    QCOMPARE(what, detail);
}

void TestSettings::refusedValueIsNotWritten()
{
    Settings settings(freshPath());
    QVERIFY(settings.setRelayPort(9000).has_value());
    const Result<void> refused = settings.setRelayPort(70000);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(settings.relayPort(), 9000);
    QVERIFY(!settings.setNotifyUrl(u"https://x.example/n?a=b"_s));
    QCOMPARE(settings.notifyUrl(), QString());
    // The static rules are the same ones, usable before saving.
    QVERIFY(Settings::validatePort(443).has_value());
    QCOMPARE(Settings::validateTerminalId(u"A B"_s).error().code, ErrorCode::InvalidArgument);
}

void TestSettings::invalidStoredValuesFallBackToDefaults()
{
    const QString path = freshPath();
    writeText(path,
              "settingsVersion=1\n"
              "[relay]\nport=99999\nmode=sideways\nlistenAddress=127.0.0.1\n"
              "[terminal]\nid=BAD-ID!\n"
              "[sale]\ncurrency=EUR\nmaxAmountMinor=lots\ngraceMs=2500\n"
              "[manager]\npinVerifier=plaintext-1234\n"
              "[report]\ncutoffHour=4, 5\n"
              "[receipt]\nescposConnection=tcp\nescposHost=\nescposCharset=ebcdic\n");
    const Settings settings(path);
    QCOMPARE(settings.relayPort(), 8787);
    QCOMPARE(settings.relayMode(), RelayMode::InProcess);
    QCOMPARE(settings.terminalId(), u"POS01"_s);
    QCOMPARE(settings.saleCurrency(), Currency::CAD);
    QCOMPARE(settings.maxAmountMinor(), qint64(10'000'000));
    QVERIFY(settings.pinVerifier().isNull());
    QCOMPARE(settings.reportCutoffHour(), 4);
    QCOMPARE(settings.graceMs(), 2500); // the valid neighbours still apply
    // "tcp" without a host prints nowhere rather than somewhere wrong.
    QCOMPARE(settings.escPosPrinter().connection, EscPosConnection::None);
    QCOMPARE(settings.escPosPrinter().charset, EscPosCharset::Ascii);

    QStringList problems;
    for (const Error &error : settings.validateAll()) {
        QCOMPARE(error.code, ErrorCode::InvalidArgument);
        problems << error.detail.section(u':', 0, 0);
    }
    problems.sort();
    QCOMPARE(problems,
             (QStringList{u"manager/pinVerifier"_s, u"receipt/escposCharset"_s, u"relay/mode"_s, u"relay/port"_s,
                          u"report/cutoffHour"_s, u"sale/currency"_s, u"sale/maxAmountMinor"_s, u"terminal/id"_s}));
}

void TestSettings::resetKey()
{
    Settings settings(freshPath());
    QVERIFY(settings.setRelayPort(9000).has_value());
    QVERIFY(settings.resetKey(u"relay/port"_s));
    QCOMPARE(settings.relayPort(), 8787);
    QVERIFY(!settings.resetKey(u"relay/nonsense"_s));
    QVERIFY(!settings.resetKey(u"settingsVersion"_s));
}

void TestSettings::migratesNewFile()
{
    Settings settings(freshPath());
    const Result<SettingsMigration> migration = settings.migrate();
    QVERIFY(migration.has_value());
    QCOMPARE(migration->fromVersion, Settings::CurrentVersion);
    QCOMPARE(migration->toVersion, Settings::CurrentVersion);
    QCOMPARE(migration->notes, QStringList{u"new settings file"_s});
    QCOMPARE(settings.storedVersion(), Settings::CurrentVersion);
    QVERIFY(readAll(settings.filePath()).contains("settingsVersion=1"));
}

// A file from before settingsVersion existed, with a merchant key typed into it by hand.
void TestSettings::migratesVersionZeroFile()
{
    const QString path = freshPath();
    writeText(path,
              "[merchant]\nmchId=10000701\nkey=" + TestKey + "\nmerchantKey=" + TestKey
                  + "\n[gateway]\nnotifyUrl=https://shop.example.com/notify\napiSecret=" + TestKey
                  + "\n[relay]\nport=9000\n");
    Settings settings(path);
    QCOMPARE(settings.storedVersion(), 0);
    const Result<SettingsMigration> migration = settings.migrate();
    QVERIFY2(migration.has_value(), qPrintable(migration ? QString() : describe(migration.error())));
    QCOMPARE(migration->fromVersion, 0);
    QCOMPARE(migration->toVersion, 1);
    QCOMPARE(migration->notes.size(), 4);
    QVERIFY(migration->notes[0].startsWith(u"removed \"gateway/apiSecret\""));
    QVERIFY(migration->notes[1].startsWith(u"removed \"merchant/key\""));
    QVERIFY(migration->notes[2].startsWith(u"removed \"merchant/merchantKey\""));
    QCOMPARE(migration->notes[3], u"migrated from settings version 0 to 1"_s);
    for (const QString &note : migration->notes)
        QVERIFY(!note.contains(QString::fromLatin1(TestKey)));

    QCOMPARE(settings.storedVersion(), 1);
    QCOMPARE(settings.mchId(), u"10000701"_s);
    QCOMPARE(settings.notifyUrl(), u"https://shop.example.com/notify"_s);
    QCOMPARE(settings.relayPort(), 9000);
    QVERIFY(!readAll(path).contains(TestKey));

    const Result<SettingsMigration> again = settings.migrate();
    QVERIFY(again.has_value());
    QCOMPARE(again->fromVersion, 1);
    QVERIFY(again->notes.isEmpty());
}

void TestSettings::refusesNewerVersion()
{
    const QString path = freshPath();
    const QByteArray text = "settingsVersion=7\n[relay]\nport=9000\nfutureThing=1\n";
    writeText(path, text);
    Settings settings(path);
    const Result<SettingsMigration> migration = settings.migrate();
    QVERIFY(!migration);
    QCOMPARE(migration.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(migration.error().detail.contains(u"newer PayDesk (settings version 7"),
             qPrintable(migration.error().detail));
    QCOMPARE(readAll(path), text);
}

void TestSettings::refusesGarbageVersion()
{
    const QString path = freshPath();
    writeText(path, "settingsVersion=one\n");
    Settings settings(path);
    QCOMPARE(settings.storedVersion(), -1);
    QVERIFY(!settings.migrate());
    QCOMPARE(settings.validateAll().size(), 1);
}

void TestSettings::fileIsOwnerOnly()
{
    const QString path = freshPath();
    Settings settings(path);
    QVERIFY(settings.setRelayPort(9000).has_value());
    QVERIFY(settings.sync().has_value());
    struct stat st
    {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QVERIFY(settings.setRelayPort(9001).has_value());
    QVERIFY(settings.sync().has_value());
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);

    Settings unwritable(u"/proc/paydesk-cannot-write-here/paydesk.ini"_s);
    QVERIFY(unwritable.setRelayPort(9000).has_value());
    const Result<void> synced = unwritable.sync();
    QVERIFY(!synced);
    QCOMPARE(synced.error().code, ErrorCode::ConfigMissing);
}

void TestSettings::storeIdAndInstance()
{
    // Empty by default: a single counter with its own order log belongs to no store.
    Settings settings(freshPath());
    QVERIFY(settings.migrate().has_value());
    QCOMPARE(settings.value(SettingKeys::StoreId), QString());
    QCOMPARE(settings.value(SettingKeys::InstanceId), QString());
    QVERIFY(Settings::validateStoreId(QString()));
    QVERIFY(Settings::validateStoreId(u"S1"_s));
    QVERIFY(Settings::validateStoreId(u"ABCDEFGH"_s));
    QVERIFY(!Settings::validateStoreId(u"ABCDEFGHI"_s));
    QVERIFY(!Settings::validateStoreId(u"S-1"_s));
    QVERIFY(!Settings::validateStoreId(u"Sé"_s));
    QVERIFY(!settings.setValue(SettingKeys::StoreId, u"S 1"_s));
    QVERIFY(settings.setValue(SettingKeys::StoreId, u"S2"_s));
    QCOMPARE(settings.value(SettingKeys::StoreId), u"S2"_s);
    QVERIFY(!Settings::validateInstanceId(u" padded"_s));
    QVERIFY(!Settings::validateInstanceId(QString(65, u'a')));
}

// How old an open order must be before the relay asks the gateway about it: 60 s by default,
// 0 to 86400 s; an out-of-range value is refused (and, written by hand, falls back to 60).
void TestSettings::relayReconcileMinimumAge()
{
    Settings settings(freshPath());
    QCOMPARE(settings.value(SettingKeys::RelayReconcileMinAgeSeconds), 60);
    QCOMPARE(SettingKeys::RelayReconcileMinAgeSeconds.name, u"relay/reconcileMinAgeSeconds");
    QVERIFY(Settings::validateReconcileMinAgeSeconds(0));
    QVERIFY(Settings::validateReconcileMinAgeSeconds(86'400));
    QCOMPARE(Settings::validateReconcileMinAgeSeconds(-1).error().detail, u"must be between 0 and 86400 s, got -1"_s);
    QVERIFY(!Settings::validateReconcileMinAgeSeconds(86'401));
    const auto refused = settings.setValue(SettingKeys::RelayReconcileMinAgeSeconds, 86'401);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.error().detail, u"relay/reconcileMinAgeSeconds: must be between 0 and 86400 s, got 86401"_s);
    QCOMPARE(settings.value(SettingKeys::RelayReconcileMinAgeSeconds), 60);
    QVERIFY(settings.setValue(SettingKeys::RelayReconcileMinAgeSeconds, 0));
    QCOMPARE(Settings(settings.filePath()).value(SettingKeys::RelayReconcileMinAgeSeconds), 0);
    QVERIFY(settings.setValue(SettingKeys::RelayReconcileMinAgeSeconds, 300));
    QCOMPARE(Settings(settings.filePath()).value(SettingKeys::RelayReconcileMinAgeSeconds), 300);

    const QString path = freshPath();
    writeText(path, "settingsVersion=1\n[relay]\nreconcileMinAgeSeconds=-5\nreconcileSeconds=30\n");
    const Settings handWritten(path);
    QCOMPARE(handWritten.value(SettingKeys::RelayReconcileMinAgeSeconds), 60);
    QCOMPARE(handWritten.relayReconcileSeconds(), 30);
    const QList<Error> problems = handWritten.validateAll();
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().detail.startsWith(u"relay/reconcileMinAgeSeconds:"));
}

void TestSettings::merchantKeyNeverInSettings()
{
    // No key of the settings file may even look like a place for a secret.
    static const QRegularExpression secretLike(u"key|secret|password|token"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    for (const QString &name : Settings::knownKeys())
        QVERIFY2(!secretLike.match(name).hasMatch(), qPrintable(name));

    // Configure everything an installer would, with the key going where it belongs.
    const QString path = freshPath();
    {
        Settings settings(path);
        QVERIFY(settings.migrate().has_value());
        setEverything(settings);
        MemorySecretStore keychain;
        QVERIFY(keychain.writeMerchantKey(MerchantKey(TestKey)).has_value());
        FileSecretStore keyFile(m_dir.filePath(u"merchant.key"_s));
        QVERIFY(keyFile.writeMerchantKey(MerchantKey(TestKey)).has_value());
        QVERIFY(settings.sync().has_value());
    }
    // Everything was set: the file holds exactly the known keys.
    QSettings raw(path, QSettings::IniFormat);
    QStringList written = raw.allKeys();
    QStringList known = Settings::knownKeys();
    written.sort();
    known.sort();
    QCOMPARE(written, known);

    const QByteArray text = readAll(path);
    QVERIFY(!text.isEmpty());
    QVERIFY(!text.contains(TestKey));
    QVERIFY(!text.contains(TestKey.toBase64()));
    QVERIFY(!text.contains(TestKey.toHex()));
    QVERIFY(!text.toLower().contains(TestKey.toLower()));
}

void TestSettings::onlineOrderKeys()
{
    const QString path = freshPath();
    OnlineOrderSettings online = everyOnlineOrderKey();
    online.ionlineCurrency = Currency::HKD;
    {
        Settings settings(path);
        QVERIFY(settings.migrate().has_value());
        QVERIFY(settings.setOnlineOrders(online).has_value());
        QVERIFY(settings.setRelayReconcileSeconds(120).has_value());
        QVERIFY(settings.sync().has_value());
    }
    const Settings reopened(path);
    QCOMPARE(reopened.onlineOrders(), online);
    QCOMPARE(reopened.relayReconcileSeconds(), 120);
    QVERIFY(reopened.validateAll().isEmpty());
    const QByteArray text = readAll(path);
    QVERIFY(text.contains("[api]"));
    QVERIFY(text.contains("enabled=true"));
    QVERIFY(text.contains("[ionline]"));
    QVERIFY(text.contains("currency=HKD"));
    // File names only: the secrets themselves are never in the settings file.
    QVERIFY(text.contains("hmacFile=/etc/paydesk/api.secret"));
}

void TestSettings::onlineOrderKeysRefusedAllOrNothing()
{
    Settings settings(freshPath());
    OnlineOrderSettings good;
    good.apiEnabled = true;
    QVERIFY(settings.setOnlineOrders(good).has_value());

    const auto refused = [&settings](OnlineOrderSettings bad) {
        const Result<void> result = settings.setOnlineOrders(bad);
        return result ? QString() : result.error().detail;
    };
    OnlineOrderSettings bad = good;
    bad.apiPort = 0;
    QCOMPARE(refused(bad), u"api/port: must be between 1 and 65535, got 0"_s);
    bad = good;
    bad.apiSecretFile = u"api.secret"_s;
    QCOMPARE(refused(bad), u"api/hmacFile: must be an absolute file path"_s);
    bad = good;
    bad.apiDefaultGateway = u"paypal"_s;
    QCOMPARE(refused(bad), u"api/defaultGateway: must be iotpay or ionline"_s);
    bad = good;
    bad.publicUrl = u"https://pay.example.com/?x=1"_s;
    QCOMPARE(refused(bad), u"api/publicUrl: must not contain a query ('?')"_s);
    bad = good;
    bad.apiRatePerMinute = 0;
    QCOMPARE(refused(bad), u"api/ratePerMinute: must be between 1 and 100000 requests per minute, got 0"_s);
    bad = good;
    bad.ionlineMchId = u"1008-5200"_s;
    QCOMPARE(refused(bad), u"ionline/mchId: must be 1 to 32 letters or digits"_s);
    bad = good;
    bad.ionlineEnabled = true;
    QCOMPARE(refused(bad), u"ionline/mchId: iOnline Pay is enabled without its merchant id"_s);
    bad = good;
    bad.ionlineCurrency = Currency::Invalid;
    QCOMPARE(refused(bad), u"ionline/currency: must be CAD, USD, CNY or HKD"_s);
    // Nothing of a refused set was written.
    QCOMPARE(settings.onlineOrders(), good);
}

void TestSettings::onlineOrderKeysFromHandWrittenFile()
{
    const QString path = freshPath();
    writeText(path,
              "settingsVersion=1\n"
              "[api]\nenabled=yes\nport=99999\nburst=5\n"
              "[ionline]\nenabled=maybe\ncurrency=EUR\nmchId=123\n");
    const Settings settings(path);
    const OnlineOrderSettings online = settings.onlineOrders();
    QVERIFY(online.apiEnabled); // "yes" reads as true
    QCOMPARE(online.apiPort, 8088); // out of range: the default
    QCOMPARE(online.apiBurst, 5);
    QVERIFY(!online.ionlineEnabled); // not a boolean: stays off
    QCOMPARE(online.ionlineCurrency, Currency::HKD);
    QCOMPARE(online.ionlineMchId, u"123"_s);
    QStringList problems;
    for (const Error &error : settings.validateAll())
        problems << error.detail.section(u':', 0, 0);
    problems.sort();
    QCOMPARE(problems, (QStringList{u"api/port"_s, u"ionline/currency"_s, u"ionline/enabled"_s}));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"

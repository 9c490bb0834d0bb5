// Settings as one declaration per key (config/SettingKeys.h) with a change signal: each write
// that changes a value emits changed(key) once; a refused value changes nothing and says why.

#include "config/Settings.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

class TestSettingsChanges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void changeEmitsOnceWithTheKey();
    void sameValueEmitsNothing();
    void refusedValueChangesNothing();
    void typedAccessorsMatchTheShorthands();
    void groupWriteEmitsEachChangedKey();
    void refusedGroupEmitsNothing();
    void resetEmitsWhenTheValueChanges();
    void everyDeclaredKeyIsKnown();

private:
    QString freshPath();

    QTemporaryDir m_dir;
    int m_counter = 0;
};

void TestSettingsChanges::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString TestSettingsChanges::freshPath()
{
    return m_dir.filePath(u"changes-"_s + QString::number(++m_counter) + u".ini");
}

void TestSettingsChanges::changeEmitsOnceWithTheKey()
{
    Settings settings(freshPath());
    QSignalSpy changed(&settings, &Settings::changed);
    QVERIFY(settings.setRelayPort(9001));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), u"relay/port"_s);
    QVERIFY(settings.setValue(SettingKeys::UiLanguage, u"zh_CN"_s));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().first().toString(), u"ui/language"_s);
    QCOMPARE(settings.uiLanguage(), u"zh_CN"_s);
}

void TestSettingsChanges::sameValueEmitsNothing()
{
    Settings settings(freshPath());
    QSignalSpy changed(&settings, &Settings::changed);
    QVERIFY(settings.setRelayPort(8787)); // the default: nothing changes for anyone
    QVERIFY(settings.setRelayPort(9002));
    QVERIFY(settings.setRelayPort(9002));
    QCOMPARE(changed.size(), 1);
}

void TestSettingsChanges::refusedValueChangesNothing()
{
    Settings settings(freshPath());
    QVERIFY(settings.setRelayPort(9003));
    QSignalSpy changed(&settings, &Settings::changed);
    const Result<void> refused = settings.setValue(SettingKeys::RelayPort, 0);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.error().detail, u"relay/port: must be between 1 and 65535, got 0"_s);
    QCOMPARE(settings.relayPort(), 9003);
    QVERIFY(!settings.setUiLanguage(u"klingon"_s));
    QCOMPARE(settings.uiLanguage(), u"en"_s);
    QCOMPARE(changed.size(), 0);
}

void TestSettingsChanges::typedAccessorsMatchTheShorthands()
{
    Settings settings(freshPath());
    QCOMPARE(settings.value(SettingKeys::RelayPort), 8787);
    QCOMPARE(settings.value(SettingKeys::RelayPath), u"/notify/iotpay"_s);
    QCOMPARE(settings.value(SettingKeys::IOnlineNotifyPath), u"/notify/ionline"_s);
    QVERIFY(settings.setValue(SettingKeys::SaleCurrency, Currency::USD));
    QCOMPARE(settings.saleCurrency(), Currency::USD);
    QVERIFY(settings.setMaxAmountMinor(12345));
    QCOMPARE(settings.value(SettingKeys::MaxAmountMinor), qint64(12345));
}

void TestSettingsChanges::groupWriteEmitsEachChangedKey()
{
    Settings settings(freshPath());
    QSignalSpy changed(&settings, &Settings::changed);
    EscPosPrinterConfig printer;
    printer.connection = EscPosConnection::Tcp;
    printer.host = u"192.0.2.7"_s;
    QVERIFY(settings.setEscPosPrinter(printer));
    QStringList keys;
    for (const QList<QVariant> &signal : std::as_const(changed))
        keys << signal.first().toString();
    QCOMPARE(keys, (QStringList{u"receipt/escposConnection"_s, u"receipt/escposHost"_s}));
}

void TestSettingsChanges::refusedGroupEmitsNothing()
{
    Settings settings(freshPath());
    QSignalSpy changed(&settings, &Settings::changed);
    EscPosPrinterConfig printer;
    printer.connection = EscPosConnection::Tcp; // without a host
    QVERIFY(!settings.setEscPosPrinter(printer));
    OnlineOrderSettings online;
    online.ionlineEnabled = true; // without its merchant id
    online.apiPort = 9100;
    QVERIFY(!settings.setOnlineOrders(online));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(settings.onlineOrders().apiPort, OnlineOrderSettings{}.apiPort);
}

void TestSettingsChanges::resetEmitsWhenTheValueChanges()
{
    Settings settings(freshPath());
    QVERIFY(settings.setRelayPort(9004));
    QSignalSpy changed(&settings, &Settings::changed);
    QVERIFY(settings.resetKey(u"relay/port"_s));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), u"relay/port"_s);
    QVERIFY(settings.resetKey(u"relay/port"_s)); // already the default
    QCOMPARE(changed.size(), 1);
}

void TestSettingsChanges::everyDeclaredKeyIsKnown()
{
    QStringList known = Settings::knownKeys();
    QCOMPARE(known.size(), int(std::tuple_size_v<std::remove_const_t<decltype(SettingKeys::All)>>) + 1);
    QVERIFY(known.contains(SettingKeys::ReceiptCharsPerLine.name));
    QCOMPARE(known.removeDuplicates(), 0);
}

QTEST_GUILESS_MAIN(TestSettingsChanges)
#include "test_settings_changes.moc"

// The committed translations are complete and current: every message of every .ts file is
// translated (numerus forms included, placeholders kept), no entry is unfinished or obsolete, a
// fresh lupdate over the sources finds nothing the .ts files lack (a new tr() without a
// translation fails here), and the compiled .qm files are linked in as :/i18n resources.
// lupdate writes only into a temporary directory: the test never touches the repository.

#include "ui/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace paydesk;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType; // "", "unfinished", "obsolete", "vanished"
    QStringList forms; // one entry, or the numerus forms

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment + (numerus ? u"\x1fN" : u""); }
    QString where() const { return context + u": \"" + source + u'"'; }
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

void readMessage(QXmlStreamReader &xml, const QString &context, TsFile &file)
{
    TsMessage message;
    message.context = context;
    message.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"comment") {
            message.comment = xml.readElementText();
        } else if (xml.name() == u"translation") {
            message.translationType = xml.attributes().value(QLatin1StringView("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.forms.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.forms.append(xml.readElementText());
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    file.messages.append(message);
}

TsFile readTs(const QString &path)
{
    TsFile file;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        file.error = u"cannot open " + path;
        return file;
    }
    QXmlStreamReader xml(&in);
    if (!xml.readNextStartElement() || xml.name() != u"TS") {
        file.error = path + u" is not a TS file";
        return file;
    }
    file.language = xml.attributes().value(QLatin1StringView("language")).toString();
    while (xml.readNextStartElement()) {
        if (xml.name() != u"context") {
            xml.skipCurrentElement();
            continue;
        }
        QString context;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"message")
                readMessage(xml, context, file);
            else
                xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        file.error = path + u": " + xml.errorString();
    return file;
}

// %1..%99 and %n, as a sorted list, so a translation cannot drop or invent an argument.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    found.removeDuplicates();
    return found;
}

int numerusFormCount(const QString &language)
{
    if (language.startsWith(u"zh"))
        return 1; // Chinese has no grammatical number
    return 2; // English: one / other; French: 0-1 / other
}

QString tsPath(const QString &code)
{
    return qEnvironmentVariable("PAYDESK_SOURCE_DIR") + u"/translations/paydesk_" + code + u".ts";
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void complete_data();
    void complete();
    void matchesSources_data();
    void matchesSources();
    void compiledIntoResources_data();
    void compiledIntoResources();
    void languageSwitcherTranslatesAtRuntime();

private:
    QSet<QString> m_freshKeys;
    QString m_lupdateError;
};

void TestTranslations::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("PAYDESK_SOURCE_DIR"), "run through ctest: PAYDESK_SOURCE_DIR is not set");

    // lupdate over exactly the sources qt_add_translations scans, into a throw-away file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_fr_CA.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(PAYDESK_LUPDATE),
                  {u'@' + QStringLiteral(PAYDESK_LUPDATE_SOURCE_LIST), QStringLiteral("-no-obsolete"),
                   QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(120'000), "lupdate did not finish");
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));
    // lupdate only warns about tr() it cannot attribute to a context; such a text would never
    // be translated at run time, so it is an error here.
    QVERIFY2(!output.contains(u"lacks Q_OBJECT") && !output.contains(u"Cannot invoke tr()"), qPrintable(output));

    const TsFile freshFile = readTs(fresh);
    QVERIFY2(freshFile.error.isEmpty(), qPrintable(freshFile.error));
    QVERIFY2(freshFile.messages.size() > 50, "lupdate found suspiciously few texts");
    for (const TsMessage &message : freshFile.messages)
        m_freshKeys.insert(message.key());
}

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("code");
    for (const QString &code : LanguageSwitcher::available())
        QTest::newRow(qPrintable(code)) << code;
}

void TestTranslations::complete()
{
    QFETCH(QString, code);
    const TsFile file = readTs(tsPath(code));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.language, code);
    QVERIFY(!file.messages.isEmpty());

    QStringList problems;
    const int forms = numerusFormCount(code);
    for (const TsMessage &message : file.messages) {
        if (!message.translationType.isEmpty()) {
            problems.append(message.translationType + u": " + message.where());
            continue;
        }
        if (message.numerus && message.forms.size() != forms) {
            problems.append(u"needs " + QString::number(forms) + u" plural forms, has "
                            + QString::number(message.forms.size()) + u": " + message.where());
        }
        for (const QString &form : message.forms) {
            if (form.trimmed().isEmpty())
                problems.append(u"empty: " + message.where());
            else if (placeholders(form) != placeholders(message.source))
                problems.append(u"placeholders differ in \"" + form + u"\": " + message.where());
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::matchesSources_data()
{
    complete_data();
}

void TestTranslations::matchesSources()
{
    QFETCH(QString, code);
    const TsFile file = readTs(tsPath(code));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QSet<QString> committed;
    for (const TsMessage &message : file.messages)
        committed.insert(message.key());

    QStringList missing;
    for (const QString &key : m_freshKeys) {
        if (!committed.contains(key))
            missing.append(key.split(u'\x1f').mid(0, 2).join(QStringLiteral(": ")));
    }
    missing.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"not in paydesk_" + code + u".ts (run the update_translations target, then translate):\n"
                        + missing.join(u'\n')));

    QStringList stale;
    for (const QString &key : committed) {
        if (!m_freshKeys.contains(key))
            stale.append(key.split(u'\x1f').mid(0, 2).join(QStringLiteral(": ")));
    }
    stale.sort();
    QVERIFY2(stale.isEmpty(),
             qPrintable(u"in paydesk_" + code + u".ts but no longer in the sources:\n" + stale.join(u'\n')));
}

void TestTranslations::compiledIntoResources_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("charge");
    QTest::addColumn<QString>("wechat");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Charge") << QStringLiteral("WeChat Pay");
    QTest::newRow("fr_CA") << QStringLiteral("fr_CA") << QStringLiteral("Encaisser") << QStringLiteral("WeChat Pay");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("收款") << QStringLiteral("微信支付");
}

void TestTranslations::compiledIntoResources()
{
    QFETCH(QString, code);
    QFETCH(QString, charge);
    QFETCH(QString, wechat);
    const QString path = u":/i18n/paydesk_" + code + u".qm";
    QVERIFY2(QFile::exists(path), qPrintable(path + u" is not linked into the executable"));
    QTranslator translator;
    QVERIFY(translator.load(path));
    QCOMPARE(translator.translate("paydesk::SaleScreen", "Charge"), charge);
    QCOMPARE(translator.translate("Channel", "WeChat Pay"), wechat);
    QVERIFY(!translator.translate("ErrorText", "Signature error — check the merchant key in Settings.").isEmpty());
}

void TestTranslations::languageSwitcherTranslatesAtRuntime()
{
    LanguageSwitcher switcher;
    QVERIFY(switcher.setLanguage(QStringLiteral("fr_CA")));
    QCOMPARE(QCoreApplication::translate("paydesk::OutcomeScreen", "Cancelled"), QStringLiteral("Vente annulée"));
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    // Qt's own texts (standard buttons) come from the Qt installation's qtbase_fr.qm.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));

    QVERIFY(switcher.setLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(QCoreApplication::translate("paydesk::OutcomeScreen", "Cancelled"), QStringLiteral("已取消"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));

    QVERIFY(switcher.setLanguage(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("paydesk::OutcomeScreen", "Cancelled"), QStringLiteral("Cancelled"));
    QCOMPARE(QCoreApplication::translate("paydesk::PinDialog",
                                         "Too many wrong PINs. Locked until %1 (%n more minute(s)).", nullptr, 1),
             QStringLiteral("Too many wrong PINs. Locked until %1 (1 more minute)."));
    QVERIFY(!switcher.setLanguage(QStringLiteral("de")));
    QCOMPARE(switcher.language(), QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"

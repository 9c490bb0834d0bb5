// Issue 11: no file outside core/gateway/<name>/ holds a gateway's name or one of its result
// codes as a literal. Fails if a source file of core/, app/ or ui/ has a string literal that is
// exactly a gateway's name (a folder under core/gateway/) or a code its error classifier knows
// (gatewayCode == u"…" in the folder's *Errors.cpp). Allowed: the gateway's own folder, the
// simulators (core/sim/, app/paydesk-sim/), and command-line option names (isSet("…"),
// value("…"), an option table row {"…", …}); settings keys ("ionline/mchId") never match.

#include "SourceFindings.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace paydesk::test;

namespace {

// A literal used as a command-line option's name on this line.
bool isOptionName(const QString &line, qsizetype literalStart)
{
    static const QRegularExpression call(uR"re((isSet|value)\(\s*(u|QStringLiteral\()?$)re"_s);
    static const QRegularExpression row(uR"re(^\s*\{\s*(u|QStringLiteral\()?$)re"_s);
    const QString before = line.left(literalStart);
    return call.match(before).hasMatch() || row.match(before).hasMatch();
}

// The offending lines of one file's text: literals that are exactly one of `forbidden`.
QList<Finding> scan(const QString &file, const QString &text, const QSet<QString> &forbidden)
{
    QList<Finding> findings;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.trimmed().startsWith(u"//"))
            continue;
        for (auto it = literalPattern().globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (forbidden.contains(match.captured(1)) && !isOptionName(line, match.capturedStart(0))) {
                findings.append({file, int(i + 1), line.trimmed()});
                break;
            }
        }
    }
    return findings;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString root()
{
    return QStringLiteral(PAYDESK_SOURCE_DIR);
}

// The gateway folders under core/gateway/.
QStringList gatewayFolders()
{
    return QDir(root() + u"/core/gateway"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// Every gateway's name and the codes its classifier reads.
QSet<QString> gatewayLiterals()
{
    static const QRegularExpression code(u"gatewayCode\\s*==\\s*u\"([^\"]+)\""_s);
    QSet<QString> literals;
    for (const QString &name : gatewayFolders()) {
        literals.insert(name);
        const QDir folder(root() + u"/core/gateway/"_s + name);
        for (const QString &errors : folder.entryList({u"*Errors.cpp"_s}, QDir::Files)) {
            for (auto it = code.globalMatch(readText(folder.filePath(errors))); it.hasNext();)
                literals.insert(it.next().captured(1));
        }
    }
    return literals;
}

const QSet<QString> Sample = {u"iotpay"_s, u"ionline"_s, u"0112"_s, u"ORDERNOTEXIST"_s};

} // namespace

class TestGatewayBoundary : public QObject
{
    Q_OBJECT

private slots:
    void knowsTheGatewaysAndTheirCodes();
    void scannerFlagsLiterals_data();
    void scannerFlagsLiterals();
    void scannerLeavesOtherTextAlone_data();
    void scannerLeavesOtherTextAlone();
    void noGatewayLiteralsOutsideTheirFolders();
};

void TestGatewayBoundary::knowsTheGatewaysAndTheirCodes()
{
    const QSet<QString> literals = gatewayLiterals();
    for (const QString &expected : Sample)
        QVERIFY2(literals.contains(expected), qPrintable(expected));
    QVERIFY2(literals.contains(u"0113"_s), "IOTPay's already-paid code");
}

void TestGatewayBoundary::scannerFlagsLiterals_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("name") << uR"t(    if (order.gateway == u"ionline"_s))t"_s;
    QTest::newRow("macro") << uR"t(    entry.name = QStringLiteral("iotpay");)t"_s;
    QTest::newRow("code") << uR"t(    return error.gatewayCode == u"0112";)t"_s;
    QTest::newRow("second literal") << uR"t(    f(u"x"_s, u"ORDERNOTEXIST"_s);)t"_s;
    QTest::newRow("ternary") << uR"t(    api.defaultGateway = api.iotpay ? u"iotpay"_s : u"ionline"_s;)t"_s;
}

void TestGatewayBoundary::scannerFlagsLiterals()
{
    QFETCH(QString, line);
    QCOMPARE(scan(u"x.cpp"_s, u"int a;\n"_s + line + u'\n', Sample).size(), 1);
}

void TestGatewayBoundary::scannerLeavesOtherTextAlone_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("settings key") << uR"t(    X(IOnlineMchId, QString, "ionline/mchId", QString(), nullptr))t"_s;
    QTest::newRow("notify path") << uR"t(    "/notify/iotpay")t"_s;
    QTest::newRow("option check") << uR"t(    o.enabled = parser.isSet(u"ionline"_s);)t"_s;
    QTest::newRow("option row") << uR"t(        {QStringLiteral("ionline"), u"Serve iOnline Pay too."_s},)t"_s;
    QTest::newRow("comment") << u"    // IOTPay \"0112\" is isNoSuchOrder"_s;
    QTest::newRow("name constant") << u"    if (order.gateway == ionline::Name)"_s;
    QTest::newRow("longer text") << uR"t(    tr("0112 is not a code the UI knows"))t"_s;
}

void TestGatewayBoundary::scannerLeavesOtherTextAlone()
{
    QFETCH(QString, line);
    QVERIFY2(scan(u"x.cpp"_s, line, Sample).isEmpty(), qPrintable(line));
}

void TestGatewayBoundary::noGatewayLiteralsOutsideTheirFolders()
{
    const QSet<QString> forbidden = gatewayLiterals();
    QStringList allowed = {u"core/sim/"_s, u"app/paydesk-sim/"_s};
    for (const QString &name : gatewayFolders())
        allowed.append(u"core/gateway/"_s + name + u'/');
    QList<Finding> findings;
    int files = 0;
    for (const QString &dir : {u"core"_s, u"app"_s, u"ui"_s}) {
        QDirIterator it(QDir(root()).filePath(dir), {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = QDir(root()).relativeFilePath(it.next());
            if (std::any_of(allowed.cbegin(), allowed.cend(), [&](const QString &a) { return path.startsWith(a); }))
                continue;
            findings += scan(path, readText(QDir(root()).filePath(path)), forbidden);
            ++files;
        }
    }
    QVERIFY2(files > 50, qPrintable(QString::number(files)));
    QVERIFY2(findings.isEmpty(), qPrintable(u"gateway literals outside core/gateway/<name>/:\n"_s + render(findings)));
}

QTEST_GUILESS_MAIN(TestGatewayBoundary)
#include "test_gateway_boundary.moc"

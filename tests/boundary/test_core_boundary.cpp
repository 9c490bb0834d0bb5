#include "SourceFindings.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace paydesk::test;

// `core` must build and run without a display: no file under core/ may include a header of a Qt
// GUI module, and no core module may link one. The header names are taken from the installed Qt
// at test time, so `#include <QPixmap>` is caught as well as `#include <QtGui/QPixmap>`.
class TestCoreBoundary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void forbiddenHeadersAreKnown();
    void scannerFlagsOffendingLines_data();
    void scannerFlagsOffendingLines();
    void scannerFindsOffenderInATree();
    void linkCheckFlagsGuiModules_data();
    void linkCheckFlagsGuiModules();
    void coreIncludesNoGuiHeader();
    void coreModulesLinkNoGuiLibrary();

private:
    QSet<QString> m_forbiddenHeaders;
};

namespace {

// Qt modules whose headers and libraries core must not use. Gui and Widgets must be installed
// for the check to mean anything; the others are checked when present.
const QStringList GuiModuleDirs{u"QtGui"_s,          u"QtWidgets"_s, u"QtOpenGL"_s,      u"QtOpenGLWidgets"_s,
                                u"QtPrintSupport"_s, u"QtCharts"_s,  u"QtSvg"_s,         u"QtSvgWidgets"_s,
                                u"QtQuick"_s,        u"QtQml"_s,     u"QtQuickWidgets"_s};

bool isForbiddenInclude(const QString &name, const QSet<QString> &forbiddenHeaders)
{
    const qsizetype slash = name.indexOf(u'/');
    if (slash >= 0)
        return GuiModuleDirs.contains(name.left(slash));
    return forbiddenHeaders.contains(name);
}

QList<Finding> scanText(const QString &fileName, const QString &text, const QSet<QString> &forbiddenHeaders)
{
    static const QRegularExpression include(uR"(^\s*#\s*(?:include|import)\s*[<"]([^>"]+)[>"])"_s);
    QList<Finding> findings;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = include.match(lines[i]);
        if (match.hasMatch() && isForbiddenInclude(match.captured(1).trimmed(), forbiddenHeaders))
            findings.append({fileName, int(i + 1), lines[i].trimmed()});
    }
    return findings;
}

QList<Finding> scanTree(const QString &root, const QSet<QString> &forbiddenHeaders, int *filesScanned)
{
    QList<Finding> findings;
    *filesScanned = 0;
    QDirIterator it(root,
                    {u"*.h"_s, u"*.hpp"_s, u"*.hh"_s, u"*.hxx"_s, u"*.cpp"_s, u"*.cc"_s, u"*.cxx"_s, u"*.ipp"_s,
                     u"*.inl"_s, u"*.tpp"_s},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            findings.append({path, 0, u"cannot read the file"_s});
            continue;
        }
        ++*filesScanned;
        findings += scanText(QDir(root).relativeFilePath(path), QString::fromUtf8(file.readAll()), forbiddenHeaders);
    }
    return findings;
}

bool isGuiLink(const QString &link)
{
    static const QRegularExpression target(uR"(\bQt[56]?::(Gui|Widgets|OpenGL|PrintSupport|Charts|Svg|Quick|Qml))"_s);
    static const QRegularExpression library(uR"(Qt[56](Gui|Widgets|OpenGL|PrintSupport|Charts|Svg|Quick|Qml))"_s);
    return target.match(link).hasMatch() || library.match(link).hasMatch();
}

} // namespace

void TestCoreBoundary::initTestCase()
{
    const QDir headers(QLibraryInfo::path(QLibraryInfo::HeadersPath));
    for (const QString &module : GuiModuleDirs) {
        const QDir dir(headers.filePath(module));
        if (!dir.exists()) {
            if (module == u"QtGui" || module == u"QtWidgets")
                QFAIL(qPrintable(u"Qt headers not found in "_s + dir.path() + u": cannot check the boundary"));
            continue;
        }
        const QStringList names = dir.entryList(QDir::Files);
        for (const QString &name : names)
            m_forbiddenHeaders.insert(name);
        m_forbiddenHeaders.insert(module); // #include <QtGui>
    }
}

void TestCoreBoundary::forbiddenHeadersAreKnown()
{
    for (const char *name : {"QWidget", "QPixmap", "QImage", "QPainter", "QColor", "QGuiApplication", "QApplication",
                             "QFont", "QIcon", "qimage.h", "QtGui", "QtWidgets"}) {
        QVERIFY2(m_forbiddenHeaders.contains(QString::fromLatin1(name)), name);
    }
    for (const char *name : {"QString", "QObject", "QTimer", "QUrl", "QHostAddress", "QSqlDatabase"})
        QVERIFY2(!m_forbiddenHeaders.contains(QString::fromLatin1(name)), name);
}

void TestCoreBoundary::scannerFlagsOffendingLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("offending");

    QTest::newRow("QWidget") << u"#include <QWidget>"_s << true;
    QTest::newRow("module path") << u"#include <QtGui/QImage>"_s << true;
    QTest::newRow("quoted") << u"#include \"QPixmap\""_s << true;
    QTest::newRow("spaced") << u"  #  include   <QPainter>"_s << true;
    QTest::newRow("lower-case header") << u"#include <qcolor.h>"_s << true;
    QTest::newRow("whole module") << u"#include <QtWidgets>"_s << true;
    QTest::newRow("QGuiApplication") << u"#include <QGuiApplication>"_s << true;
    QTest::newRow("QApplication") << u"#include <QApplication>"_s << true;
    QTest::newRow("QFont") << u"#include <QFont>"_s << true;
    QTest::newRow("QIcon") << u"#include <QIcon>"_s << true;
    QTest::newRow("print support") << u"#include <QtPrintSupport/QPrinter>"_s << true;
    QTest::newRow("commented out") << u"// #include <QWidget>"_s << false;
    QTest::newRow("in a string") << u"const auto s = \"#include <QWidget>\";"_s << false;
    QTest::newRow("QString") << u"#include <QString>"_s << false;
    QTest::newRow("QtCore path") << u"#include <QtCore/QObject>"_s << false;
    QTest::newRow("QtNetwork path") << u"#include <QtNetwork/QHostAddress>"_s << false;
    QTest::newRow("project header") << u"#include \"money/Money.h\""_s << false;
    QTest::newRow("project qr") << u"#include \"qr/QrMatrix.h\""_s << false;
    QTest::newRow("openssl") << u"#include <openssl/evp.h>"_s << false;
    QTest::newRow("keychain") << u"#include <qt6keychain/keychain.h>"_s << false;
}

void TestCoreBoundary::scannerFlagsOffendingLines()
{
    QFETCH(QString, line);
    QFETCH(bool, offending);
    const QString text = u"#pragma once\n\n"_s + line + u"\n\nnamespace paydesk {}\n";
    const QList<Finding> findings = scanText(u"synthetic.h"_s, text, m_forbiddenHeaders);
    QCOMPARE(findings.size(), offending ? 1 : 0);
    if (offending)
        QCOMPARE(findings.front().line, 3);
}

void TestCoreBoundary::scannerFindsOffenderInATree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"money"_s));
    QVERIFY(QDir(dir.path()).mkpath(u"qr"_s));
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(u"money/Money.h"_s, "#pragma once\n#include <QString>\n");
    write(u"qr/QrImage.cpp"_s, "#include \"QrImage.h\"\n\n#include <QImage>\n");
    write(u"qr/notes.txt"_s, "#include <QWidget>\n"); // not a source file
    int scanned = 0;
    const QList<Finding> findings = scanTree(dir.path(), m_forbiddenHeaders, &scanned);
    QCOMPARE(scanned, 2);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.front().file, u"qr/QrImage.cpp"_s);
    QCOMPARE(findings.front().line, 3);
}

void TestCoreBoundary::linkCheckFlagsGuiModules_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("gui");
    QTest::newRow("Qt6::Gui") << u"Qt6::Gui"_s << true;
    QTest::newRow("Qt::Widgets") << u"Qt::Widgets"_s << true;
    QTest::newRow("GuiPrivate") << u"Qt6::GuiPrivate"_s << true;
    QTest::newRow("genex") << u"$<$<CONFIG:Debug>:Qt6::Widgets>"_s << true;
    QTest::newRow("library file") << u"/usr/lib/x86_64-linux-gnu/libQt6Gui.so.6"_s << true;
    QTest::newRow("print support") << u"Qt6::PrintSupport"_s << true;
    QTest::newRow("Qt6::Core") << u"Qt6::Core"_s << false;
    QTest::newRow("Qt6::Network") << u"Qt6::Network"_s << false;
    QTest::newRow("Qt6::Sql") << u"Qt6::Sql"_s << false;
    QTest::newRow("Qt6::DBus") << u"Qt6::DBus"_s << false;
    QTest::newRow("keychain") << u"Qt6Keychain::Qt6Keychain"_s << false;
    QTest::newRow("openssl") << u"OpenSSL::Crypto"_s << false;
    QTest::newRow("qrencode") << u"PkgConfig::QRENCODE"_s << false;
}

void TestCoreBoundary::linkCheckFlagsGuiModules()
{
    QFETCH(QString, link);
    QFETCH(bool, gui);
    QCOMPARE(isGuiLink(link), gui);
}

void TestCoreBoundary::coreIncludesNoGuiHeader()
{
    const QString coreDir = QStringLiteral(PAYDESK_CORE_DIR);
    QVERIFY2(QFile::exists(coreDir + u"/CMakeLists.txt"), qPrintable(coreDir));
    int scanned = 0;
    const QList<Finding> findings = scanTree(coreDir, m_forbiddenHeaders, &scanned);
    QVERIFY2(scanned >= 10, qPrintable(u"only "_s + QString::number(scanned) + u" files scanned"));
    QVERIFY2(findings.isEmpty(), qPrintable(u"core includes GUI headers:\n"_s + render(findings)));
}

void TestCoreBoundary::coreModulesLinkNoGuiLibrary()
{
    QFile file(QStringLiteral(PAYDESK_CORE_LINKS_FILE));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QSet<QString> modules;
    QStringList offending;
    bool sawQtCore = false;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        const qsizetype tab = line.indexOf(u'\t');
        if (tab < 0)
            continue;
        const QString module = line.left(tab);
        const QString link = line.mid(tab + 1);
        modules.insert(module);
        sawQtCore = sawQtCore || link == u"Qt6::Core";
        if (isGuiLink(link))
            offending << (module + u" -> " + link);
    }
    // The list is real: the modules exist and their Qt dependency was followed.
    for (const char *name : {"paydesk_common", "paydesk_money", "paydesk_qr", "paydesk_config"})
        QVERIFY2(modules.contains(QString::fromLatin1(name)), name);
    QVERIFY(sawQtCore);
    QVERIFY2(offending.isEmpty(), qPrintable(u"core modules link GUI libraries:\n"_s + offending.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestCoreBoundary)
#include "test_core_boundary.moc"

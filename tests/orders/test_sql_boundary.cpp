// design.md: core/orders is the only place with SQL. Fails if a source file of core/, app/ or
// ui/ outside core/orders holds an SQL statement in a string literal or includes Qt SQL.

#include "SourceFindings.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace paydesk::test;

namespace {

const QRegularExpression &statementPattern()
{
    static const QRegularExpression pattern(
        uR"re(^\s*SELECT\s|\bSELECT\b.*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|)re"
        uR"re(\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|UNIQUE\s+INDEX|TRIGGER|VIEW)\b|\bPRAGMA\s+\w|)re"
        uR"re(\bBEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED)\b)re"_s);
    return pattern;
}

const QRegularExpression &includePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*#\\s*include\\s*[<\"](QtSql/|QSql)"));
    return pattern;
}

// The offending lines of one file's text.
QList<Finding> scan(const QString &file, const QString &text)
{
    QList<Finding> findings;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        bool offending = includePattern().match(line).hasMatch();
        for (auto it = literalPattern().globalMatch(line); !offending && it.hasNext();)
            offending = statementPattern().match(it.next().captured(1)).hasMatch();
        if (offending)
            findings.append({file, int(i + 1), line.trimmed()});
    }
    return findings;
}

} // namespace

class TestSqlBoundary : public QObject
{
    Q_OBJECT

private slots:
    void scannerFlagsSql_data();
    void scannerFlagsSql();
    void scannerLeavesOtherTextAlone_data();
    void scannerLeavesOtherTextAlone();
    void noSqlOutsideOrders();
};

void TestSqlBoundary::scannerFlagsSql_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("select") << uR"t(    auto q = log.select(u"SELECT o.mch_order_no FROM orders o"_s);)t"_s;
    QTest::newRow("select split") << uR"t(    u"SELECT COUNT(*))t"_s + u'"';
    QTest::newRow("insert") << uR"t(    run(db, u"INSERT INTO events (kind) VALUES (?)"_s);)t"_s;
    QTest::newRow("update") << uR"t(    QStringLiteral("UPDATE orders SET state = ?"))t"_s;
    QTest::newRow("delete") << uR"t(    "DELETE FROM audit")t"_s;
    QTest::newRow("ddl") << uR"t(    u"CREATE INDEX x ON orders (state)"_s,)t"_s;
    QTest::newRow("pragma") << uR"t(    u"PRAGMA data_version"_s)t"_s;
    QTest::newRow("begin") << uR"t(    exec(u"BEGIN IMMEDIATE"_s);)t"_s;
    QTest::newRow("include") << u"#include <QSqlQuery>"_s;
    QTest::newRow("module include") << u"#include <QtSql/QSqlDatabase>"_s;
}

void TestSqlBoundary::scannerFlagsSql()
{
    QFETCH(QString, line);
    QCOMPARE(scan(u"x.cpp"_s, u"int a;\n"_s + line + u'\n').size(), 1);
}

void TestSqlBoundary::scannerLeavesOtherTextAlone_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("comment") << u"// the order log takes BEGIN IMMEDIATE and reads PRAGMA data_version"_s;
    QTest::newRow("http method") << uR"t(    if (method == "DELETE"))t"_s;
    QTest::newRow("ui text") << uR"t(    tr("Select the orders to export from the list"))t"_s;
    QTest::newRow("named query") << u"    const auto order = log.orderByClientReference(ref, since);"_s;
}

void TestSqlBoundary::scannerLeavesOtherTextAlone()
{
    QFETCH(QString, line);
    QVERIFY2(scan(u"x.cpp"_s, line).isEmpty(), qPrintable(line));
}

void TestSqlBoundary::noSqlOutsideOrders()
{
    const QString root = QStringLiteral(PAYDESK_SOURCE_DIR);
    const QString orders = QDir(root).filePath(u"core/orders"_s) + u'/';
    QList<Finding> findings;
    int files = 0;
    for (const QString &dir : {u"core"_s, u"app"_s, u"ui"_s}) {
        QDirIterator it(QDir(root).filePath(dir), {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.startsWith(orders))
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            findings += scan(QDir(root).relativeFilePath(path), QString::fromUtf8(file.readAll()));
            ++files;
        }
    }
    QVERIFY2(files > 50, qPrintable(QString::number(files)));
    QVERIFY2(findings.isEmpty(), qPrintable(u"SQL outside core/orders:\n"_s + render(findings)));
}

QTEST_GUILESS_MAIN(TestSqlBoundary)
#include "test_sql_boundary.moc"

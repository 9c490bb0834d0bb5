#pragma once

// What the source-boundary tests (tests/boundary, tests/orders test_sql_boundary) share: an
// offending line, its rendering, and the pattern of one C++ string literal on a line.

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace paydesk::test {

struct Finding
{
    QString file;
    int line = 0;
    QString text;
};

// "file:line: text", one finding a line.
inline QString render(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << (f.file + u':' + QString::number(f.line) + u": " + f.text);
    return lines.join(u'\n');
}

// A double-quoted literal (escapes kept); captured(1) is its content.
inline const QRegularExpression &literalPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    return pattern;
}

} // namespace paydesk::test

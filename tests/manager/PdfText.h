#pragma once

// The text of a PDF through poppler's pdftotext, as a reader would copy it.

#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace paydesk {

inline QString pdfToTextProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
}

// Empty when pdftotext is missing or fails; pages are separated by form feeds. NFKC-normalised:
// pdftotext maps some glyphs to their compatibility forms (the "ﬁ" ligature, Kangxi radicals
// such as ⽀ for 支 in CJK fonts), which is how the font names them, not what was written.
inline QString pdfToText(const QString &pdfPath)
{
    const QString program = pdfToTextProgram();
    if (program.isEmpty())
        return {};
    QProcess process;
    process.start(
        program,
        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), QStringLiteral("-layout"), pdfPath, QStringLiteral("-")});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

} // namespace paydesk

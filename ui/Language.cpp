#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace paydesk {

LanguageSwitcher::LanguageSwitcher(QObject *parent) : QObject(parent)
{}

QStringList LanguageSwitcher::available()
{
    return {QStringLiteral("en"), QStringLiteral("fr_CA"), QStringLiteral("zh_CN")};
}

QString LanguageSwitcher::nativeName(const QString &code)
{
    if (code == u"fr_CA")
        return QStringLiteral("Français (Canada)");
    if (code == u"zh_CN")
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

bool LanguageSwitcher::setLanguage(const QString &code)
{
    if (!available().contains(code))
        return false;
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    const QLocale locale(code == u"en" ? QStringLiteral("en_CA") : code);
    if (m_app.load(u":/i18n/paydesk_" + code + u".qm"))
        QCoreApplication::installTranslator(&m_app);
    if (code != u"en"
        && m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    QLocale::setDefault(locale);
    m_language = code;
    Q_EMIT languageChanged(code);
    return true;
}

} // namespace paydesk

#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace paydesk {

// The interface language, switchable while running: PayDesk's own translations (compiled in)
// and Qt's (from the Qt installation). Widgets follow through QEvent::LanguageChange.
class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    static QStringList available(); // "en", "fr_CA", "zh_CN"
    static QString nativeName(const QString &code); // "English", "Français (Canada)", "简体中文"

    bool setLanguage(const QString &code); // false (and nothing changed) if unknown
    QString language() const { return m_language; }

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    QString m_language;
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace paydesk

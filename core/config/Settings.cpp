#include "Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace paydesk {
namespace {

// Settings files written before settingsVersion existed use the same key names as version 1.
// What they may hold that version 1 forbids is a secret typed in by hand; it is removed, never read.
void migrateV0ToV1(QSettings &settings, QStringList &notes)
{
    static const QRegularExpression secretLike(QStringLiteral("key|secret|password|passwd|token"),
                                               QRegularExpression::CaseInsensitiveOption);
    const QStringList known = Settings::knownKeys();
    const QStringList keys = settings.allKeys();
    for (const QString &name : keys) {
        if (!known.contains(name) && secretLike.match(name).hasMatch()) {
            settings.remove(name);
            notes << (u"removed \"" + name
                      + u"\": secrets do not belong in the settings file; store the merchant key in the "
                        u"OS keychain or a key file");
        }
    }
}

using MigrationStep = void (*)(QSettings &, QStringList &);
// Entry i brings a file from version i to version i + 1.
constexpr std::array<MigrationStep, Settings::CurrentVersion> Migrations{&migrateV0ToV1};

} // namespace

QString Settings::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/paydesk.ini";
}

Settings::Settings(const QString &filePath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QString Settings::filePath() const
{
    return m_settings->fileName();
}

int Settings::storedVersion() const
{
    const QVariant stored = m_settings->value(SettingKeys::Version);
    if (!stored.isValid())
        return 0;
    bool ok = false;
    const int version = stored.toString().trimmed().toInt(&ok);
    return ok && version >= 0 ? version : -1;
}

Result<SettingsMigration> Settings::migrate()
{
    if (m_settings->status() == QSettings::FormatError)
        return fail(ErrorCode::ConfigMissing, u"cannot parse the settings file " + filePath());
    const int stored = storedVersion();
    if (stored < 0) {
        return fail(ErrorCode::InvalidArgument,
                    u"settingsVersion in " + filePath() + u" is not a version number; not changing the file");
    }
    if (stored > CurrentVersion) {
        return fail(ErrorCode::InvalidArgument,
                    filePath() + u" was written by a newer PayDesk (settings version " + QString::number(stored)
                        + u", this one knows up to " + QString::number(CurrentVersion) + u"); not changing it");
    }
    SettingsMigration report{stored, CurrentVersion, {}};
    if (stored == CurrentVersion)
        return report;
    if (m_settings->allKeys().isEmpty()) {
        report.fromVersion = CurrentVersion;
        report.notes << QStringLiteral("new settings file");
    } else {
        for (int version = stored; version < CurrentVersion; ++version) {
            Migrations[std::size_t(version)](*m_settings, report.notes);
            report.notes << (u"migrated from settings version " + QString::number(version) + u" to "
                             + QString::number(version + 1));
        }
    }
    m_settings->setValue(SettingKeys::Version, CurrentVersion);
    if (Result<void> ok = sync(); !ok)
        return std::unexpected(ok.error());
    return report;
}

Result<void> Settings::sync()
{
    const QString path = filePath();
    if (!QFileInfo::exists(path)) {
        // Create it owner-only before QSettings writes to it; QSettings keeps existing permissions.
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        break;
    case QSettings::AccessError:
        return fail(ErrorCode::ConfigMissing, u"cannot write the settings file " + path);
    case QSettings::FormatError:
        return fail(ErrorCode::ConfigMissing, u"cannot parse the settings file " + path);
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace paydesk

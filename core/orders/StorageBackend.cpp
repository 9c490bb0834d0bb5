#include "StorageBackend.h"

#include "PostgresBackend.h"
#include "SqliteBackend.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace paydesk {

StorageBackend::~StorageBackend() = default;

QString StorageBackend::paymentChannel() const
{
    return {};
}

QString StorageBackend::clientReferenceLockStatement() const
{
    return {};
}

QString StorageBackend::orderClaimStatement() const
{
    return {};
}

QString StorageBackend::orderReleaseStatement() const
{
    return {};
}

bool StorageBackend::reconnects() const
{
    return false;
}

ErrorCode errorCodeFor(StoreFault fault)
{
    switch (fault) {
    case StoreFault::Busy:
    case StoreFault::Conflict:
        return ErrorCode::StoreBusy;
    case StoreFault::UniqueViolation:
        return ErrorCode::Duplicate;
    case StoreFault::ReadOnly:
        return ErrorCode::StoreReadOnly;
    case StoreFault::Corrupt:
        return ErrorCode::StoreCorrupt;
    case StoreFault::Full:
        return ErrorCode::StoreFull;
    case StoreFault::Unavailable:
        return ErrorCode::StoreUnavailable;
    // A store role refused what it may not do (PostgreSQL 42501, a failed sign-in; SQLite's
    // PERM and AUTH): its own message, not "cannot be written".
    case StoreFault::Permission:
        return ErrorCode::StoreDenied;
    case StoreFault::ConstraintViolation:
    case StoreFault::Other:
    case StoreFault::Invalid:
        break;
    }
    return ErrorCode::StoreFailure;
}

Result<StoreLocation> storeLocationFor(const QString &url)
{
    if (url.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"no order log path"_s);
    // A scheme of two letters or more followed by "://" ("C:\..." and "C:/..." stay paths).
    static const QRegularExpression schemePattern(u"^([A-Za-z][A-Za-z0-9+.-]+)://"_s);
    const auto scheme = schemePattern.match(url);
    if (!scheme.hasMatch())
        return StoreLocation{std::make_unique<SqliteBackend>(), url};
    if (scheme.captured(1).compare(u"file"_s, Qt::CaseInsensitive) == 0) {
        const QString path = QUrl(url).toLocalFile();
        if (path.isEmpty())
            return fail(ErrorCode::InvalidArgument, u"a file: store URL without a path"_s);
        return StoreLocation{std::make_unique<SqliteBackend>(), path};
    }
    if (PostgresBackend::handlesScheme(scheme.captured(1))) {
        if (auto target = PostgresBackend::parseUrl(url); !target)
            return fail(target.error());
        return StoreLocation{std::make_unique<PostgresBackend>(), url};
    }
    return fail(ErrorCode::InvalidArgument,
                u"unsupported store URL (scheme "_s + scheme.captured(1).toLower()
                    + u"): the order log is a SQLite file path or a postgresql:// URL"_s);
}

} // namespace paydesk

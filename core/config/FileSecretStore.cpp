#include "FileSecretStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace paydesk {
namespace {

std::unexpected<Error> unavailable(const QString &path, const QString &why)
{
    return fail(ErrorCode::SecretUnavailable, u"merchant key file " + path + u": " + why);
}

QByteArray withoutTrailingNewline(QByteArray data)
{
    if (data.endsWith('\n'))
        data.chop(1);
    if (data.endsWith('\r'))
        data.chop(1);
    return data;
}

#ifdef Q_OS_UNIX

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Closes the descriptor on every path out of a function.
class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(Fd)
    int get() const { return m_fd; }

private:
    int m_fd;
};

// Checked on the open descriptor, not the path, so the file cannot be swapped in between.
Result<void> checkOwnership(const QString &path, const struct stat &st)
{
    if (!S_ISREG(st.st_mode))
        return unavailable(path, QStringLiteral("not a regular file"));
    if (st.st_uid != ::geteuid() && st.st_uid != 0) {
        return unavailable(path,
                           u"owned by uid " + QString::number(st.st_uid)
                               + u", not by the user running PayDesk; fix: chown it to that user");
    }
    if ((st.st_mode & 077) != 0) {
        return unavailable(path,
                           u"readable or writable by group or others (mode " + QString::number(st.st_mode & 0777, 8)
                               + u"); fix: chmod 600 " + path);
    }
    return {};
}

Result<QByteArray> readChecked(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const Fd fd(::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0)
        return unavailable(path, u"cannot open: " + lastError());
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0)
        return unavailable(path, u"cannot stat: " + lastError());
    if (Result<void> ok = checkOwnership(path, st); !ok)
        return std::unexpected(ok.error());
    if (st.st_size > FileSecretStore::MaxKeyFileBytes)
        return unavailable(path, QStringLiteral("too large to be a merchant key"));

    QByteArray data(FileSecretStore::MaxKeyFileBytes + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < data.size()) {
        const ssize_t n = ::read(fd.get(), data.data() + total, std::size_t(data.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return unavailable(path, u"cannot read: " + lastError());
        if (n == 0)
            break;
        total += n;
    }
    if (total > FileSecretStore::MaxKeyFileBytes)
        return unavailable(path, QStringLiteral("too large to be a merchant key"));
    data.truncate(total);
    return data;
}

Result<void> writeAtomically(const QString &path, const QByteArray &data)
{
    const QByteArray target = QFile::encodeName(path);
    // mkstemp creates the file 0600 whatever the umask, so the key is never readable by others.
    QByteArray pattern = target + ".XXXXXX";
    const Fd fd(::mkstemp(pattern.data()));
    if (fd.get() < 0)
        return unavailable(path, u"cannot create a temporary file next to it: " + lastError());
    auto discard = [&](const QString &why) {
        ::unlink(pattern.constData());
        return unavailable(path, why);
    };
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd.get(), data.constData() + written, std::size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return discard(u"cannot write: " + lastError());
        written += n;
    }
    if (::fchmod(fd.get(), 0600) != 0 || ::fsync(fd.get()) != 0)
        return discard(u"cannot secure or flush: " + lastError());
    if (::rename(pattern.constData(), target.constData()) != 0)
        return discard(u"cannot replace: " + lastError());
    return {};
}

#else

Result<QByteArray> readChecked(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return unavailable(path, QStringLiteral("not a regular file"));
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(path, u"cannot open: " + file.errorString());
    if (file.size() > FileSecretStore::MaxKeyFileBytes)
        return unavailable(path, QStringLiteral("too large to be a merchant key"));
    return file.readAll();
}

Result<void> writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return unavailable(path, u"cannot create: " + file.errorString());
    file.write(data);
    if (!file.commit())
        return unavailable(path, u"cannot write: " + file.errorString());
    return {};
}

#endif

} // namespace

FileSecretStore::FileSecretStore(QString path) : m_path(std::move(path))
{}

Result<MerchantKey> FileSecretStore::readMerchantKey()
{
    if (m_path.isEmpty())
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("no merchant key file configured"));
    Result<QByteArray> data = readChecked(m_path);
    if (!data)
        return std::unexpected(data.error());
    QByteArray key = withoutTrailingNewline(std::move(*data));
    if (key.isEmpty())
        return unavailable(m_path, QStringLiteral("the file is empty"));
    return MerchantKey(std::move(key));
}

Result<void> FileSecretStore::writeMerchantKey(const MerchantKey &key)
{
    if (Result<void> ok = checkKeyToWrite(key); !ok)
        return ok;
    if (m_path.isEmpty())
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("no merchant key file configured"));
    return writeAtomically(m_path, key.utf8() + '\n');
}

Result<void> FileSecretStore::removeMerchantKey()
{
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return {};
    QFile file(m_path);
    if (!file.remove())
        return unavailable(m_path, u"cannot remove: " + file.errorString());
    return {};
}

QString FileSecretStore::describe() const
{
    return u"file " + m_path;
}

} // namespace paydesk

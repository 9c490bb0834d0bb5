#include "SecretStore.h"

#include <QtGlobal>

namespace paydesk {

Result<void> checkKeyToWrite(const MerchantKey &key)
{
    if (key.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("refusing to store an empty merchant key"));
    return {};
}

EnvSecretStore::EnvSecretStore(QByteArray variableName) : m_variableName(std::move(variableName))
{}

Result<MerchantKey> EnvSecretStore::readMerchantKey()
{
    if (!qEnvironmentVariableIsSet(m_variableName.constData())) {
        return fail(ErrorCode::SecretUnavailable,
                    u"environment variable " + QString::fromLatin1(m_variableName) + u" is not set");
    }
    QByteArray value = qgetenv(m_variableName.constData());
    if (value.isEmpty()) {
        return fail(ErrorCode::SecretUnavailable,
                    u"environment variable " + QString::fromLatin1(m_variableName) + u" is empty");
    }
    return MerchantKey(std::move(value));
}

Result<void> EnvSecretStore::readOnly() const
{
    return fail(ErrorCode::SecretUnavailable,
                u"environment variable " + QString::fromLatin1(m_variableName)
                    + u" is read-only for PayDesk: set it in the service's environment");
}

Result<void> EnvSecretStore::writeMerchantKey(const MerchantKey &)
{
    return readOnly();
}

Result<void> EnvSecretStore::removeMerchantKey()
{
    return readOnly();
}

QString EnvSecretStore::describe() const
{
    return u"environment variable " + QString::fromLatin1(m_variableName);
}

Result<MerchantKey> MemorySecretStore::readMerchantKey()
{
    if (m_unavailable)
        return fail(ErrorCode::SecretUnavailable, *m_unavailable);
    if (!m_key)
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("no merchant key stored (memory)"));
    return *m_key;
}

Result<void> MemorySecretStore::writeMerchantKey(const MerchantKey &key)
{
    if (m_unavailable)
        return fail(ErrorCode::SecretUnavailable, *m_unavailable);
    if (Result<void> ok = checkKeyToWrite(key); !ok)
        return ok;
    m_key = key;
    return {};
}

Result<void> MemorySecretStore::removeMerchantKey()
{
    if (m_unavailable)
        return fail(ErrorCode::SecretUnavailable, *m_unavailable);
    m_key.reset();
    return {};
}

QString MemorySecretStore::describe() const
{
    return QStringLiteral("in-memory store (tests and demo)");
}

} // namespace paydesk

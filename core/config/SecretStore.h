#pragma once

#include "common/Error.h"
#include "common/MerchantKey.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace paydesk {

// Where the merchant key lives. Synchronous on purpose: callers read it once at start-up or when
// the installer saves it. Every failure is SecretUnavailable with a detail saying why and, where
// there is one, the fix. No implementation ever logs or returns the key in a detail.
class SecretStore
{
public:
    SecretStore() = default;
    virtual ~SecretStore() = default;
    Q_DISABLE_COPY_MOVE(SecretStore)

    virtual Result<MerchantKey> readMerchantKey() = 0;
    virtual Result<void> writeMerchantKey(const MerchantKey &key) = 0;
    virtual Result<void> removeMerchantKey() = 0; // succeeds if there was nothing to remove
    virtual QString describe() const = 0; // "environment variable PAYDESK_MERCHANT_KEY"
};

inline constexpr const char *DefaultMerchantKeyVariable = "PAYDESK_MERCHANT_KEY";

// Read-only: for a service whose manager (systemd, Docker, Windows service) injects the key.
class EnvSecretStore final : public SecretStore
{
public:
    explicit EnvSecretStore(QByteArray variableName = DefaultMerchantKeyVariable);

    Result<MerchantKey> readMerchantKey() override;
    Result<void> writeMerchantKey(const MerchantKey &key) override;
    Result<void> removeMerchantKey() override;
    QString describe() const override;

private:
    Result<void> readOnly() const;

    QByteArray m_variableName;
};

// The fake for tests; can be told to behave like an unavailable keychain.
class MemorySecretStore final : public SecretStore
{
public:
    MemorySecretStore() = default;
    explicit MemorySecretStore(MerchantKey key) : m_key(std::move(key)) {}

    Result<MerchantKey> readMerchantKey() override;
    Result<void> writeMerchantKey(const MerchantKey &key) override;
    Result<void> removeMerchantKey() override;
    QString describe() const override;

    // While set, every call fails with SecretUnavailable and this detail.
    void setUnavailable(std::optional<QString> reason) { m_unavailable = std::move(reason); }
    bool hasKey() const { return m_key.has_value(); }

private:
    std::optional<MerchantKey> m_key;
    std::optional<QString> m_unavailable;
};

// Shared by the stores: an empty key is a caller mistake, not a storage failure.
Result<void> checkKeyToWrite(const MerchantKey &key);

} // namespace paydesk

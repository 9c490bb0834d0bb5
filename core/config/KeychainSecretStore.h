#pragma once

#include "config/SecretStore.h"

namespace paydesk {

// The OS credential store through QtKeychain (Windows Credential Manager, macOS Keychain,
// libsecret/KWallet on Linux), one entry per merchant: service "PayDesk", account = mchId.
// Each call runs the QtKeychain job in a local event loop and gives up after `timeoutMs`, so a
// missing or stuck secret service (no D-Bus session, locked wallet nobody answers) is reported
// as SecretUnavailable instead of hanging the caller. Needs a QCoreApplication.
// Never falls back to QtKeychain's plain-text "insecure fallback".
// Not covered by the timeout: a D-Bus daemon that accepts the connection but never completes the
// handshake blocks inside QtDBus itself (libdbus has no client-side limit there); that breaks
// the whole desktop session and is not something a per-call timer can fix.
class KeychainSecretStore final : public SecretStore
{
public:
    static constexpr int DefaultTimeoutMs = 5000;

    explicit KeychainSecretStore(QString mchId, QString service = QStringLiteral("PayDesk"),
                                 int timeoutMs = DefaultTimeoutMs);

    Result<MerchantKey> readMerchantKey() override;
    Result<void> writeMerchantKey(const MerchantKey &key) override;
    Result<void> removeMerchantKey() override;
    QString describe() const override;

private:
    Result<void> checkUsable() const;

    QString m_mchId;
    QString m_service;
    int m_timeoutMs;
};

} // namespace paydesk

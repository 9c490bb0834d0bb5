#pragma once

#include "config/SecretStore.h"

namespace paydesk {

// The key in a file, for a headless relay without a keychain. The file must be a regular file
// owned by the user running PayDesk (or root) with no permission bits for group or others
// (like ssh's private keys); anything else is refused with the fix. One trailing newline (LF or
// CRLF) is ignored, so `echo KEY > file` works. Writes are atomic (temporary file + rename) and
// create the file with mode 0600.
// On Windows the permission checks are not made (ACLs); use the Credential Manager there.
class FileSecretStore final : public SecretStore
{
public:
    static constexpr qint64 MaxKeyFileBytes = 4096;

    explicit FileSecretStore(QString path);

    Result<MerchantKey> readMerchantKey() override;
    Result<void> writeMerchantKey(const MerchantKey &key) override;
    Result<void> removeMerchantKey() override;
    QString describe() const override;

    const QString &path() const { return m_path; }

private:
    QString m_path;
};

} // namespace paydesk

#include "MerchantKey.h"

#include <openssl/crypto.h>

namespace paydesk {

MerchantKey::~MerchantKey()
{
    if (!m_utf8.isEmpty() && !m_utf8.isDetached())
        return; // another copy still holds the bytes
    if (!m_utf8.isEmpty())
        OPENSSL_cleanse(m_utf8.data(), size_t(m_utf8.size()));
}

} // namespace paydesk

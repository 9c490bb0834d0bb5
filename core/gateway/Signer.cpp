#include "Signer.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace paydesk::Signer {
namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// payment-api.md §2.2: ASCII case-folded names, ties by raw bytes. This equals the PHP sample
// and the xxpay server for every IOTPay field name and is a strict weak order for any input.
bool nameLess(const QByteArray &a, const QByteArray &b)
{
    const auto folded = [](char l, char r) { return asciiLower(l) < asciiLower(r); };
    if (std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), folded))
        return true;
    if (std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end(), folded))
        return false;
    return a < b;
}

struct Entry
{
    QByteArray name;
    QByteArray value;
};

QList<Entry> signedEntries(const ParamList &params)
{
    QList<Entry> entries;
    entries.reserve(params.size());
    for (const auto &[name, value] : params) {
        if (name == u"sign" || value.isEmpty())
            continue;
        entries.append(Entry{name.toUtf8(), value.toUtf8()});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (nameLess(a.name, b.name))
            return true;
        if (nameLess(b.name, a.name))
            return false;
        return a.value < b.value; // duplicated names: deterministic, never "pick one"
    });
    return entries;
}

QByteArray joinedWithKey(const ParamList &params, const QByteArray &key)
{
    QByteArray out;
    for (const Entry &entry : signedEntries(params)) {
        out += entry.name;
        out += '=';
        out += entry.value;
        out += '&';
    }
    out += "key=";
    out += key;
    return out;
}

QByteArray md5UpperHex(const QByteArray &data)
{
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr) != 1
        || EVP_DigestUpdate(ctx.get(), data.constData(), size_t(data.size())) != 1
        || EVP_DigestFinal_ex(ctx.get(), digest, &digestLength) != 1) {
        return {}; // an empty sign never verifies
    }
    QByteArray raw(reinterpret_cast<const char *>(digest), qsizetype(digestLength));
    return raw.toHex().toUpper();
}

bool isHexDigit(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

} // namespace

QByteArray canonicalBytes(const ParamList &params, const MerchantKey &key)
{
    return joinedWithKey(params, key.utf8());
}

QString canonicalStringRedacted(const ParamList &params)
{
    return QString::fromUtf8(joinedWithKey(params, QByteArray(MerchantKey::redacted())));
}

QString sign(const ParamList &params, const MerchantKey &key)
{
    QByteArray canonical = canonicalBytes(params, key);
    const QByteArray hex = md5UpperHex(canonical);
    OPENSSL_cleanse(canonical.data(), size_t(canonical.size()));
    return QString::fromLatin1(hex);
}

bool verify(const ParamList &params, const MerchantKey &key, QStringView claimedSign)
{
    constexpr qsizetype SignLength = 32;
    if (claimedSign.size() != SignLength || key.isEmpty())
        return false;
    QByteArray claim(SignLength, '\0');
    for (qsizetype i = 0; i < SignLength; ++i) {
        const char16_t c = claimedSign[i].unicode();
        if (!isHexDigit(c))
            return false;
        claim[i] = c >= u'a' ? char(c - u'a' + u'A') : char(c); // hex digits only here
    }
    const QByteArray expected = sign(params, key).toLatin1();
    if (expected.size() != SignLength)
        return false;
    return CRYPTO_memcmp(expected.constData(), claim.constData(), size_t(SignLength)) == 0;
}

} // namespace paydesk::Signer

namespace paydesk {

QString paramValue(const ParamList &params, QStringView name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

} // namespace paydesk

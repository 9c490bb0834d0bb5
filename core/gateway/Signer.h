#pragma once

#include "common/MerchantKey.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace paydesk {

// Name/value pairs in the order received. Duplicated names are kept (the notify decoder
// rejects them; the signer never silently picks one).
using ParamList = QList<std::pair<QString, QString>>;

// The value of the first pair called `name`, or an empty string.
QString paramValue(const ParamList &params, QStringView name);

// IOTPay v1 MD5 signing (payment-api.md §2):
// drop `sign` and empty values, sort by name (ASCII case-folded, ties by raw bytes),
// join raw `name=value` with '&', append `&key=<key>`, MD5 of the UTF-8 bytes, upper-case hex.
namespace Signer {

// The string that is hashed, with the real key: only for computing the sign, never for logs.
QByteArray canonicalBytes(const ParamList &params, const MerchantKey &key);

// The same string with the key replaced by `***`: what logs and `paydeskctl sign` show.
QString canonicalStringRedacted(const ParamList &params);

// 32 upper-case hex characters.
QString sign(const ParamList &params, const MerchantKey &key);

// Recomputes over `params` (any `sign` entry in it is ignored) and compares with `claimedSign`
// in constant time, hex case-insensitively. False for a missing, short, long or non-hex claim.
bool verify(const ParamList &params, const MerchantKey &key, QStringView claimedSign);

} // namespace Signer
} // namespace paydesk

#pragma once

#include "common/MerchantKey.h"
#include "gateway/Signer.h"

#include <QByteArray>

namespace paydesk::test {

inline const char TestKey[] = "TESTKEY0123456789";
inline const char TestMchId[] = "10000701";

// The fields IOTPay sends for a successful payment of `mchOrderNo`.
ParamList notifyFields(const QString &mchOrderNo, qint64 amountMinor, const QString &currency = QStringLiteral("CAD"));

// Adds a correct `sign` for `key`.
ParamList signedFields(ParamList fields, const MerchantKey &key);

// `fields` with the value of `name` replaced (every occurrence); the others as they are.
ParamList withField(ParamList fields, const QString &name, const QString &value);

// name=value&… with each component percent-encoded (RFC 3986 unreserved kept).
QByteArray formEncode(const ParamList &fields);

} // namespace paydesk::test

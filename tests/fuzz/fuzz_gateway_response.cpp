// Fuzz target: the IOTPay reply decoder (JSON envelope, signature, payload extraction).

#include "gateway/iotpay/IotPayCodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paydesk;
    static const MerchantKey key(QByteArrayLiteral("TESTKEY0123456789"));
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    auto decoded = IotPayCodec::decodeResponse(body, key);
    if (decoded)
        (void)IotPayCodec::checkMatches(*decoded, QStringLiteral("POS20240101123000001"), 2865);
    (void)IotPayCodec::decodeResponse(body, key, true);
    return 0;
}

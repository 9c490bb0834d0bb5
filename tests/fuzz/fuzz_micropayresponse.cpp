// Fuzz target: the IOTPay scan-to-pay reply decoder (envelope, signature, paid / user paying /
// the wallet's refusals). A decoded reply is always paid or pending, never anything else.

#include "gateway/iotpay/IotPayCodec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paydesk;
    static const MerchantKey key(QByteArrayLiteral("TESTKEY0123456789"));
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const bool required : {false, true}) {
        auto decoded = IotPayCodec::decodeMicropayResponse(body, key, required);
        if (decoded && decoded->status == RemoteStatus::Invalid)
            std::abort();
    }
    return 0;
}

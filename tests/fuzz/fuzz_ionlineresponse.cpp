// Fuzz target: iOnline Pay's JSON reply decoder (status, result_code, sign, pay_info, pay_url).

#include "gateway/ionline/IOnlinePayCodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paydesk;
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    static const MerchantKey key(QByteArrayLiteral("IONLINEKEY987654321"));
    (void)IOnlinePayCodec::decodeResponse(body, key, false);
    (void)IOnlinePayCodec::decodeResponse(body, key, true);
    (void)IOnlinePayCodec::responseSignedFields(body);
    return 0;
}

// Fuzz target: the strict XML decoder of iOnline Pay's notify and its signature check.
// Input: the request body as received.

#include "gateway/IOnlinePayCodec.h"
#include "relay/XmlNotifyDecoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paydesk;
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    static const MerchantKey key(QByteArrayLiteral("IONLINEKEY987654321"));
    auto fields = decodeXmlNotify(body);
    if (fields) {
        QString sign;
        for (const auto &[name, value] : *fields) {
            if (name == u"sign")
                sign = value;
        }
        (void)IOnlinePayCodec::verify(*fields, key, sign);
        (void)IOnlinePayCodec::canonicalStringRedacted(*fields);
    }
    return 0;
}

// Fuzz target: the strict XML decoder of iOnline Pay's notify and its signature check.
// Input: the request body as received.

#include "gateway/ionline/IOnlineNotify.h"
#include "gateway/ionline/IOnlinePayCodec.h"
#include "gateway/ionline/XmlNotifyDecoder.h"

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
    // The whole of iOnline's checks, as the relay runs them.
    static const IOnlineNotifyVerifier verifier([] {
        IOnlineNotifyConfig config;
        config.enabled = true;
        config.mchId = QStringLiteral("10085200000000");
        config.key = key;
        config.currency = Currency::CAD;
        return config;
    }());
    HttpRequest request;
    request.method = "POST";
    request.body = body;
    (void)verifier.verify(request);
    return 0;
}

// Fuzz target: the relay's notify decoder and signature verifier (reliability.md "Fuzzing").
// Input: query string, optionally followed by '\n' and a form body.

#include "gateway/iotpay/IotPayNotify.h"
#include "gateway/iotpay/IotPayNotifyDecoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paydesk;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    HttpRequest request;
    request.method = "POST";
    const qsizetype newline = input.indexOf('\n');
    request.rawQuery = newline < 0 ? input : input.left(newline);
    if (newline >= 0) {
        request.body = input.mid(newline + 1);
        request.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    }
    static const MerchantKey key(QByteArrayLiteral("TESTKEY0123456789"));
    auto params = decodeNotifyParams(request);
    if (params) {
        QString sign;
        for (const auto &[name, value] : *params) {
            if (name == u"sign")
                sign = value;
        }
        (void)Signer::verify(*params, key, sign);
        (void)Signer::canonicalStringRedacted(*params);
    }
    // The whole of IOTPay's checks, as the relay runs them.
    static const IotPayNotifyVerifier verifier(
        IotPayNotifyConfig{QStringLiteral("10000701"), key, QByteArrayLiteral("/n")});
    (void)verifier.verify(request);
    return 0;
}

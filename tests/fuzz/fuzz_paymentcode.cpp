// Fuzz target: what a scanner or a cashier types as a payment code, through the value type and
// the wallet classifier (payment-api.md §5). Whatever the input, a masked code shows at most
// four characters of it.

#include "gateway/PaymentCode.h"
#include "gateway/iotpay/IotPayPaymentCode.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paydesk;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto code = PaymentCode::fromText(text);
    if (!code)
        return 0;
    if (code->masked().size() != 8 || code->redact(code->digitsForGateway()).contains(code->digitsForGateway()))
        std::abort();
    const auto channel = iotpay::micropayChannelFor(*code);
    if (channel && !isMicropayChannel(*channel))
        std::abort();
    return 0;
}

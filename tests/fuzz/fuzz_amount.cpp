// Fuzz target: the cashier amount parser in the three interface locales and the keypad mode.

#include "money/Money.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paydesk;
    static const QLocale locales[]
        = {QLocale(QStringLiteral("en_CA")), QLocale(QStringLiteral("fr_CA")), QLocale(QStringLiteral("zh_CN"))};
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QLocale &locale : locales) {
        auto amount = parseAmount(text, locale);
        // Whatever parses must be a valid amount and format back to what parses to itself.
        if (amount && (*amount <= 0 || *amount > DefaultMaxAmountMinor))
            __builtin_trap();
        if (amount) {
            auto again = parseAmount(formatMinorPlain(*amount), QLocale(QStringLiteral("en_CA")));
            if (!again || *again != *amount)
                __builtin_trap();
        }
    }
    (void)parseKeypadCents(text);
    return 0;
}

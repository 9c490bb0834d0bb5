#pragma once

#include <QByteArray>

namespace paydesk {

// The merchant's signing key. Deliberately has no QDebug operator, no toString and no
// implicit conversion, so it cannot end up in a log line, a settings file or test output.
class MerchantKey
{
public:
    MerchantKey() = default;
    explicit MerchantKey(QByteArray utf8) : m_utf8(std::move(utf8)) {}
    ~MerchantKey();

    MerchantKey(const MerchantKey &) = default;
    MerchantKey &operator=(const MerchantKey &) = default;
    MerchantKey(MerchantKey &&) noexcept = default;
    MerchantKey &operator=(MerchantKey &&) noexcept = default;

    bool isEmpty() const { return m_utf8.isEmpty(); }
    const QByteArray &utf8() const { return m_utf8; }

    // Whatever a log may say about it: its length and nothing else.
    static constexpr const char *redacted() { return "***"; }

private:
    QByteArray m_utf8;
};

} // namespace paydesk

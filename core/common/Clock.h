#pragma once

#include <QtGlobal>

#include <atomic>

namespace paydesk {

// The two times core needs, injectable so tests never sleep:
// wall time (UTC epoch ms, for storage and business days) and a monotonic
// count (for deadlines, countdowns and polling — immune to clock changes).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowUtcMs() const = 0;
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowUtcMs() const override;
    qint64 monotonicMs() const override;
};

// Test clock: both times move only when told to; wall time can jump on its own.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startUtcMs = 1'700'000'000'000) : m_wallMs(startUtcMs) {}

    qint64 nowUtcMs() const override { return m_wallMs.load(); }
    qint64 monotonicMs() const override { return m_monotonicMs.load(); }

    void advanceMs(qint64 ms)
    {
        m_wallMs += ms;
        m_monotonicMs += ms;
    }
    void setWallMs(qint64 utcMs) { m_wallMs = utcMs; }

private:
    std::atomic<qint64> m_wallMs;
    std::atomic<qint64> m_monotonicMs{0};
};

} // namespace paydesk

#include "RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace paydesk {

void RateLimiter::refill(Bucket &bucket, qint64 nowMs) const
{
    const double elapsedSeconds = double(std::max<qint64>(0, nowMs - bucket.updatedMs)) / 1000.0;
    bucket.tokens = std::min(m_options.burst, bucket.tokens + elapsedSeconds * m_options.ratePerSecond);
    bucket.updatedMs = nowMs;
}

bool RateLimiter::tryAcquire(const QString &key, qint64 *retryAfterMs)
{
    const qint64 nowMs = m_clock.monotonicMs();
    QMutexLocker lock(&m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_options.maxKeys) {
            m_buckets.removeIf([this, nowMs](const QHash<QString, Bucket>::iterator &entry) {
                refill(entry.value(), nowMs);
                return entry.value().tokens >= m_options.burst;
            });
        }
        if (m_buckets.size() >= m_options.maxKeys) {
            if (retryAfterMs)
                *retryAfterMs = 1000;
            return false;
        }
        it = m_buckets.insert(key, Bucket{m_options.burst, nowMs});
    }
    refill(*it, nowMs);
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return true;
    }
    if (retryAfterMs) {
        const double missing = 1.0 - it->tokens;
        *retryAfterMs
            = m_options.ratePerSecond > 0 ? qint64(std::ceil(missing / m_options.ratePerSecond * 1000.0)) : 60'000;
    }
    return false;
}

} // namespace paydesk

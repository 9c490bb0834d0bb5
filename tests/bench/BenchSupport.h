#pragma once

// Shared by the benchmark programs: sample summaries, one JSON object on stdout, waiting on the
// event loop without spinning (the machine has few cores and the waits must not steal them).

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <vector>

namespace paydesk::bench {

struct Summary
{
    qsizetype count = 0;
    double minMs = 0;
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double meanMs = 0;
};

// Nearest-rank percentiles over the samples (milliseconds).
Summary summarize(std::vector<double> samplesMs);
QJsonObject toJson(const Summary &summary);

// Monotonic time in milliseconds with sub-millisecond resolution, comparable across threads.
inline double nowMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// The wall time of `work` in milliseconds; a step that fails ends the program (exit 2) with a
// line naming `program`, as a figure for a failed step would mean nothing.
double timeMs(const char *program, const std::function<bool()> &work);

// Build type, Qt and SQLite versions, core count: what a reader needs to compare two runs.
QJsonObject environmentJson();

void printJson(const QJsonObject &object);

// A positive integer option, or `fallback` when absent; exits with a message when invalid.
int intOption(const QCommandLineParser &parser, const QString &name, int fallback);

// Runs the event loop until `done()` holds (checked whenever `sender` emits `signal`) or
// `timeoutMs` passes. True when done.
template<typename Sender, typename Signal>
bool waitUntil(Sender *sender, Signal signal, const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

// Runs the event loop for `ms` milliseconds.
void spinFor(int ms);

} // namespace paydesk::bench

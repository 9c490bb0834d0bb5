#pragma once

// Shared by bench_gui and bench_minimal_window, so both programs measure the same way: when the
// first frame of a window is done, and how much memory the process holds once idle. Header-only
// and Qt Widgets only, so the minimal window links nothing more than a minimal window needs.

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>
#include <functional>

namespace paydesk::bench {

// The parent puts its steady-clock time here just before starting the child.
inline constexpr const char *SpawnVariable = "PAYDESK_BENCH_SPAWN_NS";
inline constexpr int IdleSettleMs = 2'000;

inline qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

// VmRSS from /proc/self/status, in kB; -1 where there is no procfs.
inline qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

inline void printJsonLine(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Calls back once, when the event loop is back after the first Paint of the watched window:
// by then the whole first frame, children included, has been painted and flushed.
class FirstFrame final : public QObject
{
public:
    FirstFrame(QWidget *window, std::function<void()> done) : QObject(window), m_done(std::move(done))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, this, m_done);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_done;
    bool m_seen = false;
};

// "startup": prints the first-frame times and quits. "idle": waits IdleSettleMs after the
// first frame, prints the resident memory and quits. Returns the exit code of the event loop.
inline int runFrameProbe(QWidget &window, const QString &mode, qint64 mainEnteredNs)
{
    new FirstFrame(&window, [&window, mode, mainEnteredNs] {
        const qint64 now = steadyNowNs();
        if (mode == u"idle") {
            QTimer::singleShot(IdleSettleMs, &window, [] {
                printJsonLine({{QStringLiteral("rss_kb"), residentKb()}});
                QCoreApplication::quit();
            });
            return;
        }
        QJsonObject result{{QStringLiteral("in_process_first_frame_ms"), msBetween(mainEnteredNs, now)},
                           {QStringLiteral("platform"), QGuiApplication::platformName()}};
        const qint64 spawnNs = qEnvironmentVariable(SpawnVariable).toLongLong();
        if (spawnNs > 0)
            result.insert(QStringLiteral("first_frame_ms"), msBetween(spawnNs, now));
        printJsonLine(result);
        QCoreApplication::quit();
    });
    window.show();
    return QCoreApplication::exec();
}

} // namespace paydesk::bench

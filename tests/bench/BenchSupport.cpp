#include "BenchSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace paydesk::bench {

namespace {

double nearestRank(const std::vector<double> &sorted, double fraction)
{
    const auto rank = std::size_t(std::ceil(fraction * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double rounded(double ms)
{
    return std::round(ms * 1000.0) / 1000.0;
}

QString sqliteVersion()
{
    const QString name = QStringLiteral("bench-sqlite-version");
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
                version = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace

Summary summarize(std::vector<double> samplesMs)
{
    Summary summary;
    if (samplesMs.empty())
        return summary;
    std::sort(samplesMs.begin(), samplesMs.end());
    summary.count = qsizetype(samplesMs.size());
    summary.minMs = samplesMs.front();
    summary.maxMs = samplesMs.back();
    summary.p50Ms = nearestRank(samplesMs, 0.50);
    summary.p90Ms = nearestRank(samplesMs, 0.90);
    summary.p99Ms = nearestRank(samplesMs, 0.99);
    summary.meanMs = std::accumulate(samplesMs.begin(), samplesMs.end(), 0.0) / double(samplesMs.size());
    return summary;
}

QJsonObject toJson(const Summary &summary)
{
    return {{QStringLiteral("count"), summary.count},           {QStringLiteral("minMs"), rounded(summary.minMs)},
            {QStringLiteral("p50Ms"), rounded(summary.p50Ms)},  {QStringLiteral("p90Ms"), rounded(summary.p90Ms)},
            {QStringLiteral("p99Ms"), rounded(summary.p99Ms)},  {QStringLiteral("maxMs"), rounded(summary.maxMs)},
            {QStringLiteral("meanMs"), rounded(summary.meanMs)}};
}

QJsonObject environmentJson()
{
    return {{QStringLiteral("buildType"), QStringLiteral(PAYDESK_BENCH_BUILD_TYPE)},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("sqlite"), sqliteVersion()},
            {QStringLiteral("cores"), QThread::idealThreadCount()}};
}

void printJson(const QJsonObject &object)
{
    QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
}

int intOption(const QCommandLineParser &parser, const QString &name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value <= 0) {
        QTextStream(stderr) << "--" << name << " must be a positive number" << Qt::endl;
        std::exit(2);
    }
    return value;
}

void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double timeMs(const char *program, const std::function<bool()> &work)
{
    QElapsedTimer timer;
    timer.start();
    if (!work()) {
        std::fprintf(stderr, "%s: a timed step failed\n", program);
        std::exit(2);
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace paydesk::bench

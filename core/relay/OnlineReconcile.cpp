#include "OnlineReconcile.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOnlineReconcile, "paydesk.relay.reconcile")

namespace paydesk {

OnlineReconcile::OnlineReconcile(OnlineReconcileOptions options, const Clock &clock, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_clock(clock)
{
    m_timer.setInterval(std::max(1000, m_options.intervalMs));
    connect(&m_timer, &QTimer::timeout, this, &OnlineReconcile::runPass);
}

Result<void> OnlineReconcile::start()
{
    OrderLog::Options open;
    open.busyTimeoutMs = m_options.busyTimeoutMs;
    auto log = OrderLog::open(m_options.orderLogPath, m_clock, open);
    if (!log)
        return fail(log.error());
    m_orderLog = std::move(*log);
    for (const GatewayEntry::ClientFactory &createClient : std::as_const(m_options.gateways))
        m_gateways.push_back(createClient(m_network));
    for (const auto &gateway : m_gateways) {
        auto reconciler = std::make_unique<Reconciler>(*m_orderLog, *gateway, m_clock);
        reconciler->setSources(m_options.sources);
        reconciler->setOnlineMinimumAgeMs(m_options.minimumAgeMs);
        reconciler->setCounterMinimumAgeMs(m_options.counterMinimumAgeMs);
        reconciler->setStoreId(m_options.storeId);
        connect(reconciler.get(), &Reconciler::finished, this, &OnlineReconcile::onGatewayFinished);
        m_reconcilers.push_back(std::move(reconciler));
    }
    if (m_reconcilers.empty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("online reconciliation has no gateway"));
    m_timer.start();
    runPass();
    return {};
}

OnlineReconcileTotals OnlineReconcile::totals() const
{
    return {m_passes.load(), m_examined.load(), m_changed.load(), m_errors.load(), m_lastPassUtcMs.load()};
}

bool OnlineReconcile::isRunning() const
{
    return m_pending > 0;
}

void OnlineReconcile::runPass()
{
    if (m_pending > 0 || m_reconcilers.empty())
        return;
    m_pass = ReconcileReport();
    m_pending = int(m_reconcilers.size());
    for (const auto &reconciler : m_reconcilers)
        reconciler->run(m_options.windowMs);
}

void OnlineReconcile::onGatewayFinished(const ReconcileReport &report)
{
    m_pass.examined += report.examined;
    m_pass.changed += report.changed;
    m_pass.stillOpen += report.stillOpen;
    m_pass.errors += report.errors;
    m_pass.changes += report.changes;
    m_pass.errorDetails += report.errorDetails;
    if (--m_pending > 0)
        return;
    m_examined += m_pass.examined;
    m_changed += m_pass.changed;
    m_errors += m_pass.errors;
    m_lastPassUtcMs = m_clock.nowUtcMs();
    ++m_passes;
    for (const ReconcileChange &change : std::as_const(m_pass.changes)) {
        qCInfo(lcOnlineReconcile).noquote() << "order" << change.mchOrderNo << orderStateName(change.before) << "->"
                                            << orderStateName(change.after) << change.note;
    }
    for (const QString &error : std::as_const(m_pass.errorDetails))
        qCWarning(lcOnlineReconcile).noquote() << error.left(300);
    Q_EMIT passFinished(m_pass);
}

} // namespace paydesk

#include "GatewayBridge.h"

#include "gateway/PaymentGateway.h"

#include <QNetworkAccessManager>

#include <chrono>
#include <condition_variable>

namespace paydesk {

using namespace Qt::StringLiterals;

struct GatewayBridge::Pending
{
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    Outcome outcome;

    void complete(Outcome result)
    {
        {
            std::lock_guard lock(mutex);
            if (finished)
                return;
            outcome = std::move(result);
            finished = true;
        }
        done.notify_all();
    }
};

GatewayBridge::GatewayBridge()
{
    m_thread.setObjectName(u"paydesk-gateway-bridge"_s);
}

GatewayBridge::~GatewayBridge()
{
    stop();
}

void GatewayBridge::addGateway(const QString &name, const Factory &factory)
{
    m_factories.insert(name, factory);
}

Result<void> GatewayBridge::start()
{
    if (m_context)
        return {};
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // Everything Qt-network is created in the bridge thread, which then owns it.
    QHash<QString, PaymentGateway *> built;
    QMetaObject::invokeMethod(
        m_context,
        [this, &built] {
            auto *network = new QNetworkAccessManager(m_context);
            for (auto it = m_factories.cbegin(); it != m_factories.cend(); ++it) {
                std::unique_ptr<PaymentGateway> gateway = it.value()(*network);
                if (!gateway)
                    continue;
                gateway->setParent(m_context);
                built.insert(it.key(), gateway.release());
            }
        },
        Qt::BlockingQueuedConnection);
    {
        std::lock_guard lock(m_mutex);
        m_gateways = built;
        m_stopping = false;
    }
    if (built.size() != m_factories.size()) {
        stop();
        return fail(ErrorCode::ConfigMissing, u"a gateway of the bridge could not be built"_s);
    }
    return {};
}

void GatewayBridge::stop()
{
    QList<std::shared_ptr<Pending>> waiting;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_gateways.clear();
        waiting = std::move(m_pending);
        m_pending.clear();
    }
    for (const auto &pending : waiting)
        pending->complete({fail(ErrorCode::Timeout, u"relay stopping; the gateway outcome is unknown"_s), {}});
    if (!m_context)
        return;
    // Calls still in flight are aborted by deleting their owners, in their own thread.
    QMetaObject::invokeMethod(
        m_context, [this] { qDeleteAll(m_context->children()); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
    m_context = nullptr;
}

GatewayBridge::Outcome GatewayBridge::createOrder(const QString &gateway, const OrderRequest &request, int waitMs)
{
    return call(
        gateway, [request](PaymentGateway &g) { return g.createOrder(request); }, waitMs);
}

GatewayBridge::Outcome GatewayBridge::queryOrder(const QString &gateway, const OrderLookup &lookup, int waitMs)
{
    return call(
        gateway, [lookup](PaymentGateway &g) { return g.queryOrder(lookup); }, waitMs);
}

GatewayBridge::Outcome GatewayBridge::call(const QString &gateway, Starter starter, int waitMs)
{
    auto pending = std::make_shared<Pending>();
    std::unique_lock registry(m_mutex);
    if (m_stopping || !m_context)
        return {fail(ErrorCode::Network, u"relay stopping; nothing sent"_s), {}};
    PaymentGateway *target = m_gateways.value(gateway);
    if (!target)
        return {fail(ErrorCode::ConfigMissing, u"gateway not enabled: "_s + gateway.left(20)), {}};
    m_pending.append(pending);
    // Posted under the lock: stop() queues the gateways' deletion only after this call, so the
    // bridge thread runs this with `target` still alive.
    QMetaObject::invokeMethod(
        m_context,
        [target, pending, starter = std::move(starter)] {
            {
                std::lock_guard lock(pending->mutex);
                if (pending->finished)
                    return; // the waiter already gave up: do not send at all
            }
            GatewayCall *gatewayCall = starter(*target);
            QObject::connect(gatewayCall, &GatewayCall::finished, gatewayCall, [gatewayCall, pending] {
                pending->complete({gatewayCall->result(), gatewayCall->requestJson()});
                gatewayCall->deleteLater();
            });
        },
        Qt::QueuedConnection);
    registry.unlock();

    Outcome outcome;
    {
        std::unique_lock lock(pending->mutex);
        const bool finished = pending->done.wait_for(lock, std::chrono::milliseconds(std::max(1, waitMs)),
                                                     [&pending] { return pending->finished; });
        if (!finished) {
            // Mark it so a call not yet started is never sent; one in flight is left to finish.
            pending->finished = true;
            pending->outcome = {fail(ErrorCode::Timeout, u"no gateway outcome within %1 ms"_s.arg(waitMs)), {}};
        }
        outcome = pending->outcome;
    }
    std::lock_guard lock(m_mutex);
    m_pending.removeOne(pending);
    return outcome;
}

} // namespace paydesk

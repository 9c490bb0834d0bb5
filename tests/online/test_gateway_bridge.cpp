// The thread bridge between libmicrohttpd-style plain threads and the Qt gateway clients:
// results come back to the waiting thread, a slow gateway hits the waiter's deadline, many
// threads at once, and stop() releases every waiter.

#include "gateway/PaymentGateway.h"
#include "relay/GatewayBridge.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <thread>
#include <vector>

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

// Answers every call after `delayMs`, from the thread it lives in, and records that thread.
class FakeGateway final : public PaymentGateway
{
public:
    FakeGateway(int delayMs, std::atomic<int> &created, std::atomic<QThread *> &thread)
        : m_delayMs(delayMs), m_created(created), m_thread(thread)
    {}

    GatewayCall *createOrder(const OrderRequest &request) override
    {
        ++m_created;
        m_thread = QThread::currentThread();
        auto *call = new GatewayCall(GatewayCall::Kind::CreateOrder, this);
        call->setRequestJson("{\"mchOrderNo\":\"" + request.mchOrderNo.toUtf8() + "\"}");
        GatewayResponse response;
        response.mchOrderNo = request.mchOrderNo;
        response.payOrderId = u"P-"_s + request.mchOrderNo;
        QTimer::singleShot(m_delayMs, call, [call, response] { call->finish(response); });
        return call;
    }
    GatewayCall *queryOrder(const OrderLookup &) override
    {
        auto *call = new GatewayCall(GatewayCall::Kind::QueryOrder, this);
        QTimer::singleShot(0, call, [call] { call->finish(fail(ErrorCode::GatewayFail, u"0112"_s)); });
        return call;
    }
    GatewayCall *refundOrder(const RefundRequest &) override { return nullptr; }
    QString name() const override { return u"fake"_s; }
    bool accepts(Channel, Currency) const override { return true; }

private:
    int m_delayMs;
    std::atomic<int> &m_created;
    std::atomic<QThread *> &m_thread;
};

OrderRequest order(const QString &number)
{
    OrderRequest request;
    request.mchOrderNo = number;
    return request;
}

} // namespace

class TestGatewayBridge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultReachesTheWaitingThread();
    void slowGatewayHitsTheWaitersDeadline();
    void unknownGatewayIsConfigMissing();
    void manyThreadsAtOnce();
    void stopReleasesWaiters();

private:
    std::unique_ptr<GatewayBridge> bridge(int delayMs);

    std::atomic<int> m_created{0};
    std::atomic<QThread *> m_gatewayThread{nullptr};
};

std::unique_ptr<GatewayBridge> TestGatewayBridge::bridge(int delayMs)
{
    m_created = 0;
    auto made = std::make_unique<GatewayBridge>();
    made->addGateway(u"fake"_s, [this, delayMs](QNetworkAccessManager &) {
        return std::make_unique<FakeGateway>(delayMs, m_created, m_gatewayThread);
    });
    if (!made->start())
        return {};
    return made;
}

void TestGatewayBridge::resultReachesTheWaitingThread()
{
    auto b = bridge(10);
    QVERIFY(b);
    GatewayBridge::Outcome outcome;
    std::thread caller([&] { outcome = b->createOrder(u"fake"_s, order(u"WEB1"_s), 5000); }); // a non-Qt thread
    caller.join();
    QVERIFY(outcome.result);
    QCOMPARE(outcome.result->payOrderId, u"P-WEB1"_s);
    QCOMPARE(outcome.requestJson, QByteArray("{\"mchOrderNo\":\"WEB1\"}"));
    QVERIFY(m_gatewayThread.load() != QThread::currentThread()); // the gateway ran in the bridge thread
    const auto query = b->queryOrder(u"fake"_s, {u"WEB1"_s, {}}, 5000);
    QVERIFY(!query.result);
    QCOMPARE(query.result.error().code, ErrorCode::GatewayFail);
}

void TestGatewayBridge::slowGatewayHitsTheWaitersDeadline()
{
    auto b = bridge(2000);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = b->createOrder(u"fake"_s, order(u"WEB2"_s), 100);
    QVERIFY(timer.elapsed() < 1500);
    QVERIFY(!outcome.result);
    QCOMPARE(outcome.result.error().code, ErrorCode::Timeout);
    QVERIFY(outcome.result.error().isAmbiguous());
}

void TestGatewayBridge::unknownGatewayIsConfigMissing()
{
    auto b = bridge(0);
    const auto outcome = b->createOrder(u"other"_s, order(u"WEB3"_s), 100);
    QCOMPARE(outcome.result.error().code, ErrorCode::ConfigMissing);
    QCOMPARE(m_created.load(), 0);
}

void TestGatewayBridge::manyThreadsAtOnce()
{
    auto b = bridge(5);
    std::atomic<int> correct{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                const QString number = u"WEB%1x%2"_s.arg(t).arg(i);
                const auto outcome = b->createOrder(u"fake"_s, order(number), 10'000);
                if (outcome.result && outcome.result->mchOrderNo == number)
                    ++correct;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(correct.load(), 160);
    QCOMPARE(m_created.load(), 160);
}

void TestGatewayBridge::stopReleasesWaiters()
{
    auto b = bridge(30'000);
    GatewayBridge::Outcome outcome;
    QElapsedTimer timer;
    timer.start();
    std::thread caller([&] { outcome = b->createOrder(u"fake"_s, order(u"WEB4"_s), 30'000); });
    QTRY_COMPARE(m_created.load(), 1);
    b->stop();
    caller.join();
    QVERIFY(timer.elapsed() < 10'000);
    QCOMPARE(outcome.result.error().code, ErrorCode::Timeout);
    // After stop nothing is sent any more.
    const auto after = b->createOrder(u"fake"_s, order(u"WEB5"_s), 100);
    QVERIFY(!after.result);
    QCOMPARE(m_created.load(), 1);
}

QTEST_GUILESS_MAIN(TestGatewayBridge)
#include "test_gateway_bridge.moc"

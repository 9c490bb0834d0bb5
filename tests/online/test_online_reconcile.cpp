// The GUI's start-up reconciler shares the order log with the relay's online orders: it asks
// its own gateway (IOTPay) about IOTPay orders of any source, and leaves iOnline Pay's orders
// alone rather than asking the wrong gateway and failing them.

#include "common/Clock.h"
#include "gateway/IotPayClient.h"
#include "orders/OrderLog.h"
#include "payment/Reconciler.h"
#include "sim/GatewaySimulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

class TestOnlineReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void otherGatewaysOrdersAreLeftAlone();
};

void TestOnlineReconcile::otherGatewaysOrdersAreLeftAlone()
{
    QTemporaryDir dir;
    SystemClock clock;
    QNetworkAccessManager network;
    SimOptions options;
    options.key = MerchantKey(QByteArrayLiteral("TESTKEY0123456789"));
    GatewaySimulator sim(options, clock, &network);
    QVERIFY(sim.start());
    IotPayConfig config;
    config.baseUrl = sim.baseUrl();
    config.merchant = {options.mchId, u"cashier01"_s};
    config.key = options.key;
    IotPayClient client(&network, config);
    auto log = OrderLog::open(dir.filePath(u"orders.sqlite"_s), clock);
    QVERIFY(log);

    // Two online orders left UNKNOWN by an ambiguous create; neither exists at the IOTPay simulator.
    QList<Order> orders;
    for (const QString &gateway : {u"iotpay"_s, u"ionline"_s}) {
        NewOrder newOrder;
        newOrder.terminalId = u"WEB"_s;
        newOrder.channel = Channel::WxJsapi;
        newOrder.amount = Money{2865, Currency::CAD};
        newOrder.source = OrderSource::MiniProgram;
        newOrder.gateway = gateway;
        auto created = (*log)->createOrder(newOrder);
        QVERIFY(created);
        QVERIFY((*log)->transition(created->id, OrderState::Creating, {}));
        QVERIFY((*log)->transition(created->id, OrderState::Unknown, {}));
        orders.append(*created);
    }

    Reconciler reconciler(**log, client, clock);
    QSignalSpy finished(&reconciler, &Reconciler::finished);
    reconciler.run();
    QVERIFY(finished.wait(10'000));
    const auto report = finished.first().first().value<ReconcileReport>();
    QCOMPARE(report.examined, 1);
    // IOTPay says it never had the order: FAILED. The iOnline order was not IOTPay's to judge.
    QCOMPARE((*log)->orderById(orders[0].id)->state, OrderState::Failed);
    QCOMPARE((*log)->orderById(orders[1].id)->state, OrderState::Unknown);
}

QTEST_GUILESS_MAIN(TestOnlineReconcile)
#include "test_online_reconcile.moc"

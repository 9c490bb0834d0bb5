#include "orders/OrderLog.h"

#include <QSet>
#include <QTest>

#include <utility>

Q_DECLARE_METATYPE(paydesk::OrderState)

using namespace paydesk;
using namespace Qt::StringLiterals;

namespace {

const QList<OrderState> everyState{
    OrderState::Invalid, OrderState::New,       OrderState::Creating, OrderState::Unknown, OrderState::Awaiting,
    OrderState::Expired, OrderState::Cancelled, OrderState::Failed,   OrderState::Paid,
};

// design.md "A sale, step by step", written out pair by pair rather than derived from the code.
const QList<std::pair<OrderState, OrderState>> allowedMoves{
    {OrderState::New, OrderState::Creating},       {OrderState::New, OrderState::Failed},
    {OrderState::New, OrderState::Cancelled},      {OrderState::New, OrderState::Paid},
    {OrderState::Creating, OrderState::Awaiting},  {OrderState::Creating, OrderState::Unknown},
    {OrderState::Creating, OrderState::Failed},    {OrderState::Creating, OrderState::Paid},
    {OrderState::Unknown, OrderState::Awaiting},   {OrderState::Unknown, OrderState::Failed},
    {OrderState::Unknown, OrderState::Expired},    {OrderState::Unknown, OrderState::Cancelled},
    {OrderState::Unknown, OrderState::Paid},       {OrderState::Awaiting, OrderState::Expired},
    {OrderState::Awaiting, OrderState::Cancelled}, {OrderState::Awaiting, OrderState::Failed},
    {OrderState::Awaiting, OrderState::Paid},      {OrderState::Expired, OrderState::Paid},
    {OrderState::Cancelled, OrderState::Paid},     {OrderState::Failed, OrderState::Paid},
};

QByteArray label(OrderState state)
{
    return state == OrderState::Invalid ? QByteArray("INVALID") : orderStateName(state).toLatin1();
}

} // namespace

class TestOrderState : public QObject
{
    Q_OBJECT

private slots:
    void transitionTableEveryPair_data();
    void transitionTableEveryPair();
    void paidIsFinal();
    void openAndClosedPartitionTheStates();
    void stateNamesRoundTrip();
    void sourceNamesRoundTrip();
    void verdictNames();
};

void TestOrderState::transitionTableEveryPair_data()
{
    QTest::addColumn<OrderState>("from");
    QTest::addColumn<OrderState>("to");
    QTest::addColumn<bool>("allowed");
    for (OrderState from : everyState) {
        for (OrderState to : everyState) {
            const QByteArray name = label(from) + "->" + label(to);
            QTest::newRow(name.constData()) << from << to << allowedMoves.contains({from, to});
        }
    }
}

void TestOrderState::transitionTableEveryPair()
{
    QFETCH(OrderState, from);
    QFETCH(OrderState, to);
    QFETCH(bool, allowed);
    QCOMPARE(isTransitionAllowed(from, to), allowed);
}

void TestOrderState::paidIsFinal()
{
    for (OrderState to : everyState)
        QVERIFY(!isTransitionAllowed(OrderState::Paid, to));
    for (OrderState from : everyState) {
        if (from != OrderState::Paid && from != OrderState::Invalid)
            QVERIFY(isTransitionAllowed(from, OrderState::Paid));
    }
}

void TestOrderState::openAndClosedPartitionTheStates()
{
    for (OrderState state : everyState) {
        if (state == OrderState::Invalid) {
            QVERIFY(!isOpenState(state));
            QVERIFY(!isClosedState(state));
            continue;
        }
        QVERIFY2(isOpenState(state) != isClosedState(state), qPrintable(orderStateName(state)));
    }
    QVERIFY(isOpenState(OrderState::Unknown));
    QVERIFY(isClosedState(OrderState::Failed));
}

void TestOrderState::stateNamesRoundTrip()
{
    const QStringList expected{u"NEW"_s,     u"CREATING"_s,  u"UNKNOWN"_s, u"AWAITING"_s,
                               u"EXPIRED"_s, u"CANCELLED"_s, u"FAILED"_s,  u"PAID"_s};
    QStringList names;
    for (OrderState state : everyState) {
        if (state == OrderState::Invalid)
            continue;
        names.append(orderStateName(state));
        QCOMPARE(orderStateFromName(orderStateName(state)), state);
    }
    QCOMPARE(names, expected);
    QCOMPARE(orderStateName(OrderState::Invalid), QString());
    QCOMPARE(orderStateFromName(u"paid"), OrderState::Invalid);
    QCOMPARE(orderStateFromName(u" PAID"), OrderState::Invalid);
    QCOMPARE(orderStateFromName(u""), OrderState::Invalid);
}

void TestOrderState::sourceNamesRoundTrip()
{
    QCOMPARE(orderSourceName(OrderSource::Counter), u"counter"_s);
    QCOMPARE(orderSourceName(OrderSource::MiniProgram), u"miniprogram"_s);
    QCOMPARE(orderSourceName(OrderSource::App), u"app"_s);
    for (OrderSource source : {OrderSource::Counter, OrderSource::MiniProgram, OrderSource::App})
        QCOMPARE(orderSourceFromName(orderSourceName(source)), source);
    QCOMPARE(orderSourceFromName(u"Counter"), OrderSource::Invalid);
}

void TestOrderState::verdictNames()
{
    QSet<QString> names;
    for (ConfirmVerdict verdict : {ConfirmVerdict::Applied, ConfirmVerdict::AlreadyPaid, ConfirmVerdict::UnknownOrder,
                                   ConfirmVerdict::AmountMismatch, ConfirmVerdict::CurrencyMismatch})
        names.insert(confirmVerdictName(verdict));
    QCOMPARE(names.size(), 5);
    QVERIFY(!names.contains(confirmVerdictName(ConfirmVerdict::Invalid)));
}

QTEST_GUILESS_MAIN(TestOrderState)
#include "test_orderstate.moc"

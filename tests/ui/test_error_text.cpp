// The cashier's messages come from PayDesk's typed errors alone: a gateway's own codes never
// reach the UI (each gateway's classifier turns them into ErrorCode values in core/gateway).

#include "ErrorText.h"

#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

class TestErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedGatewayErrors_data();
    void typedGatewayErrors();
    void rawGatewayCodeChangesNothing();
};

void TestErrorText::typedGatewayErrors_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("signature") << int(ErrorCode::SignatureRejected)
                               << u"Signature error — check the merchant key in Settings."_s;
    QTest::newRow("merchant") << int(ErrorCode::MerchantUnknown)
                              << u"Merchant unknown to the gateway — check the merchant ID in Settings."_s;
    QTest::newRow("details") << int(ErrorCode::RequestRejected)
                             << u"The gateway rejected the order's details. The sale was not charged."_s;
    QTest::newRow("no order") << int(ErrorCode::NoSuchOrder)
                              << u"The gateway never received the order. Nothing was charged — you can charge again."_s;
    QTest::newRow("paid") << int(ErrorCode::AlreadyPaid) << u"This order is already paid."_s;
    QTest::newRow("unknown") << int(ErrorCode::OutcomeUnknown) << u"Outcome unknown — checking with the gateway…"_s;
    QTest::newRow("declined") << int(ErrorCode::GatewayFail) << u"The gateway declined: card refused"_s;
    // Scan to pay: the wallet's refusals in plain words, never the wallet's code.
    QTest::newRow("no wallet") << int(ErrorCode::PaymentCodeUnrecognised)
                               << u"This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged."_s;
    QTest::newRow("code expired")
        << int(ErrorCode::PaymentCodeRejected)
        << u"The payment code has expired or was already used. Nothing was charged — ask the customer to refresh the "
           "code and scan again."_s;
    QTest::newRow("funds") << int(ErrorCode::InsufficientFunds)
                           << u"The customer's wallet does not have enough funds. Nothing was charged — scan again "
                              "once the customer has chosen another way to pay."_s;
    QTest::newRow("risk") << int(ErrorCode::WalletRiskControl)
                          << u"The wallet declined this payment for security reasons. Nothing was charged — the "
                             "customer can pay another way."_s;
    QTest::newRow("repeated")
        << int(ErrorCode::PaymentCodeRepeated)
        << u"This payment code was just used for another order. Ask the customer to refresh the code."_s;
    // A store role refused by the database (least privilege): said in words, not "something went wrong".
    QTest::newRow("denied") << int(ErrorCode::StoreDenied)
                            << u"The store's database does not allow this login to do that (roles). Nothing was"
                               " changed — call your manager or installer."_s;
    // Store mode: the store's database out of reach (never the driver's "database not open").
    QTest::newRow("unreachable") << int(ErrorCode::StoreUnavailable)
                                 << u"The order log cannot be reached. No new sale can start until it is back —"
                                    " nothing was charged. Call your installer if this lasts."_s;
    QTest::newRow("paid, waiting for the relay")
        << int(ErrorCode::PaidAwaitingRelay)
        << u"Paid at the gateway — waiting for the store's relay to confirm. Do not charge again."_s;
}

void TestErrorText::typedGatewayErrors()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QCOMPARE(errorMessage(Error{ErrorCode(code), u"card refused"_s, {}, 0}), message);
}

void TestErrorText::rawGatewayCodeChangesNothing()
{
    // What used to be decoded in the UI (IOTPay's 0013, 0112, ...) is the classifier's job now.
    for (const QString &raw : {u"0013"_s, u"0015"_s, u"0014"_s, u"0112"_s, u"0113"_s, u"0010"_s, u"ORDERNOTEXIST"_s})
        QCOMPARE(errorMessage(Error{ErrorCode::GatewayFail, u"x"_s, raw, 0}), u"The gateway declined: x"_s);
}

QTEST_GUILESS_MAIN(TestErrorText)
#include "test_error_text.moc"

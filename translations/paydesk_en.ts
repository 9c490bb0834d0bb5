<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Channel</name>
    <message>
        <location filename="../ui/ChannelStyle.cpp" line="+16"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WeChat Pay (mini program)</source>
        <translation>WeChat Pay (mini program)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WeChat Pay (app)</source>
        <translation>WeChat Pay (app)</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="+33"/>
        <source>Enter an amount.</source>
        <translation>Enter an amount.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not an amount. Use digits and at most one decimal separator.</source>
        <translation>That is not an amount. Use digits and at most one decimal separator.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount must be more than zero.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use at most two decimals.</source>
        <translation>Use at most two decimals.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount is above the maximum allowed for one sale.</source>
        <translation>The amount is above the maximum allowed for one sale.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This payment method does not accept this currency. Choose another method or currency.</source>
        <translation>This payment method does not accept this currency. Choose another method or currency.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Gateway unreachable — check the network. The sale was not charged.</source>
        <translation>Gateway unreachable — check the network. The sale was not charged.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Outcome unknown — checking with the gateway…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway refused the request. The sale was not charged.</source>
        <translation>The gateway refused the request. The sale was not charged.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway&apos;s reply could not be verified — check the merchant key in Settings.</source>
        <translation>The gateway&apos;s reply could not be verified — check the merchant key in Settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway answered about another order or amount. Checking with the gateway…</source>
        <translation>The gateway answered about another order or amount. Checking with the gateway…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature error — check the merchant key in Settings.</source>
        <translation>Signature error — check the merchant key in Settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merchant unknown to the gateway — check the merchant ID in Settings.</source>
        <translation>Merchant unknown to the gateway — check the merchant ID in Settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway rejected the order&apos;s details. The sale was not charged.</source>
        <translation>The gateway rejected the order&apos;s details. The sale was not charged.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway never received the order. Nothing was charged — you can charge again.</source>
        <translation>The gateway never received the order. Nothing was charged — you can charge again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This order is already paid.</source>
        <translation>This order is already paid.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway declined: %1</source>
        <translation>The gateway declined: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PayDesk is not fully set up — open Settings (F10).</source>
        <translation>PayDesk is not fully set up — open Settings (F10).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merchant key cannot be read — open Settings (F10) to enter it again.</source>
        <translation>The merchant key cannot be read — open Settings (F10) to enter it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order log cannot be reached. No new sale can start until it is back — nothing was charged. Call your installer if this lasts.</source>
        <translation>The order log cannot be reached. No new sale can start until it is back — nothing was charged. Call your installer if this lasts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The order log cannot be written. Nothing was charged. Call your installer.</source>
        <translation>The order log cannot be written. Nothing was charged. Call your installer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid at the gateway — waiting for the store&apos;s relay to confirm. Do not charge again.</source>
        <translation>Paid at the gateway — waiting for the store&apos;s relay to confirm. Do not charge again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store&apos;s database does not allow this login to do that (roles). Nothing was changed — call your manager or installer.</source>
        <translation>The store&apos;s database does not allow this login to do that (roles). Nothing was changed — call your manager or installer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full. Nothing was charged. Free some space and try again.</source>
        <translation>The disk is full. Nothing was charged. Free some space and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order log is busy. Nothing was charged — try again.</source>
        <translation>The order log is busy. Nothing was charged — try again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A sale is already in progress.</source>
        <translation>A sale is already in progress.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This counter&apos;s terminal id is already used by another PayDesk in the store&apos;s database. Choose another terminal id in Settings (F10), or ask your installer to release it.</source>
        <translation>This counter&apos;s terminal id is already used by another PayDesk in the store&apos;s database. Choose another terminal id in Settings (F10), or ask your installer to release it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged.</source>
        <translation>This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment code has expired or was already used. Nothing was charged — ask the customer to refresh the code and scan again.</source>
        <translation>The payment code has expired or was already used. Nothing was charged — ask the customer to refresh the code and scan again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s wallet does not have enough funds. Nothing was charged — scan again once the customer has chosen another way to pay.</source>
        <translation>The customer&apos;s wallet does not have enough funds. Nothing was charged — scan again once the customer has chosen another way to pay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wallet declined this payment for security reasons. Nothing was charged — the customer can pay another way.</source>
        <translation>The wallet declined this payment for security reasons. Nothing was charged — the customer can pay another way.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment code was just used for another order. Ask the customer to refresh the code.</source>
        <translation>This payment code was just used for another order. Ask the customer to refresh the code.</translation>
    </message>
</context>
<context>
    <name>ManagerText</name>
    <message>
        <location filename="../ui/manager/ManagerText.cpp" line="+28"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating</source>
        <translation>Creating</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome unknown</source>
        <translation>Outcome unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awaiting payment</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid late</source>
        <translation>Paid late</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mini program</source>
        <translation>Mini program</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund failed</source>
        <translation>Refund failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund outcome unknown</source>
        <translation>Refund outcome unknown</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State change</source>
        <translation>State change</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Manager view opened</source>
        <translation>Manager view opened</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager view locked</source>
        <translation>Manager view locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Staff account enabled</source>
        <translation>Staff account enabled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refund requested</source>
        <translation>Refund requested</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund result</source>
        <translation>Refund result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund resolved</source>
        <translation>Refund resolved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV export</source>
        <translation>CSV export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z report</source>
        <translation>Z report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings changed</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open orders checked</source>
        <translation>Open orders checked</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>No cashier</source>
        <translation>No cashier</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Sign-in refused</source>
        <translation>Sign-in refused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account locked</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff account added</source>
        <translation>Staff account added</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff account disabled</source>
        <translation>Staff account disabled</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff PIN changed</source>
        <translation>Staff PIN changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager PIN moved to an account</source>
        <translation>Manager PIN moved to an account</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/paydesk/main.cpp" line="+94"/>
        <location line="+40"/>
        <source>PayDesk demo</source>
        <translation>PayDesk demo</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>PayDesk settings</source>
        <translation>PayDesk settings</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+73"/>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>This counter&apos;s terminal id %1 is already used by another PayDesk in the store&apos;s database, so it cannot take sales. Choose another terminal id in the settings, or ask your installer to release it (paydeskctl store release-terminal %1).</source>
        <translation>This counter&apos;s terminal id %1 is already used by another PayDesk in the store&apos;s database, so it cannot take sales. Choose another terminal id in the settings, or ask your installer to release it (paydeskctl store release-terminal %1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The order log cannot be opened: %1</source>
        <translation>The order log cannot be opened: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The notification relay cannot start: %1</source>
        <translation>The notification relay cannot start: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>A changed setting could not be applied: %1</source>
        <translation>A changed setting could not be applied: %1</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <location filename="../ui/manager/ReceiptPainter.cpp" line="+32"/>
        <source>PAYMENT RECEIPT</source>
        <translation>PAYMENT RECEIPT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REFUND RECEIPT</source>
        <translation>REFUND RECEIPT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid with</source>
        <translation>Paid with</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway order</source>
        <translation>Gateway order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund no.</source>
        <translation>Refund no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
</context>
<context>
    <name>ZReport</name>
    <message>
        <location filename="../ui/manager/ZReport.cpp" line="+150"/>
        <source>End-of-day report (Z)</source>
        <translation>End-of-day report (Z)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business day %1 (%2)</source>
        <translation>Business day %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From %1 to %2, time zone %3, day starts at %4:00</source>
        <translation>From %1 to %2, time zone %3, day starts at %4:00</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed %1</source>
        <translation>Printed %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orders created in the day: %1</source>
        <translation>Orders created in the day: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Totals per channel and currency</source>
        <translation>Totals per channel and currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+62"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+62"/>
        <source>Gross</source>
        <translation>Gross</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>No payments in this business day.</source>
        <translation>No payments in this business day.</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Store %1</source>
        <translation>Store %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refunds count on the day the money went back, whatever day the sale was.</source>
        <translation>Refunds count on the day the money went back, whatever day the sale was.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Totals per source and currency</source>
        <translation>Totals per source and currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Totals per cashier and currency</source>
        <translation>Totals per cashier and currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A refund counts against the cashier who made the sale.</source>
        <translation>A refund counts against the cashier who made the sale.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Totals per store and terminal</source>
        <translation>Totals per store and terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store · terminal</source>
        <translation>Store · terminal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No store</source>
        <translation>No store</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · terminal %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · whole store</source>
        <translation>%1 · whole store</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Orders by state</source>
        <translation>Orders by state</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No orders.</source>
        <translation>No orders.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Alerts: %1</source>
        <translation>Alerts: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to check before closing the day.</source>
        <translation>Nothing to check before closing the day.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late payments (refund or keep): %1</source>
        <translation>Late payments (refund or keep): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, created %3, paid %4</source>
        <translation>%1  %2, created %3, paid %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orders not final (check open orders): %1</source>
        <translation>Orders not final (check open orders): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, %3, created %4</source>
        <translation>%1  %2, %3, created %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refunds not resolved: %1</source>
        <translation>Refunds not resolved: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, %3, by %4</source>
        <translation>%1  %2, %3, by %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notifications: %1 for no known order, %2 failed verification</source>
        <translation>Notifications: %1 for no known order, %2 failed verification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gateway contradictions (see the order&apos;s history): %1</source>
        <translation>Gateway contradictions (see the order&apos;s history): %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sales by hour</source>
        <translation>Sales by hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
</context>
<context>
    <name>paydesk::AuditView</name>
    <message>
        <location filename="../ui/manager/AuditView.cpp" line="+78"/>
        <source>Manager actions of the business day. Refunds also appear in their order&apos;s timeline.</source>
        <translation>Manager actions of the business day. Refunds also appear in their order&apos;s timeline.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>paydesk::CustomerDisplay</name>
    <message>
        <location filename="../ui/CustomerDisplay.cpp" line="+58"/>
        <source>PayDesk — customer display</source>
        <translation>PayDesk — customer display</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scan with %1 to pay</source>
        <translation>Scan with %1 to pay</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paid — thank you!</source>
        <translation>Paid — thank you!</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment not completed</source>
        <translation>Payment not completed</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Show your payment code to the cashier</source>
        <translation>Show your payment code to the cashier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the payment on your phone (%1)</source>
        <translation>Confirm the payment on your phone (%1)</translation>
    </message>
</context>
<context>
    <name>paydesk::DaySummaryView</name>
    <message numerus="yes">
        <location filename="../ui/manager/DaySummaryView.cpp" line="+120"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %n order(s) created in the business day</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n order created in the business day</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n orders created in the business day</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No store</source>
        <translation>No store</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · terminal %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · whole store</source>
        <translation>%1 · whole store</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Late payment %1: %2, paid %3 — refund or keep</source>
        <translation>Late payment %1: %2, paid %3 — refund or keep</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not final %1: %2, %3 — check open orders</source>
        <translation>Not final %1: %2, %3 — check open orders</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refund %1 %2: %3 — ask IOTPay, then resolve it</source>
        <translation>Refund %1 %2: %3 — ask IOTPay, then resolve it</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n notification(s) for no known order</source>
        <translation>
            <numerusform>%n notification for no known order</numerusform>
            <numerusform>%n notifications for no known order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n notification(s) failed verification</source>
        <translation>
            <numerusform>%n notification failed verification</numerusform>
            <numerusform>%n notifications failed verification</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway contradicts the order log on %1: %2</source>
        <translation>Gateway contradicts the order log on %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>… and %n more (see the Z report counts)</source>
        <translation>
            <numerusform>… and %n more (see the Z report counts)</numerusform>
            <numerusform>… and %n more (see the Z report counts)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to check before closing the day.</source>
        <translation>Nothing to check before closing the day.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Alerts (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alerts (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;b&gt;Totals per channel and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totals per channel and currency&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gross</source>
        <translation>Gross</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Totals per source and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totals per source and currency&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Totals per cashier and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totals per cashier and currency&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Totals per store and terminal&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totals per store and terminal&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store · terminal</source>
        <translation>Store · terminal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alerts&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>paydesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+277"/>
        <source>The customer display needs a second screen, or room beside this window.</source>
        <translation>The customer display needs a second screen, or room beside this window.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Cancel this sale?</source>
        <translation>Cancel this sale?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer may be paying right now. PayDesk asks the gateway once more before cancelling.</source>
        <translation>The customer may be paying right now. PayDesk asks the gateway once more before cancelling.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the sale</source>
        <translation>Cancel the sale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep waiting</source>
        <translation>Keep waiting</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new settings apply from now on.</source>
        <translation>The new settings apply from now on.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Printing the receipt…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt sent to the printer.</source>
        <translation>Receipt sent to the printer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PayDesk — DEMO</source>
        <translation>PayDesk — DEMO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEMO — simulated gateway, no real money</source>
        <translation>DEMO — simulated gateway, no real money</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings (F10)</source>
        <translation>Settings (F10)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager (F9)</source>
        <translation>Manager (F9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCashier.cpp" line="+86"/>
        <source>Cashier: %1. F8 switches to another cashier.</source>
        <translation>Cashier: %1. F8 switches to another cashier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No cashier accounts yet</source>
        <translation>No cashier accounts yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sales are recorded under the cashier name of the settings (%1). To have each cashier sign in, a manager adds their accounts in Manager (F9) → Staff, or on the command line with &quot;paydeskctl staff add NAME --role cashier&quot;. From then on the counter asks who is selling.</source>
        <translation>Sales are recorded under the cashier name of the settings (%1). To have each cashier sign in, a manager adds their accounts in Manager (F9) → Staff, or on the command line with &quot;paydeskctl staff add NAME --role cashier&quot;. From then on the counter asks who is selling.</translation>
    </message>
</context>
<context>
    <name>paydesk::ManagerSettingsPage</name>
    <message>
        <location filename="../ui/manager/ManagerSettingsPage.cpp" line="+115"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not saved: the settings file cannot be written.</source>
        <translation>Not saved: the settings file cannot be written.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Merchant name (receipts, reports)</source>
        <translation>Merchant name (receipts, reports)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the manager view after (minutes idle)</source>
        <translation>Lock the manager view after (minutes idle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Receipt printer (ESC/POS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer address</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer characters</source>
        <translation>Printer characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters per line</source>
        <translation>Characters per line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network (TCP port 9100)</source>
        <translation>Network (TCP port 9100)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device file or serial port</source>
        <translation>Device file or serial port</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latin letters only (any printer)</source>
        <translation>Latin letters only (any printer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese (GB18030, printer with Chinese font)</source>
        <translation>Chinese (GB18030, printer with Chinese font)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a test receipt</source>
        <translation>Print a test receipt</translation>
    </message>
</context>
<context>
    <name>paydesk::ManagerWindow</name>
    <message numerus="yes">
        <location filename="../ui/manager/ManagerWindow.cpp" line="+345"/>
        <source>Day summary (%n alert(s))</source>
        <translation>
            <numerusform>Day summary (%n alert)</numerusform>
            <numerusform>Day summary (%n alerts)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+124"/>
        <source>Day summary</source>
        <translation>Day summary</translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <source>Showing %1 of %n order(s)</source>
        <translation>
            <numerusform>Showing %1 of %n order</numerusform>
            <numerusform>Showing %1 of %n orders</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The audit trail could not be written: %1</source>
        <translation>The audit trail could not be written: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PayDesk — Manager</source>
        <translation>PayDesk — Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business day</source>
        <translation>Business day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1, starts %2:00)</source>
        <translation>(%1, starts %2:00)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check open orders</source>
        <translation>Check open orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask IOTPay about every order of the day whose outcome is not final</source>
        <translation>Ask IOTPay about every order of the day whose outcome is not final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The orders of the list as it is filtered now</source>
        <translation>The orders of the list as it is filtered now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for spreadsheet programs</source>
        <translation>for spreadsheet programs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts the file with a byte order mark, so Excel reads accents and Chinese correctly</source>
        <translation>Starts the file with a byte order mark, so Excel reads accents and Chinese correctly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z report as PDF…</source>
        <translation>Z report as PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Z report…</source>
        <translation>Print Z report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts and lock</source>
        <translation>Receipts and lock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The manager view is locked. Enter the manager PIN to continue.</source>
        <translation>The manager view is locked. Enter the manager PIN to continue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock…</source>
        <translation>Unlock…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../ui/manager/ManagerActions.cpp" line="+77"/>
        <source>Refund %1 recorded as %2.</source>
        <translation>Refund %1 recorded as %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No receipt printer is set up: choose one under &quot;Receipts and lock&quot;.</source>
        <translation>No receipt printer is set up: choose one under &quot;Receipts and lock&quot;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending the receipt to the receipt printer…</source>
        <translation>Sending the receipt to the receipt printer…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receipt saved as %1.</source>
        <translation>Receipt saved as %1.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Export orders as CSV</source>
        <translation>Export orders as CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CSV file was not written: %1</source>
        <translation>The CSV file was not written: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order(s) exported to %1.</source>
        <translation>
            <numerusform>%n order exported to %1.</numerusform>
            <numerusform>%n orders exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save Z report as PDF</source>
        <translation>Save Z report as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Z report was not written: %1</source>
        <translation>The Z report was not written: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Z report saved as %1.</source>
        <translation>Z report saved as %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print Z report</source>
        <translation>Print Z report</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Z report could not be printed.</source>
        <translation>The Z report could not be printed.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open orders are being checked already; the result follows.</source>
        <translation>Open orders are being checked already; the result follows.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking open orders with IOTPay…</source>
        <translation>Checking open orders with IOTPay…</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderDetailView</name>
    <message>
        <location filename="../ui/manager/OrderDetailView.cpp" line="+145"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 — %3 with %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 — %3 with %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paid %1</source>
        <translation>paid %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not paid</source>
        <translation>not paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created %1 · %2 · terminal %3 · cashier %4</source>
        <translation>Created %1 · %2 · terminal %3 · cashier %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Gateway order %1 · refunded %2</source>
        <translation>Gateway order %1 · refunded %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid after the sale was closed: refund it or keep it.</source>
        <translation>Paid after the sale was closed: refund it or keep it.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select an order to see its timeline and refunds.</source>
        <translation>Select an order to see its timeline and refunds.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Paid through %1: refund it from that gateway&apos;s merchant portal.</source>
        <translation>Paid through %1: refund it from that gateway&apos;s merchant portal.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve refund…</source>
        <translation>Resolve refund…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale receipt</source>
        <translation>Sale receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund receipt</source>
        <translation>Refund receipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Receipt printer (ESC/POS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;Timeline&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Refunds&lt;/b&gt;</source>
        <translation>&lt;b&gt;Refunds&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund number</source>
        <translation>Refund number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderFilterBar</name>
    <message>
        <location filename="../ui/manager/OrderFilterBar.cpp" line="+176"/>
        <source>The lowest amount is above the highest.</source>
        <translation>The lowest amount is above the highest.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid late</source>
        <translation>Paid late</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not final (open or unknown)</source>
        <translation>Not final (open or unknown)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With refunds</source>
        <translation>With refunds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount from</source>
        <translation>Amount from</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>part of the order or gateway number</source>
        <translation>part of the order or gateway number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderTableModel</name>
    <message>
        <location filename="../ui/manager/OrderTableModel.cpp" line="+189"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway order</source>
        <translation>Gateway order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>paydesk::OutcomeScreen</name>
    <message>
        <location filename="../ui/OutcomeScreen.cpp" line="+120"/>
        <source>Paid after closing</source>
        <translation>Paid after closing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</source>
        <translation>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✔ Paid</source>
        <translation>✔ Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — order %2</source>
        <translation>%1 — order %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer did not pay in time. Nothing was charged.</source>
        <translation>The customer did not pay in time. Nothing was charged.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sale was cancelled. Nothing was charged.</source>
        <translation>The sale was cancelled. Nothing was charged.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not charged</source>
        <translation>Not charged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payment could not be started.</source>
        <translation>The payment could not be started.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New sale in %1 s</source>
        <translation>New sale in %1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sale  (Enter)</source>
        <translation>New sale  (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
</context>
<context>
    <name>paydesk::PaymentScreen</name>
    <message>
        <location filename="../ui/PaymentScreen.cpp" line="+112"/>
        <source>%1:%2 left</source>
        <translation>%1:%2 left</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Creating the order…</source>
        <translation>Creating the order…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Outcome unknown — checking with the gateway…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking with the gateway…</source>
        <translation>Checking with the gateway…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan with %1 to pay</source>
        <translation>Scan with %1 to pay</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finishing…</source>
        <translation>Finishing…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancel sale  (Esc)</source>
        <translation>Cancel sale  (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate customer payment (demo)</source>
        <translation>Simulate customer payment (demo)</translation>
    </message>
</context>
<context>
    <name>paydesk::PinDialog</name>
    <message>
        <location filename="../ui/PinDialog.cpp" line="+19"/>
        <location line="+10"/>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Enter a manager&apos;s name and PIN:</source>
        <translation>Enter a manager&apos;s name and PIN:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is not a manager.</source>
        <translation>%1 is not a manager.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Too many wrong PINs. Locked until %1 (%n more minute(s)).</source>
        <translation>
            <numerusform>Too many wrong PINs. Locked until %1 (%n more minute).</numerusform>
            <numerusform>Too many wrong PINs. Locked until %1 (%n more minutes).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This account is disabled. A manager can enable it again.</source>
        <translation>This account is disabled. A manager can enable it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The staff accounts cannot be read right now. Try again.</source>
        <translation>The staff accounts cannot be read right now. Try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong name or PIN.</source>
        <translation>Wrong name or PIN.</translation>
    </message>
</context>
<context>
    <name>paydesk::QrWidget</name>
    <message>
        <location filename="../ui/QrWidget.cpp" line="+11"/>
        <source>Payment QR code</source>
        <translation>Payment QR code</translation>
    </message>
</context>
<context>
    <name>paydesk::ReceiptActions</name>
    <message>
        <location filename="../ui/manager/ReceiptActions.cpp" line="+41"/>
        <source>Thank you!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Receipt sent to %1.</source>
        <translation>Receipt sent to %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt printer did not print (%1): %2</source>
        <translation>The receipt printer did not print (%1): %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save receipt as PDF</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>paydesk::ReconcileResultDialog</name>
    <message>
        <location filename="../ui/manager/ReconcileResultDialog.cpp" line="+17"/>
        <source>Open orders checked</source>
        <translation>Open orders checked</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n order(s) checked with IOTPay.</source>
        <translation>
            <numerusform>%n order checked with IOTPay.</numerusform>
            <numerusform>%n orders checked with IOTPay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed,</source>
        <translation>
            <numerusform>%n changed,</numerusform>
            <numerusform>%n changed,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n still open.</source>
        <translation>
            <numerusform>%n still open.</numerusform>
            <numerusform>%n still open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be checked (gateway unreachable?) — try again later.</source>
        <translation>
            <numerusform>%n could not be checked (gateway unreachable?) — try again later.</numerusform>
            <numerusform>%n could not be checked (gateway unreachable?) — try again later.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open orders: nothing to check.</source>
        <translation>No open orders: nothing to check.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Was</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
</context>
<context>
    <name>paydesk::RefundDialog</name>
    <message>
        <location filename="../ui/manager/RefundDialog.cpp" line="+28"/>
        <source>Refund order %1</source>
        <translation>Refund order %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1 — %2 with %3</source>
        <translation>Order %1 — %2 with %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Part of it:</source>
        <translation>Part of it:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>amount, e.g. 5.00</source>
        <translation>amount, e.g. 5.00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required, e.g. item returned</source>
        <translation>required, e.g. item returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Paid %1 · already refunded %2 · still refundable %3</source>
        <translation>Paid %1 · already refunded %2 · still refundable %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is held by refunds whose outcome is not known yet.</source>
        <translation>%1 is held by refunds whose outcome is not known yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All that is refundable: %1</source>
        <translation>All that is refundable: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is left to refund on this order.</source>
        <translation>Nothing is left to refund on this order.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At most %1 can still be refunded.</source>
        <translation>At most %1 can still be refunded.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the reason for the refund.</source>
        <translation>Enter the reason for the refund.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That is more than can still be refunded on this order.</source>
        <translation>That is more than can still be refunded on this order.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only paid orders can be refunded.</source>
        <translation>Only paid orders can be refunded.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund was not sent: %1</source>
        <translation>The refund was not sent: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sending refund %1 of %2 to IOTPay…</source>
        <translation>Sending refund %1 of %2 to IOTPay…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>SUCCEEDED — %1 refunded. Refund number %2.</source>
        <translation>SUCCEEDED — %1 refunded. Refund number %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FAILED — nothing was refunded. %1</source>
        <translation>FAILED — nothing was refunded. %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UNKNOWN — IOTPay did not say whether %1 went back. Ask IOTPay (merchant portal), then resolve this refund later from the order&apos;s refunds.</source>
        <translation>UNKNOWN — IOTPay did not say whether %1 went back. Ask IOTPay (merchant portal), then resolve this refund later from the order&apos;s refunds.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>paydesk::ResolveRefundDialog</name>
    <message>
        <location line="+9"/>
        <source>Resolve refund %1</source>
        <translation>Resolve refund %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund %1 of %2 has no known outcome. Check it in the IOTPay merchant portal, then record what happened.</source>
        <translation>Refund %1 of %2 has no known outcome. Check it in the IOTPay merchant portal, then record what happened.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The money went back (succeeded)</source>
        <translation>The money went back (succeeded)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing went back (failed)</source>
        <translation>Nothing went back (failed)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required, e.g. seen in the portal on 2026-11-21</source>
        <translation>required, e.g. seen in the portal on 2026-11-21</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record outcome</source>
        <translation>Record outcome</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter a note: where you checked the outcome.</source>
        <translation>Enter a note: where you checked the outcome.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
</context>
<context>
    <name>paydesk::SaleScreen</name>
    <message>
        <location filename="../ui/SaleScreen.cpp" line="+340"/>
        <source>New sale</source>
        <translation>New sale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pay with %1 (%2)</source>
        <translation>Pay with %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charge  (Enter)</source>
        <translation>Charge  (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the amount</source>
        <translation>Clear the amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment code:</source>
        <translation>Payment code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan or type</source>
        <translation>Scan or type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer&apos;s payment code</source>
        <translation>Customer&apos;s payment code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge code</source>
        <translation>Charge code</translation>
    </message>
</context>
<context>
    <name>paydesk::SalesChart</name>
    <message>
        <location filename="../ui/manager/SalesChart.cpp" line="+60"/>
        <source>Number of sales</source>
        <translation>Number of sales</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount in %1</source>
        <translation>Amount in %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales by hour and channel</source>
        <translation>Sales by hour and channel</translation>
    </message>
</context>
<context>
    <name>paydesk::ScanDemoPanel</name>
    <message>
        <location filename="../ui/ScanDemoPanel.cpp" line="+90"/>
        <source>Simulate a scan:</source>
        <translation>Simulate a scan:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No funds</source>
        <translation>No funds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expired code</source>
        <translation>Expired code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk control</source>
        <translation>Risk control</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No reply</source>
        <translation>No reply</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s wallet pays at once</source>
        <translation>The customer&apos;s wallet pays at once</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer confirms with a password for a few seconds, then pays</source>
        <translation>The customer confirms with a password for a few seconds, then pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet refuses: insufficient funds</source>
        <translation>The wallet refuses: insufficient funds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet refuses: the code expired or was already used</source>
        <translation>The wallet refuses: the code expired or was already used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet&apos;s risk control refuses the payment</source>
        <translation>The wallet&apos;s risk control refuses the payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway takes the order and never answers</source>
        <translation>The gateway takes the order and never answers</translation>
    </message>
</context>
<context>
    <name>paydesk::ScanScreen</name>
    <message>
        <location filename="../ui/ScanScreen.cpp" line="+98"/>
        <source>%1 · code %2</source>
        <extracomment>The wallet and the payment code&apos;s last four digits, e.g. &quot;WeChat Pay · code ****0001&quot;.</extracomment>
        <translation>%1 · code %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel  (Esc)</source>
        <translation>Cancel  (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan again  (Enter)</source>
        <translation>Scan again  (Enter)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not charged</source>
        <translation>Not charged</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking with the gateway…</source>
        <translation>Checking with the gateway…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer confirming…</source>
        <translation>Customer confirming…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The wallet refused the payment.</source>
        <translation>The wallet refused the payment.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer is confirming the payment on their phone (password). Wait, or cancel if they cannot pay.</source>
        <translation>The customer is confirming the payment on their phone (password). Wait, or cancel if they cannot pay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Outcome unknown — checking with the gateway…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending the payment code to the gateway…</source>
        <translation>Sending the payment code to the gateway…</translation>
    </message>
</context>
<context>
    <name>paydesk::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+29"/>
        <source>Set up PayDesk</source>
        <translation>Set up PayDesk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the merchant details IOTPay gave you. The merchant key is kept in the system keychain, never in a settings file.</source>
        <translation>Enter the merchant details IOTPay gave you. The merchant key is kept in the system keychain, never in a settings file.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Merchant ID</source>
        <translation>Merchant ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login name (jobNo)</source>
        <translation>Login name (jobNo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merchant key</source>
        <translation>Merchant key</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+38"/>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Gateway URL</source>
        <translation>Gateway URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify URL</source>
        <translation>Notify URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal ID</source>
        <translation>Terminal ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store ID</source>
        <translation>Store ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: a single counter</source>
        <translation>none: a single counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a store&apos;s or chain&apos;s shared database: the store this counter belongs to (1 to 8 letters or digits), on every order it makes. Applies from the next start.</source>
        <translation>On a store&apos;s or chain&apos;s shared database: the store this counter belongs to (1 to 8 letters or digits), on every order it makes. Applies from the next start.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded on the sales while the store has no cashier accounts. A manager adds them in Manager (F9) → Staff; from then on each cashier signs in at the counter.</source>
        <translation>Recorded on the sales while the store has no cashier accounts. A manager adds them in Manager (F9) → Staff; from then on each cashier signs in at the counter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inside PayDesk</source>
        <translation>Inside PayDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate service (paydesk-relay)</source>
        <translation>Separate service (paydesk-relay)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification relay</source>
        <translation>Notification relay</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay port</source>
        <translation>Relay port</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the screen, without a window frame (kiosk)</source>
        <translation>Fill the screen, without a window frame (kiosk)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies as soon as the settings are saved. --fullscreen does the same for one run.</source>
        <translation>Applies as soon as the settings are saved. --fullscreen does the same for one run.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter window</source>
        <translation>Counter window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New manager PIN</source>
        <translation>New manager PIN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 to 12 digits</source>
        <translation>4 to 12 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the PIN</source>
        <translation>Repeat the PIN</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Choose a manager PIN (4 to 12 digits).</source>
        <translation>Choose a manager PIN (4 to 12 digits).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs differ.</source>
        <translation>The two PINs differ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the merchant key.</source>
        <translation>Enter the merchant key.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The merchant key could not be stored: %1</source>
        <translation>The merchant key could not be stored: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No merchant key to test with: %1</source>
        <translation>No merchant key to test with: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asking the gateway…</source>
        <translation>Asking the gateway…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>OK — the gateway accepted a signed request from this merchant.</source>
        <translation>OK — the gateway accepted a signed request from this merchant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The merchant key is wrong: the gateway reports a signature error.</source>
        <translation>The merchant key is wrong: the gateway reports a signature error.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway does not know this merchant ID.</source>
        <translation>The gateway does not know this merchant ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway cannot be reached — check the network and the gateway URL.</source>
        <translation>The gateway cannot be reached — check the network and the gateway URL.</translation>
    </message>
</context>
<context>
    <name>paydesk::SignInScreen</name>
    <message>
        <location filename="../ui/SignInScreen.cpp" line="+158"/>
        <source>Choose your name first.</source>
        <translation>Choose your name first.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Who is selling?</source>
        <translation>Who is selling?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your PIN</source>
        <translation>Your PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the sale</source>
        <translation>Back to the sale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>paydesk::StaffPage</name>
    <message>
        <location filename="../ui/manager/StaffPage.cpp" line="+144"/>
        <location line="+162"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+161"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Only a signed-in manager can change staff accounts. Lock the manager view and sign in again.</source>
        <translation>Only a signed-in manager can change staff accounts. Lock the manager view and sign in again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A name is 1 to 64 letters, digits or signs.</source>
        <translation>A name is 1 to 64 letters, digits or signs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>There is already an account named %1.</source>
        <translation>There is already an account named %1.</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+66"/>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>A PIN is 4 to 12 digits.</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+66"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>The two PINs differ. Type the same PIN twice.</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>There is no manager account yet: the first account is a manager&apos;s.</source>
        <translation>There is no manager account yet: the first account is a manager&apos;s.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 added as a manager.</source>
        <translation>%1 added as a manager.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 added as a cashier.</source>
        <translation>%1 added as a cashier.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+30"/>
        <source>Choose an account in the list first.</source>
        <translation>Choose an account in the list first.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>%1 is the last manager. Add another manager first: without one, nobody could manage the staff.</source>
        <translation>%1 is the last manager. Add another manager first: without one, nobody could manage the staff.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 is disabled and can no longer sign in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is enabled and can sign in again.</source>
        <translation>%1 is enabled and can sign in again.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New PIN set for %1; a lock on the account is lifted.</source>
        <translation>New PIN set for %1; a lock on the account is lifted.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a staff account</source>
        <translation>Add a staff account</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+39"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+38"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>PIN (4 to 12 digits)</source>
        <translation>PIN (4 to 12 digits)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>New PIN for %1</source>
        <translation>New PIN for %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New PIN (4 to 12 digits)</source>
        <translation>New PIN (4 to 12 digits)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Who may sell and manage at this store&apos;s counters. A cashier signs in at the counter (F8 switches); a manager also opens this view.</source>
        <translation>Who may sell and manage at this store&apos;s counters. A cashier signs in at the counter (F8 switches); a manager also opens this view.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN…</source>
        <translation>Reset PIN…</translation>
    </message>
</context>
</TS>

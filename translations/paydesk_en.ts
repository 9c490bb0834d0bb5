<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Channel</name>
    <message>
        <location filename="../ui/ChannelStyle.cpp" line="+15"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="+29"/>
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
        <location line="+4"/>
        <source>Gateway unreachable — check the network. The sale was not charged.</source>
        <translation>Gateway unreachable — check the network. The sale was not charged.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+18"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Outcome unknown — checking with the gateway…</translation>
    </message>
    <message>
        <location line="-17"/>
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
        <location line="+3"/>
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
        <location line="+3"/>
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
        <location line="+4"/>
        <source>The order log cannot be written. Nothing was charged. Call your installer.</source>
        <translation>The order log cannot be written. Nothing was charged. Call your installer.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+4"/>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/paydesk/main.cpp" line="+118"/>
        <location line="+49"/>
        <source>PayDesk demo</source>
        <translation>PayDesk demo</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>PayDesk settings</source>
        <translation>PayDesk settings</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+4"/>
        <location line="+10"/>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The order log cannot be opened: %1</source>
        <translation>The order log cannot be opened: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The notification relay cannot start: %1</source>
        <translation>The notification relay cannot start: %1</translation>
    </message>
</context>
<context>
    <name>paydesk::CustomerDisplay</name>
    <message>
        <location filename="../ui/CustomerDisplay.cpp" line="+46"/>
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
</context>
<context>
    <name>paydesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+190"/>
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
        <location line="+20"/>
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway and relay changes take effect when PayDesk is restarted.</source>
        <translation>Gateway and relay changes take effect when PayDesk is restarted.</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>paydesk::OutcomeScreen</name>
    <message>
        <location filename="../ui/OutcomeScreen.cpp" line="+90"/>
        <source>Paid after closing</source>
        <translation>Paid after closing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</source>
        <translation>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</translation>
    </message>
    <message>
        <location line="+3"/>
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
</context>
<context>
    <name>paydesk::PaymentScreen</name>
    <message>
        <location filename="../ui/PaymentScreen.cpp" line="+108"/>
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
        <location filename="../ui/PinDialog.cpp" line="+14"/>
        <location line="+6"/>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Enter the manager PIN:</source>
        <translation>Enter the manager PIN:</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <location line="+5"/>
        <source>Too many wrong PINs. Locked for %n more minute(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Locked for %n more minute.</numerusform>
            <numerusform>Too many wrong PINs. Locked for %n more minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Wrong PIN. %n attempt(s) left before a 30-minute lock.</source>
        <translation>
            <numerusform>Wrong PIN. %n attempt left before a 30-minute lock.</numerusform>
            <numerusform>Wrong PIN. %n attempts left before a 30-minute lock.</numerusform>
        </translation>
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
    <name>paydesk::SaleScreen</name>
    <message>
        <location filename="../ui/SaleScreen.cpp" line="+261"/>
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
</context>
<context>
    <name>paydesk::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+26"/>
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
        <location line="+6"/>
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
        <location line="+26"/>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location line="-25"/>
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
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+10"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location line="+43"/>
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
        <location line="+53"/>
        <source>The merchant key could not be stored: %1</source>
        <translation>The merchant key could not be stored: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No merchant key to test with: %1</source>
        <translation>No merchant key to test with: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking the gateway…</source>
        <translation>Asking the gateway…</translation>
    </message>
    <message>
        <location line="+5"/>
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
</TS>

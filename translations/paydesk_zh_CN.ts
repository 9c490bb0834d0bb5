<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Channel</name>
    <message>
        <location filename="../ui/ChannelStyle.cpp" line="+15"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UnionPay</source>
        <translation>银联</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="+29"/>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not an amount. Use digits and at most one decimal separator.</source>
        <translation>这不是有效的金额。请只输入数字，最多一个小数点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use at most two decimals.</source>
        <translation>最多只能有两位小数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount is above the maximum allowed for one sale.</source>
        <translation>金额超过单笔交易的上限。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This payment method does not accept this currency. Choose another method or currency.</source>
        <translation>该支付方式不支持此币种。请选择其他支付方式或币种。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gateway unreachable — check the network. The sale was not charged.</source>
        <translation>无法连接支付网关——请检查网络。本笔交易未扣款。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+18"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>结果未知——正在向网关核实…</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The gateway refused the request. The sale was not charged.</source>
        <translation>网关拒绝了请求。本笔交易未扣款。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway&apos;s reply could not be verified — check the merchant key in Settings.</source>
        <translation>无法验证网关的应答——请在设置中检查商户密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway answered about another order or amount. Checking with the gateway…</source>
        <translation>网关返回的订单或金额不符。正在向网关核实…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature error — check the merchant key in Settings.</source>
        <translation>签名错误——请在设置中检查商户密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merchant unknown to the gateway — check the merchant ID in Settings.</source>
        <translation>网关无法识别该商户——请在设置中检查商户号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway rejected the order&apos;s details. The sale was not charged.</source>
        <translation>网关拒绝了订单信息。本笔交易未扣款。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway never received the order. Nothing was charged — you can charge again.</source>
        <translation>网关没有收到该订单。未发生扣款——可以重新收款。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This order is already paid.</source>
        <translation>该订单已支付。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway declined: %1</source>
        <translation>网关拒绝：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PayDesk is not fully set up — open Settings (F10).</source>
        <translation>PayDesk 尚未完成设置——请打开设置（F10）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merchant key cannot be read — open Settings (F10) to enter it again.</source>
        <translation>无法读取商户密钥——请打开设置（F10）重新输入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The order log cannot be written. Nothing was charged. Call your installer.</source>
        <translation>无法写入订单记录。未发生扣款。请联系安装人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is full. Nothing was charged. Free some space and try again.</source>
        <translation>磁盘已满。未发生扣款。请释放空间后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order log is busy. Nothing was charged — try again.</source>
        <translation>订单记录正忙。未发生扣款——请重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A sale is already in progress.</source>
        <translation>已有一笔交易正在进行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/paydesk/main.cpp" line="+118"/>
        <location line="+49"/>
        <source>PayDesk demo</source>
        <translation>PayDesk 演示</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>PayDesk settings</source>
        <translation>PayDesk 设置</translation>
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
        <translation>无法打开订单记录：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The notification relay cannot start: %1</source>
        <translation>通知中继无法启动：%1</translation>
    </message>
</context>
<context>
    <name>paydesk::CustomerDisplay</name>
    <message>
        <location filename="../ui/CustomerDisplay.cpp" line="+46"/>
        <source>PayDesk — customer display</source>
        <translation>PayDesk——顾客显示屏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scan with %1 to pay</source>
        <translation>请使用%1扫码付款</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paid — thank you!</source>
        <translation>支付成功——谢谢惠顾！</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment not completed</source>
        <translation>支付未完成</translation>
    </message>
</context>
<context>
    <name>paydesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+190"/>
        <source>Cancel this sale?</source>
        <translation>取消这笔交易？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer may be paying right now. PayDesk asks the gateway once more before cancelling.</source>
        <translation>顾客可能正在付款。取消前，PayDesk 会再向网关确认一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the sale</source>
        <translation>取消交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep waiting</source>
        <translation>继续等待</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway and relay changes take effect when PayDesk is restarted.</source>
        <translation>网关和中继的更改将在 PayDesk 重新启动后生效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PayDesk — DEMO</source>
        <translation>PayDesk——演示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEMO — simulated gateway, no real money</source>
        <translation>演示——模拟网关，不涉及真实资金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings (F10)</source>
        <translation>设置（F10）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>paydesk::OutcomeScreen</name>
    <message>
        <location filename="../ui/OutcomeScreen.cpp" line="+90"/>
        <source>Paid after closing</source>
        <translation>交易关闭后才付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</source>
        <translation>顾客在交易关闭后完成了付款。该笔付款已记录，经理可以退款或保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ Paid</source>
        <translation>✔ 已收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — order %2</source>
        <translation>%1——订单 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer did not pay in time. Nothing was charged.</source>
        <translation>顾客未在有效时间内付款。未发生扣款。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sale was cancelled. Nothing was charged.</source>
        <translation>交易已取消。未发生扣款。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not charged</source>
        <translation>未收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payment could not be started.</source>
        <translation>无法发起支付。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>正在核实…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New sale in %1 s</source>
        <translation>%1 秒后开始新交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sale  (Enter)</source>
        <translation>新交易（Enter）</translation>
    </message>
</context>
<context>
    <name>paydesk::PaymentScreen</name>
    <message>
        <location filename="../ui/PaymentScreen.cpp" line="+108"/>
        <source>%1:%2 left</source>
        <translation>剩余 %1:%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Creating the order…</source>
        <translation>正在创建订单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>结果未知——正在向网关核实…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking with the gateway…</source>
        <translation>正在向网关核实…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan with %1 to pay</source>
        <translation>请使用%1扫码付款</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finishing…</source>
        <translation>正在完成…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancel sale  (Esc)</source>
        <translation>取消交易（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate customer payment (demo)</source>
        <translation>模拟顾客付款（演示）</translation>
    </message>
</context>
<context>
    <name>paydesk::PinDialog</name>
    <message>
        <location filename="../ui/PinDialog.cpp" line="+14"/>
        <location line="+6"/>
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Enter the manager PIN:</source>
        <translation>请输入经理密码：</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <location line="+5"/>
        <source>Too many wrong PINs. Locked for %n more minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多。还需锁定 %n 分钟。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Wrong PIN. %n attempt(s) left before a 30-minute lock.</source>
        <translation>
            <numerusform>密码错误。还可尝试 %n 次，之后将锁定 30 分钟。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paydesk::QrWidget</name>
    <message>
        <location filename="../ui/QrWidget.cpp" line="+11"/>
        <source>Payment QR code</source>
        <translation>支付二维码</translation>
    </message>
</context>
<context>
    <name>paydesk::SaleScreen</name>
    <message>
        <location filename="../ui/SaleScreen.cpp" line="+261"/>
        <source>New sale</source>
        <translation>新交易</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pay with %1 (%2)</source>
        <translation>使用%1支付（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charge  (Enter)</source>
        <translation>收款（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the amount</source>
        <translation>清除金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the last digit</source>
        <translation>删除最后一位</translation>
    </message>
</context>
<context>
    <name>paydesk::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+26"/>
        <source>Set up PayDesk</source>
        <translation>设置 PayDesk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the merchant details IOTPay gave you. The merchant key is kept in the system keychain, never in a settings file.</source>
        <translation>请输入 IOTPay 提供的商户信息。商户密钥保存在系统钥匙串中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merchant ID</source>
        <translation>商户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login name (jobNo)</source>
        <translation>登录名（jobNo）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merchant key</source>
        <translation>商户密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>unchanged</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Gateway URL</source>
        <translation>网关地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify URL</source>
        <translation>通知地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal ID</source>
        <translation>终端号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inside PayDesk</source>
        <translation>内置于 PayDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate service (paydesk-relay)</source>
        <translation>独立服务（paydesk-relay）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification relay</source>
        <translation>通知中继</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay port</source>
        <translation>中继端口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New manager PIN</source>
        <translation>新经理密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 to 12 digits</source>
        <translation>4 到 12 位数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the PIN</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose a manager PIN (4 to 12 digits).</source>
        <translation>请设置经理密码（4 到 12 位数字）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the merchant key.</source>
        <translation>请输入商户密钥。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The merchant key could not be stored: %1</source>
        <translation>无法保存商户密钥：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No merchant key to test with: %1</source>
        <translation>没有可用于测试的商户密钥：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking the gateway…</source>
        <translation>正在询问网关…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OK — the gateway accepted a signed request from this merchant.</source>
        <translation>正常——网关已接受该商户的签名请求。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The merchant key is wrong: the gateway reports a signature error.</source>
        <translation>商户密钥错误：网关报告签名错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway does not know this merchant ID.</source>
        <translation>网关无法识别此商户号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway cannot be reached — check the network and the gateway URL.</source>
        <translation>无法连接网关——请检查网络和网关地址。</translation>
    </message>
</context>
</TS>

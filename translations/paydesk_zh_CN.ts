<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Channel</name>
    <message>
        <location filename="../ui/ChannelStyle.cpp" line="+16"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UnionPay</source>
        <translation>银联</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WeChat Pay (mini program)</source>
        <translation>微信支付（小程序）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WeChat Pay (app)</source>
        <translation>微信支付（应用）</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="+33"/>
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
        <location line="+37"/>
        <source>Gateway unreachable — check the network. The sale was not charged.</source>
        <translation>无法连接支付网关——请检查网络。本笔交易未扣款。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>结果未知——正在向网关核实…</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+2"/>
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
        <location line="+2"/>
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
        <location line="+3"/>
        <source>The order log cannot be reached. No new sale can start until it is back — nothing was charged. Call your installer if this lasts.</source>
        <translation>无法连接订单日志。恢复之前不能开始新的销售——未扣款。如果持续，请联系安装人员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The order log cannot be written. Nothing was charged. Call your installer.</source>
        <translation>无法写入订单记录。未发生扣款。请联系安装人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid at the gateway — waiting for the store&apos;s relay to confirm. Do not charge again.</source>
        <translation>网关已收款——正在等待门店中继确认。请勿重复收款。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store&apos;s database does not allow this login to do that (roles). Nothing was changed — call your manager or installer.</source>
        <translation>门店数据库不允许此登录执行该操作（角色权限）。未做任何更改——请联系经理或安装人员。</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+2"/>
        <source>This counter&apos;s terminal id is already used by another PayDesk in the store&apos;s database. Choose another terminal id in Settings (F10), or ask your installer to release it.</source>
        <translation>此收银台的终端编号已被门店数据库中的另一台 PayDesk 使用。请在设置（F10）中选择其他终端编号，或请安装人员将其释放。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged.</source>
        <translation>这不是微信支付、支付宝或银联的付款码。未收取任何款项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment code has expired or was already used. Nothing was charged — ask the customer to refresh the code and scan again.</source>
        <translation>付款码已过期或已被使用。未收取任何款项——请顾客刷新付款码后重新扫描。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s wallet does not have enough funds. Nothing was charged — scan again once the customer has chosen another way to pay.</source>
        <translation>顾客钱包余额不足。未收取任何款项——请顾客选择其他付款方式后重新扫描。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wallet declined this payment for security reasons. Nothing was charged — the customer can pay another way.</source>
        <translation>出于安全原因，钱包拒绝了此笔付款。未收取任何款项——顾客可以用其他方式付款。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment code was just used for another order. Ask the customer to refresh the code.</source>
        <translation>此付款码刚刚已用于另一笔订单。请顾客刷新付款码。</translation>
    </message>
</context>
<context>
    <name>ManagerText</name>
    <message>
        <location filename="../ui/manager/ManagerText.cpp" line="+28"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awaiting payment</source>
        <translation>等待付款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid late</source>
        <translation>逾期付款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mini program</source>
        <translation>小程序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pending</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund outcome unknown</source>
        <translation>退款结果未知</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert</source>
        <translation>警示</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Manager view opened</source>
        <translation>打开经理视图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager view locked</source>
        <translation>经理视图已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Staff account enabled</source>
        <translation>已启用员工账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refund requested</source>
        <translation>申请退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund result</source>
        <translation>退款结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund resolved</source>
        <translation>退款已处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV export</source>
        <translation>CSV 导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z report</source>
        <translation>Z 报表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open orders checked</source>
        <translation>已核查未完成订单</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>No cashier</source>
        <translation>无收银员</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Sign-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account locked</source>
        <translation>账户已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff account added</source>
        <translation>已添加员工账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff account disabled</source>
        <translation>已停用员工账户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff PIN changed</source>
        <translation>员工密码已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager PIN moved to an account</source>
        <translation>经理密码已转为账户</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/paydesk/main.cpp" line="+94"/>
        <location line="+40"/>
        <source>PayDesk demo</source>
        <translation>PayDesk 演示</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>PayDesk settings</source>
        <translation>PayDesk 设置</translation>
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
        <translation>此收银台的终端编号 %1 已被门店数据库中的另一台 PayDesk 使用，因此无法收款。请在设置中选择其他终端编号，或请安装人员将其释放（paydeskctl store release-terminal %1）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The order log cannot be opened: %1</source>
        <translation>无法打开订单记录：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The notification relay cannot start: %1</source>
        <translation>通知中继无法启动：%1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>A changed setting could not be applied: %1</source>
        <translation>无法应用已更改的设置：%1</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <location filename="../ui/manager/ReceiptPainter.cpp" line="+32"/>
        <source>PAYMENT RECEIPT</source>
        <translation>支付凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REFUND RECEIPT</source>
        <translation>退款凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway order</source>
        <translation>网关订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
</context>
<context>
    <name>ZReport</name>
    <message>
        <location filename="../ui/manager/ZReport.cpp" line="+150"/>
        <source>End-of-day report (Z)</source>
        <translation>日结报表（Z 报表）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business day %1 (%2)</source>
        <translation>营业日 %1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From %1 to %2, time zone %3, day starts at %4:00</source>
        <translation>自 %1 至 %2，时区 %3，营业日从 %4:00 开始</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Terminal %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orders created in the day: %1</source>
        <translation>当日创建的订单：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Totals per channel and currency</source>
        <translation>按支付渠道和币种汇总</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>支付渠道</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+62"/>
        <source>Paid</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+62"/>
        <source>Gross</source>
        <translation>总额</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>No payments in this business day.</source>
        <translation>本营业日没有收款。</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Store %1</source>
        <translation>门店 %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refunds count on the day the money went back, whatever day the sale was.</source>
        <translation>退款计入退款当日，而不论原交易发生在哪一天。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Totals per source and currency</source>
        <translation>按来源和币种汇总</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Totals per cashier and currency</source>
        <translation>按收银员和币种合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A refund counts against the cashier who made the sale.</source>
        <translation>退款计入完成该笔销售的收银员。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Totals per store and terminal</source>
        <translation>按门店和终端的合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store · terminal</source>
        <translation>门店 · 终端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No store</source>
        <translation>无门店</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · 终端 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · whole store</source>
        <translation>%1 · 整个门店</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Orders by state</source>
        <translation>按状态统计订单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No orders.</source>
        <translation>没有订单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Alerts: %1</source>
        <translation>警示：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to check before closing the day.</source>
        <translation>日结前无需核查任何事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late payments (refund or keep): %1</source>
        <translation>逾期付款（退款或保留）：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, created %3, paid %4</source>
        <translation>%1  %2，创建于 %3，付款于 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orders not final (check open orders): %1</source>
        <translation>未完成的订单（请核查未完成订单）：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, %3, created %4</source>
        <translation>%1  %2，%3，创建于 %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refunds not resolved: %1</source>
        <translation>未处理的退款：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, %3, by %4</source>
        <translation>%1  %2，%3，操作人 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notifications: %1 for no known order, %2 failed verification</source>
        <translation>通知：%1 条无对应订单，%2 条验证失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gateway contradictions (see the order&apos;s history): %1</source>
        <translation>网关信息矛盾（见订单历史）：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sales by hour</source>
        <translation>按小时统计销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation>小时</translation>
    </message>
</context>
<context>
    <name>paydesk::AuditView</name>
    <message>
        <location filename="../ui/manager/AuditView.cpp" line="+78"/>
        <source>Manager actions of the business day. Refunds also appear in their order&apos;s timeline.</source>
        <translation>本营业日的经理操作。退款也会显示在对应订单的时间线中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>paydesk::CustomerDisplay</name>
    <message>
        <location filename="../ui/CustomerDisplay.cpp" line="+58"/>
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
    <message>
        <location line="+29"/>
        <source>Show your payment code to the cashier</source>
        <translation>请向收银员出示付款码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the payment on your phone (%1)</source>
        <translation>请在手机上确认付款（%1）</translation>
    </message>
</context>
<context>
    <name>paydesk::DaySummaryView</name>
    <message numerus="yes">
        <location filename="../ui/manager/DaySummaryView.cpp" line="+120"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %n order(s) created in the business day</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;——本营业日共创建 %n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No store</source>
        <translation>无门店</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · 终端 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · whole store</source>
        <translation>%1 · 整个门店</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Late payment %1: %2, paid %3 — refund or keep</source>
        <translation>逾期付款 %1：%2，付款于 %3——退款或保留</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not final %1: %2, %3 — check open orders</source>
        <translation>未完成 %1：%2，%3——请核查未完成订单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refund %1 %2: %3 — ask IOTPay, then resolve it</source>
        <translation>退款 %1 %2：%3——请向 IOTPay 确认后再处理</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n notification(s) for no known order</source>
        <translation>
            <numerusform>%n 条通知无对应订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n notification(s) failed verification</source>
        <translation>
            <numerusform>%n 条通知验证失败</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway contradicts the order log on %1: %2</source>
        <translation>网关与订单记录不符（%1）：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>… and %n more (see the Z report counts)</source>
        <translation>
            <numerusform>……另有 %n 条（见 Z 报表统计）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to check before closing the day.</source>
        <translation>日结前无需核查任何事项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Alerts (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;警示（%1）&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;b&gt;Totals per channel and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;按支付渠道和币种汇总&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>支付渠道</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gross</source>
        <translation>总额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Totals per source and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;按来源和币种汇总&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Totals per cashier and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;按收银员和币种合计&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Totals per store and terminal&lt;/b&gt;</source>
        <translation>&lt;b&gt;按门店和终端的合计&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store · terminal</source>
        <translation>门店 · 终端</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;警示&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>paydesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+277"/>
        <source>The customer display needs a second screen, or room beside this window.</source>
        <translation>顾客显示屏需要第二块屏幕，或在本窗口旁留出空间。</translation>
    </message>
    <message>
        <location line="+96"/>
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
        <location line="+27"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new settings apply from now on.</source>
        <translation>新设置现已生效。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Printing the receipt…</source>
        <translation>正在打印小票…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt sent to the printer.</source>
        <translation>小票已发送到打印机。</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <source>Manager (F9)</source>
        <translation>经理（F9）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCashier.cpp" line="+86"/>
        <source>Cashier: %1. F8 switches to another cashier.</source>
        <translation>收银员：%1。按 F8 切换收银员。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No cashier accounts yet</source>
        <translation>尚无收银员账户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sales are recorded under the cashier name of the settings (%1). To have each cashier sign in, a manager adds their accounts in Manager (F9) → Staff, or on the command line with &quot;paydeskctl staff add NAME --role cashier&quot;. From then on the counter asks who is selling.</source>
        <translation>销售记录在设置中的收银员名称下（%1）。若要每位收银员登录，请经理在“经理（F9）→ 员工”中添加账户，或在命令行运行 &quot;paydeskctl staff add 姓名 --role cashier&quot;。此后收银台会询问由谁收银。</translation>
    </message>
</context>
<context>
    <name>paydesk::ManagerSettingsPage</name>
    <message>
        <location filename="../ui/manager/ManagerSettingsPage.cpp" line="+115"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not saved: the settings file cannot be written.</source>
        <translation>未保存：无法写入设置文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Merchant name (receipts, reports)</source>
        <translation>商户名称（小票、报表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the manager view after (minutes idle)</source>
        <translation>经理视图闲置多久后锁定（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer characters</source>
        <translation>打印机字符集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters per line</source>
        <translation>每行字符数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network (TCP port 9100)</source>
        <translation>网络（TCP 端口 9100）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device file or serial port</source>
        <translation>设备文件或串口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latin letters only (any printer)</source>
        <translation>仅拉丁字母（适用于所有打印机）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese (GB18030, printer with Chinese font)</source>
        <translation>中文（GB18030，需带中文字库的打印机）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a test receipt</source>
        <translation>打印测试小票</translation>
    </message>
</context>
<context>
    <name>paydesk::ManagerWindow</name>
    <message numerus="yes">
        <location filename="../ui/manager/ManagerWindow.cpp" line="+345"/>
        <source>Day summary (%n alert(s))</source>
        <translation>
            <numerusform>当日汇总（%n 条警示）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+124"/>
        <source>Day summary</source>
        <translation>当日汇总</translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <source>Showing %1 of %n order(s)</source>
        <translation>
            <numerusform>显示 %1 笔，共 %n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The audit trail could not be written: %1</source>
        <translation>无法写入审计记录：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PayDesk — Manager</source>
        <translation>PayDesk——经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1, starts %2:00)</source>
        <translation>（%1，%2:00 开始）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check open orders</source>
        <translation>核查未完成订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask IOTPay about every order of the day whose outcome is not final</source>
        <translation>向 IOTPay 查询当日所有结果未确定的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The orders of the list as it is filtered now</source>
        <translation>按当前筛选条件导出列表中的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for spreadsheet programs</source>
        <translation>用于电子表格软件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts the file with a byte order mark, so Excel reads accents and Chinese correctly</source>
        <translation>在文件开头加入字节顺序标记（BOM），让 Excel 正确显示重音字母和中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z report as PDF…</source>
        <translation>Z 报表存为 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Z report…</source>
        <translation>打印 Z 报表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts and lock</source>
        <translation>小票与锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The manager view is locked. Enter the manager PIN to continue.</source>
        <translation>经理视图已锁定。请输入经理密码以继续。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/manager/ManagerActions.cpp" line="+77"/>
        <source>Refund %1 recorded as %2.</source>
        <translation>退款 %1 已记录为“%2”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No receipt printer is set up: choose one under &quot;Receipts and lock&quot;.</source>
        <translation>尚未设置小票打印机：请在“小票与锁定”中选择。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending the receipt to the receipt printer…</source>
        <translation>正在将小票发送到小票打印机…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receipt saved as %1.</source>
        <translation>小票已保存为 %1。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Export orders as CSV</source>
        <translation>将订单导出为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CSV file was not written: %1</source>
        <translation>CSV 文件未写入：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 笔订单导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save Z report as PDF</source>
        <translation>将 Z 报表保存为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Z report was not written: %1</source>
        <translation>Z 报表未写入：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Z report saved as %1.</source>
        <translation>Z 报表已保存为 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print Z report</source>
        <translation>打印 Z 报表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Z report could not be printed.</source>
        <translation>Z 报表无法打印。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open orders are being checked already; the result follows.</source>
        <translation>正在核查未完成订单，结果稍后显示。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking open orders with IOTPay…</source>
        <translation>正在向 IOTPay 核查未完成订单…</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderDetailView</name>
    <message>
        <location filename="../ui/manager/OrderDetailView.cpp" line="+145"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 — %3 with %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;——%2——%4 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paid %1</source>
        <translation>付款于 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not paid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created %1 · %2 · terminal %3 · cashier %4</source>
        <translation>创建于 %1 · %2 · 终端 %3 · 收银员 %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Gateway order %1 · refunded %2</source>
        <translation>网关订单号 %1 · 已退款 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid after the sale was closed: refund it or keep it.</source>
        <translation>交易关闭后才付款：请退款或保留。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select an order to see its timeline and refunds.</source>
        <translation>选择一个订单以查看其时间线和退款。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Paid through %1: refund it from that gateway&apos;s merchant portal.</source>
        <translation>通过 %1 支付：请在该支付网关的商户后台退款。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve refund…</source>
        <translation>处理退款…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale receipt</source>
        <translation>销售小票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund receipt</source>
        <translation>退款小票</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>小票打印机（ESC/POS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;时间线&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Refunds&lt;/b&gt;</source>
        <translation>&lt;b&gt;退款&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund number</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderFilterBar</name>
    <message>
        <location filename="../ui/manager/OrderFilterBar.cpp" line="+176"/>
        <source>The lowest amount is above the highest.</source>
        <translation>最低金额高于最高金额。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid late</source>
        <translation>逾期付款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not final (open or unknown)</source>
        <translation>未完成（进行中或结果未知）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With refunds</source>
        <translation>有退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All channels</source>
        <translation>全部支付渠道</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>支付渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount from</source>
        <translation>金额从</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>part of the order or gateway number</source>
        <translation>订单号或网关订单号的一部分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderTableModel</name>
    <message>
        <location filename="../ui/manager/OrderTableModel.cpp" line="+189"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>支付渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway order</source>
        <translation>网关订单号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>paydesk::OutcomeScreen</name>
    <message>
        <location filename="../ui/OutcomeScreen.cpp" line="+120"/>
        <source>Paid after closing</source>
        <translation>交易关闭后才付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</source>
        <translation>顾客在交易关闭后完成了付款。该笔付款已记录，经理可以退款或保留。</translation>
    </message>
    <message>
        <location line="+4"/>
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
    <message>
        <location line="+1"/>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
</context>
<context>
    <name>paydesk::PaymentScreen</name>
    <message>
        <location filename="../ui/PaymentScreen.cpp" line="+112"/>
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
        <location filename="../ui/PinDialog.cpp" line="+19"/>
        <location line="+10"/>
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Enter a manager&apos;s name and PIN:</source>
        <translation>请输入经理的姓名和密码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is not a manager.</source>
        <translation>%1 不是经理。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Too many wrong PINs. Locked until %1 (%n more minute(s)).</source>
        <translation>
            <numerusform>密码错误次数过多。锁定至 %1（还剩 %n 分钟）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This account is disabled. A manager can enable it again.</source>
        <translation>此账户已停用。经理可以重新启用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The staff accounts cannot be read right now. Try again.</source>
        <translation>暂时无法读取员工账户，请重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong name or PIN.</source>
        <translation>姓名或密码错误。</translation>
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
    <name>paydesk::ReceiptActions</name>
    <message>
        <location filename="../ui/manager/ReceiptActions.cpp" line="+41"/>
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Receipt sent to %1.</source>
        <translation>小票已发送到 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt printer did not print (%1): %2</source>
        <translation>小票打印机未能打印（%1）：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save receipt as PDF</source>
        <translation>将小票保存为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>paydesk::ReconcileResultDialog</name>
    <message>
        <location filename="../ui/manager/ReconcileResultDialog.cpp" line="+17"/>
        <source>Open orders checked</source>
        <translation>已核查未完成订单</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n order(s) checked with IOTPay.</source>
        <translation>
            <numerusform>已向 IOTPay 核查 %n 笔订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed,</source>
        <translation>
            <numerusform>%n 笔状态已变更，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n still open.</source>
        <translation>
            <numerusform>%n 笔仍未完成。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be checked (gateway unreachable?) — try again later.</source>
        <translation>
            <numerusform>%n 笔无法核查（网关无法连接？）——请稍后重试。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open orders: nothing to check.</source>
        <translation>没有未完成订单，无需核查。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Was</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>现状态</translation>
    </message>
</context>
<context>
    <name>paydesk::RefundDialog</name>
    <message>
        <location filename="../ui/manager/RefundDialog.cpp" line="+28"/>
        <source>Refund order %1</source>
        <translation>订单 %1 退款</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1 — %2 with %3</source>
        <translation>订单 %1——%3 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Part of it:</source>
        <translation>部分退款：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>amount, e.g. 5.00</source>
        <translation>金额，例如 5.00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required, e.g. item returned</source>
        <translation>必填，例如：商品退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Paid %1 · already refunded %2 · still refundable %3</source>
        <translation>已付 %1 · 已退款 %2 · 仍可退 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is held by refunds whose outcome is not known yet.</source>
        <translation>有 %1 被结果尚未确定的退款占用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All that is refundable: %1</source>
        <translation>全部可退金额：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is left to refund on this order.</source>
        <translation>该订单已无可退金额。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At most %1 can still be refunded.</source>
        <translation>最多还可退 %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the reason for the refund.</source>
        <translation>请输入退款原因。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That is more than can still be refunded on this order.</source>
        <translation>超出该订单仍可退的金额。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only paid orders can be refunded.</source>
        <translation>只有已付款的订单才能退款。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund was not sent: %1</source>
        <translation>退款未发出：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sending refund %1 of %2 to IOTPay…</source>
        <translation>正在向 IOTPay 发送退款 %1（%2）…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>SUCCEEDED — %1 refunded. Refund number %2.</source>
        <translation>成功——已退款 %1。退款单号 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FAILED — nothing was refunded. %1</source>
        <translation>失败——未退款。%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UNKNOWN — IOTPay did not say whether %1 went back. Ask IOTPay (merchant portal), then resolve this refund later from the order&apos;s refunds.</source>
        <translation>未知——IOTPay 未确认 %1 是否已退回。请向 IOTPay（商户后台）核实，稍后在该订单的退款记录中处理此退款。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>paydesk::ResolveRefundDialog</name>
    <message>
        <location line="+9"/>
        <source>Resolve refund %1</source>
        <translation>处理退款 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund %1 of %2 has no known outcome. Check it in the IOTPay merchant portal, then record what happened.</source>
        <translation>退款 %1（%2）结果未知。请在 IOTPay 商户后台核实，然后记录实际结果。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The money went back (succeeded)</source>
        <translation>款项已退回（成功）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing went back (failed)</source>
        <translation>款项未退回（失败）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required, e.g. seen in the portal on 2026-11-21</source>
        <translation>必填，例如：2026-11-21 在后台查到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record outcome</source>
        <translation>记录结果</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter a note: where you checked the outcome.</source>
        <translation>请填写备注：在何处核实了结果。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not recorded: %1</source>
        <translation>未记录：%1</translation>
    </message>
</context>
<context>
    <name>paydesk::SaleScreen</name>
    <message>
        <location filename="../ui/SaleScreen.cpp" line="+340"/>
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
    <message>
        <location line="+1"/>
        <source>Payment code:</source>
        <translation>付款码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan or type</source>
        <translation>扫描或输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer&apos;s payment code</source>
        <translation>顾客的付款码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge code</source>
        <translation>按付款码收款</translation>
    </message>
</context>
<context>
    <name>paydesk::SalesChart</name>
    <message>
        <location filename="../ui/manager/SalesChart.cpp" line="+60"/>
        <source>Number of sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount in %1</source>
        <translation>%1 金额</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sales</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales by hour and channel</source>
        <translation>按小时和支付渠道统计销售</translation>
    </message>
</context>
<context>
    <name>paydesk::ScanDemoPanel</name>
    <message>
        <location filename="../ui/ScanDemoPanel.cpp" line="+90"/>
        <source>Simulate a scan:</source>
        <translation>模拟扫码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>输入密码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No funds</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expired code</source>
        <translation>付款码过期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk control</source>
        <translation>风控拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No reply</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s wallet pays at once</source>
        <translation>顾客的钱包立即付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer confirms with a password for a few seconds, then pays</source>
        <translation>顾客输入密码确认几秒钟后付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet refuses: insufficient funds</source>
        <translation>钱包拒绝：余额不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet refuses: the code expired or was already used</source>
        <translation>钱包拒绝：付款码已过期或已使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet&apos;s risk control refuses the payment</source>
        <translation>钱包风控拒绝此付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway takes the order and never answers</source>
        <translation>网关接收订单但一直不应答</translation>
    </message>
</context>
<context>
    <name>paydesk::ScanScreen</name>
    <message>
        <location filename="../ui/ScanScreen.cpp" line="+98"/>
        <source>%1 · code %2</source>
        <extracomment>The wallet and the payment code&apos;s last four digits, e.g. &quot;WeChat Pay · code ****0001&quot;.</extracomment>
        <translation>%1 · 付款码 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel  (Esc)</source>
        <translation>取消  (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan again  (Enter)</source>
        <translation>重新扫码  (Enter)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not charged</source>
        <translation>未收款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking with the gateway…</source>
        <translation>正在向网关核实…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer confirming…</source>
        <translation>顾客确认中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The wallet refused the payment.</source>
        <translation>钱包拒绝了此付款。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer is confirming the payment on their phone (password). Wait, or cancel if they cannot pay.</source>
        <translation>顾客正在手机上确认付款（输入密码）。请稍候；如顾客无法付款，可取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>结果未知 — 正在向网关核实…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending the payment code to the gateway…</source>
        <translation>正在将付款码发送到网关…</translation>
    </message>
</context>
<context>
    <name>paydesk::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+29"/>
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
        <location line="+27"/>
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
        <location line="+38"/>
        <source>unchanged</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location line="-37"/>
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
        <source>Store ID</source>
        <translation>门店号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: a single counter</source>
        <translation>无：单个收银台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a store&apos;s or chain&apos;s shared database: the store this counter belongs to (1 to 8 letters or digits), on every order it makes. Applies from the next start.</source>
        <translation>在门店或连锁店共享的数据库上：此收银台所属的门店（1 到 8 个字母或数字），记录在它的每笔订单上。下次启动时生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded on the sales while the store has no cashier accounts. A manager adds them in Manager (F9) → Staff; from then on each cashier signs in at the counter.</source>
        <translation>在门店没有收银员账户时记录在销售上。经理可在“经理（F9）→ 员工”中添加账户；此后每位收银员在收银台登录。</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <source>Fill the screen, without a window frame (kiosk)</source>
        <translation>全屏，无窗口边框（自助终端模式）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies as soon as the settings are saved. --fullscreen does the same for one run.</source>
        <translation>保存设置后立即生效。--fullscreen 仅对本次运行有同样效果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter window</source>
        <translation>收银窗口</translation>
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
        <location line="-56"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+97"/>
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
        <location line="+56"/>
        <source>The merchant key could not be stored: %1</source>
        <translation>无法保存商户密钥：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No merchant key to test with: %1</source>
        <translation>没有可用于测试的商户密钥：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asking the gateway…</source>
        <translation>正在询问网关…</translation>
    </message>
    <message>
        <location line="+12"/>
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
<context>
    <name>paydesk::SignInScreen</name>
    <message>
        <location filename="../ui/SignInScreen.cpp" line="+158"/>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Who is selling?</source>
        <translation>谁在收银？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your PIN</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the sale</source>
        <translation>返回销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>paydesk::StaffPage</name>
    <message>
        <location filename="../ui/manager/StaffPage.cpp" line="+144"/>
        <location line="+162"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+161"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Only a signed-in manager can change staff accounts. Lock the manager view and sign in again.</source>
        <translation>只有已登录的经理才能修改员工账户。请锁定经理视图后重新登录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A name is 1 to 64 letters, digits or signs.</source>
        <translation>姓名为 1 到 64 个字母、数字或符号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>There is already an account named %1.</source>
        <translation>已存在名为 %1 的账户。</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+66"/>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>密码为 4 到 12 位数字。</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+66"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>两次输入的密码不一致。请输入两次相同的密码。</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>There is no manager account yet: the first account is a manager&apos;s.</source>
        <translation>尚无经理账户：第一个账户必须是经理账户。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 added as a manager.</source>
        <translation>已将 %1 添加为经理。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 added as a cashier.</source>
        <translation>已将 %1 添加为收银员。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+30"/>
        <source>Choose an account in the list first.</source>
        <translation>请先在列表中选择一个账户。</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>%1 is the last manager. Add another manager first: without one, nobody could manage the staff.</source>
        <translation>%1 是最后一位经理。请先添加另一位经理：没有经理就无人能管理员工。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 已停用，不能再登录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is enabled and can sign in again.</source>
        <translation>%1 已启用，可以再次登录。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New PIN set for %1; a lock on the account is lifted.</source>
        <translation>已为 %1 设置新密码；账户锁定已解除。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a staff account</source>
        <translation>添加员工账户</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+39"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+38"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>PIN (4 to 12 digits)</source>
        <translation>密码（4 到 12 位数字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>New PIN for %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New PIN (4 to 12 digits)</source>
        <translation>新密码（4 到 12 位数字）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Who may sell and manage at this store&apos;s counters. A cashier signs in at the counter (F8 switches); a manager also opens this view.</source>
        <translation>谁可以在本店收银台收银和管理。收银员在收银台登录（F8 切换）；经理还可以打开此视图。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN…</source>
        <translation>重设密码…</translation>
    </message>
</context>
</TS>

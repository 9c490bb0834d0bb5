#include "ManagerRig.h"

#include "config/ManagerPin.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "demo/DemoEnvironment.h"
#include "gateway/iotpay/IotPayClient.h"
#include "payment/Checkout.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "receipts/PrinterTransport.h"
#include "staff/StaffService.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/manager/ManagerWindow.h"

#include <QApplication>
#include <QDateTime>
#include <QDialog>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

namespace paydesk {

ManagerRig::ManagerRig() = default;

ManagerRig::~ManagerRig()
{
    // The window, the sale and the refunds talk to everything below; they go first.
    m_window.reset();
    m_refunds.reset();
    m_reconciler.reset();
    m_checkout.reset();
}

Result<std::unique_ptr<ManagerRig>> ManagerRig::start(const Options &options)
{
    std::unique_ptr<ManagerRig> rig(new ManagerRig);
    if (auto started = rig->startServices(options); !started)
        return fail(started.error());
    rig->m_language = std::make_unique<LanguageSwitcher>();
    if (!rig->m_language->setLanguage(options.language))
        return fail(ErrorCode::InvalidArgument, u"unknown language " + options.language);

    SaleConfig sale;
    sale.terminalId = rig->m_settings->terminalId();
    sale.cashier = QStringLiteral("alice");
    sale.notifyUrl = rig->m_settings->notifyUrl();
    sale.validityMs = 120'000;
    sale.graceMs = rig->m_settings->graceMs();
    sale.queryIntervalMs = rig->m_settings->queryIntervalMs();
    rig->m_checkout = std::make_unique<Checkout>(*rig->m_orderLog, *rig->m_gateway, rig->m_clock, sale);
    rig->m_refunds = std::make_unique<RefundService>(*rig->m_orderLog, *rig->m_gateway, rig->m_clock);
    rig->m_reconciler = std::make_unique<Reconciler>(*rig->m_orderLog, *rig->m_gateway, rig->m_clock);
    rig->m_printer = std::make_unique<MemoryPrinterTransport>();

    CounterServices services;
    services.checkout = rig->m_checkout.get();
    services.orderLog = rig->m_orderLog.get();
    services.settings = rig->m_settings.get();
    services.secrets = rig->m_secrets.get();
    services.network = rig->m_network.get();
    services.clock = &rig->m_clock;
    services.language = rig->m_language.get();
    services.demo = rig->m_demo.get();
    services.refunds = rig->m_refunds.get();
    services.reconciler = rig->m_reconciler.get();
    services.staff = rig->m_staff.get();
    services.receiptPrinter = options.thermalPrinter ? rig->m_printer.get() : nullptr;
    rig->m_window = std::make_unique<MainWindow>(services);
    return rig;
}

bool ManagerRig::showWindow()
{
    m_window->show();
    m_window->activateWindow();
    return QTest::qWaitForWindowActive(m_window.get());
}

ManagerWindow *ManagerRig::openManager()
{
    ModalAnswer answer([](QWidget *modal) { enterPin(modal, QString::fromLatin1(Pin)); });
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("managerButton")), Qt::LeftButton);
    ManagerWindow *manager = m_window->managerWindow();
    if (!answer.answered() || !manager || !QTest::qWaitForWindowExposed(manager))
        return nullptr;
    return manager;
}

Result<void> ManagerRig::startServices(const Options &options)
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_settingsDir = std::make_unique<QTemporaryDir>();
    if (!m_settingsDir->isValid())
        return fail(ErrorCode::StoreUnavailable, m_settingsDir->errorString());
    m_settings = std::make_unique<Settings>(m_settingsDir->filePath(QStringLiteral("manager.ini")));
    auto environment = DemoEnvironment::start(DemoOptions(), m_clock, m_network.get());
    if (!environment)
        return fail(environment.error());
    m_demo = std::move(*environment);
    m_secrets = std::make_unique<MemorySecretStore>(MerchantKey(QByteArray(DemoEnvironment::DemoKey)));
    (void)m_settings->setMchId(QString::fromLatin1(DemoEnvironment::MerchantId));
    (void)m_settings->setTerminalId(QStringLiteral("DEMO"));
    (void)m_settings->setNotifyUrl(m_demo->notifyUrl());
    (void)m_settings->setMerchantName(QStringLiteral("Café Lumière"));
    (void)m_settings->setReportTimeZoneId("America/Toronto");
    // The business day must not turn over while a test runs: cut it off half a day from now.
    const QTimeZone toronto("America/Toronto");
    const int hourNow = QDateTime::fromMSecsSinceEpoch(m_clock.nowUtcMs(), toronto).time().hour();
    (void)m_settings->setReportCutoffHour((hourNow + 12) % 24);
    if (options.withPin) {
        auto verifier = makePinVerifier(QString::fromLatin1(Pin), MinPinIterations);
        if (!verifier)
            return fail(verifier.error());
        (void)m_settings->setPinVerifier(*verifier);
    }
    auto log = OrderLog::open(m_demo->orderLogPath(), m_clock);
    if (!log)
        return fail(log.error());
    m_orderLog = std::move(*log);
    // As CounterAssembly does: the manager PIN of the settings becomes the "manager" account.
    m_staff = std::make_unique<StaffService>(*m_orderLog, m_clock, MinPinIterations);
    if (auto migrated = m_staff->migrateManagerPin(m_settings->pinVerifier(), m_settings->pinLockoutState(),
                                                   m_settings->terminalId());
        !migrated)
        return fail(migrated.error());
    m_gateway = std::make_unique<IotPayClient>(m_network.get(), m_demo->gatewayConfig());
    return {};
}

Result<Order> ManagerRig::awaitingSale(qint64 amountMinor, Channel channel)
{
    auto started = m_checkout->charge(Money{amountMinor, m_settings->saleCurrency()}, channel);
    if (!started)
        return fail(started.error());
    Sale *sale = *started;
    QSignalSpy qr(sale, &Sale::qrReady);
    if (sale->state() != OrderState::Awaiting && !qr.wait(5000))
        return fail(ErrorCode::Timeout, QStringLiteral("no QR within 5 s"));
    return sale->order();
}

Result<Order> ManagerRig::paidSale(qint64 amountMinor, Channel channel)
{
    const auto awaiting = awaitingSale(amountMinor, channel);
    if (!awaiting)
        return awaiting;
    Sale *sale = m_checkout->current();
    QSignalSpy finished(sale, &Sale::finished);
    if (auto paid = m_demo->simulator().pay(awaiting->mchOrderNo); !paid)
        return fail(paid.error());
    if (sale->state() != OrderState::Paid && !finished.wait(8000))
        return fail(ErrorCode::Timeout, QStringLiteral("not paid within 8 s"));
    return m_orderLog->orderById(sale->order().id);
}

Result<Order> ManagerRig::onlineSale(Money amount, Channel channel, OrderSource source, const QString &gateway)
{
    NewOrder newOrder;
    newOrder.terminalId = QStringLiteral("WEB");
    newOrder.channel = channel;
    newOrder.amount = amount;
    newOrder.source = source;
    newOrder.gateway = gateway;
    newOrder.subject = QStringLiteral("Online order");
    auto created = m_orderLog->createOrder(newOrder);
    if (!created)
        return created;
    const QString payOrderId = u'P' + created->mchOrderNo;
    TransitionDetails awaiting{QStringLiteral("api"), {}, payOrderId, {}, {}, 0, m_clock.nowUtcMs() + 7'200'000, {}};
    if (auto moved = m_orderLog->transition(created->id, OrderState::Creating, {}); !moved)
        return fail(moved.error());
    if (auto moved = m_orderLog->transition(created->id, OrderState::Awaiting, awaiting); !moved)
        return fail(moved.error());
    auto paid = m_orderLog->confirmPayment({created->mchOrderNo,
                                            payOrderId,
                                            amount,
                                            QStringLiteral("4200000000"),
                                            m_clock.nowUtcMs(),
                                            QStringLiteral("relay"),
                                            {}});
    if (!paid)
        return fail(paid.error());
    return m_orderLog->orderById(created->id);
}

Result<Order> ManagerRig::orphanOrder(qint64 amountMinor, Channel channel, bool paidAtGateway)
{
    NewOrder newOrder;
    newOrder.terminalId = m_settings->terminalId();
    newOrder.cashier = QStringLiteral("bob");
    newOrder.channel = channel;
    newOrder.amount = Money{amountMinor, m_settings->saleCurrency()};
    newOrder.expiresAtMs = m_clock.nowUtcMs() + 600'000;
    const auto order = m_orderLog->createOrder(newOrder);
    if (!order)
        return order;
    OrderRequest request;
    request.mchOrderNo = order->mchOrderNo;
    request.channel = channel;
    request.amount = order->amount;
    request.subject = QStringLiteral("Tea");
    request.body = QStringLiteral("Tea");
    request.notifyUrl = QStringLiteral("http://127.0.0.1:9/notify/iotpay");
    GatewayCall *call = m_gateway->createOrder(request);
    QSignalSpy done(call, &GatewayCall::finished);
    if (!done.wait(5000) || !call->result())
        return fail(ErrorCode::Timeout, QStringLiteral("create_order did not succeed"));
    call->deleteLater();
    TransitionDetails details;
    details.actor = QStringLiteral("test");
    if (auto moved = m_orderLog->transition(order->id, OrderState::Creating, details); !moved)
        return fail(moved.error());
    details.payOrderId = call->result()->payOrderId;
    if (auto moved = m_orderLog->transition(order->id, OrderState::Awaiting, details); !moved)
        return fail(moved.error());
    if (paidAtGateway) {
        if (auto paid = m_demo->simulator().pay(order->mchOrderNo); !paid)
            return fail(paid.error());
    }
    return m_orderLog->orderById(order->id);
}

ModalAnswer::ModalAnswer(Answer answer, QObject *parent) : QObject(parent), m_answer(std::move(answer))
{
    QTimer::singleShot(0, this, [this] { poll(250); });
}

void ModalAnswer::poll(int triesLeft)
{
    if (QWidget *modal = QApplication::activeModalWidget()) {
        m_answered = true;
        m_answer(modal);
        QTimer::singleShot(5'000, this, [dialog = QPointer<QDialog>(qobject_cast<QDialog *>(modal))] {
            if (dialog && dialog->isVisible()) {
                qWarning("a modal dialog was left open; rejecting it");
                dialog->reject();
            }
        });
        return;
    }
    if (triesLeft > 0)
        QTimer::singleShot(20, this, [this, triesLeft] { poll(triesLeft - 1); });
}

void enterPin(QWidget *pinDialog, const QString &pin)
{
    auto *edit = pinDialog->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    if (!edit)
        return;
    edit->clear();
    QTest::keyClicks(edit, pin);
    if (auto *dialog = qobject_cast<QDialog *>(pinDialog))
        dialog->accept(); // PinDialog::accept checks the PIN; a wrong one keeps the dialog open
}

} // namespace paydesk

#pragma once

// The counter as `paydesk --demo` assembles it, plus what the manager view needs — a refund
// service and a reconciler on the simulated gateway, a manager PIN, and an ESC/POS printer that
// keeps what it is sent — for the manager GUI and receipt tests.

#include "common/Clock.h"
#include "common/Error.h"
#include "orders/OrderLog.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTemporaryDir;
class QWidget;

namespace paydesk {

class Checkout;
class DemoEnvironment;
class IotPayClient;
class LanguageSwitcher;
class MainWindow;
class ManagerWindow;
class MemoryPrinterTransport;
class MemorySecretStore;
class Reconciler;
class RefundService;
class Settings;
class StaffService;

class ManagerRig
{
public:
    static constexpr const char *Pin = "2468";

    struct Options
    {
        QString language = QStringLiteral("en");
        bool withPin = true;
        bool thermalPrinter = true; // the memory transport stands in for the ESC/POS printer
    };

    static Result<std::unique_ptr<ManagerRig>> start(const Options &options);
    static Result<std::unique_ptr<ManagerRig>> start() { return start(Options{}); }
    ~ManagerRig();

    MainWindow &window() { return *m_window; }
    DemoEnvironment &demo() { return *m_demo; }
    Checkout &checkout() { return *m_checkout; }
    OrderLog &orderLog() { return *m_orderLog; }
    Settings &settings() { return *m_settings; }
    RefundService &refunds() { return *m_refunds; }
    StaffService &staff() { return *m_staff; }
    MemoryPrinterTransport &printer() { return *m_printer; }
    LanguageSwitcher &language() { return *m_language; }
    const Clock &clock() const { return m_clock; }

    // Shows the counter window and waits until it is active; false when it never was.
    bool showWindow();
    // Opens the manager view through the Manager button with the manager PIN; null when it did not open.
    ManagerWindow *openManager();

    // A sale through the Checkout that the simulated customer pays; the PAID order.
    Result<Order> paidSale(qint64 amountMinor, Channel channel);
    // A sale left waiting for the customer (AWAITING); it stays the Checkout's open sale.
    Result<Order> awaitingSale(qint64 amountMinor, Channel channel);
    // An order AWAITING in the log that the gateway knows, with no sale watching it and a notify
    // URL nobody listens on: only "Check open orders" can learn that the customer paid.
    Result<Order> orphanOrder(qint64 amountMinor, Channel channel, bool paidAtGateway);
    // A PAID sale from the shop's mini program or app, recorded as the relay's back-end
    // endpoint and notify path record it (terminal WEB).
    Result<Order> onlineSale(Money amount, Channel channel, OrderSource source, const QString &gateway);

private:
    ManagerRig();
    Result<void> startServices(const Options &options);

    SystemClock m_clock;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<DemoEnvironment> m_demo;
    std::unique_ptr<OrderLog> m_orderLog;
    std::unique_ptr<IotPayClient> m_gateway;
    std::unique_ptr<LanguageSwitcher> m_language;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<RefundService> m_refunds;
    std::unique_ptr<StaffService> m_staff;
    std::unique_ptr<Reconciler> m_reconciler;
    std::unique_ptr<MemoryPrinterTransport> m_printer;
    std::unique_ptr<MainWindow> m_window;
};

// Answers the next modal dialog from the event loop (a modal exec() blocks the test otherwise).
// A dialog the answer leaves open is rejected after a while, so a failing test cannot hang.
class ModalAnswer : public QObject
{
    Q_OBJECT

public:
    using Answer = std::function<void(QWidget *modal)>;

    explicit ModalAnswer(Answer answer, QObject *parent = nullptr);
    bool answered() const { return m_answered; }

private:
    void poll(int triesLeft);

    Answer m_answer;
    bool m_answered = false;
};

// Types the PIN into the PIN dialog and presses OK.
void enterPin(QWidget *pinDialog, const QString &pin);

} // namespace paydesk

// Shows the manager view with a demo day in it, for screenshots on a real (virtual) X server:
//   xvfb-run -s "-screen 0 1440x900x24" manager_screenshots [en|fr_CA|zh_CN] [orders|summary|audit|settings|staff|refund] [z.pdf]
// then `import -window root shot.png` while it runs (it quits after 20 s).

#include "ManagerRig.h"

#include "payment/RefundService.h"
#include "staff/StaffService.h"
#include "ui/MainWindow.h"
#include "ui/manager/ManagerWindow.h"
#include "ui/manager/OrderDetailView.h"
#include "ui/manager/RefundDialog.h"
#include "ui/manager/StaffPage.h"

#include <QApplication>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace paydesk;

namespace {

void addStaff(ManagerRig &rig, ManagerWindow &manager)
{
    StaffService &staff = rig.staff();
    const auto mina = staff.createFirstManager(QStringLiteral("Mina Haddad"), u"2468", QStringLiteral("demo"));
    if (!mina)
        return;
    for (const QString &name : {QStringLiteral("Li Wei"), QStringLiteral("Zoé Tremblay"), QStringLiteral("Sam Roy")})
        (void)staff.create(*mina, name, StaffRole::Cashier, u"1357");
    for (int attempt = 0; attempt < 10; ++attempt)
        (void)staff.signIn(QStringLiteral("Sam Roy"), u"0000");
    (void)staff.disable(*mina, QStringLiteral("Li Wei"));
    manager.setManagerName(mina->name);
    manager.staffPage()->reload();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString language = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("en");
    const QString page = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("orders");
    ManagerRig::Options options;
    options.language = language;
    options.withPin = false;
    auto rig = ManagerRig::start(options);
    if (!rig) {
        std::fprintf(stderr, "%s\n", qPrintable(describe(rig.error())));
        return 1;
    }
    for (auto [amount, channel] : {std::pair{2865, Channel::WxNative},
                                   {1000, Channel::AlipayQr},
                                   {499, Channel::UpiQr},
                                   {12800, Channel::WxNative},
                                   {650, Channel::AlipayQr}}) {
        if (!(*rig)->paidSale(amount, channel))
            return 1;
    }
    if (!(*rig)->onlineSale({1880, Currency::CAD}, Channel::WxJsapi, OrderSource::MiniProgram, QStringLiteral("iotpay"))
        || !(*rig)->onlineSale({700, Currency::CAD}, Channel::WxApp, OrderSource::App, QStringLiteral("iotpay"))
        || !(*rig)->onlineSale({8800, Currency::HKD}, Channel::WxJsapi, OrderSource::MiniProgram,
                               QStringLiteral("ionline")))
        return 1;
    (void)(*rig)->orphanOrder(777, Channel::UpiQr, false);
    MainWindow &window = (*rig)->window();
    window.show();
    window.openManager();
    ManagerWindow *manager = window.managerWindow();
    if (!manager)
        return 1;
    manager->move(0, 0);
    manager->orderView()->selectRow(1); // a paid one (row 0 is the open order)
    auto *tabs = manager->findChild<QTabWidget *>(QStringLiteral("managerTabs"));
    const QStringList pages{QStringLiteral("orders"), QStringLiteral("summary"), QStringLiteral("audit"),
                            QStringLiteral("settings"), QStringLiteral("staff")};
    if (page == u"staff") // a store's accounts: a manager, cashiers, one locked, one disabled
        addStaff(**rig, *manager);
    tabs->setCurrentIndex(std::max<int>(0, int(pages.indexOf(page))));
    if (page == u"refund") {
        QTimer::singleShot(300, manager, [&rig, manager] {
            auto *dialog = new RefundDialog((*rig)->orderLog(), (*rig)->refunds(), *manager->orderDetail()->order(),
                                            {QStringLiteral("manager@DEMO"), StaffRole::Manager}, manager);
            dialog->show();
        });
    }
    if (argc > 3) // also write the Z report of the day, as the "Z report as PDF" button does
        (void)manager->writeZReportTo(QString::fromLocal8Bit(argv[3]));
    QTimer::singleShot(20'000, &app, &QApplication::quit);
    std::puts("READY");
    std::fflush(stdout);
    return app.exec();
}

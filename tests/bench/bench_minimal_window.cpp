// bench_minimal_window --child startup|idle: the smallest Qt Widgets window worth comparing the
// cashier window with (a label and a button), built with the same compiler and flags.
// bench_gui starts it and reads its JSON line.

#include "GuiProbe.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

int main(int argc, char *argv[])
{
    const qint64 mainEnteredNs = paydesk::bench::steadyNowNs();
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qsizetype child = args.indexOf(QStringLiteral("--child"));
    const QString mode = child >= 0 ? args.value(child + 1) : QStringLiteral("startup");

    QWidget window;
    window.setWindowTitle(QStringLiteral("Minimal window"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("Hello"), &window));
    layout->addWidget(new QPushButton(QStringLiteral("OK"), &window));
    window.resize(1100, 720);
    return paydesk::bench::runFrameProbe(window, mode, mainEnteredNs);
}

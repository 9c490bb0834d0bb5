#include "ManagerSignIn.h"

#include "AppSupport.h"
#include "PinInput.h"

#include "staff/StaffService.h"

namespace paydesk {

namespace {

int refusal(const SignInRefusal &refusal, const QString &name, const QString &command, QTextStream &err)
{
    err << command << ": ";
    switch (signInRefusalForUi(refusal.reason)) {
    case SignInFailure::Locked:
        err << "too many wrong PINs; locked for " << refusal.remainingLockMinutes() << " more minute(s)";
        break;
    case SignInFailure::Disabled:
        err << "the account " << name << " is disabled";
        break;
    case SignInFailure::StoreFailure:
        err << "order log: " << refusal.detail << Qt::endl;
        return ExitStore;
    default:
        err << "wrong manager name or PIN";
        break;
    }
    err << Qt::endl;
    return ExitDenied;
}

} // namespace

void addManagerOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("manager"),
                      QStringLiteral("The manager who signs in (default: manager, the account the manager PIN of "
                                     "earlier versions became)."),
                      QStringLiteral("NAME"), StaffService::DefaultManagerName.toString()});
    parser.addOption({QStringLiteral("pin-file"),
                      QStringLiteral("Read the manager's PIN from FILE (readable by its owner only)."),
                      QStringLiteral("FILE")});
}

int signInManager(StaffService &staff, const QCommandLineParser &parser, const QString &command, QTextStream &err,
                  StaffAccount *manager)
{
    const auto managed = staff.hasManager();
    if (!managed) {
        err << command << ": order log: " << describe(managed.error()) << Qt::endl;
        return ExitStore;
    }
    if (!*managed) {
        err << command << ": no manager account is set up; add one with `paydeskctl staff add NAME --role manager`"
            << Qt::endl;
        return ExitConfig;
    }
    const QString name = parser.value(QStringLiteral("manager"));
    auto pin = readManagerPin(parser.value(QStringLiteral("pin-file")));
    if (!pin) {
        err << command << ": manager PIN: " << describe(pin.error()) << Qt::endl;
        return ExitUsage;
    }
    auto signedIn = staff.signIn(name, *pin);
    if (!signedIn)
        return refusal(signedIn.error(), name, command, err);
    if (signedIn->role != StaffRole::Manager) {
        err << command << ": " << name << " is not a manager" << Qt::endl;
        return ExitDenied;
    }
    *manager = *signedIn;
    return ExitOk;
}

} // namespace paydesk

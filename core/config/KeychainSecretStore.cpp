#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace paydesk {
namespace {

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

// Starts the job and waits for it in a local event loop, at most timeoutMs.
// On timeout the job is left to finish (and delete itself) on its own: deleting a job whose
// backend call is still pending is not safe in every QtKeychain backend.
JobOutcome runJob(QKeychain::Job *job, int timeoutMs)
{
    JobOutcome outcome;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&outcome, &loop](QKeychain::Job *done) {
        outcome.finished = true;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
            outcome.data = read->binaryData();
        loop.quit();
    });
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    timer.start(timeoutMs);
    job->start();
    if (!outcome.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return outcome;
}

QString errorName(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return QStringLiteral("no error");
    case QKeychain::EntryNotFound:
        return QStringLiteral("no entry");
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("could not delete the entry");
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("access denied by the user");
    case QKeychain::AccessDenied:
        return QStringLiteral("access denied");
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no keychain backend available");
    case QKeychain::NotImplemented:
        return QStringLiteral("not implemented on this platform");
    case QKeychain::OtherError:
        break;
    }
    return QStringLiteral("keychain error");
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString mchId, QString service, int timeoutMs)
    : m_mchId(std::move(mchId)), m_service(std::move(service)), m_timeoutMs(std::max(timeoutMs, 1))
{}

Result<void> KeychainSecretStore::checkUsable() const
{
    if (m_mchId.isEmpty())
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("OS keychain: no merchant id configured"));
    if (!QCoreApplication::instance())
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("OS keychain: needs a running QCoreApplication"));
    return {};
}

namespace {

Result<JobOutcome> finish(const KeychainSecretStore &store, const JobOutcome &outcome, int timeoutMs,
                          bool entryNotFoundIsOk)
{
    if (!outcome.finished) {
        return fail(ErrorCode::SecretUnavailable,
                    store.describe() + u": no answer within " + QString::number(timeoutMs)
                        + u" ms (is a secret service running and unlocked?)");
    }
    if (outcome.error == QKeychain::NoError || (entryNotFoundIsOk && outcome.error == QKeychain::EntryNotFound)) {
        return outcome;
    }
    QString detail = store.describe() + u": " + errorName(outcome.error);
    if (!outcome.errorString.isEmpty())
        detail += u" (" + outcome.errorString + u')';
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // QtKeychain's own message is often just "Unknown error"; the usual cause is worth naming.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        detail += QStringLiteral("; DBUS_SESSION_BUS_ADDRESS is not set, so no Secret Service "
                                 "(gnome-keyring, KWallet) can be reached - on a headless relay use a key "
                                 "file or the environment variable instead");
    }
#endif
    return fail(ErrorCode::SecretUnavailable, detail);
}

} // namespace

Result<MerchantKey> KeychainSecretStore::readMerchantKey()
{
    if (Result<void> ok = checkUsable(); !ok)
        return std::unexpected(ok.error());
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(m_mchId);
    Result<JobOutcome> outcome = finish(*this, runJob(job, m_timeoutMs), m_timeoutMs, false);
    if (!outcome)
        return std::unexpected(outcome.error());
    if (outcome->data.isEmpty())
        return fail(ErrorCode::SecretUnavailable, describe() + u": the stored key is empty");
    return MerchantKey(std::move(outcome->data));
}

Result<void> KeychainSecretStore::writeMerchantKey(const MerchantKey &key)
{
    if (Result<void> ok = checkKeyToWrite(key); !ok)
        return ok;
    if (Result<void> ok = checkUsable(); !ok)
        return ok;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(m_mchId);
    job->setBinaryData(key.utf8());
    Result<JobOutcome> outcome = finish(*this, runJob(job, m_timeoutMs), m_timeoutMs, false);
    if (!outcome)
        return std::unexpected(outcome.error());
    return {};
}

Result<void> KeychainSecretStore::removeMerchantKey()
{
    if (Result<void> ok = checkUsable(); !ok)
        return ok;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(m_mchId);
    Result<JobOutcome> outcome = finish(*this, runJob(job, m_timeoutMs), m_timeoutMs, true);
    if (!outcome)
        return std::unexpected(outcome.error());
    return {};
}

QString KeychainSecretStore::describe() const
{
    return u"OS keychain (service " + m_service + u", account " + m_mchId + u')';
}

} // namespace paydesk

#pragma once

// A fresh order-log store for a test, on the backend the test run is for: PAYDESK_TEST_BACKEND
// "sqlite" (the default: a file in a temporary directory) or "postgresql" (a new database on the
// server the pg_server CTest fixture starts, found through PAYDESK_PG_SOCKET_DIR and
// PAYDESK_PG_PORT; each store its own database, so tests run in parallel). A PostgreSQL run
// without a reachable server fails with the reason; it never falls back to SQLite.

#include <QCoreApplication>
#include <QHash>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>

namespace paydesk::testing {

class TestStore
{
public:
    static QString backendName()
    {
        const QString name = qEnvironmentVariable("PAYDESK_TEST_BACKEND", QStringLiteral("sqlite"));
        return name == QStringLiteral("postgres") ? QStringLiteral("postgresql") : name;
    }
    static bool isPostgres() { return backendName() == QStringLiteral("postgresql"); }

    TestStore()
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary directory");
            return;
        }
        if (backendName() != QStringLiteral("sqlite") && !isPostgres())
            m_error = QStringLiteral("PAYDESK_TEST_BACKEND must be sqlite or postgresql, not ") + backendName();
        else if (isPostgres())
            openAdmin();
    }
    ~TestStore()
    {
        if (m_admin.isValid()) {
            for (const QString &database : std::as_const(m_databases)) {
                QSqlQuery drop(m_admin);
                drop.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + database + QStringLiteral(" WITH (FORCE)"));
            }
            m_admin.close();
            m_admin = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_adminName);
        }
    }
    TestStore(const TestStore &) = delete;
    TestStore &operator=(const TestStore &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // For files beside the store (exports, a second SQLite file, ...).
    QString dirPath() const { return m_dir.path(); }

    // The store URL of the store called `name` (made on first use): the same URL for the same name.
    QString url(const QString &name = QStringLiteral("orders"))
    {
        if (!isPostgres())
            return m_dir.filePath(name + QStringLiteral(".sqlite"));
        if (!m_databases.contains(name) && !createDatabase(name))
            return QStringLiteral("postgresql:///paydesk_test_not_created");
        return urlOfDatabase(m_databases.value(name));
    }

    // As the server's superuser, on the store `name` (tests that play another process or an
    // older PayDesk, or break things on purpose).
    static QString socketDir() { return qEnvironmentVariable("PAYDESK_PG_SOCKET_DIR"); }
    static QString port() { return qEnvironmentVariable("PAYDESK_PG_PORT", QStringLiteral("5432")); }
    static QString urlOfDatabase(const QString &database, const QString &user = QStringLiteral("postgres"))
    {
        return QStringLiteral("postgresql:///") + database + QStringLiteral("?host=") + socketDir()
            + QStringLiteral("&port=") + port() + QStringLiteral("&user=") + user;
    }
    // Runs `statement` on the server's maintenance database; the error text, empty on success.
    QString admin(const QString &statement)
    {
        if (!m_admin.isOpen())
            return QStringLiteral("no admin connection: ") + m_error;
        QSqlQuery query(m_admin);
        return query.exec(statement) ? QString() : query.lastError().text();
    }

private:
    static std::atomic<int> &counter()
    {
        static std::atomic<int> value{0};
        return value;
    }

    void openAdmin()
    {
        if (socketDir().isEmpty()) {
            m_error = QStringLiteral(
                "PAYDESK_TEST_BACKEND=postgresql but PAYDESK_PG_SOCKET_DIR is not set: run the _pg tests"
                " through ctest, whose pg_server fixture starts PostgreSQL (needs the postgresql"
                " and libqt6sql6-psql packages: packaging/install-deps.sh)");
            return;
        }
        m_adminName = QStringLiteral("paydesk-test-admin-") + QString::number(++counter());
        m_admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_adminName);
        if (!m_admin.isValid()) {
            m_error = QStringLiteral("the Qt PostgreSQL driver QPSQL is missing (Debian: libqt6sql6-psql)");
            return;
        }
        m_admin.setHostName(socketDir());
        m_admin.setPort(port().toInt());
        m_admin.setUserName(QStringLiteral("postgres"));
        m_admin.setDatabaseName(QStringLiteral("postgres"));
        if (!m_admin.open()) {
            m_error = QStringLiteral("the test PostgreSQL server on ") + socketDir()
                + QStringLiteral(" is not reachable (did the pg_server fixture start? see its output): ")
                + m_admin.lastError().text();
        }
    }

    bool createDatabase(const QString &name)
    {
        if (!m_admin.isOpen())
            return false;
        const QString database = QStringLiteral("paydesk_test_%1_%2_%3")
                                     .arg(QCoreApplication::applicationPid())
                                     .arg(++counter())
                                     .arg(QRandomGenerator::global()->bounded(1'000'000));
        const QString failed = admin(QStringLiteral("CREATE DATABASE ") + database);
        if (!failed.isEmpty()) {
            m_error = QStringLiteral("CREATE DATABASE failed: ") + failed;
            return false;
        }
        m_databases.insert(name, database);
        return true;
    }

    QTemporaryDir m_dir;
    QString m_error;
    QString m_adminName;
    QSqlDatabase m_admin;
    QHash<QString, QString> m_databases;
};

} // namespace paydesk::testing

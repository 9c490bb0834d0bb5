#include "PinInput.h"

#include "config/FileSecretStore.h"

#include <QTextStream>

#include <cstdio>
#include <string>

#ifdef _WIN32
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace paydesk {

namespace {

// Turns the terminal's echo off while it lives (when stdin is a terminal).
class NoEcho
{
public:
    NoEcho()
    {
#ifdef _WIN32
        m_input = GetStdHandle(STD_INPUT_HANDLE);
        m_active = GetConsoleMode(m_input, &m_mode) && SetConsoleMode(m_input, m_mode & ~ENABLE_ECHO_INPUT);
#else
        if (::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_mode) == 0) {
            termios quiet = m_mode;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#endif
    }
    ~NoEcho()
    {
#ifdef _WIN32
        if (m_active)
            SetConsoleMode(m_input, m_mode);
#else
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_mode);
#endif
    }
    NoEcho(const NoEcho &) = delete;
    NoEcho &operator=(const NoEcho &) = delete;
    bool isTerminal() const
    {
        return m_active;
    }

private:
    bool m_active = false;
#ifdef _WIN32
    HANDLE m_input = nullptr;
    DWORD m_mode = 0;
#else
    termios m_mode{};
#endif
};

// One line of standard input, `prompt` shown and echo off on a terminal; whether it was one.
QString readHiddenLine(const QByteArray &prompt, bool *fromTerminal = nullptr)
{
    NoEcho noEcho;
    if (noEcho.isTerminal()) {
        std::fputs(prompt.constData(), stderr);
        std::fflush(stderr);
    }
    std::string line;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar())
        line.push_back(char(c));
    if (noEcho.isTerminal())
        std::fputs("\n", stderr);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (fromTerminal)
        *fromTerminal = noEcho.isTerminal();
    return QString::fromStdString(line);
}

} // namespace

Result<QString> readManagerPin(const QString &pinFile)
{
    if (!pinFile.isEmpty()) {
        FileSecretStore file(pinFile);
        auto content = file.readMerchantKey(); // owner-only check and trailing newline handling
        if (!content)
            return fail(content.error());
        return QString::fromUtf8(content->utf8());
    }
    const QString pin = readHiddenLine("Manager PIN: ");
    if (pin.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("no manager PIN given (on standard input or --pin-file)"));
    return pin;
}

Result<QString> readNewPin(const QString &name)
{
    bool terminal = false;
    const QString pin = readHiddenLine("New PIN for " + name.toUtf8() + ": ", &terminal);
    if (pin.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no new PIN given on standard input"));
    if (terminal && readHiddenLine("Again: ") != pin)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the two PINs differ"));
    return pin;
}

Result<QString> readPaymentCodeLine()
{
    QString code = readHiddenLine("Scan or type the customer's payment code: ");
    if (code.isEmpty())
        return fail(ErrorCode::PaymentCodeUnrecognised, QStringLiteral("no payment code on standard input"));
    return code;
}

} // namespace paydesk

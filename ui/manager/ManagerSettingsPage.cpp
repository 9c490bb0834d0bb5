#include "ManagerSettingsPage.h"

#include "NamedWidget.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace paydesk {

ManagerSettingsPage::ManagerSettingsPage(Settings &settings, QWidget *parent) : QWidget(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("managerSettings"));
    auto *outer = new QHBoxLayout(this);
    auto *column = new QWidget(this);
    column->setMaximumWidth(760); // a form stretched over a wide screen is hard to read across
    outer->addWidget(column, 1);
    outer->addStretch(0);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_merchantName = namedWidget<QLineEdit>(QStringLiteral("merchantNameEdit"), this);
    m_merchantName->setMaxLength(64);
    m_idleMinutes = namedWidget<QSpinBox>(QStringLiteral("idleMinutesSpin"), this);
    m_idleMinutes->setRange(1, 240);
    m_connection = namedWidget<QComboBox>(QStringLiteral("escPosConnectionCombo"), this);
    m_host = namedWidget<QLineEdit>(QStringLiteral("escPosHostEdit"), this);
    m_host->setPlaceholderText(QStringLiteral("192.168.1.50"));
    m_port = namedWidget<QSpinBox>(QStringLiteral("escPosPortSpin"), this);
    m_port->setRange(1, 65535);
    m_device = namedWidget<QLineEdit>(QStringLiteral("escPosDeviceEdit"), this);
    m_device->setPlaceholderText(QStringLiteral("/dev/usb/lp0"));
    m_charset = namedWidget<QComboBox>(QStringLiteral("escPosCharsetCombo"), this);
    m_width = namedWidget<QSpinBox>(QStringLiteral("receiptWidthSpin"), this);
    m_width->setRange(24, 64);
    const QList<QWidget *> fields{m_merchantName, m_idleMinutes, m_connection, m_host,
                                  m_port,         m_device,      m_charset,    m_width};
    for (QWidget *field : fields) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_labels.append(label);
        form->addRow(label, field);
    }
    layout->addLayout(form);
    m_message = namedWidget<QLabel>(QStringLiteral("managerSettingsMessage"), this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    m_save = namedWidget<QPushButton>(QStringLiteral("saveManagerSettingsButton"), this);
    m_testPrint = namedWidget<QPushButton>(QStringLiteral("testPrintButton"), this);
    buttons->addWidget(m_save);
    buttons->addWidget(m_testPrint);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &ManagerSettingsPage::save);
    connect(m_testPrint, &QPushButton::clicked, this, &ManagerSettingsPage::testPrintRequested);
    connect(m_connection, &QComboBox::currentIndexChanged, this, &ManagerSettingsPage::updateFields);
    retranslate();
    load();
}

void ManagerSettingsPage::load()
{
    m_merchantName->setText(m_settings.merchantName());
    m_idleMinutes->setValue(m_settings.managerIdleLockMinutes());
    const EscPosPrinterConfig printer = m_settings.escPosPrinter();
    m_connection->setCurrentIndex(std::max(0, m_connection->findData(int(printer.connection))));
    m_host->setText(printer.host);
    m_port->setValue(printer.port);
    m_device->setText(printer.device);
    m_charset->setCurrentIndex(std::max(0, m_charset->findData(int(printer.charset))));
    m_width->setValue(printer.charsPerLine);
    m_message->clear();
    updateFields();
}

EscPosPrinterConfig ManagerSettingsPage::printerFromFields() const
{
    EscPosPrinterConfig config;
    config.connection = EscPosConnection(m_connection->currentData().toInt());
    config.host = m_host->text().trimmed();
    config.port = m_port->value();
    config.device = m_device->text().trimmed();
    config.charset = EscPosCharset(m_charset->currentData().toInt());
    config.charsPerLine = m_width->value();
    return config;
}

void ManagerSettingsPage::updateFields()
{
    const auto connection = EscPosConnection(m_connection->currentData().toInt());
    m_host->setEnabled(connection == EscPosConnection::Tcp);
    m_port->setEnabled(connection == EscPosConnection::Tcp);
    m_device->setEnabled(connection == EscPosConnection::DeviceFile);
    m_testPrint->setEnabled(m_settings.escPosPrinter().connection != EscPosConnection::None);
}

bool ManagerSettingsPage::save()
{
    const QString name = m_merchantName->text().trimmed();
    const EscPosPrinterConfig printer = printerFromFields();
    const QList<Result<void>> checks{Settings::validateMerchantName(name),
                                     Settings::validateIdleLockMinutes(m_idleMinutes->value()),
                                     Settings::validateEscPosPrinter(printer)};
    for (const Result<void> &check : checks) {
        if (!check) {
            m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
            m_message->setText(tr("Not saved: %1").arg(check.error().detail));
            return false;
        }
    }
    QStringList changes;
    if (name != m_settings.merchantName())
        changes.append(u"merchant name \"" + name + u'"');
    if (m_idleMinutes->value() != m_settings.managerIdleLockMinutes())
        changes.append(u"idle lock " + QString::number(m_idleMinutes->value()) + u" min");
    if (printer != m_settings.escPosPrinter()) {
        changes.append(u"receipt printer " + escPosConnectionName(printer.connection) + u' '
                       + (printer.connection == EscPosConnection::Tcp
                              ? printer.host + u':' + QString::number(printer.port)
                              : printer.device)
                       + u' ' + escPosCharsetName(printer.charset) + u' ' + QString::number(printer.charsPerLine));
    }
    (void)m_settings.setMerchantName(name);
    (void)m_settings.setManagerIdleLockMinutes(m_idleMinutes->value());
    (void)m_settings.setEscPosPrinter(printer);
    if (auto synced = m_settings.sync(); !synced) {
        m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
        m_message->setText(tr("Not saved: the settings file cannot be written."));
        return false;
    }
    m_message->setStyleSheet(QStringLiteral("color: #1B5E20;"));
    m_message->setText(tr("Saved."));
    updateFields();
    if (!changes.isEmpty())
        Q_EMIT saved(changes.join(u"; "));
    return true;
}

void ManagerSettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ManagerSettingsPage::retranslate()
{
    const QStringList labels{tr("Merchant name (receipts, reports)"),
                             tr("Lock the manager view after (minutes idle)"),
                             tr("Receipt printer (ESC/POS)"),
                             tr("Printer address"),
                             tr("Port"),
                             tr("Device"),
                             tr("Printer characters"),
                             tr("Characters per line")};
    for (qsizetype i = 0; i < m_labels.size(); ++i)
        m_labels[i]->setText(labels.value(i));
    const QSignalBlocker block(m_connection);
    const int connection = std::max(0, m_connection->currentIndex());
    m_connection->clear();
    m_connection->addItem(tr("None"), int(EscPosConnection::None));
    m_connection->addItem(tr("Network (TCP port 9100)"), int(EscPosConnection::Tcp));
    m_connection->addItem(tr("Device file or serial port"), int(EscPosConnection::DeviceFile));
    m_connection->setCurrentIndex(connection);
    const int charset = std::max(0, m_charset->currentIndex());
    m_charset->clear();
    m_charset->addItem(tr("Latin letters only (any printer)"), int(EscPosCharset::Ascii));
    m_charset->addItem(tr("Chinese (GB18030, printer with Chinese font)"), int(EscPosCharset::Gb18030));
    m_charset->setCurrentIndex(charset);
    m_save->setText(tr("Save"));
    m_testPrint->setText(tr("Print a test receipt"));
}

} // namespace paydesk

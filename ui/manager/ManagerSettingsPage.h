#pragma once

#include "config/Settings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace paydesk {

// What the manager view configures: the merchant name on receipts and reports, how soon the
// manager view locks itself, and the ESC/POS receipt printer.
class ManagerSettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ManagerSettingsPage(Settings &settings, QWidget *parent = nullptr);

    void load();

public Q_SLOTS:
    // Validates everything first and writes nothing unless all of it is valid.
    bool save();

Q_SIGNALS:
    // After a successful save, with what changed in words (for the audit trail).
    void saved(const QString &changes);
    void testPrintRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    EscPosPrinterConfig printerFromFields() const;
    void updateFields();
    void retranslate();

    Settings &m_settings;
    QLineEdit *m_merchantName = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QComboBox *m_connection = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_device = nullptr;
    QComboBox *m_charset = nullptr;
    QSpinBox *m_width = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_testPrint = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace paydesk

#pragma once

#include "qr/QrMatrix.h"

#include <QWidget>

namespace paydesk {

// Paints a QR module matrix crisply: each module an integer number of device pixels, a light
// quiet zone of at least four modules, centred, as large as the widget allows.
class QrWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int QuietZoneModules = 4;

    explicit QrWidget(QWidget *parent = nullptr);

    void setPayload(const QString &payload); // empty clears
    QString payload() const { return m_payload; }
    const QrMatrix &matrix() const { return m_matrix; }
    int modulePixels() const; // current module size, in device pixels

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // After a paint that drew a code: lets the benchmark time Charge -> QR on screen.
    void painted(const QString &payload);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_payload;
    QrMatrix m_matrix;
};

} // namespace paydesk

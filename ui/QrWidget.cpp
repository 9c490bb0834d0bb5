#include "QrWidget.h"

#include <QPainter>
#include <QScreen>

namespace paydesk {

QrWidget::QrWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Payment QR code"));
}

void QrWidget::setPayload(const QString &payload)
{
    m_payload = payload;
    auto encoded = payload.isEmpty() ? Result<QrMatrix>(QrMatrix{}) : encodeQr(payload.toUtf8());
    m_matrix = encoded ? *encoded : QrMatrix{};
    setAccessibleDescription(payload);
    update();
}

int QrWidget::modulePixels() const
{
    if (m_matrix.isNull())
        return 0;
    const int total = m_matrix.size + 2 * QuietZoneModules;
    const qreal ratio = devicePixelRatioF();
    const int side = int(std::min(width(), height()) * ratio);
    return std::max(1, side / total);
}

QSize QrWidget::sizeHint() const
{
    // About 60 mm on the screen the widget is on, so a phone scans it from arm's length.
    const QScreen *s = screen();
    const qreal dpi = s ? s->physicalDotsPerInch() : 96.0;
    const int side = int(60.0 / 25.4 * std::max<qreal>(dpi, 72.0));
    return {side, side};
}

QSize QrWidget::minimumSizeHint() const
{
    return {200, 200};
}

void QrWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (m_matrix.isNull())
        return;
    // Work in device pixels so every module is a whole number of them: no blurred edges.
    const qreal ratio = devicePixelRatioF();
    painter.scale(1.0 / ratio, 1.0 / ratio);
    const int module = modulePixels();
    const int total = m_matrix.size + 2 * QuietZoneModules;
    const int side = module * total;
    const int left = (int(width() * ratio) - side) / 2 + QuietZoneModules * module;
    const int top = (int(height() * ratio) - side) / 2 + QuietZoneModules * module;
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (int y = 0; y < m_matrix.size; ++y) {
        for (int x = 0; x < m_matrix.size; ++x) {
            if (m_matrix.dark(x, y))
                painter.fillRect(left + x * module, top + y * module, module, module, Qt::black);
        }
    }
    Q_EMIT painted(m_payload);
}

} // namespace paydesk

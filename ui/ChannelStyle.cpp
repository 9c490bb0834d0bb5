#include "ChannelStyle.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace paydesk {

QString channelDisplayName(Channel channel)
{
    switch (channel) {
    case Channel::WxNative:
    case Channel::WxJsapi:
    case Channel::WxApp:
    case Channel::WxMicropay:
        return QCoreApplication::translate("Channel", "WeChat Pay");
    case Channel::AlipayQr:
    case Channel::AlipayMicropay:
        return QCoreApplication::translate("Channel", "Alipay");
    case Channel::UpiQr:
    case Channel::UpiMicropay:
        return QCoreApplication::translate("Channel", "UnionPay");
    case Channel::Invalid:
        break;
    }
    return {};
}

QString channelTotalsName(Channel channel)
{
    switch (channel) {
    case Channel::WxJsapi:
        return QCoreApplication::translate("Channel", "WeChat Pay (mini program)");
    case Channel::WxApp:
        return QCoreApplication::translate("Channel", "WeChat Pay (app)");
    default:
        return channelDisplayName(channel);
    }
}

QColor channelColor(Channel channel)
{
    switch (channel) {
    case Channel::WxNative:
    case Channel::WxJsapi:
    case Channel::WxApp:
    case Channel::WxMicropay:
        return QColor(0x07, 0xC1, 0x60);
    case Channel::AlipayQr:
    case Channel::AlipayMicropay:
        return QColor(0x16, 0x77, 0xFF);
    case Channel::UpiQr:
    case Channel::UpiMicropay:
        return QColor(0xD7, 0x1F, 0x2F);
    case Channel::Invalid:
        break;
    }
    return QColor(Qt::gray);
}

namespace {

// Two overlapping speech bubbles, the shape everyone connects with WeChat.
void paintWeChat(QPainter &p, qreal s)
{
    p.setBrush(channelColor(Channel::WxNative));
    p.drawRoundedRect(QRectF(0, 0, s, s), s * 0.22, s * 0.22);
    p.setBrush(Qt::white);
    p.drawEllipse(QRectF(s * 0.12, s * 0.2, s * 0.52, s * 0.42));
    QPainterPath tail;
    tail.moveTo(s * 0.24, s * 0.55);
    tail.lineTo(s * 0.2, s * 0.68);
    tail.lineTo(s * 0.34, s * 0.6);
    p.drawPath(tail);
    p.setBrush(QColor(0xE9, 0xFB, 0xF1));
    p.drawEllipse(QRectF(s * 0.42, s * 0.42, s * 0.46, s * 0.36));
    p.setBrush(channelColor(Channel::WxNative));
    for (const QPointF &eye : {QPointF(0.28, 0.38), QPointF(0.46, 0.38)})
        p.drawEllipse(QPointF(eye.x() * s, eye.y() * s), s * 0.035, s * 0.035);
    for (const QPointF &eye : {QPointF(0.57, 0.58), QPointF(0.72, 0.58)})
        p.drawEllipse(QPointF(eye.x() * s, eye.y() * s), s * 0.03, s * 0.03);
}

// A blue tile with a white "支" (zhi, the first character of 支付宝).
void paintAlipay(QPainter &p, qreal s)
{
    p.setBrush(channelColor(Channel::AlipayQr));
    p.drawRoundedRect(QRectF(0, 0, s, s), s * 0.22, s * 0.22);
    QPen pen(Qt::white, s * 0.085, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawLine(QPointF(s * 0.24, s * 0.3), QPointF(s * 0.76, s * 0.3)); // 十 bar
    p.drawLine(QPointF(s * 0.5, s * 0.16), QPointF(s * 0.5, s * 0.44)); // 十 stem
    p.drawLine(QPointF(s * 0.3, s * 0.48), QPointF(s * 0.7, s * 0.48)); // 又 top
    QPainterPath stroke;
    stroke.moveTo(s * 0.7, s * 0.48);
    stroke.quadTo(s * 0.55, s * 0.72, s * 0.24, s * 0.84); // 又 left sweep
    stroke.moveTo(s * 0.36, s * 0.56);
    stroke.quadTo(s * 0.55, s * 0.76, s * 0.8, s * 0.84); // 又 right sweep
    p.drawPath(stroke);
    p.setPen(Qt::NoPen);
}

// Three slanted bands in red, blue and green, as on UnionPay cards.
void paintUnionPay(QPainter &p, qreal s)
{
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(0, 0, s, s), s * 0.22, s * 0.22);
    const QColor bands[] = {QColor(0xD7, 0x1F, 0x2F), QColor(0x00, 0x4B, 0x8D), QColor(0x00, 0x84, 0x6F)};
    for (int i = 0; i < 3; ++i) {
        const qreal x = s * (0.1 + 0.27 * i);
        QPainterPath band;
        band.addRoundedRect(QRectF(x, s * 0.16, s * 0.28, s * 0.68), s * 0.06, s * 0.06);
        QTransform shear;
        shear.translate(x + s * 0.14, s * 0.5);
        shear.shear(-0.18, 0);
        shear.translate(-(x + s * 0.14), -s * 0.5);
        p.setBrush(bands[i]);
        p.drawPath(shear.map(band));
    }
}

} // namespace

QPixmap paintChannelIcon(Channel channel, int sizePx)
{
    QPixmap pixmap(sizePx, sizePx);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    switch (channel) {
    case Channel::WxNative:
    case Channel::WxJsapi:
    case Channel::WxApp:
    case Channel::WxMicropay:
        paintWeChat(painter, sizePx);
        break;
    case Channel::AlipayQr:
    case Channel::AlipayMicropay:
        paintAlipay(painter, sizePx);
        break;
    case Channel::UpiQr:
    case Channel::UpiMicropay:
        paintUnionPay(painter, sizePx);
        break;
    case Channel::Invalid:
        break;
    }
    return pixmap;
}

QIcon channelIcon(Channel channel)
{
    QIcon icon;
    for (int size : {24, 48, 96, 192})
        icon.addPixmap(paintChannelIcon(channel, size));
    return icon;
}

} // namespace paydesk

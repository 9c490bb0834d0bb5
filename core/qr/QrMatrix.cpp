#include "QrMatrix.h"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace paydesk {
namespace {

QRecLevel toQrecLevel(QrEcc ecc)
{
    switch (ecc) {
    case QrEcc::Low:
        return QR_ECLEVEL_L;
    case QrEcc::Medium:
        return QR_ECLEVEL_M;
    case QrEcc::Quartile:
        return QR_ECLEVEL_Q;
    case QrEcc::High:
        return QR_ECLEVEL_H;
    case QrEcc::Invalid:
        break;
    }
    return QR_ECLEVEL_M;
}

// Version 40 at level L in 8-bit mode; also keeps the size cast to int below safe.
constexpr qsizetype MaxQrPayloadBytes = 2953;

struct QrcodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};

} // namespace

Result<QrMatrix> encodeQr(const QByteArray &utf8Payload, QrEcc ecc)
{
    if (utf8Payload.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("empty QR payload"));
    if (ecc == QrEcc::Invalid)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no QR error correction level"));
    if (utf8Payload.size() > MaxQrPayloadBytes) {
        return fail(ErrorCode::InvalidArgument,
                    u"QR payload of " + QString::number(utf8Payload.size())
                        + u" bytes is longer than any QR code holds (" + QString::number(MaxQrPayloadBytes)
                        + u" bytes)");
    }

    errno = 0;
    // Version 0 lets libqrencode pick the smallest version that holds the data.
    const std::unique_ptr<QRcode, QrcodeDeleter> code(
        QRcode_encodeData(int(utf8Payload.size()), reinterpret_cast<const unsigned char *>(utf8Payload.constData()), 0,
                          toQrecLevel(ecc)));
    if (!code) {
        const int error = errno;
        if (error == ERANGE) {
            return fail(ErrorCode::InvalidArgument,
                        u"QR payload of " + QString::number(utf8Payload.size())
                            + u" bytes does not fit in a QR code at this error correction level");
        }
        return fail(ErrorCode::InvalidArgument, u"QR encoding failed: " + QString::fromLocal8Bit(std::strerror(error)));
    }

    QrMatrix matrix;
    matrix.version = code->version;
    matrix.size = code->width;
    const std::size_t count = std::size_t(code->width) * std::size_t(code->width);
    matrix.modules.resize(count);
    // libqrencode packs flags into each byte; bit 0 is the module's colour.
    for (std::size_t i = 0; i < count; ++i)
        matrix.modules[i] = code->data[i] & 1u;
    return matrix;
}

QString renderHalfBlocks(const QrMatrix &matrix, int quietZoneModules, bool invert)
{
    const int quiet = std::max(quietZoneModules, 0);
    const int width = matrix.size + 2 * quiet;
    const int lines = (width + 1) / 2;
    QString text;
    text.reserve(qsizetype(lines) * (width + 1));
    for (int line = 0; line < lines; ++line) {
        const int topY = 2 * line - quiet;
        for (int col = 0; col < width; ++col) {
            const int x = col - quiet;
            // Rows past the bottom (odd height) are quiet zone, hence light.
            const bool top = matrix.dark(x, topY) != invert;
            const bool bottom = matrix.dark(x, topY + 1) != invert;
            if (top && bottom)
                text += QChar(0x2588);
            else if (top)
                text += QChar(0x2580);
            else if (bottom)
                text += QChar(0x2584);
            else
                text += u' ';
        }
        text += u'\n';
    }
    return text;
}

} // namespace paydesk

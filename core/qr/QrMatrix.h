#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace paydesk {

// Error correction level: how much of the symbol may be damaged (L 7 %, M 15 %, Q 25 %, H 30 %).
enum class QrEcc {
    Invalid = 0,
    Low,
    Medium,
    Quartile,
    High,
};

// A QR symbol as modules, without pixels: `ui` paints it, the CLI prints it.
struct QrMatrix
{
    int version = 0; // 1..40; size == 17 + 4 * version
    int size = 0; // modules per side, without quiet zone
    std::vector<std::uint8_t> modules; // row-major, size * size, 1 = dark

    // Outside the symbol is light, which is what the quiet zone around it must be.
    bool dark(int x, int y) const
    {
        if (x < 0 || y < 0 || x >= size || y >= size)
            return false;
        return modules[std::size_t(y) * std::size_t(size) + std::size_t(x)] != 0;
    }
    bool isNull() const { return size == 0; }
};

// Encodes the bytes in 8-bit mode with the smallest version that fits.
// Empty or too long for version 40 at this level: InvalidArgument.
Result<QrMatrix> encodeQr(const QByteArray &utf8Payload, QrEcc ecc = QrEcc::Medium);

// Draws the symbol with Unicode half blocks (U+2580 ▀, U+2584 ▄, U+2588 █ and space), two module
// rows per line, each line (size + 2 * quietZoneModules) characters wide and ended by '\n';
// (size + 2 * quietZoneModules + 1) / 2 lines.
// By default a dark module is drawn with the glyph (the terminal's foreground colour), which is
// right for dark text on a light background. Most terminals are light text on dark: pass
// invert = true there, so the glyph paints the light modules and the quiet zone, and the dark
// modules are left as the dark background.
QString renderHalfBlocks(const QrMatrix &matrix, int quietZoneModules = 4, bool invert = false);

} // namespace paydesk

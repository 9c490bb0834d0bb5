#pragma once

// ESC/POS command bytes for thermal receipt printers (Epson TM series and the many printers
// that follow its command set). Only the commands a receipt needs; no QtGui.

#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace paydesk {

// How text becomes printer bytes.
// - Ascii: works on every ESC/POS printer whatever code page it is set to. Latin letters lose
//   their accents (é -> e, ç -> c, œ -> oe, ß -> ss), typographic punctuation becomes its ASCII
//   form (’ -> ', « -> ", – -> -, non-breaking spaces -> space), and anything else — Chinese
//   included — becomes '?'. The default: a readable receipt on any printer.
// - Gb18030: for printers with a Chinese font (most sold in China and many elsewhere), switched
//   to Chinese mode with FS &. Needs Qt built with ICU; see isGb18030Available(). ASCII is a
//   subset, so English and digits print the same.
enum class PrinterEncoding {
    Invalid = 0,
    Ascii,
    Gb18030
};

bool isGb18030Available();

// ASCII transliteration as described above (one '?' per character that has no ASCII form).
QByteArray toPrinterAscii(QStringView text);
// Control characters (ESC, GS, FS, CR, LF, ...) are replaced by spaces before encoding, so no
// text — a merchant name, a subject — can smuggle printer commands into a receipt.
QByteArray encodeForPrinter(QStringView text, PrinterEncoding encoding);

enum class Alignment {
    Invalid = 0,
    Left,
    Center,
    Right
};
enum class QrErrorCorrection {
    Invalid = 0,
    Low,
    Medium,
    Quartile,
    High
}; // L 7 %, M 15 %, Q 25 %, H 30 %
enum class CutMode {
    Invalid = 0,
    Full,
    Partial
};

// Builds the byte stream; each call appends one command. Text goes through encodeForPrinter.
class EscPosBuilder
{
public:
    explicit EscPosBuilder(PrinterEncoding encoding = PrinterEncoding::Ascii);

    EscPosBuilder &initialize(); // ESC @ (+ FS & for GB18030)
    EscPosBuilder &align(Alignment alignment); // ESC a n
    EscPosBuilder &bold(bool on); // ESC E n
    EscPosBuilder &doubleSize(bool on); // GS ! 0x11 / 0x00
    EscPosBuilder &text(QStringView text); // no line feed
    EscPosBuilder &line(QStringView text = {}); // text + LF
    EscPosBuilder &feed(int lines); // ESC d n (0..255)
    EscPosBuilder &cut(CutMode mode, int extraFeedUnits = 0); // GS V 65/66 n: feed to the cutter, cut

    // QR code through GS ( k: model 2, module size 1..16 dots, error correction, store the
    // data (pL pH = data length + 3), print. InvalidArgument for empty data, more than
    // MaxQrBytes or a size out of range; nothing is appended then.
    static constexpr qsizetype MaxQrBytes = 2953; // model 2, version 40, byte mode, level L
    Result<void> qrCode(const QByteArray &data, int moduleSize = 6,
                        QrErrorCorrection correction = QrErrorCorrection::Medium);

    const QByteArray &bytes() const { return m_bytes; }
    PrinterEncoding encoding() const { return m_encoding; }

private:
    PrinterEncoding m_encoding;
    QByteArray m_bytes;
};

} // namespace paydesk

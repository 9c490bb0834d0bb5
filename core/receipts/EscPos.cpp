#include "EscPos.h"

#include <QChar>
#include <QStringEncoder>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr char Esc = 0x1b;
constexpr char Gs = 0x1d;
constexpr char Fs = 0x1c;
constexpr char Lf = 0x0a;

// Letters and signs that Unicode decomposition does not reduce to ASCII.
QByteArray specialAscii(char16_t c)
{
    switch (c) {
    case u'Œ':
        return "OE";
    case u'œ':
        return "oe";
    case u'Æ':
        return "AE";
    case u'æ':
        return "ae";
    case u'ß':
        return "ss";
    case u'Ø':
        return "O";
    case u'ø':
        return "o";
    case u'Ł':
        return "L";
    case u'ł':
        return "l";
    case u'Đ':
        return "D";
    case u'đ':
        return "d";
    case u'‘':
    case u'’':
    case u'‚':
    case u'′':
        return "'";
    case u'“':
    case u'”':
    case u'„':
    case u'«':
    case u'»':
    case u'″':
        return "\"";
    case u'‐':
    case u'‑':
    case u'‒':
    case u'–':
    case u'—':
    case u'−':
        return "-";
    case u'…':
        return "...";
    case u'•':
    case u'·':
        return "*";
    case u'€':
        return "EUR";
    case u'\u00a0':
    case u'\u202f':
    case u'\u2009':
    case u'\u2007':
        return " ";
    default:
        return {};
    }
}

QString withoutControls(QStringView text)
{
    QString clean = text.toString();
    for (QChar &c : clean) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    return clean;
}

QByteArray command(std::initializer_list<char> bytes)
{
    return QByteArray(bytes.begin(), qsizetype(bytes.size()));
}

// GS ( k <pL> <pH> cn fn ...: the parameter count covers cn, fn and the data bytes.
QByteArray qrFunction(char fn, const QByteArray &parameters)
{
    const qsizetype count = parameters.size() + 2;
    QByteArray bytes = command({Gs, '(', 'k', char(count & 0xff), char((count >> 8) & 0xff), '1', fn});
    return bytes + parameters;
}

} // namespace

bool isGb18030Available()
{
    return QStringEncoder("GB18030").isValid();
}

QByteArray toPrinterAscii(QStringView text)
{
    QByteArray out;
    out.reserve(text.size());
    // Compatibility decomposition turns é into e + combining accent, ﬁ into fi, full-width
    // forms into ASCII; the combining marks are then dropped.
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        if (c.unicode() < 0x80) {
            out += char(c.unicode());
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        } else if (const QByteArray special = specialAscii(c.unicode()); !special.isEmpty()) {
            out += special;
        } else if (!c.isLowSurrogate()) {
            out += '?'; // one per character, also for a surrogate pair
        }
    }
    return out;
}

QByteArray encodeForPrinter(QStringView text, PrinterEncoding encoding)
{
    const QString clean = withoutControls(text);
    if (encoding == PrinterEncoding::Gb18030) {
        QStringEncoder encoder("GB18030");
        if (encoder.isValid())
            return encoder.encode(clean);
    }
    return toPrinterAscii(clean);
}

EscPosBuilder::EscPosBuilder(PrinterEncoding encoding)
    : m_encoding(encoding == PrinterEncoding::Gb18030 && isGb18030Available() ? PrinterEncoding::Gb18030
                                                                              : PrinterEncoding::Ascii)
{}

EscPosBuilder &EscPosBuilder::initialize()
{
    m_bytes += command({Esc, '@'});
    if (m_encoding == PrinterEncoding::Gb18030)
        m_bytes += command({Fs, '&'});
    return *this;
}

EscPosBuilder &EscPosBuilder::align(Alignment alignment)
{
    char n = 0;
    if (alignment == Alignment::Center)
        n = 1;
    else if (alignment == Alignment::Right)
        n = 2;
    m_bytes += command({Esc, 'a', n});
    return *this;
}

EscPosBuilder &EscPosBuilder::bold(bool on)
{
    m_bytes += command({Esc, 'E', char(on ? 1 : 0)});
    return *this;
}

EscPosBuilder &EscPosBuilder::doubleSize(bool on)
{
    m_bytes += command({Gs, '!', char(on ? 0x11 : 0x00)});
    return *this;
}

EscPosBuilder &EscPosBuilder::text(QStringView text)
{
    m_bytes += encodeForPrinter(text, m_encoding);
    return *this;
}

EscPosBuilder &EscPosBuilder::line(QStringView text)
{
    m_bytes += encodeForPrinter(text, m_encoding);
    m_bytes += Lf;
    return *this;
}

EscPosBuilder &EscPosBuilder::feed(int lines)
{
    m_bytes += command({Esc, 'd', char(qBound(0, lines, 255))});
    return *this;
}

EscPosBuilder &EscPosBuilder::cut(CutMode mode, int extraFeedUnits)
{
    // Function B (m = 65 full, 66 partial) first feeds the paper up to the cutter, so the last
    // printed line is never cut through, then n more motion units.
    const char m = mode == CutMode::Full ? 65 : 66;
    m_bytes += command({Gs, 'V', m, char(qBound(0, extraFeedUnits, 255))});
    return *this;
}

Result<void> EscPosBuilder::qrCode(const QByteArray &data, int moduleSize, QrErrorCorrection correction)
{
    if (data.isEmpty() || data.size() > MaxQrBytes) {
        return fail(ErrorCode::InvalidArgument, u"QR data must be 1 to "_s + QString::number(MaxQrBytes) + u" bytes"_s);
    }
    if (moduleSize < 1 || moduleSize > 16)
        return fail(ErrorCode::InvalidArgument, u"QR module size must be 1 to 16"_s);
    char level = 0;
    switch (correction) {
    case QrErrorCorrection::Low:
        level = '0';
        break;
    case QrErrorCorrection::Medium:
        level = '1';
        break;
    case QrErrorCorrection::Quartile:
        level = '2';
        break;
    case QrErrorCorrection::High:
        level = '3';
        break;
    case QrErrorCorrection::Invalid:
        return fail(ErrorCode::InvalidArgument, u"no QR error correction level"_s);
    }
    m_bytes += qrFunction('A', command({'2', 0})); // fn 165: model 2
    m_bytes += qrFunction('C', command({char(moduleSize)})); // fn 167: module size
    m_bytes += qrFunction('E', command({level})); // fn 169: error correction
    m_bytes += qrFunction('P', QByteArray("0") + data); // fn 180: store in the symbol area
    m_bytes += qrFunction('Q', command({'0'})); // fn 181: print it
    return {};
}

} // namespace paydesk

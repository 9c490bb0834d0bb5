#include "qr/QrMatrix.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(paydesk::QrEcc)

class TestQr : public QObject
{
    Q_OBJECT

private slots:
    void encodesWeChatPayload();
    void versionGrowsWithPayload();
    void finderPatternsAtThreeCorners();
    void rejectsEmptyAndTooLong();
    void decodesWithZbar_data();
    void decodesWithZbar();
    void halfBlocksGeometry_data();
    void halfBlocksGeometry();
    void halfBlocksReproduceTheMatrix();
    void halfBlocksInvert();

private:
    QTemporaryDir m_dir;
};

namespace {

const QByteArray WeChatPayload = "weixin://wxpay/bizpayurl?pr=abc"_ba;

// The 7x7 finder: dark ring, light ring, dark 3x3 core; and its light separator outside.
bool finderAt(const QrMatrix &m, int left, int top)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            const bool expectDark = ring != 2;
            if (m.dark(left + x, top + y) != expectDark)
                return false;
        }
    }
    for (int i = -1; i <= 7; ++i) {
        const bool separatorLight = !m.dark(left + i, top - 1) && !m.dark(left + i, top + 7)
            && !m.dark(left - 1, top + i) && !m.dark(left + 7, top + i);
        if (!separatorLight)
            return false;
    }
    return true;
}

// A plain PBM (P1), each module `scale` pixels, with a light quiet zone: readable by zbar
// without any image library on our side.
QByteArray toPbm(const QrMatrix &m, int quiet, int scale)
{
    const int modulesPerSide = m.size + 2 * quiet;
    const int pixels = modulesPerSide * scale;
    QByteArray out = "P1\n" + QByteArray::number(pixels) + ' ' + QByteArray::number(pixels) + '\n';
    for (int py = 0; py < pixels; ++py) {
        const int y = py / scale - quiet;
        for (int px = 0; px < pixels; ++px)
            out += m.dark(px / scale - quiet, y) ? '1' : '0';
        out += '\n';
    }
    return out;
}

// Reads half-block text back into modules (quiet zone included), the inverse of rendering.
std::vector<std::vector<bool>> unrender(const QString &text, bool invert)
{
    std::vector<std::vector<bool>> rows;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        std::vector<bool> top, bottom;
        for (const QChar c : line) {
            const bool t = c == QChar(0x2588) || c == QChar(0x2580);
            const bool b = c == QChar(0x2588) || c == QChar(0x2584);
            top.push_back(t != invert);
            bottom.push_back(b != invert);
        }
        rows.push_back(top);
        rows.push_back(bottom);
    }
    return rows;
}

} // namespace

void TestQr::encodesWeChatPayload()
{
    const Result<QrMatrix> qr = encodeQr(WeChatPayload);
    QVERIFY2(qr.has_value(), qPrintable(qr ? QString() : describe(qr.error())));
    QVERIFY(qr->version >= 1 && qr->version <= 40);
    QCOMPARE(qr->size, 17 + 4 * qr->version);
    QCOMPARE(qr->modules.size(), std::size_t(qr->size) * std::size_t(qr->size));
    // 31 bytes at M fits version 3 (42 bytes), not version 2 (26 bytes).
    QCOMPARE(qr->version, 3);
    QVERIFY(!qr->dark(-1, 0));
    QVERIFY(!qr->dark(0, qr->size));
}

void TestQr::versionGrowsWithPayload()
{
    const Result<QrMatrix> small = encodeQr("a"_ba, QrEcc::Low);
    QVERIFY(small.has_value());
    QCOMPARE(small->version, 1);
    QCOMPARE(small->size, 21);
    const Result<QrMatrix> high = encodeQr(WeChatPayload, QrEcc::High);
    QVERIFY(high.has_value());
    QVERIFY(high->version > encodeQr(WeChatPayload, QrEcc::Low)->version);
    const Result<QrMatrix> largest = encodeQr(QByteArray(2331, 'x'), QrEcc::Medium);
    QVERIFY(largest.has_value());
    QCOMPARE(largest->version, 40);
    QCOMPARE(largest->size, 177);
}

void TestQr::finderPatternsAtThreeCorners()
{
    const Result<QrMatrix> qr = encodeQr(WeChatPayload);
    QVERIFY(qr.has_value());
    const int far = qr->size - 7;
    QVERIFY(finderAt(*qr, 0, 0));
    QVERIFY(finderAt(*qr, far, 0));
    QVERIFY(finderAt(*qr, 0, far));
    QVERIFY(!finderAt(*qr, far, far)); // the fourth corner holds data, so orientation is fixed
    // Timing pattern between the top finders alternates, starting dark.
    for (int x = 8; x < far - 1; ++x)
        QCOMPARE(qr->dark(x, 6), x % 2 == 0);
}

void TestQr::rejectsEmptyAndTooLong()
{
    const Result<QrMatrix> empty = encodeQr(QByteArray());
    QVERIFY(!empty.has_value());
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);

    const Result<QrMatrix> tooLong = encodeQr(QByteArray(2332, 'x'), QrEcc::Medium);
    QVERIFY(!tooLong.has_value());
    QCOMPARE(tooLong.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(tooLong.error().detail.contains(u"2332"), qPrintable(tooLong.error().detail));

    QVERIFY(encodeQr(QByteArray(2953, 'x'), QrEcc::Low).has_value());
    QVERIFY(!encodeQr(QByteArray(2954, 'x'), QrEcc::Low).has_value());
    QCOMPARE(encodeQr(WeChatPayload, QrEcc::Invalid).error().code, ErrorCode::InvalidArgument);
    const Result<QrMatrix> huge = encodeQr(QByteArray(10'000'000, 'x'), QrEcc::Low);
    QVERIFY(!huge.has_value());
    QVERIFY2(huge.error().detail.contains(u"10000000 bytes"), qPrintable(huge.error().detail));
}

void TestQr::decodesWithZbar_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QrEcc>("ecc");

    QTest::newRow("wechat") << WeChatPayload << QrEcc::Medium;
    QTest::newRow("alipay") << "https://qr.alipay.com/bax03431ljhokirwl38f00a7"_ba << QrEcc::Low;
    QTest::newRow("unionpay") << "https://qr.95516.com/00010000/01129216395473287425868815866024"_ba << QrEcc::Quartile;
    QTest::newRow("high") << WeChatPayload << QrEcc::High;
    QTest::newRow("long") << QByteArray("weixin://wxpay/bizpayurl?pr=" + QByteArray(400, 'Z')) << QrEcc::Medium;
}

void TestQr::decodesWithZbar()
{
    QFETCH(QByteArray, payload);
    QFETCH(QrEcc, ecc);

    // CI installs zbar-tools; without it this check would silently prove nothing, so fail.
    const QString zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
    if (zbarimg.isEmpty())
        QFAIL("zbarimg not found: install zbar-tools");
    QVERIFY(m_dir.isValid());

    const Result<QrMatrix> qr = encodeQr(payload, ecc);
    QVERIFY(qr.has_value());
    const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".pbm");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(toPbm(*qr, 4, 8));
    file.close();

    QProcess zbar;
    zbar.start(zbarimg, {u"--raw"_s, u"-q"_s, path});
    QVERIFY(zbar.waitForFinished(30000));
    const QByteArray err = zbar.readAllStandardError();
    QCOMPARE(zbar.exitCode(), 0);
    QByteArray decoded = zbar.readAllStandardOutput();
    if (decoded.endsWith('\n'))
        decoded.chop(1);
    QVERIFY2(decoded == payload, err.constData());
}

void TestQr::halfBlocksGeometry_data()
{
    QTest::addColumn<int>("quiet");
    QTest::newRow("quiet 4") << 4;
    QTest::newRow("quiet 1") << 1;
    QTest::newRow("quiet 0") << 0;
}

void TestQr::halfBlocksGeometry()
{
    QFETCH(int, quiet);
    const Result<QrMatrix> qr = encodeQr(WeChatPayload);
    QVERIFY(qr.has_value());
    const QString text = renderHalfBlocks(*qr, quiet);
    QVERIFY(text.endsWith(u'\n'));
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), (qr->size + 2 * quiet + 1) / 2);
    for (const QString &line : lines) {
        QCOMPARE(line.size(), qr->size + 2 * quiet);
        for (const QChar c : line)
            QVERIFY(c == u' ' || c == QChar(0x2580) || c == QChar(0x2584) || c == QChar(0x2588));
    }
}

void TestQr::halfBlocksReproduceTheMatrix()
{
    const Result<QrMatrix> qr = encodeQr(WeChatPayload);
    QVERIFY(qr.has_value());
    const int quiet = 4;
    const auto rows = unrender(renderHalfBlocks(*qr, quiet), false);
    QCOMPARE(int(rows.size()), qr->size + 2 * quiet + 1); // odd height: one padding half row
    for (int y = 0; y < int(rows.size()); ++y) {
        for (int x = 0; x < int(rows[std::size_t(y)].size()); ++x)
            QCOMPARE(bool(rows[std::size_t(y)][std::size_t(x)]), qr->dark(x - quiet, y - quiet));
    }
    // Top-left of the finder, first line: quiet zone blank, then a full block where the
    // finder's two top rows are both dark.
    const QString first = renderHalfBlocks(*qr, 0).section(u'\n', 0, 0);
    QCOMPARE(first.at(0), QChar(0x2588));
    QCOMPARE(first.at(1), QChar(0x2580)); // row 0 dark, row 1 light inside the ring
}

void TestQr::halfBlocksInvert()
{
    const Result<QrMatrix> qr = encodeQr(WeChatPayload);
    QVERIFY(qr.has_value());
    const QString normal = renderHalfBlocks(*qr, 2, false);
    const QString inverted = renderHalfBlocks(*qr, 2, true);
    QCOMPARE(inverted.size(), normal.size());
    QVERIFY(normal != inverted);
    // The quiet zone is light: blank in normal mode, inked when inverted.
    QCOMPARE(normal.at(0), u' ');
    QCOMPARE(inverted.at(0), QChar(0x2588));
    const auto a = unrender(normal, false);
    const auto b = unrender(inverted, true);
    QVERIFY(a == b); // both describe the same modules
}

QTEST_GUILESS_MAIN(TestQr)
#include "test_qr.moc"

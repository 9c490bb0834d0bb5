#include "IotPayNotifyDecoder.h"

#include <QSet>
#include <QStringDecoder>

namespace paydesk {

namespace {

constexpr int MaxParameters = 64;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

Result<void> splitInto(QByteArrayView encoded, ParamList &params, QSet<QString> &seen)
{
    if (encoded.isEmpty())
        return {};
    const QList<QByteArray> pairs = encoded.toByteArray().split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArrayView rawName = eq < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(eq);
        const QByteArrayView rawValue = eq < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(eq + 1);
        auto name = decodeFormComponent(rawName);
        if (!name)
            return fail(name.error());
        auto value = decodeFormComponent(rawValue);
        if (!value)
            return fail(value.error());
        if (name->isEmpty())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("empty parameter name"));
        if (seen.contains(*name))
            return fail(ErrorCode::InvalidArgument, u"parameter given twice: " + name->left(40));
        if (params.size() >= MaxParameters)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("too many parameters"));
        seen.insert(*name);
        params.append({*name, *value});
    }
    return {};
}

Result<void> checkBodyContentType(const HttpRequest &request)
{
    if (request.headerCount("Content-Type") > 1)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Content-Type given twice"));
    const QByteArray contentType = request.header("Content-Type").trimmed().toLower();
    const QList<QByteArray> parts = contentType.split(';');
    if (parts.value(0).trimmed() != "application/x-www-form-urlencoded")
        return fail(ErrorCode::InvalidArgument,
                    u"unsupported content type: " + QString::fromLatin1(contentType.left(60)));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed();
        if (parameter.startsWith("charset=")) {
            QByteArray charset = parameter.mid(8);
            charset.replace('"', QByteArray());
            if (charset != "utf-8" && charset != "utf8")
                return fail(ErrorCode::InvalidArgument,
                            u"unsupported charset: " + QString::fromLatin1(charset.left(30)));
        }
    }
    return {};
}

} // namespace

Result<QString> decodeFormComponent(QByteArrayView component)
{
    QByteArray bytes;
    bytes.reserve(component.size());
    for (qsizetype i = 0; i < component.size(); ++i) {
        const char c = component.at(i);
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            const bool complete = i + 2 < component.size();
            const int high = complete ? hexValue(component.at(i + 1)) : -1;
            const int low = complete ? hexValue(component.at(i + 2)) : -1;
            if (high < 0 || low < 0)
                return fail(ErrorCode::InvalidArgument, QStringLiteral("broken percent-encoding"));
            bytes.append(char(high * 16 + low));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("invalid UTF-8"));
    if (text.contains(QChar(0)))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("NUL character in a parameter"));
    return text;
}

Result<ParamList> decodeNotifyParams(const HttpRequest &request)
{
    ParamList params;
    QSet<QString> seen;
    if (auto ok = splitInto(request.rawQuery, params, seen); !ok)
        return fail(ok.error());
    if (!request.body.isEmpty()) {
        if (auto ok = checkBodyContentType(request); !ok)
            return fail(ok.error());
        if (auto ok = splitInto(request.body, params, seen); !ok)
            return fail(ok.error());
    }
    if (params.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no parameters"));
    return params;
}

} // namespace paydesk

#include "JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace paydesk::detail {
namespace {

// Index of the quote that closes the string opening at `open`.
qsizetype stringEnd(const QByteArray &json, qsizetype open)
{
    qsizetype i = open + 1;
    while (i < json.size()) {
        if (json[i] == '\\')
            i += 2;
        else if (json[i] == '"')
            return i;
        else
            ++i;
    }
    return json.size() - 1;
}

QString decodeKey(const QByteArray &raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    // Rare: let Qt's parser undo the escapes of this one key.
    const QJsonDocument doc = QJsonDocument::fromJson("[\"" + raw + "\"]");
    return doc.array().at(0).toString();
}

bool isLiteralChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'
        || c == '+' || c == '.';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// After a top-level ':' — records the value when it is a literal; returns where to go on.
qsizetype recordLiteral(const QByteArray &json, qsizetype colon, const QString &key, JsonTopLevel &out)
{
    qsizetype start = colon + 1;
    while (start < json.size() && isSpace(json[start]))
        ++start;
    if (start >= json.size() || !isLiteralChar(json[start]))
        return colon;
    qsizetype end = start;
    while (end < json.size() && isLiteralChar(json[end]))
        ++end;
    out.literalTokens.insert(key, json.sliced(start, end - start));
    return end - 1;
}

} // namespace

JsonTopLevel scanTopLevel(const QByteArray &json)
{
    JsonTopLevel out;
    int depth = 0;
    bool expectKey = false;
    QString key;
    for (qsizetype i = 0; i < json.size(); ++i) {
        switch (json[i]) {
        case '"': {
            const qsizetype end = stringEnd(json, i);
            if (depth == 1 && expectKey) {
                key = decodeKey(json.sliced(i + 1, end - i - 1));
                ++out.keyCount;
                expectKey = false;
            }
            i = end;
            break;
        }
        case '{':
        case '[':
            ++depth;
            out.maxDepth = std::max(out.maxDepth, depth);
            expectKey = depth == 1 && json[i] == '{';
            break;
        case '}':
        case ']':
            --depth;
            break;
        case ',':
            expectKey = depth == 1;
            break;
        case ':':
            if (depth == 1)
                i = recordLiteral(json, i, key, out);
            break;
        default:
            break;
        }
    }
    return out;
}

} // namespace paydesk::detail

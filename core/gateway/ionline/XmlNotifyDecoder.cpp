#include "XmlNotifyDecoder.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxFields = 64;

std::unexpected<Error> refused(const QString &why)
{
    return fail(ErrorCode::InvalidArgument, why);
}

// The byte-level gate in front of the parser: what it lets through can contain no DTD, no
// entity declaration and no reference of any kind, so nothing is ever expanded.
Result<void> scanMarkup(const QByteArray &body)
{
    static constexpr QByteArrayView CdataOpen = "<![CDATA[";
    qsizetype i = 0;
    while (i < body.size()) {
        const char c = body[i];
        if (c == '&')
            return refused(u"entity or character reference outside CDATA"_s);
        if (c == '<' && i + 1 < body.size() && body[i + 1] == '!') {
            if (!QByteArrayView(body).sliced(i).startsWith(CdataOpen))
                return refused(u"DOCTYPE, ENTITY or comment markup is not accepted"_s);
            const qsizetype end = body.indexOf("]]>", i + CdataOpen.size());
            if (end < 0)
                return refused(u"unterminated CDATA section"_s);
            i = end + 3;
            continue;
        }
        if (c == '<' && i + 1 < body.size() && body[i + 1] == '?' && i != 0)
            return refused(u"processing instruction"_s);
        ++i;
    }
    return {};
}

struct Walk
{
    ParamList fields;
    bool sawRoot = false;
    int depth = 0;
    QString name;
    QString value;
};

Result<void> startElement(const QXmlStreamReader &reader, Walk &walk)
{
    static const QRegularExpression fieldName(u"^[A-Za-z0-9_]{1,64}$"_s);
    if (!reader.attributes().isEmpty() || !reader.namespaceDeclarations().isEmpty())
        return refused(u"attributes are not accepted"_s);
    ++walk.depth;
    const QString name = reader.name().toString();
    if (walk.depth == 1) {
        if (name != u"xml" || walk.sawRoot)
            return refused(u"root element is not <xml>"_s);
        walk.sawRoot = true;
        return {};
    }
    if (walk.depth > 2)
        return refused(u"nested elements are not accepted"_s);
    if (!fieldName.match(name).hasMatch())
        return refused(u"field name not accepted: "_s + name.left(40));
    for (const auto &field : walk.fields) {
        if (field.first == name)
            return refused(u"field given twice: "_s + name);
    }
    if (walk.fields.size() >= MaxFields)
        return refused(u"more than %1 fields"_s.arg(MaxFields));
    walk.name = name;
    walk.value.clear();
    return {};
}

Result<void> step(QXmlStreamReader &reader, Walk &walk)
{
    switch (reader.tokenType()) {
    case QXmlStreamReader::StartDocument: {
        const QString encoding = reader.documentEncoding().toString();
        if (!encoding.isEmpty() && encoding.compare(u"UTF-8", Qt::CaseInsensitive) != 0)
            return refused(u"encoding is not UTF-8"_s);
        return {};
    }
    case QXmlStreamReader::StartElement:
        return startElement(reader, walk);
    case QXmlStreamReader::Characters:
        if (walk.depth == 2)
            walk.value += reader.text();
        else if (!reader.isWhitespace())
            return refused(u"text outside the fields"_s);
        return {};
    case QXmlStreamReader::EndElement:
        if (walk.depth == 2)
            walk.fields.append({walk.name, walk.value});
        --walk.depth;
        return {};
    case QXmlStreamReader::EndDocument:
        return {};
    case QXmlStreamReader::DTD:
        return refused(u"DTD is not accepted"_s);
    case QXmlStreamReader::EntityReference:
        return refused(u"entity reference is not accepted"_s);
    case QXmlStreamReader::Comment:
    case QXmlStreamReader::ProcessingInstruction:
        return refused(u"comments and processing instructions are not accepted"_s);
    case QXmlStreamReader::NoToken:
    case QXmlStreamReader::Invalid:
        break;
    }
    return refused(u"malformed XML: "_s + reader.errorString().left(120));
}

} // namespace

Result<ParamList> decodeXmlNotify(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return refused(u"empty body"_s);
    if (!body.isValidUtf8())
        return refused(u"body is not valid UTF-8"_s);
    if (auto ok = scanMarkup(body); !ok)
        return fail(ok.error());
    QXmlStreamReader reader(body);
    reader.setNamespaceProcessing(false);
    Walk walk;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            return refused(u"malformed XML: "_s + reader.errorString().left(120));
        if (auto ok = step(reader, walk); !ok)
            return fail(ok.error());
    }
    if (!walk.sawRoot)
        return refused(u"no <xml> root element"_s);
    return walk.fields;
}

} // namespace paydesk

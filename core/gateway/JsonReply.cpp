#include "JsonReply.h"

#include "gateway/GatewayTransport.h"

#include <QJsonDocument>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace paydesk {
namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype MaxCountDigits = 18; // always fits qint64

// SAX events of RapidJSON's reader: the keys of every open object (to refuse a duplicate), the
// depth, and the raw text of each top-level number (kParseNumbersAsStringsFlag).
class ScanHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ScanHandler>
{
public:
    explicit ScanHandler(int maxDepth) : m_maxDepth(maxDepth) {}

    bool Default() { return true; }
    bool RawNumber(const char *text, rapidjson::SizeType length, bool)
    {
        if (m_depth == 1 && !m_objects.empty() && !m_objects.front().keys.empty()) {
            const std::string &key = m_objects.front().keys.back();
            m_numbers.insert(QString::fromUtf8(key.data(), qsizetype(key.size())), QByteArray(text, qsizetype(length)));
        }
        return true;
    }
    bool StartObject()
    {
        m_objects.emplace_back();
        return enter();
    }
    bool Key(const char *text, rapidjson::SizeType length, bool)
    {
        OpenObject &object = m_objects.back();
        const std::string_view key(text, length);
        if (std::find(object.keys.cbegin(), object.keys.cend(), key) != object.keys.cend()) {
            m_problem = u"reply has duplicate keys (\"%1\")"_s.arg(
                GatewayTransport::printableStart(QByteArray(text, qsizetype(length)), 40));
            return false;
        }
        object.keys.emplace_back(key);
        return true;
    }
    bool EndObject(rapidjson::SizeType)
    {
        m_objects.pop_back();
        --m_depth;
        return true;
    }
    bool StartArray()
    {
        m_objects.emplace_back(); // an array has no keys; the entry keeps the stack one per level
        return enter();
    }
    bool EndArray(rapidjson::SizeType)
    {
        m_objects.pop_back();
        --m_depth;
        return true;
    }

    const QString &problem() const { return m_problem; }
    bool tooDeep() const { return m_depth > m_maxDepth; }
    QHash<QString, QByteArray> takeNumbers() { return std::move(m_numbers); }

private:
    struct OpenObject
    {
        std::vector<std::string> keys; // replies are small: a linear search beats hashing
    };

    bool enter()
    {
        if (++m_depth > m_maxDepth) {
            m_problem = u"reply nests more than %1 levels deep"_s.arg(m_maxDepth);
            return false;
        }
        return true;
    }

    int m_maxDepth;
    int m_depth = 0;
    std::vector<OpenObject> m_objects;
    QHash<QString, QByteArray> m_numbers;
    QString m_problem;
};

} // namespace

Result<JsonReply> JsonReply::parse(const QByteArray &body, Limits limits, Problem *problem)
{
    Problem ignored = Problem::None;
    Problem &why = problem ? *problem : ignored;
    why = Problem::TooLarge;
    if (body.size() > limits.maxBytes)
        return unparseable(u"reply of %1 bytes exceeds the %2-byte limit"_s.arg(body.size()).arg(limits.maxBytes));
    ScanHandler handler(limits.maxDepth);
    rapidjson::Reader reader;
    rapidjson::MemoryStream stream(body.constData(), size_t(body.size()));
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
    const rapidjson::ParseResult scanned = reader.Parse<flags>(stream, handler);
    if (!handler.problem().isEmpty()) {
        why = handler.tooDeep() ? Problem::TooDeep : Problem::DuplicateKey;
        return unparseable(handler.problem());
    }
    why = Problem::NotJson;
    if (scanned.IsError()) {
        if (body.trimmed().startsWith('<'))
            return unparseable(u"reply is an HTML/XML page, not JSON: "_s + GatewayTransport::printableStart(body, 80));
        return unparseable(u"reply is not one JSON object (%1 at offset %2): "_s
                               .arg(QString::fromLatin1(rapidjson::GetParseError_En(scanned.Code())))
                               .arg(scanned.Offset())
                           + GatewayTransport::printableStart(body, 80));
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return unparseable(u"reply is not one JSON object (%1): "_s.arg(error.errorString())
                           + GatewayTransport::printableStart(body, 80));
    why = Problem::NotObject;
    if (!doc.isObject())
        return unparseable(u"reply is JSON but not an object: "_s + GatewayTransport::printableStart(body, 80));
    why = Problem::None;
    JsonReply reply;
    reply.m_object = doc.object();
    reply.m_numberTokens = handler.takeNumbers();
    return reply;
}

std::optional<QString> JsonReply::scalarText(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        // The digits as sent (Java renders its Long fields the same way when signing).
        return QString::fromLatin1(m_numberTokens.value(key));
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    default:
        return std::nullopt;
    }
}

ParamList JsonReply::signedFields() const
{
    ParamList params;
    const QStringList keys = m_object.keys();
    for (const QString &key : keys) {
        if (key == u"sign")
            continue;
        if (std::optional<QString> value = scalarText(key))
            params.append({key, *value});
    }
    return params;
}

Result<void> JsonReply::checkSignature(Verifier verify, const MerchantKey &key, bool required, bool &present) const
{
    const QJsonValue sign = m_object.value(u"sign");
    present = !sign.isUndefined() && !sign.isNull();
    if (!present)
        return required ? Result<void>(fail(ErrorCode::BadSignature, u"reply is not signed"_s)) : Result<void>();
    if (!sign.isString() || !verify(signedFields(), key, sign.toString()))
        return fail(ErrorCode::BadSignature, u"reply signature does not verify"_s);
    return {};
}

Result<std::optional<qint64>> JsonReply::count(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    if (!value.isString() && !value.isDouble())
        return unparseable(key + u" is not an integer");
    const QString digits = scalarText(key).value_or(QString());
    if (digits.isEmpty() && value.isString())
        return std::optional<qint64>();
    const bool plain = !digits.isEmpty() && digits.size() <= MaxCountDigits && !(digits.size() > 1 && digits[0] == u'0')
        && std::all_of(digits.cbegin(), digits.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!plain)
        return unparseable(key + u" is not a plain non-negative integer: "
                           + GatewayTransport::printableStart(digits.toUtf8(), 40));
    return std::optional<qint64>(digits.toLongLong());
}

} // namespace paydesk

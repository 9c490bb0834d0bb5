#pragma once

#include "common/Error.h"
#include "gateway/Signer.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace paydesk {

// One gateway reply body that is exactly one small JSON object, with what QJsonDocument alone
// does not tell: RapidJSON's SAX reader walks the text once, refusing a key given twice in any
// object (QJsonObject silently keeps one of two duplicates) and nesting deeper than the limit,
// and keeps the exact text of each top-level number (so `1e3` is not mistaken for the integer
// 1000, and signed numbers are verified over the digits that were sent). Shared by every
// gateway's reply parser; the envelope rules are each gateway's own.
class JsonReply
{
public:
    struct Limits
    {
        qsizetype maxBytes = 1 << 20;
        int maxDepth = 16;
    };

    enum class Problem {
        None,
        TooLarge,
        NotJson,
        NotObject,
        DuplicateKey,
        TooDeep
    };

    // Unparseable (detail says why: over the size limit, an HTML/XML page, not one JSON object,
    // duplicate keys, too deep); `problem`, when given, says which.
    static Result<JsonReply> parse(const QByteArray &body, Limits limits, Problem *problem = nullptr);
    static Result<JsonReply> parse(const QByteArray &body) { return parse(body, Limits{}); }

    const QJsonObject &object() const { return m_object; }
    bool contains(QStringView key) const { return m_object.contains(key); }

    // The text a top-level scalar is signed as (strings as they are, numbers as sent, true /
    // false); nothing for null, objects, arrays and absent fields.
    std::optional<QString> scalarText(const QString &key) const;
    QString text(const QString &key) const { return scalarText(key).value_or(QString()); }
    // Every top-level scalar but `sign`: what a reply signature covers.
    ParamList signedFields() const;
    // The reply's `sign` (a string) checked over signedFields() with the gateway's `verify`:
    // BadSignature when it does not verify, or is absent and `required`. `present` says
    // whether there was one.
    using Verifier = bool (*)(const ParamList &params, const MerchantKey &key, QStringView claimedSign);
    Result<void> checkSignature(Verifier verify, const MerchantKey &key, bool required, bool &present) const;

    // An Unparseable error: what every reply parser reports for a reply it cannot trust.
    static std::unexpected<Error> unparseable(const QString &why) { return fail(ErrorCode::Unparseable, why); }

    // A count (amount, status, a time): plain decimal digits, as a number or a string, at most
    // 18 of them, no sign, decimals, exponent, padding or leading zero. Absent, null and an empty
    // string are nothing; anything else malformed is Unparseable.
    Result<std::optional<qint64>> count(const QString &key) const;

private:
    QJsonObject m_object;
    QHash<QString, QByteArray> m_numberTokens; // top level only
};

} // namespace paydesk

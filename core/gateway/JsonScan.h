#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace paydesk::detail {

// What QJsonDocument does not tell about a reply: how many top-level keys the text really had
// (QJsonObject silently keeps one of two duplicates), how deep it nests, and the exact text of
// each top-level number/true/false/null (so `1e3` is not mistaken for the integer 1000 and
// signed numbers are verified over the digits that were sent).
struct JsonTopLevel
{
    qsizetype keyCount = 0;
    int maxDepth = 0;
    QHash<QString, QByteArray> literalTokens;
};

// Precondition: QJsonDocument already accepted `json` as one object (the scan does not
// re-validate the grammar, it only walks it). Linear time, no recursion.
JsonTopLevel scanTopLevel(const QByteArray &json);

} // namespace paydesk::detail

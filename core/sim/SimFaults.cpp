#include "GatewaySimulator.h"

// The simulator's fault switches as the JSON of POST /control/faults.

namespace paydesk {

SimFaults SimFaults::fromJson(const QJsonObject &json)
{
    SimFaults f;
    f.latencyMs = json.value(QStringLiteral("latencyMs")).toInt();
    f.dropReply = json.value(QStringLiteral("dropReply")).toBool();
    f.resetAfterCreate = json.value(QStringLiteral("resetAfterCreate")).toBool();
    f.serverErrorStatus = json.value(QStringLiteral("serverErrorStatus")).toInt();
    f.badSignature = json.value(QStringLiteral("badSignature")).toBool();
    f.badNotifySignature = json.value(QStringLiteral("badNotifySignature")).toBool();
    f.duplicateNotifies = json.value(QStringLiteral("duplicateNotifies")).toInt();
    f.lateNotifyMs = json.value(QStringLiteral("lateNotifyMs")).toInt();
    f.trickleChunkBytes = json.value(QStringLiteral("trickleChunkBytes")).toInt();
    f.trickleIntervalMs = json.value(QStringLiteral("trickleIntervalMs")).toInt();
    f.calls = json.value(QStringLiteral("calls")).toInt(-1);
    return f;
}

QJsonObject SimFaults::toJson() const
{
    return {{QStringLiteral("latencyMs"), latencyMs},
            {QStringLiteral("dropReply"), dropReply},
            {QStringLiteral("resetAfterCreate"), resetAfterCreate},
            {QStringLiteral("serverErrorStatus"), serverErrorStatus},
            {QStringLiteral("badSignature"), badSignature},
            {QStringLiteral("badNotifySignature"), badNotifySignature},
            {QStringLiteral("duplicateNotifies"), duplicateNotifies},
            {QStringLiteral("lateNotifyMs"), lateNotifyMs},
            {QStringLiteral("trickleChunkBytes"), trickleChunkBytes},
            {QStringLiteral("trickleIntervalMs"), trickleIntervalMs},
            {QStringLiteral("calls"), calls}};
}

} // namespace paydesk

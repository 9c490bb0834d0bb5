#include "GatewayRegistry.h"

#include "gateway/PaymentGateway.h"

namespace paydesk {

using namespace Qt::StringLiterals;

NotifyVerifier::~NotifyVerifier() = default;

Result<void> GatewayRegistry::add(GatewayEntry entry)
{
    if (entry.name.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a gateway needs a name"_s);
    if (find(entry.name))
        return fail(ErrorCode::Duplicate, u"gateway '%1' is registered twice"_s.arg(entry.name));
    if (entry.notify && notifyFor(entry.notify->path())) {
        return fail(
            ErrorCode::Duplicate,
            u"notify path %1 of gateway '%2' is taken"_s.arg(QString::fromUtf8(entry.notify->path()), entry.name));
    }
    m_entries.append(std::move(entry));
    return {};
}

const GatewayEntry *GatewayRegistry::find(QStringView name) const
{
    for (const GatewayEntry &entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

Result<const GatewayEntry *> GatewayRegistry::require(QStringView name) const
{
    if (const GatewayEntry *entry = find(name))
        return entry;
    const QString known = m_entries.isEmpty() ? u"none"_s : names().join(u", ");
    return fail(ErrorCode::NotFound, u"no gateway named '%1' (registered: %2)"_s.arg(name.left(40), known));
}

const NotifyVerifier *GatewayRegistry::notifyFor(QByteArrayView rawPath) const
{
    for (const GatewayEntry &entry : m_entries) {
        if (entry.notify && entry.notify->path() == rawPath)
            return entry.notify.get();
    }
    return nullptr;
}

QStringList GatewayRegistry::names() const
{
    QStringList list;
    for (const GatewayEntry &entry : m_entries)
        list.append(entry.name);
    return list;
}

Result<std::unique_ptr<PaymentGateway>> GatewayRegistry::createClient(QStringView name,
                                                                      QNetworkAccessManager &network) const
{
    auto entry = require(name);
    if (!entry)
        return fail(entry.error());
    if (!(*entry)->createClient)
        return fail(ErrorCode::ConfigMissing, u"gateway '%1' has no client configured"_s.arg(name));
    return (*entry)->createClient(network);
}

} // namespace paydesk

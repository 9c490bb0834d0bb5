#pragma once

#include <QSslCertificate>
#include <QSslKey>

namespace paydesk::testutil {

struct SelfSigned
{
    QSslCertificate certificate;
    QSslKey key;
};

// A fresh self-signed certificate for CN=127.0.0.1, made in memory (no files, no network):
// exactly what a client must refuse.
SelfSigned makeSelfSigned();

} // namespace paydesk::testutil

#pragma once

#include "common/Error.h"
#include "gateway/Signer.h"
#include "http/HttpServer.h"

namespace paydesk {

// Turns a notification request into name/value pairs, strictly: IOTPay appends the fields to
// the notify URL of an empty-bodied POST; a form body is accepted too and merged.
// Rejected (InvalidArgument, detail says why): a non-form body content type or a charset other
// than UTF-8, broken percent-encoding, invalid UTF-8, a parameter given twice (in the query, the
// body or across both), an empty parameter name, and more than 64 parameters.
Result<ParamList> decodeNotifyParams(const HttpRequest &request);

// Percent-decodes one form component ('+' is a space). Error on a '%' not followed by two hex
// digits or on bytes that are not valid UTF-8.
Result<QString> decodeFormComponent(QByteArrayView component);

} // namespace paydesk

#pragma once

#include "common/Error.h"
#include "gateway/Signer.h"

#include <QByteArray>

namespace paydesk {

// iOnline Pay's notify body (payment-api.md §13.4): an <xml> root holding one level of
// elements whose values are CDATA (plain text is accepted too). Parsed with QXmlStreamReader,
// and before that scanned so that no DTD or entity ever reaches a parser: refused
// (InvalidArgument, detail says why) are any "<!" other than a CDATA section (DOCTYPE, ENTITY,
// comments), any '&' outside CDATA (entity and character references, the predefined ones too),
// processing instructions other than the XML declaration, an encoding other than UTF-8 or
// invalid UTF-8, attributes, nested elements, text beside the fields, an element given twice,
// field names other than [A-Za-z0-9_]{1,64}, more than 64 fields, a root other than <xml>, and
// anything QXmlStreamReader finds malformed.
Result<ParamList> decodeXmlNotify(const QByteArray &body);

} // namespace paydesk

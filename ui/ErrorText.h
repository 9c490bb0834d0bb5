#pragma once

#include "common/Error.h"

#include <QString>

namespace paydesk {

// What a cashier or manager reads for an error: plain words and the next step.
// The technical detail stays in the log.
QString errorMessage(const Error &error);

} // namespace paydesk

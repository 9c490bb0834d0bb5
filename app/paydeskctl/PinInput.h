#pragma once

#include "common/Error.h"

#include <QString>

namespace paydesk {

// The manager PIN for a command that needs it: from FILE when given (owner-only, like a key
// file), else from standard input — prompted without echo on a terminal, one line otherwise.
// Never logged, never on the command line (every user of the machine could read it there).
Result<QString> readManagerPin(const QString &pinFile);

// A customer's payment code for `charge --code -`: one line from standard input, without echo
// on a terminal, so that it is never in the process list or the terminal's scrollback.
Result<QString> readPaymentCodeLine();
// A new PIN for `name`, the next line of standard input: prompted without echo, and asked twice
// on a terminal (InvalidArgument when the two differ).
Result<QString> readNewPin(const QString &name);

} // namespace paydesk

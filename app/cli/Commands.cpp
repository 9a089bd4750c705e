// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace Mailtrail::Cli {

const QList<Command> &commands()
{
    static const QList<Command> all = {
    };
    return all;
}

} // namespace Mailtrail::Cli

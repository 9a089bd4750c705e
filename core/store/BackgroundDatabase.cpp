// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/BackgroundDatabase.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Mailtrail::Store {

QString BackgroundDatabase::open()
{
    if (m_database)
        return {};
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), getpriority(PRIO_PROCESS, 0) + 5);
#endif
    auto database = std::make_unique<Database>();
    if (QString error = database->open(m_path); !error.isEmpty())
        return error;
    m_database = std::move(database);
    return {};
}

} // namespace Mailtrail::Store

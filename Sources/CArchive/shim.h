// SPDX-License-Identifier: LGPL-2.1-only
#include <archive.h>
#include <archive_entry.h>

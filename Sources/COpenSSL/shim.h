// SPDX-License-Identifier: LGPL-2.1-only
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/err.h>

/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The application section of a firmware without an application: erased
 * flash (0xff) of the recipe's size. FirmwareBuilder replaces its
 * contents with a header, a code image and argv (llvm-objcopy
 * --update-section), so a built firmware takes any image without relinking.
 */
    .section .p14p_app, "a"
    .fill P14P_APP_SIZE, 1, 0xff

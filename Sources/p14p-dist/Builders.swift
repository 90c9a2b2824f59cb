// SPDX-License-Identifier: LGPL-2.1-only
//
// The board builders this p14p-dist knows. A new kind of board (the
// firmware builder for microcontrollers) is registered here, one line.

import P14PDist

func makeBuilderRegistry(desktopExecutable: String?) -> BuilderRegistry {
    var registry = BuilderRegistry()
    registry.register(DesktopBuilder(prebuiltExecutable: desktopExecutable))
    return registry
}

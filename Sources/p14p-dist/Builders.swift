// SPDX-License-Identifier: LGPL-2.1-only
//
// The board builders this p14p-dist knows: the host (desktop) and the
// microcontroller firmware (embedded). A new kind of board is one line here.

import P14PDist

func makeBuilderRegistry(desktopExecutable: String?) -> BuilderRegistry {
    var registry = BuilderRegistry()
    registry.register(DesktopBuilder(prebuiltExecutable: desktopExecutable))
    registry.register(EmbeddedBoardBuilder())
    return registry
}

// SPDX-License-Identifier: LGPL-2.1-only
//
// recipes/boards/<board>.toml: what a board is, whether it can be built here,
// its memory map, the VM heap and the feature switches of its firmware.

public enum BoardStatus: String, Sendable, CaseIterable {
    /// Built and run natively or on the hardware.
    case supported
    /// Built and run under an emulator (QEMU) in CI.
    case emulated
    /// A port under way: built when its builder is registered, shown as a preview.
    case planned
    /// No toolchain here can build it; `reason` says why.
    case unsupported
}

/// PyMite's per-platform switches (pmfeatures): the VM features a firmware carries.
public struct FeatureSwitches: Equatable, Sendable {
    public var float = false
    public var classes = false
    public var assert = false
    public var generators = false
    public var closures = false
    public var bytearray = false
    public var debugInfo = false
    public var defaultArgs = true
    public var longInt = false
    // p14p's own switches, on unless a recipe turns them off (PyMite had none of these).
    public var set = true
    public var format = true
    public var moreStrMethods = true
    public var memoryview = true
    public var errorMessages = true
    public var classHooks = true
    public var specialMethods = true

    /// Recipe keys in table order, with their values.
    public var all: [(key: String, on: Bool)] {
        [("float", float), ("classes", classes), ("assert", assert), ("generators", generators),
         ("closures", closures), ("bytearray", bytearray), ("debug_info", debugInfo),
         ("default_args", defaultArgs), ("long_int", longInt), ("set", set), ("format", format),
         ("more_str_methods", moreStrMethods), ("memoryview", memoryview), ("error_messages", errorMessages), ("class_hooks", classHooks),
         ("special_methods", specialMethods)]
    }

    public static let keys: Set<String> = Set(FeatureSwitches().all.map(\.key))

    /// PyMite's dependency rules: (feature, what it needs) pairs that are broken.
    public var brokenRules: [(feature: String, needs: String)] {
        var broken: [(String, String)] = []
        if assert && !classes { broken.append(("assert", "classes")) }
        if generators && !classes { broken.append(("generators", "classes")) }
        if bytearray && !classes { broken.append(("bytearray", "classes")) }
        if closures && !defaultArgs { broken.append(("closures", "default_args")) }
        return broken
    }

    public var enabled: [String] { all.filter(\.on).map(\.key) }
}

public struct MemoryMap: Equatable, Sendable {
    public var flash: Int?
    public var ram: Int?
    public var flashOrigin: Int?
    public var ramOrigin: Int?
    /// The VM's Python heap in bytes (PyMite's PM_HEAP_SIZE); nil only for unsupported boards.
    public var heap: Int?
}

public enum Emulator: Equatable, Sendable {
    case none(reason: String?)
    /// Runs as a process of the build machine (desktop).
    case native
    case qemu(binary: String, machine: String, cpu: String?)

    public var summary: String {
        switch self {
        case .none: return "none"
        case .native: return "native"
        case let .qemu(binary, machine, cpu): return "\(binary) -M \(machine)" + (cpu.map { " -cpu \($0)" } ?? "")
        }
    }
}

public struct BoardRecipe: Sendable {
    public var name: String
    public var title: String
    public var vendor: String?
    public var mcu: String
    public var cpu: String?
    public var clock: String?
    public var status: BoardStatus
    /// Why a board is unsupported or planned.
    public var reason: String?
    /// Which registered `BoardBuilder` builds it ("desktop", "embedded", ...).
    public var builder: String?
    /// The Swift target triple, when Swift has one for this CPU.
    public var target: String?
    public var memory: MemoryMap
    public var features: FeatureSwitches
    public var emulator: Emulator
    /// The release that first had this board ("09").
    public var since: String?
    public var notes: String?
    /// The parsed file, for builders that read their own `[build]` fields.
    public var document: RecipeDocument

    static let topLevelKeys: Set<String> = [
        "name", "title", "vendor", "mcu", "cpu", "clock", "status", "reason", "builder", "target",
        "since", "notes", "memory", "features", "emulator", "build", "console", "flashing",
    ]

    public init(document doc: RecipeDocument, expectedName: String?) throws(RecipeError) {
        document = doc
        try doc.rejectUnknownKeys(in: "", allowed: BoardRecipe.topLevelKeys)
        name = try doc.string("name")
        if let expectedName, expectedName != name {
            throw doc.error("name", "is \"\(name)\" but the file is \(expectedName).toml; they must agree")
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw doc.error("name", "must be letters, digits, - and _ (it names files)")
        }
        title = try doc.optionalString("title") ?? name
        vendor = try doc.optionalString("vendor")
        mcu = try doc.string("mcu")
        cpu = try doc.optionalString("cpu")
        clock = try doc.optionalString("clock")
        let statusText = try doc.string("status")
        guard let status = BoardStatus(rawValue: statusText) else {
            throw doc.error("status", "\"\(statusText)\" is not one of \(BoardStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.status = status
        reason = try doc.optionalString("reason")
        if status == .unsupported && (reason ?? "").isEmpty {
            throw doc.error("reason", "an unsupported board must say why (reason = \"...\")")
        }
        builder = try doc.optionalString("builder")
        if status != .unsupported && builder == nil {
            throw doc.error("builder", "a \(status.rawValue) board names the builder that builds it")
        }
        target = try doc.optionalString("target")
        since = try doc.optionalString("since")
        if let since, ReleaseNumber(since) == nil { throw doc.error("since", "must be a release number such as \"09\"") }
        notes = try doc.optionalString("notes")

        try doc.rejectUnknownKeys(in: "memory", allowed: ["flash", "ram", "flash_origin", "ram_origin", "heap"])
        memory = MemoryMap(
            flash: try doc.optionalSize("memory.flash"), ram: try doc.optionalSize("memory.ram"),
            flashOrigin: try doc.optionalInt("memory.flash_origin"), ramOrigin: try doc.optionalInt("memory.ram_origin"),
            heap: status == .unsupported ? try doc.optionalSize("memory.heap") : try doc.size("memory.heap"))
        if let ram = memory.ram, let heap = memory.heap, heap > ram {
            throw doc.error("memory.heap", "a heap of \(heap) bytes does not fit in \(ram) bytes of RAM")
        }

        try doc.rejectUnknownKeys(in: "features", allowed: FeatureSwitches.keys)
        var f = FeatureSwitches()
        func flag(_ key: String, _ current: Bool) throws(RecipeError) -> Bool {
            doc.has("features.\(key)") ? try doc.bool("features.\(key)") : current
        }
        f.float = try flag("float", f.float)
        f.classes = try flag("classes", f.classes)
        f.assert = try flag("assert", f.assert)
        f.generators = try flag("generators", f.generators)
        f.closures = try flag("closures", f.closures)
        f.bytearray = try flag("bytearray", f.bytearray)
        f.debugInfo = try flag("debug_info", f.debugInfo)
        f.defaultArgs = try flag("default_args", f.defaultArgs)
        f.longInt = try flag("long_int", f.longInt)
        f.set = try flag("set", f.set)
        f.format = try flag("format", f.format)
        f.moreStrMethods = try flag("more_str_methods", f.moreStrMethods)
        f.memoryview = try flag("memoryview", f.memoryview)
        f.errorMessages = try flag("error_messages", f.errorMessages)
        f.classHooks = try flag("class_hooks", f.classHooks)
        f.specialMethods = try flag("special_methods", f.specialMethods)
        if let broken = f.brokenRules.first {
            throw doc.error("features.\(broken.feature)", "\(broken.feature) needs \(broken.needs) (set \(broken.needs) = true or turn \(broken.feature) off)")
        }
        features = f

        try doc.rejectUnknownKeys(in: "emulator", allowed: ["kind", "binary", "machine", "cpu", "reason", "serial"])
        let kind = try doc.optionalString("emulator.kind") ?? "none"
        switch kind {
        case "none": emulator = .none(reason: try doc.optionalString("emulator.reason"))
        case "native": emulator = .native
        case "qemu":
            emulator = .qemu(binary: try doc.string("emulator.binary"), machine: try doc.string("emulator.machine"),
                             cpu: try doc.optionalString("emulator.cpu"))
        default: throw doc.error("emulator.kind", "\"\(kind)\" is not one of none, native, qemu")
        }
    }
}

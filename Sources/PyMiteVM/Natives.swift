// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The table of native functions: built-in functions, methods of the
// built-in types and the sys module. Each has a Python name and a home
// (the builtins module, a type's namespace, or sys); bootstrap installs
// them from this one list, and `callNative` dispatches on the id.

enum NativeHome: Equatable {
    case builtins
    case type(TypeKind)
    case sys
    case module(NativeModule)
    case exception
}

enum Native: Int, CaseIterable {
    // Built-in functions.
    case print = 0, len, abs, min, max, sum, chr, ord, repr, iter, next, any, all, hash, id
    case isinstance, issubclass, getattr, setattr, hasattr, delattr, dir, globals, locals
    case divmod, pow, hex, oct, bin, round, sorted, callable, map, filter, zip, enumerate, reversed
    case format, ascii
    // str
    case strFind, strRfind, strIndex, strRindex, strCount, strJoin, strSplit, strRsplit
    case strStrip, strLstrip, strRstrip, strReplace, strStartswith, strEndswith, strUpper, strLower
    case strIsdigit, strIsalpha, strIsspace, strIsalnum, strIsupper, strIslower, strCapitalize
    case strTitle, strSwapcase, strCenter, strLjust, strRjust, strZfill, strPartition, strRpartition
    case strSplitlines, strEncode, strFormat, strIsnumeric, strIsdecimal, strIsidentifier
    case strCasefold, strExpandtabs, strIstitle, strRemoveprefix, strRemovesuffix
    // bytes, bytearray
    case bytesDecode, bytesHex
    case byteArrayAppend, byteArrayExtend, byteArrayInsert, byteArrayPop, byteArrayRemove, byteArrayClear
    case byteArrayReverse, byteArrayCopy, byteArrayDecode, byteArrayHex
    // list
    case listAppend, listExtend, listInsert, listPop, listRemove, listIndex, listCount, listReverse
    case listSort, listClear, listCopy
    // tuple
    case tupleIndex, tupleCount
    // dict
    case dictKeys, dictValues, dictItems, dictGet, dictPop, dictPopitem, dictUpdate, dictSetdefault
    case dictClear, dictCopy, dictFromkeys
    // set
    case setAdd, setRemove, setDiscard, setPop, setClear, setCopy, setUnion, setIntersection
    case setDifference, setSymmetricDifference, setIssubset, setIssuperset, setUpdate, setIsdisjoint
    // numbers
    case intBitLength, floatIsInteger, intConjugate, intFromBytes, intToBytes, bytesFromhex, sliceIndicesMethod
    // generators
    case genSend, genClose, genThrow
    // property
    case propertySetter, propertyGetter, propertyDeleter
    // exceptions, object
    case exceptionInit, objectInit
    // sys
    case sysExit, sysHeap, sysGc, sysTime
    // time, machine, machine.Pin (Machine.swift)
    case timeSleep, timeSleepMs, timeSleepUs, timeTicksMs, timeTicksUs, timeTicksDiff, timeTicksAdd, timeTime, timeMonotonic
    case machineFreq, machineReset, machineUniqueId
    case pinValue, pinOn, pinOff, pinToggle
    case uartWrite, uartRead, uartReadline, uartAny, adcReadU16

    var home: NativeHome {
        switch self {
        case .print, .len, .abs, .min, .max, .sum, .chr, .ord, .repr, .iter, .next, .any, .all, .hash, .id,
             .isinstance, .issubclass, .getattr, .setattr, .hasattr, .delattr, .dir, .globals, .locals,
             .divmod, .pow, .hex, .oct, .bin, .round, .sorted, .callable, .map, .filter, .zip, .enumerate,
             .reversed, .format, .ascii:
            return .builtins
        case .bytesDecode, .bytesHex: return .type(.bytes)
        case .byteArrayAppend, .byteArrayExtend, .byteArrayInsert, .byteArrayPop, .byteArrayRemove,
             .byteArrayClear, .byteArrayReverse, .byteArrayCopy, .byteArrayDecode, .byteArrayHex:
            return .type(.bytearray)
        case .listAppend, .listExtend, .listInsert, .listPop, .listRemove, .listIndex, .listCount,
             .listReverse, .listSort, .listClear, .listCopy:
            return .type(.list)
        case .tupleIndex, .tupleCount: return .type(.tuple)
        case .dictKeys, .dictValues, .dictItems, .dictGet, .dictPop, .dictPopitem, .dictUpdate,
             .dictSetdefault, .dictClear, .dictCopy, .dictFromkeys:
            return .type(.dict)
        case .setAdd, .setRemove, .setDiscard, .setPop, .setClear, .setCopy, .setUnion, .setIntersection,
             .setDifference, .setSymmetricDifference, .setIssubset, .setIssuperset, .setUpdate, .setIsdisjoint:
            return .type(.set)
        case .intBitLength, .intConjugate, .intFromBytes, .intToBytes: return .type(.int)
        case .bytesFromhex: return .type(.bytes)
        case .sliceIndicesMethod: return .type(.slice)
        case .floatIsInteger: return .type(.float)
        case .genSend, .genClose, .genThrow: return .type(.generator)
        case .propertySetter, .propertyGetter, .propertyDeleter: return .type(.property)
        case .exceptionInit: return .exception
        case .objectInit: return .type(.object)
        case .sysExit, .sysHeap, .sysGc, .sysTime: return .sys
        case .timeSleep, .timeSleepMs, .timeSleepUs, .timeTicksMs, .timeTicksUs, .timeTicksDiff, .timeTicksAdd,
             .timeTime, .timeMonotonic:
            return .module(.time)
        case .machineFreq, .machineReset, .machineUniqueId: return .module(.machine)
        case .pinValue, .pinOn, .pinOff, .pinToggle: return .type(.pin)
        case .uartWrite, .uartRead, .uartReadline, .uartAny: return .type(.uart)
        case .adcReadU16: return .type(.adc)
        default: return .type(.str)
        }
    }

    /// Methods called on the class itself (bytes.fromhex, dict.fromkeys, int.from_bytes).
    var isClassLevel: Bool { self == .bytesFromhex || self == .dictFromkeys || self == .intFromBytes }

    /// str methods that bytes objects have too (they run the same code).
    var sharedWithBytes: Bool {
        switch self {
        case .strFind, .strRfind, .strIndex, .strRindex, .strCount, .strJoin, .strSplit, .strRsplit,
             .strStrip, .strLstrip, .strRstrip, .strReplace, .strStartswith, .strEndswith, .strUpper,
             .strLower, .strIsdigit, .strIsalpha, .strIsspace, .strIsalnum, .strIsupper, .strIslower,
             .strCapitalize, .strTitle, .strSwapcase, .strCenter, .strLjust, .strRjust, .strZfill,
             .strPartition, .strRpartition, .strSplitlines, .strExpandtabs, .strIstitle,
             .strRemoveprefix, .strRemovesuffix:
            return true
        default:
            return false
        }
    }
}

/// The Python-visible name of a native.
func nativeName(_ n: Native) -> StaticString {
    switch n {
    case .print: return "print"
    case .len: return "len"
    case .abs: return "abs"
    case .min: return "min"
    case .max: return "max"
    case .sum: return "sum"
    case .chr: return "chr"
    case .ord: return "ord"
    case .repr: return "repr"
    case .iter: return "iter"
    case .next: return "next"
    case .any: return "any"
    case .all: return "all"
    case .hash: return "hash"
    case .id: return "id"
    case .isinstance: return "isinstance"
    case .issubclass: return "issubclass"
    case .getattr: return "getattr"
    case .setattr: return "setattr"
    case .hasattr: return "hasattr"
    case .delattr: return "delattr"
    case .dir: return "dir"
    case .globals: return "globals"
    case .locals: return "locals"
    case .divmod: return "divmod"
    case .pow: return "pow"
    case .hex: return "hex"
    case .oct: return "oct"
    case .bin: return "bin"
    case .round: return "round"
    case .sorted: return "sorted"
    case .callable: return "callable"
    case .map: return "map"
    case .filter: return "filter"
    case .zip: return "zip"
    case .enumerate: return "enumerate"
    case .reversed: return "reversed"
    case .format: return "format"
    case .ascii: return "ascii"
    case .strFind: return "find"
    case .strRfind: return "rfind"
    case .strIndex: return "index"
    case .strRindex: return "rindex"
    case .strCount: return "count"
    case .strJoin: return "join"
    case .strSplit: return "split"
    case .strRsplit: return "rsplit"
    case .strStrip: return "strip"
    case .strLstrip: return "lstrip"
    case .strRstrip: return "rstrip"
    case .strReplace: return "replace"
    case .strStartswith: return "startswith"
    case .strEndswith: return "endswith"
    case .strUpper: return "upper"
    case .strLower: return "lower"
    case .strIsdigit: return "isdigit"
    case .strIsalpha: return "isalpha"
    case .strIsspace: return "isspace"
    case .strIsalnum: return "isalnum"
    case .strIsupper: return "isupper"
    case .strIslower: return "islower"
    case .strCapitalize: return "capitalize"
    case .strTitle: return "title"
    case .strSwapcase: return "swapcase"
    case .strCenter: return "center"
    case .strLjust: return "ljust"
    case .strRjust: return "rjust"
    case .strZfill: return "zfill"
    case .strPartition: return "partition"
    case .strRpartition: return "rpartition"
    case .strSplitlines: return "splitlines"
    case .strEncode: return "encode"
    case .strFormat: return "format"
    case .strIsnumeric: return "isnumeric"
    case .strIsdecimal: return "isdecimal"
    case .strIsidentifier: return "isidentifier"
    case .strCasefold: return "casefold"
    case .strExpandtabs: return "expandtabs"
    case .strIstitle: return "istitle"
    case .strRemoveprefix: return "removeprefix"
    case .strRemovesuffix: return "removesuffix"
    case .bytesDecode: return "decode"
    case .bytesHex: return "hex"
    case .byteArrayAppend: return "append"
    case .byteArrayExtend: return "extend"
    case .byteArrayInsert: return "insert"
    case .byteArrayPop: return "pop"
    case .byteArrayRemove: return "remove"
    case .byteArrayClear: return "clear"
    case .byteArrayReverse: return "reverse"
    case .byteArrayCopy: return "copy"
    case .byteArrayDecode: return "decode"
    case .byteArrayHex: return "hex"
    case .listAppend: return "append"
    case .listExtend: return "extend"
    case .listInsert: return "insert"
    case .listPop: return "pop"
    case .listRemove: return "remove"
    case .listIndex: return "index"
    case .listCount: return "count"
    case .listReverse: return "reverse"
    case .listSort: return "sort"
    case .listClear: return "clear"
    case .listCopy: return "copy"
    case .tupleIndex: return "index"
    case .tupleCount: return "count"
    case .dictKeys: return "keys"
    case .dictValues: return "values"
    case .dictItems: return "items"
    case .dictGet: return "get"
    case .dictPop: return "pop"
    case .dictPopitem: return "popitem"
    case .dictUpdate: return "update"
    case .dictSetdefault: return "setdefault"
    case .dictClear: return "clear"
    case .dictCopy: return "copy"
    case .dictFromkeys: return "fromkeys"
    case .setAdd: return "add"
    case .setRemove: return "remove"
    case .setDiscard: return "discard"
    case .setPop: return "pop"
    case .setClear: return "clear"
    case .setCopy: return "copy"
    case .setUnion: return "union"
    case .setIntersection: return "intersection"
    case .setDifference: return "difference"
    case .setSymmetricDifference: return "symmetric_difference"
    case .setIssubset: return "issubset"
    case .setIssuperset: return "issuperset"
    case .setUpdate: return "update"
    case .setIsdisjoint: return "isdisjoint"
    case .intBitLength: return "bit_length"
    case .intConjugate: return "conjugate"
    case .intFromBytes: return "from_bytes"
    case .intToBytes: return "to_bytes"
    case .bytesFromhex: return "fromhex"
    case .sliceIndicesMethod: return "indices"
    case .floatIsInteger: return "is_integer"
    case .genSend: return "send"
    case .genClose: return "close"
    case .genThrow: return "throw"
    case .propertySetter: return "setter"
    case .propertyGetter: return "getter"
    case .propertyDeleter: return "deleter"
    case .exceptionInit: return "__init__"
    case .objectInit: return "__init__"
    case .sysExit: return "exit"
    case .sysHeap: return "heap"
    case .sysGc: return "gc"
    case .sysTime: return "time"
    case .timeSleep: return "sleep"
    case .timeSleepMs: return "sleep_ms"
    case .timeSleepUs: return "sleep_us"
    case .timeTicksMs: return "ticks_ms"
    case .timeTicksUs: return "ticks_us"
    case .timeTicksDiff: return "ticks_diff"
    case .timeTicksAdd: return "ticks_add"
    case .timeTime: return "time"
    case .timeMonotonic: return "monotonic"
    case .machineFreq: return "freq"
    case .machineReset: return "reset"
    case .machineUniqueId: return "unique_id"
    case .pinValue: return "value"
    case .pinOn: return "on"
    case .pinOff: return "off"
    case .pinToggle: return "toggle"
    case .uartWrite: return "write"
    case .uartRead: return "read"
    case .uartReadline: return "readline"
    case .uartAny: return "any"
    case .adcReadU16: return "read_u16"
    }
}

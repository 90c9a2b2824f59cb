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
    case slot
}

enum Native: Int {
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
    case sysExit, sysHeap, sysGc, sysTime, sysGetrecursionlimit, sysSetrecursionlimit, sysExcInfo, sysIntern
    // time, machine, machine.Pin (Machine.swift)
    case timeSleep, timeSleepMs, timeSleepUs, timeTicksMs, timeTicksUs, timeTicksDiff, timeTicksAdd, timeTime, timeMonotonic
    case machineFreq, machineReset, machineUniqueId
    case pinValue, pinOn, pinOff, pinToggle
    case uartWrite, uartRead, uartReadline, uartAny, adcReadU16
    // range
    case rangeIndex, rangeCount
    // object's attribute access without a class's hooks
    case objectGetattribute, objectSetattr, objectDelattr
    // set's in-place methods
    case setIntersectionUpdate, setDifferenceUpdate, setSymmetricDifferenceUpdate
    // sys.stdout and sys.stderr
    case streamWrite, streamFlush, streamFileno
    // iterators' and generators' protocol as methods
    case iteratorNextMethod, iteratorIterMethod
    // object.__new__(cls), object.__init_subclass__(cls)
    case objectNew, objectInitSubclass
    // Special methods of the built-in types as attributes (int.__add__, "ab".__len__):
    // forward and reflected operators in BinaryOperator's order, comparisons in
    // CompareOperator's, then the protocols (Objects/SlotMethods.swift).
    case slotAdd, slotSub, slotMul, slotTruediv, slotFloordiv, slotMod, slotPow, slotLshift
    case slotRshift, slotAnd, slotOr, slotXor, slotRadd, slotRsub, slotRmul, slotRtruediv
    case slotRfloordiv, slotRmod, slotRpow, slotRlshift, slotRrshift, slotRand, slotRor, slotRxor
    case slotLt, slotLe, slotEq, slotNe, slotGt, slotGe, slotLen, slotGetitem
    case slotSetitem, slotDelitem, slotContains, slotIter, slotHash, slotRepr, slotStr, slotBool
    case slotInt, slotFloat, slotIndex, slotNeg, slotPos, slotAbs, slotInvert
    case slotRound, slotTrunc, slotFloor, slotCeil, slotFormat, slotDivmod, slotRdivmod, slotGet, slotCall
    // memoryview (Objects/MemoryView.swift)
    case memoryViewTobytes, memoryViewTolist, memoryViewHex, memoryViewRelease, memoryViewEnter, memoryViewExit
    // compile(), exec(), eval() (Exec.swift)
    case compile, exec, eval
    // type.__new__, type.__init__, type.__call__ (Objects/Metaclasses.swift)
    case typeNew, typeInit, typeCall
    // vars()
    case vars
    // dict views' isdisjoint, int.bit_count
    case keysIsdisjoint, itemsIsdisjoint, intBitCount
    // str.isascii (bytes' too), str.isprintable
    case strIsascii, strIsprintable
    // float.as_integer_ratio, float.hex, int.as_integer_ratio
    case floatAsIntegerRatio, floatHex, intAsIntegerRatio
    // str.translate, str.maketrans
    case strTranslate, strMaketrans
    // BaseException.with_traceback, float.fromhex
    case exceptionWithTraceback, floatFromhex
    // type.mro
    case typeMro
    // BaseException.add_note (3.11)
    case exceptionAddNote
    // str.format_map
    case strFormatMap

    var home: NativeHome {
        // Before the switch, which then stays a table lookup (a range test in its default took 0.5 KB).
        if rawValue >= Native.slotAdd.rawValue && rawValue <= Native.slotCall.rawValue { return .slot }
        switch self {
        case .print, .len, .abs, .min, .max, .sum, .chr, .ord, .repr, .iter, .next, .any, .all, .hash, .id,
             .isinstance, .issubclass, .getattr, .setattr, .hasattr, .delattr, .dir, .globals, .locals,
             .divmod, .pow, .hex, .oct, .bin, .round, .sorted, .callable, .map, .filter, .zip, .enumerate,
             .reversed, .format, .ascii, .compile, .exec, .eval, .vars:
            return .builtins
        case .bytesDecode, .bytesHex: return .type(.bytes)
        case .byteArrayAppend, .byteArrayExtend, .byteArrayInsert, .byteArrayPop, .byteArrayRemove,
             .byteArrayClear, .byteArrayReverse, .byteArrayCopy, .byteArrayDecode, .byteArrayHex:
            return .type(.bytearray)
        case .listAppend, .listExtend, .listInsert, .listPop, .listRemove, .listIndex, .listCount,
             .listReverse, .listSort, .listClear, .listCopy:
            return .type(.list)
        case .tupleIndex, .tupleCount: return .type(.tuple)
        case .rangeIndex, .rangeCount: return .type(.range)
        case .dictKeys, .dictValues, .dictItems, .dictGet, .dictPop, .dictPopitem, .dictUpdate,
             .dictSetdefault, .dictClear, .dictCopy, .dictFromkeys:
            return .type(.dict)
        case .setAdd, .setRemove, .setDiscard, .setPop, .setClear, .setCopy, .setUnion, .setIntersection,
             .setDifference, .setSymmetricDifference, .setIssubset, .setIssuperset, .setUpdate, .setIsdisjoint,
             .setIntersectionUpdate, .setDifferenceUpdate, .setSymmetricDifferenceUpdate:
            return .type(.set)
        case .intBitLength, .intConjugate, .intFromBytes, .intToBytes, .intBitCount: return .type(.int)
        case .keysIsdisjoint: return .type(.dictKeys)
        case .itemsIsdisjoint: return .type(.dictItems)
        case .bytesFromhex: return .type(.bytes)
        case .sliceIndicesMethod: return .type(.slice)
        case .floatIsInteger, .floatAsIntegerRatio, .floatHex: return .type(.float)
        case .intAsIntegerRatio: return .type(.int)
        case .genSend, .genClose, .genThrow: return .type(.generator)
        case .propertySetter, .propertyGetter, .propertyDeleter: return .type(.property)
        case .exceptionInit, .exceptionWithTraceback, .exceptionAddNote: return .exception
        case .floatFromhex: return .type(.float)
        case .typeNew, .typeInit, .typeCall, .typeMro: return .type(.type)
        case .objectInit, .objectGetattribute, .objectSetattr, .objectDelattr, .objectNew, .objectInitSubclass:
            return .type(.object)
        case .sysExit, .sysHeap, .sysGc, .sysTime, .sysGetrecursionlimit, .sysSetrecursionlimit, .sysExcInfo, .sysIntern: return .sys
        case .timeSleep, .timeSleepMs, .timeSleepUs, .timeTicksMs, .timeTicksUs, .timeTicksDiff, .timeTicksAdd,
             .timeTime, .timeMonotonic:
            return .module(.time)
        case .machineFreq, .machineReset, .machineUniqueId: return .module(.machine)
        case .pinValue, .pinOn, .pinOff, .pinToggle: return .type(.pin)
        case .uartWrite, .uartRead, .uartReadline, .uartAny: return .type(.uart)
        case .adcReadU16: return .type(.adc)
        case .streamWrite, .streamFlush, .streamFileno: return .type(.textStream)
        case .iteratorNextMethod, .iteratorIterMethod: return .type(.iterator)
        case .memoryViewTobytes, .memoryViewTolist, .memoryViewHex, .memoryViewRelease, .memoryViewEnter, .memoryViewExit:
            return .type(.memoryview)
        default:
            return .type(.str)
        }
    }

    /// The built-in functions that take keyword arguments; the others refuse any,
    /// as CPython's positional-only ones do ("len() takes no keyword arguments").
    var takesKeywords: Bool {
        switch self {
        case .print, .min, .max, .sum, .round, .pow, .sorted, .zip, .enumerate, .compile, .exec, .eval: return true
        default: return home != .builtins
        }
    }

    /// Methods called on the class itself (bytes.fromhex, dict.fromkeys, int.from_bytes).
    var isClassLevel: Bool { self == .bytesFromhex || self == .dictFromkeys || self == .intFromBytes || self == .strMaketrans || self == .floatFromhex }

    /// Read through a class (or super() of one), bound to that class, as CPython's class methods are.
    var bindsToClass: Bool { isClassLevel || self == .objectInitSubclass }

    /// Methods that take nothing but self: more is refused before they run.
    var takesNoArguments: Bool {
        switch self {
        case .strUpper, .strLower, .strIsdigit, .strIsalpha, .strIsspace, .strIsalnum, .strIsupper, .strIslower,
             .strCapitalize, .strTitle, .strSwapcase, .strIsnumeric, .strIsdecimal, .strIsidentifier, .strCasefold,
             .strIstitle, .strIsascii, .strIsprintable, .listReverse, .listClear, .listCopy, .dictKeys, .dictValues, .dictItems, .dictPopitem,
             .dictClear, .dictCopy, .setPop, .setClear, .setCopy, .intBitLength, .intBitCount, .intConjugate, .floatIsInteger,
             .floatAsIntegerRatio, .floatHex, .intAsIntegerRatio,
             .byteArrayClear, .byteArrayReverse, .byteArrayCopy:
            return true
        default:
            return false
        }
    }

    /// How many positional arguments a native takes, a method's self included, as
    /// min | max << 4: one row per native, checked before it runs (`VM.checkArity`)
    /// instead of a check in every case of the natives' switches. `ownCount`: the native
    /// counts its own (keywords, a count that depends on the call, a name of its own).
    /// This is the definition; a call reads `nativeArity`, the table made from it.
    var arity: UInt8 {
        switch self {
        case .timeTicksMs, .timeTicksUs, .timeTime, .timeMonotonic, .machineFreq, .machineReset, .machineUniqueId,
             .sysGetrecursionlimit, .sysExcInfo:
            return 0 | 0 << 4
        case .vars:
            return 0 | 1 << 4
        case .objectInitSubclass, .timeSleep, .timeSleepMs, .timeSleepUs, .pinOn, .pinOff, .pinToggle, .uartAny,
             .len, .abs, .chr, .ord, .repr, .ascii, .any, .all, .hash, .id, .hex, .oct, .bin, .sorted, .callable,
             .reversed, .listSort, .adcReadU16, .typeMro, .uartReadline, .slotLen, .slotIter, .slotHash, .slotRepr,
             .slotStr, .slotBool, .slotInt, .slotFloat, .slotIndex, .slotNeg, .slotPos, .slotAbs, .slotInvert,
             .slotTrunc, .slotFloor, .slotCeil, .sysSetrecursionlimit, .sysIntern:
            return 1 | 1 << 4
        case .strStrip, .strLstrip, .strRstrip, .pinValue, .sum, .iter, .next, .enumerate, .format, .byteArrayPop,
             .listPop, .uartRead, .strExpandtabs, .slotRound:
            return 1 | 2 << 4
        case .bytesHex, .byteArrayHex, .intToBytes, .strSplit, .strRsplit:
            return 1 | 3 << 4
        case .rangeIndex, .rangeCount, .sliceIndicesMethod, .keysIsdisjoint, .itemsIsdisjoint, .genSend,
             .objectGetattribute, .objectDelattr, .propertySetter, .propertyGetter, .propertyDeleter, .strJoin,
             .strZfill, .strPartition, .strRpartition, .strRemoveprefix, .strRemovesuffix,
             .timeTicksDiff, .timeTicksAdd, .uartWrite, .streamWrite, .isinstance, .issubclass, .hasattr, .delattr,
             .divmod, .filter, .byteArrayAppend, .byteArrayExtend, .byteArrayRemove, .listAppend, .listExtend,
             .listRemove, .listCount, .slotGetitem, .slotDelitem, .slotContains, .setAdd, .setRemove, .setDiscard,
             .setIssubset, .setIssuperset, .setIsdisjoint, .exceptionAddNote, .exceptionWithTraceback, .tupleCount,
             .slotAdd, .slotSub, .slotMul, .slotTruediv, .slotFloordiv, .slotMod, .slotLshift, .slotRshift,
             .slotAnd, .slotOr, .slotXor, .slotRadd, .slotRsub, .slotRmul, .slotRtruediv, .slotRfloordiv, .slotRmod,
             .slotRpow, .slotRlshift, .slotRrshift, .slotRand, .slotRor, .slotRxor, .slotLt, .slotLe, .slotEq,
             .slotNe, .slotGt, .slotGe, .strFormatMap, .slotFormat, .slotDivmod, .slotRdivmod:
            return 2 | 2 << 4
        case .strCenter, .strLjust, .strRjust, .getattr, .pow, .dictGet, .dictPop, .dictSetdefault, .slotPow, .slotGet:
            return 2 | 3 << 4
        case .genThrow, .strFind, .strRfind, .strIndex, .strRindex, .strCount, .strStartswith, .strEndswith,
             .listIndex, .tupleIndex:
            return 2 | 4 << 4
        case .objectSetattr, .setattr, .byteArrayInsert, .listInsert, .slotSetitem:
            return 3 | 3 << 4
        case .strReplace:
            return 3 | 4 << 4
        default:
            return Native.ownCount
        }
    }
    static let ownCount: UInt8 = 0xFF

    /// Methods whose wrong argument count CPython words the older way, "find() takes at least
    /// 1 argument (0 given)", where the others say "index expected at least 1 argument, got 0".
    var countsInTakesWords: Bool {
        switch self {
        case .strCount, .strFind, .strRfind, .strIndex, .strRindex, .strStartswith, .strEndswith, .strSplit,
             .strRsplit, .strEncode, .strExpandtabs, .intToBytes:
            return true
        default:
            return false
        }
    }

    /// set methods that change nothing: frozenset has them too.
    var sharedWithFrozenset: Bool {
        switch self {
        case .setCopy, .setUnion, .setIntersection, .setDifference, .setSymmetricDifference,
             .setIssubset, .setIssuperset, .setIsdisjoint:
            return true
        default:
            return false
        }
    }

    /// The less common str and bytes methods: a build without `more_str_methods` leaves them out.
    var isMoreStrMethod: Bool {
        switch self {
        case .strSwapcase, .strCapitalize, .strTitle, .strIsalnum, .strIsnumeric, .strIsdecimal, .strIsidentifier,
             .strIsupper, .strIslower, .strCenter, .strLjust, .strRjust, .strZfill, .strPartition, .strRpartition,
             .strSplitlines, .strCasefold, .strExpandtabs, .strIstitle, .strRemoveprefix, .strRemovesuffix:
            return true
        default:
            return false
        }
    }

    /// str methods that bytes objects have too (they run the same code).
    var sharedWithBytes: Bool {
        switch self {
        case .strFind, .strRfind, .strIndex, .strRindex, .strCount, .strJoin, .strSplit, .strRsplit,
             .strStrip, .strLstrip, .strRstrip, .strReplace, .strStartswith, .strEndswith, .strUpper,
             .strLower, .strIsdigit, .strIsalpha, .strIsspace, .strIsalnum, .strIsupper, .strIslower,
             .strCapitalize, .strTitle, .strSwapcase, .strCenter, .strLjust, .strRjust, .strZfill,
             .strPartition, .strRpartition, .strSplitlines, .strExpandtabs, .strIstitle,
             .strRemoveprefix, .strRemovesuffix, .strIsascii, .strTranslate, .strMaketrans:
            return true
        default:
            return false
        }
    }
}

/// The Python-visible name of a native: one of the VM's own names, or its text in
/// `nativeNameText` up to its NUL (VMNameTable.swift). One copy: inlined, the table
/// reads would be repeated at every use.
@inline(never)
func nativeName(_ n: Native) -> NameText {
    let entry = Int(nativeNameStart[n.rawValue])
    if entry & 0x8000 != 0 { return vmNameText(entry & 0x7fff) }
    let start = nativeNameText.utf8Start + entry
    var end = start
    while end.pointee != 0 { end += 1 }
    return NameText(start: start, count: end - start)
}

/// The text of the VM's own name number `k` (VMNameTable.swift), where the table lies: a
/// type's or an exception's name is kept once, as the str a program sees.
@inline(never)
func vmNameText(_ k: Int) -> NameText {
    let start = Int(vmNameStart[k])
    let count = Int(vmNameWords[start + 1])
    // The table is a constant: its storage lives as long as the program (on a board, in flash).
    return vmNameWords.withUnsafeBytes { NameText(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self) + 4 * (start + 4), count: count) }
}

/// A name in a static table: bytes in flash.
typealias NameText = UnsafeBufferPointer<UInt8>

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

/// Every native's Python name, in `Native` order, each ended by a NUL: one
/// string in flash and a table of where each starts, instead of a switch
/// (2 KB of code). NativeTableTests checks the two agree with `Native`.
let nativeNameText: StaticString = """
    print\0len\0abs\0min\0max\0sum\0chr\0ord\0repr\0iter\0next\0any\0all\0hash\0id\0isinstance\0\
    issubclass\0getattr\0setattr\0hasattr\0delattr\0dir\0globals\0locals\0divmod\0pow\0hex\0oct\0bin\0\
    round\0sorted\0callable\0map\0filter\0zip\0enumerate\0reversed\0format\0ascii\0find\0rfind\0index\0\
    rindex\0count\0join\0split\0rsplit\0strip\0lstrip\0rstrip\0replace\0startswith\0endswith\0upper\0\
    lower\0isdigit\0isalpha\0isspace\0isalnum\0isupper\0islower\0capitalize\0title\0swapcase\0center\0\
    ljust\0rjust\0zfill\0partition\0rpartition\0splitlines\0encode\0format\0isnumeric\0isdecimal\0\
    isidentifier\0casefold\0expandtabs\0istitle\0removeprefix\0removesuffix\0decode\0hex\0append\0\
    extend\0insert\0pop\0remove\0clear\0reverse\0copy\0decode\0hex\0append\0extend\0insert\0pop\0\
    remove\0index\0count\0reverse\0sort\0clear\0copy\0index\0count\0keys\0values\0items\0get\0pop\0\
    popitem\0update\0setdefault\0clear\0copy\0fromkeys\0add\0remove\0discard\0pop\0clear\0copy\0union\0\
    intersection\0difference\0symmetric_difference\0issubset\0issuperset\0update\0isdisjoint\0\
    bit_length\0is_integer\0conjugate\0from_bytes\0to_bytes\0fromhex\0indices\0send\0close\0throw\0\
    setter\0getter\0deleter\0__init__\0__init__\0exit\0heap\0gc\0time\0getrecursionlimit\0setrecursionlimit\0exc_info\0intern\0sleep\0sleep_ms\0sleep_us\0\
    ticks_ms\0ticks_us\0ticks_diff\0ticks_add\0time\0monotonic\0freq\0reset\0unique_id\0value\0on\0off\0\
    toggle\0write\0read\0readline\0any\0read_u16\0index\0count\0__getattribute__\0__setattr__\0__delattr__\0\
    intersection_update\0difference_update\0symmetric_difference_update\0write\0flush\0fileno\0__next__\0__iter__\0__new__\0__init_subclass__\0\
    __add__\0__sub__\0__mul__\0__truediv__\0__floordiv__\0__mod__\0__pow__\0__lshift__\0__rshift__\0__and__\0__or__\0__xor__\0__radd__\0__rsub__\0__rmul__\0__rtruediv__\0__rfloordiv__\0__rmod__\0__rpow__\0__rlshift__\0__rrshift__\0__rand__\0__ror__\0__rxor__\0__lt__\0__le__\0__eq__\0__ne__\0__gt__\0__ge__\0__len__\0__getitem__\0__setitem__\0__delitem__\0__contains__\0__iter__\0__hash__\0__repr__\0__str__\0__bool__\0__int__\0__float__\0__index__\0__neg__\0__pos__\0__abs__\0__invert__\0__round__\0__trunc__\0__floor__\0__ceil__\0__format__\0__divmod__\0__rdivmod__\0__get__\0__call__\0\
    tobytes\0tolist\0hex\0release\0__enter__\0__exit__\0compile\0exec\0eval\0__new__\0__init__\0__call__\0vars\0isdisjoint\0isdisjoint\0bit_count\0isascii\0isprintable\0as_integer_ratio\0hex\0as_integer_ratio\0translate\0maketrans\0with_traceback\0fromhex\0mro\0add_note\0format_map\0
    """

/// Where each name starts in `nativeNameText`; the last entry is its length.
let nativeNameStart: [UInt16] = [
    0, 6, 10, 14, 18, 22, 26, 30, 34, 39, 44, 49, 53, 57, 62, 65, 76, 87, 95, 103, 111, 119, 123, 131, 138, 145, 149,
    153, 157, 161, 167, 174, 183, 187, 194, 198, 208, 217, 224, 230, 235, 241, 247, 254, 260, 265, 271, 278, 284, 291,
    298, 306, 317, 326, 332, 338, 346, 354, 362, 370, 378, 386, 397, 403, 412, 419, 425, 431, 437, 447, 458, 469, 476,
    483, 493, 503, 516, 525, 536, 544, 557, 570, 577, 581, 588, 595, 602, 606, 613, 619, 627, 632, 639, 643, 650, 657,
    664, 668, 675, 681, 687, 695, 700, 706, 711, 717, 723, 728, 735, 741, 745, 749, 757, 764, 775, 781, 786, 795, 799,
    806, 814, 818, 824, 829, 835, 848, 859, 880, 889, 900, 907, 918, 929, 940, 950, 961, 970, 978, 986, 991, 997,
    1003, 1010, 1017, 1025, 1034, 1043, 1048, 1053, 1056, 1061, 1079, 1097, 1106, 1113, 1119, 1128, 1137, 1146, 1155,
    1166, 1176, 1181, 1191, 1196, 1202, 1212, 1218, 1221, 1225, 1232, 1238, 1243, 1252, 1256, 1265, 1271, 1277, 1294,
    1306, 1318, 1338, 1356, 1384, 1390, 1396, 1403, 1412, 1421, 1429, 1447, 1455, 1463, 1471, 1483, 1496, 1504, 1512,
    1523, 1534, 1542, 1549, 1557, 1566, 1575, 1584, 1597, 1611, 1620, 1629, 1641, 1653, 1662, 1670, 1679, 1686, 1693,
    1700, 1707, 1714, 1721, 1729, 1741, 1753, 1765, 1778, 1787, 1796, 1805, 1813, 1822, 1830, 1840, 1850, 1858, 1866,
    1874, 1885, 1895, 1905, 1915, 1924, 1935, 1946, 1958, 1966, 1975, 1983, 1990, 1994, 2002, 2012, 2021, 2029, 2034,
    2039, 2047, 2056, 2065, 2070, 2081, 2092, 2102, 2110, 2122, 2139, 2143, 2160, 2170, 2180, 2195, 2203, 2207, 2216,
    2227,
]

/// The Python-visible name of a native.
func nativeName(_ n: Native) -> NameText { tableName(nativeNameText, nativeNameStart, n.rawValue) }

/// Name `i` of a table of NUL-ended names in one string and where each starts (one copy:
/// inlined, its table access would be repeated at every use).
@inline(never)
func tableName(_ text: StaticString, _ starts: [UInt16], _ i: Int) -> NameText {
    let start = Int(starts[i]), end = Int(starts[i + 1]) - 1
    return NameText(start: text.utf8Start + start, count: end - start)
}

/// The text of the VM's own name number `k` (VMNameTable.swift), where the table lies: a
/// type's or an exception's name is kept once, as the str a program sees.
func vmNameText(_ k: Int) -> NameText {
    let start = Int(vmNameStart[k])
    let count = Int(vmNameWords[start + 1])
    // The table is a constant: its storage lives as long as the program (on a board, in flash).
    return vmNameWords.withUnsafeBytes { NameText(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self) + 4 * (start + 4), count: count) }
}

/// A name in a static table: bytes in flash.
typealias NameText = UnsafeBufferPointer<UInt8>

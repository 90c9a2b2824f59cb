// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Substring search for str and bytes (find, index, count, split,
// replace, partition, `in`). Short needles are compared directly, which
// is linear all the same; longer ones use Crochemore and Perrin's
// two-way algorithm: linear time in the haystack and constant extra
// memory, so no program can make a search quadratic, nor make it
// allocate. rfind runs the same search over both strings read backwards.

/// Needles shorter than this are compared position by position: at most
/// this many byte comparisons per haystack byte.
private let directSearchLimit = 8

/// First index >= `from` where `needle` occurs in `hay`, or nil.
func findBytes(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let start = max(0, from)
    if needle.isEmpty { return start <= hay.count ? start : nil }
    guard start <= hay.count, hay.count - start >= needle.count else { return nil }
    if needle.count < directSearchLimit { return directFind(hay, needle, from: start) }
    let h = ByteWindow(hay, offset: start, count: hay.count - start, reversed: false)
    let n = ByteWindow(needle, offset: 0, count: needle.count, reversed: false)
    return search(h, n).map { $0 + start }
}

/// How many bytes of `hay` are `byte`: eight at a time, where a load of eight is
/// cheap, by marking the bytes of a word that are zero once the byte is
/// xored away (exact: the sum of two 7-bit halves cannot carry into a mark).
func countByte(_ hay: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Int {
    guard let p = hay.baseAddress else { return 0 }
    let n = hay.count
    var count = 0, i = 0
    #if !hasFeature(Embedded)
    let ones: UInt64 = 0x0101_0101_0101_0101, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let pattern = ones &* UInt64(byte)
    while i &+ 8 <= n {
        let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ pattern
        let nonzero = ((x & low7) &+ low7) | x  // high bit set where the byte is not 0
        count &+= (~nonzero & ~low7).nonzeroBitCount
        i &+= 8
    }
    #endif
    while i < n {
        if p[i] == byte { count &+= 1 }
        i &+= 1
    }
    return count
}

/// Last index >= `from` where `needle` occurs in `hay`, or nil.
func rfindBytes(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let start = max(0, from)
    guard start <= hay.count, hay.count - start >= needle.count else { return nil }
    if needle.isEmpty { return hay.count }
    let h = ByteWindow(hay, offset: start, count: hay.count - start, reversed: true)
    let n = ByteWindow(needle, offset: 0, count: needle.count, reversed: true)
    // A match at p in the reversed haystack ends at hay.count - p.
    return search(h, n).map { hay.count - $0 - needle.count }
}

/// What the search reads: `count` bytes by index (generic, so the
/// search is specialized for each reader and tests can count reads).
protocol SearchText {
    var count: Int { get }
    subscript(i: Int) -> UInt8 { get }
}

/// The forward search for short needles (split, find of a word): scan for
/// the first byte, then compare the rest, straight on the buffers.
private func directFind(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let n = needle.count
    let first = needle[0]
    var i = start
    while i <= hay.count - n {
        if hay[i] == first {
            var k = 1
            while k < n && hay[i + k] == needle[k] { k += 1 }
            if k == n { return i }
        }
        i += 1
    }
    return nil
}

/// Bytes base[offset ..< offset + count], read forwards or backwards.
private struct ByteWindow: SearchText {
    let base: UnsafePointer<UInt8>
    let count: Int
    let reversed: Bool

    init(_ buffer: UnsafeBufferPointer<UInt8>, offset: Int, count: Int, reversed: Bool) {
        base = buffer.baseAddress! + offset
        self.count = count
        self.reversed = reversed
    }

    @inline(__always) subscript(i: Int) -> UInt8 { reversed ? base[count - 1 - i] : base[i] }
}

/// First position of `x` in `y` (both non-empty, y at least as long).
func search<Hay: SearchText, Needle: SearchText>(_ y: Hay, _ x: Needle) -> Int? {
    let m = x.count, n = y.count
    if m < directSearchLimit {
        var j = 0
        while j <= n - m {
            var i = 0
            while i < m && x[i] == y[j + i] { i += 1 }
            if i == m { return j }
            j += 1
        }
        return nil
    }
    // The critical factorization x = x[...ell] x[ell+1...]: the larger of
    // the maximal suffixes for the two orders of the alphabet.
    let (s1, p1) = maximalSuffix(x, invertedOrder: false)
    let (s2, p2) = maximalSuffix(x, invertedOrder: true)
    let ell = s1 > s2 ? s1 : s2
    var period = s1 > s2 ? p1 : p2
    var periodic = true
    var k = 0
    while k <= ell {
        if x[k] != x[k + period] { periodic = false; break }
        k += 1
    }
    var j = 0
    if periodic {
        // x has period `period`: after a full match of the right half, the
        // prefix already known to match (`memory`) is not compared again.
        var memory = -1
        while j <= n - m {
            var i = max(ell, memory) + 1
            while i < m && x[i] == y[i + j] { i += 1 }
            if i >= m {
                i = ell
                while i > memory && x[i] == y[i + j] { i -= 1 }
                if i <= memory { return j }
                j += period
                memory = m - period - 1
            } else {
                j += i - ell
                memory = -1
            }
        }
    } else {
        period = max(ell + 1, m - ell - 1) + 1
        while j <= n - m {
            var i = ell + 1
            while i < m && x[i] == y[i + j] { i += 1 }
            if i >= m {
                i = ell
                while i >= 0 && x[i] == y[i + j] { i -= 1 }
                if i < 0 { return j }
                j += period
            } else {
                j += i - ell
            }
        }
    }
    return nil
}

/// Start (minus one) and period of the lexicographically maximal suffix of
/// `x`, under the byte order or its inverse.
private func maximalSuffix<Needle: SearchText>(_ x: Needle, invertedOrder: Bool) -> (start: Int, period: Int) {
    let m = x.count
    var ms = -1, j = 0, k = 1, p = 1
    while j + k < m {
        let a = x[j + k], b = x[ms + k]
        if invertedOrder ? a > b : a < b {
            j += k
            k = 1
            p = j - ms
        } else if a == b {
            if k != p {
                k += 1
            } else {
                j += p
                k = 1
            }
        } else {
            ms = j
            j = ms + 1
            k = 1
            p = 1
        }
    }
    return (ms, p)
}

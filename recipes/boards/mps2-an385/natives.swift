// SPDX-License-Identifier: LGPL-2.1-only
//
// The mps2 module: this board's own Python functions (docs/porting.md),
// over the FPGA I/O registers that board.c reads and writes.
//
//     import mps2
//     mps2.leds(3)            # both user LEDs on, as one word
//     print(mps2.leds(), mps2.buttons(), mps2.clock_100hz())

@_extern(c, "mps2_led_bits") func mps2LEDBits() -> UInt32
@_extern(c, "mps2_set_led_bits") func mps2SetLEDBits(_ bits: UInt32)
@_extern(c, "mps2_button_bits") func mps2ButtonBits() -> UInt32
@_extern(c, "mps2_clock_100hz") func mps2Clock100Hz() -> UInt32

/// The firmware main hands this to the VM (BoardHooks.module).
let boardModule = BoardModule(name: "mps2", count: 3) { index in
    switch index {
    case 0:
        // leds() reads both LEDs as bits 0 and 1; leds(bits) sets them.
        return BoardNative("leds", arguments: 0...1) { a in
            if a.count == 0 { return .int(Int32(mps2LEDBits())) }
            guard a[0] >= 0 && a[0] <= 3 else { return .failed("LED bits are 0 to 3") }
            mps2SetLEDBits(UInt32(a[0]))
            return .none
        }
    case 1:
        return BoardNative("buttons", arguments: 0...0) { _ in .int(Int32(mps2ButtonBits())) }
    default:
        // The FPGA's free-running 100 Hz counter (wraps at 2**32; here masked to 30 bits, a small int).
        return BoardNative("clock_100hz", arguments: 0...0) { _ in .int(Int32(mps2Clock100Hz() & 0x3FFF_FFFF)) }
    }
}

/// The value of one hexadecimal digit, as percent escapes in links and `\u` escapes in JSON write it.
public enum HexDigit {
  /// 0 to 15 for `0`-`9`, `a`-`f` and `A`-`F`; nil for any other byte.
  public static func value(of byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// The byte the percent escape `%XX` at `index` of `bytes` stands for; nil when there is none there.
  public static func escapedByte(in bytes: [UInt8], at index: Int) -> UInt8? {
    guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: "%"),
      let high = value(of: bytes[index + 1]), let low = value(of: bytes[index + 2])
    else { return nil }
    return high << 4 | low
  }
}

/// A link's address as a person reads it: the percent-escaped UTF-8 of characters outside ASCII
/// (`%E4%B8%89%E5%9C%8B` in a Chinese page's name, a book's chapter file) shown as the characters,
/// as a browser's address bar shows them.
///
/// ASCII escapes (`%20`, `%2F`, `%23`) are kept, so that the address read off the screen or a
/// printout still names the same place; so are escapes that are not valid UTF-8, and those of a
/// character that would not be drawn as itself (a control, a format or bidirectional mark, a space).
public enum ReadableAddress {
  /// `address` with its escaped characters outside ASCII decoded, where they are shown as they are.
  public static func text(of address: String) -> String {
    guard address.utf8.contains(UInt8(ascii: "%")) else { return address }
    let bytes = Array(address.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var at = 0
    while at < bytes.count {
      // A run of escapes of bytes outside ASCII: the UTF-8 of one character or more.
      var decoded: [UInt8] = []
      var end = at
      while let byte = HexDigit.escapedByte(in: bytes, at: end), byte >= 0x80 {
        decoded.append(byte)
        end += 3
      }
      guard !decoded.isEmpty else {
        result.append(bytes[at])
        at += 1
        continue
      }
      if let characters = String(validating: decoded, as: UTF8.self),
        characters.unicodeScalars.allSatisfy(isShownAsItIs)
      {
        result += decoded
      } else {
        result += bytes[at..<end]
      }
      at = end
    }
    return String(decoding: result, as: UTF8.self)
  }

  private static func isShownAsItIs(_ scalar: Unicode.Scalar) -> Bool {
    !VisibleText.isControl(scalar) && VisibleText.isPlain(scalar) && !VisibleText.isFormat(scalar)
      && !scalar.properties.isWhitespace
  }
}

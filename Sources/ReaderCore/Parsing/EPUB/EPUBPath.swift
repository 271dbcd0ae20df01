/// Paths inside a book: hrefs resolved against the file that holds them, as zip entry names.
enum EPUBPath {
  /// The folder part of `path` ("OEBPS/" for "OEBPS/content.opf", "" at the top).
  static func folder(of path: String) -> String {
    let bytes = Array(path.utf8)
    guard let slash = bytes.lastIndex(of: slash) else { return "" }
    return String(decoding: bytes[...slash], as: UTF8.self)
  }

  private static let slash = UInt8(ascii: "/")

  /// Whether `href` is an absolute URL (`http:`, `mailto:`), not a path inside the book.
  static func isOutside(_ href: String) -> Bool { hasScheme(Array(href.trimmingWhitespace().utf8)) }

  /// Whether a colon comes before any slash: a scheme.
  private static func hasScheme(_ bytes: [UInt8]) -> Bool {
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
    return !bytes[..<colon].contains(slash)
  }

  /// `href` (percent-encoded, perhaps with `../` and a `#fragment`) resolved against `base`'s
  /// folder: the entry name and the fragment. Nil for an absolute URL (`http:`, `mailto:`).
  ///
  /// Worked out on UTF-8 bytes: a book's package and table of contents hold thousands of hrefs,
  /// all resolved before its first page is shown.
  static func resolve(_ href: String, from base: String) -> (path: String, fragment: String?)? {
    let bytes = Array(href.trimmingWhitespace().utf8)
    if hasScheme(bytes) { return nil }
    let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
    var fragment: String?
    if let hash, hash + 1 < bytes.count {
      fragment = percentDecoded(String(decoding: bytes[(hash + 1)...], as: UTF8.self))
    }
    let relative = Array(
      percentDecoded(String(decoding: bytes[..<(hash ?? bytes.count)], as: UTF8.self)).utf8)
    if relative.isEmpty { return (base, fragment) }
    var segments: [ArraySlice<UInt8>] = []
    let baseBytes = Array(base.utf8)
    if relative.first != slash, let last = baseBytes.lastIndex(of: slash) {
      segments = baseBytes[..<last].split(separator: slash)
    }
    for segment in relative.split(separator: slash) {
      if segment.elementsEqual([UInt8(ascii: ".")]) { continue }
      if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
        if !segments.isEmpty { segments.removeLast() }
        continue
      }
      segments.append(segment)
    }
    return (String(decoding: Array(segments.joined(separator: [slash])), as: UTF8.self), fragment)
  }

  static func percentDecoded(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

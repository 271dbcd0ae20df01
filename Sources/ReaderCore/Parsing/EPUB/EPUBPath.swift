/// Paths inside a book: hrefs resolved against the file that holds them, as zip entry names.
enum EPUBPath {
  /// The folder part of `path` ("OEBPS/" for "OEBPS/content.opf", "" at the top).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
  }

  /// `href` (percent-encoded, perhaps with `../` and a `#fragment`) resolved against `base`'s
  /// folder: the entry name and the fragment. Nil for an absolute URL (`http:`, `mailto:`).
  static func resolve(_ href: String, from base: String) -> (path: String, fragment: String?)? {
    let trimmed = href.trimmingWhitespace()
    if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains("/") { return nil }
    let parts = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let fragment = parts.count > 1 && !parts[1].isEmpty ? percentDecoded(String(parts[1])) : nil
    let relative = percentDecoded(String(parts.first ?? ""))
    if relative.isEmpty { return (base, fragment) }
    var segments: [Substring] = relative.hasPrefix("/") ? [] : folder(of: base).split(separator: "/")
    for segment in relative.split(separator: "/") {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    return (segments.joined(separator: "/"), fragment)
  }

  static func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
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

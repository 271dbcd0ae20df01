import FoundationEssentials

/// What following a link's destination means: a heading of this document, another local text
/// file, or an address the reader cannot open itself.
enum LinkDestination: Equatable {
  /// `#安裝`: a heading id in the current document (percent-decoded).
  case fragment(String)
  /// A relative or absolute path to a Markdown or text file, resolved against the current file's
  /// folder, and the heading id after its `#`, if any.
  case file(path: String, fragment: String?)
  /// Anything else (`https:`, `mailto:`, an image, a folder): shown, and copied on request.
  case external(String)

  /// The extensions of files the reader opens itself.
  static let readableExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "txt", "text"]

  /// Classifies `destination`, a link in the document at `location` (nil: the current folder).
  init(_ destination: String, from location: String?) {
    if destination.hasPrefix("#") {
      self = .fragment(Self.decoded(String(destination.dropFirst())))
      return
    }
    if Self.hasScheme(destination) || destination.hasPrefix("//") || destination.isEmpty {
      self = .external(destination)
      return
    }
    var path = Substring(destination)
    var fragment: String?
    if let hash = path.firstIndex(of: "#") {
      fragment = Self.decoded(String(path[path.index(after: hash)...]))
      path = path[..<hash]
    }
    if let query = path.firstIndex(of: "?") { path = path[..<query] }
    let decoded = Self.decoded(String(path))
    let name = decoded.split(separator: "/").last.map(String.init) ?? ""
    let dot = name.lastIndex(of: ".")
    let fileExtension = dot.map { String(name[name.index(after: $0)...]).lowercased() } ?? ""
    guard !decoded.isEmpty, Self.readableExtensions.contains(fileExtension) else {
      self = .external(destination)
      return
    }
    self = .file(
      path: Self.resolve(decoded, from: location), fragment: fragment?.isEmpty == true ? nil : fragment)
  }

  /// Whether `text` starts with a URL scheme (`https:`, `mailto:`), as RFC 3986 spells one.
  static func hasScheme(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
    let scheme = text[..<colon]
    guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else {
      return false
    }
    return scheme.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
    }
  }

  /// `text` with its `%XX` escapes decoded, or as it is when an escape is broken or the bytes they
  /// make are not UTF-8 (as `removingPercentEncoding` would refuse it).
  static func decoded(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    let escaped = Array(text.utf8)
    var bytes: [UInt8] = []
    var at = 0
    while at < escaped.count {
      guard escaped[at] == UInt8(ascii: "%") else {
        bytes.append(escaped[at])
        at += 1
        continue
      }
      guard let byte = HexDigit.escapedByte(in: escaped, at: at) else { return text }
      bytes.append(byte)
      at += 3
    }
    return String(validating: bytes, as: UTF8.self) ?? text
  }

  /// `path` relative to the folder of `location`, with `.` and `..` worked out.
  static func resolve(_ path: String, from location: String?) -> String {
    var base: [Substring] = []
    var absolute = path.hasPrefix("/")
    if !absolute, let location {
      absolute = location.hasPrefix("/")
      base = location.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    }
    var parts = base
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !absolute {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }
}

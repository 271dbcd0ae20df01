#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts Markdown source into chunks of about `targetSize` bytes at top-level block boundaries, so
/// that each chunk parses on its own into the same top-level blocks it has inside the whole text.
///
/// A cut goes before a line that starts at column 0 right after a blank line, outside fenced code
/// and HTML blocks, and that is not a list marker (which could continue the list above it). Such a
/// line closes every container: a list item needs indentation to go on, and the blank line has
/// already closed any block quote. Indented code and paragraphs end there too. So the parser is in
/// its initial state at that line, and parsing from it alone gives what the whole text gives.
///
/// The scan reads only the first bytes of each line (line ends are found with `memchr`). Fences and
/// HTML blocks inside list items and block quotes are followed approximately; where that could be
/// wrong the scan prefers not to cut. `ChunkedParser` does not depend on this being perfect: it
/// checks every cut against cmark's own source positions.
///
/// Link reference definitions and footnotes are global in Markdown: a chunk parsed alone cannot
/// resolve a reference defined in another chunk. The scan reports lines that look like such
/// definitions (`Cut.sawDefinition`) so that callers can tell whether chunking is exact.
public struct ChunkSplitter: Sendable {
  /// The size a chunk grows to before the next cut is looked for.
  public let targetSize: Int

  public init(targetSize: Int) {
    self.targetSize = max(1, targetSize)
  }

  /// The byte ranges of the chunks, in order, covering all of `bytes`.
  public func chunks(of bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    while start < bytes.count {
      let end = cut(in: bytes, from: start, notBefore: start + targetSize).offset
      result.append(start..<end)
      start = end
    }
    return result
  }

  /// The byte ranges of the chunks, in order, covering all of `bytes`.
  public func chunks(of bytes: [UInt8]) -> [Range<Int>] {
    bytes.withUnsafeBytes { chunks(of: $0) }
  }

  /// Where a scan stopped: the offset of the line to cut before (or the end of the bytes).
  struct Cut {
    /// A line start, or `bytes.count` when no cut was found.
    var offset: Int
    /// The 1-based number of that line, counted from the scan's start, as cmark counts lines.
    var line: Int
    /// Whether a line that looks like a link reference or footnote definition was passed.
    var sawDefinition: Bool
  }

  /// The first cut at or after `minimum`, scanning from `start`, which must be 0 or a cut.
  func cut(in bytes: UnsafeRawBufferPointer, from start: Int, notBefore minimum: Int) -> Cut {
    var scanner = Scanner(bytes: bytes)
    var line = 1
    var position = start
    while position < bytes.count {
      let bounds = Self.lineBounds(in: bytes, from: position)
      if position >= minimum && position > start && scanner.canCut(before: position, end: bounds.end) {
        return Cut(offset: position, line: line, sawDefinition: scanner.sawDefinition)
      }
      scanner.advance(line: position, end: bounds.end)
      position = bounds.next
      line += 1
    }
    return Cut(offset: bytes.count, line: line, sawDefinition: scanner.sawDefinition)
  }

  /// The end of the line at `start` (before its terminator) and the start of the next line.
  ///
  /// Line ends are LF, CRLF and a lone CR, as in cmark.
  static func lineBounds(in bytes: UnsafeRawBufferPointer, from start: Int) -> (end: Int, next: Int) {
    guard let base = bytes.baseAddress, start < bytes.count else { return (bytes.count, bytes.count) }
    let count = bytes.count
    var newline = count
    if let found = memchr(base + start, 0x0A, count - start) {
      newline = base.distance(to: UnsafeRawPointer(found))
    }
    if newline > start, let found = memchr(base + start, 0x0D, newline - start) {
      let carriageReturn = base.distance(to: UnsafeRawPointer(found))
      let isCRLF = carriageReturn + 1 == newline && newline < count
      return (carriageReturn, isCRLF ? newline + 1 : carriageReturn + 1)
    }
    return (newline, newline < count ? newline + 1 : count)
  }
}

/// The line-by-line state of a `ChunkSplitter` scan: which region the text is in.
private struct Scanner {
  enum Region {
    case normal
    /// Fenced code: its marker byte and length; `nested` if it may sit inside a container.
    case fence(marker: UInt8, length: Int, nested: Bool)
    /// An HTML block of types 1 to 5, which ends at a line containing `end`.
    case html(end: [UInt8], caseInsensitive: Bool, nested: Bool)
    /// An HTML block of types 6 and 7, which ends at a blank line.
    case htmlUntilBlank
  }

  let bytes: UnsafeRawBufferPointer
  var region = Region.normal
  /// True at the scan's start too: no paragraph is open there.
  var previousBlank = true
  /// Whether a list item or block quote may still be open, so indented lines may belong to it.
  var containerMayBeOpen = false
  var sawDefinition = false

  init(bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  private static let quoteMarker = UInt8(ascii: ">")

  /// Whether the parser is at top level with nothing open before the line `start..<end`.
  mutating func canCut(before start: Int, end: Int) -> Bool {
    guard previousBlank, start < end else { return false }
    let first = bytes[start]
    guard first != Self.space && first != Self.tab else { return false }
    closeNestedRegion(atLineStarting: first)
    guard case .normal = region else { return false }
    if listMarkerEnd(at: start, end: end) != nil { return false }
    // cmark skips a byte order mark at the start of its input, but not in the middle of a document.
    if end - start >= 3 && bytes[start] == 0xEF && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF {
      return false
    }
    return true
  }

  /// Takes in the line `start..<end`.
  mutating func advance(line start: Int, end: Int) {
    let blank = isBlank(start, end)
    if !blank {
      let first = bytes[start]
      if first != Self.space && first != Self.tab {
        closeNestedRegion(atLineStarting: first)
        if previousBlank && first != Self.quoteMarker && listMarkerEnd(at: start, end: end) == nil {
          containerMayBeOpen = false
        }
      }
    }
    switch region {
    case .fence(let marker, let length, let nested):
      if isClosingFence(start, end, marker: marker, length: length, nested: nested) { region = .normal }
    case .html(let endMarker, let caseInsensitive, _):
      if contains(endMarker, in: start..<end, caseInsensitive: caseInsensitive) { region = .normal }
    case .htmlUntilBlank:
      if blank { region = .normal }
    case .normal:
      if !blank { startBlock(start, end) }
    }
    previousBlank = blank
  }

  /// A line at column 0 that is not a block quote marker closes every list item and block quote,
  /// and with them any fence or HTML block inside them.
  private mutating func closeNestedRegion(atLineStarting first: UInt8) {
    guard first != Self.quoteMarker else { return }
    switch region {
    case .fence(_, _, true), .html(_, _, true): region = .normal
    default: break
    }
  }

  /// Notes what a non-blank line outside code and HTML opens: a fence, an HTML block, a container.
  private mutating func startBlock(_ start: Int, _ end: Int) {
    let spaces = leadingSpaces(start, end)
    // Four columns of indentation (a tab reaches them) make indented code or a continuation line.
    guard spaces < 4, start + spaces < end, bytes[start + spaces] != Self.tab else { return }
    let content = skipContainerMarkers(from: start + spaces, end: end)
    if content > start + spaces { containerMayBeOpen = true }
    let nested = content > start + spaces || (spaces > 0 && containerMayBeOpen)
    guard content < end else { return }
    if let fence = fenceOpening(at: content, end: end) {
      region = .fence(marker: fence.marker, length: fence.length, nested: nested)
    } else if bytes[content] == UInt8(ascii: "<") {
      startHTML(at: content, lineStart: start, end: end, nested: nested)
    } else if bytes[content] == UInt8(ascii: "[") && contains(Array("]:".utf8), in: content..<end) {
      sawDefinition = true
    }
  }

  /// Skips block quote markers and list markers at `position`; returns where the content begins.
  private func skipContainerMarkers(from position: Int, end: Int) -> Int {
    var position = position
    while position < end {
      var indented = position
      while indented < end && indented - position < 3 && bytes[indented] == Self.space { indented += 1 }
      guard indented < end else { return position }
      if bytes[indented] == Self.quoteMarker {
        position = indented + 1
        if position < end && (bytes[position] == Self.space || bytes[position] == Self.tab) { position += 1 }
      } else if let markerEnd = listMarkerEnd(at: indented, end: end), markerEnd < end {
        position = markerEnd
        while position < end && (bytes[position] == Self.space || bytes[position] == Self.tab) {
          position += 1
        }
      } else {
        return indented
      }
    }
    return position
  }

  /// The end of a list marker (`-`, `+`, `*`, or 1 to 9 digits and `.` or `)`) at `position`, if the
  /// marker is followed by a space, a tab or the line end.
  private func listMarkerEnd(at position: Int, end: Int) -> Int? {
    guard position < end else { return nil }
    var markerEnd: Int
    switch bytes[position] {
    case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
      markerEnd = position + 1
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      markerEnd = position
      while markerEnd < end && markerEnd - position < 9 && isDigit(bytes[markerEnd]) { markerEnd += 1 }
      guard markerEnd < end, bytes[markerEnd] == UInt8(ascii: ".") || bytes[markerEnd] == UInt8(ascii: ")")
      else { return nil }
      markerEnd += 1
    default:
      return nil
    }
    guard markerEnd == end || bytes[markerEnd] == Self.space || bytes[markerEnd] == Self.tab else {
      return nil
    }
    return markerEnd
  }

  /// An opening code fence at `position`: three or more backticks (with no backtick after them on the
  /// line) or three or more tildes.
  private func fenceOpening(at position: Int, end: Int) -> (marker: UInt8, length: Int)? {
    let marker = bytes[position]
    guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
    var runEnd = position
    while runEnd < end && bytes[runEnd] == marker { runEnd += 1 }
    guard runEnd - position >= 3 else { return nil }
    if marker == UInt8(ascii: "`") {
      for index in runEnd..<end where bytes[index] == marker { return nil }
    }
    return (marker, runEnd - position)
  }

  /// Whether the line closes a fence: at most three spaces of indentation (more, and quote markers,
  /// inside a container), at least `length` markers, then only spaces and tabs.
  private func isClosingFence(_ start: Int, _ end: Int, marker: UInt8, length: Int, nested: Bool) -> Bool {
    var position = start
    if nested {
      while position < end
        && (bytes[position] == Self.space || bytes[position] == Self.tab
          || bytes[position] == Self.quoteMarker)
      {
        position += 1
      }
    } else {
      let spaces = leadingSpaces(start, end)
      guard spaces < 4 else { return false }
      position += spaces
    }
    var runEnd = position
    while runEnd < end && bytes[runEnd] == marker { runEnd += 1 }
    guard runEnd - position >= length else { return false }
    return isBlank(runEnd, end)
  }

  /// Opens an HTML block if `position` (a `<`) starts one, following cmark-gfm 0.29's seven kinds.
  private mutating func startHTML(at position: Int, lineStart: Int, end: Int, nested: Bool) {
    let rest = position..<end
    func open(_ endMarker: String, caseInsensitive: Bool = false) {
      let marker = Array(endMarker.utf8)
      // The end condition may already hold on the opening line.
      if !contains(marker, in: rest, caseInsensitive: caseInsensitive) {
        region = .html(end: marker, caseInsensitive: caseInsensitive, nested: nested)
      }
    }
    if hasPrefix("<!--", at: position, end: end) {
      open("-->")
    } else if hasPrefix("<![CDATA[", at: position, end: end) {
      open("]]>")
    } else if hasPrefix("<?", at: position, end: end) {
      open("?>")
    } else if position + 2 < end && bytes[position + 1] == UInt8(ascii: "!")
      && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[position + 2])
    {
      open(">")
    } else if let tag = tagName(at: position + 1, end: end), ["script", "pre", "style"].contains(tag.name) {
      open("</" + tag.name + ">", caseInsensitive: true)
    } else if let tag = tagName(at: position + 1, end: end), Self.blockTagNames.contains(tag.name) {
      region = .htmlUntilBlank
    } else if previousBlank, tagName(at: position + 1, end: end) != nil {
      // Type 7 (any complete tag alone on its line) cannot interrupt a paragraph; after a blank line
      // no paragraph is open. The tag's syntax is not checked: ending at the blank line either way.
      var last = end - 1
      while last > position && (bytes[last] == Self.space || bytes[last] == Self.tab) { last -= 1 }
      if bytes[last] == UInt8(ascii: ">") { region = .htmlUntilBlank }
    }
  }

  /// The lowercased tag name at `position` (after `<` or `</`) if it ends at a space, tab, `>`, `/>`
  /// or the line end.
  private func tagName(at position: Int, end: Int) -> (name: String, end: Int)? {
    var start = position
    if start < end && bytes[start] == UInt8(ascii: "/") { start += 1 }
    var index = start
    while index < end
      && (isLetter(bytes[index])
        || (index > start && (isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-"))))
    {
      index += 1
    }
    guard index > start else { return nil }
    if index < end {
      let next = bytes[index]
      let endsTag =
        next == Self.space || next == Self.tab || next == UInt8(ascii: ">")
        || (next == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: ">"))
      guard endsTag else { return nil }
    }
    let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    return (name.lowercased(), index)
  }

  private static let blockTagNames: Set<String> = [
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
    "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "track", "ul",
  ]

  private func hasPrefix(_ prefix: String, at position: Int, end: Int) -> Bool {
    var index = position
    for byte in prefix.utf8 {
      guard index < end, bytes[index] == byte else { return false }
      index += 1
    }
    return true
  }

  private func contains(_ needle: [UInt8], in range: Range<Int>, caseInsensitive: Bool = false) -> Bool {
    guard let first = needle.first, range.count >= needle.count else { return false }
    var index = range.lowerBound
    while index + needle.count <= range.upperBound {
      if fold(bytes[index], caseInsensitive) == first {
        var offset = 1
        while offset < needle.count && fold(bytes[index + offset], caseInsensitive) == needle[offset] {
          offset += 1
        }
        if offset == needle.count { return true }
      }
      index += 1
    }
    return false
  }

  private func fold(_ byte: UInt8, _ caseInsensitive: Bool) -> UInt8 {
    caseInsensitive && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  private func leadingSpaces(_ start: Int, _ end: Int) -> Int {
    var index = start
    while index < end && bytes[index] == Self.space { index += 1 }
    return index - start
  }

  private func isBlank(_ start: Int, _ end: Int) -> Bool {
    var index = start
    while index < end {
      if bytes[index] != Self.space && bytes[index] != Self.tab { return false }
      index += 1
    }
    return true
  }

  private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

  private func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }
}

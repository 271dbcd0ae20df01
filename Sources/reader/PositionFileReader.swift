import ReaderCore

/// Reads one document's state file as `PositionStore.save` writes it, without `JSONDecoder`: the
/// file is read before the first screen, where JSONDecoder's first use (its containers, the
/// generic metadata and conformances they look up) was 8% of the instructions. Strict: a key, a
/// type or a form that `save` does not write (an unknown or repeated key, a fraction where a
/// whole number goes, a negative place, an escape it cannot map, invalid UTF-8) gives nil, and
/// the store reads the file with JSONDecoder instead, so the two never disagree on what it says.
struct PositionFileReader {
  /// What the viewer needs of a state file before its first screen.
  struct Place: Equatable {
    var version: Int
    var path: String
    var contentHash: String
    var position: ReadingPosition
  }

  private let bytes: [UInt8]
  private var index = 0

  private init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The place `bytes` hold, or nil when they are not exactly a state file as `save` writes one.
  static func read(_ bytes: [UInt8]) -> Place? {
    var reader = PositionFileReader(bytes)
    guard let place = reader.entry() else { return nil }
    reader.skipWhitespace()
    return reader.index == bytes.count ? place : nil
  }

  private mutating func entry() -> Place? {
    var version: Int?
    var path: String?
    var contentHash: String?
    var position: ReadingPosition?
    let read = members { reader, key in
      switch key {
      case "version": version = reader.integer()
      case "path": path = reader.string()
      case "contentHash": contentHash = reader.string()
      case "position": position = reader.readingPosition()
      case "title": return reader.null() || reader.string() != nil
      case "progress": return reader.null() || reader.integer() != nil
      case "lastRead": return reader.null() || reader.number()
      default: return false
      }
      return true
    }
    guard read, let version, let path, let contentHash, let position else { return nil }
    return Place(version: version, path: path, contentHash: contentHash, position: position)
  }

  private mutating func readingPosition() -> ReadingPosition? {
    var place = PlaceFields()
    var script: String?
    var outlineVisible: Bool?
    var marks: [String: MarkPlace] = [:]
    let read = members { reader, key in
      if place.read(key, from: &reader) { return true }
      switch key {
      case "script": script = reader.string()
      case "outlineVisible": outlineVisible = reader.boolean()
      case "marks":
        guard let found = reader.marks() else { return false }
        marks = found
      default: return false
      }
      return true
    }
    guard read, let text = place.position, let script, let outlineVisible else { return nil }
    var position = ReadingPosition(position: text, script: .original, outlineVisible: outlineVisible)
    position.script = script
    position.marks = marks
    return position
  }

  private mutating func marks() -> [String: MarkPlace]? {
    var marks: [String: MarkPlace] = [:]
    let read = members { reader, name in
      guard marks[name] == nil, let place = reader.markPlace() else { return false }
      marks[name] = place
      return true
    }
    return read ? marks : nil
  }

  private mutating func markPlace() -> MarkPlace? {
    var place = PlaceFields()
    let read = members { reader, key in place.read(key, from: &reader) }
    guard read, let position = place.position else { return nil }
    return MarkPlace(position)
  }

  /// The `block`, `leaf` and `offset` of a place (the reading position's or a mark's), as read.
  private struct PlaceFields {
    var block: Int?
    var leaf: Int?
    var offset: Int?

    /// Reads the value of `key` when it is one of the three; false when it is another key.
    mutating func read(_ key: String, from reader: inout PositionFileReader) -> Bool {
      switch key {
      case "block": block = reader.integer()
      case "leaf": leaf = reader.integer()
      case "offset": offset = reader.integer()
      default: return false
      }
      return true
    }

    /// The place, when all three were read and none is negative (JSONDecoder refuses those).
    var position: TextPosition? {
      guard let block, let leaf, let offset, block >= 0, leaf >= 0, offset >= 0 else { return nil }
      return TextPosition(block: block, key: LineKey(leaf: leaf, offset: offset))
    }
  }

  /// Reads an object, handing each member's key to `member`, which reads its value and answers
  /// whether it could; false for a malformed object, a repeated key or a member refused.
  private mutating func members(_ member: (inout PositionFileReader, String) -> Bool) -> Bool {
    skipWhitespace()
    guard take(UInt8(ascii: "{")) else { return false }
    skipWhitespace()
    if take(UInt8(ascii: "}")) { return true }
    var keys: [String] = []
    while true {
      skipWhitespace()
      guard let key = string(), !keys.contains(key) else { return false }
      keys.append(key)
      skipWhitespace()
      guard take(UInt8(ascii: ":")) else { return false }
      skipWhitespace()
      guard member(&self, key) else { return false }
      skipWhitespace()
      if take(UInt8(ascii: "}")) { return true }
      guard take(UInt8(ascii: ",")) else { return false }
    }
  }

  private mutating func string() -> String? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    var text: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(validating: text, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
          guard let scalar = escapedScalar() else { return nil }
          text.append(contentsOf: String(Character(scalar)).utf8)
        default: return nil
        }
      case 0..<0x20:
        return nil
      default:
        text.append(byte)
      }
    }
    return nil
  }

  /// The scalar after `\u`: four hex digits, or a surrogate pair as two escapes.
  private mutating func escapedScalar() -> Unicode.Scalar? {
    guard let first = hexQuad() else { return nil }
    if (0xD800..<0xDC00).contains(first) {
      guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let second = hexQuad(),
        (0xDC00..<0xE000).contains(second)
      else { return nil }
      return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }
    return Unicode.Scalar(first)
  }

  private mutating func hexQuad() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for byte in bytes[index..<index + 4] {
      guard let digit = HexDigit.value(of: byte) else { return nil }
      value = value << 4 | UInt32(digit)
    }
    index += 4
    return value
  }

  /// A whole number as JSONEncoder writes an `Int`: digits, a minus sign before them, no leading
  /// zero, nothing after them that would make it a fraction.
  private mutating func integer() -> Int? {
    let negative = take(UInt8(ascii: "-"))
    let start = index
    var value = 0
    while index < bytes.count, let digit = Self.digitValue(bytes[index]) {
      let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
      let (added, overflowedAdding) = shifted.addingReportingOverflow(negative ? -digit : digit)
      guard !overflowed, !overflowedAdding else { return nil }
      value = added
      index += 1
    }
    let count = index - start
    guard count > 0, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
    if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
      return nil
    }
    return value
  }

  /// A JSON number whose value is a normal `Double` or zero written as zero (its value is not
  /// kept). One that overflows, or underflows to zero or a subnormal (`1e-607`, which JSONDecoder
  /// refuses), is left to JSONDecoder.
  private mutating func number() -> Bool {
    let start = index
    _ = take(UInt8(ascii: "-"))
    guard digits(allowingLeadingZero: false) else { return false }
    if take(UInt8(ascii: ".")) { guard digits(allowingLeadingZero: true) else { return false } }
    let mantissa = bytes[start..<index]
    if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
      if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
      guard digits(allowingLeadingZero: true) else { return false }
    }
    guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
      return false
    }
    let writtenAsZero = mantissa.allSatisfy {
      $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
    }
    return value == 0 ? writtenAsZero : value.magnitude >= Double.leastNormalMagnitude
  }

  private mutating func digits(allowingLeadingZero: Bool) -> Bool {
    let start = index
    while index < bytes.count, Self.digitValue(bytes[index]) != nil { index += 1 }
    let count = index - start
    return count > 0 && (allowingLeadingZero || count == 1 || bytes[start] != UInt8(ascii: "0"))
  }

  private static func digitValue(_ byte: UInt8) -> Int? {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
  }

  private mutating func boolean() -> Bool? {
    if word("true") { return true }
    if word("false") { return false }
    return nil
  }

  private mutating func null() -> Bool { word("null") }

  private mutating func word(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let matches = text.withUTF8Buffer { word in bytes[index..<index + count].elementsEqual(word) }
    if matches { index += count }
    return matches
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }
}

/// The encoding a document's bytes were read in, by the name iconv knows it under.
public struct SourceEncoding: Hashable, Sendable, CustomStringConvertible {
  /// The name as iconv takes it (`GB18030`, `BIG5-HKSCS`, `UTF-16LE`), upper case.
  public let name: String

  public init(name: String) {
    self.name = name.uppercased()
  }

  public static let utf8 = SourceEncoding(name: "UTF-8")
  public static let utf16LittleEndian = SourceEncoding(name: "UTF-16LE")
  public static let utf16BigEndian = SourceEncoding(name: "UTF-16BE")
  public static let utf32LittleEndian = SourceEncoding(name: "UTF-32LE")
  public static let utf32BigEndian = SourceEncoding(name: "UTF-32BE")
  public static let gb18030 = SourceEncoding(name: "GB18030")
  public static let big5 = SourceEncoding(name: "BIG5")
  public static let big5HKSCS = SourceEncoding(name: "BIG5-HKSCS")

  public var description: String { name }

  /// Whether this is UTF-8 under any of its names, the encoding read without iconv.
  public var isUTF8: Bool { name == "UTF-8" || name == "UTF8" }

  /// The encoding that a byte order mark at the start of `bytes` announces, and the mark's length.
  ///
  /// UTF-32 is checked before UTF-16: its little-endian mark starts with UTF-16LE's.
  public static func byteOrderMark(_ bytes: UnsafeRawBufferPointer) -> (
    encoding: SourceEncoding, length: Int
  )? {
    func starts(with mark: [UInt8]) -> Bool {
      bytes.count >= mark.count && zip(bytes, mark).allSatisfy { $0 == $1 }
    }
    if starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if starts(with: [0xFF, 0xFE, 0, 0]) { return (.utf32LittleEndian, 4) }
    if starts(with: [0, 0, 0xFE, 0xFF]) { return (.utf32BigEndian, 4) }
    if starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
    if starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
    return nil
  }

  /// The encoding that `bytes` announce with a byte order mark (UTF-8 without one), and its length.
  public static func detect(_ bytes: [UInt8]) -> (encoding: SourceEncoding, markLength: Int) {
    let found = bytes.withUnsafeBytes { byteOrderMark($0) }
    return found.map { ($0.encoding, $0.length) } ?? (.utf8, 0)
  }
}

/// Brings displayed text and queries to the one form that search compares.
///
/// The form is Simplified (OpenCC tw2s, so 發布, 發佈 and 发布 are all 发布), lower case,
/// full-width Latin letters and digits as ASCII (Ｏｐｅｎ is open), and every blank a plain space.
/// A case-sensitive search (smart case) compares the same form with case kept.
/// Text keeps a map from its normalised bytes back to its layout clusters, so that a match
/// found in normalised form is reported where it is drawn.
public struct SearchNormalizer: Sendable {
  /// The OpenCC configuration both sides go through.
  public static let configName = "tw2s"

  private let converter: OpenCCConverter

  /// Opens tw2s (about 2 ms the first time); missing OpenCC data is a `ConversionError`.
  public init(library: OpenCCLibrary = .shared) throws(ConversionError) {
    converter = try library.converter(named: Self.configName)
  }

  /// The query in normalised form, or "" when nothing is left to search for.
  ///
  /// The query is made visible first, like the document's text (an ESC typed or pasted becomes
  /// ␛ and finds only ␛), and a query of nothing but blanks searches for nothing.
  public func normalize(query: String, keepingCase: Bool = false) -> String {
    let visible = VisibleText.sanitize(query)
    // tw2s fails only on invalid UTF-8, which a Swift string cannot hold; searching the
    // unconverted query is the harmless answer if it ever does.
    let converted = (try? convert(visible)) ?? visible
    var folded = String.UnicodeScalarView()
    for scalar in converted.unicodeScalars { Self.fold(scalar, into: &folded, keepingCase: keepingCase) }
    return folded.allSatisfy({ $0 == " " }) ? "" : String(folded)
  }

  /// `text` (a leaf's displayed text) in normalised UTF-8, and where each of its layout
  /// clusters starts in those bytes: `clusterStarts[c]` for cluster `c`, as `LineKey.offset` counts.
  public func normalize(displayed text: String, keepingCase: Bool = false) throws(ConversionError) -> (
    bytes: [UInt8], clusterStarts: [Int]
  ) {
    var normalized = NormalizedText()
    try append(displayed: text, to: &normalized)
    let clusters = 0..<normalized.clusterStarts.count
    if keepingCase { return normalized.caseKept(clusters: clusters, end: normalized.bytes.count) }
    return (normalized.bytes, normalized.clusterStarts.offsets(in: clusters).map { Int($0) })
  }

  /// Appends `text` in normalised form to `normalized`: its folded bytes, one cluster start per
  /// layout cluster, and the form with case kept of each cluster holding an upper-case letter.
  ///
  /// tw2s almost always keeps the number of characters, and then each normalised character
  /// comes from the displayed one at the same place. When a phrase changes length, the text
  /// is converted one cluster at a time instead, so the map stays exact and only that
  /// paragraph loses phrase context. Text without Han characters is not converted at all, and
  /// the common characters skip the Unicode property lookups: this runs over every character of
  /// the document when its index is built.
  func append(displayed text: String, to normalized: inout NormalizedText) throws(ConversionError) {
    var writer = NormalizedWriter(normalized: normalized)
    normalized = NormalizedText()
    defer { normalized = writer.normalized }
    guard RunText.mayContainHan(text) else {
      writer.emit(text.unicodeScalars, converted: text.unicodeScalars)
      return
    }
    let converted = try converter.convert(text)
    if converted.unicodeScalars.count == text.unicodeScalars.count {
      writer.emit(text.unicodeScalars, converted: converted.unicodeScalars)
      return
    }
    var cluster = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    func flush() throws(ConversionError) {
      guard !cluster.isEmpty else { return }
      let piece = String(cluster)
      writer.emit(cluster: try convert(piece).unicodeScalars)
      cluster = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if !Cluster.joins(width: DisplayWidth.of(scalar), after: previous) { try flush() }
      cluster.append(scalar)
      previous = scalar
    }
    try flush()
  }

  /// Text without Han characters goes nowhere near OpenCC: its per-call cost is the larger part
  /// of converting a short paragraph.
  private func convert(_ text: String) throws(ConversionError) -> String {
    RunText.mayContainHan(text) ? try converter.convert(text) : text
  }

  /// Appends the folded form of one scalar: lower case (unless `keepingCase`), full-width ASCII
  /// as ASCII, blanks as a space.
  static func fold(
    _ scalar: Unicode.Scalar, into result: inout String.UnicodeScalarView, keepingCase: Bool = false
  ) {
    var value = scalar.value
    if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
    if value < 0x80 {
      if (0x41...0x5A).contains(value) && !keepingCase {
        value += 0x20
      } else if (0x09...0x0D).contains(value) {
        value = 0x20
      }
      result.append(Unicode.Scalar(UInt8(value)))
      return
    }
    if scalar.properties.isWhitespace {
      result.append(" ")
    } else if scalar.properties.changesWhenLowercased && !keepingCase {
      result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    } else {
      result.append(scalar)
    }
  }
}

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
  ///
  /// tw2s almost always keeps the number of characters, and then each normalised character
  /// comes from the displayed one at the same place. When a phrase changes length, the text
  /// is converted one cluster at a time instead, so the map stays exact and only that
  /// paragraph loses phrase context.
  public func normalize(displayed text: String, keepingCase: Bool = false) throws(ConversionError) -> (
    bytes: [UInt8], clusterStarts: [Int]
  ) {
    let scalars = Array(text.unicodeScalars)
    var clusterOf: [Int] = []
    clusterOf.reserveCapacity(scalars.count)
    var cluster = -1
    var previous: Unicode.Scalar?
    for scalar in scalars {
      if !Cluster.joins(width: DisplayWidth.of(scalar), after: previous) { cluster += 1 }
      clusterOf.append(cluster)
      previous = scalar
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 1)
    var clusterStarts: [Int] = []
    clusterStarts.reserveCapacity(cluster + 1)
    func emit(_ scalar: Unicode.Scalar, cluster: Int) {
      while clusterStarts.count <= cluster { clusterStarts.append(bytes.count) }
      if (0x4E00...0x9FFF).contains(scalar.value) || (0x3001...0x303F).contains(scalar.value) {
        // Han and CJK punctuation fold to themselves: skip the property lookups.
        bytes.append(contentsOf: UTF8.encode(scalar)!)
        return
      }
      var folded = String.UnicodeScalarView()
      Self.fold(scalar, into: &folded, keepingCase: keepingCase)
      for scalar in folded { bytes.append(contentsOf: UTF8.encode(scalar)!) }
    }
    let converted = Array(try convert(text).unicodeScalars)
    if converted.count == scalars.count {
      for (index, scalar) in converted.enumerated() { emit(scalar, cluster: clusterOf[index]) }
    } else {
      var start = 0
      while start < scalars.count {
        var end = start + 1
        while end < scalars.count && clusterOf[end] == clusterOf[start] { end += 1 }
        var piece = String.UnicodeScalarView()
        piece.append(contentsOf: scalars[start..<end])
        for scalar in try convert(String(piece)).unicodeScalars { emit(scalar, cluster: clusterOf[start]) }
        start = end
      }
    }
    while clusterStarts.count <= cluster { clusterStarts.append(bytes.count) }
    return (bytes, clusterStarts)
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

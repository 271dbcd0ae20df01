/// Where a line may break: between words, between CJK characters, never against kinsoku rules.
enum LineBreakRules {
  /// Punctuation that must not start a line.
  static let closing =
    "，。、；：？！）」』〉》】〕〗〙〛｝］｠…‥·・’”〞〟％．,.;:!?)]}%ー～ヽヾゝゞ々〻ぁぃぅぇぉっゃゅょァィゥェォッャュョ"
  /// Punctuation that must not end a line.
  static let opening = "（「『〈《【〔〖〘〚｛［｟‘“〝([{"

  /// What a cluster means for line breaking, worked out once when the cluster is made.
  struct Traits: OptionSet {
    let rawValue: UInt8
    static let closing = Traits(rawValue: 1 << 0)
    static let opening = Traits(rawValue: 1 << 1)
    static let wide = Traits(rawValue: 1 << 2)
    static let alphabetic = Traits(rawValue: 1 << 3)
    static let hyphen = Traits(rawValue: 1 << 4)
  }

  /// `closing` and `opening` (all in the Basic Multilingual Plane) as a table by scalar value, and
  /// for ASCII every trait: hashing each scalar into the sets cost a large document's layout
  /// a twentieth of its time.
  private static let punctuation: [Traits] = {
    var table = [Traits](repeating: [], count: 0x10000)
    // Read from the strings themselves: sets made of them first hashed each scalar before the first screen.
    for scalar in closing.unicodeScalars { table[Int(scalar.value)].insert(.closing) }
    for scalar in opening.unicodeScalars { table[Int(scalar.value)].insert(.opening) }
    for value in 0..<0x80
    where (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
      || (0x30...0x39).contains(value)
    {
      table[value] = .alphabetic
    }
    table[0x2D] = .hyphen
    return table
  }()

  /// The traits of a cluster that starts with `scalar` and is `width` columns wide.
  static func traits(of scalar: Unicode.Scalar, width: Int) -> Traits {
    let value = scalar.value
    if value < 0x80 { return punctuation[Int(value)] }
    var traits: Traits = []
    if width == 2 || (0x2E80...0x9FFF).contains(value) || (0xFF00...0xFFEF).contains(value) {
      traits.insert(.wide)
    }
    // Ideographs are neither opening nor closing; only punctuation needs the table.
    if !(0x3400...0x9FFF).contains(value) {
      if value < 0x10000 { traits.formUnion(punctuation[Int(value)]) }
      if traits.isEmpty && scalar.properties.isAlphabetic { traits.insert(.alphabetic) }
    }
    return traits
  }

  /// Whether a line may begin at `index`.
  static func canBreak(before index: Int, in clusters: [Cluster]) -> Bool {
    canBreak(between: clusters[index - 1], and: clusters[index])
  }

  /// Whether a line may begin at `current`, which follows `previous`.
  static func canBreak(between previous: Cluster, and current: Cluster) -> Bool {
    if current.isSpace { return false }
    if previous.isSpace { return !current.traits.contains(.closing) }
    if current.traits.contains(.closing) || previous.traits.contains(.opening) { return false }
    if previous.traits.contains(.wide) || current.traits.contains(.wide) { return true }
    return previous.traits.contains(.hyphen) && current.traits.contains(.alphabetic)
  }
}

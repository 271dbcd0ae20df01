/// Finds faction items: list items that open with a strong label such as `**Sam Altman 派:**`.
///
/// The label must end in one of the suffixes and be followed by a colon, full-width or
/// half-width, either as the last character inside the strong span or as the first
/// non-blank character after it. The English suffixes are whole words, in any case.
public enum FactionDetector {
  /// Suffixes written in CJK; they attach to the name with or without a space (奧特曼派).
  public static let cjkSuffixes = ["派系", "陣營", "阵营", "派"]
  /// Suffixes written in Latin letters; they must stand apart from the name (`Hawk camp`).
  public static let latinSuffixes = ["faction", "camp"]
  static let colons: Set<Character> = [":", "："]

  /// The first list, in reading order, holding at least one faction item.
  public static func summary(in document: Document) -> FactionSummary? {
    for (index, block) in document.blocks.enumerated() {
      if let summary = summary(in: block, topIndex: index) { return summary }
    }
    return nil
  }

  /// The first list in `block` (top-level block `topIndex`), depth first, with a faction item.
  static func summary(in block: Block, topIndex: Int) -> FactionSummary? {
    if case .list(let list) = block.kind {
      let factions = list.items.compactMap { faction(in: $0, topIndex: topIndex) }
      if !factions.isEmpty { return FactionSummary(topIndex: topIndex, listID: block.id, factions: factions) }
    }
    for child in block.children {
      if let summary = summary(in: child, topIndex: topIndex) { return summary }
    }
    return nil
  }

  /// The faction that `item` declares, or nil when it does not open with a faction label.
  public static func faction(in item: ListItem, topIndex: Int) -> Faction? {
    guard let first = item.blocks.first, case .paragraph(let runs) = first.kind else { return nil }
    let strongCount = runs.prefix { $0.style.contains(.bold) }.count
    guard strongCount > 0 else { return nil }
    var label = runs[..<strongCount].map(\.text).joined().trimmingWhitespace()
    var rest = Substring(runs[strongCount...].map(\.text).joined())
    if let last = label.last, colons.contains(last) {
      label = String(label.dropLast()).trimmingWhitespace()
    } else {
      let afterBlanks = rest.drop { $0 == " " || $0 == "\u{3000}" }
      guard let colon = afterBlanks.first, colons.contains(colon) else { return nil }
      rest = afterBlanks.dropFirst()
    }
    guard !label.contains("\n"), let name = name(ofLabel: label) else { return nil }
    let more = item.blocks.dropFirst().map(plainText(of:))
    let summary = ([String(rest)] + more).joined(separator: " ")
      .split(whereSeparator: { $0 == "\n" }).joined(separator: " ").trimmingWhitespace()
    return Faction(name: name, label: label, summary: summary, topIndex: topIndex, itemLeafID: first.id)
  }

  /// The name a label gives, once its suffix is removed; nil without a suffix or without a name.
  public static func name(ofLabel label: String) -> String? {
    for suffix in cjkSuffixes where label.hasSuffix(suffix) {
      let name = String(label.dropLast(suffix.count)).trimmingWhitespace()
      return name.isEmpty ? nil : name
    }
    let scalars = Array(label.unicodeScalars)
    for suffix in latinSuffixes {
      let suffixScalars = Array(suffix.unicodeScalars)
      guard scalars.count > suffixScalars.count else { continue }
      let tail = scalars[(scalars.count - suffixScalars.count)...]
      guard zip(tail, suffixScalars).allSatisfy({ asciiLowercase($0) == $1 }) else { continue }
      let before = scalars[..<(scalars.count - suffixScalars.count)]
      // `Bootcamp` is not the Boot camp: the suffix must be a word of its own.
      guard let previous = before.last, !WholeWord.isLatinWordScalar(previous) else { continue }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: before)
      let name = String(view).trimmingWhitespace()
      return name.isEmpty ? nil : name
    }
    return nil
  }

  private static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
  }

  private static func plainText(of block: Block) -> String {
    switch block.kind {
    case .heading(_, let runs), .paragraph(let runs): return runs.plainText
    case .code(_, let text): return text
    case .table(let table):
      return (table.header + table.rows.flatMap { $0 }).map(\.plainText).joined(separator: " ")
    case .thematicBreak, .frontMatter: return ""
    case .list, .quote, .footnote: return block.children.map(plainText(of:)).joined(separator: " ")
    }
  }
}

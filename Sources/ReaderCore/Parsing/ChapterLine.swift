/// One line of plain text that reads like a chapter heading: `第一回　甄士隱夢幻識通靈`, `第二卷`,
/// `楔子`, `後記`, `番外一`, `Chapter 3: The Road`.
///
/// `parse` only looks at the line; whether it really is a heading is for `ChapterDetector`,
/// which checks that the numbers of a kind run in sequence.
struct ChapterLine: Hashable, Sendable {
  /// What marks the line, which decides its level and which lines its number runs with.
  enum Kind: Hashable, Sendable {
    /// `第N卷`, `第N部`, `第N篇`, `第N集`: a level above chapters.
    case volume(Character)
    /// `第N章`, `第N回`, and `Chapter N`.
    case chapter(Character)
    /// `第N節`: a level below chapters.
    case section
    /// 楔子, 序, 前言, 尾聲, 後記, 番外…: unnumbered parts at chapter level.
    case named

    /// 0 for volumes, 1 for chapters and named parts, 2 for sections.
    var rank: Int {
      switch self {
      case .volume: return 0
      case .chapter, .named: return 1
      case .section: return 2
      }
    }
  }

  var kind: Kind
  /// The number, when the line has one that could be read.
  var number: Int?
  /// The heading as shown: the line without its indent and trailing space.
  var title: String

  /// The longest line that can be a heading, in characters.
  static let maximumLength = 40
  static let numerals = Set("一二三四五六七八九十百千萬万零〇两兩0123456789０１２３４５６７８９")
  static let separators = Set(" \u{3000}\t：:、.．-—·")
  /// Punctuation that ends or joins clauses: a line holding it is prose, not a heading title.
  static let clausePunctuation = Set("。，；,;")
  static let namedParts = ["楔子", "序章", "序言", "序", "前言", "引子", "尾聲", "尾声", "後記", "后记", "番外"]

  /// The line read as a chapter line, or nil when it is not one.
  static func parse(_ line: Substring) -> ChapterLine? {
    var trimmed = line.drop(while: \.isWhitespace)
    while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
    // Counted no further than the limit: a line of prose that starts like a heading is long.
    guard let first = trimmed.first, trimmed.dropFirst(maximumLength).isEmpty else { return nil }
    let text = String(trimmed)
    switch first {
    case "第": return numbered(text)
    case "C", "c": return english(text)
    default: return named(text)
    }
  }

  private static func numbered(_ text: String) -> ChapterLine? {
    let afterFirst = text.dropFirst()
    let digits = afterFirst.prefix(while: { numerals.contains($0) })
    guard !digits.isEmpty, let marker = afterFirst.dropFirst(digits.count).first else { return nil }
    let kind: Kind
    switch marker {
    case "卷", "部", "篇", "集": kind = .volume(marker)
    case "章", "回": kind = .chapter(marker)
    case "節", "节": kind = .section
    default: return nil
    }
    let rest = afterFirst.dropFirst(digits.count + 1)
    guard isTitle(rest) else { return nil }
    return ChapterLine(kind: kind, number: ChineseNumber.value(of: digits), title: text)
  }

  private static func named(_ text: String) -> ChapterLine? {
    for part in namedParts where text.hasPrefix(part) {
      let rest = text.dropFirst(part.count)
      // 序 and the others stand alone or before a separator; 番外 may run straight on (番外一).
      if part != "番外" && !rest.isEmpty && !separators.contains(rest.first!) { continue }
      guard isTitle(rest) else { return nil }
      return ChapterLine(kind: .named, number: nil, title: text)
    }
    return nil
  }

  private static func english(_ text: String) -> ChapterLine? {
    let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    guard words.count >= 2, words[0].lowercased() == "chapter" else { return nil }
    var numberWord = words[1]
    while let last = numberWord.last, separators.contains(last) { numberWord = numberWord.dropLast() }
    guard let number = Int(numberWord) ?? RomanNumber.value(of: numberWord) else { return nil }
    let rest = words.count > 2 ? words[2] : ""
    guard isTitle(rest[...]), !rest.hasSuffix(".") else { return nil }
    return ChapterLine(kind: .chapter("C"), number: number, title: text)
  }

  /// Whether what follows the marker can be a heading's title: nothing, or a short phrase
  /// with no clause punctuation.
  private static func isTitle(_ rest: Substring) -> Bool {
    !rest.contains(where: { clausePunctuation.contains($0) })
  }
}

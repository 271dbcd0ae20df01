/// Gathers inline text into styled runs, merging neighbours of one style and resolving soft breaks.
struct InlineCollector {
  private var runs: [InlineRun] = []
  private var pendingSoftBreak: TextStyle?
  private var pendingSoftBreakTarget: InlineTarget?
  /// The runs whose text was appended to, in order: each may hold up to twice the storage it
  /// needs (a string grows by doubling), which a 100 MB book would keep for good.
  private var grown: [Int] = []

  /// Adds text; control characters are made visible here, once, for every later use.
  mutating func append(_ text: String, style: TextStyle, target: InlineTarget? = nil) {
    guard !text.isEmpty else { return }
    let visible = text == "\n" ? text : VisibleText.sanitize(text)
    if let breakStyle = pendingSoftBreak {
      pendingSoftBreak = nil
      if !Self.joinsWithoutSpace(before: sideBefore(), after: Self.side(after: visible)) {
        add(" ", style: breakStyle, target: pendingSoftBreakTarget)
      }
    }
    add(visible, style: style, target: target)
  }

  /// A line end inside a paragraph: a space between words, nothing between CJK characters.
  mutating func softBreak(style: TextStyle, target: InlineTarget? = nil) {
    if pendingSoftBreak == nil {
      pendingSoftBreak = style
      pendingSoftBreakTarget = target
    }
  }

  /// The runs, each in storage of its own size (see `grown`).
  func finish() -> [InlineRun] {
    guard !grown.isEmpty || runs.capacity > runs.count else { return runs }
    var exact: [InlineRun] = []
    exact.reserveCapacity(runs.count)
    exact += runs
    for index in grown {
      var text = exact[index].text
      exact[index].text = text.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
    return exact
  }

  private mutating func add(_ text: String, style: TextStyle, target: InlineTarget?) {
    if let last = runs.last, last.style == style, last.target == target {
      runs[runs.count - 1].text += text
      if grown.last != runs.count - 1 { grown.append(runs.count - 1) }
    } else {
      runs.append(InlineRun(text, style: style, target: target))
    }
  }

  /// What a source line break touches on one side, for CSS Text's segment break rule.
  enum Side {
    /// Nothing, or a character that keeps the space (Latin, digits, Hangul, ...).
    case spaced
    /// A CJK character or punctuation of East Asian Width F, W or H, not Hangul.
    case cjk
    /// Only curly quotes (ambiguous width) before the edge of the text looked at.
    case quote
  }

  /// CSS Text 3 removes a segment break between two characters of East Asian Width F, W or H
  /// unless one is Hangul; curly quotes (width A) next to CJK count as CJK punctuation here, since
  /// Chinese text uses them as its own quotes (`他說\n“來了。”` is `他說“來了。”`).
  static func joinsWithoutSpace(before: Side, after: Side) -> Bool {
    switch (before, after) {
    case (.cjk, .cjk), (.cjk, .quote), (.quote, .cjk): return true
    default: return false
    }
  }

  /// The side before the break: the last scalar of the runs so far that is not a quote or invisible.
  /// Looks at a few scalars only, so a paragraph of thousands of invisible lines stays linear.
  private func sideBefore() -> Side {
    var sawQuote = false
    var budget = Self.lookaround
    for run in runs.reversed() {
      for scalar in run.text.unicodeScalars.reversed() {
        budget -= 1
        if budget < 0 { return sawQuote ? .quote : .spaced }
        if Self.isCurlyQuote(scalar) {
          sawQuote = true
        } else if !Self.isTransparent(scalar) {
          return Self.isCJK(scalar) ? .cjk : (sawQuote ? .quote : .spaced)
        }
      }
    }
    return sawQuote ? .quote : .spaced
  }

  /// The side after the break: the first scalar of `text` that is not a quote or invisible.
  private static func side(after text: String) -> Side {
    var sawQuote = false
    for scalar in text.unicodeScalars.prefix(lookaround) {
      if isCurlyQuote(scalar) {
        sawQuote = true
      } else if !isTransparent(scalar) {
        return isCJK(scalar) ? .cjk : (sawQuote ? .quote : .spaced)
      }
    }
    return sawQuote ? .quote : .spaced
  }

  /// How many scalars each side of a break are looked at.
  private static let lookaround = 16

  private static func isCurlyQuote(_ scalar: Unicode.Scalar) -> Bool {
    (0x2018...0x201F).contains(scalar.value)
  }

  /// Zero-width and format characters (ZWSP, WJ, a BOM) take no side.
  private static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value > 0x7F && DisplayWidth.of(scalar, ambiguous: .narrow) == 0
  }

  private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if isHangul(value) { return false }
    // Halfwidth katakana and punctuation are East Asian Width H.
    if (0xFF61...0xFFDC).contains(value) { return true }
    return DisplayWidth.of(scalar, ambiguous: .narrow) == 2
  }

  private static func isHangul(_ value: UInt32) -> Bool {
    (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value)
      || (0xA960...0xA97F).contains(value) || (0xAC00...0xD7FF).contains(value)
      || (0xFFA0...0xFFDC).contains(value)
  }
}

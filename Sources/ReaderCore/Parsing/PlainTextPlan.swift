/// What the whole of a plain text decides about each of its lines: which lines are chapter
/// headings (`ChapterDetector`) and whether, and how, the text is hard-wrapped
/// (`HardWrapDetector`, nil when it is not or when reflow is off).
public struct PlainTextPlan: Sendable, Equatable {
  /// A confirmed chapter line: its heading level and title.
  public struct Heading: Sendable, Equatable {
    public var level: Int
    public var title: String
  }

  /// The chapter headings by line index.
  public var headings: [Int: Heading]
  public var wrap: HardWrap?

  public init(lines: [Substring], reflow: Bool) {
    let found = ChapterDetector.headings(in: lines)
    headings = found.mapValues { Heading(level: $0.level, title: $0.title) }
    wrap = reflow ? HardWrapDetector.wrap(of: lines, excluding: { found[$0] != nil }) : nil
  }

  /// Whether this plan treats the first `count` lines as `other` does.
  func agrees(with other: PlainTextPlan, onFirst count: Int) -> Bool {
    guard wrap == other.wrap else { return false }
    func within(_ plan: PlainTextPlan) -> [Int: Heading] { plan.headings.filter { $0.key < count } }
    return within(self) == within(other)
  }
}

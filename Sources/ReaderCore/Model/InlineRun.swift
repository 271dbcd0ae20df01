import Glibc

/// A piece of inline text with one style (plain, strong, emphasis, code, link or image text) and,
/// for link text and footnote references, where it leads.
public struct InlineRun: Hashable, Sendable {
  public var text: String
  public var style: TextStyle
  /// The link or footnote this text belongs to; runs next to each other with the same target are
  /// one link.
  public var target: InlineTarget?

  public init(_ text: String, style: TextStyle = [], target: InlineTarget? = nil) {
    self.text = text
    self.style = style
    self.target = target
  }
}

extension Array where Element == InlineRun {
  /// The runs' text joined, without styles.
  ///
  /// A single run's text is its own (shared storage, not a copy): a pass over every paragraph
  /// of a 100 MB document, as the faction count makes, would otherwise copy all of its text.
  public var plainText: String { count == 1 ? self[0].text : map(\.text).joined() }

  /// Whether the runs' text takes at least `bytes` bytes of UTF-8 (counted only that far).
  func hasText(atLeast bytes: Int) -> Bool {
    var length = 0
    for run in self {
      length += run.text.utf8.count
      if length >= bytes { return true }
    }
    return bytes <= 0
  }

  /// Whether `other` is the same text in the same styles and links, byte for byte (`==` on
  /// strings takes canonically equivalent text as equal, whose clusters and breaks can differ).
  func isIdentical(to other: [InlineRun]) -> Bool {
    guard count == other.count else { return false }
    for (run, theirs) in zip(self, other) {
      guard run.style == theirs.style, run.target == theirs.target,
        run.text.utf8.count == theirs.text.utf8.count
      else { return false }
      var mine = run.text
      var their = theirs.text
      let same = mine.withUTF8 { a in
        their.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
      }
      guard same else { return false }
    }
    return true
  }
}
